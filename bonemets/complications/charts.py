"""The urgency ladder figure (matplotlib ``Figure``, no pyplot)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from matplotlib.figure import Figure

from bonemets.complications.rules import URGENCY_LEVELS
from bonemets.style import course_style, new_figure, series_style, set_margins

#: The marker that shows each urgency level without colour, least urgent first.
URGENCY_MARKERS = ("o", "s", "^")


def urgency_chart(names: Sequence[str], urgencies: Sequence[str]) -> Figure:
    """A triage ladder: each complication as a bar as long as its urgency, labelled in words."""
    with course_style():
        fig, ax = new_figure(7.6, 0.62 * len(names) + 1.5, layout=None)
        set_margins(fig, left=2.3, right=0.1, top=0.35, bottom=0.95)
        for y, urgency in enumerate(urgencies):
            level = URGENCY_LEVELS.index(urgency)
            style = series_style([0, 3, 1][level])  # blue, orange, vermillion as urgency rises
            ax.barh(y, level + 1, height=0.6, **style.bar_kwargs())
            ax.plot([level + 1], [y], marker=URGENCY_MARKERS[level], color=style.color,
                    markeredgecolor="black", markersize=8.5, linestyle="none")  # fmt: skip
            ax.text(level + 1.15, y, urgency.capitalize(), va="center", fontsize=9.5)
        ax.set_yticks(list(range(len(names))), [textwrap.fill(n, 24) for n in names])
        ax.set_ylim(len(names) - 0.5, -0.5)
        ax.set_xlim(0, 4.9)
        ax.set_xticks([1, 2, 3], ["assess", "report\npromptly", "escalate\nat once"])
        ax.set_xlabel("How fast the nurse acts")
        ax.set_title("What bone metastasis can cause, by urgency")
    return fig
