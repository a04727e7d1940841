"""A small simulated class of a1 submissions, built once per test session and copied per test.

Used by tests/test_grade_*.py. The course directory holds a copy of the repository's
``nbgrader_config.py`` (so ``nbgrader`` run there uses this course's configuration), source
and release of a1 generated from the item bank, and a seeded class from
``bonemets simulate`` with a due date (so some submissions are late, one is blank).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bonemets.grading.course import build_release

REPO = Path(__file__).resolve().parents[1]
ASSIGNMENT = "a1_diagnosis"
STUDENTS = 5
SEED = 16
DUE = "2026-03-01 17:00"


def bonemets_cli(*args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    """Run ``bonemets ARGS`` as a separate process, the way an instructor would."""
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    return subprocess.run(
        [sys.executable, "-m", "bonemets", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )


def make_course(root: Path, students: int = STUDENTS, seed: int = SEED) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "nbgrader_config.py", root / "nbgrader_config.py")
    build_release(root, [ASSIGNMENT])
    done = bonemets_cli(
        "simulate", ASSIGNMENT, "--students", str(students), "--seed", str(seed),
        "--due", DUE, "--course-dir", str(root),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return root


@pytest.fixture(scope="session")
def class_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The simulated class, not graded yet. Copy it (:func:`fresh_copy`) before changing it."""
    return make_course(tmp_path_factory.mktemp("class") / "course")


def fresh_copy(template: Path, where: Path) -> Path:
    target = where / "course"
    shutil.copytree(template, target, symlinks=True)
    return target


def gradebook_state(db_url: str, assignment: str = ASSIGNMENT) -> dict[str, Any]:
    """Everything autograde writes for an assignment, per student, in comparable form."""
    from nbgrader.api import Gradebook

    state: dict[str, Any] = {}
    with Gradebook(db_url, course_id="bonemets") as gradebook:
        for submission in gradebook.assignment_submissions(assignment):
            notebooks = {}
            for nb in submission.notebooks:
                notebooks[nb.name] = {
                    "grades": {
                        g.name: (g.auto_score, g.manual_score, g.extra_credit, g.needs_manual_grade)
                        for g in nb.grades
                    },
                    "comments": {c.name: (c.auto_comment, c.manual_comment) for c in nb.comments},
                    "late_penalty": nb.late_submission_penalty,
                    "flagged": nb.flagged,
                }
            state[submission.student_id] = {
                "timestamp": submission.timestamp,
                "late_seconds": submission.total_seconds_late,
                "notebooks": notebooks,
            }
    return state


def notebook_grades(root: Path, student: str, assignment: str = ASSIGNMENT) -> dict[str, Any]:
    """Each grade cell's score as nbgrader reads it from the autograded notebook."""
    import logging

    import nbformat
    from nbgrader.utils import determine_grade, is_grade

    path = root / "autograded" / student / assignment / f"{assignment}.ipynb"
    nb = nbformat.read(path, as_version=4)
    log = logging.getLogger("test")
    return {
        cell.metadata.nbgrader["grade_id"]: determine_grade(cell, log)
        for cell in nb.cells
        if is_grade(cell)
    }


def expected_item_scores(
    root: Path, student: str, assignment: str = ASSIGNMENT
) -> dict[str, float]:
    """What the course's scorer gives each auto-graded item of the submission (no nbgrader)."""
    from bonemets.grading.selfcheck import score_notebook

    path = root / "submitted" / student / assignment / f"{assignment}.ipynb"
    return {r.item.id: float(r.score) for r in score_notebook(path).results}
