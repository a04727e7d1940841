"""The modality explorer: compare tests, match a test to a question, check patient factors."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import ipywidgets as widgets
from IPython.display import display

from bonemets.imaging import rules
from bonemets.imaging.data import factors, modalities, questions
from bonemets.imaging.doses import DoseRow
from bonemets.imaging.html import LABEL_STYLE, WIDE, cell_sources, esc, html_table, region
from bonemets.imaging.records import DoseEntry

# --- Modality explorer: compare, match a question, check patient factors ----------------


def _doses_cell(entries: Sequence[DoseEntry]) -> str:
    lines = []
    for entry in entries:
        dose = DoseRow(entry, None, None).dose_text
        lines.append(f"{esc(entry.exam)}: {esc(dose)} {cell_sources(entry.sources)}")
    return "<br>".join(lines)


def comparison_html(modality_ids: Sequence[str]) -> str:
    """Side-by-side table and chart of the chosen tests."""
    return _comparison_html(tuple(modality_ids))


@functools.lru_cache(maxsize=64)
def _comparison_html(modality_ids: tuple[str, ...]) -> str:
    from bonemets.figures import figure_html
    from bonemets.imaging import charts

    rows = rules.comparison_rows(modality_ids)
    if not rows:
        return "<p>Tick at least one test to compare.</p>"
    order = list(modalities())
    table = html_table(
        ["Test", "Covers", "Shows best", "Typical dose", "Per-patient sensitivity / specificity"],
        (
            (
                esc(r.modality.short),
                esc(r.modality.coverage) + " " + cell_sources(r.modality.coverage_note.sources),
                "<ul>"
                + "".join(
                    f"<li>{esc(s.text)} {cell_sources(s.sources)}</li>"
                    for s in r.modality.shows_best
                )
                + "</ul>",
                _doses_cell(r.doses),
                (
                    f"{r.per_patient.sensitivity:.1%} / {r.per_patient.specificity:.1%} "
                    + cell_sources(r.per_patient.sources)
                    if r.per_patient
                    else "Not in Yang 2011"
                    + (
                        f" (population: {esc(r.modality.population)})"
                        if r.modality.population
                        else ""
                    )
                ),
            )
            for r in rows
        ),
        "The chosen tests side by side",
    )
    names = [r.modality.short for r in rows]
    sens = [r.per_patient.sensitivity if r.per_patient else None for r in rows]
    spec = [r.per_patient.specificity if r.per_patient else None for r in rows]
    fig = charts.comparison_chart(names, sens, spec, [order.index(r.modality.id) for r in rows])
    described = "; ".join(
        f"{n} sensitivity {s:.1%}, specificity {p:.1%}"
        if s is not None and p is not None
        else f"{n} no figure"
        for n, s, p in zip(names, sens, spec, strict=True)
    )
    alt = f"Bar chart of per-patient accuracy from Yang 2011: {described}."
    return region("Comparison output", table + figure_html(fig, alt))


def question_html(question_id: str) -> str:
    """The tests rated for one clinical question, best first, with reasons and sources."""
    question = questions()[question_id]
    rows = (
        (
            esc(m.short),
            f"{rules.FIT_SYMBOL[s.fit]} {esc(s.fit)}",
            esc(s.reason) + " " + cell_sources(s.sources),
        )
        for m, s in rules.suggestions_for(question_id)
    )
    table = html_table(["Test", "Fit", "Why"], rows, f"Tests for: {question.label}")
    note = ""
    if question.nurse_note:
        note = (
            f"<p><strong>For the nurse:</strong> {esc(question.nurse_note.text)} "
            f"{cell_sources(question.nurse_note.sources)}</p>"
        )
    legend = "<p><small>Key: ★ first choice, ✔ useful, △ limited, ✘ not the test for this. "
    legend += "Tests not listed are not rated by the course's sources.</small></p>"
    return region("Clinical question output", table + note + legend)


def cautions_html(factor_ids: Sequence[str]) -> str:
    """For each test, the cautions the ticked patient factors raise."""
    if not factor_ids:
        return "<p>Tick a patient factor to see the cautions it raises for each test.</p>"
    raised = rules.cautions_for(factor_ids)
    rows = []
    for modality in modalities().values():
        items = raised[modality.id]
        if items:
            cell = (
                "<ul>"
                + "".join(
                    f"<li><strong>{esc(r.factor.label)}:</strong> {esc(r.caution.action)} "
                    f"{cell_sources(r.caution.sources)}</li>"
                    for r in items
                )
                + "</ul>"
            )
            status = f"⚠ {len(items)} caution{'s' if len(items) > 1 else ''}"
        else:
            cell = "No caution from these factors in the course's sources; follow local policy."
            status = "– none listed"
        rows.append((esc(modality.short), status, cell))
    return region(
        "Patient factor output",
        html_table(["Test", "Cautions", "What the nurse does"], rows, "Cautions by test"),
    )


class ModalityComparison:
    def __init__(self, chosen: Sequence[str] = ("xray", "bone_scan", "mri")) -> None:
        self.boxes = {
            m.id: widgets.Checkbox(
                value=m.id in chosen,
                description=m.short,
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for m in modalities().values()
        }
        self.output = widgets.HTML()
        for box in self.boxes.values():
            box.observe(lambda _: self.update(), names="value")
        label = widgets.HTML("<strong>Tests to compare (tick any):</strong>")
        self.view = widgets.VBox([label, widgets.HBox(list(self.boxes.values())), self.output])
        self.update()

    def chosen(self) -> list[str]:
        return [m for m, box in self.boxes.items() if box.value]

    def update(self) -> None:
        self.output.value = comparison_html(self.chosen())

    def _ipython_display_(self) -> None:
        display(self.view)


class QuestionMatcher:
    def __init__(self) -> None:
        self.question = widgets.Dropdown(
            options=[(q.label, q.id) for q in questions().values()],
            description="Clinical question:",
            style=LABEL_STYLE,
            layout=WIDE,
        )
        self.output = widgets.HTML()
        self.question.observe(lambda _: self.update(), names="value")
        self.view = widgets.VBox([self.question, self.output])
        self.update()

    def update(self) -> None:
        self.output.value = question_html(self.question.value)

    def _ipython_display_(self) -> None:
        display(self.view)


class CautionChecker:
    def __init__(self, ticked: Sequence[str] = ()) -> None:
        self.boxes = {
            f.id: widgets.Checkbox(
                value=f.id in ticked,
                description=f.label,
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for f in factors().values()
        }
        self.output = widgets.HTML()
        for box in self.boxes.values():
            box.observe(lambda _: self.update(), names="value")
        label = widgets.HTML("<strong>Patient factors found on assessment (tick any):</strong>")
        self.view = widgets.VBox([label, *self.boxes.values(), self.output])
        self.update()

    def ticked(self) -> list[str]:
        return [f for f, box in self.boxes.items() if box.value]

    def update(self) -> None:
        self.output.value = cautions_html(self.ticked())

    def _ipython_display_(self) -> None:
        display(self.view)


class ModalityExplorer:
    """The three parts together: compare tests, match a question, check patient factors."""

    def __init__(self) -> None:
        self.comparison = ModalityComparison()
        self.matcher = QuestionMatcher()
        self.cautions = CautionChecker()
        heading = "<h4 style='margin:0.6em 0 0.2em'>{}</h4>"
        self.view = widgets.VBox(
            [
                widgets.HTML(heading.format("1. Compare tests side by side")),
                self.comparison.view,
                widgets.HTML(heading.format("2. Which test answers the clinical question?")),
                self.matcher.view,
                widgets.HTML(heading.format("3. Patient factors and the cautions they raise")),
                self.cautions.view,
            ]
        )

    def _ipython_display_(self) -> None:
        display(self.view)
