"""``bonemets report ASSIGNMENT``: the item analysis as CSV files, PNG plots and one HTML page.

Builds on :mod:`bonemets.gradebook_report` (scores and answers read from the course's
gradebook and autograded notebooks) and :mod:`bonemets.item_analysis` (the statistics).
Nothing here names a student: the report holds counts and shares only.
"""

from __future__ import annotations

import argparse
import base64
import csv
import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bonemets.errors import UserError
from bonemets.figures import TABLE_STYLE, render_png, table_html
from bonemets.gradebook_report import (
    HEADER,
    UNREADABLE,
    answers_from_autograded,
    fmt,
    report_rows,
    scores_by_student,
    summary_lines,
)
from bonemets.instructor.report_plots import Plot, distribution_plot, items_plot, mastery_plot
from bonemets.item_analysis import (
    BLANK,
    SMALL_CLASS_SOURCE,
    Mastery,
    TestStatistics,
    analyse,
    mastery,
    option_counts,
)

CJ_LABELS = {
    "recognize_cues": "Recognize cues",
    "analyze_cues": "Analyze cues",
    "prioritize_hypotheses": "Prioritize hypotheses",
    "generate_solutions": "Generate solutions",
    "take_action": "Take action",
    "evaluate_outcomes": "Evaluate outcomes",
}


@dataclass(frozen=True)
class OptionCount:
    item: str
    part: str | None  # a blank, row or bow-tie group; None for the item's own options
    option: str  # the option's letter, or "blank"
    count: int
    of: int  # submissions read
    correct: bool
    unsafe: bool

    @property
    def share(self) -> float:
        return self.count / self.of if self.of else 0.0


@dataclass(frozen=True)
class AssignmentReport:
    assignment: str
    db_url: str
    stats: TestStatistics
    max_points: dict[str, float]
    unsafe: dict[str, list[bool | None]]
    options: tuple[OptionCount, ...]
    by_objective: tuple[Mastery, ...]
    by_step: tuple[Mastery, ...]
    objective_labels: dict[str, str]

    @property
    def possible(self) -> float:
        return sum(self.max_points.values())


def build_report(
    db_url: str, assignment: str, autograded: Path, data_dir: Path | None = None
) -> AssignmentReport:
    """Everything the report shows, from the gradebook and the autograded notebooks."""
    from bonemets.assessment.bank import load_items
    from bonemets.data import ModuleObjectives, load_collection

    try:
        scores, max_points, _ = scores_by_student(db_url, assignment)
    except LookupError as exc:
        raise UserError(str(exc)) from None
    if not scores:
        raise UserError(f"{assignment} has no graded submissions yet in {db_url}")
    rows = list(scores.values())
    stats = analyse(rows, max_points)
    items = load_items(data_dir)
    answers = answers_from_autograded(autograded, assignment, data_dir)
    unsafe = {
        item_id: [
            None if a is None or a is UNREADABLE else bool(items[item_id].unsafe_choices(a))
            for a in given
        ]
        for item_id, given in answers.items()
        if any(o.unsafe for _, o in items[item_id].all_options())
    }
    options: list[OptionCount] = []
    for item_id, given in answers.items():
        item = items[item_id]
        if item.type == "ordering" or not given:
            continue  # every ordering answer holds every option: counts would say nothing
        counts = option_counts(
            None if a is None or a is UNREADABLE else item.chosen_options(a) for a in given
        )
        key = item.chosen_options(item.answer_key)
        for part, option in item.all_options():
            options.append(
                OptionCount(
                    item_id,
                    part,
                    option.id,
                    counts.get((part, option.id), 0),
                    len(given),
                    (part, option.id) in key,
                    option.unsafe,
                )
            )
        options.append(
            OptionCount(
                item_id, None, BLANK, counts.get((None, BLANK), 0), len(given), False, False
            )
        )
    graded_items = {i: items[i] for i in max_points if i in items}
    modules = load_collection(ModuleObjectives, data_dir)
    objective_labels = {
        o.id: f"{o.id}: {o.text}" for module in modules.values() for o in module.objectives
    }
    by_objective = mastery(rows, max_points, {i: it.objective for i, it in graded_items.items()})
    by_step = mastery(rows, max_points, {i: it.cj_step for i, it in graded_items.items()})
    step_order = list(CJ_LABELS)
    by_step.sort(key=lambda m: step_order.index(m.group) if m.group in step_order else 99)
    by_objective.sort(key=lambda m: m.group)
    return AssignmentReport(
        assignment,
        db_url,
        stats,
        max_points,
        unsafe,
        tuple(options),
        tuple(by_objective),
        tuple(by_step),
        objective_labels,
    )


def plots(report: AssignmentReport) -> list[Plot]:
    return [
        items_plot(report.stats),
        distribution_plot(report.stats, report.possible),
        mastery_plot(
            "objectives",
            "Points earned per learning objective",
            report.by_objective,
            {m.group: m.group for m in report.by_objective},  # ids on the bars, text in the table
            report.objective_labels,
        ),
        mastery_plot(
            "cj_steps", "Points earned per clinical-judgment step", report.by_step, CJ_LABELS
        ),
    ]


OPTION_HEADER = ("item", "part", "option", "chosen by", "of", "share", "key", "unsafe")
MASTERY_HEADER = ("grouping", "group", "items", "points earned", "points possible", "share")


def option_rows(report: AssignmentReport) -> list[tuple[str, ...]]:
    return [
        (
            o.item,
            o.part or "",
            o.option,
            str(o.count),
            str(o.of),
            f"{o.share:.2f}",
            "key" if o.correct else "",
            "unsafe" if o.unsafe else "",
        )
        for o in report.options
    ]


def mastery_rows(report: AssignmentReport) -> list[tuple[str, ...]]:
    def row(grouping: str, m: Mastery, label: str) -> tuple[str, ...]:
        return (
            grouping,
            label,
            " ".join(m.items),
            f"{m.earned:g}",
            f"{m.possible:g}",
            fmt(m.share),
        )

    return [
        row("objective", m, report.objective_labels.get(m.group, m.group))
        for m in report.by_objective
    ] + [row("clinical-judgment step", m, CJ_LABELS.get(m.group, m.group)) for m in report.by_step]


def write_report(report: AssignmentReport, out: Path) -> list[Path]:
    """Write the CSV files, the PNG plots and ``report.html`` into ``out``; return the paths."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def write_csv(name: str, header: Any, rows: Any) -> None:
        path = out / name
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows([list(header), *rows])
        written.append(path)

    items_table = report_rows(report.stats, report.unsafe)
    write_csv(f"{report.assignment}_items.csv", HEADER, items_table)
    write_csv(f"{report.assignment}_options.csv", OPTION_HEADER, option_rows(report))
    write_csv(f"{report.assignment}_mastery.csv", MASTERY_HEADER, mastery_rows(report))
    figures = plots(report)
    images: dict[str, bytes] = {}
    for plot in figures:
        png = render_png(plot.figure, dpi=110)
        path = out / f"{report.assignment}_{plot.name}.png"
        path.write_bytes(png)
        images[plot.name] = png
        written.append(path)
    write_csv(f"{report.assignment}_scores.csv", figures[1].header, figures[1].rows)
    page = out / f"{report.assignment}_report.html"
    page.write_text(report_html(report, figures, images, items_table), encoding="utf-8")
    written.append(page)
    return written


def report_html(
    report: AssignmentReport,
    figures: list[Plot],
    images: dict[str, bytes],
    items_table: list[list[str]],
) -> str:
    """One self-contained page: images inlined as data URLs, every plot with its table."""
    esc = html.escape
    stats = report.stats
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Item analysis: {esc(report.assignment)}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:60em;margin:1em auto;"
        "padding:0 1em;line-height:1.5;color:#000}"
        ".warning{border:3px solid #D55E00;padding:0.5em 1em;margin:1em 0;background:#fff}"
        ".warning strong{color:#000}figure{margin:1em 0}img{max-width:100%;height:auto}"
        "</style>",
        TABLE_STYLE,
        "</head><body><main>",
        f"<h1>Item analysis: {esc(report.assignment)}</h1>",
        f"<p>{stats.students} submissions read from the gradebook "
        f"<code>{esc(report.db_url)}</code>.</p>",
    ]
    if stats.warnings:
        parts.append(
            '<section class="warning" aria-labelledby="warn">'
            '<h2 id="warn">⚠ Read this first</h2><ul>'
        )
        parts += [f"<li><strong>{esc(w)}</strong></li>" for w in stats.warnings]
        if stats.small_class:
            parts.append(f"<li>Why: {esc(SMALL_CLASS_SOURCE)}</li>")
        parts.append("</ul></section>")
    parts.append("<h2>Summary</h2><ul>")
    parts += [
        f"<li>{esc(line)}</li>" for line in summary_lines(stats) if not line.startswith("WARNING")
    ]
    parts.append("</ul>")
    flagged = [row for row in items_table if row[-1] != "-"]
    parts.append(f"<h2>Items ({len(flagged)} flagged)</h2>")
    parts.append(table_html(HEADER, items_table, caption="Every item, with its flags"))
    for plot in figures:
        encoded = base64.b64encode(images[plot.name]).decode("ascii")
        parts += [
            f"<h2>{esc(plot.title)}</h2>",
            f'<figure><img src="data:image/png;base64,{encoded}" '
            f'alt="{esc(plot.alt, quote=True)}">',
            f"<figcaption>{esc(plot.title)}: the same numbers are in the table below."
            "</figcaption></figure>",
            table_html(plot.header, plot.rows, caption=f"{plot.title} (table)"),
        ]
    parts.append(
        "<h2>Options chosen</h2><p>How many submissions chose each option of the "
        "choice items (key: the right option; unsafe: an option that could harm the "
        "patient; blank: left blank or not readable).</p>"
    )
    parts.append(table_html(OPTION_HEADER, option_rows(report), caption="Option counts"))
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"


def report(args: argparse.Namespace) -> int:
    """``bonemets report ASSIGNMENT``: write the item analysis and say where it is."""
    from bonemets.grading.course import course_site

    site = course_site(args.course_dir)
    autograded = site.root / str(
        site.config.CourseDirectory.get("autograded_directory", "autograded")
    )
    result = build_report(site.db_url, args.assignment, autograded)
    out = (args.out or site.root / "reports" / args.assignment).resolve()
    try:
        written = write_report(result, out)
    except OSError as exc:
        raise UserError(f"cannot write the report to {out}: {exc.strerror or exc}") from None
    for line in summary_lines(result.stats):
        print(line)
    print(f"wrote {len(written)} files to {out}")
    print(f"report: {out / f'{args.assignment}_report.html'}")
    return 0
