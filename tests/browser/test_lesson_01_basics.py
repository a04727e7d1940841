"""Lesson 1: the complication checker (tick what you notice), by mouse and by keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from course_browser.widgets import focus, html_outputs, html_text, view, wait_for_text

from bonemets.complications import rules
from bonemets.complications.views import complications_html

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

LESSON = "01_bone_metastasis_basics.ipynb"
CUES = rules.all_cues()  # (label, id) in the order the checkboxes are shown
CELL = "w.ComplicationChecker()"


def ticked(boxes: Locator) -> list[str]:
    return [cue_id for i, (_, cue_id) in enumerate(CUES) if boxes.nth(i).is_checked()]


def test_checker_by_mouse(lesson: Page, shoot) -> None:
    widget = view(lesson, CELL)
    result = html_outputs(widget).last
    boxes = widget.get_by_role("checkbox")
    assert boxes.count() == len(CUES)
    start = ticked(boxes)
    shoot(widget, "0-start")

    widget.get_by_text("Legs getting weaker", exact=False).click()
    now = ticked(boxes)
    assert set(now) ^ set(start) == {"leg_weakness"}
    wait_for_text(result, html_text(complications_html(now)))
    shoot(widget, "1-leg-weakness")

    widget.get_by_text("New or changing back pain", exact=False).click()
    now = ticked(boxes)
    wait_for_text(result, html_text(complications_html(now)))
    # Both cord-compression cues: the emergency comes first, flagged in words.
    if {"leg_weakness", "back_pain_lying"} <= set(now):
        assert "⚠" in result.text_content()
        assert "Because you noticed:" in result.text_content()
    shoot(widget, "2-back-pain")


def test_checker_by_keyboard(lesson: Page, shoot) -> None:
    widget = view(lesson, CELL)
    result = html_outputs(widget).last
    boxes = widget.get_by_role("checkbox")
    index = next(i for i, (_, cue) in enumerate(CUES) if cue == "confusion")
    before = ticked(boxes)

    focus(boxes.nth(index - 1))
    lesson.keyboard.press("Tab")  # Tab moves to the next cue: "New confusion"
    lesson.keyboard.press("Space")
    now = ticked(boxes)
    assert set(now) ^ set(before) == {"confusion"}
    wait_for_text(result, html_text(complications_html(now)))
    shoot(widget, "1-confusion-toggled")

    lesson.keyboard.press("Tab")  # "Loss of appetite, nausea or constipation"
    lesson.keyboard.press("Space")
    now = ticked(boxes)
    assert set(now) ^ set(before) == {"confusion", "gut"}
    wait_for_text(result, html_text(complications_html(now)))
    shoot(widget, "2-gut-toggled")
