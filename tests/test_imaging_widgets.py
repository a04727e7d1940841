"""The imaging widgets: labelled controls, and each value change redraws the output with
a figure (alt text), a table of the same numbers and sources."""

from __future__ import annotations

import re

import ipywidgets as widgets

from bonemets.imaging import views
from bonemets.imaging import widgets as w

ALT = re.compile(r'<img src="data:image/(?:svg\+xml|png);base64,[^"]+" alt="([^"]+)"')


def _alt(html: str) -> str:
    """The alt text of every figure in the output, joined."""
    found = ALT.findall(html)
    assert found, "no figure with alt text"
    return " | ".join(found)


def test_dose_chart_redraws_with_the_chosen_reference() -> None:
    chart = w.DoseChart()
    reference = chart.controls["reference"]
    assert reference.description.startswith("Reference exam")
    before = chart.output.value
    assert "Compared with X-ray of the lumbar spine" in before and "16×" in before
    assert "No ionizing radiation" in before
    assert "MRI has no bar" in _alt(before)
    reference.value = "dose_ct_chest"
    after = chart.output.value
    assert "Compared with CT of the chest" in after
    assert "3.7×" in after  # PET/CT 22.7 / 6.1 (current ACR/RSNA chart)
    assert "ACR/RSNA dose chart" in after  # sources beside the numbers


def test_accuracy_explorer_follows_the_slider_and_the_study() -> None:
    explorer = w.AccuracyExplorer(pre_test_percent=50)
    study, pre_test = explorer.controls["study"], explorer.controls["pre_test"]
    assert "before the test" in pre_test.description
    html = explorer.output.value
    # Bone scan per patient at 50%: 82.2% and 14.7% (hand-worked in test_imaging_bayes)
    assert "82.2%" in html and "14.7%" in html
    assert "Bone scan positive 82.2%, negative 14.7%" in _alt(html)
    assert "Bone scan sensitivity 86.0%, specificity 81.4%" in _alt(html)
    pre_test.value = 0
    assert "0.0%" in explorer.output.value and "82.2%" not in explorer.output.value
    typed = next(c for c in explorer.children[1].children if c is not pre_test)
    typed.value = 30  # the text box moves the slider and redraws
    assert pre_test.value == 30 and "starting from 30% before" in explorer.output.value
    study.value = "ajr2022_prostate"
    pre_test.value = 50
    html = explorer.output.value
    assert "prostate cancer only" in html and "97.0%" in html  # PSMA positive
    assert "20.0%" in html  # bone scan negative: 0.085 / 0.425


def test_comparison_lists_only_ticked_tests() -> None:
    view = w.ModalityComparison(chosen=("mri",))
    assert "MRI" in view.output.value and "Not in Yang 2011" not in view.output.value
    tests = view.controls["tests"]
    tests.boxes["psma_pet"].value = True
    html = view.output.value
    assert "Not in Yang 2011 (population: prostate cancer only)" in html
    assert "2.9–3.9 mSv" in html
    tests.value = ()
    assert view.output.value == "<p>Tick at least one test to compare.</p>"


def test_question_matcher_shows_first_choice_with_symbol_and_source() -> None:
    matcher = w.QuestionMatcher()
    matcher.controls["question"].value = "cord_compression"
    html = matcher.output.value
    assert html.index("MRI") < html.index("CT")
    assert "★ first choice" in html and "CMDT oncologic emergencies" in html
    assert "Escalate at once" in html


def test_caution_checker_lists_cautions_per_test() -> None:
    checker = w.CautionChecker()
    assert "Tick a patient factor" in checker.output.value
    checker.controls["findings"].boxes["glucose"].value = True
    html = checker.output.value
    assert "150 and 200 mg/dL" in html and "⚠ 1 caution" in html
    assert html.count("No caution from these factors") == 5


def test_every_control_has_a_visible_label() -> None:
    panels = [
        w.DoseChart(),
        w.AccuracyExplorer(),
        w.ModalityComparison(),
        w.QuestionMatcher(),
        w.CautionChecker(),
    ]
    for panel in panels:
        stack: list[widgets.Widget] = [panel]
        while stack:
            item = stack.pop()
            if isinstance(item, widgets.Box):
                stack.extend(item.children)
            elif isinstance(item, widgets.ValueWidget) and not isinstance(item, widgets.HTML):
                assert item.description.strip(), f"unlabelled {type(item).__name__}"


def test_preparation_table_has_every_test_and_the_key_checks() -> None:
    html = w.PreparationTable()._repr_html_()
    for text in (
        "aneurysm clips",
        "eGFR",
        "150 and 200 mg/dL",
        "plain water is allowed",
        "unless fluids are restricted",
        "metformin",
        "at least 1 litre",
        "at least 4 hours",
        "prostate cancer only",
    ):
        assert text in html
    assert html.count('<th scope="row">') == 6


def test_views_take_the_panel_s_control_values_by_name() -> None:
    matcher = w.QuestionMatcher()
    assert matcher.output.value == views.question_html(**matcher.values())
