"""Radiation schedules: dose per visit, number of trips, and an illustrative visit calendar.

The guideline gives each schedule as a total dose in a number of treatments (fractions).
How those treatments fall on the calendar varies between centres; the calendar here is
the course's own illustration (one visit each weekday, starting on a Monday), not a
source fact, and the lesson says so wherever it is drawn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from bonemets.citations import SourcedText
from bonemets.data import load_collection
from bonemets.data.errors import InvalidField

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri")

ILLUSTRATION = (
    "Calendar for illustration only: the course assumes one treatment visit each weekday, "
    "starting on a Monday, with no weekend visits. Real timetables vary by centre."
)


@dataclass(frozen=True)
class Schedule:
    id: str
    total_gy: float
    fractions: int

    def __post_init__(self) -> None:
        if self.fractions < 1:
            raise InvalidField("fractions", "must be 1 or more")
        if self.total_gy <= 0:
            raise InvalidField("total_gy", "must be more than 0")

    @property
    def dose_per_fraction(self) -> float:
        return self.total_gy / self.fractions

    @property
    def label(self) -> str:
        """As guidelines write it: ``8 Gy × 1`` or ``20 Gy in 5``."""
        if self.fractions == 1:
            return f"{gy(self.total_gy)} Gy × 1"
        return f"{gy(self.total_gy)} Gy in {self.fractions}"


@dataclass(frozen=True)
class ScheduleSet:
    """The schedules a guideline gives for one situation, and what it says about them."""

    id: str
    title: str
    schedules: tuple[Schedule, ...]
    statements: tuple[SourcedText, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Visit:
    number: int  # 1-based treatment number
    week: int  # 1-based week of the illustration
    weekday: int  # 0 = Monday ... 4 = Friday


def gy(value: float) -> str:
    """A dose without a needless decimal: 8 -> "8", 2.5 -> "2.5"."""
    return f"{value:g}"


def schedule_sets() -> list[ScheduleSet]:
    return list(load_collection(ScheduleSet).values())


def schedule_set(set_id: str) -> ScheduleSet:
    return load_collection(ScheduleSet)[set_id]


def style_index(schedule: Schedule) -> int:
    """A fixed style per number of visits, the same in every situation and selection,
    so "30 Gy in 10" keeps its colour and pattern whatever else is shown."""
    counts = sorted({s.fractions for group in schedule_sets() for s in group.schedules})
    return counts.index(schedule.fractions)


def visits(schedule: Schedule) -> list[Visit]:
    """The illustrative calendar: treatment n falls on weekday (n-1) mod 5 of week ⌈n/5⌉."""
    return [
        Visit(number=n, week=(n - 1) // len(WEEKDAYS) + 1, weekday=(n - 1) % len(WEEKDAYS))
        for n in range(1, schedule.fractions + 1)
    ]


def weeks(schedule: Schedule) -> int:
    """Calendar weeks the illustration spans."""
    return math.ceil(schedule.fractions / len(WEEKDAYS))


def comparison_rows(schedules: tuple[Schedule, ...] | list[Schedule]) -> list[tuple[str, ...]]:
    """Schedule, dose per visit, trips, total dose, and weeks in the illustration."""
    return [
        (
            s.label,
            f"{gy(s.dose_per_fraction)} Gy",
            str(s.fractions),
            f"{gy(s.total_gy)} Gy",
            str(weeks(s)),
        )
        for s in schedules
    ]
