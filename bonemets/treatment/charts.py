"""Figures for the treatment widgets (matplotlib Figure objects; no pyplot).

Every figure pairs colour with a second cue (marker shape or hatching) and a direct text
label, and each function has an ``*_alt`` partner that describes the figure in words.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from bonemets.style import (
    OKABE_ITO,
    SeriesStyle,
    course_style,
    new_figure,
    series_style,
    set_margins,
)
from bonemets.treatment.ablation import AblationMethod
from bonemets.treatment.explorer import LABELS, TreatmentOption
from bonemets.treatment.mirels import MirelsResult, MirelsTable
from bonemets.treatment.schedules import WEEKDAYS, Schedule, style_index, visits

_AIMS = ("pain", "bone_strength", "growth_control", "stability")
_KINDS = ("systemic", "local", "supportive")


def _x_labels(
    ax: Axes,
    positions: Sequence[float],
    labels: Sequence[str],
    *,
    top: bool = False,
    **text_kw: Any,
) -> None:
    """Axis labels drawn as plain text with the tick machinery switched off.

    Widgets redraw on every change, and matplotlib's ticks cost about twice as much per
    label as a text does.
    """
    ax.set_xticks([])
    y, va = (1.02, "bottom") if top else (-0.04, "top")
    for x, label in zip(positions, labels, strict=True):
        ax.text(x, y, label, transform=ax.get_xaxis_transform(), ha="center", va=va, **text_kw)


def _y_labels(ax: Axes, positions: Sequence[float], labels: Sequence[str], **text_kw: Any) -> None:
    """Like :func:`_x_labels`, on the left of the axes."""
    ax.set_yticks([])
    for y, label in zip(positions, labels, strict=True):
        ax.text(
            -0.02, y, label, transform=ax.get_yaxis_transform(), ha="right", va="center", **text_kw
        )


# --- treatment explorer ---------------------------------------------------------------


def explorer_figure(options: list[TreatmentOption]) -> Figure:
    """A grid: one row per option, one column per aim; a marker where the option has it."""
    height = 1.5 + 0.42 * max(len(options), 1)
    with course_style():
        figure, ax = new_figure(7.6, height, layout=None)
        set_margins(figure, left=3.3, right=0.3, top=0.75, bottom=0.55)
        for index, kind in enumerate(_KINDS):
            # One line artist per kind, not one per marker: cheaper to redraw.
            points = [
                (col, row)
                for row, option in enumerate(options)
                if option.kind == kind
                for col, aim in enumerate(_AIMS)
                if aim in option.aims
            ]
            if points:
                cols, rows = zip(*points, strict=True)
                ax.plot(cols, rows, linestyle="none", **series_style(index).line_kwargs())
        _x_labels(ax, range(len(_AIMS)), [LABELS[a].replace(" ", "\n") for a in _AIMS], top=True)
        _y_labels(
            ax,
            range(len(options)),
            [textwrap.fill(f"{o.name} ({LABELS[o.kind].lower()})", 38) for o in options],
            fontsize=9.5,
        )
        ax.set_xlim(-0.5, len(_AIMS) - 0.5)
        ax.set_ylim(len(options) - 0.5, -0.5)
        grid = {"color": "#dddddd", "linewidth": 0.6, "zorder": 0}
        ax.hlines(range(len(options)), -0.5, len(_AIMS) - 0.5, **grid)
        ax.vlines(range(len(_AIMS)), -0.5, len(options) - 0.5, **grid)
        for spine in ax.spines.values():
            spine.set_visible(False)
        handles = [
            ax.plot([], [], linestyle="none", label=LABELS[k], **series_style(i).line_kwargs())[0]
            for i, k in enumerate(_KINDS)
        ]
        figure.legend(handles=handles, loc="lower center", ncols=3)
    return figure


def explorer_alt(options: list[TreatmentOption]) -> str:
    if not options:
        return "Chart of treatment aims: no options match this description."
    parts = [
        f"{o.name}, {LABELS[o.kind].lower()}: {', '.join(LABELS[a].lower() for a in o.aims)}"
        for o in options
    ]
    return (
        f"Chart of the aims of the {len(options)} options shown, one row each. "
        + "; ".join(parts)
        + "."
    )


# --- Mirels' score --------------------------------------------------------------------


def mirels_figure(result: MirelsResult, mirels: MirelsTable) -> Figure:
    """Top: the total built from the four factors. Bottom: the 4-12 scale and its bands."""
    with course_style():
        figure, (top, bottom) = new_figure(7.0, 3.0, nrows=2, layout=None)
        set_margins(figure, left=0.2, right=0.2, top=0.1, bottom=0.5)
        figure.subplots_adjust(hspace=0.9)
        left = 0
        for i, factor in enumerate(mirels.factors):
            points = result.points[factor.id]
            style = series_style(i)
            top.barh(0, points, left=left, height=0.6, **style.bar_kwargs())
            top.text(
                left + points / 2,
                0.48,
                f"{factor.label.split(' (')[0]}: {points}",
                ha="center",
                va="bottom",
                fontsize=9,
            )
            left += points
        top.text(left + 0.15, 0, f"= {result.total}", va="center", fontweight="bold")
        top.set_xlim(0, 13.5)
        top.set_ylim(-0.5, 1.2)
        top.set_yticks([])
        top.set_xticks([])
        top.set_xlabel("Points from each factor (1 to 3 each)")
        for index, band in enumerate(mirels.bands):
            style = series_style(index + 4)
            bottom.barh(
                0,
                band.high - band.low + 1,
                left=band.low - 0.5,
                height=0.6,
                color="white",
                hatch=style.hatch or "..",
                edgecolor="black",
                linewidth=2.5 if band.id == result.band.id else 0.8,
            )
            bottom.text(
                (band.low + band.high) / 2,
                0,
                band.label,
                ha="center",
                va="center",
                fontsize=9.5,
                fontweight="bold" if band.id == result.band.id else "normal",
                bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "none"},
            )
        bottom.plot(result.total, -0.45, marker="^", color="black", markersize=11, clip_on=False)
        bottom.text(result.total, -0.75, f"Total {result.total}", ha="center", va="top")
        bottom.set_xlim(3.5, 12.5)
        bottom.set_ylim(-1.1, 0.6)
        _x_labels(bottom, range(4, 13), [str(total) for total in range(4, 13)])
        bottom.set_yticks([])
        bottom.set_xlabel("Mirels total (4 to 12) and its bands", labelpad=18)
        for ax in (top, bottom):
            ax.spines["left"].set_visible(False)
    return figure


def mirels_alt(result: MirelsResult, mirels: MirelsTable) -> str:
    parts = ", ".join(f"{f.label.split(' (')[0]} {result.points[f.id]}" for f in mirels.factors)
    return (
        f"Bar chart of the Mirels score: {parts}, adding up to {result.total}. "
        f"A scale from 4 to 12 shows the three bands; the total falls in the band "
        f"'{result.band.label}', where the suggestion is: {result.band.suggestion.lower()}."
    )


# --- radiation schedules --------------------------------------------------------------

_GAP = 0.7  # space between the two illustrated weeks, standing for the weekend


def _x(week: int, weekday: int) -> float:
    return (week - 1) * (len(WEEKDAYS) + _GAP) + weekday


def schedule_figure(schedules: list[Schedule]) -> Figure:
    """Illustrative calendar: one row per schedule, a numbered square for each visit."""
    height = 1.3 + 0.55 * max(len(schedules), 1)
    with course_style():
        figure, ax = new_figure(7.4, height, layout=None)
        set_margins(figure, left=1.25, right=0.15, top=0.15, bottom=0.85)
        weeks_shown = max([1, *((s.fractions - 1) // len(WEEKDAYS) + 1 for s in schedules)])
        for row, schedule in enumerate(schedules):
            style = series_style(style_index(schedule))
            xs = [_x(visit.week, visit.weekday) for visit in visits(schedule)]
            # One bar container and one marker collection per row: cheaper to redraw than
            # a patch and a boxed text per visit.
            ax.bar(xs, 0.6, bottom=row - 0.3, width=0.76, **style.bar_kwargs())
            ax.plot(
                xs,
                [row] * len(xs),
                linestyle="none",
                marker="s",
                markersize=13,
                markerfacecolor="white",
                markeredgecolor="none",
            )
            for number, x in enumerate(xs, start=1):
                ax.text(
                    x, row, str(number), ha="center", va="center", fontsize=9, fontweight="bold"
                )
        ticks = [_x(w, d) for w in range(1, weeks_shown + 1) for d in range(len(WEEKDAYS))]
        labels = [f"{day}\nwk {w}" for w in range(1, weeks_shown + 1) for day in WEEKDAYS]
        _x_labels(ax, ticks, labels, fontsize=8)
        ax.set_xlim(-0.6, ticks[-1] + 0.6)
        _y_labels(
            ax,
            range(len(schedules)),
            [
                f"{s.label}\n({s.fractions} visit{'s' if s.fractions > 1 else ''})"
                for s in schedules
            ],
        )
        ax.set_ylim(len(schedules) - 0.5, -0.5)
        ax.set_xlabel(
            "Illustrative calendar (one visit per weekday; real timetables vary)", labelpad=30
        )
        ax.spines["left"].set_visible(False)
    return figure


def schedule_alt(schedules: list[Schedule]) -> str:
    parts = []
    for s in schedules:
        weeks = (s.fractions - 1) // len(WEEKDAYS) + 1
        parts.append(
            f"{s.label}: {s.fractions} visit{'s' if s.fractions > 1 else ''} over "
            f"{weeks} week{'s' if weeks > 1 else ''}"
        )
    return "Illustrative calendar of radiation visits. " + "; ".join(parts) + "."


# --- ablation cycles ------------------------------------------------------------------


#: Heating in vermillion with "//" hatching; freezing in sky blue with "\\\\" hatching, never
#: in heat colours; resting steps white with dots. The step's name is written on each block.
_HEAT = SeriesStyle(OKABE_ITO["vermillion"], "s", "//", "vermillion")
_FREEZE = SeriesStyle(OKABE_ITO["sky_blue"], "o", "\\\\", "sky blue")
_REST = SeriesStyle("white", "^", "..", "white")


def _phase_style(phase_id: str, kind: str) -> SeriesStyle:
    if kind != "active":
        return _REST
    return _FREEZE if phase_id.startswith("freeze") else _HEAT


def ablation_figure(method: AblationMethod, step: int) -> Figure:
    """Equal-width blocks for the steps in order; the chosen step is outlined and marked."""
    with course_style():
        figure, ax = new_figure(7.0, 2.3, layout=None)
        set_margins(figure, left=0.15, right=0.15, top=0.35, bottom=0.6)
        for index, phase in enumerate(method.phases, start=1):
            style = _phase_style(phase.id, phase.kind)
            current = index == step
            ax.add_patch(
                Rectangle(
                    (index - 0.45, 0),
                    0.9,
                    1,
                    facecolor=style.color if phase.kind == "active" else "white",
                    hatch=style.hatch,
                    edgecolor="black",
                    linewidth=3 if current else 0.8,
                )
            )
            ax.text(
                index,
                0.5,
                phase.label,
                ha="center",
                va="center",
                fontsize=11,
                fontweight="bold",
                bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "none"},
            )
            if index < len(method.phases):
                ax.annotate(
                    "",
                    xy=(index + 0.55, 0.5),
                    xytext=(index + 0.45, 0.5),
                    arrowprops={"arrowstyle": "->", "color": "black"},
                )
        ax.text(step, -0.12, "▲ this step", ha="center", va="top", fontsize=10)
        ax.set_xlim(0.4, len(method.phases) + 0.6)
        ax.set_ylim(-0.45, 1.1)
        positions = range(1, len(method.phases) + 1)
        _x_labels(ax, positions, [f"Step {i}" for i in positions])
        ax.set_yticks([])
        ax.set_xlabel(
            "Order of steps (not to scale: the sources give no times or temperatures)",
            labelpad=20,
        )
        ax.set_title(method.name)
        ax.spines["left"].set_visible(False)
    return figure


def ablation_alt(method: AblationMethod, step: int) -> str:
    steps = ", then ".join(p.label.lower() for p in method.phases)
    return (
        f"Schematic of {method.name}: {steps}. Step {step}, "
        f"{method.phases[step - 1].label.lower()}, is outlined. Blocks are equal in width "
        "because the sources give the order of the steps but no times or temperatures."
    )
