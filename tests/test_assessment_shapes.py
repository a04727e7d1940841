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
GRID = {"kind": "grid", "unit": "row", "parts": {1: "ABC", 2: "ABC", 3: "ABC"}}
PHRASES = {"kind": "phrases", "count": 8}
NUMBER = {"kind": "number"}


def test_letters_are_normalised_to_a_frozenset_of_capitals() -> None:
    assert normalise("q4", {"a", " C "}, LETTERS) == frozenset({"A", "C"})
    assert normalise("q4", ["A", "A", "B"], LETTERS) == frozenset({"A", "B"})
    assert normalise("q4", set(), LETTERS) == frozenset()


@pytest.mark.parametrize("value", ["AC", {"A", "G"}, 3, {"A": 1}, {"AB"}])
def test_wrong_letter_sets_name_the_expected_form(value) -> None:
    with pytest.raises(
        AnswerShapeError,
        match=r"Question 4: type letters from A–F, each in quotes, in curly brackets",
    ):
        normalise("q4", value, LETTERS)


def test_select_n_refuses_more_than_n() -> None:
    with pytest.raises(AnswerShapeError, match="up to 2 letters"):
        normalise("q6", {"A", "B", "C"}, SELECT2)


def test_none_means_not_answered_and_shows_an_example() -> None:
    with pytest.raises(
        AnswerShapeError, match=r"Question 1 is not answered yet.\n.*\nfor example: q1 = \"A\""
    ):
        normalise("q1", None, ONE)


@pytest.mark.parametrize("value", [{"B"}, "AB", "", 2, "E"])
def test_single_letter_form(value) -> None:
    with pytest.raises(
        AnswerShapeError, match="Question 1: choose one letter from A–D and put it in quotes"
    ):
        normalise("q1", value, ONE)


def test_rows_accept_int_or_text_keys_and_may_be_partial() -> None:
    assert normalise("q3", {1: "a", "2": "B"}, ROWS) == {1: "A", 2: "B"}


def test_rows_reject_unknown_rows_and_bad_letters() -> None:
    with pytest.raises(AnswerShapeError, match="Question 3 has no part 4"):
        normalise("q3", {4: "A"}, ROWS)
    with pytest.raises(AnswerShapeError, match="Question 3, part 1: choose one letter from A or B"):
        normalise("q3", {1: "C"}, ROWS)
    with pytest.raises(AnswerShapeError, match="Question 3: type one letter for each part"):
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
        with pytest.raises(AnswerShapeError, match="each once and in quotes, first to last"):
            normalise("q7", bad, ORDER)


@pytest.mark.parametrize("value", ["9", True, float("nan"), [9]])
def test_numbers(value) -> None:
    assert normalise("q9", 9, NUMBER) == 9.0
    with pytest.raises(AnswerShapeError, match="Question 9: type a number, without quotes"):
        normalise("q9", value, NUMBER)


def test_check_says_complete_and_never_right_or_wrong(capsys) -> None:
    check("q4", LETTERS, {"A"})
    out = capsys.readouterr().out
    assert out.startswith("Question 4: answered, and it can be read.")
    assert "correct" not in out.lower()


def test_check_names_a_half_answered_matrix_by_its_rows() -> None:
    matrix = {**ROWS, "unit": "row"}
    with pytest.raises(AnswerShapeError) as raised:
        check("q3", matrix, {1: "A"})
    message = str(raised.value)
    assert message.startswith(
        "Question 3: 1 of 3 rows answered.\nChoose a letter for row 2 and row 3."
    )
    assert "not at whether it is right" in message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "Question 6 is not answered yet."),
        (set(), "Question 6 is not answered yet: choose at least one letter."),
    ],
)
def test_check_names_an_unanswered_question(value, expected) -> None:
    with pytest.raises(AnswerShapeError, match=expected):
        check("q6", SELECT2, value)


def test_check_reads_the_text_the_student_ran_like_the_grader(monkeypatch) -> None:
    from bonemets.assessment import shapes

    # The answer cell could not run (an unclosed bracket): the check still names it.
    monkeypatch.setattr(shapes, "_answer_source", lambda name: '# Question 2\nq2 = {"A", "B"')
    with pytest.raises(AnswerShapeError) as raised:
        check("q2", LETTERS)
    message = str(raised.value)
    assert message.startswith("Question 2: your answer cannot be read: check the quotes")
    assert "line 2" in message
    # Code, not a plain value: named the same way the grader would score it (0).
    monkeypatch.setattr(shapes, "_answer_source", lambda name: "q2 = A")
    with pytest.raises(AnswerShapeError, match='letters need quotes, like "B"'):
        check("q2", LETTERS)


def test_check_asks_to_run_an_answer_not_yet_run() -> None:
    with pytest.raises(AnswerShapeError, match="its answer has not been run yet"):
        check("q2", LETTERS)


PROGRAMMING_WORDS = ("dict", " set ", "list", "variable", "None", "cell", "autograde", "python")


@pytest.mark.parametrize("shape", [LETTERS, SELECT2, ONE, ROWS, BOWTIE, ORDER, NUMBER])
def test_messages_use_no_programming_words(shape) -> None:
    texts = [describe(shape)]
    for value in (None, 3, "ZZ", {"zz": 1}, {1: "Z"}, ["Z"]):
        try:
            normalise("q1", value, shape)
        except AnswerShapeError as problem:
            texts.append(str(problem).replace("q1 = None", ""))
    for text in texts:
        assert not [w for w in PROGRAMMING_WORDS if w in text.lower()], text


def test_describe_every_kind() -> None:
    for shape in (LETTERS, SELECT2, ONE, ROWS, BOWTIE, ORDER, NUMBER, GRID, PHRASES):
        assert describe(shape)


def test_student_sees_only_the_message_not_our_frames() -> None:
    from bonemets.assessment.shapes import AnswerShapeError

    error = AnswerShapeError("Question 1 is not answered yet.\nType one letter")
    # IPython (and so nbgrader's Validate dialog) prints what this hook returns: the plain
    # message, without the name of the error's class.
    assert error._render_traceback_() == ["Question 1 is not answered yet.", "Type one letter"]


def test_check_cells_name_only_the_question_once_the_notebook_is_set_up(monkeypatch) -> None:
    from bonemets.assessment import shapes

    monkeypatch.setattr(shapes, "_SHAPES", {})
    monkeypatch.setattr(shapes, "plain_errors", lambda: None)
    with pytest.raises(AnswerShapeError, match="Run > Run All Cells"):
        check("q4")
    shapes.setup({"q4": LETTERS})
    with pytest.raises(AnswerShapeError, match="Question 4 is not answered yet"):
        check("q4", value=None)


def test_grid_rows_take_sets_of_letters_and_may_be_partial(capsys) -> None:
    value = {1: {"a", "C"}, "2": ["B"], 3: set()}
    assert normalise("q13", value, GRID) == {
        1: frozenset({"A", "C"}),
        2: frozenset({"B"}),
        3: frozenset(),
    }
    with pytest.raises(AnswerShapeError, match="Question 13: 1 of 3 rows answered"):
        check("q13", GRID, {1: {"A"}})
    assert describe(GRID) == (
        'for each row (1–3) the letters you choose, written row number: {"A", "B"}, '
        "in curly brackets"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({1: "A"}, r"Question 13, row 1: type letters from A–C"),  # one letter, not a set
        ({1: {"D"}}, r"Question 13, row 1: type letters from A–C"),
        ({4: {"A"}}, r"Question 13 has no row 4"),
        ({"A", "B"}, r"Question 13: type for each row \(1–3\) the letters you choose"),
    ],
)
def test_grid_rejects_malformed_answers(value, message) -> None:
    with pytest.raises(AnswerShapeError, match=message):
        normalise("q13", value, GRID)


def test_phrases_are_numbers_from_1_to_count() -> None:
    assert normalise("q12", [2, 5, 5, "7"], PHRASES) == frozenset({2, 5, 7})
    assert normalise("q12", [], PHRASES) == frozenset()
    with pytest.raises(
        AnswerShapeError, match=r"not answered yet\.\n.*\nfor example: q12 = \{1, 2\}"
    ):
        normalise("q12", None, PHRASES)


@pytest.mark.parametrize("value", [{0}, {9}, {"B"}, {True}, 2, "2, 5", {2.5}])
def test_phrases_reject_what_is_not_a_phrase_number(value) -> None:
    with pytest.raises(AnswerShapeError, match=r"Question 12: type the numbers of the phrases"):
        normalise("q12", value, PHRASES)
