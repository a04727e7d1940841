"""Lesson 4: Mirels' score calculator and the ablation stepper, by mouse and by keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bonemets.browser.widgets import (
    focus,
    html_outputs,
    html_text,
    next_option_by_keyboard,
    view,
    wait_for_text,
)
from bonemets.treatment import mirels, views

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

LESSON = "04_local_treatments.ipynb"
TABLE = mirels.table()
# "<label> (<points>)" -> level id, per factor, as the drop-downs show them.
LEVELS = {f.id: {f"{lv.label} ({lv.points})": lv.id for lv in f.levels} for f in TABLE.factors}


def choices_on_page(widget: Locator) -> dict[str, str]:
    selects = widget.locator("select")
    return {f.id: LEVELS[f.id][selects.nth(i).input_value()] for i, f in enumerate(TABLE.factors)}


def expected(choices: dict[str, str]) -> str:
    return html_text(views.mirels_html(tuple(sorted(choices.items()))))


def test_mirels_by_mouse_and_keyboard(lesson: Page, shoot) -> None:
    widget = view(lesson, "w.mirels_calculator(")
    result = html_outputs(widget).last
    start = choices_on_page(widget)
    assert start == {
        "site": "lower_limb", "pain": "moderate", "lesion": "mixed", "size": "one_to_two_thirds",
    }  # fmt: skip
    wait_for_text(result, expected(start))
    assert mirels.score(start, TABLE).total == 8
    shoot(widget, "0-score-8")

    pain = widget.locator("select").nth(1)
    pain.select_option(label="Functional (with use of the limb) (3)")
    now = choices_on_page(widget)
    assert mirels.score(now, TABLE).total == 9
    wait_for_text(result, expected(now))
    shoot(widget, "1-mouse-score-9")

    focus(widget.locator("select").nth(2))  # lesion type: mixed -> lytic
    next_option_by_keyboard(lesson)
    now = choices_on_page(widget)
    assert now["lesion"] == "lytic" and mirels.score(now, TABLE).total == 10
    wait_for_text(result, expected(now))
    shoot(widget, "2-keyboard-score-10")


def test_ablation_steps_by_keyboard(lesson: Page, shoot) -> None:
    widget = view(lesson, "w.ablation_cycles()")
    result = html_outputs(widget).last
    handle = widget.get_by_role("slider")
    method = "radiofrequency"
    start = round(float(handle.get_attribute("aria-valuenow") or "nan"))
    wait_for_text(result, html_text(views.ablation_html(method, start)))

    focus(handle)
    lesson.keyboard.press("End")  # last step of the cycle
    last = round(float(handle.get_attribute("aria-valuemax") or "nan"))
    assert round(float(handle.get_attribute("aria-valuenow") or "nan")) == last
    wait_for_text(result, html_text(views.ablation_html(method, last)))
    shoot(widget, f"1-step-{last}")

    lesson.keyboard.press("ArrowLeft")
    wait_for_text(result, html_text(views.ablation_html(method, last - 1)))
    shoot(widget, f"2-step-{last - 1}")
