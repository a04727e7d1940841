"""The dose chart widget: each test's effective dose against a chosen reference exam."""

from __future__ import annotations

import functools

import ipywidgets as widgets
from IPython.display import display

from bonemets.imaging.data import modalities
from bonemets.imaging.doses import DEFAULT_REFERENCE, dose_rows, fmt_msv, reference_choices
from bonemets.imaging.html import LABEL_STYLE, WIDE, cell_sources, esc, html_table, region
from bonemets.prewarm import prewarm

# --- Dose chart -------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def dose_html(reference_id: str = DEFAULT_REFERENCE) -> str:
    """The dose chart, its table and sources, compared with ``reference_id``.

    Cached: a redraw costs 100-300 ms of matplotlib text rendering, and readers flip back
    and forth between the same few choices. :func:`clear_cache` forgets it.
    """
    from bonemets.figures import figure_html  # matplotlib loads only when a chart is drawn
    from bonemets.imaging import charts

    reference, rows = dose_rows(reference_id)
    order = list(modalities())
    fig = charts.dose_chart(rows, reference, order)
    ionizing = [r for r in rows if r.entry.ionizing]
    smallest, largest = (
        ionizing[0],
        max(ionizing, key=lambda r: r.entry.high_msv or r.entry.low_msv or 0.0),
    )
    alt = (
        f"Horizontal bar chart of typical adult effective dose on a log scale, from "
        f"{smallest.entry.exam} at {smallest.dose_text} to {largest.entry.exam} at "
        f"{largest.dose_text}. A dashed line marks the reference, {reference.exam} at "
        f"{fmt_msv(reference.low_msv)} mSv. MRI has no bar because it uses no ionizing "
        "radiation. The table below gives every value."
    )
    table = html_table(
        ["Exam", "Typical effective dose", f"Compared with {reference.exam}", "Note", "Source"],
        (
            (
                esc(r.entry.exam),
                esc(r.dose_text),
                esc(r.multiple_text),
                esc(r.entry.note or ""),
                cell_sources(r.entry.sources),
            )
            for r in rows
        ),
        "Typical adult effective dose per exam (mSv = millisievert)",
    )
    return region(
        "Dose chart output",
        figure_html(fig, alt, "Ranges are drawn as a bracket from the low to the high dose.")
        + table,
    )


class DoseChart:
    """Pick the exam to compare against; the chart, table and multiples follow."""

    def __init__(self) -> None:
        self.reference = widgets.Dropdown(
            options=reference_choices(),
            value=DEFAULT_REFERENCE,
            description="Reference exam (dashed line):",
            style=LABEL_STYLE,
            layout=WIDE,
        )
        self.output = widgets.HTML()
        self.reference.observe(lambda _: self.update(), names="value")
        self.view = widgets.VBox([self.reference, self.output])
        self.update()
        prewarm(dose_html, [value for _, value in self.reference.options])

    def update(self) -> None:
        self.output.value = dose_html(self.reference.value)

    def _ipython_display_(self) -> None:
        display(self.view)
