"""The imaging widgets of lesson 2, for notebook cells (``from bonemets.imaging import
widgets as w``).

Each widget is a :class:`~bonemets.panel.ControlPanel`: labelled standard controls (so
everything works by keyboard in JupyterLab, Notebook 7 and headless execution) and one
output that a pure, cached view in ``views`` fills with a figure, its table and sources.
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from bonemets.imaging import rules, views
from bonemets.imaging.data import all_sources, factors, modalities, questions
from bonemets.imaging.doses import DEFAULT_REFERENCE, reference_choices
from bonemets.panel import FULL_LABEL, CheckboxGroup, ControlPanel, dropdown
from bonemets.prewarm import prewarm


class DoseChart(ControlPanel):
    """Pick the exam to compare against; the chart, table and multiples follow."""

    def __init__(self) -> None:
        reference = dropdown(
            "Reference exam (dashed line):", reference_choices(), DEFAULT_REFERENCE
        )
        super().__init__({"reference": reference}, views.dose_html, framed=False)
        # Keyword calls, as the panel makes them: the cache tells the two kinds apart.
        prewarm(lambda value: views.dose_html(reference=value), [v for _, v in reference.options])


class AccuracyExplorer(ControlPanel):
    """A study picker and a pre-test probability slider; Bayes gives the post-test chance."""

    def __init__(self, pre_test_percent: int = 30) -> None:
        study = dropdown("Published figures:", rules.studies())
        pre_test = widgets.IntSlider(
            value=pre_test_percent,
            min=0,
            max=100,
            step=5,  # coarse steps: revisited positions come from the cache
            description="Chance of bone metastasis before the test (%):",
            style=FULL_LABEL,
            layout=widgets.Layout(width="44em"),
            continuous_update=False,
        )
        # A typed value as well as the slider: some frontends (Notebook 7) let the page take
        # the arrow keys, and a text box is keyboard-operable everywhere.
        typed = widgets.BoundedIntText(
            value=pre_test_percent,
            min=0,
            max=100,
            description="or type it (%):",
            style=FULL_LABEL,
            layout=widgets.Layout(width="14em"),
        )
        widgets.link((pre_test, "value"), (typed, "value"))
        super().__init__(
            {"study": study, "pre_test": pre_test},
            views.accuracy_html,
            items=[study, widgets.HBox([pre_test, typed])],
            framed=False,
        )
        prewarm(
            lambda state: views.accuracy_html(study=state[0], pre_test=state[1]),
            self._likely_states(),
        )

    def _likely_states(self) -> list[tuple[str, int]]:
        """Every slider position of the shown study, nearest first, then the other studies."""
        study, slider = self.controls["study"], self.controls["pre_test"]
        positions = range(slider.min, slider.max + 1, slider.step)
        studies = [value for _, value in study.options]
        studies.sort(key=lambda other: other != study.value)
        return [
            (each, percent)
            for each in studies
            for percent in sorted(positions, key=lambda p: abs(p - slider.value))
        ]


class ModalityComparison(ControlPanel):
    """Tick the tests to compare; their coverage, doses and accuracy side by side."""

    def __init__(self, chosen: Sequence[str] = ("xray", "bone_scan", "mri")) -> None:
        tests = CheckboxGroup(
            [(m.short, m.id) for m in modalities().values()], chosen, horizontal=True
        )
        super().__init__(
            {"tests": tests},
            views.comparison_html,
            title="Tests to compare (tick any):",
            framed=False,
        )


class QuestionMatcher(ControlPanel):
    """Choose a clinical question; the tests that answer it, best first."""

    def __init__(self) -> None:
        question = dropdown("Clinical question:", [(q.label, q.id) for q in questions().values()])
        super().__init__({"question": question}, views.question_html, framed=False)


class CautionChecker(ControlPanel):
    """Tick the patient factors found on assessment; the cautions each raises, per test."""

    def __init__(self, ticked: Sequence[str] = ()) -> None:
        findings = CheckboxGroup([(f.label, f.id) for f in factors().values()], ticked)
        super().__init__(
            {"findings": findings},
            views.cautions_html,
            title="Patient factors found on assessment (tick any):",
            framed=False,
        )


class PreparationTable:
    """Every test's nursing checks and patient teaching, shown in the lesson text."""

    def _repr_html_(self) -> str:
        return views.preparation_html()


def lesson_sources() -> list[str]:
    """The sources lesson 2 draws on: the Mayo Clinic page and everything the data cites."""
    return ["mayo2025", *(s for s in all_sources() if s != "mayo2025")]
