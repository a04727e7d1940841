"""Lesson 3: the treatment explorer (toggle buttons, drop-down, radio buttons, tick boxes)
and the medication checklist, by mouse and by keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from course_browser import widgets as ui

from bonemets.treatment import checklist, explorer, views

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

LESSON = "03_systemic_treatments.ipynb"
EXPLORER = "w.treatment_explorer("
ID_OF = {label: key for key, label in explorer.LABELS.items()}


def patient_on_page(widget: Locator) -> explorer.Patient:
    """The patient the controls on the page describe, read back from the page itself."""
    count = widget.locator(".widget-toggle-button.mod-active").inner_text().strip()
    site = widget.locator("select").input_value()
    # ipywidgets' radio values are indexes; the label around each input names it.
    bone = widget.locator("input[type=radio]:checked").evaluate(
        "e => e.parentElement.textContent.trim()"
    )
    flags = frozenset(
        ID_OF[box.evaluate("e => e.parentElement.textContent.trim()")]
        for box in widget.locator("input[type=checkbox]:checked").all()
    )
    return explorer.Patient(ID_OF[count], ID_OF[site], ID_OF[bone], flags)


def test_explorer_by_mouse(lesson: Page, shoot) -> None:
    widget = ui.view(lesson, EXPLORER)
    result = ui.html_outputs(widget).last
    # The lesson opens the explorer on: a few metastases, spine, hormone-sensitive.
    assert patient_on_page(widget) == explorer.Patient(
        "a_few", "spine", "stable", frozenset({"hormone_sensitive"})
    )
    shoot(widget, "0-start")

    widget.get_by_role("button", name="Many", exact=True).click()
    widget.locator("select").select_option(label=explorer.LABELS["pelvis"])
    widget.get_by_text(explorer.LABELS["broken"], exact=True).click()
    widget.get_by_text(explorer.LABELS["pain_uncontrolled"], exact=True).click()
    expected = explorer.Patient(
        "many", "pelvis", "broken", frozenset({"hormone_sensitive", "pain_uncontrolled"})
    )
    assert patient_on_page(widget) == expected
    ui.wait_for_text(result, ui.html_text(views.explorer_html(expected)))
    shoot(widget, "1-many-pelvis-broken-pain")


def test_explorer_by_keyboard(lesson: Page, shoot) -> None:
    widget = ui.view(lesson, EXPLORER)
    result = ui.html_outputs(widget).last
    before = patient_on_page(widget)

    # Toggle buttons are buttons: Tab between them, Space picks one.
    ui.focus(widget.get_by_role("button", name="One", exact=True))
    lesson.keyboard.press("Space")
    # Next control is the site drop-down.
    lesson.keyboard.press("Tab")
    lesson.keyboard.press("Tab")
    lesson.keyboard.press("Tab")
    ui.next_option_by_keyboard(lesson)
    # ipywidgets' radio inputs share no name, so arrows do not move between them; each
    # option is its own Tab stop. Tab from the first option to the second, Space picks it.
    ui.focus(widget.locator("input[type=radio]").first)
    lesson.keyboard.press("Tab")
    lesson.keyboard.press("Space")
    sites = list(explorer.SITES)
    expected = explorer.Patient("one", sites[sites.index(before.site) + 1], "at_risk", before.flags)
    assert patient_on_page(widget) == expected
    ui.wait_for_text(result, ui.html_text(views.explorer_html(expected)))
    shoot(widget, "1-keyboard")


def test_medication_checklist_by_keyboard(lesson: Page, shoot) -> None:
    widget = ui.view(lesson, "w.medication_checklist()")
    result = ui.html_outputs(widget).last
    current = checklist.checklist("zoledronic_acid")
    boxes = widget.get_by_role("checkbox")
    assert boxes.count() == len(current.items)
    ui.wait_for_text(result, ui.html_text(views.checklist_html(checklist.status(current, []))))

    ui.focus(boxes.nth(0))
    lesson.keyboard.press("Space")
    lesson.keyboard.press("Tab")
    lesson.keyboard.press("Space")
    done = [current.items[0].id, current.items[1].id]
    ui.wait_for_text(result, ui.html_text(views.checklist_html(checklist.status(current, done))))
    shoot(widget, "1-two-ticked")

    for box in boxes.all():  # mouse: tick the rest; nothing is left to do
        if not box.is_checked():
            box.click()
    every = [item.id for item in current.items]
    ui.wait_for_text(result, ui.html_text(views.checklist_html(checklist.status(current, every))))
    shoot(widget, "2-all-ticked")
