"""HTML for the treatment widgets: pure functions from control values to markup.

Each returns one HTML string holding the figure (with alt text), a table with the same
information, and the sources, so the widgets only wire controls to these functions.
The figure views are cached by their (hashable) inputs: drawing a figure costs 100-300 ms,
and readers flip back and forth between the same few choices.
``bonemets.caching.clear_caches()`` forgets them (after editing course data in a kernel).
Each ``*_view`` takes the values of its widget's controls by name (``view(**values)``).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from bonemets.caching import course_cache
from bonemets.citations import sourced_list, sources_html
from bonemets.figures import figure_html, table_html
from bonemets.treatment import charts
from bonemets.treatment.ablation import method as ablation_method
from bonemets.treatment.ablation import sequence_text, step_view
from bonemets.treatment.checklist import ChecklistStatus, checklist, status
from bonemets.treatment.explorer import (
    LABELS,
    Patient,
    TreatmentOption,
    load_option,
    options_for,
)
from bonemets.treatment.mirels import band_rows, score, table
from bonemets.treatment.schedules import ILLUSTRATION, comparison_rows, schedule_set


def _status(text: str) -> str:
    return f'<p role="status" aria-live="polite"><strong>{html.escape(text)}</strong></p>'


def patient_text(patient: Patient) -> str:
    """The described patient in words, e.g. for the status line."""
    areas = {"one": "one area", "a_few": "a few areas", "many": "many areas"}
    parts = [
        f"{areas[patient.count]} of bone metastasis",
        f"main site {LABELS[patient.site].lower()}",
        f"bone {LABELS[patient.bone].lower()}",
        *(LABELS[f].lower() for f in sorted(patient.flags)),
    ]
    return "; ".join(parts) + "."


def explorer_view(count: str, site: str, bone: str, flags: Sequence[str]) -> str:
    """The treatment explorer's output for its controls' values."""
    return explorer_html(Patient(count, site, bone, frozenset(flags)))  # type: ignore[arg-type]


def _bullets(values: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(v)}</li>" for v in values) + "</ul>"


def _explorer_row(option: TreatmentOption) -> tuple[str, str, str, str]:
    """One option in four readable columns (trusted HTML built from course data)."""
    aims = ", ".join(LABELS[aim].lower() for aim in option.aims)
    return (
        f"{html.escape(option.name)}<br><em>{html.escape(LABELS[option.kind])}; "
        f"aims: {html.escape(aims)}</em>",
        _bullets(option.side_effects),
        _bullets(option.nursing),
        f"{html.escape(option.reason)}<br>{sources_html(option.sources)}",
    )


@course_cache(maxsize=256)
def explorer_html(patient: Patient) -> str:
    options = options_for(patient)
    return (
        _status(f"{len(options)} options described by the sources for: {patient_text(patient)}")
        + _explorer_figure_html(tuple(o.id for o in options))
        + table_html(
            ["Option", "Main side effects", "Nursing", "Why it is shown, and the source"],
            [_explorer_row(o) for o in options],
            caption="Options for this description, with side effects, nursing points and sources",
            html_cells=True,
        )
        + "<p><em>The team chooses with the patient; this list shows what the sources describe "
        "for a situation, not a plan for a person.</em></p>"
    )


@course_cache(maxsize=128)
def _explorer_figure_html(option_ids: tuple[str, ...]) -> str:
    """Cached by the options shown: many descriptions share the same chart."""
    options = [load_option(option_id) for option_id in option_ids]
    return figure_html(
        charts.explorer_figure(options),
        charts.explorer_alt(options),
        "What each option aims at. Markers: circle = systemic, square = local, "
        "triangle = supportive.",
    )


@dataclass(frozen=True)
class OptionCards:
    """Fact cards for treatment options, shown where the lesson teaches them."""

    option_ids: tuple[str, ...]

    def _repr_html_(self) -> str:
        return "".join(option_html(load_option(option_id)) for option_id in self.option_ids)


def option_html(option: TreatmentOption) -> str:
    """One option as a fact card, for the lesson section that teaches it."""

    def items(values: Sequence[str]) -> str:
        return "".join(f"<li>{html.escape(v)}</li>" for v in values)

    return (
        f'<div style="border-left:4px solid #0072B2;padding:0.3em 0.8em">'
        f"<p><strong>{html.escape(option.name)}</strong> ({LABELS[option.kind].lower()}; aims: "
        f"{html.escape(', '.join(LABELS[a].lower() for a in option.aims))})</p>"
        f"<p>{html.escape(option.summary)}</p>"
        f"<p><strong>Main side effects</strong></p><ul>{items(option.side_effects)}</ul>"
        f"<p><strong>Nursing</strong></p><ul>{items(option.nursing)}</ul>"
        f"<p>{sources_html(option.sources)}</p></div>"
    )


def mirels_view(**choices: str) -> str:
    """Mirels' calculator output for the level chosen for each factor (by factor id)."""
    return mirels_html(tuple(sorted(choices.items())))


@course_cache(maxsize=128)
def mirels_html(choices: tuple[tuple[str, str], ...]) -> str:
    """``choices`` as sorted (factor id, level id) pairs, so that it can be cached."""
    mirels = table()
    result = score(dict(choices), mirels)
    levels = dict(choices)
    chosen = {f.id: f.level(levels[f.id]) for f in mirels.factors}
    points_rows = []
    for factor in mirels.factors:
        by_points = {lv.points: lv.label for lv in factor.levels}
        pick = chosen[factor.id]
        points_rows.append(
            (
                factor.label,
                by_points[1],
                by_points[2],
                by_points[3],
                f"{pick.label} ({pick.points})",
            )
        )
    bands = [
        (*row, "◀ this total" if band.id == result.band.id else "")
        for row, band in zip(band_rows(mirels), mirels.bands, strict=True)
    ]
    return (
        _status(
            f"Total {result.total} (band: {result.band.label}). Fracture risk "
            f"{result.band.fracture_risk}. Suggests: {result.band.suggestion}."
        )
        + figure_html(
            charts.mirels_figure(result, mirels),
            charts.mirels_alt(result, mirels),
            "How the four factors add up, and where the total falls among the bands.",
        )
        + table_html(
            ["Factor", "1 point", "2 points", "3 points", "Your choice"],
            points_rows,
            caption="Mirels' scoring table (published points) and your choices",
        )
        + table_html(
            ["Total", "Fracture risk", "What it suggests", "This lesion"],
            bands,
            caption="Mirels' bands",
        )
        + f"<p>{sources_html(mirels.sources)}</p>"
        + f"<p>{html.escape(mirels.accuracy.text)} {sources_html(mirels.accuracy.sources)}</p>"
        + "<p><em>The score supports the surgical team's decision; it does not replace it.</em></p>"
    )


@course_cache(maxsize=128)
def schedule_html(situation: str, schedules: tuple[str, ...]) -> str:
    """The chosen situation's ticked schedules side by side."""
    chosen = schedule_set(situation)
    picked = [s for s in chosen.schedules if s.id in schedules]
    if not picked:
        return _status("Tick at least one schedule to compare.")
    return (
        _status(
            f"{chosen.title}: comparing {len(picked)} schedule{'s' if len(picked) > 1 else ''}."
        )
        + figure_html(
            charts.schedule_figure(picked),
            charts.schedule_alt(picked),
            ILLUSTRATION,
        )
        + table_html(
            ["Schedule", "Dose per visit", "Visits (trips)", "Total dose", "Weeks (illustration)"],
            comparison_rows(picked),
            caption=f"{chosen.title}: the schedules side by side",
        )
        + f"<p>{sources_html(chosen.sources)}</p>"
        + f"<p><strong>What the guideline says</strong></p>{sourced_list(chosen.statements)}"
    )


@course_cache(maxsize=32)
def ablation_html(method: str, step: int) -> str:
    """One step of the method's cycle (a step past its last shows the last)."""
    view = step_view(method, min(step, len(ablation_method(method).phases)))
    cycle = view.method

    return (
        _status(f"{cycle.name}. {view.heading}. {view.phase.description}")
        + figure_html(
            charts.ablation_figure(cycle, view.step),
            charts.ablation_alt(cycle, view.step),
            f"The cycle: {sequence_text(cycle)}. Not to scale.",
        )
        + table_html(
            ["Step", "What happens"],
            [(f"{i}. {p.label}", p.description) for i, p in enumerate(cycle.phases, start=1)],
            caption=f"{cycle.name}: steps in order",
        )
        + f"<p>{html.escape(cycle.device)} {sources_html(cycle.sources)}</p>"
        + f"<p><strong>Side effects</strong></p>{sourced_list(cycle.side_effects)}"
        + f"<p><strong>Nursing</strong></p>{sourced_list(cycle.nursing)}"
    )


def checklist_view(which: str, done: Sequence[str]) -> str:
    """The chosen checklist's summary and its open gaps, given the ticked item ids."""
    return checklist_html(status(checklist(which), done))


def checklist_html(state: ChecklistStatus) -> str:
    if state.complete:
        body = "<p>✔ No gaps: every check and teaching point is done.</p>"
    else:
        gaps = "".join(
            f"<li><strong>✘ {html.escape(item.group)}:</strong> {html.escape(item.text)} "
            f"<em>Why:</em> {html.escape(item.why)} {sources_html(item.sources)}</li>"
            for item in state.gaps
        )
        body = f"<p><strong>Gaps still open</strong></p><ul>{gaps}</ul>"
    return _status(state.summary) + body
