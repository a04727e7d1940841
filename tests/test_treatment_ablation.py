"""Ablation cycles: the order of steps from the seed, and no invented numbers."""

from __future__ import annotations

import re

import pytest

from bonemets.treatment.ablation import method, methods, sequence_text, step_view


def test_the_two_cycles_in_order() -> None:
    assert sequence_text(method("radiofrequency")) == "Heat → Cool → Heat again"
    assert sequence_text(method("cryoablation")) == "Freeze → Thaw → Freeze again"
    assert [p.kind for p in method("cryoablation").phases] == ["active", "rest", "active"]


def test_step_views() -> None:
    view = step_view("radiofrequency", 2)
    assert view.heading == "Step 2 of 3: Cool"
    assert step_view("cryoablation", 3).phase.id == "freeze_again"
    with pytest.raises(ValueError, match="1 to 3"):
        step_view("cryoablation", 4)


def test_no_temperature_or_time_appears_anywhere() -> None:
    for chosen in methods():
        texts = [chosen.name, chosen.device]
        texts += [f"{p.label} {p.description}" for p in chosen.phases]
        texts += [s.text for s in chosen.side_effects + chosen.nursing]
        for text in texts:
            assert not re.search(r"\d|°|minute|second|hour|celsius", text, re.IGNORECASE), text


def test_side_effects_from_the_seed() -> None:
    for chosen in methods():
        texts = " ".join(s.text for s in chosen.side_effects)
        assert "nerves" in texts and "breaking" in texts
        assert all(s.sources == ("mayo2025",) for s in chosen.side_effects)
