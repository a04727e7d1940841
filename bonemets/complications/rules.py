"""Which complications the noticed cues point to, most urgent first. No drawing."""

from __future__ import annotations

from collections.abc import Iterable

from bonemets.imaging.data import complications
from bonemets.imaging.records import Complication

#: Urgency levels from least to most urgent.
URGENCY_LEVELS = ("assess and report", "report promptly", "emergency: escalate at once")


def most_urgent_first(found: Iterable[Complication]) -> list[Complication]:
    return sorted(found, key=lambda c: URGENCY_LEVELS.index(c.urgency), reverse=True)


def complications_for(cue_ids: Iterable[str]) -> list[tuple[Complication, list[str]]]:
    """Complications that the noticed cues point to, most urgent first, with the cue texts."""
    wanted = set(cue_ids)
    matched = {
        complication.id: [c.text for c in complication.cues if c.id in wanted]
        for complication in complications().values()
    }
    pointed = [c for c in complications().values() if matched[c.id]]
    return [(c, matched[c.id]) for c in most_urgent_first(pointed)]


def all_cues() -> list[tuple[str, str]]:
    """(cue text, cue id) for every cue, in file order."""
    return [
        (cue.text, cue.id) for complication in complications().values() for cue in complication.cues
    ]
