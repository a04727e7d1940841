"""The self-check widget: check, feedback for every option, retry, and the running tally."""

from __future__ import annotations

import pytest

from bonemets.quiz import Quiz
from bonemets.quiz.widget import feedback_html


def test_a_wrong_first_try_does_not_give_the_answer_away() -> None:
    quiz = Quiz("diagnosis")
    view = quiz.ask("diag_sc_cord_mri")
    assert view.choice_widget.description == "Answer:"
    assert view.retry_button.disabled and view.show_button.disabled
    view.select({"A"})
    attempt = view.check()
    assert not attempt.correct
    assert "✘ Not quite: A is not the best answer." in view.feedback.value
    assert "missed" not in view.feedback.value
    # Only the chosen option is explained; the right one (B) is not named yet.
    assert view.feedback.value.count("<li>") == 1
    assert "A. Incorrect, and you chose it" in view.feedback.value
    assert "B." not in view.feedback.value
    assert not view.retry_button.disabled and not view.show_button.disabled
    # Try again is a real second try: the answer is cleared and still not shown.
    view.reset()
    assert view.selected() == frozenset()
    assert view.feedback.value == "" and view.retry_button.disabled
    assert not view.show_button.disabled
    view.select({"B"})
    assert view.check().correct
    assert "✔ Correct." in view.feedback.value
    # Now every option is explained, as it always is in the end.
    assert view.feedback.value.count("<li>") == 4
    assert view.show_button.disabled


def test_a_second_wrong_try_explains_every_option() -> None:
    view = Quiz("diagnosis").ask("diag_sc_cord_mri")
    view.select({"A"})
    view.check()
    view.reset()
    view.select({"C"})
    view.check()
    assert "✘ Not quite: C is not the best answer." in view.feedback.value
    assert view.feedback.value.count("<li>") == 4
    assert "B. Correct, but you missed it" in view.feedback.value
    assert view.show_button.disabled


def test_show_the_answer_explains_every_option() -> None:
    view = Quiz("diagnosis").ask("diag_sc_cord_mri")
    view.select({"A"})
    view.check()
    view.show_answer()
    assert view.feedback.value.count("<li>") == 4
    assert "B. Correct, but you missed it" in view.feedback.value
    assert view.show_button.disabled
    view.reset()
    assert view.show_button.disabled  # already shown


def test_multiple_answer_items_use_labelled_checkboxes() -> None:
    view = Quiz("basics").ask("basics_sc_cord_cues")
    boxes = view.choice_widget.boxes.values()
    assert [box.description[:2] for box in boxes] == ["A.", "B.", "C.", "D."]
    view.select({"A", "B", "C"})
    assert view.selected() == frozenset("ABC")
    assert view.check().correct


def test_tally_counts_the_first_try_and_updates_its_label() -> None:
    quiz = Quiz("basics")
    assert quiz.tally.total == 6
    assert "0 of 6 right at the first try (0 answered)" in quiz.tally_view().value
    first = quiz.ask("basics_sc_definition")
    first.select({"A"})
    first.check()
    assert "0 of 6 right at the first try (1 answered)" in quiz.tally_view().value
    first.reset()
    first.select({"B"})
    assert first.check().correct
    # Wrong then right counts as wrong.
    assert "0 of 6 right at the first try (1 answered)" in quiz.tally_view().value
    second = quiz.ask("basics_sc_role")
    second.select(set(second.item.key))
    second.check()
    assert "1 of 6 right at the first try (2 answered)" in quiz.tally_view().value


def test_checking_with_nothing_selected_is_not_counted() -> None:
    quiz = Quiz("basics")
    view = quiz.ask("basics_sc_role")
    view.check()
    assert "No answer selected yet." in view.feedback.value
    assert quiz.tally.answered == 0 and view.retry_button.disabled
    assert view.show_button.disabled and view.attempts == 0


def test_feedback_is_a_live_region_with_sources() -> None:
    view = Quiz("diagnosis").ask("diag_sc_contrast")
    view.select({"B"})
    html = feedback_html(view.check())
    assert html.startswith('<div role="status" aria-live="polite">')
    assert "ACR–NKF contrast consensus" in html


def test_unknown_item_and_module_are_clear_errors() -> None:
    with pytest.raises(KeyError, match="no self-check 'nope'"):
        Quiz("basics").ask("nope")
    with pytest.raises(LookupError, match="no self-checks for module 'nope'"):
        Quiz("nope")
