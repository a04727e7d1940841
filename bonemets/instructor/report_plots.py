"""The item-analysis report's plots: each a figure, its alt text and its data as a table.

Colour is never the only cue: bands are told apart by marker and hatch as well as by
Okabe–Ito colour, and each plot comes with a table holding the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from matplotlib.figure import Figure

from bonemets.item_analysis import Mastery, TestStatistics
from bonemets.style import OKABE_ITO, course_style, new_figure, series_style


@dataclass(frozen=True)
class Plot:
    name: str  # file stem, e.g. "items"
    title: str
    figure: Figure
    alt: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


BANDS = ("excellent", "good", "needs review", "unacceptable")
# Band -> series index: blue circles, green triangles, orange diamonds, vermillion squares.
_BAND_STYLE = {"excellent": 0, "good": 2, "needs review": 3, "unacceptable": 1}


def items_plot(stats: TestStatistics) -> Plot:
    """Difficulty (x) against discrimination (y), one point per item, the bands shaded."""
    with course_style():
        figure, axes = new_figure(7.0, 4.4)
        for low, high, band, hatch in (
            (0.40, 1.05, "excellent", ""),
            (0.25, 0.40, "good", ""),
            (0.0, 0.25, "needs review", ".."),
            (-1.05, 0.0, "unacceptable", "//"),
        ):
            axes.axhspan(low, high, facecolor="none", hatch=hatch, edgecolor="#cccccc", lw=0)
            axes.text(1.02, (max(low, -0.3) + min(high, 1.0)) / 2, band, va="center", fontsize=9)
        placed: list[tuple[float, float]] = []  # label anchors so far, to keep them apart
        plotted = [
            s for s in stats.items if s.difficulty is not None and s.discrimination is not None
        ]
        for band in BANDS:
            members = [s for s in plotted if s.discrimination_band == band]
            if not members:
                continue
            style = series_style(_BAND_STYLE[band])
            axes.plot(
                [s.difficulty for s in members],
                [s.discrimination for s in members],
                linestyle="none",
                label=f"{band} ({len(members)})",
                **style.line_kwargs(),
            )
            for s in members:
                x, y = float(s.difficulty or 0.0), float(s.discrimination or 0.0)
                axes.annotate(
                    s.item.split("_", 1)[-1],
                    (x, y),
                    xytext=_label_offset(x, y, placed),
                    textcoords="offset points",
                    fontsize=8,
                )
        axes.axhline(0, color=OKABE_ITO["black"], linewidth=0.8)
        axes.set_xlim(-0.02, 1.02)
        lowest = min([float(s.discrimination or 0.0) for s in plotted] + [-0.3])
        axes.set_ylim(max(-1.05, lowest - 0.1), 1.05)
        axes.set_xlabel("Difficulty p (share of the points earned)")
        axes.set_ylabel("Discrimination (upper − lower 27%)")
        axes.set_title("Items by difficulty and discrimination")
        axes.legend(loc="lower left", fontsize=9, title="Band (items)", title_fontsize=9)
    counts = {b: sum(s.discrimination_band == b for s in plotted) for b in BANDS}
    alt = (
        f"Scatter plot of {len(plotted)} items, difficulty on the horizontal axis and "
        "discrimination on the vertical axis, shaded by band: "
        + ", ".join(f"{n} {b}" for b, n in counts.items())
        + ". The table below lists every item."
    )
    rows = tuple(
        (s.item, _f(s.difficulty), _f(s.discrimination), s.discrimination_band) for s in stats.items
    )
    header = ("item", "difficulty p", "discrimination", "band")
    return Plot("items", "Difficulty and discrimination", figure, alt, header, rows)


def distribution_plot(stats: TestStatistics, possible: float) -> Plot:
    """Histogram of total scores. While scores are pending it shows every student's total
    over the items graded for everyone, so a class waiting for its short answers still has
    a distribution (the title says which)."""
    if stats.pending_cells:
        totals = list(stats.complete_totals)
        possible = sum(s.max_points for s in stats.items if s.item in stats.reliability_items)
        what = (
            f"{len(totals)} submissions, on the {len(stats.reliability_items)} items graded "
            "for everyone"
        )
    else:
        totals = list(stats.totals)
        what = f"{len(totals)} submissions"
    edges = _edges(possible)
    counts = [
        sum(low <= t < high or (high == edges[-1] and t == high) for t in totals)
        for low, high in pairwise(edges)
    ]
    with course_style():
        figure, axes = new_figure(7.0, 3.6)
        style = series_style(0)
        axes.bar(
            [(lo + hi) / 2 for lo, hi in pairwise(edges)],
            counts,
            width=[(hi - lo) * 0.9 for lo, hi in pairwise(edges)],
            **style.bar_kwargs(),
        )
        for lo, hi, n in zip(edges, edges[1:], counts, strict=False):
            if n:
                axes.text((lo + hi) / 2, n, str(n), ha="center", va="bottom", fontsize=9)
        axes.set_xlabel(f"Total score (of {possible:g} points)")
        axes.set_ylabel("Students")
        axes.set_title(f"Score distribution ({what})")
    rows = tuple(
        (_range(lo, hi, hi == edges[-1]), str(n))
        for lo, hi, n in zip(edges, edges[1:], counts, strict=False)
    )
    mean = sum(totals) / len(totals) if totals else None
    alt = (
        f"Bar chart of the total scores of {what}, out of {possible:g} points"
        + (f", mean {mean:.1f}, lowest {min(totals):g}, highest {max(totals):g}" if totals else "")
        + ". The table below gives the count in each score band."
    )
    return Plot("scores", "Score distribution", figure, alt, ("score", "students"), rows)


def mastery_plot(
    name: str,
    title: str,
    groups: Sequence[Mastery],
    labels: dict[str, str],
    table_labels: dict[str, str] | None = None,
) -> Plot:
    """Horizontal bars: the share of the points earned per objective or clinical-judgment step.

    ``labels`` name the bars (short); ``table_labels`` the table's rows (default: the same).
    """
    long = table_labels or labels
    shown = [g for g in groups if g.share is not None]
    with course_style():
        figure, axes = new_figure(7.0, 0.45 * max(len(shown), 2) + 1.3)
        for row, group in enumerate(shown):
            style = series_style(row)
            axes.barh(row, 100 * (group.share or 0.0), height=0.7, **style.bar_kwargs())
            axes.text(
                100 * (group.share or 0.0) + 1,
                row,
                f"{100 * (group.share or 0):.0f}%",
                va="center",
                fontsize=9,
            )
        axes.set_yticks(range(len(shown)), [labels.get(g.group, g.group) for g in shown])
        axes.invert_yaxis()
        axes.set_xlim(0, 110)
        axes.set_xlabel("Share of the points earned (%)")
        axes.set_title(title)
    rows = tuple(
        (
            long.get(g.group, g.group),
            str(len(g.items)),
            f"{g.earned:g} of {g.possible:g}",
            "-" if g.share is None else f"{100 * g.share:.0f}%",
        )
        for g in groups
    )
    alt = (
        f"Horizontal bar chart, {title.lower()}: "
        + "; ".join(f"{labels.get(g.group, g.group)} {100 * (g.share or 0):.0f}%" for g in shown)
        + "."
    )
    return Plot(name, title, figure, alt, ("group", "items", "points", "share"), rows)


# Where a point's label goes (points from the point): right-above first, then the other
# corners and further out, so labels of items bunched together do not print over each other.
_OFFSETS = ((4, 4), (4, -11), (-22, 4), (-22, -11), (4, 14), (4, -21), (-22, 14), (-22, -21))


def _label_offset(x: float, y: float, placed: list[tuple[float, float]]) -> tuple[int, int]:
    """The first offset whose label lies clear of those placed (in axis units: the axes
    span about 1.0 wide and 1.4 high on a 7 x 4.4 inch figure, 72 points an inch)."""
    per_point_x, per_point_y = 1.0 / (7 * 72 * 0.85), 1.4 / (4.4 * 72 * 0.8)
    for dx, dy in _OFFSETS:
        anchor = (x + dx * per_point_x, y + dy * per_point_y)
        if all(abs(anchor[0] - ax) > 0.06 or abs(anchor[1] - ay) > 0.045 for ax, ay in placed):
            placed.append(anchor)
            return dx, dy
    placed.append((x, y))
    return _OFFSETS[0]


def _edges(possible: float) -> list[float]:
    steps = 10 if possible >= 10 else max(int(possible), 1)
    width = possible / steps
    return [round(i * width, 6) for i in range(steps + 1)]


def _range(low: float, high: float, last: bool) -> str:
    return f"{low:g} to {high:g}" if last else f"{low:g} to under {high:g}"


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"
