"""Checklists: gaps are named until every step is done; medication specifics as sourced."""

from __future__ import annotations

import pytest

from bonemets.treatment.checklist import checklist, checklists, status


def test_nothing_ticked_means_every_item_is_a_gap() -> None:
    radium = checklist("radium_223")
    state = status(radium, [])
    assert [g.id for g in state.gaps] == [i.id for i in radium.items]
    assert state.summary == "0 of 11 steps done. 11 gaps before going ahead."


def test_one_missing_check_is_named() -> None:
    zol = checklist("zoledronic_acid")
    done = [i.id for i in zol.items if i.id != "zol_creatinine"]
    state = status(zol, done)
    assert [g.id for g in state.gaps] == ["zol_creatinine"]
    assert state.summary == "10 of 11 steps done. 1 gap before going ahead."
    assert not state.complete


def test_all_ticked_is_complete() -> None:
    pain = checklist("pain_medicines")
    state = status(pain, [i.id for i in pain.items])
    assert state.complete and state.summary == "All 7 steps done for Pain medicines."


def test_unknown_item_is_refused() -> None:
    with pytest.raises(ValueError, match="no such item"):
        status(checklist("denosumab"), ["zol_creatinine"])


def test_medication_specifics_match_the_research_notes() -> None:
    items = {i.id: i for c in checklists().values() for i in c.items}
    assert "at least 1.5 × 10⁹/L" in items["ra_first_anc"].text
    assert "at least 100 × 10⁹/L" in items["ra_first_platelets"].text
    assert "at least 10 g/dL" in items["ra_first_hb"].text
    assert "at least 1 × 10⁹/L" in items["ra_later_anc"].text
    assert "at least 50 × 10⁹/L" in items["ra_later_platelets"].text
    assert "55 kBq per kg" in items["ra_regimen"].text and "6 doses" in items["ra_regimen"].text
    assert "15 minutes" in items["zol_infusion"].text and "12 weeks" in items["zol_infusion"].text
    assert "500 mg" in items["zol_calcium"].text and "400 IU" in items["zol_calcium"].text
    assert "under 30" in items["den_kidney"].text
    assert items["ra_first_anc"].sources[0] == "ons_radium223"
    assert items["den_stopping"].sources == ("denosumab_pi",)


def test_zoledronic_acid_dose_follows_creatinine_clearance_and_hydration() -> None:
    items = {i.id: i for i in checklist("zoledronic_acid").items}
    dose = items["zol_crcl_dose"].text
    for figure in ("4 mg", "3.5", "3.3", "3.0 mg", "50-60", "40-49", "30-39"):
        assert figure in dose
    assert "below 30 mL/min" in items["zol_crcl_dose"].why  # not recommended below 30
    assert "hydrated" in items["zol_hydration"].text
    assert "flu-like" in items["zol_flu"].text
    assert items["zol_crcl_dose"].sources == ("zoledronic_pi",)


def test_denosumab_oncology_dose_calcium_teaching_and_eu_wording() -> None:
    items = {i.id: i for i in checklist("denosumab").items}
    dose = items["den_dose"].text
    assert "120 mg" in dose and "under the skin" in dose and "every 4 weeks" in dose
    assert "60 mg" in dose  # the osteoporosis dose named as the mix-up to avoid
    assert "not harmful to the kidneys" in items["den_kidney"].why  # its concern is calcium
    signs = items["den_low_calcium_signs"].text
    assert "tingling" in signs and "cramps" in signs
    # The >=500 mg / >=400 IU wording is the EU SmPC's, not the US label's
    assert items["den_supplements"].sources[0] == "xgeva_smpc"
    assert "EU label" in items["den_supplements"].why


def test_radium_223_indication_and_radiation_safety_teaching() -> None:
    items = {i.id: i for i in checklist("radium_223").items}
    assert "Castration-resistant prostate cancer" in items["ra_indication"].text
    assert "no known metastases in organs" in items["ra_indication"].text
    assert "week" in items["ra_fluids"].text and "toilet" in items["ra_fluids"].text
    assert "washed" in items["ra_laundry"].text
    assert "contraception" in items["ra_contraception"].text
    assert {items[i].sources for i in ("ra_indication", "ra_fluids")} == {("xofigo_label",)}


def test_pain_checklist_teaches_who_2018_severity_and_rescue_doses() -> None:
    items = {i.id: i for i in checklist("pain_medicines").items}
    assert "severe" in items["pain_ladder"].text
    assert "rescue" in items["pain_rescue"].text
    assert items["pain_rescue"].sources == ("who2018_cancer_pain",)


def test_groups_keep_file_order() -> None:
    assert checklist("zoledronic_acid").groups == [
        "Before the first dose",
        "Before every dose",
        "Teaching",
    ]
    assert checklist("appointment").groups == [
        "Before the visit",
        "Questions to ask",
        "Be ready to answer",
    ]


def test_item_texts_fit_on_one_checkbox_line() -> None:
    """ipywidgets shows a checkbox label on one line and cuts it off with an ellipsis, so
    long steps must be split (the browser check found cut-off labels)."""
    for chosen in checklists().values():
        for item in chosen.items:
            assert len(item.text) <= 100, f"{item.id}: {len(item.text)} characters"
