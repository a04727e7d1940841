"""Checklists: gaps are named until every step is done; medication specifics as sourced."""

from __future__ import annotations

import pytest

from bonemets.treatment.checklist import checklist, checklists, status


def test_nothing_ticked_means_every_item_is_a_gap() -> None:
    radium = checklist("radium_223")
    state = status(radium, [])
    assert [g.id for g in state.gaps] == [i.id for i in radium.items]
    assert state.summary == "0 of 7 steps done. 7 gaps before going ahead."


def test_one_missing_check_is_named() -> None:
    zol = checklist("zoledronic_acid")
    done = [i.id for i in zol.items if i.id != "zol_creatinine"]
    state = status(zol, done)
    assert [g.id for g in state.gaps] == ["zol_creatinine"]
    assert state.summary == "6 of 7 steps done. 1 gap before going ahead."
    assert not state.complete


def test_all_ticked_is_complete() -> None:
    pain = checklist("pain_medicines")
    state = status(pain, [i.id for i in pain.items])
    assert state.complete and state.summary == "All 6 steps done for Pain medicines."


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
    assert "4 mg" in items["zol_infusion"].text and "15 minutes" in items["zol_infusion"].text
    assert "500 mg" in items["zol_calcium"].text and "400 IU" in items["zol_calcium"].text
    assert "under 30" in items["den_kidney"].text
    assert items["ra_first_anc"].sources[0] == "ons_radium223"
    assert items["den_stopping"].sources == ("denosumab_pi",)


def test_denosumab_has_no_dose_schedule_because_it_is_unconfirmed() -> None:
    text = " ".join(i.text for i in checklist("denosumab").items)
    assert "120 mg" not in text and "every 4 weeks" not in text


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
