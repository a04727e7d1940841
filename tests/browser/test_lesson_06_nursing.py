"""Lesson 6: the pain-scale chooser, the cord-compression first-hour exercise and the
radiation-by-site table, by mouse and by keyboard; the page must show what the views give."""

from __future__ import annotations

from typing import TYPE_CHECKING

from course_browser.widgets import (
    active_label,
    focus,
    html_outputs,
    html_text,
    next_option_by_keyboard,
    view,
    wait_for_text,
)

from bonemets.nursing import pain, priorities, radiation, views

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

LESSON = "06_nursing_care.ipynb"
SITUATION = {s.situation: s.fits for s in pain.scales()}
ACTIONS = priorities.actions()
SITES = {s.site: s.id for s in radiation.sites()}
MOVEMENT = "The pain comes on with moving or bearing weight"


def pain_on_page(widget: Locator) -> tuple[str, int, bool]:
    """(communication, score, on_movement) read back from the controls."""
    chosen = [
        name
        for name in SITUATION
        if widget.get_by_role("radio", name=name, exact=True).is_checked()
    ]
    (situation,) = chosen
    score = int(widget.locator("select").input_value())
    moving = widget.get_by_role("checkbox", name=MOVEMENT).is_checked()
    return SITUATION[situation], score, moving


def expect_pain(widget: Locator, values: tuple[str, int, bool]) -> None:
    assert pain_on_page(widget) == values
    wait_for_text(html_outputs(widget).last, html_text(views.pain_view(*values)))


def test_pain_chooser_by_mouse_and_keyboard(lesson: Page, shoot) -> None:
    widget = view(lesson, "w.pain_chooser(")
    expect_pain(widget, ("numbers", 6, False))  # as the lesson opens it
    shoot(widget, "0-numbers-6")

    # Mouse: a patient who cannot report pain -> PAINAD, score 6 is possibly moderate.
    widget.get_by_text("Cannot tell you (for example advanced dementia, or not speaking)").click()
    expect_pain(widget, ("cannot_report", 6, False))
    shoot(widget, "1-mouse-painad-6")

    # Keyboard only: next score, Tab to the movement tick box, Space.
    focus(widget.locator("select"))
    next_option_by_keyboard(lesson)
    expect_pain(widget, ("cannot_report", 7, False))
    lesson.keyboard.press("Tab")
    assert active_label(lesson).strip() == MOVEMENT
    lesson.keyboard.press("Space")
    expect_pain(widget, ("cannot_report", 7, True))
    shoot(widget, "2-keyboard-painad-7-moving")

    # Keyboard on the radio group: Space chooses the focused option (FACES); 7 is not a face.
    faces = "Can tell you about their pain, but finds numbers hard"
    focus(widget.get_by_role("radio", name=faces, exact=True))
    lesson.keyboard.press("Space")
    expect_pain(widget, ("faces", 7, True))
    assert "cannot be recorded on this scale" in html_outputs(widget).last.inner_text()


def ticked_on_page(widget: Locator) -> tuple[str, ...]:
    boxes = widget.get_by_role("checkbox")
    assert boxes.count() == len(ACTIONS)
    return tuple(a.id for i, a in enumerate(ACTIONS) if boxes.nth(i).is_checked())


def expect_mscc(widget: Locator, checked: bool) -> tuple[str, ...]:
    chosen = ticked_on_page(widget)
    wait_for_text(html_outputs(widget).last, html_text(views.mscc_view(chosen, checked)))
    return chosen


def test_mscc_priorities_by_mouse_and_keyboard(lesson: Page, shoot) -> None:
    widget = view(lesson, "w.mscc_priorities()")
    text = {a.id: a.text for a in ACTIONS}
    assert expect_mscc(widget, False) == ()
    shoot(widget, "0-nothing-ticked")

    # Mouse: tick two actions, then ask for feedback.
    for action_id in ("escalate", "walk_test"):
        widget.get_by_role("checkbox", name=text[action_id], exact=True).click()
    assert expect_mscc(widget, False) == ("escalate", "walk_test")
    widget.get_by_role("button", name="Check my choices").click()
    expect_mscc(widget, True)
    shoot(widget, "1-mouse-feedback-one-unsafe")

    # Keyboard only: untick the unsafe action, tick the next one, hide and show feedback.
    focus(widget.get_by_role("checkbox", name=text["walk_test"], exact=True))
    lesson.keyboard.press("Space")
    lesson.keyboard.press("Tab")
    assert active_label(lesson).strip() == text["neuro_baseline"]
    lesson.keyboard.press("Space")
    assert expect_mscc(widget, True) == ("escalate", "neuro_baseline")
    focus(widget.get_by_role("button", name="Check my choices"))
    lesson.keyboard.press("Enter")
    expect_mscc(widget, False)
    lesson.keyboard.press("Enter")
    expect_mscc(widget, True)
    shoot(widget, "2-keyboard-feedback")


def test_radiation_effects_by_mouse_and_keyboard(lesson: Page, shoot) -> None:
    widget = view(lesson, "w.radiation_effects(")
    select = widget.locator("select")
    result = html_outputs(widget).last
    assert SITES[select.input_value()] == "pelvis"
    wait_for_text(result, html_text(views.radiation_view("pelvis")))

    select.select_option(label="An arm or leg bone")  # mouse
    wait_for_text(result, html_text(views.radiation_view("limb")))

    focus(select)  # keyboard: the next site in the list
    next_option_by_keyboard(lesson)
    after = SITES[select.input_value()]
    assert after == list(SITES.values())[1]
    wait_for_text(result, html_text(views.radiation_view(after)))
    shoot(widget, f"1-keyboard-{after}")
