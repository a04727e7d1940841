"""The treatment explorer's rules, case by case against the seed's statements."""

from __future__ import annotations

import pytest

from bonemets.treatment.explorer import (
    COUNTS,
    SITES,
    Criteria,
    Patient,
    all_options,
    applies,
    option_rows,
    options_for,
)


def shown(**kwargs) -> set[str]:
    flags = frozenset(kwargs.pop("flags", ()))
    return {o.id for o in options_for(Patient(flags=flags, **kwargs))}


BASELINE = {"opt_bone_building", "opt_pain_medicines", "opt_physical_therapy", "opt_radiation"}


def test_a_single_stable_metastasis_gets_the_general_options_and_radiation() -> None:
    assert shown(count="one", site="other", bone="stable") == BASELINE


def test_radiation_is_offered_however_many_metastases() -> None:
    # ASTRO 2024: radiation for a painful site or cord compression at any count; the
    # seed's "not for many" means it does not treat every site, not that it is withheld.
    for count in COUNTS:
        assert "opt_radiation" in shown(count=count)
    assert "opt_radiation" in shown(count="many", site="spine", flags=["pain_uncontrolled"])


def test_more_than_one_bone_brings_chemotherapy() -> None:
    assert "opt_chemotherapy" not in shown(count="one")
    assert "opt_chemotherapy" in shown(count="a_few")
    assert "opt_chemotherapy" in shown(count="many")


def test_radium_223_only_for_castration_resistant_prostate_cancer() -> None:
    # Xofigo label: CRPC with symptomatic bone metastases and no known visceral metastases.
    for count in COUNTS:
        assert "opt_radiopharmaceutical" not in shown(count=count)
        assert "opt_radiopharmaceutical" not in shown(count=count, flags=["hormone_sensitive"])
    assert "opt_radiopharmaceutical" in shown(count="a_few", flags=["crpc_no_visceral"])
    assert "opt_radiopharmaceutical" in shown(count="many", flags=["crpc_no_visceral"])
    assert "opt_radiopharmaceutical" not in shown(count="one", flags=["crpc_no_visceral"])


def test_fixation_names_mirels_for_long_bones_and_sins_for_the_spine() -> None:
    fixation = next(o for o in all_options() if o.id == "opt_fixation")
    nursing = " ".join(fixation.nursing)
    assert "long bone, Mirels" in nursing and "Spinal Instability Neoplastic Score" in nursing
    assert "fisher2010_sins" in fixation.sources


def test_sbrt_only_for_the_spine() -> None:
    for site in SITES:
        assert ("opt_sbrt" in shown(site=site)) == (site == "spine")


def test_bone_at_risk_brings_fixation_not_repair() -> None:
    options = shown(bone="at_risk", site="long_bone")
    assert "opt_fixation" in options
    assert "opt_fracture_repair" not in options
    assert "opt_bone_cement" not in options


def test_broken_bone_brings_repair_and_cement_only_in_pelvis_or_spine() -> None:
    assert {"opt_fracture_repair", "opt_bone_cement"} <= shown(bone="broken", site="pelvis")
    assert {"opt_fracture_repair", "opt_bone_cement"} <= shown(bone="broken", site="spine")
    long_bone = shown(bone="broken", site="long_bone")
    assert "opt_fracture_repair" in long_bone and "opt_bone_cement" not in long_bone
    assert "opt_fixation" not in long_bone


@pytest.mark.parametrize(
    ("flag", "option"),
    [
        ("hormone_sensitive", "opt_hormone_therapy"),
        ("targetable_change", "opt_targeted_therapy"),
        ("pain_uncontrolled", "opt_pain_specialist"),
        ("refractory_one_or_two", "opt_ablation"),
    ],
)
def test_each_flag_brings_exactly_its_option(flag: str, option: str) -> None:
    without = shown(count="one")
    with_flag = shown(count="one", flags=[flag])
    assert option not in without
    assert with_flag - without == {option}


def test_many_metastases_with_every_flag_in_a_broken_spine() -> None:
    options = shown(
        count="many",
        site="spine",
        bone="broken",
        flags=["hormone_sensitive", "targetable_change", "pain_uncontrolled"],
    )
    assert options == {
        "opt_bone_building",
        "opt_radiation",
        "opt_chemotherapy",
        "opt_hormone_therapy",
        "opt_targeted_therapy",
        "opt_pain_medicines",
        "opt_pain_specialist",
        "opt_sbrt",
        "opt_bone_cement",
        "opt_fracture_repair",
        "opt_physical_therapy",
    }


def test_kinds_and_aims_follow_the_seed() -> None:
    options = {o.id: o for o in all_options()}
    assert options["opt_radiation"].kind == "local"
    assert set(options["opt_radiation"].aims) == {"pain", "growth_control"}  # not bone strength
    assert options["opt_bone_building"].kind == "systemic"
    assert "bone_strength" in options["opt_bone_building"].aims
    assert options["opt_fixation"].aims == ("stability",)
    assert {o.kind for o in options.values()} == {"local", "systemic", "supportive"}


def test_side_effects_named_in_the_seed_are_listed() -> None:
    options = {o.id: o for o in all_options()}
    bone_building = " ".join(options["opt_bone_building"].side_effects)
    for words in ("kidney", "bone pain", "osteonecrosis of the jaw"):
        assert words in bone_building
    assert "low blood cell counts" in " ".join(options["opt_radiopharmaceutical"].side_effects)
    ablation = " ".join(options["opt_ablation"].side_effects)
    assert "nerves" in ablation and "fracture" in ablation


def test_every_option_has_a_source_a_reason_and_nursing() -> None:
    for option in all_options():
        assert option.sources and option.reason and option.nursing


def test_order_is_teaching_order_and_rows_have_six_columns() -> None:
    options = options_for(Patient(count="a_few"))
    assert [o.order for o in options] == sorted(o.order for o in options)
    rows = option_rows(options)
    assert rows[0][:3] == (
        "Bone-modifying agents (bone-building medicines)",
        "Systemic",
        "Bone strength, Pain relief",
    )
    assert all(len(row) == 6 for row in rows)


def test_empty_criteria_match_everyone_and_flags_must_all_hold() -> None:
    for count in COUNTS:
        assert applies(Criteria(), Patient(count=count))
    both = Criteria(flags=("hormone_sensitive", "targetable_change"))
    assert not applies(both, Patient(flags=frozenset({"hormone_sensitive"})))
    assert applies(both, Patient(flags=frozenset({"hormone_sensitive", "targetable_change"})))


def test_a_patient_with_an_unknown_value_is_refused() -> None:
    with pytest.raises(ValueError, match="count"):
        Patient(count="several")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="flags"):
        Patient(flags=frozenset({"smoker"}))  # type: ignore[arg-type]
