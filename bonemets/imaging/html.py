"""HTML pieces shared by the imaging widgets: escaped text, tables whose cells may hold
sources, labelled regions, and the controls' common layout."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import ipywidgets as widgets

from bonemets.citations import sources_html

LABEL_STYLE = {"description_width": "initial"}
WIDE = widgets.Layout(width="auto")


def esc(text: str) -> str:
    return html.escape(text)


def cell_sources(ids: Iterable[str]) -> str:
    return sources_html(ids)


def html_table(header: Sequence[str], rows: Iterable[Sequence[str]], caption: str) -> str:
    """Like :func:`bonemets.figures.table_html` but cells may hold trusted HTML (sources)."""
    out = [f'<table class="bonemets-table"><caption>{esc(caption)}</caption><thead><tr>']
    out.extend(f'<th scope="col">{esc(h)}</th>' for h in header)
    out.append("</tr></thead><tbody>")
    for row in rows:
        cells = [f'<th scope="row">{row[0]}</th>'] + [f"<td>{c}</td>" for c in row[1:]]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def region(label: str, body: str) -> str:
    return f'<div role="region" aria-label="{html.escape(label, quote=True)}">{body}</div>'
