"""Reading answers from cell source (never executed) and scoring them item by item."""

from __future__ import annotations

import pytest

from bonemets.assessment.bank import load_items
from bonemets.grading.answers import UnreadableAnswer, read_answer
from bonemets.grading.marking import score_item


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('q4 = {"A", "C"}', {"A", "C"}),
        ('q4 = None\n# comment\nq4 = {"B"}', {"B"}),  # the last assignment wins
        ("q4 = set()", set()),
        ('q4 = frozenset(["A"])', frozenset({"A"})),
        ("q9 = 3 + 3 + 2 + 1", 9),
        ("q9 = -2.5", -2.5),
        ("q4: set = {'A'}", {"A"}),
        ("x = 1", None),  # nothing assigned to q4
        ("", None),
    ],
)
def test_read_answer(source, expected) -> None:
    name = "q9" if source.startswith("q9") else "q4"
    assert read_answer(source, name) == expected


@pytest.mark.parametrize(
    "source",
    [
        "q4 = sorted('AB')",
        "q4 = __import__('os').system('true')",
        "q4 = KEY",
        "q4 = {'A'} | {'B'}",
        "q4 = 1 / 0",
        "q4 = 'A' * 3",
    ],
)
def test_code_is_not_an_answer(source) -> None:
    with pytest.raises(UnreadableAnswer):
        read_answer(source, "q4")


def test_syntax_error_names_the_line() -> None:
    with pytest.raises(UnreadableAnswer, match="line 2"):
        read_answer('q4 = None\nq4 = {"A",', "q4")


@pytest.fixture(scope="module")
def items():
    return load_items()


def test_every_item_scores_full_marks_for_its_own_key(items) -> None:
    from bonemets.grading.source_builder import literal

    for item in items.values():
        if item.auto_graded:
            result = score_item(item, f"{item.variable} = {literal(item.answer_key)}")
            assert (result.status, result.score) == ("scored", item.points), item.id


def test_blank_wrong_shape_and_missing_cell_score_zero(items) -> None:
    item = items["a1_q02"]  # select all that apply, key B, D, F of A–F
    blank = score_item(item, "q2 = None\n# Replace None above with your answer.")
    assert (blank.score, blank.status) == (0, "blank")
    wrong_shape = score_item(item, 'q2 = "ABC"')
    assert (wrong_shape.score, wrong_shape.status) == (0, "shape")
    assert wrong_shape.message.startswith(
        "Question 2: your answer could not be marked (type letters from A–F"
    )
    assert wrong_shape.message.endswith("0 points of 3.")
    assert score_item(item, None).status == "shape"
    unreadable = score_item(item, "q2 = set('ABC') | set()")
    assert (unreadable.score, unreadable.status) == (0, "shape")


def test_partial_credit_follows_ncsbn(items) -> None:
    # Hand-computed: a1_q02 key {B, D, F}. {B, D, E}: 2 right - 1 wrong = 1.
    assert score_item(items["a1_q02"], 'q2 = {"B", "D", "E"}').score == 1
    # a1_q03 matrix key 1C 2B 3A 4D 5C: rows 1, 2 and 5 right = 3.
    assert score_item(items["a1_q03"], 'q3 = {1: "C", 2: "B", 3: "B", 4: "A", 5: "C"}').score == 3
    # a1_q07 order C E A D B; E C A D B keeps positions 3-5 = 3.
    assert score_item(items["a1_q07"], 'q7 = ["E", "C", "A", "D", "B"]').score == 3
    # a1_q08 rationale: right action, wrong reason = 0.
    assert score_item(items["a1_q08"], 'q8 = {1: "B", 2: "A"}').score == 0


def test_feedback_explains_each_option(items) -> None:
    result = score_item(items["a1_q01"], 'q1 = "B"')
    assert result.message == "Question 1: 0 points of 1."
    text = "\n".join(result.details)
    assert "C. An MRI scan of the whole spine — you left this out, but it is right." in text
    assert "B. A bone scan of the whole skeleton — you chose this, but it is wrong." in text
    # A wrong option the student rightly left out reads as a success, not a mistake.
    assert "A. " in text and "— you left this out, rightly." in text
    assert score_item(items["a1_q01"], 'q1 = "C"').message == "Question 1: 1 point of 1."


def test_an_unanswered_question_names_no_choice_of_the_student(items) -> None:
    text = "\n".join(score_item(items["a1_q01"], "q1 = None").details)
    assert "— a right answer." in text and "you left this out" not in text
