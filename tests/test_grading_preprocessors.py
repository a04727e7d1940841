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


def text_of(output) -> str:
    return output.get("text") or output.data.get("text/plain", "")


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
    head, teaching = (o.data["text/markdown"] for o in cells["a1_q02"].outputs[:2])
    assert head == "**Question 2: 1 point of 3.**\n\nYour answer: B, D and E."
    assert teaching.startswith("**Teaching points**\n\nScoring: ")
    # Each option a list item (Markdown wraps in feedback; a printed line would not).
    assert "\n- E. A bone scan done two months ago — you chose this, but it is wrong." in teaching


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
    texts = [text_of(o) for o in cells["a1_q02"].outputs]
    assert texts[:2] == ["Question 2: 1 point of 3.\nYour answer: B, D and E.", WITHHELD]
    assert determine_grade(cells["a1_q02"])[0] == 1.0  # the score stays
    assert "Why:" in text_of(cells["a1_q01"].outputs[1])  # not listed: rationale kept


def test_withhold_all(answered) -> None:
    nb, _ = ScoreItems().preprocess(answered, {})
    nb, _ = WithholdFeedback(withhold_all=True).preprocess(nb, {})
    marked = [c for c in nb.cells if c.cell_type == "code" and c.outputs]
    assert marked
    for cell in marked:
        texts = [text_of(o) for o in cell.outputs]
        assert WITHHELD in texts and not any("Why:" in t or "Scoring:" in t for t in texts)


def test_items_marked_reuse_are_withheld(answered, monkeypatch) -> None:
    import dataclasses

    from bonemets.assessment.bank import load_items

    items = dict(load_items())
    items["a1_q01"] = dataclasses.replace(items["a1_q01"], reuse=True)
    monkeypatch.setattr("bonemets.grading.feedback.load_items", lambda folder=None: items)
    nb, _ = ScoreItems().preprocess(answered, {})
    nb, _ = WithholdFeedback().preprocess(nb, {})
    cells = by_id(nb)
    texts = [text_of(o) for o in cells["a1_q01"].outputs]
    assert texts[:2] == ["Question 1: 1 point of 1.\nYour answer: C.", WITHHELD]
    assert "Scoring:" in text_of(cells["a1_q02"].outputs[1])
