"""Start here: the self-check widget (shared by every lesson), by mouse and by keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from course_browser.widgets import focus, html_outputs, html_text, view, wait_for_text

from bonemets.quiz.items import self_checks_for
from bonemets.quiz.marking import mark
from bonemets.quiz.widget import feedback_html

if TYPE_CHECKING:
    from playwright.sync_api import Page

LESSON = "00_start_here.ipynb"
ITEMS = {item.id: item for item in self_checks_for("start")}


def test_single_choice_by_mouse(lesson: Page, shoot) -> None:
    widget = view(lesson, 'quiz.ask("start_sc_advice")')
    feedback = html_outputs(widget).last
    shoot(widget, "1-unanswered")
    # Checking with nothing chosen says so, in words.
    widget.get_by_role("button", name="Check answer").click()
    wait_for_text(feedback, html_text(feedback_html(mark(ITEMS["start_sc_advice"], frozenset()))))
    assert "No answer selected yet." in feedback.text_content()

    # A wrong first try explains only the chosen option and does not name the right one.
    widget.get_by_text("A. Yes; the treatment explorer", exact=False).click()
    widget.get_by_role("button", name="Check answer").click()
    item = ITEMS["start_sc_advice"]
    wait_for_text(feedback, html_text(feedback_html(mark(item, frozenset({"A"})), reveal=False)))
    assert feedback.text_content().lstrip().startswith("✘ Not quite: A is not the best answer.")
    assert "B. " not in feedback.text_content()
    tally = view(lesson, "quiz.tally_view()")
    wait_for_text(tally, "Self-checks in this lesson: 0 of 2 right at the first try (1 answered).")
    shoot(widget, "2-wrong-first-try")

    # Try again is a real second try: the answer is cleared, the key still hidden.
    widget.get_by_role("button", name="Try again").click()
    wait_for_text(feedback, "")
    assert widget.get_by_role("radio", checked=True).count() == 0
    assert widget.get_by_role("button", name="Show the answer").is_enabled()

    widget.get_by_text("B. No; it is for learning", exact=False).click()
    widget.get_by_role("button", name="Check answer").click()
    wait_for_text(feedback, html_text(feedback_html(mark(item, frozenset({"B"})))))
    assert feedback.text_content().lstrip().startswith("✔ Correct.")
    # Every option is explained in the end.
    assert feedback.locator("li").count() == len(item.choices)
    shoot(widget, "3-right-second-try")
    # Wrong then right counts as wrong: the tally keeps the first try.
    wait_for_text(tally, "Self-checks in this lesson: 0 of 2 right at the first try (1 answered).")


def test_select_all_by_keyboard(lesson: Page, shoot) -> None:
    widget = view(lesson, 'quiz.ask("start_sc_graded")')
    feedback = html_outputs(widget).last
    boxes = widget.get_by_role("checkbox")
    assert boxes.count() == 4

    # A wrong answer first: A and B, ticked with Space, moving with Tab.
    focus(boxes.nth(0))
    lesson.keyboard.press("Space")
    lesson.keyboard.press("Tab")
    lesson.keyboard.press("Space")
    for _ in range(3):  # past C and D to the Check answer button
        lesson.keyboard.press("Tab")
    lesson.keyboard.press("Enter")
    item = ITEMS["start_sc_graded"]
    wrong = html_text(feedback_html(mark(item, frozenset({"A", "B"})), reveal=False))
    wait_for_text(feedback, wrong)
    assert feedback.text_content().lstrip().startswith("✘")
    shoot(widget, "1-wrong-A-B")

    # Then fix it from the keyboard: untick B, tick D, Check with Space this time.
    focus(boxes.nth(1))
    lesson.keyboard.press("Space")
    lesson.keyboard.press("Tab")
    lesson.keyboard.press("Tab")
    lesson.keyboard.press("Space")
    lesson.keyboard.press("Tab")
    lesson.keyboard.press("Space")
    wait_for_text(feedback, html_text(feedback_html(mark(item, frozenset({"A", "D"})))))
    assert feedback.text_content().lstrip().startswith("✔ Correct.")
    assert [boxes.nth(i).is_checked() for i in range(4)] == [True, False, False, True]
    shoot(widget, "2-correct-A-D")
