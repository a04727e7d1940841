"""Mirels' score: the published points table and bands, checked value by value."""

from __future__ import annotations

import itertools

import pytest

from bonemets.treatment.mirels import band_for, band_rows, score, table, table_rows


def test_the_published_points_table() -> None:
    assert table_rows() == [
        ("Site", "Upper limb", "Lower limb", "Peritrochanteric (around the hip)"),
        ("Pain", "Mild", "Moderate", "Functional (with use of the limb)"),
        ("Lesion type", "Blastic (bone-forming)", "Mixed", "Lytic (bone-destroying)"),
        (
            "Size (share of the bone's diameter)",
            "Less than one third",
            "One third to two thirds",
            "More than two thirds",
        ),
    ]


def test_the_published_bands() -> None:
    assert band_rows() == [
        ("7 or less", "under 4%", "Observation or radiotherapy"),
        ("8", "about 15%", "Clinical judgement"),
        ("9 or more", "33% to 100%", "Prophylactic fixation recommended"),
    ]


@pytest.mark.parametrize(
    ("total", "band"),
    [(4, "observe"), (7, "observe"), (8, "judgement"), (9, "fixation"), (12, "fixation")],
)
def test_band_edges(total: int, band: str) -> None:
    assert band_for(total).id == band


@pytest.mark.parametrize("total", [3, 13])
def test_totals_outside_4_to_12_are_refused(total: int) -> None:
    with pytest.raises(ValueError, match="between 4 and 12"):
        band_for(total)


def test_hand_worked_examples() -> None:
    # Lower limb 2 + functional 3 + lytic 3 + one third to two thirds 2 = 10.
    result = score(
        {"site": "lower_limb", "pain": "functional", "lesion": "lytic", "size": "one_to_two_thirds"}
    )
    assert dict(result.points) == {"site": 2, "pain": 3, "lesion": 3, "size": 2}
    assert (result.total, result.band.id) == (10, "fixation")
    # Upper limb 1 + moderate 2 + mixed 2 + under a third 1 = 6.
    result = score(
        {"site": "upper_limb", "pain": "moderate", "lesion": "mixed", "size": "under_third"}
    )
    assert (result.total, result.band.id) == (6, "observe")
    # Lower limb 2 + moderate 2 + mixed 2 + one third to two thirds 2 = 8.
    result = score(
        {"site": "lower_limb", "pain": "moderate", "lesion": "mixed", "size": "one_to_two_thirds"}
    )
    assert (result.total, result.band.id) == (8, "judgement")


def test_all_81_combinations_add_up_and_fall_in_the_right_band() -> None:
    mirels = table()
    counts = {"observe": 0, "judgement": 0, "fixation": 0}
    for levels in itertools.product(*(f.levels for f in mirels.factors)):
        choices = {f.id: lv.id for f, lv in zip(mirels.factors, levels, strict=True)}
        result = score(choices, mirels)
        assert result.total == sum(lv.points for lv in levels)
        counts[result.band.id] += 1
    # Ways to make each total from four factors of 1-3: 4:1 5:4 6:10 7:16 8:19 9:16 ...
    assert counts == {"observe": 1 + 4 + 10 + 16, "judgement": 19, "fixation": 16 + 10 + 4 + 1}


def test_a_missing_factor_is_named() -> None:
    with pytest.raises(KeyError, match="size"):
        score({"site": "upper_limb", "pain": "mild", "lesion": "blastic"})


def test_accuracy_statement_is_sourced_to_the_validation_study() -> None:
    accuracy = table().accuracy
    assert "91%" in accuracy.text and "35%" in accuracy.text
    # Damron 2003 (femoral lesions) gives 91% / 35%; "over 91%" is not in it
    assert accuracy.sources[0] == "damron2003"
    assert "over 91%" not in accuracy.text and "femoral" in accuracy.text
    assert "SINS" in accuracy.text  # long bones only; the spine has its own score
    assert set(table().sources) == {"mirels1989", "jawad2010"}
