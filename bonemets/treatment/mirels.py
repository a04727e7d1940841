"""Mirels' score: four factors of 1-3 points, a total of 4-12, and the published bands."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bonemets.citations import SourcedText
from bonemets.data import load_collection
from bonemets.data.errors import InvalidField


@dataclass(frozen=True)
class Level:
    id: str
    label: str
    points: int


@dataclass(frozen=True)
class Factor:
    id: str
    label: str
    levels: tuple[Level, ...]

    def level(self, level_id: str) -> Level:
        for level in self.levels:
            if level.id == level_id:
                return level
        raise KeyError(f"{self.id}: no level {level_id!r}")


@dataclass(frozen=True)
class Band:
    id: str
    low: int
    high: int
    label: str
    fracture_risk: str
    suggestion: str


@dataclass(frozen=True)
class MirelsTable:
    """The whole published table: factors with their points, and the score bands."""

    id: str
    name: str
    factors: tuple[Factor, ...]
    bands: tuple[Band, ...]
    accuracy: SourcedText
    sources: tuple[str, ...]

    def __post_init__(self) -> None:
        lowest = sum(min(lv.points for lv in f.levels) for f in self.factors)
        highest = sum(max(lv.points for lv in f.levels) for f in self.factors)
        expected = lowest
        for band in self.bands:
            if band.low != expected or band.high < band.low:
                raise InvalidField("bands", f"band {band.id!r} should start at {expected}")
            expected = band.high + 1
        if expected != highest + 1:
            raise InvalidField("bands", f"the bands must end at the highest total, {highest}")


@dataclass(frozen=True)
class MirelsResult:
    points: Mapping[str, int]  # factor id -> points
    total: int
    band: Band


def table() -> MirelsTable:
    return load_collection(MirelsTable)["mirels"]


def band_for(total: int, mirels: MirelsTable | None = None) -> Band:
    mirels = mirels or table()
    for band in mirels.bands:
        if band.low <= total <= band.high:
            return band
    raise ValueError(f"a Mirels total must be between 4 and 12, got {total}")


def score(choices: Mapping[str, str], mirels: MirelsTable | None = None) -> MirelsResult:
    """Score one lesion: ``choices`` maps each factor id to a level id."""
    mirels = mirels or table()
    missing = [f.id for f in mirels.factors if f.id not in choices]
    if missing:
        raise KeyError(f"choose a level for: {', '.join(missing)}")
    points = {f.id: f.level(choices[f.id]).points for f in mirels.factors}
    total = sum(points.values())
    return MirelsResult(points, total, band_for(total, mirels))


def table_rows(mirels: MirelsTable | None = None) -> list[tuple[str, str, str, str]]:
    """The published points table: factor, then the level scoring 1, 2 and 3."""
    mirels = mirels or table()
    rows = []
    for factor in mirels.factors:
        by_points = {level.points: level.label for level in factor.levels}
        rows.append((factor.label, by_points[1], by_points[2], by_points[3]))
    return rows


def band_rows(mirels: MirelsTable | None = None) -> list[tuple[str, str, str]]:
    mirels = mirels or table()
    return [(b.label, b.fracture_risk, b.suggestion) for b in mirels.bands]
