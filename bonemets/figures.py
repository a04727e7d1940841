"""Figures as accessible HTML: an image with alt text, a caption, and a text equivalent.

Every figure in the course goes through :func:`figure_html`, so none can appear without
alt text (WCAG 1.1.1); :func:`table_html` gives the data behind it as a real table.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# matplotlib is imported inside the render functions: widgets that only show tables
# (checklists, question matcher) then never load it, which keeps lesson kernels small.


def render_png(figure: Figure, dpi: int = 96) -> bytes:
    """The figure as PNG bytes (Agg backend, no pyplot)."""
    from bonemets.style import course_style

    buffer = io.BytesIO()
    with course_style():
        figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def render_svg(figure: Figure) -> bytes:
    """The figure as SVG bytes, its text kept as text.

    Leaving glyphs to the browser (``svg.fonttype: none``) makes a redraw about three times
    faster than rasterising a PNG (matplotlib's text rendering dominates), and the figure
    stays sharp when a reader zooms in.
    """
    import matplotlib

    from bonemets.style import course_style

    buffer = io.BytesIO()
    with (
        course_style(),
        matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "bonemets"}),
    ):
        figure.savefig(buffer, format="svg", facecolor="white", metadata={"Date": None})
    return buffer.getvalue()


def figure_html(
    figure: Figure, alt: str, caption: str | None = None, image_format: str = "svg"
) -> str:
    """``<figure>`` with the image (its ``alt`` required) and an optional caption.

    ``image_format`` is ``"svg"`` (default: fast, sharp at any zoom) or ``"png"``.
    """
    if not alt.strip():
        raise ValueError("every figure needs alt text")
    if image_format == "svg":
        mime, data = "image/svg+xml", render_svg(figure)
    elif image_format == "png":
        mime, data = "image/png", render_png(figure)
    else:
        raise ValueError(f"image_format must be 'svg' or 'png', not {image_format!r}")
    encoded = base64.b64encode(data).decode("ascii")
    parts = [
        '<figure class="bonemets-figure" style="margin:0">',
        f'<img src="data:{mime};base64,{encoded}" alt="{html.escape(alt, quote=True)}"'
        ' style="max-width:100%;height:auto">',
    ]
    if caption:
        parts.append(f"<figcaption>{html.escape(caption)}</figcaption>")
    parts.append("</figure>")
    return "".join(parts)


#: The one table style of the course. JupyterLab right-aligns table cells and fixes the
#: table layout (narrow equal columns); prose reads better left-aligned at its own width.
#: Inline, because outputs and widget HTML carry no stylesheet of their own.
TABLE_STYLE = (
    "<style>"
    ".bonemets-table{table-layout:auto!important;border-collapse:collapse;"
    "margin:0.5em 0!important;font-size:var(--jp-content-font-size1,14px)!important}"
    ".bonemets-table th,.bonemets-table td{text-align:left!important;vertical-align:top;"
    "padding:0.35em 0.7em;max-width:36em;white-space:normal;line-height:1.45;"
    "border-bottom:1px solid #ccc}"
    ".bonemets-table caption{text-align:left;font-weight:bold;padding:0.3em 0}"
    ".bonemets-table ul{margin:0.2em 0;padding-left:1.2em}"
    "</style>"
)


def table_html(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    caption: str | None = None,
    row_headers: bool = True,
    html_cells: bool = False,
) -> str:
    """A plain, accessible HTML table (``th`` with ``scope``) from rows of cells.

    Cells are escaped as text (pass numbers already formatted as the reader should see
    them), unless ``html_cells``: then they are trusted HTML built by the course, such as
    source links, and go in as they are.
    """
    out = [TABLE_STYLE, '<table class="bonemets-table">']
    if caption:
        out.append(f"<caption>{html.escape(caption)}</caption>")
    out.append("<thead><tr>")
    out.extend(f'<th scope="col">{html.escape(str(h))}</th>' for h in header)
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>")
        for index, cell in enumerate(row):
            text = str(cell) if html_cells else html.escape(str(cell))
            if index == 0 and row_headers:
                out.append(f'<th scope="row">{text}</th>')
            else:
                out.append(f"<td>{text}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def region_html(label: str, body: str) -> str:
    """``body`` as a labelled region, so a screen reader can name and jump to a widget's output."""
    return f'<div role="region" aria-label="{html.escape(label, quote=True)}">{body}</div>'
