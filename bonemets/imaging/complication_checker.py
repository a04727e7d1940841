"""Lesson 1's complication cues: what a nurse's findings may point to, most urgent first."""

from __future__ import annotations

import html
from collections.abc import Sequence

import ipywidgets as widgets
from IPython.display import HTML, display

from bonemets.imaging import rules
from bonemets.imaging.data import complications
from bonemets.imaging.html import cell_sources, esc, html_table, region

# --- Complication cues (lesson 01) ------------------------------------------------------


def complications_html(cue_ids: Sequence[str]) -> str:
    """What the noticed cues may point to, most urgent first, with the nurse's actions."""
    found = rules.complications_for(cue_ids)
    if not found:
        return "<p>Tick what you notice to see what it may point to and what to do.</p>"
    parts = []
    for complication, matched in found:
        actions = "".join(
            f"<li>{esc(a.text)} {cell_sources(a.sources)}</li>" for a in complication.nurse_actions
        )
        imaging = ""
        if complication.imaging:
            imaging = (
                f"<p><strong>Scan that usually follows:</strong> {esc(complication.imaging.text)} "
                f"{cell_sources(complication.imaging.sources)}</p>"
            )
        urgent = "⚠ " if complication.urgency.startswith("emergency") else ""
        parts.append(
            f"<section aria-label='{html.escape(complication.name, quote=True)}'>"
            f"<h4 style='margin:0.5em 0 0.2em'>{urgent}{esc(complication.name)}: "
            f"{esc(complication.urgency)}</h4>"
            f"<p>{esc(complication.summary.text)} "
            f"{cell_sources(complication.summary.sources)}</p>"
            f"<p><em>Because you noticed:</em> {esc('; '.join(matched))}.</p>"
            f"<ul>{actions}</ul>{imaging}</section>"
        )
    return region("What your findings may point to", "".join(parts))


def urgency_html() -> str:
    """The four complications by urgency: a chart and the same facts as a table."""
    from bonemets.figures import figure_html
    from bonemets.imaging import charts

    ordered = sorted(
        complications().values(),
        key=lambda c: charts.URGENCY_LEVELS.index(c.urgency),
        reverse=True,
    )
    fig = charts.urgency_chart([c.name for c in ordered], [c.urgency for c in ordered])
    alt = (
        "Bar chart ranking the complications by how fast the nurse acts: "
        + "; ".join(f"{c.name}, {c.urgency}" for c in ordered)
        + "."
    )
    table = html_table(
        ["Complication", "How fast to act", "First nursing action"],
        (
            (
                esc(c.name),
                esc(c.urgency),
                esc(c.nurse_actions[0].text) + " " + cell_sources(c.nurse_actions[0].sources),
            )
            for c in ordered
        ),
        "The complications of bone metastasis, most urgent first",
    )
    return region("Urgency of each complication", figure_html(fig, alt) + table)


def urgency_overview() -> HTML:
    return HTML(urgency_html())


class ComplicationChecker:
    """Tick cues a nurse might notice; see the complications they point to, most urgent first."""

    def __init__(self) -> None:
        self.boxes = {
            cue_id: widgets.Checkbox(
                value=False, description=text, indent=False, layout=widgets.Layout(width="auto")
            )
            for text, cue_id in rules.all_cues()
        }
        self.output = widgets.HTML()
        for box in self.boxes.values():
            box.observe(lambda _: self.update(), names="value")
        label = widgets.HTML("<strong>What do you notice? (tick any)</strong>")
        self.view = widgets.VBox([label, *self.boxes.values(), self.output])
        self.update()

    def ticked(self) -> list[str]:
        return [c for c, box in self.boxes.items() if box.value]

    def update(self) -> None:
        self.output.value = complications_html(self.ticked())

    def _ipython_display_(self) -> None:
        display(self.view)
