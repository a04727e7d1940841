"""`bonemets grade --jobs 2` leaves the gradebook exactly as stock `nbgrader autograde` does.

The same simulated class is graded twice: by the `nbgrader autograde` command line, run in a
copy of the course with this course's configuration (its Execute step included), and by
`bonemets grade --jobs 2` (no kernel) in another copy. Every student's submission, every
grade and comment row, and every grade read back from the autograded notebooks must agree.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from simulated_class import (
    ASSIGNMENT,
    STUDENTS,
    bonemets_cli,
    class_template,  # noqa: F401  (fixture)
    expected_item_scores,
    fresh_copy,
    gradebook_state,
    notebook_grades,
)

pytestmark = pytest.mark.slow


def sqlite(root: Path) -> str:
    return f"sqlite:///{root / 'gradebook.db'}"


@pytest.fixture(scope="module")
def both(class_template: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:  # noqa: F811
    stock = fresh_copy(class_template, tmp_path_factory.mktemp("stock"))
    ours = fresh_copy(class_template, tmp_path_factory.mktemp("ours"))
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    done = subprocess.run(
        [sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT],
        cwd=stock,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    graded = bonemets_cli("grade", ASSIGNMENT, "--jobs", "2", "--course-dir", str(ours))
    assert graded.returncode == 0, graded.stderr
    return stock, ours, graded.stdout


def test_every_row_autograde_writes_is_the_same(both) -> None:
    stock, ours, _ = both
    theirs, mine = gradebook_state(sqlite(stock)), gradebook_state(sqlite(ours))
    assert len(mine) == STUDENTS
    assert mine == theirs


def test_autograded_notebooks_carry_the_same_grades(both) -> None:
    stock, ours, _ = both
    for student in sorted(p.name for p in (stock / "submitted").iterdir()):
        assert notebook_grades(ours, student) == notebook_grades(stock, student), student


def test_scores_are_the_course_scorers_and_the_class_is_realistic(both) -> None:
    _, ours, output = both
    state = gradebook_state(sqlite(ours))
    totals = []
    for student, row in state.items():
        grades = row["notebooks"][ASSIGNMENT]["grades"]
        expected = expected_item_scores(ours, student)
        assert {k: grades[k][0] for k in expected} == expected, student
        totals.append(sum(expected.values()))
    # Some late, one blank (scores 0), and the others spread out.
    assert any(row["late_seconds"] > 0 for row in state.values())
    assert any(row["late_seconds"] == 0 for row in state.values())
    assert min(totals) == 0 and len(set(totals)) >= 3
    assert f"{ASSIGNMENT}: {STUDENTS} graded, 0 failed, 0 skipped" in output


def test_no_kernel_by_default_and_execute_keeps_the_configured_step() -> None:
    from traitlets.config import Config

    from bonemets.instructor.grade import grading_preprocessors, is_execute_step

    config = Config()
    config.Autograde.autograde_preprocessors = [
        "nbgrader.preprocessors.Execute",
        "bonemets.grading.preprocessor.ScoreItems",
        "nbgrader.preprocessors.SaveAutoGrades",
    ]
    assert not any(is_execute_step(p) for p in grading_preprocessors(config, execute=False))
    assert grading_preprocessors(config, execute=True) == config.Autograde.autograde_preprocessors

    from nbgrader.preprocessors import Execute

    class Sandboxed(Execute):  # a drop-in replacement, as the sandbox will be
        pass

    config.Autograde.autograde_preprocessors = [Sandboxed, "nbgrader.preprocessors.SaveAutoGrades"]
    assert grading_preprocessors(config, execute=False) == ["nbgrader.preprocessors.SaveAutoGrades"]
