"""The imaging data: it loads, every fact has a source, and bad data gets a clear error."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from data_helpers import replace_once

from bonemets.citations import SourcedText
from bonemets.data import CourseDataError, Source, load_collection
from bonemets.imaging import data


def _statements(record: object) -> Iterator[SourcedText]:
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        items = value if isinstance(value, tuple) else (value,)
        yield from (item for item in items if isinstance(item, SourcedText))


def test_six_tests_with_the_five_the_seed_names_plus_psma() -> None:
    assert list(data.modalities()) == ["xray", "bone_scan", "ct", "mri", "pet", "psma_pet"]
    assert data.modalities()["psma_pet"].population == "prostate cancer only"
    coverage = {m.id: m.coverage for m in data.modalities().values()}
    assert coverage == {
        "xray": "one region",
        "bone_scan": "whole body",
        "ct": "one region",
        "mri": "one region",
        "pet": "whole body",
        "psma_pet": "whole body",
    }


def test_every_modality_statement_cites_a_known_source() -> None:
    known = set(load_collection(Source))
    checked = 0
    for modality in data.modalities().values():
        for statement in _statements(modality):
            assert statement.sources, f"{modality.id}: {statement.text}"
            assert set(statement.sources) <= known
            checked += 1
    assert checked >= 25  # coverage note, shows best, preparation and teaching per test


def test_doses_match_the_research_notes() -> None:
    doses = {d.id: (d.low_msv, d.high_msv, d.ionizing) for d in data.doses().values()}
    assert doses == {
        "dose_xray_limb": (0.001, None, True),
        "dose_xray_spine": (1.4, None, True),
        "dose_psma_pet": (2.9, 3.9, True),
        "dose_bone_scan": (4.2, 6.3, True),
        "dose_ct_chest": (6.1, None, True),
        "dose_pet_alone": (7.0, 14.1, True),
        "dose_ct_abdomen": (7.7, None, True),
        "dose_pet_ct": (22.7, None, True),
        "dose_mri": (None, None, False),
    }


def test_accuracy_matches_yang_2011_and_ajr_2022() -> None:
    figures = {a.id: (a.sensitivity, a.specificity) for a in data.accuracy().values()}
    assert figures["yang_pp_pet"] == (0.897, 0.968)
    assert figures["yang_pp_bone_scan"] == (0.860, 0.814)
    assert figures["yang_pl_ct"] == (0.771, 0.832)
    assert figures["yang_pl_mri"] == (0.904, 0.960)
    assert figures["ajr_psma"] == (0.98, 0.97)
    assert figures["ajr_bone_scan"] == (0.83, 0.68)
    assert all(
        "prostate cancer only" in a.study_label
        for a in data.accuracy().values()
        if a.study == "ajr2022_prostate"
    )
    assert not any(
        a.modality == "psma_pet" for a in data.accuracy().values() if a.study.startswith("yang")
    )


def test_lesson_sources_are_in_bibliography_order_and_include_weak_ones() -> None:
    cited = data.all_sources()
    order = list(load_collection(Source))
    assert cited == sorted(cited, key=order.index)
    assert {"yang2011", "heart2024_mri", "acr_nkf_contrast", "clinic_exam_times"} <= set(cited)


# --- bad data ---------------------------------------------------------------------------


@pytest.fixture
def broken_copy(course_data_copy: Path) -> Path:
    return course_data_copy  # its clear_caches() also forgets the imaging cross-checks


def test_a_dose_range_upside_down_names_file_record_and_field(broken_copy: Path) -> None:
    replace_once(broken_copy / "imaging/doses.yaml", "high_msv: 6.3", "high_msv: 3.1")
    with pytest.raises(CourseDataError) as caught:
        data.doses()
    assert str(caught.value) == (
        "course_data/imaging/doses.yaml: record 'dose_bone_scan', field 'high_msv': "
        "must not be below low_msv"
    )


def test_a_dose_for_mri_is_refused(broken_copy: Path) -> None:
    replace_once(
        broken_copy / "imaging/doses.yaml",
        "  ionizing: false\n",
        "  ionizing: false\n  low_msv: 0\n",
    )
    with pytest.raises(CourseDataError, match="record 'dose_mri', field 'low_msv'"):
        data.doses()


def test_a_sensitivity_given_as_a_percentage_is_refused(broken_copy: Path) -> None:
    replace_once(broken_copy / "imaging/accuracy.yaml", "sensitivity: 0.897", "sensitivity: 89.7")
    with pytest.raises(CourseDataError) as caught:
        data.accuracy()
    message = str(caught.value)
    assert message.startswith("course_data/imaging/accuracy.yaml: record 'yang_pp_pet'")
    assert "field 'sensitivity'" in message and "89.7" in message


def test_an_unknown_test_in_a_clinical_question_is_refused(broken_copy: Path) -> None:
    replace_once(
        broken_copy / "imaging/questions.yaml",
        "- modality: bone_scan\n      fit: first choice",
        "- modality: bonescan\n      fit: first choice",
    )
    with pytest.raises(CourseDataError) as caught:
        data.questions()
    assert str(caught.value).startswith(
        "course_data/imaging/questions.yaml: record 'skeleton_survey', "
        "field 'suggestions[0].modality': unknown test 'bonescan'"
    )


def test_a_caution_without_sources_is_refused(broken_copy: Path) -> None:
    replace_once(broken_copy / "imaging/factors.yaml", "sources: [heart2024_mri]", "sources: []")
    with pytest.raises(CourseDataError) as caught:
        data.factors()
    assert str(caught.value) == (
        "course_data/imaging/factors.yaml: record 'implant', field 'cautions[0].sources': "
        "cite at least one source id"
    )


def test_a_statement_citing_an_unknown_source_is_refused(broken_copy: Path) -> None:
    replace_once(
        broken_copy / "imaging/modalities.yaml", "sources: [jpm2009_xray]", "sources: [jpm2099]"
    )
    with pytest.raises(CourseDataError) as caught:
        data.modalities()
    message = str(caught.value)
    assert message.startswith(
        "course_data/imaging/modalities.yaml: record 'xray', field 'shows_best"
    )
    assert "unknown source id 'jpm2099'" in message


def test_a_question_without_a_first_choice_is_refused(broken_copy: Path) -> None:
    replace_once(
        broken_copy / "imaging/questions.yaml",
        "      fit: first choice\n      reason: Used to plan",
        "      fit: useful\n      reason: Used to plan",
    )
    with pytest.raises(CourseDataError, match="record 'biopsy_planning', field 'suggestions'"):
        data.questions()
