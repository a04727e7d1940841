"""Lesson 6 rules: which pain scale fits, what a score prompts, and the first-hour feedback."""

from __future__ import annotations

from pathlib import Path

import pytest
from data_helpers import replace_once

from bonemets.data import CourseDataError
from bonemets.data.loader import load_collection
from bonemets.nursing import pain, priorities, radiation
from bonemets.nursing.pain import PainScale
from bonemets.nursing.priorities import PriorityAction


def test_each_way_of_communicating_has_exactly_one_scale() -> None:
    fits = sorted(scale.fits for scale in pain.scales())
    assert fits == sorted(pain.COMMUNICATION)
    assert pain.scale_for("cannot_report").id == "painad"
    assert pain.scale_for("faces").id == "faces"
    assert pain.scale_for("numbers").id == "nrs"


def test_painad_bands_are_the_published_reading_with_its_caveat() -> None:
    painad = pain.scale_for("cannot_report")
    labels = [painad.band(score).label for score in (0, 1, 3, 4, 6, 7, 10)]
    assert labels == [
        "No pain behaviours seen",
        "Possibly mild pain",
        "Possibly mild pain",
        "Possibly moderate pain",
        "Possibly moderate pain",
        "Possibly severe pain",
        "Possibly severe pain",
    ]
    assert painad.bands_note and "not been validated" in painad.bands_note
    assert "painad_warden2003" in painad.sources


def test_self_report_scales_only_separate_no_pain_from_pain() -> None:
    """No invented thresholds: NRS and FACES say 'no pain' at 0 and 'pain' above it."""
    for communication in ("numbers", "faces"):
        scale = pain.scale_for(communication)
        assert [(b.low, b.high) for b in scale.bands] == [(0, 0), (min(scale.scores[1:]), 10)]
        assert scale.bands_note is None


def test_faces_records_only_even_scores() -> None:
    faces = pain.scale_for("faces")
    assert faces.scores == (0, 2, 4, 6, 8, 10)
    assert faces.band(6).label == "Hurt reported"
    with pytest.raises(ValueError, match="records only these scores: 0, 2, 4, 6, 8, 10"):
        faces.band(5)


def test_unknown_communication_is_refused() -> None:
    with pytest.raises(ValueError, match="no pain scale fits 'telepathy'"):
        pain.scale_for("telepathy")


def test_first_hour_feedback_for_a_perfect_choice() -> None:
    now = [a.id for a in priorities.actions() if a.verdict == "now"]
    result = priorities.feedback(now)
    assert result.needed == len(now) == 6
    assert result.count("chosen_right") == 6 and result.count("chosen_unsafe") == 0
    assert result.count("rightly_left") == 3
    assert result.complete


def test_first_hour_feedback_names_missed_and_unsafe_actions() -> None:
    result = priorities.feedback(["escalate", "walk_test"])
    outcome = {o.action.id: o.outcome for o in result.outcomes}
    assert outcome["escalate"] == "chosen_right"
    assert outcome["walk_test"] == "chosen_unsafe"
    assert outcome["spinal_precautions"] == "missed"
    assert outcome["wait_for_bladder"] == "rightly_left"
    assert not result.complete


def test_first_hour_feedback_refuses_unknown_ids() -> None:
    with pytest.raises(ValueError, match="unknown action ids: run_a_marathon"):
        priorities.feedback(["escalate", "run_a_marathon"])


def test_actions_to_take_and_to_avoid_are_mixed_in_the_shown_order() -> None:
    """The checkbox order must not give the answer away (all 'now' first)."""
    verdicts = [a.verdict for a in priorities.actions()]
    first_avoid = verdicts.index("avoid")
    assert "now" in verdicts[first_avoid:]


def test_pelvic_radiation_lists_bowel_and_bladder_effects_and_limbs_do_not() -> None:
    pelvis = radiation.site("pelvis")
    assert {"Diarrhoea", "Nausea and vomiting", "Urinary and bladder changes"} <= set(
        pelvis.effects
    )
    limb = radiation.site("limb")
    assert "Diarrhoea" not in limb.effects and limb.note


def test_a_band_gap_is_a_clear_data_error(course_data_copy: Path) -> None:
    replace_once(
        course_data_copy / "nursing/pain_scales.yaml", "{low: 4, high: 6,", "{low: 5, high: 6,"
    )
    with pytest.raises(CourseDataError) as caught:
        load_collection(PainScale)
    message = str(caught.value)
    assert message.startswith("course_data/nursing/pain_scales.yaml: record 'painad'")
    assert "score 4 is in 0 bands" in message


def test_an_unknown_verdict_is_a_clear_data_error(course_data_copy: Path) -> None:
    replace_once(course_data_copy / "nursing/mscc_actions.yaml", "verdict: avoid", "verdict: later")
    with pytest.raises(CourseDataError) as caught:
        load_collection(PriorityAction)
    message = str(caught.value)
    assert "record 'walk_test'" in message and "field 'verdict'" in message
