"""HTML pieces shared by the imaging widgets: escaped text, tables whose cells may hold
sources, labelled regions, and the controls' common layout."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import ipywidgets as widgets

from bonemets.citations import sources_html
from bonemets.figures import table_html

LABEL_STYLE = {"description_width": "initial"}
WIDE = widgets.Layout(width="auto")


def esc(text: str) -> str:
    return html.escape(text)


def cell_sources(ids: Iterable[str]) -> str:
    return sources_html(ids)


def html_table(header: Sequence[str], rows: Iterable[Sequence[str]], caption: str) -> str:
    """A table whose cells are trusted HTML (sources, line breaks) built by the widgets."""
    return table_html(header, rows, caption=caption, html_cells=True)


def region(label: str, body: str) -> str:
    return f'<div role="region" aria-label="{html.escape(label, quote=True)}">{body}</div>'
