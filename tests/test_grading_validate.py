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


def test_validate_names_the_wrong_form_and_says_nothing_about_right(tmp_path) -> None:
    answers = {
        f"{i.id}_answer": f"{i.variable} = {literal(i.answer_key)}"
        for i in items_for(ASSIGNMENT)
        if i.auto_graded
    }
    answers["a1_q02_answer"] = 'q2 = "ABC"'  # a string, not a set
    answers["a1_q06_answer"] = "q6 = None"  # not answered
    answers["a1_sa"] = "Drink plenty after the injection."
    results = validate(tmp_path, answers)
    # The Lab extension shows these errors as HTML (ANSI colours as spans): read the text.
    errors = [re.sub(r"<[^>]+>", "", failure["error"]) for failure in results.get("failed", [])]
    assert len(errors) == 2
    assert "AnswerShapeError: q2 must be a set of letters from A–F" in errors[0]
    assert "q6 is not answered yet." in errors[1]
    assert "for example: " in errors[1]
    assert not any("correct" in e.lower() for e in errors)


def test_validate_passes_a_complete_notebook(tmp_path) -> None:
    answers = {
        f"{i.id}_answer": f"{i.variable} = {literal(i.answer_key)}"
        for i in items_for(ASSIGNMENT)
        if i.auto_graded
    }
    answers["a1_sa"] = "Drink plenty after the injection."
    results = validate(tmp_path, answers)
    assert "failed" not in results and "changed" not in results
