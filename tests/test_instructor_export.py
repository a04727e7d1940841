"""``bonemets export``: nbgrader's CSV (its own plugin) and Canvas's gradebook layout."""

from __future__ import annotations

import contextlib
import csv
import io
import warnings
from pathlib import Path

import pytest

from bonemets.cli import main
from bonemets.instructor.export import display_name


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three students, two assignments with submissions and one registered but unreleased.

    a1 (2 points): ann 2 (late penalty 0.5 -> 1.5), bob 1, cy nothing submitted.
    a2 (1 point): ann 1 only.  a3: no submissions (not yet released).
    """
    from nbgrader.api import Gradebook

    root = tmp_path_factory.mktemp("course")
    (root / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    with warnings.catch_warnings(), Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        warnings.simplefilter("ignore")  # nbgrader's own SQLAlchemy warnings
        for name, points in (("a1", 2), ("a2", 1), ("a3", 4)):
            gb.add_assignment(name)
            gb.add_notebook(name, name)
            gb.add_grade_cell("q", name, name, max_score=points, cell_type="code")
        gb.add_student("ann", first_name="Ann", last_name="Lee", lms_user_id="1001")
        gb.add_student("bob")  # registered without names: shown by id, never "None, None"
        gb.add_student("cy")
        for assignment, student, score in (("a1", "ann", 2), ("a1", "bob", 1), ("a2", "ann", 1)):
            submission = gb.add_submission(assignment, student)
            grade = gb.find_grade("q", assignment, assignment, student)
            grade.auto_score = score
            grade.needs_manual_grade = False
            if student == "ann" and assignment == "a1":
                submission.notebooks[0].late_submission_penalty = 0.5
            gb.db.commit()
    return root


@pytest.fixture(scope="module")
def exported(course: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The export folder and what the command printed (one run: each opening of a
    gradebook costs nbgrader an alembic subprocess)."""
    out = tmp_path_factory.mktemp("export")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert main(["export", "--course-dir", str(course), "--out", str(out)]) == 0
    return out, printed.getvalue()


def test_canvas_layout_points_row_and_blank_for_nothing_submitted(
    exported: tuple[Path, str],
) -> None:
    rows = list(csv.reader((exported[0] / "grades_canvas.csv").open(encoding="utf-8")))
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "a1", "a2"]
    assert rows[1] == ["Points Possible", "", "", "", "", "2", "1"]
    assert sorted(rows[2:]) == [
        ["Lee, Ann", "1001", "", "ann", "", "1.5", "1"],  # 2 minus the 0.5 late penalty
        ["bob", "", "", "bob", "", "1", ""],  # no a2 submission: blank, not 0
        ["cy", "", "", "cy", "", "", ""],
    ]


def test_nbgrader_csv_is_nbgraders_own_without_unreleased_assignments(
    exported: tuple[Path, str],
) -> None:
    rows = list(csv.DictReader((exported[0] / "grades_nbgrader.csv").open(encoding="utf-8")))
    assert {row["assignment"] for row in rows} == {"a1", "a2"}  # a3 left out: no zeros
    ann_a1 = next(r for r in rows if r["assignment"] == "a1" and r["student_id"] == "ann")
    assert (ann_a1["raw_score"], ann_a1["late_submission_penalty"], ann_a1["score"]) == (
        "2.0",
        "0.5",
        "1.5",
    )
    assert len(rows) == 6  # nbgrader's own convention: every student of each assignment


def test_export_says_what_it_left_out_and_where_it_wrote(exported: tuple[Path, str]) -> None:
    folder, out = exported
    assert "left out (no submission yet, so no row of zeros): a3" in out
    assert f"wrote {folder.resolve() / 'grades_canvas.csv'}" in out


def test_nothing_to_export_is_a_one_line_error(
    course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setattr("bonemets.instructor.export.released_assignments", lambda gb: [])
    assert main(["export", "--course-dir", str(course), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bonemets export: no submissions in sqlite:///") and err.count("\n") == 1
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    "first, last, shown",
    [("Ann", "Lee", "Lee, Ann"), (None, None, "s7"), ("None", "None", "s7"), (None, "Lee", "Lee")],
)
def test_display_name_never_none_none(first: str | None, last: str | None, shown: str) -> None:
    assert display_name("s7", first, last) == shown
