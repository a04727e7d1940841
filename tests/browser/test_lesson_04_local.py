"""Lesson 4: Mirels' score calculator, the radiation schedules and the ablation stepper, by
mouse and by keyboard; the page must show what the pure functions give."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from course_browser import widgets as ui
from course_browser.a11y import control_names

from bonemets.treatment import charts, mirels, schedules, views

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

LESSON = "04_local_treatments.ipynb"
TABLE = mirels.table()
# "<label> (<points>)" -> level id, per factor, as the drop-downs show them.
LEVELS = {f.id: {f"{lv.label} ({lv.points})": lv.id for lv in f.levels} for f in TABLE.factors}
# Situation title (the drop-down's <option> value) -> schedule set, in display order.
SITUATIONS = {s.title: s for s in schedules.schedule_sets()}


def choices_on_page(widget: Locator) -> dict[str, str]:
    selects = widget.locator("select")
    return {f.id: LEVELS[f.id][selects.nth(i).input_value()] for i, f in enumerate(TABLE.factors)}


def expected(choices: dict[str, str]) -> str:
    return ui.html_text(views.mirels_html(tuple(sorted(choices.items()))))


def test_mirels_by_mouse_and_keyboard(lesson: Page, shoot) -> None:
    widget = ui.view(lesson, "w.mirels_calculator(")
    result = ui.html_outputs(widget).last
    start = choices_on_page(widget)
    assert start == {
        "site": "lower_limb", "pain": "moderate", "lesion": "mixed", "size": "one_to_two_thirds",
    }  # fmt: skip
    ui.wait_for_text(result, expected(start))
    assert mirels.score(start, TABLE).total == 8
    shoot(widget, "0-score-8")

    pain = widget.locator("select").nth(1)
    pain.select_option(label="Functional (with use of the limb) (3)")
    now = choices_on_page(widget)
    assert mirels.score(now, TABLE).total == 9
    ui.wait_for_text(result, expected(now))
    shoot(widget, "1-mouse-score-9")

    ui.focus(widget.locator("select").nth(2))  # lesion type: mixed -> lytic
    ui.next_option_by_keyboard(lesson)
    now = choices_on_page(widget)
    assert now["lesion"] == "lytic" and mirels.score(now, TABLE).total == 10
    ui.wait_for_text(result, expected(now))
    shoot(widget, "2-keyboard-score-10")


def schedules_on_page(widget: Locator) -> tuple[str, list[str]]:
    """The situation chosen and the schedules ticked, read back from the controls.

    The tick boxes must be exactly the chosen situation's schedules, in its order.
    """
    chosen = SITUATIONS[widget.locator("select").input_value()]
    names = [name for role, name in control_names(widget) if role == "checkbox"]
    assert names == [s.label for s in chosen.schedules]
    boxes = widget.get_by_role("checkbox")
    ticked = [s.id for i, s in enumerate(chosen.schedules) if boxes.nth(i).is_checked()]
    return chosen.id, ticked


def wait_for_situation(widget: Locator, set_id: str, timeout: float = 10.0) -> None:
    """Wait until the tick boxes redrawn for a new situation are on the page."""
    labels = [s.label for s in schedules.schedule_set(set_id).schedules]
    deadline = time.monotonic() + timeout
    names: list[str] = []
    while time.monotonic() < deadline:
        names = [name for role, name in control_names(widget) if role == "checkbox"]
        if names == labels:
            return
        time.sleep(0.05)
    raise AssertionError(f"tick boxes on the page: {names}; expected {labels}")


def check_schedules(widget: Locator, set_id: str, ticked: list[str]) -> None:
    """The page shows schedule_html for these values, and the chart's alt text matches."""
    assert schedules_on_page(widget) == (set_id, ticked)
    result = ui.html_outputs(widget).last
    ui.wait_for_text(result, ui.html_text(views.schedule_html(set_id, tuple(ticked))))
    picked = [s for s in schedules.schedule_set(set_id).schedules if s.id in ticked]
    assert result.locator("img").first.get_attribute("alt") == charts.schedule_alt(picked)


def test_radiation_schedules_by_keyboard_and_mouse(lesson: Page, shoot) -> None:
    widget = ui.view(lesson, "w.radiation_schedules(")
    situation = widget.locator("select")
    everything = [s.id for s in SITUATIONS[situation.input_value()].schedules]
    assert schedules_on_page(widget) == ("painful_bone", everything)  # the lesson's default
    check_schedules(widget, "painful_bone", everything)
    shoot(widget, "0-painful-bone-all")

    # Keyboard only: the next situation, then Tab to its second schedule and untick it.
    ui.focus(situation)
    ui.next_option_by_keyboard(lesson)
    cord = SITUATIONS[situation.input_value()]
    assert cord.id == "cord_compression"
    wait_for_situation(widget, cord.id)
    check_schedules(widget, cord.id, [s.id for s in cord.schedules])  # all ticked anew
    lesson.keyboard.press("Tab")
    lesson.keyboard.press("Tab")
    second = cord.schedules[1]
    assert ui.active_label(lesson).strip() == second.label
    lesson.keyboard.press("Space")
    kept = [s.id for s in cord.schedules if s is not second]
    check_schedules(widget, cord.id, kept)
    shoot(widget, f"1-keyboard-cord-without-{second.id}")

    # Mouse: back to painful bone, then untick its first and last schedules.
    pain = schedules.schedule_set("painful_bone")
    situation.select_option(label=pain.title)
    wait_for_situation(widget, pain.id)
    check_schedules(widget, pain.id, [s.id for s in pain.schedules])
    first, last = pain.schedules[0], pain.schedules[-1]
    for schedule in (first, last):
        widget.get_by_role("checkbox", name=schedule.label, exact=True).click()
    middle = [s.id for s in pain.schedules[1:-1]]
    check_schedules(widget, pain.id, middle)
    shoot(widget, "2-mouse-painful-bone-middle")


def test_ablation_steps_by_keyboard(lesson: Page, shoot) -> None:
    widget = ui.view(lesson, "w.ablation_cycles()")
    result = ui.html_outputs(widget).last
    handle = widget.get_by_role("slider")
    method = "radiofrequency"
    start = round(float(handle.get_attribute("aria-valuenow") or "nan"))
    ui.wait_for_text(result, ui.html_text(views.ablation_html(method, start)))

    ui.focus(handle)
    lesson.keyboard.press("End")  # last step of the cycle
    last = round(float(handle.get_attribute("aria-valuemax") or "nan"))
    assert round(float(handle.get_attribute("aria-valuenow") or "nan")) == last
    ui.wait_for_text(result, ui.html_text(views.ablation_html(method, last)))
    shoot(widget, f"1-step-{last}")

    lesson.keyboard.press("ArrowLeft")
    ui.wait_for_text(result, ui.html_text(views.ablation_html(method, last - 1)))
    shoot(widget, f"2-step-{last - 1}")
