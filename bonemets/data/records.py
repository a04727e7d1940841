"""Record types shared by every module: sources, glossary terms and learning objectives.

Domain modules (imaging, treatments, items) define their own record dataclasses the same
way: frozen, with an ``id`` and, for anything factual, a non-empty ``sources`` tuple of
bibliography ids, which the loader checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bonemets.data.errors import InvalidField

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: When a source was published: a year, a year and month, or a full ISO date.
_PUBLISHED = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: How an undated source (``published: null``) is shown to readers.
UNDATED = "undated"


@dataclass(frozen=True)
class Source:
    """One bibliography entry. Cite it by ``id`` from any factual record."""

    id: str
    short: str  # how the lessons name it beside a fact, e.g. "Yang 2011"
    citation: str
    accessed: str  # ISO date on which the course team read it
    # Year ("2018"), "2018-05" or ISO date of the version read. Required: write
    # ``published: null`` when the source carries no date (a web page, a label without a
    # revision date); ``bonemets sources --stale`` always lists such sources.
    published: str | None
    url: str | None = None
    doi: str | None = None
    identifier: str | None = None  # e.g. a publisher's reference code, when no URL or DOI
    strength: str | None = None  # e.g. "weak: a single clinic page"; shown to readers

    def __post_init__(self) -> None:
        if not (self.url or self.doi or self.identifier):
            raise InvalidField("url", "give a url, a doi or an identifier")
        if not _DATE.match(self.accessed):
            raise InvalidField("accessed", "expected a date as YYYY-MM-DD")
        if self.published is not None and not _PUBLISHED.match(self.published):
            raise InvalidField(
                "published", "expected a year (YYYY), YYYY-MM or YYYY-MM-DD, or null if undated"
            )

    @property
    def published_year(self) -> int | None:
        """The year of publication, or None for an undated source."""
        return None if self.published is None else int(self.published[:4])

    @property
    def published_text(self) -> str:
        """The publication date as readers see it ("undated" when there is none)."""
        return self.published or UNDATED

    @property
    def link(self) -> str | None:
        """Where a reader can find it: the URL, else the DOI resolver address."""
        if self.url:
            return self.url
        if self.doi:
            return f"https://doi.org/{self.doi}"
        return None


@dataclass(frozen=True)
class GlossaryTerm:
    """A term a nursing student meets in the course, defined in plain words."""

    id: str
    term: str
    definition: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Objective:
    """One learning objective; items and self-checks point at it by ``id``."""

    id: str
    text: str


@dataclass(frozen=True)
class ModuleObjectives:
    """A module of the learning path: its notebook, what it covers and its objectives."""

    id: str
    number: int
    title: str
    kind: Literal["lesson", "assignment"]
    notebook: str  # path relative to the repository root
    summary: str
    objectives: tuple[Objective, ...] = ()
    minutes: int | None = None  # a lesson's study time estimate, shown with its objectives

    def __post_init__(self) -> None:
        if self.kind == "lesson" and (self.minutes is None or self.minutes <= 0):
            raise InvalidField("minutes", "give every lesson a study time estimate in minutes")


@dataclass(frozen=True)
class SeedSection:
    """A section of the course's primary source (the Mayo Clinic page) that must be taught.

    Coverage tables map every section to the lessons, self-checks and graded items that
    teach it; tests fail when one is left uncovered.
    """

    id: str
    order: int
    part: Literal["diagnosis", "treatment", "coping", "appointment"]
    title: str
    sources: tuple[str, ...]
