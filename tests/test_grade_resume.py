"""`bonemets grade` survives being killed, isolates a broken submission, and refuses bad input.

FAULT TEST: `bonemets grade --jobs 2` is started as a process and killed with SIGKILL at
several points (while a first student is being graded, after one submission is done, after
three), then run to the end. Every submission must end graded exactly once: each
submission's autograded notebook, once in place, is never rewritten by a later run; the
final run grades only what was left; the gradebook holds one submission per student, no
duplicated row, and the scores the course's scorer gives.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from simulated_class import (
    ASSIGNMENT,
    STUDENTS,
    bonemets_cli,
    class_template,  # noqa: F401  (fixture)
    expected_item_scores,
    fresh_copy,
    gradebook_state,
)

from bonemets.cli import main
from bonemets.instructor.grade import STAGING

pytestmark = pytest.mark.slow

SUMMARY = re.compile(r"(\d+) graded, (\d+) failed, (\d+) skipped")


def committed(root: Path) -> dict[str, tuple[int, int]]:
    """Students whose autograded notebook is in place, with its inode and mtime."""
    found = {}
    for path in (root / "autograded").glob(f"*/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"):
        stat = path.stat()
        found[path.parents[1].name] = (stat.st_ino, stat.st_mtime_ns)
    return found


def staged(root: Path) -> list[Path]:
    return [p for p in (root / STAGING).glob(f"*/{ASSIGNMENT}") if p.is_dir()]


def start_grading(root: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bonemets",
            "grade",
            ASSIGNMENT,
            "--jobs",
            "2",
            "--course-dir",
            str(root),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def kill_when(process: subprocess.Popen[str], ready, timeout: float = 120) -> list[int]:
    """SIGKILL ``process`` as soon as ``ready()`` holds; return its workers' pids."""
    deadline = time.monotonic() + timeout
    workers: set[int] = set()
    while process.poll() is None and time.monotonic() < deadline:
        with_children = psutil.Process(process.pid)
        try:
            workers |= {child.pid for child in with_children.children(recursive=True)}
        except psutil.NoSuchProcess:
            break
        if ready():
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return sorted(workers)


def test_killed_runs_resume_and_grade_every_submission_exactly_once(class_template, tmp_path):  # noqa: F811
    root = fresh_copy(class_template, tmp_path)
    kill_points = [
        lambda: bool(staged(root)),  # a worker is inside nbgrader for a first student
        lambda: len(committed(root)) >= 1,
        lambda: len(committed(root)) >= 3,
    ]
    seen: dict[str, tuple[int, int]] = {}
    for ready in kill_points:
        workers = kill_when(start_grading(root), ready)
        # The workers die with the run (no orphan keeps grading behind a re-run's back).
        for pid in workers:
            with contextlib.suppress(psutil.NoSuchProcess):
                psutil.Process(pid).wait(timeout=10)  # TimeoutExpired: an orphan lives on
        now = committed(root)
        for student, stamp in seen.items():
            assert now[student] == stamp, f"{student} was graded a second time"
        for student in now:  # a folder in autograded/ is always complete
            folder = root / "autograded" / student / ASSIGNMENT
            assert (folder / "timestamp.txt").is_file()
        seen = now
    final = bonemets_cli("grade", ASSIGNMENT, "--jobs", "2", "--course-dir", str(root))
    assert final.returncode == 0, final.stderr
    graded, failed, skipped = map(int, SUMMARY.search(final.stdout).groups())
    assert (graded, failed, skipped) == (STUDENTS - len(seen), 0, len(seen))
    after = committed(root)
    assert sorted(after) == sorted(p.name for p in (root / "submitted").iterdir())
    assert {s: after[s] for s in seen} == seen  # done before: left alone
    assert staged(root) == []
    state = gradebook_state(f"sqlite:///{root / 'gradebook.db'}")
    assert len(state) == STUDENTS  # one submission per student
    for student, row in state.items():
        grades = row["notebooks"][ASSIGNMENT]["grades"]
        expected = expected_item_scores(root, student)
        assert {k: grades[k][0] for k in expected} == expected, student
    # No duplicated row anywhere: one grade per grade cell per student.
    import sqlite3

    with sqlite3.connect(root / "gradebook.db") as db:
        (grades,) = db.execute("SELECT COUNT(*) FROM grade").fetchone()
        (cells,) = db.execute("SELECT COUNT(*) FROM grade_cells").fetchone()
        (submissions,) = db.execute("SELECT COUNT(*) FROM submitted_assignment").fetchone()
    assert (grades, submissions) == (cells * STUDENTS, STUDENTS)


def test_a_broken_submission_fails_alone_with_one_line_then_regrades(class_template, tmp_path):  # noqa: F811
    root = fresh_copy(class_template, tmp_path)
    broken = root / "submitted" / "student002" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    good = broken.read_text()
    broken.write_text("this is not a notebook")
    two = ["--student", "student001", "--student", "student002", "--course-dir", str(root)]
    first = bonemets_cli("grade", ASSIGNMENT, "--jobs", "2", *two)
    assert first.returncode == 1
    assert "1 graded, 1 failed, 0 skipped" in first.stdout
    (line,) = [x for x in first.stdout.splitlines() if "not graded:" in x]
    assert line.startswith("  not graded: student002: ") and "JSON" in line
    assert "Traceback" not in first.stdout + first.stderr
    assert not (root / "autograded" / "student002").exists()
    broken.write_text(good)  # the instructor fixes the file and runs the same command again
    second = bonemets_cli("grade", ASSIGNMENT, "--jobs", "2", *two)
    assert second.returncode == 0, second.stderr
    assert "1 graded, 0 failed, 1 skipped" in second.stdout
    state = gradebook_state(f"sqlite:///{root / 'gradebook.db'}")
    expected = expected_item_scores(root, "student002")
    grades = state["student002"]["notebooks"][ASSIGNMENT]["grades"]
    assert {k: grades[k][0] for k in expected} == expected


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["grade", "a9_nothing"], "unknown assignment 'a9_nothing'; the gradebook has: "),
        (["grade", ASSIGNMENT, "--student", "nobody"], "no submission of a1_diagnosis from: "),
        (["simulate", "a9_nothing"], "a9_nothing is not an assignment of this course"),
    ],
)
def test_bad_input_is_one_line_and_no_traceback(class_template, argv, message, capsys) -> None:  # noqa: F811
    assert main([*argv, "--course-dir", str(class_template)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and message in err


def test_missing_course_and_unreadable_gradebook(tmp_path, capsys) -> None:
    assert main(["grade", ASSIGNMENT, "--course-dir", str(tmp_path / "nowhere")]) == 2
    assert "is not a folder" in capsys.readouterr().err
    (tmp_path / "gradebook.db").write_text("not a database at all " * 100)
    assert main(["grade", ASSIGNMENT, "--course-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "cannot read the gradebook" in err
