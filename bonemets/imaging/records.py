"""Record types for ``course_data/imaging/``: every statement carries its own sources."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bonemets.citations import SourcedText
from bonemets.data.errors import InvalidField

Coverage = Literal["whole body", "one region"]
Fit = Literal["first choice", "useful", "limited", "not the test for this"]
Level = Literal["per patient", "per lesion", "not stated"]


@dataclass(frozen=True)
class Modality:
    """An imaging test: what it shows best, how much it covers, preparation and teaching."""

    id: str
    name: str
    short: str  # label for charts and tables, e.g. "Bone scan"
    coverage: Coverage
    coverage_note: SourcedText
    shows_best: tuple[SourcedText, ...]
    preparation: tuple[SourcedText, ...]  # checks and preparation the nurse does
    teaching: tuple[SourcedText, ...]  # what to tell the patient
    population: str | None = None  # set when evidence covers one cancer only

    def __post_init__(self) -> None:
        if not self.shows_best:
            raise InvalidField("shows_best", "give at least one statement")
        if not self.teaching:
            raise InvalidField("teaching", "give at least one statement")


@dataclass(frozen=True)
class DoseEntry:
    """Typical adult effective dose of one exam, in mSv; a range when ``high_msv`` is set.

    ``ionizing: false`` (MRI) means there is no dose to plot: charts say so in words
    instead of drawing a zero that a log axis cannot show.
    """

    id: str
    modality: str  # a Modality id
    exam: str
    ionizing: bool
    sources: tuple[str, ...]
    low_msv: float | None = None
    high_msv: float | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        if self.ionizing:
            if self.low_msv is None or self.low_msv <= 0:
                raise InvalidField("low_msv", "an ionizing exam needs a dose above 0 mSv")
            if self.high_msv is not None and self.high_msv < self.low_msv:
                raise InvalidField("high_msv", "must not be below low_msv")
        elif self.low_msv is not None or self.high_msv is not None:
            raise InvalidField("low_msv", "a non-ionizing exam has no dose; leave it out")


@dataclass(frozen=True)
class Accuracy:
    """Published sensitivity and specificity (fractions 0–1) of one test in one study."""

    id: str
    modality: str  # a Modality id
    study: str  # groups figures shown together, e.g. "yang2011_patient"
    study_label: str  # what the reader sees, naming the population
    level: Level
    sensitivity: float
    specificity: float
    sources: tuple[str, ...]
    note: str | None = None  # e.g. confidence intervals

    def __post_init__(self) -> None:
        for name in ("sensitivity", "specificity"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise InvalidField(name, f"give a fraction between 0 and 1, got {value}")


@dataclass(frozen=True)
class Suggestion:
    """How well one test answers a clinical question, and why."""

    modality: str
    fit: Fit
    reason: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ClinicalQuestion:
    """A question a scan is ordered to answer, with a verdict for the tests the sources name."""

    id: str
    label: str
    suggestions: tuple[Suggestion, ...]
    nurse_note: SourcedText | None = None  # what the question means for nursing care

    def __post_init__(self) -> None:
        named = [s.modality for s in self.suggestions]
        if len(set(named)) != len(named):
            raise InvalidField("suggestions", "name each test once")
        if not any(s.fit == "first choice" for s in self.suggestions):
            raise InvalidField("suggestions", "mark one test as first choice")


@dataclass(frozen=True)
class Caution:
    """What a patient factor means before one test, and what the nurse does."""

    modality: str
    action: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PatientFactor:
    """Something the nurse finds on assessment that changes how a test is done."""

    id: str
    label: str  # checkbox text, e.g. "Pacemaker or other implanted device"
    cautions: tuple[Caution, ...]

    def __post_init__(self) -> None:
        if not self.cautions:
            raise InvalidField("cautions", "give at least one")


@dataclass(frozen=True)
class Cue:
    """A finding a nurse may notice, and the complication it can point to."""

    id: str
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Complication:
    """A problem bone metastasis causes, how it shows, and what the nurse does
    (lesson 1; its widgets are in ``bonemets.complications``)."""

    id: str
    name: str
    summary: SourcedText
    cues: tuple[Cue, ...]
    urgency: Literal["emergency: escalate at once", "report promptly", "assess and report"]
    nurse_actions: tuple[SourcedText, ...]
    imaging: SourcedText | None = None
