"""HTML for the imaging widgets: pure functions from control values to markup.

Each returns a figure with alt text, a table of the same numbers and the sources beside
them, so the widgets in ``widgets`` only wire controls to these functions. Views that draw
a figure are cached by their (hashable) arguments: a redraw costs 100-300 ms.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from bonemets.caching import course_cache
from bonemets.citations import sourced_list, sources_html
from bonemets.figures import region_html, table_html
from bonemets.imaging import rules
from bonemets.imaging.bayes import PostTest
from bonemets.imaging.data import modalities, questions
from bonemets.imaging.doses import DEFAULT_REFERENCE, DoseRow, dose_rows, fmt_msv
from bonemets.imaging.records import Accuracy, DoseEntry


@course_cache(maxsize=64)
def dose_html(reference: str = DEFAULT_REFERENCE) -> str:
    """The dose chart, its table and sources, compared with the ``reference`` exam (an id).

    Cached: a redraw costs 100-300 ms of matplotlib text rendering, and readers flip back
    and forth between the same few choices. :func:`bonemets.caching.clear_caches` forgets it.
    """
    from bonemets.figures import figure_html  # matplotlib loads only when a chart is drawn
    from bonemets.imaging import charts

    compared_with, rows = dose_rows(reference)
    order = list(modalities())
    fig = charts.dose_chart(rows, compared_with, order)
    ionizing = [r for r in rows if r.entry.ionizing]
    smallest, largest = (
        ionizing[0],
        max(ionizing, key=lambda r: r.entry.high_msv or r.entry.low_msv or 0.0),
    )
    alt = (
        f"Horizontal bar chart of typical adult effective dose on a log scale, from "
        f"{smallest.entry.exam} at {smallest.dose_text} to {largest.entry.exam} at "
        f"{largest.dose_text}. A dashed line marks the reference, {compared_with.exam} at "
        f"{fmt_msv(compared_with.low_msv)} mSv. MRI has no bar because it uses no ionizing "
        "radiation. The table below gives every value."
    )
    table = table_html(
        ["Exam", "Typical effective dose", f"Compared with {compared_with.exam}", "Note", "Source"],
        (
            (
                html.escape(r.entry.exam),
                html.escape(r.dose_text),
                html.escape(r.multiple_text),
                html.escape(r.entry.note or ""),
                sources_html(r.entry.sources),
            )
            for r in rows
        ),
        caption="Typical adult effective dose per exam (mSv = millisievert)",
        html_cells=True,
    )
    return region_html(
        "Dose chart output",
        figure_html(fig, alt, "Ranges are drawn as a bracket from the low to the high dose.")
        + table,
    )


def _in_sentence(name: str) -> str:
    """'Bone scan' mid-sentence is 'bone scan'; 'CT', 'MRI' and 'X-ray' stay as they are."""
    return name[0].lower() + name[1:] if name[1:2].islower() else name


def _percent(value: float | None) -> str:
    return "cannot occur" if value is None else f"{value:.1%}"


@course_cache(maxsize=512)
def accuracy_html(study: str, pre_test: int) -> str:
    """Sensitivity, specificity and post-test probabilities for one study at a pre-test
    chance of ``pre_test`` percent.

    Cached like :func:`dose_html` (3 studies × 101 slider positions at most).
    """
    from bonemets.figures import figure_html
    from bonemets.imaging import charts

    rows = rules.post_test_rows(study, pre_test / 100)
    names = {m.id: m.short for m in modalities().values()}
    fig = charts.post_test_chart(rows, names, list(modalities()))
    phrases = "; ".join(
        f"{names[a.modality]} positive {_percent(p.after_positive)}, "
        f"negative {_percent(p.after_negative)}"
        for a, p in rows
    )
    alt = (
        f"Dot chart: with a {pre_test}% chance of bone metastasis before testing "
        f"(dashed line), the chance after a result is: {phrases}."
    )
    figures = (
        '<div style="display:flex;flex-wrap:wrap;gap:0.5em">'
        f"{_study_figure_html(study)}{figure_html(fig, alt)}</div>"
    )
    label = rows[0][0].study_label
    table = table_html(
        ["Test", "Sensitivity", "Specificity", "After a positive", "After a negative", "Source"],
        (
            (
                html.escape(names[a.modality]),
                f"{a.sensitivity:.1%}",
                f"{a.specificity:.1%}",
                _percent(p.after_positive),
                _percent(p.after_negative),
                sources_html(a.sources)
                + (f"<br><small>{html.escape(a.note)}</small>" if a.note else ""),
            )
            for a, p in rows
        ),
        caption=f"{label}: chance of bone metastasis after each result, starting from "
        f"{pre_test}% before the test",
        html_cells=True,
    )
    sentence = f"<p>{html.escape(_negative_result_sentence(rows, names, pre_test))}</p>"
    return region_html("Accuracy explorer output", figures + sentence + table)


def _negative_result_sentence(
    rows: Sequence[tuple[Accuracy, PostTest]], names: dict[str, str], pre_test: int
) -> str:
    """What a negative result does at this pre-test chance, true at 0% and 100% too."""
    if pre_test <= 0:
        return (
            "With a 0% chance before testing there is nothing for a result to change: "
            "a positive result here could only be a false alarm."
        )
    if pre_test >= 100:
        return (
            "With a 100% chance before testing the disease is already certain, so no result "
            "changes it: a negative result here could only be a missed finding."
        )
    modality, post = max(rows, key=lambda r: r[1].after_negative or 0)
    return (
        f"With a {pre_test}% chance before testing, a negative "
        f"{_in_sentence(names[modality.modality])} still leaves a "
        f"{_percent(post.after_negative)} chance of bone metastasis, the highest of these "
        "tests: a negative result lowers the chance but does not always rule disease out."
    )


@course_cache(maxsize=8)
def _study_figure_html(study: str) -> str:
    """The published sensitivity and specificity: fixed per study, so drawn once."""
    from bonemets.figures import figure_html
    from bonemets.imaging import charts

    rows = rules.accuracy_for(study)
    names = {m.id: m.short for m in modalities().values()}
    described = "; ".join(
        f"{names[a.modality]} sensitivity {a.sensitivity:.1%}, specificity {a.specificity:.1%}"
        for a in rows
    )
    alt = f"Dot chart of published accuracy, {rows[0].study_label}: {described}."
    return figure_html(
        charts.accuracy_chart(rows, names, list(modalities()), rows[0].study_label), alt
    )


def _doses_cell(entries: Sequence[DoseEntry]) -> str:
    lines = []
    for entry in entries:
        dose = DoseRow(entry, None, None).dose_text
        exam = html.escape(entry.exam)
        lines.append(f"{exam}: {html.escape(dose)} {sources_html(entry.sources)}")
    return "<br>".join(lines)


def comparison_html(tests: Sequence[str]) -> str:
    """Side-by-side table and chart of the chosen tests (modality ids)."""
    return _comparison_html(tuple(tests))


@course_cache(maxsize=64)
def _comparison_html(modality_ids: tuple[str, ...]) -> str:
    from bonemets.figures import figure_html
    from bonemets.imaging import charts

    rows = rules.comparison_rows(modality_ids)
    if not rows:
        return "<p>Tick at least one test to compare.</p>"
    order = list(modalities())
    table = table_html(
        ["Test", "Covers", "Shows best", "Typical dose", "Per-patient sensitivity / specificity"],
        (
            (
                html.escape(r.modality.short),
                html.escape(r.modality.coverage)
                + " "
                + sources_html(r.modality.coverage_note.sources),
                sourced_list(r.modality.shows_best),
                _doses_cell(r.doses),
                (
                    f"{r.per_patient.sensitivity:.1%} / {r.per_patient.specificity:.1%} "
                    + sources_html(r.per_patient.sources)
                    if r.per_patient
                    else "Not in Yang 2011"
                    + (
                        f" (population: {html.escape(r.modality.population)})"
                        if r.modality.population
                        else ""
                    )
                ),
            )
            for r in rows
        ),
        caption="The chosen tests side by side",
        html_cells=True,
    )
    names = [r.modality.short for r in rows]
    sens = [r.per_patient.sensitivity if r.per_patient else None for r in rows]
    spec = [r.per_patient.specificity if r.per_patient else None for r in rows]
    fig = charts.comparison_chart(names, sens, spec, [order.index(r.modality.id) for r in rows])
    described = "; ".join(
        f"{n} sensitivity {s:.1%}, specificity {p:.1%}"
        if s is not None and p is not None
        else f"{n} no figure"
        for n, s, p in zip(names, sens, spec, strict=True)
    )
    alt = f"Bar chart of per-patient accuracy from Yang 2011: {described}."
    return region_html("Comparison output", table + figure_html(fig, alt))


def question_html(question: str) -> str:
    """The tests rated for one clinical question (an id), best first, with reasons and sources."""
    asked = questions()[question]
    rows = (
        (
            html.escape(m.short),
            f"{rules.FIT_SYMBOL[s.fit]} {html.escape(s.fit)}",
            html.escape(s.reason) + " " + sources_html(s.sources),
        )
        for m, s in rules.suggestions_for(question)
    )
    table = table_html(
        ["Test", "Fit", "Why"], rows, caption=f"Tests for: {asked.label}", html_cells=True
    )
    note = ""
    if asked.nurse_note:
        note = f"<p><strong>For the nurse:</strong> {asked.nurse_note.html()}</p>"
    legend = "<p><small>Key: ★ first choice, ✔ useful, △ limited, ✘ not the test for this. "
    legend += "Tests not listed are not rated by the course's sources.</small></p>"
    return region_html("Clinical question output", table + note + legend)


def cautions_html(findings: Sequence[str]) -> str:
    """For each test, the cautions the ticked patient factors (ids) raise."""
    if not findings:
        return "<p>Tick a patient factor to see the cautions it raises for each test.</p>"
    raised = rules.cautions_for(findings)
    rows = []
    for modality in modalities().values():
        items = raised[modality.id]
        if items:
            cell = (
                "<ul>"
                + "".join(
                    f"<li><strong>{html.escape(r.factor.label)}:</strong> "
                    f"{html.escape(r.caution.action)} {sources_html(r.caution.sources)}</li>"
                    for r in items
                )
                + "</ul>"
            )
            status = f"⚠ {len(items)} caution{'s' if len(items) > 1 else ''}"
        else:
            cell = "No caution from these factors in the course's sources; follow local policy."
            status = "– none listed"
        rows.append((html.escape(modality.short), status, cell))
    return region_html(
        "Patient factor output",
        table_html(
            ["Test", "Cautions", "What the nurse does"],
            rows,
            caption="Cautions by test",
            html_cells=True,
        ),
    )


def preparation_html() -> str:
    """Every test's nursing checks and patient teaching, each line with its source."""
    rows = (
        (
            html.escape(m.short)
            + (f"<br><small>({html.escape(m.population)})</small>" if m.population else ""),
            sourced_list(m.preparation),
            sourced_list(m.teaching),
        )
        for m in modalities().values()
    )
    return table_html(
        ["Test", "Checks and preparation by the nurse", "What to teach the patient"],
        rows,
        caption="Preparing a patient for each imaging test",
        html_cells=True,
    )
