"""The course's nbgrader preprocessors, run directly on notebooks (no kernel, fast)."""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat
import pytest
from nbgrader.utils import determine_grade

from bonemets.grading.feedback import WITHHELD, WithholdFeedback
from bonemets.grading.preprocessor import ScoreItems

REPO = Path(__file__).resolve().parents[1]
RELEASE = REPO / "release/a1_diagnosis/a1_diagnosis.ipynb"


def by_id(nb) -> dict:
    return {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}


@pytest.fixture
def answered():
    nb = nbformat.read(RELEASE, as_version=4)
    cells = by_id(nb)
    cells["a1_q01_answer"].source = 'q1 = "C"'
    cells["a1_q02_answer"].source = 'q2 = {"B", "D", "E"}'  # 2 - 1 = 1
    cells["a1_q05_answer"].source = "q5 = 15"  # outside the tolerance of 0.5
    # What the student's kernel printed is thrown away, forged numbers included.
    cells["a1_q05"].outputs = [
        nbformat.v4.new_output("execute_result", data={"text/plain": "1"}, execution_count=3)
    ]
    return nb


def test_scores_become_nbgrader_partial_credit(answered) -> None:
    nb, _ = ScoreItems().preprocess(answered, {})
    cells = by_id(nb)
    grades = {k: determine_grade(cells[k])[0] for k in ("a1_q01", "a1_q02", "a1_q03", "a1_q05")}
    assert grades == {"a1_q01": 1.0, "a1_q02": 1.0, "a1_q03": 0.0, "a1_q05": 0.0}
    text = cells["a1_q02"].outputs[0].text
    assert text.startswith("q2 (a1_q02): 1 of 3 points.")
    assert "E. A bone scan done two months ago (chosen, a wrong answer)" in text


def test_a_score_never_exceeds_the_cells_points(answered) -> None:
    cells = by_id(answered)
    cells["a1_q02_answer"].source = 'q2 = {"B", "D", "F"}'
    cells["a1_q02"].metadata.nbgrader.points = 2  # tampered metadata: nbgrader would raise
    nb, _ = ScoreItems().preprocess(answered, {})
    assert determine_grade(by_id(nb)["a1_q02"]) == (2.0, 2.0)


def test_a_test_cell_naming_no_item_scores_zero(answered) -> None:
    forged = copy.deepcopy(by_id(answered)["a1_q01"])
    forged.metadata.nbgrader.grade_id = "bonus"
    forged.outputs = [nbformat.v4.new_output("stream", name="stdout", text="10")]
    answered.cells.append(forged)
    nb, _ = ScoreItems().preprocess(answered, {})
    assert determine_grade(by_id(nb)["bonus"])[0] == 0


def test_feedback_withholds_listed_items_only(answered) -> None:
    nb, _ = ScoreItems().preprocess(answered, {})
    nb, _ = WithholdFeedback(withhold_feedback_for=["a1_q02"]).preprocess(nb, {})
    cells = by_id(nb)
    assert cells["a1_q02"].outputs[0].text == f"q2 (a1_q02): 1 of 3 points.\n{WITHHELD}\n"
    assert determine_grade(cells["a1_q02"])[0] == 1.0  # the score stays
    assert "Why:" in cells["a1_q01"].outputs[0].text  # not listed: rationale kept


def test_withhold_all(answered) -> None:
    nb, _ = ScoreItems().preprocess(answered, {})
    nb, _ = WithholdFeedback(withhold_all=True).preprocess(nb, {})
    texts = [c.outputs[0].text for c in nb.cells if c.cell_type == "code" and c.outputs]
    assert texts and all(t.endswith(WITHHELD + "\n") and t.count("\n") == 2 for t in texts)


def test_items_marked_reuse_are_withheld(answered, monkeypatch) -> None:
    import dataclasses

    from bonemets.assessment.bank import load_items

    items = dict(load_items())
    items["a1_q01"] = dataclasses.replace(items["a1_q01"], reuse=True)
    monkeypatch.setattr("bonemets.grading.feedback.load_items", lambda folder=None: items)
    nb, _ = ScoreItems().preprocess(answered, {})
    nb, _ = WithholdFeedback().preprocess(nb, {})
    cells = by_id(nb)
    assert cells["a1_q01"].outputs[0].text == f"q1 (a1_q01): 1 of 1 point.\n{WITHHELD}\n"
    assert "Why:" not in cells["a1_q01"].outputs[0].text
    assert "Scoring:" in cells["a1_q02"].outputs[0].text
