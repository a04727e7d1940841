"""Lesson 6 views and widgets: change a control, and the output shows the matching view."""

from __future__ import annotations

import re

from bonemets.nursing import views
from bonemets.nursing import widgets as w
from bonemets.panel import CheckboxGroup


def status(markup: str) -> str:
    found = re.search(r'<p role="status"[^>]*><strong>(.*?)</strong></p>', markup)
    assert found, "every view opens with a status line"
    return found.group(1)


def test_pain_view_for_a_patient_who_cannot_report() -> None:
    markup = views.pain_view("cannot_report", 5)
    assert 'role="region" aria-label="Pain assessment result"' in markup
    assert status(markup) == (
        "Pain Assessment in Advanced Dementia (PAINAD): a score of 5 means possibly moderate pain."
    )
    assert "<caption>Pain assessment with the Pain Assessment in Advanced Dementia" in markup
    assert "not been validated for this tool" in markup  # the caveat travels with the bands
    assert "Warden 2003 (PAINAD)" in markup and "ASPMN 2011" in markup


def test_pain_view_refuses_an_odd_faces_score_in_words() -> None:
    markup = views.pain_view("faces", 5)
    assert status(markup) == (
        "Wong-Baker FACES pain rating scale: a score of 5 cannot be recorded on this scale."
    )
    assert "records only these scores: 0, 2, 4, 6, 8, 10" in markup
    assert "What it prompts" not in markup


def test_pain_on_movement_adds_incident_pain_and_fracture_warning() -> None:
    without = views.pain_view("numbers", 6, False)
    with_movement = views.pain_view("numbers", 6, True)
    assert "incident" not in without
    assert "Movement-related (incident) pain" in with_movement
    assert "may mean a fracture" in with_movement and "Symptoma" in with_movement


def test_every_pain_result_carries_the_opioid_safety_check() -> None:
    for communication, score in (("numbers", 0), ("faces", 10), ("cannot_report", 8)):
        assert "hard to wake needs the dose held" in views.pain_view(communication, score)


def test_mscc_view_hides_feedback_until_asked() -> None:
    markup = views.mscc_view(("escalate", "walk_test"), False)
    assert status(markup) == (
        "2 actions ticked. Press &#x27;Check my choices&#x27; when you are ready for "
        "feedback on each action."
    )
    assert "<table" not in markup and "Unsafe" not in markup


def test_mscc_view_gives_a_reason_for_every_action() -> None:
    markup = views.mscc_view(("escalate", "walk_test"), True)
    assert status(markup) == "You chose 1 of the 6 first-hour actions and 1 unsafe action."
    assert markup.count("<tr>") == 1 + 9  # header + one row per action
    assert "Unsafe: avoid this" in markup and "Missed: this belongs in the first hour" in markup
    assert "<caption>Suspected cord compression: feedback" in markup


def test_mscc_view_praises_a_complete_safe_choice() -> None:
    chosen = (
        "escalate", "neuro_baseline", "spinal_precautions", "pain_relief", "dexamethasone", "mri",
    )  # fmt: skip
    assert status(views.mscc_view(chosen, True)).endswith(
        "All first-hour actions chosen and nothing unsafe."
    )


def test_pain_chooser_redraws_on_each_control() -> None:
    chooser = w.pain_chooser()
    assert chooser.output.value == views.pain_view("numbers", 0, False)
    chooser.controls["communication"].value = "cannot_report"
    chooser.controls["score"].value = 8
    assert chooser.output.value == views.pain_view("cannot_report", 8, False)
    chooser.controls["on_movement"].value = True
    assert chooser.output.value == views.pain_view("cannot_report", 8, True)


def test_mscc_widget_ticks_and_check_button() -> None:
    panel = w.mscc_priorities()
    group = panel.controls["chosen"]
    group.boxes["escalate"].value = True
    group.boxes["mri"].value = True
    assert panel.output.value == views.mscc_view(("escalate", "mri"), False)
    panel.controls["checked"].value = True
    assert panel.output.value == views.mscc_view(("escalate", "mri"), True)


def test_radiation_widget_follows_the_site() -> None:
    panel = w.radiation_effects()
    assert "Diarrhoea" in panel.output.value
    panel.controls["site_id"].value = "limb"
    assert panel.output.value == views.radiation_view("limb")
    assert "Diarrhoea" not in panel.output.value


def test_every_control_is_labelled() -> None:
    for panel in (w.pain_chooser(), w.mscc_priorities(), w.radiation_effects()):
        for name, control in panel.controls.items():
            if isinstance(control, CheckboxGroup):
                assert control.boxes and all(b.description.strip() for b in control.boxes.values())
            else:
                assert control.description.strip(), name


def test_fact_tables_show_a_source_beside_every_row() -> None:
    markup = w.fact_table("opioid_safety", "radium_safety")._repr_html_()
    assert markup.count("<caption>") == 2
    assert "ASPMN 2011" in markup and "Radium-223 label" in markup


def test_radiation_view_separates_common_from_area_effects() -> None:
    markup = views.radiation_view("pelvis")
    assert status(markup) == "Radiation to the pelvis or hip bones: 7 possible side effects."
    assert "<td>Diarrhoea</td><td>Listed for the pelvis area</td>" in markup
    assert "<td>Tiredness (fatigue)</td><td>Common wherever radiation is given</td>" in markup
