"""What ``notebooks/instructor/item_analysis.ipynb`` calls: find the class, show the report.

The notebook stays thin: each cell calls one function here. With no class to analyse (a
fresh clone, the test run) it builds a small synthetic class in a temporary folder and
says so, so the notebook always runs.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from bonemets import paths
from bonemets.errors import UserError
from bonemets.figures import figure_html, table_html
from bonemets.gradebook_report import HEADER, report_rows
from bonemets.instructor.report import (
    OPTION_HEADER,
    AssignmentReport,
    build_report,
    option_rows,
    plots,
)
from bonemets.item_analysis import SMALL_CLASS_SOURCE

DEMO_NOTE = (
    "No graded submissions of {assignment} were found in {where}, so this notebook built a "
    "synthetic class of {students} students in {folder} to show the report. Run it in your "
    "course directory (or pass course_dir=...) after autograding to see your class."
)


def open_class(
    assignment: str, course_dir: Path | None = None, students: int = 24
) -> tuple[AssignmentReport, str]:
    """The report for ``assignment`` in the course directory, or for a synthetic class
    when that course has no graded submission of it; with a sentence saying which."""
    from bonemets.grading.course import course_site

    where = "the course directory"
    # The folder given, else the kernel's working folder, else the course this package is in
    # (JupyterLab starts the kernel in notebooks/instructor/, which is not a course).
    for candidate in [course_dir] if course_dir else [None, paths.repo_root()]:
        try:
            site = course_site(candidate)
            where = str(site.root)
            autograded = site.root / "autograded"
            return build_report(site.db_url, assignment, autograded), f"Class: {site.root}"
        except UserError:
            continue  # not a course, no such assignment, or nothing graded yet

    from bonemets.instructor.report_demo import build_demo_course

    folder = Path(tempfile.mkdtemp(prefix="bonemets-demo-class-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)  # gone when the kernel stops
    build_demo_course(folder, assignment, students=students)
    report = build_report(f"sqlite:///{folder / 'gradebook.db'}", assignment, folder / "autograded")
    note = DEMO_NOTE.format(assignment=assignment, where=where, students=students, folder=folder)
    return report, note


def summary_html(report: AssignmentReport) -> str:
    """The warnings (pending scores, class size) first, then the items table."""
    stats = report.stats
    parts = []
    if stats.warnings:
        items = "".join(f"<li><strong>{w}</strong></li>" for w in stats.warnings)
        why = f"<li>Why: {SMALL_CLASS_SOURCE}</li>" if stats.small_class else ""
        parts.append(
            '<div role="note" style="border:3px solid #D55E00;padding:0.3em 1em">'
            f"<p><strong>Read this first</strong></p><ul>{items}{why}</ul></div>"
        )
    alpha = "-" if stats.reliability is None else f"{stats.reliability:.2f}"
    parts.append(
        f"<p>{stats.students} submissions. Reliability ({stats.reliability_name} over "
        f"{len(stats.reliability_items)} fully graded items): {alpha}, "
        f"{stats.reliability_band}.</p>"
    )
    parts.append(table_html(HEADER, report_rows(stats, report.unsafe), caption="Items"))
    return "".join(parts)


def plots_html(report: AssignmentReport) -> str:
    """Every plot as an image with alt text, each followed by its table."""
    return "".join(
        figure_html(p.figure, p.alt, caption=p.title, image_format="png")
        + table_html(p.header, p.rows, caption=f"{p.title} (table)")
        for p in plots(report)
    )


def item_html(report: AssignmentReport, item: str) -> str:
    """One item's statistics, flags and option counts."""
    row = next(r for r in report_rows(report.stats, report.unsafe) if r[0] == item)
    options = [r for r in option_rows(report) if r[0] == item]
    out = table_html(HEADER, [row], caption=f"{item}")
    if options:
        out += table_html(OPTION_HEADER, options, caption=f"Options chosen in {item}")
    else:
        out += "<p>No option counts for this item (short answer, matrix or ordering).</p>"
    return out


def item_explorer(report: AssignmentReport) -> object:
    """A drop-down of the items and a view of the chosen one (the course's ControlPanel)."""
    from bonemets.panel import ControlPanel, dropdown

    choices = [(s.item, s.item) for s in report.stats.items]
    return ControlPanel(
        {"item": dropdown("Item", choices)},
        lambda item: item_html(report, item),
        title="One item at a time",
    )
