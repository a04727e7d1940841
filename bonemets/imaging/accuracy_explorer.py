"""The accuracy explorer: published sensitivity and specificity, and Bayes' post-test chance."""

from __future__ import annotations

import functools

import ipywidgets as widgets
from IPython.display import display

from bonemets.imaging import rules
from bonemets.imaging.data import modalities
from bonemets.imaging.html import LABEL_STYLE, WIDE, cell_sources, esc, html_table, region
from bonemets.prewarm import prewarm

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
    table = html_table(
        ["Test", "Sensitivity", "Specificity", "After a positive", "After a negative", "Source"],
        (
            (
                esc(names[a.modality]),
                f"{a.sensitivity:.1%}",
                f"{a.specificity:.1%}",
                _percent(p.after_positive),
                _percent(p.after_negative),
                cell_sources(a.sources) + (f"<br><small>{esc(a.note)}</small>" if a.note else ""),
            )
            for a, p in rows
        ),
        f"{label}: chance of bone metastasis after each result, starting from "
        f"{pre_test_percent}% before the test",
    )
    worst = max(rows, key=lambda r: r[1].after_negative or 0)
    sentence = (
        f"<p>With a {pre_test_percent}% chance before testing, a negative "
        f"{esc(_in_sentence(names[worst[0].modality]))} still leaves a "
        f"{_percent(worst[1].after_negative)} chance of bone metastasis, the highest of these "
        "tests: a negative result lowers the chance but does not always rule disease out.</p>"
    )
    return region("Accuracy explorer output", figures + sentence + table)


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
            style=LABEL_STYLE,
            layout=WIDE,
        )
        self.pre_test = widgets.IntSlider(
            value=pre_test_percent,
            min=0,
            max=100,
            step=5,  # coarse steps: revisited positions come from the cache
            description="Chance of bone metastasis before the test (%):",
            style=LABEL_STYLE,
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
            style=LABEL_STYLE,
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
