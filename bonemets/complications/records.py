"""Record types for ``course_data/imaging/complications.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bonemets.citations import SourcedText

Urgency = Literal["emergency: escalate at once", "report promptly", "assess and report"]


@dataclass(frozen=True)
class Cue:
    """A finding a nurse may notice, and the complication it can point to."""

    id: str
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Complication:
    """A problem bone metastasis causes, how it shows, and what the nurse does."""

    id: str
    name: str
    summary: SourcedText
    cues: tuple[Cue, ...]
    urgency: Urgency
    nurse_actions: tuple[SourcedText, ...]
    imaging: SourcedText | None = None
