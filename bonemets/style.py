"""The course's plotting style: Okabe–Ito colours, always paired with a second cue.

Colour is never the only way a reader tells series apart (WCAG 1.4.1): each series
gets a colour, a marker and a hatch pattern, and figures carry direct text labels.
Figures are built with :class:`matplotlib.figure.Figure` directly (no pyplot), so widgets
redraw without touching global state or leaking figures.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal

import matplotlib
from matplotlib.figure import Figure
from matplotlib.typing import RcKeyType

#: Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#999999",
}

#: Text on white must use these (≥4.5:1 contrast); the other palette colours fail for text.
TEXT_COLOUR = OKABE_ITO["black"]
ACCENT_TEXT_COLOUR = OKABE_ITO["blue"]


@dataclass(frozen=True)
class SeriesStyle:
    """How one data series is drawn: a colour plus a marker and a hatch as second cues."""

    color: str
    marker: str
    hatch: str
    name: str  # the colour's name, for text equivalents ("blue circles")

    def bar_kwargs(self) -> dict[str, object]:
        # Black edges keep light fills (orange, sky blue) visible against white (≥3:1).
        return {"color": self.color, "hatch": self.hatch, "edgecolor": "black", "linewidth": 0.8}

    def line_kwargs(self) -> dict[str, object]:
        return {
            "color": self.color,
            "marker": self.marker,
            "markeredgecolor": "black",
            "markersize": 8,
            "linewidth": 1.8,
        }


_SERIES: tuple[SeriesStyle, ...] = (
    SeriesStyle(OKABE_ITO["blue"], "o", "", "blue"),
    SeriesStyle(OKABE_ITO["vermillion"], "s", "//", "vermillion"),
    SeriesStyle(OKABE_ITO["bluish_green"], "^", "..", "bluish green"),
    SeriesStyle(OKABE_ITO["orange"], "D", "xx", "orange"),
    SeriesStyle(OKABE_ITO["reddish_purple"], "v", "\\\\", "reddish purple"),
    SeriesStyle(OKABE_ITO["sky_blue"], "P", "--", "sky blue"),
    SeriesStyle(OKABE_ITO["black"], "X", "++", "black"),
)


def series_style(index: int) -> SeriesStyle:
    """The style of the ``index``-th series; cycles after seven."""
    return _SERIES[index % len(_SERIES)]


_RC: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "axes.edgecolor": TEXT_COLOUR,
    "axes.labelcolor": TEXT_COLOUR,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": TEXT_COLOUR,
    "ytick.color": TEXT_COLOUR,
    "hatch.linewidth": 0.8,
    "legend.frameon": False,
}


@contextmanager
def course_style() -> Iterator[None]:
    """Matplotlib settings for the course; draw a whole figure inside this block."""
    with matplotlib.rc_context(_RC):
        yield


def new_figure(
    width: float = 7.0,
    height: float = 3.6,
    nrows: int = 1,
    ncols: int = 1,
    layout: Literal["constrained", "compressed", "tight"] | None = "constrained",
    **subplot_kw: Any,
) -> tuple[Figure, Any]:
    """A figure and its axes in the course style (inches), independent of pyplot.

    Call it inside :func:`course_style` so that text added later shares the style.
    ``layout=None`` skips constrained layout (an extra drawing pass) for widgets that
    redraw often and set their margins with ``figure.subplots_adjust``.
    """
    with course_style():
        figure = Figure(figsize=(width, height), layout=layout)
        axes = figure.subplots(nrows, ncols, squeeze=True, subplot_kw=subplot_kw or None)
    return figure, axes


def set_margins(
    figure: Figure,
    left: float,
    right: float,
    top: float,
    bottom: float,
    wspace: float | None = None,
) -> None:
    """Fixed margins in inches. Widgets redraw often, and constrained layout costs a pass."""
    width, height = figure.get_size_inches()
    figure.subplots_adjust(
        left=left / width,
        right=1 - right / width,
        top=1 - top / height,
        bottom=bottom / height,
        wspace=wspace,
    )
