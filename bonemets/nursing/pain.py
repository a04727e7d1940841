"""Which pain scale fits a patient, and what a score on it prompts, from course data."""

from __future__ import annotations

from dataclasses import dataclass

from bonemets.data import InvalidField, load_collection

#: How the patient can communicate pain; each pain scale ``fits`` exactly one of these.
COMMUNICATION = ("numbers", "faces", "cannot_report")


@dataclass(frozen=True)
class ScoreBand:
    """A range of scores and what the nurse does for a score in it."""

    low: int
    high: int
    label: str
    action: str


@dataclass(frozen=True)
class PainScale:
    id: str
    name: str
    lay_name: str
    fits: str  # one of COMMUNICATION
    situation: str  # the patient description the chooser shows for ``fits``
    how: str
    scores: tuple[int, ...]  # the scores a reader can record on this scale
    bands: tuple[ScoreBand, ...]
    sources: tuple[str, ...]
    bands_note: str | None = None  # a caveat the sources attach to the bands

    def __post_init__(self) -> None:
        if self.fits not in COMMUNICATION:
            raise InvalidField("fits", f"expected one of {', '.join(COMMUNICATION)}")
        if not self.scores:
            raise InvalidField("scores", "give the scores the scale records")
        for score in self.scores:
            holding = sum(band.low <= score <= band.high for band in self.bands)
            if holding != 1:
                raise InvalidField(
                    "bands", f"score {score} is in {holding} bands; it must be in one"
                )

    def band(self, score: int) -> ScoreBand:
        """The band holding ``score``; ``ValueError`` if the scale has no such score."""
        if score not in self.scores:
            shown = ", ".join(str(s) for s in self.scores)
            raise ValueError(f"{self.name} records only these scores: {shown}")
        return next(band for band in self.bands if band.low <= score <= band.high)


def scales() -> list[PainScale]:
    return list(load_collection(PainScale).values())


def scale_for(communication: str) -> PainScale:
    """The scale that fits how the patient communicates (one per kind, checked by tests)."""
    for scale in scales():
        if scale.fits == communication:
            return scale
    raise ValueError(f"no pain scale fits {communication!r}")
