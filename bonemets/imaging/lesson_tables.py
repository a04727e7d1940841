"""Static tables for lesson 2's text: preparation and teaching per test, and its sources."""

from __future__ import annotations

from collections.abc import Iterable

from IPython.display import HTML

from bonemets.imaging.data import all_sources, modalities
from bonemets.imaging.html import cell_sources, esc, html_table
from bonemets.imaging.records import Statement

# --- Static tables for the lesson text --------------------------------------------------


def _statements(items: Iterable[Statement]) -> str:
    listed = "".join(f"<li>{esc(s.text)} {cell_sources(s.sources)}</li>" for s in items)
    return f"<ul>{listed}</ul>"


def preparation_html() -> str:
    """Every test's nursing checks and patient teaching, each line with its source."""
    rows = (
        (
            esc(m.short) + (f"<br><small>({esc(m.population)})</small>" if m.population else ""),
            _statements(m.preparation),
            _statements(m.teaching),
        )
        for m in modalities().values()
    )
    return html_table(
        ["Test", "Checks and preparation by the nurse", "What to teach the patient"],
        rows,
        "Preparing a patient for each imaging test",
    )


def preparation_table() -> HTML:
    """The preparation table for display in a lesson."""
    return HTML(preparation_html())


def lesson_sources() -> list[str]:
    """The sources lesson 2 draws on: the Mayo Clinic page and everything the data cites."""
    return ["mayo2025", *(s for s in all_sources() if s != "mayo2025")]
