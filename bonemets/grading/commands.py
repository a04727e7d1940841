"""The assessment commands of ``bonemets``: build-source, release, check, coverage."""

from __future__ import annotations

import argparse

from bonemets import paths
from bonemets.errors import UserError


def _assignments(args: argparse.Namespace) -> list[str]:
    from bonemets.assessment.bank import load_items

    with_items = list(dict.fromkeys(i.assignment for i in load_items().values()))
    unknown = sorted(set(args.assignments) - set(with_items))
    if unknown:
        raise UserError(f"no items for {', '.join(unknown)}; known: {', '.join(with_items)}")
    return args.assignments or with_items


def build_source(args: argparse.Namespace) -> int:
    from bonemets.grading.source_builder import write_source

    root = paths.repo_root()
    for assignment in _assignments(args):
        path = write_source(assignment, root, force=getattr(args, "force", False))
        print(f"wrote {path.relative_to(root)}")
    return 0


def release(args: argparse.Namespace) -> int:
    from bonemets.grading.course import NbgraderFailed, build_release

    root = paths.repo_root()
    try:
        written = build_release(root, _assignments(args), force=getattr(args, "force", False))
    except NbgraderFailed as exc:
        first_line = str(exc).splitlines()[0]
        raise UserError(f"{first_line} (run nbgrader by hand to see its log)") from None
    for path in written:
        print(f"released {path.relative_to(root)}")
    return 0


NOT_ANSWERED_YET = "Not answered yet: answer it, then check again."
NOT_READABLE_YET = "Answer it in the form the question asks for, then check again."


def check(args: argparse.Namespace) -> int:
    from bonemets.grading.marking import answer_text, points_text
    from bonemets.grading.sanitize import terminal_safe
    from bonemets.grading.selfcheck import NotebookProblem, score_notebook

    try:
        report = score_notebook(args.notebook)
    except NotebookProblem as exc:
        raise UserError(terminal_safe(str(exc))) from None
    # Messages can quote what the notebook holds: never let it drive the terminal.
    for result in report.results:
        print(terminal_safe(result.message))
        if not result.answered:
            # The key of a question not yet answered would give the answer away.
            print(
                "    " + NOT_ANSWERED_YET if result.status == "blank" else "    " + NOT_READABLE_YET
            )
        elif not args.no_rationale:
            if result.answer is not None:
                print("    " + terminal_safe(f"Your answer: {answer_text(result.answer)}."))
            for line in result.details:
                print("    " + terminal_safe(line))
    unanswered = sum(not r.answered for r in report.results)
    print(
        f"Total: {points_text(report.score, report.max_points)} for the questions marked "
        "automatically (your instructor marks the short answer)."
    )
    if unanswered:
        print(
            f"{unanswered} question{'s are' if unanswered != 1 else ' is'} not answered yet: "
            "their answers stay hidden until you answer them and check again."
        )
    return 0


def coverage(args: argparse.Namespace) -> int:
    from bonemets.assessment.coverage import coverage_table

    print(coverage_table())
    return 0
