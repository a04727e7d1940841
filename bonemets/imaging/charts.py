"""Drawing the imaging figures (matplotlib ``Figure``, no pyplot). Computing is elsewhere.

Every series pairs an Okabe–Ito colour with a marker or hatch and a direct text label, so
no figure relies on colour alone; callers pair each figure with a table of the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from bonemets.imaging.bayes import PostTest
from bonemets.imaging.doses import DoseRow, fmt_msv
from bonemets.imaging.records import Accuracy, DoseEntry
from bonemets.style import ACCENT_TEXT_COLOUR, course_style, new_figure, series_style, set_margins

#: Log-axis limits (mSv) that fit every tabled dose with room for labels.
DOSE_AXIS = (0.0003, 3000.0)
_DOSE_TICKS = (0.001, 0.01, 0.1, 1, 10, 100, 1000)


def modality_style_index(modality_ids: Sequence[str], modality: str) -> int:
    """A test keeps the same colour, marker and hatch in every figure."""
    return list(modality_ids).index(modality)


def dose_chart(rows: Sequence[DoseRow], reference: DoseEntry, order: Sequence[str]) -> Figure:
    """Horizontal bars on a log scale; ranges as a bracket; MRI stated in words, not as 0."""
    with course_style():
        fig, ax = new_figure(8.6, 0.42 * len(rows) + 1.5, layout=None)
        set_margins(fig, left=2.6, right=0.1, top=0.35, bottom=0.6)
        left = DOSE_AXIS[0]
        labels = []
        for y, row in enumerate(rows):
            entry = row.entry
            labels.append(entry.exam)
            style = series_style(modality_style_index(order, entry.modality))
            if not entry.ionizing or entry.low_msv is None:
                ax.text(
                    left * 1.3,
                    y,
                    "No ionizing radiation (no bar: there is no dose)",
                    va="center",
                    fontsize=10,
                    color="black",
                    style="italic",
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
                )
                continue
            ax.barh(y, entry.low_msv - left, left=left, height=0.6, **style.bar_kwargs())
            end = entry.low_msv
            if entry.high_msv is not None:
                # The range: a bracket from the low to the high dose, drawn in black.
                ax.errorbar(
                    [entry.low_msv],
                    [y],
                    xerr=[[0], [entry.high_msv - entry.low_msv]],
                    fmt="none",
                    ecolor="black",
                    elinewidth=2,
                    capsize=5,
                )
                end = entry.high_msv
            ax.text(
                end * 1.25,
                y,
                f"{row.dose_text} ({row.multiple_text})",
                va="center",
                fontsize=9.5,
                bbox={
                    "facecolor": "white",
                    "edgecolor": "none",
                    "pad": 1,
                },  # readable over the line
            )
        ax.set_xscale("log")
        ax.set_xlim(*DOSE_AXIS)
        # Plain numbers, not powers of ten, for readers new to log scales.
        ax.set_xticks(_DOSE_TICKS, [fmt_msv(t) for t in _DOSE_TICKS])
        ax.minorticks_off()
        ax.set_yticks(range(len(rows)), labels)
        ax.invert_yaxis()
        # The reference is always an ionizing exam (reference_choices offers only those).
        reference_msv = reference.low_msv or DOSE_AXIS[0]
        ax.axvline(reference_msv, color=ACCENT_TEXT_COLOUR, linestyle="--", linewidth=1.5)
        ax.text(
            reference_msv * 1.1,
            -0.9,
            f"Reference: {reference.exam}, {fmt_msv(reference_msv)} mSv",
            color=ACCENT_TEXT_COLOUR,
            fontsize=9.5,
            va="bottom",
        )
        ax.set_ylim(len(rows) - 0.5, -1.2)
        ax.set_xlabel("Typical adult effective dose, mSv (log scale: each step is 10×)")
        ax.set_title("Radiation dose per exam (in brackets: times the reference dose)")
    return fig


def _dot(ax: Axes, x: float, y: float, marker: str, color: str) -> None:
    ax.plot(
        [x],
        [y],
        marker=marker,
        color=color,
        markeredgecolor="black",
        markersize=8.5,
        linestyle="none",
    )


def _rows_axis(ax: Axes, labels: Sequence[str]) -> None:
    ax.set_yticks(list(range(len(labels))), labels)
    ax.set_ylim(len(labels) - 0.5, -0.6)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)


def accuracy_chart(
    rows: Sequence[Accuracy], names: dict[str, str], order: Sequence[str], title: str
) -> Figure:
    """Each test's sensitivity (●) and specificity (■), labelled with their values.

    Drawn once per study; the slider only redraws :func:`post_test_chart`."""
    with course_style():
        fig, ax = new_figure(4.6, 0.55 * len(rows) + 1.5, layout=None)
        set_margins(fig, left=0.95, right=0.9, top=0.55, bottom=0.75)
        for y, acc in enumerate(rows):
            color = series_style(modality_style_index(order, acc.modality)).color
            _dot(ax, acc.sensitivity * 100, y - 0.15, "o", color)
            _dot(ax, acc.specificity * 100, y + 0.15, "s", color)
            ax.text(101, y - 0.15, f"sens {acc.sensitivity:.1%}", va="center", fontsize=8.5)
            ax.text(101, y + 0.15, f"spec {acc.specificity:.1%}", va="center", fontsize=8.5)
        _rows_axis(ax, [names[a.modality] for a in rows])
        ax.set_xlim(40, 100)
        ax.set_xlabel("%  (● sensitivity, ■ specificity)")
        ax.set_title(title, fontsize=10)
    return fig


def post_test_chart(
    rows: Sequence[tuple[Accuracy, PostTest]], names: dict[str, str], order: Sequence[str]
) -> Figure:
    """Chance of disease after a positive (▲) and a negative (▼) result, with the pre-test
    chance as a dashed line. Kept small: it is redrawn on every slider move.

    The values are written in a column right of the plot, not beside the markers, so no
    label is cut off at 0 or 100% and the dashed line never runs through one.
    """
    from matplotlib.transforms import blended_transform_factory

    with course_style():
        fig, ax = new_figure(4.8, 0.55 * len(rows) + 1.5, layout=None)
        set_margins(fig, left=0.95, right=1.05, top=0.55, bottom=0.75)
        column = blended_transform_factory(ax.transAxes, ax.transData)
        for y, (acc, post) in enumerate(rows):
            color = series_style(modality_style_index(order, acc.modality)).color
            # Words, not "+"/"−", so a label is not misread as a change in the chance.
            for value, marker, dy, result in (
                (post.after_positive, "^", -0.17, "pos"),
                (post.after_negative, "v", 0.17, "neg"),
            ):
                shown = "cannot occur" if value is None else f"{value:.0%}"
                ax.text(
                    1.04,
                    y + dy,
                    f"{result} {shown}",
                    va="center",
                    fontsize=8.5,
                    transform=column,
                    clip_on=False,
                )
                if value is not None:
                    _dot(ax, value * 100, y + dy, marker, color)
        _rows_axis(ax, [names[a.modality] for a, _ in rows])
        pre = rows[0][1].pre_test * 100 if rows else 0
        ax.axvline(pre, color=ACCENT_TEXT_COLOUR, linestyle="--", linewidth=1.5, zorder=1)
        ax.set_xlim(-4, 104)
        ax.set_xticks([0, 20, 40, 60, 80, 100])
        ax.set_xlabel("% chance  (▲ after positive, ▼ after negative)")
        ax.set_title(f"After the result (dashed: {pre:.0f}% before)", fontsize=10)
    return fig


def comparison_chart(
    names: Sequence[str],
    sensitivity: Sequence[float | None],
    specificity: Sequence[float | None],
    style_indices: Sequence[int],
) -> Figure:
    """Grouped bars of per-patient sensitivity (plain) and specificity (hatched), labelled."""
    with course_style():
        fig, ax = new_figure(7.4, 0.6 * len(names) + 1.4, layout=None)
        set_margins(fig, left=1.1, right=0.1, top=0.35, bottom=0.6)
        for y, (name, sens, spec, index) in enumerate(
            zip(names, sensitivity, specificity, style_indices, strict=True)
        ):
            style = series_style(index)
            if sens is None or spec is None:
                ax.text(1, y, f"{name}: no figure in this study", va="center", style="italic")
                continue
            ax.barh(y - 0.18, sens * 100, height=0.34, color=style.color, edgecolor="black")
            ax.barh(
                y + 0.18,
                spec * 100,
                height=0.34,
                color="white",
                edgecolor=style.color,
                hatch="///",
                linewidth=1.2,
            )
            ax.text(sens * 100 + 1, y - 0.18, f"sensitivity {sens:.1%}", va="center", fontsize=9)
            ax.text(spec * 100 + 1, y + 0.18, f"specificity {spec:.1%}", va="center", fontsize=9)
        ax.set_yticks(range(len(names)), list(names))
        ax.set_ylim(len(names) - 0.5, -0.5)
        ax.set_xlim(0, 130)
        ax.set_xticks([0, 20, 40, 60, 80, 100])
        ax.set_xlabel("% (solid bar: sensitivity; hatched bar: specificity)")
        ax.set_title("Per-patient accuracy (Yang 2011, mixed cancers)")
    return fig
