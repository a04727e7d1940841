"""Item analysis: hand-worked statistics, bands, and the report read from a gradebook."""

from __future__ import annotations

import argparse
import warnings

import pytest

from bonemets.gradebook_report import item_analysis, scores_from_gradebook
from bonemets.item_analysis import (
    analyse,
    discrimination_band,
    reliability_band,
    unsafe_share,
)

# Four students, three 0/1 items, a perfect Guttman pattern (totals 3, 2, 1, 0).
SCORES = [
    {"q1": 1, "q2": 1, "q3": 1},
    {"q1": 1, "q2": 1, "q3": 0},
    {"q1": 1, "q2": 0, "q3": 0},
    {"q1": 0, "q2": 0, "q3": 0},
]
MAX = {"q1": 1, "q2": 1, "q3": 1}


def test_difficulty_is_the_proportion_correct() -> None:
    stats = analyse(SCORES, MAX)
    assert [s.difficulty for s in stats.items] == [0.75, 0.5, 0.25]


def test_discrimination_compares_top_and_bottom_27_percent() -> None:
    # 27% of 4 students rounds to 1: the top scorer against the bottom scorer.
    stats = analyse(SCORES, MAX)
    assert [s.discrimination for s in stats.items] == [1.0, 1.0, 1.0]
    assert stats.items[0].discrimination_band == "excellent"


def test_point_biserial_is_corrected_for_the_item_itself() -> None:
    # q1 = [1,1,1,0] against the rest [2,1,0,0]: r = 0.75 / sqrt(0.75 * 2.75).
    stats = analyse(SCORES, MAX)
    assert stats.items[0].point_biserial == pytest.approx(0.75 / (0.75 * 2.75) ** 0.5)


def test_kr20_by_hand() -> None:
    # Item variances 0.1875 + 0.25 + 0.1875 = 0.625; total variance 1.25;
    # KR-20 = 3/2 * (1 - 0.625 / 1.25) = 0.75.
    stats = analyse(SCORES, MAX)
    assert stats.reliability == pytest.approx(0.75)
    assert stats.reliability_band == "low to moderate"


def test_partial_credit_and_missing_scores() -> None:
    stats = analyse([{"q1": 2.0}, {"q1": 1.0}, {}], {"q1": 4.0})
    assert stats.items[0].difficulty == pytest.approx(0.25)  # (2 + 1 + 0) / 3 / 4


def test_an_item_everyone_gets_right_has_no_correlation() -> None:
    stats = analyse([{"a": 1, "b": 1}, {"a": 1, "b": 0}, {"a": 1, "b": 1}], {"a": 1, "b": 1})
    assert stats.items[0].point_biserial is None
    assert stats.items[0].difficulty == 1.0


@pytest.mark.parametrize(
    "value, band",
    [
        (0.40, "excellent"),
        (0.39, "good"),
        (0.25, "good"),
        (0.24, "needs review"),
        (0.0, "needs review"),
        (-0.01, "unacceptable"),
        (None, "too few students"),
    ],
)
def test_discrimination_bands(value: float | None, band: str) -> None:
    assert discrimination_band(value) == band


@pytest.mark.parametrize("value, band", [(0.9, "high"), (0.85, "good"), (0.6, "low to moderate")])
def test_reliability_bands(value: float, band: str) -> None:
    assert reliability_band(value) == band


def test_zero_point_item_is_refused() -> None:
    with pytest.raises(ValueError, match="maximum above 0"):
        analyse(SCORES, {"q1": 0})


@pytest.fixture(scope="module")
def gradebook(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One small gradebook for the module: opening one costs seconds (alembic)."""
    from nbgrader.api import Gradebook

    url = f"sqlite:///{tmp_path_factory.mktemp('gradebook') / 'gradebook.db'}"
    # nbgrader's own add_submission triggers SQLAlchemy autoflush warnings; not ours.
    with warnings.catch_warnings(), Gradebook(url) as gb:
        warnings.simplefilter("ignore")
        gb.add_assignment("a1")
        gb.add_notebook("a1", "a1")
        for cell in MAX:
            gb.add_grade_cell(cell, "a1", "a1", max_score=1, cell_type="code")
        gb.add_grade_cell("short", "a1", "a1", max_score=2, cell_type="markdown")
        for number, row in enumerate(SCORES):
            student = f"s{number}"
            gb.add_student(student)
            gb.add_submission("a1", student)
            for cell, score in row.items():
                grade = gb.find_grade(cell, "a1", "a1", student)
                grade.auto_score = score
                grade.needs_manual_grade = False  # as autograde leaves a scored code cell
            gb.db.commit()
    return url


def test_scores_read_from_the_gradebook(gradebook: str) -> None:
    rows, max_points = scores_from_gradebook(gradebook, "a1")
    assert max_points == {"q1": 1.0, "q2": 1.0, "q3": 1.0, "short": 2.0}
    assert {"q1": 1, "q2": 1, "q3": 1, "short": None} in rows
    assert all(row["short"] is None for row in rows), "ungraded short answers are pending"


def test_report_command_prints_the_table(gradebook: str, capsys) -> None:
    args = argparse.Namespace(assignment="a1", db=gradebook, csv=None, autograded=None)
    assert item_analysis(args) == 0
    out = capsys.readouterr().out
    assert "q2     1       0.50          1.00            excellent" in out
    assert "4 submissions; reliability (KR-20, over 3 fully graded items)" in out
    assert "WARNING: 4 scores are still waiting for a grader" in out
    assert "WARNING: Only 4 students: below 50" in out


def test_report_for_unknown_assignment_is_a_user_error(gradebook: str) -> None:
    from bonemets.errors import UserError

    with pytest.raises(UserError, match="no assignment 'nope'"):
        item_analysis(argparse.Namespace(assignment="nope", db=gradebook, csv=None))


def test_unsafe_share_by_hand() -> None:
    # Five submissions: two chose an unsafe option, two did not, one is unreadable (left out).
    assert unsafe_share([True, False, True, False, None]) == 0.5
    assert unsafe_share([None, None]) is None
    assert unsafe_share([]) is None


def test_unsafe_share_read_from_autograded_notebooks(tmp_path) -> None:
    """Three students answer a2_q02 (F is unsafe) and a2_q04 (blank 3, option B unsafe)."""
    import nbformat

    from bonemets.gradebook_report import HEADER, report_rows, unsafe_choices_from_autograded
    from bonemets.grading.source_builder import build_notebook

    answers = {
        "s1": {"a2_q02_answer": 'q2 = {"A", "F"}', "a2_q04_answer": 'q4 = {3: "B"}'},
        "s2": {"a2_q02_answer": 'q2 = {"A", "C"}', "a2_q04_answer": 'q4 = {3: "A"}'},
        "s3": {"a2_q02_answer": "q2 = not a value", "a2_q04_answer": 'q4 = {1: "B"}'},
    }
    for student, cells in answers.items():
        nb = build_notebook("a2_systemic_treatment")
        for cell in nb.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id in cells:
                cell.source = cells[grade_id]
        folder = tmp_path / student / "a2_systemic_treatment"
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / "a2_systemic_treatment.ipynb")
    choices = unsafe_choices_from_autograded(tmp_path, "a2_systemic_treatment")
    assert choices["a2_q02"] == [True, False, None]  # s3's answer cannot be read
    assert choices["a2_q04"] == [True, False, False]
    assert "a2_q01" not in choices  # no unsafe option in that item
    stats = analyse([{"a2_q02": 1, "a2_q01": 1}, {"a2_q02": 2}], {"a2_q01": 1, "a2_q02": 3})
    rows = {row[0]: row for row in report_rows(stats, choices)}
    unsafe_column = HEADER.index("chose unsafe")
    assert rows["a2_q02"][unsafe_column] == "0.50" and rows["a2_q01"][unsafe_column] == "-"
