"""HTML for lesson 1's complications: pure functions of the ticked cues."""

from __future__ import annotations

import html
from collections.abc import Sequence

from bonemets.caching import course_cache
from bonemets.citations import sourced_list
from bonemets.complications.rules import complications_for, most_urgent_first
from bonemets.figures import region_html, table_html
from bonemets.imaging.data import complications


def complications_html(cues: Sequence[str]) -> str:
    """What the noticed cues may point to, most urgent first, with the nurse's actions."""
    found = complications_for(cues)
    if not found:
        return "<p>Tick what you notice to see what it may point to and what to do.</p>"
    parts = []
    for complication, matched in found:
        imaging = ""
        if complication.imaging:
            imaging = (
                f"<p><strong>Scan that usually follows:</strong> {complication.imaging.html()}</p>"
            )
        urgent = "⚠ " if complication.urgency.startswith("emergency") else ""
        parts.append(
            f"<section aria-label='{html.escape(complication.name, quote=True)}'>"
            f"<h4 style='margin:0.5em 0 0.2em'>{urgent}{html.escape(complication.name)}: "
            f"{html.escape(complication.urgency)}</h4>"
            f"<p>{complication.summary.html()}</p>"
            f"<p><em>Because you noticed:</em> {html.escape('; '.join(matched))}.</p>"
            f"{sourced_list(complication.nurse_actions)}{imaging}</section>"
        )
    return region_html("What your findings may point to", "".join(parts))


@course_cache(maxsize=1)
def urgency_html() -> str:
    """The complications by urgency: a chart and the same facts as a table."""
    from bonemets.complications import charts
    from bonemets.figures import figure_html  # matplotlib loads only when a chart is drawn

    ordered = most_urgent_first(complications().values())
    fig = charts.urgency_chart([c.name for c in ordered], [c.urgency for c in ordered])
    alt = (
        "Bar chart ranking the complications by how fast the nurse acts: "
        + "; ".join(f"{c.name}, {c.urgency}" for c in ordered)
        + "."
    )
    table = table_html(
        ["Complication", "How fast to act", "First nursing action"],
        ((html.escape(c.name), html.escape(c.urgency), c.nurse_actions[0].html()) for c in ordered),
        caption="The complications of bone metastasis, most urgent first",
        html_cells=True,
    )
    return region_html("Urgency of each complication", figure_html(fig, alt) + table)
