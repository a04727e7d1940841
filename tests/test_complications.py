"""Lesson 1's complications: cues point to complications, most urgent first, with actions."""

from __future__ import annotations

import re

from bonemets.complications import rules
from bonemets.complications import widgets as w

ALT = re.compile(r'<img src="data:image/(?:svg\+xml|png);base64,[^"]+" alt="([^"]+)"')


def test_complications_most_urgent_first() -> None:
    found = rules.complications_for(["limb_pain_weight", "confusion", "leg_weakness"])
    assert [c.id for c, _ in found] == ["cord_compression", "hypercalcemia", "fracture"]
    assert found[0][0].urgency == "emergency: escalate at once"
    assert found[0][1] == ["Legs getting weaker, or new numbness or tingling"]
    assert rules.complications_for([]) == []


def test_complication_checker_puts_the_emergency_first() -> None:
    checker = w.ComplicationChecker()
    boxes = checker.controls["cues"].boxes
    boxes["confusion"].value = True
    boxes["bladder_bowel"].value = True
    html = checker.output.value
    assert html.index("Spinal cord compression") < html.index("High blood calcium")
    assert "⚠ Spinal cord compression: emergency: escalate at once" in html
    boxes["confusion"].value = boxes["bladder_bowel"].value = False
    assert "Tick what you notice" in checker.output.value


def test_every_cue_is_a_labelled_checkbox() -> None:
    boxes = w.ComplicationChecker().controls["cues"].boxes
    assert list(boxes) == [cue_id for _, cue_id in rules.all_cues()]
    assert all(box.description.strip() for box in boxes.values())


def test_urgency_overview_puts_cord_compression_first_in_chart_and_table() -> None:
    html = w.UrgencyOverview()._repr_html_()
    (alt,) = ALT.findall(html)
    assert alt.index("Spinal cord compression, emergency") < alt.index("Bone pain, assess")
    assert html.count('<th scope="row">') == 4
    assert "Expect dexamethasone" not in html  # only the first action per complication
    assert "Escalate at once to the medical team" in html
