"""Instructors' report on an assignment's items, read from nbgrader's gradebook.

``bonemets item-analysis`` prints the table; ``bonemets report`` (``bonemets.instructor.
report``) builds on the same readers to write CSV files, plots and one HTML page.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path
from typing import Any

from bonemets.errors import UserError
from bonemets.item_analysis import TestStatistics, analyse, unsafe_share

ANSWER_SUFFIX = "_answer"  # the answer cell of item a1_q03 is a1_q03_answer
UNREADABLE = object()  # an answer cell whose value cannot be read in the item's form


def scores_from_gradebook(
    db_url: str, assignment: str
) -> tuple[list[dict[str, float | None]], dict[str, float]]:
    """Each submission's points per grade cell, and each cell's maximum, for one assignment.

    A cell still waiting for a manual grade is ``None`` in that student's row (pending:
    left out of the statistics, never counted as 0).
    """
    rows, max_points, _ = scores_by_student(db_url, assignment)
    return list(rows.values()), max_points


def scores_by_student(
    db_url: str, assignment: str
) -> tuple[dict[str, dict[str, float | None]], dict[str, float], list[str]]:
    """As :func:`scores_from_gradebook`, keyed by student id, with the notebooks' names."""
    from nbgrader.api import Gradebook, MissingEntry  # heavy: only when reporting

    rows: dict[str, dict[str, float | None]] = {}
    max_points: dict[str, float] = {}
    notebooks: list[str] = []
    with Gradebook(db_url) as gradebook:
        try:
            found = gradebook.find_assignment(assignment)
        except MissingEntry:
            known = ", ".join(a.name for a in gradebook.assignments) or "none"
            raise LookupError(
                f"no assignment {assignment!r} in the gradebook (known: {known})"
            ) from None
        notebooks = [nb.name for nb in found.notebooks]
        for notebook in found.notebooks:
            for cell in notebook.grade_cells:
                max_points[cell.name] = float(cell.max_score)
        for submission in gradebook.assignment_submissions(assignment):
            row: dict[str, float | None] = {}
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    max_points[grade.name] = float(grade.max_score)
                    if grade.needs_manual_grade or grade.score is None:
                        row[grade.name] = None  # pending: a grader has not scored it yet
                    else:
                        row[grade.name] = float(grade.score)
            rows[submission.student_id] = row
    return rows, max_points, notebooks


def answers_from_autograded(
    autograded: Path, assignment: str, data_dir: Path | None = None
) -> dict[str, list[Any]]:
    """Per auto-graded item with options: each autograded submission's canonical answer
    (``None`` when blank or the cell is missing, :data:`UNREADABLE` when it cannot be read).
    Answers are read from the answer cells' source, never executed, as the grader reads them.
    """
    from bonemets.assessment.answers import UnreadableAnswer, read_answer
    from bonemets.assessment.bank import load_items
    from bonemets.assessment.shapes import AnswerShapeError, normalise

    items = [
        i
        for i in load_items(data_dir).values()
        if i.assignment == assignment and i.auto_graded and i.all_options()
    ]
    answers: dict[str, list[Any]] = {i.id: [] for i in items}
    for path in sorted(autograded.glob(f"*/{assignment}/*.ipynb")):
        sources = answer_sources(path)
        for item in items:
            source = sources.get(item.id + ANSWER_SUFFIX)
            answer: Any = None
            if source is not None:
                try:
                    value = read_answer(source, item.variable)
                    answer = None if value is None else normalise(item.variable, value, item.shape)
                except (UnreadableAnswer, AnswerShapeError):
                    answer = UNREADABLE
            answers[item.id].append(answer)
    return answers


def answer_sources(path: Path) -> dict[str, str]:
    """Each code cell's source by nbgrader grade id, read as plain JSON: nbformat's schema
    validation would cost more than the reading for a class of notebooks, and nothing here
    is executed or trusted beyond the text."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
        cells = nb["cells"] if isinstance(nb, dict) else []
    except (OSError, ValueError, KeyError):
        return {}  # a damaged notebook: its answers count as unreadable
    sources = {}
    for cell in cells if isinstance(cells, list) else []:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        grade_id = (cell.get("metadata") or {}).get("nbgrader", {}).get("grade_id")
        source = cell.get("source", "")
        if isinstance(grade_id, str):
            sources[grade_id] = "".join(source) if isinstance(source, list) else str(source)
    return sources


def unsafe_choices_from_autograded(
    autograded: Path, assignment: str, data_dir: Path | None = None
) -> dict[str, list[bool | None]]:
    """Per item with unsafe options: for each autograded submission, whether the student
    chose one (``None`` when the answer is blank or cannot be read: left out)."""
    from bonemets.assessment.bank import load_items

    items = load_items(data_dir)
    return {
        item_id: [
            None
            if answer is None or answer is UNREADABLE
            else bool(items[item_id].unsafe_choices(answer))
            for answer in answers
        ]
        for item_id, answers in answers_from_autograded(autograded, assignment, data_dir).items()
        if any(o.unsafe for _, o in items[item_id].all_options())
    }


def fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def report_rows(
    stats: TestStatistics, unsafe: dict[str, list[bool | None]] | None = None
) -> list[list[str]]:
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
            str(s.pending),
            "; ".join(s.flags) or "-",
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
    "pending",
    "flags",
]


def summary_lines(stats: TestStatistics) -> list[str]:
    """The lines under the table: class size, reliability, warnings, where bands come from."""
    alpha = "-" if stats.reliability is None else f"{stats.reliability:.2f}"
    lines = [
        f"{stats.students} submissions; reliability ({stats.reliability_name}, over "
        f"{len(stats.reliability_items)} fully graded items) {alpha}: {stats.reliability_band}.",
    ]
    lines += [f"WARNING: {warning}" for warning in stats.warnings]
    lines += [
        "Bands: ParScore item-analysis guide (course_data/sources.yaml: parscore_guide); "
        "flags: discrimination below 0.25 or point-biserial below 0.2.",
        "Chose unsafe: share of autograded submissions that chose an option tagged as "
        "harmful to the patient ('-' when the item has none).",
    ]
    return lines


def item_analysis(args: argparse.Namespace) -> int:
    """``bonemets item-analysis``: print (and optionally save) the items' statistics."""
    from bonemets.grading.course import course_site

    site = course_site(getattr(args, "course_dir", None)) if not args.db else None
    db_url = args.db or site.db_url  # type: ignore[union-attr]
    try:
        rows, max_points = scores_from_gradebook(db_url, args.assignment)
    except LookupError as exc:
        raise UserError(str(exc)) from None
    if not rows:
        raise UserError(f"{args.assignment} has no graded submissions yet in {db_url}")
    stats = analyse(rows, max_points)
    autograded = (
        getattr(args, "autograded", None) or (site.root if site else Path.cwd()) / "autograded"
    )
    table = report_rows(stats, unsafe_choices_from_autograded(autograded, args.assignment))
    widths = [max(len(r[i]) for r in [HEADER, *table]) for i in range(len(HEADER))]
    print(f"Gradebook: {db_url}")
    for line in [HEADER, *table]:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())
    print()
    for text in summary_lines(stats):
        print(text)
    if getattr(args, "csv", None):
        try:
            with args.csv.open("w", newline="") as handle:
                csv.writer(handle).writerows([HEADER, *table])
        except OSError as exc:
            raise UserError(f"cannot write {args.csv}: {exc.strerror or exc}") from None
        print(f"wrote {args.csv.resolve()}")
    return 0
