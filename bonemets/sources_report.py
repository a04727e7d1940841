"""Keep the evidence current: ``bonemets sources [--stale] [--years N]``.

Every source records when it was ``published`` and when the course team read it
(``accessed``). This module lists the bibliography with both dates and, with ``--stale``,
the *practice or dosing statements* that rest on a source older than ``N`` years (default
5) or on an undated one, so an author knows what to re-check against a newer guideline or
label.

**Which statements count as practice or dosing statements.** Those that tell a nurse what
to check, give, do, teach or escalate, that is the records (or fields of records) listed in
:data:`PRACTICE_STATEMENTS`: imaging preparation and patient-factor cautions, first nursing
actions for complications, medication and appointment checklists, the treatment options,
radiation schedules, the fact tables and the Mirels bands. Descriptive facts (accuracy
figures, radiation doses, glossary definitions, what a scan shows best) are not listed:
an old source there dates a number, not a practice. Graded items and self-checks are
not listed either; they restate what these records teach.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bonemets.data import Source, cited_sources, load_course
from bonemets.data.catalog import BIBLIOGRAPHY
from bonemets.errors import UserError

#: Data file -> the fields of each record that hold practice statements (None: the whole
#: record). Adding a practice file here is the one step needed to have it checked.
PRACTICE_STATEMENTS: Mapping[str, tuple[str, ...] | None] = {
    "imaging/modalities.yaml": ("preparation",),
    "imaging/factors.yaml": None,
    "imaging/complications.yaml": ("nurse_actions",),
    "treatment/medication_checklists.yaml": None,
    "treatment/options.yaml": None,
    "treatment/radiation_schedules.yaml": None,
    "treatment/fact_tables.yaml": None,
    "treatment/mirels.yaml": None,
}

#: Practice guidelines are commonly reviewed every few years; older ones are re-checked.
DEFAULT_YEARS = 5


@dataclass(frozen=True)
class StaleSource:
    """A source that practice statements rest on, and why it is listed."""

    source: Source
    age_years: int | None  # whole calendar years since publication; None when undated
    cited_by: tuple[str, ...]  # "file: record" (and field), in data order

    @property
    def reason(self) -> str:
        if self.age_years is None:
            return "undated"
        return f"published {self.source.published_text}, {self.age_years} years ago"


def practice_citations(folder: Path | None = None) -> dict[str, list[str]]:
    """Source id -> where practice statements cite it (``"file: record.field"``)."""
    course = load_course(folder)
    cited: dict[str, list[str]] = {}
    for file, fields in PRACTICE_STATEMENTS.items():
        for record_id, record in course[file].items():
            parts: list[tuple[str, Any]] = (
                [("", record)]
                if fields is None
                else [(f".{name}", getattr(record, name)) for name in fields]
            )
            for suffix, value in parts:
                for source_id in sorted(cited_sources(value)):
                    cited.setdefault(source_id, []).append(f"{file}: {record_id}{suffix}")
    return cited


def stale_sources(
    years: int = DEFAULT_YEARS, today: date | None = None, folder: Path | None = None
) -> list[StaleSource]:
    """Sources of practice statements published more than ``years`` years before ``today``
    (by calendar year), or undated; oldest first, undated last."""
    if years < 0:
        raise ValueError("years: give 0 or more")
    this_year = (today or date.today()).year
    bibliography: Mapping[str, Source] = load_course(folder)[BIBLIOGRAPHY]
    found = []
    for source_id, where in practice_citations(folder).items():
        source = bibliography[source_id]
        year = source.published_year
        age = None if year is None else this_year - year
        if age is None or age > years:
            found.append(StaleSource(source, age, tuple(where)))
    return sorted(found, key=lambda s: (s.age_years is None, -(s.age_years or 0), s.source.id))


def stale_report(stale: list[StaleSource], years: int) -> list[str]:
    """Plain lines for the terminal: each source, why it is listed, and what cites it."""
    if not stale:
        return [f"No practice statement rests on a source older than {years} years or undated."]
    lines = [
        f"{len(stale)} sources behind practice or dosing statements are older than "
        f"{years} years or undated; re-check them against current guidance:"
    ]
    for item in stale:
        lines.append(f"- {item.source.id} ({item.source.short}): {item.reason}")
        lines.extend(f"    {where}" for where in item.cited_by)
    return lines


def bibliography_report(folder: Path | None = None) -> list[str]:
    """Every source with its publication and reading dates."""
    bibliography: Mapping[str, Source] = load_course(folder)[BIBLIOGRAPHY]
    return [
        f"{s.id}: published {s.published_text}, read {s.accessed} ({s.short})"
        for s in bibliography.values()
    ]


def sources(args: argparse.Namespace) -> int:
    years = DEFAULT_YEARS if args.years is None else args.years
    if years < 0:
        raise UserError(f"--years must be 0 or more, got {years}")
    lines = stale_report(stale_sources(years), years) if args.stale else bibliography_report()
    print("\n".join(lines))
    return 0
