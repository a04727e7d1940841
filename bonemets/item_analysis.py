"""Classical item analysis for instructors judging their items: pure functions.

Input is a score matrix: one row per student, one column per item, each cell the points
earned, with each item's maximum. Partial credit is allowed, so difficulty is the mean
proportion of the item's points earned and reliability is Cronbach's alpha, which equals
KR-20 when every item is scored 0/1.

Bands follow the ParScore item-analysis guide (discrimination 0.40–1.00 excellent,
0.25–0.39 good, 0–0.24 needs review, below 0 unacceptable; KR-20 ≥0.90 high,
0.80–0.89 good, 0.60–0.79 low to moderate). A point-biserial of at least 0.2 is commonly
taken as acceptable. The upper and lower groups are the top and bottom 27% by total.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

GROUP_FRACTION = 0.27
SOURCE = "parscore_guide"


@dataclass(frozen=True)
class ItemStatistics:
    item: str
    max_points: float
    difficulty: float  # mean proportion of the points earned (p)
    discrimination: float | None  # upper minus lower 27%, as a proportion of max points
    point_biserial: float | None  # correlation with the total of the OTHER items

    @property
    def discrimination_band(self) -> str:
        return discrimination_band(self.discrimination)


@dataclass(frozen=True)
class TestStatistics:
    students: int
    items: tuple[ItemStatistics, ...]
    reliability: float | None  # Cronbach's alpha (KR-20 for 0/1 items)

    @property
    def reliability_band(self) -> str:
        return reliability_band(self.reliability)


def discrimination_band(value: float | None) -> str:
    if value is None:
        return "too few students"
    if value >= 0.40:
        return "excellent"
    if value >= 0.25:
        return "good"
    if value >= 0:
        return "needs review"
    return "unacceptable"


def reliability_band(value: float | None) -> str:
    if value is None:
        return "too few students or items"
    if value >= 0.90:
        return "high"
    if value >= 0.80:
        return "good"
    if value >= 0.60:
        return "low to moderate"
    return "below the guide's bands: review the items"


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _variance(values: Sequence[float]) -> float:
    """Population variance, as KR-20 and alpha use it."""
    centre = _mean(values)
    return sum((v - centre) ** 2 for v in values) / len(values)


def _correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    mx, my = _mean(xs), _mean(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None  # everyone scored the same: no correlation to speak of
    return sxy / math.sqrt(sxx * syy)


def analyse(
    scores: Sequence[Mapping[str, float]], max_points: Mapping[str, float]
) -> TestStatistics:
    """Statistics for each item in ``max_points`` from each student's ``scores``.

    A student with no score for an item counts as 0 for it (not submitted, not answered).
    """
    items = list(max_points)
    if any(max_points[i] <= 0 for i in items):
        raise ValueError("every item needs a maximum above 0 points")
    matrix = [[float(row.get(item, 0.0)) for item in items] for row in scores]
    students = len(matrix)
    totals = [sum(row) for row in matrix]
    group = max(1, round(students * GROUP_FRACTION)) if students >= 2 else 0
    ranked = sorted(range(students), key=lambda s: totals[s])
    lower, upper = ranked[:group], ranked[-group:] if group else []

    stats = []
    for column, item in enumerate(items):
        points = [row[column] for row in matrix]
        top = max_points[item]
        difficulty = _mean(points) / top if students else float("nan")
        discrimination = None
        if group and students >= 2 * group:
            upper_mean = _mean([matrix[s][column] for s in upper])
            lower_mean = _mean([matrix[s][column] for s in lower])
            discrimination = (upper_mean - lower_mean) / top
        rest = [totals[s] - points[s] for s in range(students)]
        point_biserial = _correlation(points, rest) if students >= 3 else None
        stats.append(ItemStatistics(item, top, difficulty, discrimination, point_biserial))

    reliability = None
    if students >= 2 and len(items) >= 2 and _variance(totals) > 0:
        k = len(items)
        item_variance = sum(_variance([row[c] for row in matrix]) for c in range(k))
        reliability = k / (k - 1) * (1 - item_variance / _variance(totals))
    return TestStatistics(students, tuple(stats), reliability)


def unsafe_share(chose_unsafe: Iterable[bool | None]) -> float | None:
    """The share of students who chose an option that could harm the patient.

    One entry per submission: ``True`` when the student chose at least one unsafe option of
    the item, ``False`` when not, ``None`` when the answer could not be read (left out).
    ``None`` comes back when no answer could be read at all.
    """
    readable = [flag for flag in chose_unsafe if flag is not None]
    if not readable:
        return None
    return sum(readable) / len(readable)
