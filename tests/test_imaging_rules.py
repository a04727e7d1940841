"""The rules: expected tests for each clinical question, expected cautions for each factor."""

from __future__ import annotations

import pytest

from bonemets.imaging import rules


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "skeleton_survey",
            [
                ("bone_scan", "first choice"),
                ("pet", "useful"),
                ("psma_pet", "useful"),
                ("xray", "not the test for this"),
            ],
        ),
        (
            "cord_compression",
            [
                ("mri", "first choice"),
                ("ct", "useful"),
                ("bone_scan", "not the test for this"),
                ("xray", "not the test for this"),
            ],
        ),
        (
            "fracture_risk",
            [
                ("xray", "first choice"),
                ("ct", "useful"),
                ("mri", "useful"),
                ("bone_scan", "limited"),
            ],
        ),
        (
            "marrow",
            [
                ("mri", "first choice"),
                ("pet", "useful"),
                ("bone_scan", "limited"),
                ("xray", "not the test for this"),
            ],
        ),
        ("biopsy_planning", [("ct", "first choice"), ("mri", "useful")]),
        # AJR 2022 supports PSMA's accuracy but says bone scan remains the recommended test
        ("prostate_staging", [("bone_scan", "first choice"), ("psma_pet", "useful")]),
    ],
)
def test_tests_for_each_question_best_first(question: str, expected: list) -> None:
    assert [(m.id, s.fit) for m, s in rules.suggestions_for(question)] == expected


def test_cord_compression_reasons_carry_the_numbers_and_whole_spine() -> None:
    mri = dict((m.id, s) for m, s in rules.suggestions_for("cord_compression"))["mri"]
    assert "93%" in mri.reason and "97%" in mri.reason and "whole spine" in mri.reason
    assert "cmdt_emergencies" in mri.sources
    assert rules.first_choice("cord_compression") == "mri"


@pytest.mark.parametrize(
    ("factor", "expected"),
    [
        ("implant", {"mri": 1, "ct": 1}),
        ("kidney", {"ct": 1}),
        # PSMA PET is for prostate cancer only: no pregnancy screening item for it
        ("pregnancy", {"bone_scan": 1, "xray": 1, "ct": 1, "pet": 1}),
        ("contrast_reaction", {"ct": 1}),
        ("metformin", {"ct": 1, "pet": 1}),
        ("breastfeeding", {"bone_scan": 1}),
        ("glucose", {"pet": 1}),
        ("lie_still", {"mri": 1, "pet": 1, "bone_scan": 1}),
    ],
)
def test_cautions_each_factor_raises(factor: str, expected: dict[str, int]) -> None:
    raised = rules.cautions_for([factor])
    assert {m: len(c) for m, c in raised.items() if c} == expected
    assert set(raised) == {"xray", "bone_scan", "ct", "mri", "pet", "psma_pet"}


def test_pregnancy_never_raises_a_caution_for_mri() -> None:
    assert rules.cautions_for(["pregnancy"])["mri"] == []


def test_factors_combine_per_test() -> None:
    raised = rules.cautions_for(["implant", "kidney", "glucose"])
    assert [r.factor.id for r in raised["ct"]] == ["implant", "kidney"]
    assert [r.factor.id for r in raised["mri"]] == ["implant"]
    assert "eGFR under 30" in raised["ct"][1].caution.action
    glucose = raised["pet"][0].caution.action
    assert "150 and 200 mg/dL" in glucose and "upper limit" in glucose
    assert "120" not in glucose  # no lower glucose target
    assert "water" in glucose


def test_comparison_rows_keep_file_order_and_attach_figures() -> None:
    rows = rules.comparison_rows(["mri", "xray", "psma_pet"])
    assert [r.modality.id for r in rows] == ["xray", "mri", "psma_pet"]
    assert rows[0].per_patient is None  # Yang 2011 has no X-ray figure
    assert (rows[1].per_patient.sensitivity, rows[1].per_patient.specificity) == (0.906, 0.954)
    assert rows[2].per_patient is None  # PSMA is not in Yang 2011
    assert [d.id for d in rows[0].doses] == ["dose_xray_limb", "dose_xray_spine"]


def test_post_test_rows_for_a_study() -> None:
    rows = rules.post_test_rows("ajr2022_prostate", 0.5)
    assert [a.modality for a, _ in rows] == ["psma_pet", "bone_scan"]
    # PSMA: 0.49 / (0.49 + 0.015) = 0.970297; bone scan negative: 0.085 / (0.085 + 0.34) = 0.2
    assert rows[0][1].after_positive == pytest.approx(0.970297, abs=1e-6)
    assert rows[1][1].after_negative == pytest.approx(0.2)


def test_studies_are_labelled_with_their_population() -> None:
    labels = dict((study, label) for label, study in rules.studies())
    assert list(labels) == ["yang2011_patient", "yang2011_lesion", "ajr2022_prostate"]
    assert "prostate cancer only" in labels["ajr2022_prostate"]
