"""``bonemets export``: final grades as nbgrader's CSV and as a CSV Canvas's gradebook imports.

Only assignments with at least one submission in the gradebook are exported. nbgrader's
own exporter writes 0.0 for every student of every assignment in the gradebook, so an
assignment that is registered but not yet released would read as a row of zeros; it is
left out instead. Within an exported assignment, nbgrader's CSV keeps its own convention
(0.0 for a student with no submission); the Canvas file leaves that cell blank, which
Canvas reads as "not graded" rather than as a score of zero, so a missing piece of work is
marked by the instructor's own Canvas policy, not by this export.

Canvas's layout (its "Export" of the gradebook, which its "Import" reads back): columns
Student, ID, SIS User ID, SIS Login ID, Section, then one column per assignment; a second
row "Points Possible" gives each assignment's maximum. (Checked against Ohio State's
Teaching and Learning Resource Center, "Import CSV File for Carmen Grades", and VCU's
Canvas "Gradebook Action Menu" notes: one of Student name, ID or SIS User ID identifies the
student, then SIS Login ID, Section and the assignment columns; a new column name makes a
new assignment.) Student ids are written exactly as
the gradebook holds them: the nbgrader student id (the JupyterHub user name) in SIS Login
ID, and ``lms_user_id`` (when the gradebook has it, e.g. from an LTI roster) in ID.
"""

from __future__ import annotations

import argparse
import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bonemets.errors import UserError

CANVAS_HEADER = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
POINTS_POSSIBLE = "Points Possible"


@dataclass(frozen=True)
class StudentGrades:
    id: str
    lms_user_id: str | None
    display_name: str  # "Last, First", or the id when the gradebook has no name
    scores: dict[str, float | None]  # assignment -> score after late penalty; None: no submission


def display_name(student_id: str, first: str | None, last: str | None) -> str:
    """How a student is named in exports and reports: never "None, None"."""
    names = [n for n in (last, first) if n and n.strip() and n != "None"]
    return ", ".join(names) if names else student_id


def released_assignments(gradebook: Any) -> list[tuple[str, float]]:
    """Assignments (name, points possible) with at least one submission, in gradebook order."""
    return [
        (a.name, float(a.max_score))
        for a in gradebook.assignments
        if gradebook.assignment_submissions(a.name)
    ]


def grades(gradebook: Any, assignments: list[str]) -> list[StudentGrades]:
    """Each student's score per assignment (after late penalty; None: nothing submitted)."""
    from nbgrader.api import MissingEntry

    result = []
    for student in gradebook.students:
        scores: dict[str, float | None] = {}
        for name in assignments:
            try:
                submission = gradebook.find_submission(name, student.id)
            except MissingEntry:
                scores[name] = None
            else:
                penalty = submission.late_submission_penalty or 0.0
                scores[name] = max(0.0, float(submission.score) - float(penalty))
        result.append(
            StudentGrades(
                student.id,
                student.lms_user_id,
                display_name(student.id, student.first_name, student.last_name),
                scores,
            )
        )
    return result


def write_nbgrader_csv(gradebook: Any, assignments: list[str], path: Path) -> Path:
    """nbgrader's own CSV export (its ``CsvExportPlugin``), limited to ``assignments``."""
    from nbgrader.plugins.export import CsvExportPlugin

    CsvExportPlugin(to=str(path), assignment=list(assignments)).export(gradebook)
    return path


def write_canvas_csv(
    students: list[StudentGrades], assignments: list[tuple[str, float]], path: Path
) -> Path:
    """The Canvas gradebook layout: identity columns, one column per assignment, and a
    "Points Possible" row; a student with no submission gets a blank cell, not 0."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*CANVAS_HEADER, *(name for name, _ in assignments)])
        writer.writerow([POINTS_POSSIBLE, "", "", "", "", *(f"{p:g}" for _, p in assignments)])
        for student in students:
            writer.writerow(
                [
                    student.display_name,
                    student.lms_user_id or "",
                    "",
                    student.id,
                    "",
                    *(
                        "" if student.scores[name] is None else f"{student.scores[name]:g}"
                        for name, _ in assignments
                    ),
                ]
            )
    return path


def export(args: argparse.Namespace) -> int:
    """``bonemets export [--course-dir D] [--out DIR]``."""
    from bonemets.grading.course import course_site

    site = course_site(args.course_dir)
    out = (args.out or site.root / "exports").resolve()
    try:
        return _export(site.db_url, out)
    except OSError as exc:
        raise UserError(f"cannot write the export to {out}: {exc.strerror or exc}") from None


def _export(db_url: str, out: Path) -> int:
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gradebook:  # opened once: each opening runs alembic
        released = released_assignments(gradebook)
        if not released:
            raise UserError(f"no submissions in {db_url} yet: nothing to export")
        names = [name for name, _ in released]
        skipped = [a.name for a in gradebook.assignments if a.name not in names]
        out.mkdir(parents=True, exist_ok=True)
        nbgrader_csv = write_nbgrader_csv(gradebook, names, out / "grades_nbgrader.csv")
        canvas_csv = write_canvas_csv(grades(gradebook, names), released, out / "grades_canvas.csv")
    print(f"exported {', '.join(names)} from {db_url}")
    if skipped:
        print(f"left out (no submission yet, so no row of zeros): {', '.join(skipped)}")
    print(f"wrote {nbgrader_csv}")
    print(f"wrote {canvas_csv}")
    return 0
