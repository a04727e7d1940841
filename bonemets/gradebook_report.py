"""Instructors' report on an assignment's items, read from nbgrader's gradebook."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from bonemets import paths
from bonemets.errors import UserError
from bonemets.item_analysis import TestStatistics, analyse, unsafe_share

ANSWER_SUFFIX = "_answer"  # the answer cell of item a1_q03 is a1_q03_answer


def scores_from_gradebook(
    db_url: str, assignment: str
) -> tuple[list[dict[str, float]], dict[str, float]]:
    """Each submission's points per grade cell, and each cell's maximum, for one assignment.

    A cell still waiting for a manual grade is left out of that student's row.
    """
    from nbgrader.api import Gradebook, MissingEntry  # heavy: only when reporting

    rows: list[dict[str, float]] = []
    max_points: dict[str, float] = {}
    with Gradebook(db_url) as gradebook:
        try:
            gradebook.find_assignment(assignment)
        except MissingEntry:
            raise LookupError(f"no assignment {assignment!r} in the gradebook") from None
        for submission in gradebook.assignment_submissions(assignment):
            row = {}
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    max_points[grade.name] = float(grade.max_score)
                    if grade.score is not None and not grade.needs_manual_grade:
                        row[grade.name] = float(grade.score)
            rows.append(row)
    return rows, max_points


def unsafe_choices_from_autograded(
    autograded: Path, assignment: str, data_dir: Path | None = None
) -> dict[str, list[bool | None]]:
    """Per item with unsafe options: for each autograded submission, whether the student
    chose one (``None`` when the answer cannot be read). Answers are read from the answer
    cells' source, never executed, as the grader reads them."""
    import nbformat

    from bonemets.assessment.answers import UnreadableAnswer, read_answer
    from bonemets.assessment.bank import load_items
    from bonemets.assessment.shapes import AnswerShapeError, normalise

    items = [
        i
        for i in load_items(data_dir).values()
        if i.assignment == assignment and any(o.unsafe for _, o in i.all_options())
    ]
    choices: dict[str, list[bool | None]] = {i.id: [] for i in items}
    for path in sorted(autograded.glob(f"*/{assignment}/*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        sources = {
            cell.metadata.get("nbgrader", {}).get("grade_id"): cell.source
            for cell in nb.cells
            if cell.cell_type == "code"
        }
        for item in items:
            source = sources.get(item.id + ANSWER_SUFFIX)
            flag: bool | None = None
            if source is not None:
                try:
                    answer = normalise(
                        item.variable, read_answer(source, item.variable), item.shape
                    )
                    flag = bool(item.unsafe_choices(answer))
                except (UnreadableAnswer, AnswerShapeError):
                    flag = None
            choices[item.id].append(flag)
    return choices


def report_rows(
    stats: TestStatistics, unsafe: dict[str, list[bool | None]] | None = None
) -> list[list[str]]:
    def fmt(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    unsafe = unsafe or {}
    return [
        [
            s.item,
            f"{s.max_points:g}",
            fmt(s.difficulty),
            fmt(s.discrimination),
            s.discrimination_band,
            fmt(s.point_biserial),
            fmt(unsafe_share(unsafe[s.item])) if s.item in unsafe else "-",
        ]
        for s in stats.items
    ]


HEADER = [
    "item",
    "points",
    "difficulty p",
    "discrimination",
    "band",
    "point-biserial",
    "chose unsafe",
]


def item_analysis(args: argparse.Namespace) -> int:
    """``bonemets item-analysis``: print (and optionally save) the items' statistics."""
    try:
        rows, max_points = scores_from_gradebook(args.db or paths.gradebook_url(), args.assignment)
    except LookupError as exc:
        raise UserError(str(exc)) from None
    if not rows:
        raise UserError(f"{args.assignment} has no graded submissions yet")
    stats = analyse(rows, max_points)
    autograded = args.autograded or paths.repo_root() / "autograded"
    table = report_rows(stats, unsafe_choices_from_autograded(autograded, args.assignment))
    widths = [max(len(r[i]) for r in [HEADER, *table]) for i in range(len(HEADER))]
    for line in [HEADER, *table]:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)))
    alpha = "-" if stats.reliability is None else f"{stats.reliability:.2f}"
    print(
        f"\n{stats.students} submissions; reliability (KR-20 / alpha) {alpha}: "
        f"{stats.reliability_band}."
    )
    print("Bands: ParScore item-analysis guide (course_data/sources.yaml: parscore_guide).")
    print(
        "Chose unsafe: share of autograded submissions that chose an option tagged as "
        "harmful to the patient ('-' when the item has none)."
    )
    if args.csv:
        with args.csv.open("w", newline="") as handle:
            csv.writer(handle).writerows([HEADER, *table])
        print(f"wrote {args.csv}", file=sys.stderr)
    return 0
