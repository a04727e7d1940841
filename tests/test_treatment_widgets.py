"""The widgets as a learner uses them: change a control, and the output changes to match."""

from __future__ import annotations

import re

from bonemets.treatment import mirels
from bonemets.treatment import widgets as w
from bonemets.treatment.explorer import Patient
from bonemets.treatment.views import patient_text


def alt_texts(html: str) -> list[str]:
    return re.findall(r'<img [^>]*alt="([^"]+)"', html)


def test_explorer_redraws_when_the_count_changes() -> None:
    explorer = w.treatment_explorer(count="one")
    assert "Chemotherapy" not in explorer.output.value
    explorer.controls["count"].value = "many"
    html = explorer.output.value
    assert "Chemotherapy" in html and "Radiation therapy" in html  # radiation at any count
    assert "radium-223" not in html  # only for castration-resistant prostate cancer
    assert '<th scope="row">Radiation therapy' in html  # ASTRO 2024: any number of sites
    assert explorer.values() == {"count": "many", "site": "other", "bone": "stable", "flags": ()}
    (alt,) = alt_texts(html)
    assert alt.startswith("Chart of the aims of the 5 options shown")


def test_explorer_flag_tick_adds_an_option_with_its_source() -> None:
    explorer = w.treatment_explorer()
    explorer.controls["flags"].boxes["refractory_one_or_two"].value = True
    html = explorer.output.value
    assert "Ablation (radiofrequency or cryoablation)" in html
    text = re.sub(r"<[^>]+>", "", html)  # what the reader sees: sources beside each option
    assert "Source: Mayo Clinic 2025" in text
    assert "<caption>" in html  # the table equivalent sits beside the figure


def test_every_explorer_control_is_labelled() -> None:
    explorer = w.treatment_explorer()
    controls = explorer.controls
    boxes = controls["flags"].boxes.values()
    for control in (controls["count"], controls["site"], controls["bone"], *boxes):
        assert control.description.strip()


def test_mirels_calculator_updates_total_band_and_table() -> None:
    calc = w.mirels_calculator()  # first level of each factor: 1 + 1 + 1 + 1
    assert mirels.score(calc.values(), mirels.table()).total == 4
    assert "Total 4 (band: 7 or less). Fracture risk under 4%." in calc.output.value
    calc.controls["site"].value = "peritrochanteric"
    calc.controls["pain"].value = "functional"
    calc.controls["lesion"].value = "lytic"
    html = calc.output.value
    assert mirels.score(calc.values(), mirels.table()).total == 10  # 3 + 3 + 3 + 1
    assert "Prophylactic fixation recommended" in html
    assert "◀ this total" in html and "Mirels 1989" in html and "Damron 2003" in html
    assert "adding up to 10" in alt_texts(html)[0]


def test_schedule_widget_switches_situation_and_compares_ticked_schedules() -> None:
    comparison = w.radiation_schedules()
    assert "24 Gy in 6" in comparison.output.value
    comparison.controls["situation"].value = "cord_compression"
    ticks = comparison.controls["schedules"]
    assert list(ticks.boxes) == ["mscc_8x1", "mscc_16x2", "mscc_20x5", "mscc_30x10"]
    assert "16 Gy in 2" in comparison.output.value and "24 Gy in 6" not in comparison.output.value
    for schedule_id in ("mscc_16x2", "mscc_20x5"):
        ticks.boxes[schedule_id].value = False
    assert ticks.value == ("mscc_8x1", "mscc_30x10")
    assert "comparing 2 schedules." in comparison.output.value
    assert "illustration" in comparison.output.value.lower()
    ticks.value = ()
    assert "Tick at least one schedule" in comparison.output.value


def test_ablation_widget_steps_through_the_cycle() -> None:
    cycles = w.ablation_cycles()
    assert "Step 1 of 3: Heat" in cycles.output.value
    cycles.controls["step"].value = 2
    assert "Step 2 of 3: Cool" in cycles.output.value
    cycles.controls["method"].value = "cryoablation"
    assert "Step 2 of 3: Thaw" in cycles.output.value
    assert "no times or temperatures" in alt_texts(cycles.output.value)[0]


def test_medication_checklist_names_the_remaining_gap() -> None:
    checklist = w.medication_checklist()
    which, done = checklist.controls["which"], checklist.controls["done"]
    assert which.value == "zoledronic_acid"
    done.value = tuple(i for i in done.boxes if i != "zol_creatinine")
    html = checklist.output.value
    assert "10 of 11 steps done. 1 gap before going ahead." in html
    assert "Serum creatinine" in html and "Zoledronic acid label" in html
    which.value = "radium_223"
    assert "0 of 11 steps done" in checklist.output.value
    done.value = tuple(done.boxes)
    assert "No gaps" in checklist.output.value


def test_appointment_checklist_hides_the_single_choice_menu() -> None:
    checklist = w.appointment_checklist()
    assert checklist.controls["which"].layout.display == "none"
    assert len(checklist.controls["done"].boxes) == 12


def test_fact_tables_and_cards_show_sources() -> None:
    html = w.fact_table("mscc_signs", "mscc_actions")._repr_html_()
    assert html.count("<table") == 2 and "CMDT oncologic emergencies" in html
    card = w.option_card("opt_fixation", "opt_bone_cement")._repr_html_()
    assert "plates, screws and rods" in card and card.count("Source") == 2


def test_patient_text_in_words() -> None:
    text = patient_text(Patient("a_few", "spine", "broken", frozenset({"pain_uncontrolled"})))
    assert text == (
        "a few areas of bone metastasis; main site spine; bone already broken; "
        "pain not controlled by current medicines."
    )


def test_cached_views_still_describe_the_current_patient() -> None:
    explorer = w.treatment_explorer(site="other")
    before = explorer.output.value
    # Same options, so the chart is reused from the cache.
    explorer.controls["site"].value = "long_bone"
    after = explorer.output.value
    assert "main site long bone" in after and "main site long bone" not in before
    assert alt_texts(before) == alt_texts(after)
    explorer.controls["site"].value = "other"
    assert explorer.output.value == before


def test_schedule_boxes_follow_the_situation_before_the_output_redraws() -> None:
    comparison = w.radiation_schedules()
    shown: list[str] = []
    comparison.output.observe(lambda change: shown.append(change["new"]), "value")
    comparison.controls["situation"].value = "cord_compression"
    assert shown and all("Tick at least one schedule" not in html for html in shown)


def test_ablation_slider_stops_at_the_method_s_last_step() -> None:
    cycles = w.ablation_cycles()
    slider = cycles.controls["step"]
    assert slider.max == 3
    slider.value = 3
    cycles.controls["method"].value = "cryoablation"
    assert slider.max == 3 and "Step 3 of 3" in cycles.output.value
