"""Bad input to every ``bonemets`` command: one line naming the problem, a non-zero exit, never
a traceback.

The cases are generated from ``bonemets.cli.COMMANDS``: each argument a command declares is
given each bad value of its kind (``BAD_VALUES``), the other arguments good ones
(``GOOD_VALUES``), so a command added later is covered as soon as its arguments are of a kind
listed here (the last test fails for an argument of a new kind). Commands without arguments
get a course folder that is missing its data.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from bonemets import clear_caches
from bonemets.cli import COMMANDS, Argument, main

REPO = Path(__file__).resolve().parents[1]
RELEASED = REPO / "release" / "a1_diagnosis" / "a1_diagnosis.ipynb"


def dest(argument: Argument) -> str:
    name = argument.flags[-1] if argument.flags[0].startswith("-") else argument.flags[0]
    return name.lstrip("-").replace("-", "_")


# Folders a case needs, built once per test in tmp_path.
@cache
def course_template() -> Path:
    """Made once: the course's nbgrader configuration and a new, empty gradebook (creating
    one runs nbgrader's database migrations, seconds each time)."""
    from nbgrader.api import Gradebook

    course = Path(tempfile.mkdtemp(prefix="bonemets-cli-course-"))
    atexit.register(shutil.rmtree, course, ignore_errors=True)
    shutil.copy(REPO / "nbgrader_config.py", course / "nbgrader_config.py")
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id="bonemets"):
        pass
    return course


def empty_course(tmp: Path) -> Path:
    """A valid, empty course directory: the course's nbgrader configuration, no submissions."""
    course = tmp / "course"
    if not course.exists():
        shutil.copytree(course_template(), course)
    return course


def corrupt_gradebook(tmp: Path) -> Path:
    course = empty_course(tmp)
    (course / "gradebook.db").unlink()
    (course / "gradebook.db").write_bytes(b"this is not a database" * 100)
    return course


def unreadable_gradebook(tmp: Path) -> Path:
    course = empty_course(tmp)
    (course / "gradebook.db").unlink()
    (course / "gradebook.db").mkdir()  # a folder where the file should be: unreadable as root too
    return course


def under_a_file(tmp: Path) -> Path:
    """An output path whose folder is a plain file: nothing can be written there."""
    (tmp / "plain-file").write_text("not a folder", encoding="utf-8")
    return tmp / "plain-file" / "out.html"


def not_json(tmp: Path) -> Path:
    path = tmp / "answers.ipynb"
    path.write_text('{"cells": [', encoding="utf-8")
    return path


def empty_file(tmp: Path) -> Path:
    path = tmp / "empty.ipynb"
    path.write_bytes(b"")
    return path


Value = str | Callable[[Path], Path | str]
# Per argument (by its name): values that are wrong, and a value that is right.
BAD_VALUES: dict[str, list[Value]] = {
    "assignment": ["no_such_assignment"],
    "assignments": ["no_such_assignment"],
    "course_dir": [
        "/nonexistent/course",
        lambda tmp: tmp,  # a folder that is not a course
        corrupt_gradebook,
        unreadable_gradebook,
    ],
    "notebook": ["/nonexistent/a1_diagnosis.ipynb", not_json, empty_file],
    "db": [
        lambda tmp: f"sqlite:///{corrupt_gradebook(tmp) / 'gradebook.db'}",
        "not a database address",
    ],
    "autograded": ["/nonexistent/autograded"],
    "csv": ["/nonexistent/folder/table.csv"],
    "out": [under_a_file],
    "students": ["-3"],
    "jobs": ["0"],
    "student": ["nobody_submitted"],
    "due": ["not a date"],
}
GOOD_VALUES: dict[str, Value] = {
    "assignment": "a1_diagnosis",
    "notebook": str(RELEASED),
    "course_dir": empty_course,
}
# Arguments that cannot be wrong (switches) or take any value.
NEVER_BAD = {"no_rationale", "stale", "years", "seed", "execute", "force"}


def cases() -> list[tuple[str, str, int]]:
    found = []
    for name, command in COMMANDS.items():
        for argument in command.arguments:
            for index in range(len(BAD_VALUES.get(dest(argument), []))):
                found.append((name, dest(argument), index))
    return found


def resolve(value: Value, tmp: Path) -> str:
    return str(value(tmp)) if callable(value) else value


def argv(command: str, bad: str, value: str, tmp: Path) -> list[str]:
    """The command line with ``bad`` set to ``value`` and every other needed argument good."""
    line = [command]
    for argument in COMMANDS[command].arguments:
        name = dest(argument)
        optional = argument.flags[0].startswith("-")
        if name == bad:
            line += [argument.flags[0], value] if optional else [value]
        elif name in GOOD_VALUES and (not optional or name == "course_dir"):
            good = resolve(GOOD_VALUES[name], tmp)
            line += [argument.flags[0], good] if optional else [good]
    return line


def assert_one_line_error(command: str, status: int, err: str) -> None:
    assert status != 0
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines, "no message"
    assert lines[-1].startswith(f"bonemets {command}: "), err
    assert len(lines[-1]) < 400


@pytest.mark.parametrize(("command", "bad", "index"), cases())
def test_bad_argument_gets_one_line_and_an_error_status(
    command: str,
    bad: str,
    index: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)  # never the repository's own course
    value = resolve(BAD_VALUES[bad][index], tmp_path)
    status = main(argv(command, bad, value, tmp_path))
    out, err = capsys.readouterr()
    assert "Traceback" not in out
    assert_one_line_error(command, status, err)


NO_ARGUMENTS = [name for name, command in COMMANDS.items() if not command.arguments]


@pytest.mark.parametrize("command", NO_ARGUMENTS)
def test_a_course_folder_without_its_data_gets_one_line(
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BONEMETS_ROOT", str(tmp_path / "missing"))
    monkeypatch.delenv("BONEMETS_DATA", raising=False)
    clear_caches()
    try:
        status = main([command])
    finally:
        clear_caches()
    assert_one_line_error(command, status, capsys.readouterr().err)


def test_every_argument_kind_has_bad_values_or_cannot_be_wrong() -> None:
    kinds = {dest(a) for command in COMMANDS.values() for a in command.arguments}
    assert kinds - set(BAD_VALUES) - NEVER_BAD == set()
