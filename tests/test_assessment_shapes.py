"""Answer shapes: what the visible check accepts, and the messages it gives."""

from __future__ import annotations

import pytest

from bonemets.assessment.shapes import AnswerShapeError, check, describe, normalise

LETTERS = {"kind": "letters", "options": "ABCDEF"}
SELECT2 = {"kind": "letters", "options": "ABCDE", "max": 2}
ONE = {"kind": "letter", "options": "ABCD"}
ROWS = {"kind": "choices", "parts": {1: "AB", 2: "AB", 3: "ABC"}}
BOWTIE = {
    "kind": "groups",
    "parts": {"condition": ["ABCD", 1], "actions": ["ABCDE", 2], "parameters": ["ABCDE", 2]},
}
ORDER = {"kind": "order", "options": "ABCD"}
GRID = {"kind": "grid", "parts": {1: "ABC", 2: "ABC", 3: "ABC"}}
PHRASES = {"kind": "phrases", "count": 8}
NUMBER = {"kind": "number"}


def test_letters_are_normalised_to_a_frozenset_of_capitals() -> None:
    assert normalise("q4", {"a", " C "}, LETTERS) == frozenset({"A", "C"})
    assert normalise("q4", ["A", "A", "B"], LETTERS) == frozenset({"A", "B"})
    assert normalise("q4", set(), LETTERS) == frozenset()


@pytest.mark.parametrize("value", ["AC", {"A", "G"}, 3, {"A": 1}, {"AB"}])
def test_wrong_letter_sets_name_the_expected_form(value) -> None:
    with pytest.raises(AnswerShapeError, match=r"q4 must be a set of letters from A–F"):
        normalise("q4", value, LETTERS)


def test_select_n_refuses_more_than_n() -> None:
    with pytest.raises(AnswerShapeError, match="up to 2 letters"):
        normalise("q6", {"A", "B", "C"}, SELECT2)


def test_none_means_not_answered_and_shows_an_example() -> None:
    with pytest.raises(AnswerShapeError, match=r"not answered yet.\n.*\nfor example: \"A\""):
        normalise("q1", None, ONE)


@pytest.mark.parametrize("value", [{"B"}, "AB", "", 2, "E"])
def test_single_letter_form(value) -> None:
    with pytest.raises(AnswerShapeError, match="q1 must be one letter from A–D in quotes"):
        normalise("q1", value, ONE)


def test_rows_accept_int_or_text_keys_and_may_be_partial() -> None:
    assert normalise("q3", {1: "a", "2": "B"}, ROWS) == {1: "A", 2: "B"}


def test_rows_reject_unknown_rows_and_bad_letters() -> None:
    with pytest.raises(AnswerShapeError, match="has no part 4"):
        normalise("q3", {4: "A"}, ROWS)
    with pytest.raises(AnswerShapeError, match=r"q3\[1\] must be one letter from A or B"):
        normalise("q3", {1: "C"}, ROWS)
    with pytest.raises(AnswerShapeError, match="q3 must be a dict"):
        normalise("q3", ["A", "B"], ROWS)


def test_bowtie_groups() -> None:
    answer = {"Condition": {"B"}, "actions": ["a", "d"], "parameters": {"C", "E"}}
    assert normalise("q5", answer, BOWTIE) == {
        "condition": "B",
        "actions": frozenset({"A", "D"}),
        "parameters": frozenset({"C", "E"}),
    }
    with pytest.raises(AnswerShapeError, match="up to 2 letters"):
        normalise("q5", {"actions": {"A", "B", "C"}}, BOWTIE)
    with pytest.raises(AnswerShapeError, match="one letter"):
        normalise("q5", {"condition": {"A", "B"}}, BOWTIE)


def test_order_needs_every_letter_once() -> None:
    assert normalise("q7", ["d", "A", "C", "B"], ORDER) == ("D", "A", "C", "B")
    for bad in (["A", "B", "C"], ["A", "A", "B", "C"], "ABCD", {"A", "B", "C", "D"}):
        with pytest.raises(AnswerShapeError, match="each once, first to last"):
            normalise("q7", bad, ORDER)


@pytest.mark.parametrize("value", ["9", True, float("nan"), [9]])
def test_numbers(value) -> None:
    assert normalise("q9", 9, NUMBER) == 9.0
    with pytest.raises(AnswerShapeError, match="q9 must be a number"):
        normalise("q9", value, NUMBER)


def test_check_never_says_right_or_wrong(capsys) -> None:
    check("q4", {"A"}, LETTERS)
    check("q3", {1: "A"}, ROWS)
    out = capsys.readouterr().out
    assert "form of your answer is fine" in out
    assert "Not answered yet: 2, 3" in out
    assert "correct" not in out.lower()


def test_describe_every_kind() -> None:
    for shape in (LETTERS, SELECT2, ONE, ROWS, BOWTIE, ORDER, NUMBER, GRID, PHRASES):
        assert describe(shape)


def test_student_sees_only_the_message_not_our_frames() -> None:
    from bonemets.assessment.shapes import AnswerShapeError

    error = AnswerShapeError("q1 must be one letter from A–D in quotes")
    # IPython (and so nbgrader's Validate dialog) prints what this hook returns.
    assert error._render_traceback_() == [
        "AnswerShapeError: q1 must be one letter from A–D in quotes"
    ]


def test_grid_rows_take_sets_of_letters_and_may_be_partial(capsys) -> None:
    value = {1: {"a", "C"}, "2": ["B"], 3: set()}
    assert normalise("q13", value, GRID) == {
        1: frozenset({"A", "C"}),
        2: frozenset({"B"}),
        3: frozenset(),
    }
    check("q13", {1: {"A"}}, GRID)
    assert "Not answered yet: 2, 3" in capsys.readouterr().out
    assert describe(GRID) == "a dict from the row numbers 1–3 to a set of letters each"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({1: "A"}, r"q13\[1\] must be a set of letters from A–C"),  # one letter, not a set
        ({1: {"D"}}, r"q13\[1\] must be a set of letters from A–C"),
        ({4: {"A"}}, r"q13 has no part 4"),
        ({"A", "B"}, r"q13 must be a dict from the row numbers 1–3 to a set of letters"),
    ],
)
def test_grid_rejects_malformed_answers(value, message) -> None:
    with pytest.raises(AnswerShapeError, match=message):
        normalise("q13", value, GRID)


def test_phrases_are_numbers_from_1_to_count() -> None:
    assert normalise("q12", [2, 5, 5, "7"], PHRASES) == frozenset({2, 5, 7})
    assert normalise("q12", [], PHRASES) == frozenset()
    with pytest.raises(AnswerShapeError, match=r"not answered yet.\n.*\nfor example: \{1, 2\}"):
        normalise("q12", None, PHRASES)


@pytest.mark.parametrize("value", [{0}, {9}, {"B"}, {True}, 2, "2, 5", {2.5}])
def test_phrases_reject_what_is_not_a_phrase_number(value) -> None:
    with pytest.raises(AnswerShapeError, match=r"q12 must be a set of phrase numbers from 1–8"):
        normalise("q12", value, PHRASES)
