"""The imaging widgets for the lessons: each a small class holding labelled controls and one
HTML output (figure with alt text, a table of the same numbers, and sources).

``*_html`` functions turn computed data into the HTML shown, so tests can read it without a
browser; the classes only wire controls to them. Standard ipywidgets controls are used, so
everything works by keyboard in JupyterLab, Notebook 7 and headless execution.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable, Sequence

import ipywidgets as widgets
from IPython.display import HTML, display

from bonemets.citations import sources_html
from bonemets.imaging import rules
from bonemets.imaging.data import all_sources, complications, factors, modalities, questions
from bonemets.imaging.doses import DEFAULT_REFERENCE, DoseRow, dose_rows, fmt_msv, reference_choices
from bonemets.imaging.records import DoseEntry, Statement
from bonemets.prewarm import prewarm

_LABEL_STYLE = {"description_width": "initial"}
_WIDE = widgets.Layout(width="auto")


def _esc(text: str) -> str:
    return html.escape(text)


def _cell_sources(ids: Iterable[str]) -> str:
    return sources_html(ids)


def _html_table(header: Sequence[str], rows: Iterable[Sequence[str]], caption: str) -> str:
    """Like :func:`bonemets.figures.table_html` but cells may hold trusted HTML (sources)."""
    out = [f'<table class="bonemets-table"><caption>{_esc(caption)}</caption><thead><tr>']
    out.extend(f'<th scope="col">{_esc(h)}</th>' for h in header)
    out.append("</tr></thead><tbody>")
    for row in rows:
        cells = [f'<th scope="row">{row[0]}</th>'] + [f"<td>{c}</td>" for c in row[1:]]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _region(label: str, body: str) -> str:
    return f'<div role="region" aria-label="{html.escape(label, quote=True)}">{body}</div>'


# --- Dose chart -------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def dose_html(reference_id: str = DEFAULT_REFERENCE) -> str:
    """The dose chart, its table and sources, compared with ``reference_id``.

    Cached: a redraw costs 100-300 ms of matplotlib text rendering, and readers flip back
    and forth between the same few choices. :func:`clear_cache` forgets it.
    """
    from bonemets.figures import figure_html  # matplotlib loads only when a chart is drawn
    from bonemets.imaging import charts

    reference, rows = dose_rows(reference_id)
    order = list(modalities())
    fig = charts.dose_chart(rows, reference, order)
    ionizing = [r for r in rows if r.entry.ionizing]
    smallest, largest = (
        ionizing[0],
        max(ionizing, key=lambda r: r.entry.high_msv or r.entry.low_msv),
    )
    alt = (
        f"Horizontal bar chart of typical adult effective dose on a log scale, from "
        f"{smallest.entry.exam} at {smallest.dose_text} to {largest.entry.exam} at "
        f"{largest.dose_text}. A dashed line marks the reference, {reference.exam} at "
        f"{fmt_msv(reference.low_msv)} mSv. MRI has no bar because it uses no ionizing "
        "radiation. The table below gives every value."
    )
    table = _html_table(
        ["Exam", "Typical effective dose", f"Compared with {reference.exam}", "Note", "Source"],
        (
            (
                _esc(r.entry.exam),
                _esc(r.dose_text),
                _esc(r.multiple_text),
                _esc(r.entry.note or ""),
                _cell_sources(r.entry.sources),
            )
            for r in rows
        ),
        "Typical adult effective dose per exam (mSv = millisievert)",
    )
    return _region(
        "Dose chart output",
        figure_html(fig, alt, "Ranges are drawn as a bracket from the low to the high dose.")
        + table,
    )


class DoseChart:
    """Pick the exam to compare against; the chart, table and multiples follow."""

    def __init__(self) -> None:
        self.reference = widgets.Dropdown(
            options=reference_choices(),
            value=DEFAULT_REFERENCE,
            description="Reference exam (dashed line):",
            style=_LABEL_STYLE,
            layout=_WIDE,
        )
        self.output = widgets.HTML()
        self.reference.observe(lambda _: self.update(), names="value")
        self.view = widgets.VBox([self.reference, self.output])
        self.update()
        prewarm(dose_html, [value for _, value in self.reference.options])

    def update(self) -> None:
        self.output.value = dose_html(self.reference.value)

    def _ipython_display_(self) -> None:
        display(self.view)


# --- Accuracy explorer ------------------------------------------------------------------


def _in_sentence(name: str) -> str:
    """'Bone scan' mid-sentence is 'bone scan'; 'CT', 'MRI' and 'X-ray' stay as they are."""
    return name[0].lower() + name[1:] if name[1:2].islower() else name


def _percent(value: float | None) -> str:
    return "cannot occur" if value is None else f"{value:.1%}"


@functools.lru_cache(maxsize=512)
def accuracy_html(study: str, pre_test_percent: int) -> str:
    """Sensitivity, specificity and post-test probabilities for one study at one pre-test.

    Cached like :func:`dose_html` (3 studies × 101 slider positions at most).
    """
    from bonemets.figures import figure_html
    from bonemets.imaging import charts

    rows = rules.post_test_rows(study, pre_test_percent / 100)
    names = {m.id: m.short for m in modalities().values()}
    fig = charts.post_test_chart(rows, names, list(modalities()))
    phrases = "; ".join(
        f"{names[a.modality]} positive {_percent(p.after_positive)}, "
        f"negative {_percent(p.after_negative)}"
        for a, p in rows
    )
    alt = (
        f"Dot chart: with a {pre_test_percent}% chance of bone metastasis before testing "
        f"(dashed line), the chance after a result is: {phrases}."
    )
    figures = (
        '<div style="display:flex;flex-wrap:wrap;gap:0.5em">'
        f"{_study_figure_html(study)}{figure_html(fig, alt)}</div>"
    )
    label = rows[0][0].study_label
    table = _html_table(
        ["Test", "Sensitivity", "Specificity", "After a positive", "After a negative", "Source"],
        (
            (
                _esc(names[a.modality]),
                f"{a.sensitivity:.1%}",
                f"{a.specificity:.1%}",
                _percent(p.after_positive),
                _percent(p.after_negative),
                _cell_sources(a.sources) + (f"<br><small>{_esc(a.note)}</small>" if a.note else ""),
            )
            for a, p in rows
        ),
        f"{label}: chance of bone metastasis after each result, starting from "
        f"{pre_test_percent}% before the test",
    )
    worst = max(rows, key=lambda r: r[1].after_negative or 0)
    sentence = (
        f"<p>With a {pre_test_percent}% chance before testing, a negative "
        f"{_esc(_in_sentence(names[worst[0].modality]))} still leaves a "
        f"{_percent(worst[1].after_negative)} chance of bone metastasis, the highest of these "
        "tests: a negative result lowers the chance but does not always rule disease out.</p>"
    )
    return _region("Accuracy explorer output", figures + sentence + table)


@functools.lru_cache(maxsize=8)
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


class AccuracyExplorer:
    """A study picker and a pre-test probability slider; Bayes gives the post-test chance."""

    def __init__(self, pre_test_percent: int = 30) -> None:
        self.study = widgets.Dropdown(
            options=rules.studies(),
            description="Published figures:",
            style=_LABEL_STYLE,
            layout=_WIDE,
        )
        self.pre_test = widgets.IntSlider(
            value=pre_test_percent,
            min=0,
            max=100,
            step=5,  # coarse steps: revisited positions come from the cache
            description="Chance of bone metastasis before the test (%):",
            style=_LABEL_STYLE,
            layout=widgets.Layout(width="44em"),
            continuous_update=False,
        )
        self.output = widgets.HTML()
        for control in (self.study, self.pre_test):
            control.observe(lambda _: self.update(), names="value")
        # A typed value as well as the slider: some frontends (Notebook 7) let the page take
        # the arrow keys, and a text box is keyboard-operable everywhere.
        self.typed = widgets.BoundedIntText(
            value=pre_test_percent,
            min=0,
            max=100,
            description="or type it (%):",
            style=_LABEL_STYLE,
            layout=widgets.Layout(width="14em"),
        )
        widgets.link((self.pre_test, "value"), (self.typed, "value"))
        self.view = widgets.VBox(
            [self.study, widgets.HBox([self.pre_test, self.typed]), self.output]
        )
        self.update()
        prewarm(lambda state: accuracy_html(*state), self._likely_states())

    def _likely_states(self) -> list[tuple[str, int]]:
        """Every slider position of the shown study, nearest first, then the other studies."""
        positions = range(self.pre_test.min, self.pre_test.max + 1, self.pre_test.step)
        studies = [value for _, value in self.study.options]
        studies.sort(key=lambda study: study != self.study.value)
        return [
            (study, percent)
            for study in studies
            for percent in sorted(positions, key=lambda p: abs(p - self.pre_test.value))
        ]

    def update(self) -> None:
        self.output.value = accuracy_html(self.study.value, self.pre_test.value)

    def _ipython_display_(self) -> None:
        display(self.view)


# --- Modality explorer: compare, match a question, check patient factors ----------------


def _doses_cell(entries: Sequence[DoseEntry]) -> str:
    lines = []
    for entry in entries:
        dose = DoseRow(entry, None, None).dose_text
        lines.append(f"{_esc(entry.exam)}: {_esc(dose)} {_cell_sources(entry.sources)}")
    return "<br>".join(lines)


def comparison_html(modality_ids: Sequence[str]) -> str:
    """Side-by-side table and chart of the chosen tests."""
    return _comparison_html(tuple(modality_ids))


@functools.lru_cache(maxsize=64)
def _comparison_html(modality_ids: tuple[str, ...]) -> str:
    from bonemets.figures import figure_html
    from bonemets.imaging import charts

    rows = rules.comparison_rows(modality_ids)
    if not rows:
        return "<p>Tick at least one test to compare.</p>"
    order = list(modalities())
    table = _html_table(
        ["Test", "Covers", "Shows best", "Typical dose", "Per-patient sensitivity / specificity"],
        (
            (
                _esc(r.modality.short),
                _esc(r.modality.coverage) + " " + _cell_sources(r.modality.coverage_note.sources),
                "<ul>"
                + "".join(
                    f"<li>{_esc(s.text)} {_cell_sources(s.sources)}</li>"
                    for s in r.modality.shows_best
                )
                + "</ul>",
                _doses_cell(r.doses),
                (
                    f"{r.per_patient.sensitivity:.1%} / {r.per_patient.specificity:.1%} "
                    + _cell_sources(r.per_patient.sources)
                    if r.per_patient
                    else "Not in Yang 2011"
                    + (
                        f" (population: {_esc(r.modality.population)})"
                        if r.modality.population
                        else ""
                    )
                ),
            )
            for r in rows
        ),
        "The chosen tests side by side",
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
    return _region("Comparison output", table + figure_html(fig, alt))


def question_html(question_id: str) -> str:
    """The tests rated for one clinical question, best first, with reasons and sources."""
    question = questions()[question_id]
    rows = (
        (
            _esc(m.short),
            f"{rules.FIT_SYMBOL[s.fit]} {_esc(s.fit)}",
            _esc(s.reason) + " " + _cell_sources(s.sources),
        )
        for m, s in rules.suggestions_for(question_id)
    )
    table = _html_table(["Test", "Fit", "Why"], rows, f"Tests for: {question.label}")
    note = ""
    if question.nurse_note:
        note = (
            f"<p><strong>For the nurse:</strong> {_esc(question.nurse_note.text)} "
            f"{_cell_sources(question.nurse_note.sources)}</p>"
        )
    legend = "<p><small>Key: ★ first choice, ✔ useful, △ limited, ✘ not the test for this. "
    legend += "Tests not listed are not rated by the course's sources.</small></p>"
    return _region("Clinical question output", table + note + legend)


def cautions_html(factor_ids: Sequence[str]) -> str:
    """For each test, the cautions the ticked patient factors raise."""
    if not factor_ids:
        return "<p>Tick a patient factor to see the cautions it raises for each test.</p>"
    raised = rules.cautions_for(factor_ids)
    rows = []
    for modality in modalities().values():
        items = raised[modality.id]
        if items:
            cell = (
                "<ul>"
                + "".join(
                    f"<li><strong>{_esc(r.factor.label)}:</strong> {_esc(r.caution.action)} "
                    f"{_cell_sources(r.caution.sources)}</li>"
                    for r in items
                )
                + "</ul>"
            )
            status = f"⚠ {len(items)} caution{'s' if len(items) > 1 else ''}"
        else:
            cell = "No caution from these factors in the course's sources; follow local policy."
            status = "– none listed"
        rows.append((_esc(modality.short), status, cell))
    return _region(
        "Patient factor output",
        _html_table(["Test", "Cautions", "What the nurse does"], rows, "Cautions by test"),
    )


class ModalityComparison:
    def __init__(self, chosen: Sequence[str] = ("xray", "bone_scan", "mri")) -> None:
        self.boxes = {
            m.id: widgets.Checkbox(
                value=m.id in chosen,
                description=m.short,
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for m in modalities().values()
        }
        self.output = widgets.HTML()
        for box in self.boxes.values():
            box.observe(lambda _: self.update(), names="value")
        label = widgets.HTML("<strong>Tests to compare (tick any):</strong>")
        self.view = widgets.VBox([label, widgets.HBox(list(self.boxes.values())), self.output])
        self.update()

    def chosen(self) -> list[str]:
        return [m for m, box in self.boxes.items() if box.value]

    def update(self) -> None:
        self.output.value = comparison_html(self.chosen())

    def _ipython_display_(self) -> None:
        display(self.view)


class QuestionMatcher:
    def __init__(self) -> None:
        self.question = widgets.Dropdown(
            options=[(q.label, q.id) for q in questions().values()],
            description="Clinical question:",
            style=_LABEL_STYLE,
            layout=_WIDE,
        )
        self.output = widgets.HTML()
        self.question.observe(lambda _: self.update(), names="value")
        self.view = widgets.VBox([self.question, self.output])
        self.update()

    def update(self) -> None:
        self.output.value = question_html(self.question.value)

    def _ipython_display_(self) -> None:
        display(self.view)


class CautionChecker:
    def __init__(self, ticked: Sequence[str] = ()) -> None:
        self.boxes = {
            f.id: widgets.Checkbox(
                value=f.id in ticked,
                description=f.label,
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for f in factors().values()
        }
        self.output = widgets.HTML()
        for box in self.boxes.values():
            box.observe(lambda _: self.update(), names="value")
        label = widgets.HTML("<strong>Patient factors found on assessment (tick any):</strong>")
        self.view = widgets.VBox([label, *self.boxes.values(), self.output])
        self.update()

    def ticked(self) -> list[str]:
        return [f for f, box in self.boxes.items() if box.value]

    def update(self) -> None:
        self.output.value = cautions_html(self.ticked())

    def _ipython_display_(self) -> None:
        display(self.view)


class ModalityExplorer:
    """The three parts together: compare tests, match a question, check patient factors."""

    def __init__(self) -> None:
        self.comparison = ModalityComparison()
        self.matcher = QuestionMatcher()
        self.cautions = CautionChecker()
        heading = "<h4 style='margin:0.6em 0 0.2em'>{}</h4>"
        self.view = widgets.VBox(
            [
                widgets.HTML(heading.format("1. Compare tests side by side")),
                self.comparison.view,
                widgets.HTML(heading.format("2. Which test answers the clinical question?")),
                self.matcher.view,
                widgets.HTML(heading.format("3. Patient factors and the cautions they raise")),
                self.cautions.view,
            ]
        )

    def _ipython_display_(self) -> None:
        display(self.view)


# --- Complication cues (lesson 01) ------------------------------------------------------


def complications_html(cue_ids: Sequence[str]) -> str:
    """What the noticed cues may point to, most urgent first, with the nurse's actions."""
    found = rules.complications_for(cue_ids)
    if not found:
        return "<p>Tick what you notice to see what it may point to and what to do.</p>"
    parts = []
    for complication, matched in found:
        actions = "".join(
            f"<li>{_esc(a.text)} {_cell_sources(a.sources)}</li>"
            for a in complication.nurse_actions
        )
        imaging = ""
        if complication.imaging:
            imaging = (
                f"<p><strong>Scan that usually follows:</strong> {_esc(complication.imaging.text)} "
                f"{_cell_sources(complication.imaging.sources)}</p>"
            )
        urgent = "⚠ " if complication.urgency.startswith("emergency") else ""
        parts.append(
            f"<section aria-label='{html.escape(complication.name, quote=True)}'>"
            f"<h4 style='margin:0.5em 0 0.2em'>{urgent}{_esc(complication.name)}: "
            f"{_esc(complication.urgency)}</h4>"
            f"<p>{_esc(complication.summary.text)} "
            f"{_cell_sources(complication.summary.sources)}</p>"
            f"<p><em>Because you noticed:</em> {_esc('; '.join(matched))}.</p>"
            f"<ul>{actions}</ul>{imaging}</section>"
        )
    return _region("What your findings may point to", "".join(parts))


def urgency_html() -> str:
    """The four complications by urgency: a chart and the same facts as a table."""
    from bonemets.figures import figure_html
    from bonemets.imaging import charts

    ordered = sorted(
        complications().values(),
        key=lambda c: charts.URGENCY_LEVELS.index(c.urgency),
        reverse=True,
    )
    fig = charts.urgency_chart([c.name for c in ordered], [c.urgency for c in ordered])
    alt = (
        "Bar chart ranking the complications by how fast the nurse acts: "
        + "; ".join(f"{c.name}, {c.urgency}" for c in ordered)
        + "."
    )
    table = _html_table(
        ["Complication", "How fast to act", "First nursing action"],
        (
            (
                _esc(c.name),
                _esc(c.urgency),
                _esc(c.nurse_actions[0].text) + " " + _cell_sources(c.nurse_actions[0].sources),
            )
            for c in ordered
        ),
        "The complications of bone metastasis, most urgent first",
    )
    return _region("Urgency of each complication", figure_html(fig, alt) + table)


def urgency_overview() -> HTML:
    return HTML(urgency_html())


class ComplicationChecker:
    """Tick cues a nurse might notice; see the complications they point to, most urgent first."""

    def __init__(self) -> None:
        self.boxes = {
            cue_id: widgets.Checkbox(
                value=False, description=text, indent=False, layout=widgets.Layout(width="auto")
            )
            for text, cue_id in rules.all_cues()
        }
        self.output = widgets.HTML()
        for box in self.boxes.values():
            box.observe(lambda _: self.update(), names="value")
        label = widgets.HTML("<strong>What do you notice? (tick any)</strong>")
        self.view = widgets.VBox([label, *self.boxes.values(), self.output])
        self.update()

    def ticked(self) -> list[str]:
        return [c for c, box in self.boxes.items() if box.value]

    def update(self) -> None:
        self.output.value = complications_html(self.ticked())

    def _ipython_display_(self) -> None:
        display(self.view)


def dose_chart() -> DoseChart:
    return DoseChart()


def accuracy_explorer() -> AccuracyExplorer:
    return AccuracyExplorer()


def modality_explorer() -> ModalityExplorer:
    return ModalityExplorer()


def complication_checker() -> ComplicationChecker:
    return ComplicationChecker()


__all__ = [
    "AccuracyExplorer",
    "CautionChecker",
    "ComplicationChecker",
    "DoseChart",
    "ModalityComparison",
    "ModalityExplorer",
    "QuestionMatcher",
    "accuracy_explorer",
    "complication_checker",
    "dose_chart",
    "modality_explorer",
]


def clear_cache() -> None:
    """Forget rendered outputs (after editing course data in a running kernel)."""
    for cached in (dose_html, accuracy_html, _comparison_html, _study_figure_html):
        cached.cache_clear()


# --- Static tables for the lesson text --------------------------------------------------


def _statements(items: Iterable[Statement]) -> str:
    listed = "".join(f"<li>{_esc(s.text)} {_cell_sources(s.sources)}</li>" for s in items)
    return f"<ul>{listed}</ul>"


def preparation_html() -> str:
    """Every test's nursing checks and patient teaching, each line with its source."""
    rows = (
        (
            _esc(m.short) + (f"<br><small>({_esc(m.population)})</small>" if m.population else ""),
            _statements(m.preparation),
            _statements(m.teaching),
        )
        for m in modalities().values()
    )
    return _html_table(
        ["Test", "Checks and preparation by the nurse", "What to teach the patient"],
        rows,
        "Preparing a patient for each imaging test",
    )


def preparation_table() -> HTML:
    """The preparation table for display in a lesson."""
    return HTML(preparation_html())


def lesson_sources() -> list[str]:
    """The sources lesson 2 draws on: the Mayo Clinic page and everything the data cites."""
    return ["mayo2025", *(s for s in all_sources() if s != "mayo2025")]
