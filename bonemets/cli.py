"""The course's command line: ``bonemets COMMAND`` (or ``python -m bonemets COMMAND``).

Every command is declared in ``COMMANDS`` below: its help, its arguments and the function
that runs it, named ``"module:function"`` so that only the chosen command's module is
imported (``bonemets --help`` and each ``bonemets COMMAND --help`` import none). The
function receives the parsed arguments and returns the exit status. User mistakes (bad
data, a missing file, a malformed notebook) raise :class:`~bonemets.errors.UserError`:
each line of its message is printed after the command's name, and the exit status is 2;
never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bonemets.errors import UserError

Handler = Callable[[argparse.Namespace], int]


@dataclass(frozen=True)
class Argument:
    """One ``add_argument`` call: its flags (or positional name) and keyword options."""

    flags: tuple[str, ...]
    options: Mapping[str, Any]


def arg(*flags: str, **options: Any) -> Argument:
    """Declare an argument exactly as ``argparse.ArgumentParser.add_argument`` takes it."""
    return Argument(flags, options)


@dataclass(frozen=True)
class Command:
    help: str
    handler: str  # "module:function"
    arguments: tuple[Argument, ...] = field(default=())


ASSIGNMENTS = arg(
    "assignments", nargs="*", help="assignment ids (default: every assignment with items)"
)
FORCE = arg(
    "--force",
    action="store_true",
    help="overwrite source notebooks edited by hand (the edit is lost; edit the item bank)",
)

# Instructor commands act on the course nbgrader would use here (grading.course.course_site).
COURSE_DIR = arg(
    "--course-dir",
    type=Path,
    help="the nbgrader course directory (default: the working directory, as for nbgrader)",
)

# One entry per command, in the order `bonemets --help` lists them.
COMMANDS: dict[str, Command] = {
    "validate-data": Command(
        "Load and validate every file in course_data/ and list every problem",
        "bonemets.admin:validate_data",
    ),
    "register": Command(
        "Register the assignments in nbgrader's gradebook",
        "bonemets.admin:register",
        (COURSE_DIR,),
    ),
    "item-analysis": Command(
        "Difficulty, discrimination and reliability of an assignment's items",
        "bonemets.gradebook_report:item_analysis",
        (
            arg("assignment", help="assignment id, e.g. a1_diagnosis"),
            COURSE_DIR,
            arg("--db", help="gradebook URL (default: the course directory's gradebook)"),
            arg("--csv", type=Path, help="also write the table to this CSV file"),
            arg(
                "--autograded",
                type=Path,
                help="nbgrader's autograded folder, read for the share choosing unsafe options "
                "(default: autograded/ in the course folder)",
            ),
        ),
    ),
    # --- issue 16 (wt16b): instructor reports, grade export, self-grading -------------------
    "report": Command(
        "Item analysis of an assignment as CSV files, PNG plots and one HTML page",
        "bonemets.instructor.report:report",
        (
            arg("assignment", help="assignment id, e.g. a1_diagnosis"),
            COURSE_DIR,
            arg("--out", type=Path, help="folder to write to (default: reports/ASSIGNMENT)"),
        ),
    ),
    "export": Command(
        "Final grades as nbgrader's CSV and as a CSV that Canvas's gradebook imports",
        "bonemets.instructor.export:export",
        (
            COURSE_DIR,
            arg("--out", type=Path, help="folder to write to (default: exports/)"),
        ),
    ),
    "selfgrade": Command(
        "Grade your own copy of an assignment notebook and get the feedback page",
        "bonemets.instructor.selfgrade:selfgrade",
        (
            arg("notebook", type=Path, help="your copy of an assignment notebook"),
            arg("--out", type=Path, help="where to write the feedback page (.html)"),
        ),
    ),
    # --- end issue 16 (wt16b) ----------------------------------------------------------------
    "build-source": Command(
        "Write the source/ notebooks from the item bank",
        "bonemets.grading.commands:build_source",
        (ASSIGNMENTS, FORCE),
    ),
    "release": Command(
        "Build source/ from the item bank and regenerate release/ with nbgrader",
        "bonemets.grading.commands:release",
        (ASSIGNMENTS, FORCE),
    ),
    "check": Command(
        "Score an assignment notebook yourself, with the rationales",
        "bonemets.grading.commands:check",
        (
            arg("notebook", type=Path, help="an assignment notebook to score"),
            arg("--no-rationale", action="store_true", help="print scores only, no rationales"),
        ),
    ),
    "coverage": Command(
        "Print the item bank's coverage table", "bonemets.grading.commands:coverage"
    ),
    "sources": Command(
        "List the bibliography with its dates; --stale lists statements on old sources",
        "bonemets.sources_report:sources",
        (
            arg(
                "--stale",
                action="store_true",
                help="list practice and dosing statements resting on old or undated sources",
            ),
            arg(
                "--years",
                type=int,
                help="age in years above which a source counts as old (default 5)",
            ),
        ),
    ),
    # --- issue 16: simulate a class, grade it in parallel (bonemets/instructor/) ---
    "simulate": Command(
        "Write a seeded synthetic class of submissions (for demos, tests, benchmarks)",
        "bonemets.instructor.simulate:simulate",
        (
            arg("assignment", help="assignment id, e.g. a1_diagnosis"),
            arg("--students", type=int, default=40, help="how many students (default 40)"),
            arg("--seed", type=int, default=0, help="same seed, same submissions (default 0)"),
            arg(
                "--due",
                help="set the assignment's due date first, e.g. '2026-03-01 17:00' (UTC); "
                "about one student in ten then submits late",
            ),
            COURSE_DIR,
        ),
    ),
    "grade": Command(
        "Autograde every submission of an assignment in parallel (resumable)",
        "bonemets.instructor.grade:grade",
        (
            arg("assignment", help="assignment id, e.g. a1_diagnosis"),
            arg("--jobs", type=int, default=2, help="worker processes (default 2)"),
            arg(
                "--execute",
                action="store_true",
                help="also run each notebook in a kernel, as configured, to record the "
                "students' outputs (scores never depend on it)",
            ),
            arg(
                "--student",
                action="append",
                metavar="ID",
                help="grade only this student (repeat for several)",
            ),
            arg("--force", action="store_true", help="grade again submissions graded before"),
            COURSE_DIR,
        ),
    ),
}


def resolve(handler: str) -> Handler:
    """The function a ``"module:function"`` handler names (importing its module)."""
    module_name, _, name = handler.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as missing:
        # The student edition leaves out the instructors' modules (tools/student_wheel.py).
        from bonemets import paths

        if paths.student_edition() and (missing.name or "").startswith("bonemets"):
            raise paths.AnswerKeysNotInstalled() from None
        raise
    function: Handler = getattr(module, name)
    return function


def build_parser() -> argparse.ArgumentParser:
    """The parser for every command, built from ``COMMANDS`` without importing any handler."""
    parser = argparse.ArgumentParser(
        prog="bonemets", description="Commands for the bone metastasis course."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in COMMANDS.items():
        sub = commands.add_parser(name, help=command.help, description=command.help)
        for argument in command.arguments:
            sub.add_argument(*argument.flags, **argument.options)
    return parser


# A gradebook that cannot be opened (not a database, a malformed URL, a folder in its place)
# is a user's problem in every command: one line, not SQLAlchemy's traceback.
GRADEBOOK_ERRORS = {
    "sqlalchemy.exc.DatabaseError",
    "sqlalchemy.exc.ArgumentError",
    "sqlite3.DatabaseError",
}


def gradebook_problem(exc: BaseException) -> str | None:
    """The one-line message for an unreadable gradebook, or None for any other error."""
    names = {f"{c.__module__}.{c.__qualname__}" for c in type(exc).__mro__}
    if not names & GRADEBOOK_ERRORS:
        return None
    cause = getattr(exc, "orig", None) or exc
    first = (str(cause).splitlines() or [type(cause).__name__])[0]
    return f"the gradebook could not be read ({first})"


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Before any handler opens a gradebook (nbgrader runs `alembic` through PATH).
    from bonemets.paths import venv_scripts_on_path

    venv_scripts_on_path()
    try:
        return resolve(COMMANDS[args.command].handler)(args)
    except UserError as exc:
        for line in str(exc).splitlines() or [type(exc).__name__]:
            print(f"bonemets {args.command}: {line}", file=sys.stderr)
        return 2
    except Exception as exc:
        problem = gradebook_problem(exc)
        if problem is None:
            raise
        print(f"bonemets {args.command}: {problem}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
