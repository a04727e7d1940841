"""``make grade-demo``: a whole class graded end to end on a temporary copy of the course.

    python -m bonemets.instructor.demo [--students N] [--jobs N] [--keep-in DIR]

Steps, each printing what it did: make a course directory (this repository's
``nbgrader_config.py``, a1's source and release built from the item bank), simulate a class
with a due date (``bonemets simulate``), grade it (``bonemets grade --jobs N``), generate
the feedback pages (nbgrader's ``generate_feedback``), write the item analysis
(``bonemets report``) and export the grades (``bonemets export``). The course directory is
kept and its paths printed, so an instructor can open formgrader on it or read the files.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bonemets import paths

ASSIGNMENT = "a1_diagnosis"
DUE = "2026-03-01 17:00"


@dataclass
class Demo:
    root: Path
    students: int
    jobs: int


def make_course(demo: Demo) -> str:
    from bonemets.grading.course import build_release

    demo.root.mkdir(parents=True, exist_ok=True)
    shutil.copy(paths.repo_root() / "nbgrader_config.py", demo.root / "nbgrader_config.py")
    build_release(demo.root, [ASSIGNMENT])
    return f"course directory {demo.root} (source/ and release/ of {ASSIGNMENT})"


def simulate(demo: Demo) -> str:

    from bonemets.grading.course import course_site
    from bonemets.instructor.simulate import parse_due, simulate_class

    site = course_site(demo.root)
    course_id = site.course_id
    made = simulate_class(
        site.root, site.db_url, course_id, ASSIGNMENT, demo.students, 1, parse_due(DUE)
    )
    return (
        f"simulated {len(made.students)} submissions in {site.root / 'submitted'} "
        f"({made.blank} blank, {made.late} late)"
    )


def grade(demo: Demo) -> str:
    from bonemets.grading.course import course_site
    from bonemets.instructor.grade import grade_class, report

    site = course_site(demo.root)
    return report(grade_class(site, ASSIGNMENT, jobs=demo.jobs), site)


def feedback(demo: Demo) -> str:
    from bonemets.grading.course import api, checked

    checked(api(demo.root).generate_feedback(ASSIGNMENT), "generate_feedback")
    pages = sorted((demo.root / "feedback").glob(f"*/{ASSIGNMENT}/*.html"))
    return f"{len(pages)} feedback pages, e.g. {pages[0] if pages else '(none)'}"


def _command(*argv: str) -> str:
    """Run a ``bonemets`` command as an instructor would and return what it printed."""
    from bonemets.cli import main

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        status = main(list(argv))
    if status != 0:
        raise SystemExit(f"bonemets {argv[0]} failed (exit status {status})")
    return printed.getvalue().strip()


def report(demo: Demo) -> str:
    return _command("report", ASSIGNMENT, "--course-dir", str(demo.root))


def export(demo: Demo) -> str:
    return _command("export", "--course-dir", str(demo.root))


STEPS: list[Callable[[Demo], str]] = [make_course, simulate, grade, feedback, report, export]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep-in", type=Path, help="folder to build the course in")
    args = parser.parse_args(argv)
    root = args.keep_in or Path(tempfile.mkdtemp(prefix="bonemets-grade-demo-")) / "course"
    demo = Demo(root.resolve(), args.students, args.jobs)
    for step in STEPS:
        start = time.perf_counter()
        said = step(demo)
        print(f"[{step.__name__}, {time.perf_counter() - start:.1f} s] {said}", flush=True)
    print(f"\nEverything is in {demo.root} (delete it when done). To look at it in formgrader:")
    print(f"  cd {demo.root} && {Path(sys.executable).parent / 'jupyter'} lab")
    return 0


if __name__ == "__main__":
    sys.exit(main())
