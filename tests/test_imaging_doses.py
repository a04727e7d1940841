"""Dose rows for the chart: multiples of the reference, ranges, and MRI in words."""

from __future__ import annotations

import pytest

from bonemets.imaging.doses import dose_rows, fmt_msv, fmt_multiple, reference_choices


def test_multiples_of_the_spine_xray() -> None:
    reference, rows = dose_rows()
    assert reference.id == "dose_xray_spine"
    by_id = {r.entry.id: r for r in rows}
    assert by_id["dose_pet_ct"].low_multiple == pytest.approx(22.7 / 1.4)  # 16.21
    assert by_id["dose_pet_ct"].multiple_text == "16×"
    assert by_id["dose_bone_scan"].low_multiple == pytest.approx(3.0)  # 4.2 / 1.4
    assert by_id["dose_bone_scan"].high_multiple == pytest.approx(4.5)  # 6.3 / 1.4
    assert by_id["dose_bone_scan"].multiple_text == "3.0–4.5×"
    # FDG PET alone is the range its source gives (0.019 mSv/MBq x 370-740 MBq), not 7.4
    assert by_id["dose_pet_alone"].dose_text == "7–14.1 mSv"
    assert by_id["dose_bone_scan"].dose_text == "4.2–6.3 mSv"
    assert by_id["dose_xray_limb"].dose_text == "0.001 mSv"


def test_mri_is_stated_in_words_with_no_multiple() -> None:
    _, rows = dose_rows("dose_ct_chest")
    mri = next(r for r in rows if r.entry.modality == "mri")
    assert mri.dose_text == "No ionizing radiation"
    assert (mri.low_multiple, mri.multiple_text) == (None, "—")


def test_another_reference_changes_every_multiple() -> None:
    reference, rows = dose_rows("dose_ct_chest")
    assert reference.low_msv == 6.1
    by_id = {r.entry.id: r for r in rows}
    assert by_id["dose_ct_abdomen"].multiple_text == "1.3×"  # 7.7 / 6.1 = 1.26
    assert by_id["dose_xray_spine"].multiple_text == "0.23×"  # 1.4 / 6.1 = 0.230


def test_references_offered_are_single_valued_ionizing_exams() -> None:
    ids = [i for _, i in reference_choices()]
    assert ids[:2] == ["dose_xray_limb", "dose_xray_spine"]
    assert "dose_mri" not in ids and "dose_bone_scan" not in ids
    with pytest.raises(ValueError, match="reference needs a dose"):
        dose_rows("dose_mri")


@pytest.mark.parametrize(
    ("value", "text"), [(0.001, "0.001"), (1.5, "1.5"), (25.0, "25"), (7.4, "7.4"), (1000, "1000")]
)
def test_doses_print_as_the_sources_give_them(value: float, text: str) -> None:
    assert fmt_msv(value) == text


def test_multiples_print_without_false_precision() -> None:
    assert [fmt_multiple(v) for v in (16.67, 4.666, 0.2142, 0.000667)] == [
        "17×",
        "4.7×",
        "0.21×",
        "0.00067×",
    ]
