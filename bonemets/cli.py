"""The course's command line: ``bonemets COMMAND`` (or ``python -m bonemets.cli COMMAND``).

Each command is a thin caller of a function elsewhere in the package; add one by listing
it in ``COMMANDS``. User mistakes (bad data, a missing file, a malformed notebook) print
one clear line and exit 2; they never show a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from bonemets.data import CourseDataError


class UserError(Exception):
    """A mistake the user can fix; its message is printed as it is, without a traceback."""


# name -> (help, "module:function"). The function receives the parsed arguments; a
# matching "module:add_arguments" function, if present, declares the command's options.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate-data": (
        "Load and validate every file in course_data/",
        "bonemets.admin:validate_data",
    ),
    "register": ("Register the assignments in nbgrader's gradebook", "bonemets.admin:register"),
    "item-analysis": (
        "Difficulty, discrimination and reliability of an assignment's items",
        "bonemets.gradebook_report:item_analysis",
    ),
    "build-source": (
        "Write the source/ notebooks from the item bank",
        "bonemets.grading.commands:build_source",
    ),
    "release": (
        "Build source/ from the item bank and regenerate release/ with nbgrader",
        "bonemets.grading.commands:release",
    ),
    "check": (
        "Score an assignment notebook yourself, with the rationales",
        "bonemets.grading.commands:check",
    ),
    "coverage": ("Print the item bank's coverage table", "bonemets.grading.commands:coverage"),
}


def _resolve(dotted: str) -> Callable:
    module_name, _, name = dotted.partition(":")
    return getattr(importlib.import_module(module_name), name)


def build_parser(selected: str | None = None) -> argparse.ArgumentParser:
    """The parser; only the ``selected`` command's module is imported (start-up stays fast)."""
    parser = argparse.ArgumentParser(
        prog="bonemets", description="Commands for the bone metastasis course."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (help_text, dotted) in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        if name == selected:
            module = importlib.import_module(dotted.partition(":")[0])
            add_arguments = getattr(module, "add_arguments", None)
            if add_arguments is not None:
                add_arguments(name, sub)
        sub.set_defaults(handler=dotted)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    selected = next((arg for arg in argv if arg in COMMANDS), None)
    args = build_parser(selected).parse_args(argv)
    try:
        result = _resolve(args.handler)(args)
    except (CourseDataError, UserError) as exc:
        print(f"bonemets {args.command}: {exc}", file=sys.stderr)
        return 2
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
