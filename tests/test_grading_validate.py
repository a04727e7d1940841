"""What a student sees on pressing Validate: nbgrader's Validator, run in-process."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from bonemets.assessment.bank import items_for
from bonemets.grading.source_builder import literal

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
ASSIGNMENT = "a1_diagnosis"
# The short answer comes after the auto-graded questions.
SHORT_ANSWER_NUMBER = sum(1 for i in items_for(ASSIGNMENT) if i.auto_graded) + 1


def validate(tmp_path: Path, answers: dict[str, str]) -> dict:
    from nbgrader.validator import Validator

    from bonemets.grading.course import course_config

    nb = nbformat.read(REPO / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if grade_id in answers:
            cell.source = answers[grade_id]
    path = tmp_path / f"{ASSIGNMENT}.ipynb"
    nbformat.write(nb, path)
    return Validator(config=course_config(tmp_path)).validate(str(path))


def complete_answers() -> dict[str, str]:
    answers = {
        f"{i.id}_answer": f"# Question\n{i.variable} = {literal(i.answer_key)}"
        for i in items_for(ASSIGNMENT)
        if i.auto_graded
    }
    answers["a1_sa"] = (
        f"#### Your answer to question {SHORT_ANSWER_NUMBER}\n\nDrink plenty after the injection."
    )
    return answers


PROGRAMMING_WORDS = ("Error", "Traceback", "dict", "variable", "None", "autograde", "Python")


def test_validate_names_each_unfinished_question_in_plain_words(tmp_path) -> None:
    answers = complete_answers()
    answers["a1_q02_answer"] = 'q2 = "ABC"'  # a string, not letters in curly brackets
    answers["a1_q03_answer"] = 'q3 = {1: "C", 2: "B"}'  # 2 of 5 rows
    answers["a1_q04_answer"] = '# Question 4\nq4 = {1: "A", 2: "B"'  # cannot be read at all
    answers["a1_q05_answer"] = "q5 = fourteen"  # a word the kernel cannot run
    answers["a1_q06_answer"] = "q6 = None"  # not answered
    answers["a1_sa"] = validated_stub()  # the short answer left as it came
    results = validate(tmp_path, answers)
    # The Lab extension shows these errors as HTML (ANSI colours as spans): read the text.
    errors = [re.sub(r"<[^>]+>", "", failure["error"]) for failure in results.get("failed", [])]
    assert len(errors) == 6, errors
    assert errors[0].startswith("Question 2: type letters from A–F, each in quotes")
    assert errors[1].startswith("Question 3: 2 of 5 rows answered.\nChoose a letter for row 3")
    assert errors[2].startswith("Question 4: your answer cannot be read: check the quotes")
    assert "on line 2" in errors[2]
    assert errors[3].startswith("Question 5: your answer cannot be read: letters need quotes")
    assert errors[4].startswith("Question 6 is not answered yet.")
    assert "for example: q6 = " in errors[4]
    assert errors[5] == "You did not provide a response."  # nbgrader's, under the heading
    assert f"Your answer to question {SHORT_ANSWER_NUMBER}" in results["failed"][5]["source"]
    for error in errors[:5]:
        assert "not at whether it is right" in error
        assert not [w for w in PROGRAMMING_WORDS if w in error.replace("q6 = None", "")], error
    assert not any("correct" in e.lower() for e in errors)


def validated_stub() -> str:
    nb = nbformat.read(REPO / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    (cell,) = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "a1_sa"]
    return str(cell.source)


def test_validate_passes_a_complete_notebook(tmp_path) -> None:
    results = validate(tmp_path, complete_answers())
    assert "failed" not in results and "changed" not in results
