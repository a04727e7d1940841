"""Instructors' report on an assignment's items, read from nbgrader's gradebook."""

from __future__ import annotations

import argparse
import csv
import sys

from bonemets import paths
from bonemets.errors import UserError
from bonemets.item_analysis import TestStatistics, analyse


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


def report_rows(stats: TestStatistics) -> list[list[str]]:
    def fmt(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    return [
        [
            s.item,
            f"{s.max_points:g}",
            fmt(s.difficulty),
            fmt(s.discrimination),
            s.discrimination_band,
            fmt(s.point_biserial),
        ]
        for s in stats.items
    ]


HEADER = ["item", "points", "difficulty p", "discrimination", "band", "point-biserial"]


def item_analysis(args: argparse.Namespace) -> int:
    """``bonemets item-analysis``: print (and optionally save) the items' statistics."""
    try:
        rows, max_points = scores_from_gradebook(args.db or paths.gradebook_url(), args.assignment)
    except LookupError as exc:
        raise UserError(str(exc)) from None
    if not rows:
        raise UserError(f"{args.assignment} has no graded submissions yet")
    stats = analyse(rows, max_points)
    table = report_rows(stats)
    widths = [max(len(r[i]) for r in [HEADER, *table]) for i in range(len(HEADER))]
    for line in [HEADER, *table]:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)))
    alpha = "-" if stats.reliability is None else f"{stats.reliability:.2f}"
    print(
        f"\n{stats.students} submissions; reliability (KR-20 / alpha) {alpha}: "
        f"{stats.reliability_band}."
    )
    print("Bands: ParScore item-analysis guide (course_data/sources.yaml: parscore_guide).")
    if args.csv:
        with args.csv.open("w", newline="") as handle:
            csv.writer(handle).writerows([HEADER, *table])
        print(f"wrote {args.csv}", file=sys.stderr)
    return 0
