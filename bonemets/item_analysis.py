"""Classical item analysis for instructors judging their items: pure functions.

Input is a score matrix: one row per student, one column per item, each cell the points
earned, with each item's maximum. Partial credit is allowed, so difficulty is the mean
proportion of the item's points earned and reliability is Cronbach's alpha, which equals
KR-20 when every item is scored 0/1.

Bands follow the ParScore item-analysis guide (discrimination 0.40–1.00 excellent,
0.25–0.39 good, 0–0.24 needs review, below 0 unacceptable; KR-20 ≥0.90 high,
0.80–0.89 good, 0.60–0.79 low to moderate). A point-biserial of at least 0.2 is commonly
taken as acceptable. The upper and lower groups are the top and bottom 27% by total.

A score still waiting for a grader (a short answer not yet hand-graded) is *pending*: it is
left out, never counted as 0. Item statistics use the students graded on that item; the
total that ranks them and the reliability use the items graded for every student.

With few students every one of these figures moves a lot from class to class, so the bands
are shown with a warning below :data:`MIN_STUDENTS_FOR_BANDS` (see there).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

GROUP_FRACTION = 0.27
SOURCE = "parscore_guide"
#: Point-biserial at or above this is commonly taken as acceptable (clinical-facts §4).
POINT_BISERIAL_ACCEPTABLE = 0.2
#: Below this many students the bands come with a warning. Penn State's Schreyer Institute
#: ("The Item Analysis Report", a note about class size) says discrimination is believable
#: and interpretable only when the class is larger than fifty, and that with small classes
#: difficulty and discrimination vary from class to class.
MIN_STUDENTS_FOR_BANDS = 50
SMALL_CLASS_SOURCE = (
    "Schreyer Institute for Teaching Excellence, Penn State: The Item Analysis Report "
    "(a note about class size), http://www.schreyerinstitute.psu.edu/Tools/ItemAnalysis/Report/"
)

#: One student's points per item; ``None`` marks a score still pending (left out).
ScoreRow = Mapping[str, float | None]


@dataclass(frozen=True)
class ItemStatistics:
    item: str
    max_points: float
    difficulty: float | None  # mean proportion of the points earned (p); None: none graded
    discrimination: float | None  # upper minus lower 27%, as a proportion of max points
    point_biserial: float | None  # correlation with the total of the OTHER items
    graded: int = 0  # students with a score for this item
    pending: int = 0  # students whose score for this item is still pending

    @property
    def discrimination_band(self) -> str:
        # Until every score is in, the figures describe only the students graded so far
        # (often the blank papers nbgrader scores itself): no band, no flag yet.
        if self.pending:
            return "pending"
        return discrimination_band(self.discrimination)

    @property
    def flags(self) -> tuple[str, ...]:
        """Why the item needs a look, against the published bands (empty: none)."""
        if self.pending:
            return ()
        found = []
        if self.discrimination is not None and self.discrimination < 0.25:
            found.append(f"discrimination {self.discrimination_band}")
        if self.point_biserial is not None and self.point_biserial < POINT_BISERIAL_ACCEPTABLE:
            found.append(f"point-biserial below {POINT_BISERIAL_ACCEPTABLE:g}")
        return tuple(found)


@dataclass(frozen=True)
class TestStatistics:
    students: int
    items: tuple[ItemStatistics, ...]
    reliability: float | None  # Cronbach's alpha (KR-20 for 0/1 items)
    reliability_items: tuple[str, ...] = ()  # the items it was computed on (none pending)
    binary: bool = True  # every reliability item scored 0/1: alpha is then KR-20
    pending_cells: int = 0  # scores left out because a grader has not given them yet
    totals: tuple[float, ...] = ()  # total score of each student with nothing pending
    complete_totals: tuple[float, ...] = ()  # every student's total over the items in
    # reliability_items (those nobody is pending on)

    @property
    def reliability_band(self) -> str:
        return reliability_band(self.reliability)

    @property
    def reliability_name(self) -> str:
        return "KR-20" if self.binary else "Cronbach's alpha"

    @property
    def small_class(self) -> bool:
        return self.students < MIN_STUDENTS_FOR_BANDS

    @property
    def warnings(self) -> tuple[str, ...]:
        """What a reader must know before trusting the bands (one sentence each)."""
        found = []
        if self.pending_cells:
            left_out = len(self.items) - len(self.reliability_items)
            found.append(
                f"{self.pending_cells} score{'s are' if self.pending_cells != 1 else ' is'} "
                "still waiting for a grader and left out (not counted as 0); "
                f"{left_out} item{'s' if left_out != 1 else ''} with pending scores "
                "left out of the reliability and of the total that ranks students. "
                "Grade them in formgrader and run the report again."
            )
        if self.small_class:
            found.append(
                f"Only {self.students} student{'s' if self.students != 1 else ''}: below "
                f"{MIN_STUDENTS_FOR_BANDS}, discrimination is not believable and every "
                "figure changes from class to class, so read the bands (excellent, good, "
                "high ...) as hints, not verdicts."
            )
        return tuple(found)


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


def _discrimination(points: Sequence[float], ranking: Sequence[float], top: float) -> float | None:
    """Upper minus lower 27% (ranked by ``ranking``), as a share of the item's points."""
    students = len(points)
    group = max(1, round(students * GROUP_FRACTION)) if students >= 2 else 0
    if not group or students < 2 * group:
        return None
    ranked = sorted(range(students), key=lambda s: ranking[s])
    lower, upper = ranked[:group], ranked[-group:]
    return (_mean([points[s] for s in upper]) - _mean([points[s] for s in lower])) / top


def analyse(scores: Sequence[ScoreRow], max_points: Mapping[str, float]) -> TestStatistics:
    """Statistics for each item in ``max_points`` from each student's ``scores``.

    A student with no score for an item counts as 0 for it (not submitted, not answered);
    a score of ``None`` is pending and left out. Students are ranked (27% groups) by their
    total over the items nobody is pending on, plus the item itself; the point-biserial
    correlates the item with that total minus the item.
    """
    items = list(max_points)
    if any(max_points[i] <= 0 for i in items):
        raise ValueError("every item needs a maximum above 0 points")
    matrix: list[list[float | None]] = [
        [
            None if item in row and row[item] is None else float(row.get(item) or 0.0)
            for item in items
        ]
        for row in scores
    ]
    students = len(matrix)
    complete = [c for c in range(len(items)) if all(row[c] is not None for row in matrix)]
    totals = [sum(float(row[c] or 0.0) for c in complete) for row in matrix]

    stats = []
    for column, item in enumerate(items):
        graded = [s for s in range(students) if matrix[s][column] is not None]
        points = [float(matrix[s][column] or 0.0) for s in graded]
        top = max_points[item]
        in_total = column in complete
        ranking = [
            totals[s] + (0.0 if in_total else p) for s, p in zip(graded, points, strict=True)
        ]
        rest = [totals[s] - (p if in_total else 0.0) for s, p in zip(graded, points, strict=True)]
        stats.append(
            ItemStatistics(
                item,
                top,
                difficulty=_mean(points) / top if points else None,
                discrimination=_discrimination(points, ranking, top),
                point_biserial=_correlation(points, rest) if len(points) >= 3 else None,
                graded=len(graded),
                pending=students - len(graded),
            )
        )

    reliability = None
    if students >= 2 and len(complete) >= 2 and _variance(totals) > 0:
        k = len(complete)
        item_variance = sum(_variance([float(row[c] or 0.0) for row in matrix]) for c in complete)
        reliability = k / (k - 1) * (1 - item_variance / _variance(totals))
    binary = all(
        float(row[c] or 0.0) in (0.0, 1.0) and max_points[items[c]] == 1
        for row in matrix
        for c in complete
    )
    full_totals = tuple(
        sum(float(v or 0.0) for v in row) for row in matrix if all(v is not None for v in row)
    )
    return TestStatistics(
        students,
        tuple(stats),
        reliability,
        reliability_items=tuple(items[c] for c in complete),
        binary=binary,
        pending_cells=sum(s.pending for s in stats),
        totals=full_totals,
        complete_totals=tuple(totals),
    )


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


BLANK = "blank"  # an option count for answers left blank or unreadable


def option_counts(
    chosen: Iterable[Iterable[tuple[str | None, str]] | None],
) -> dict[tuple[str | None, str], int]:
    """How many students chose each option, from each student's chosen ``(part, letter)``
    pairs (``part`` None for the item's own options); ``None`` (blank or unreadable)
    counts under ``(None, BLANK)``."""
    counts: dict[tuple[str | None, str], int] = {}
    for answer in chosen:
        keys = [(None, BLANK)] if answer is None else list(dict.fromkeys(answer))
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    return counts


@dataclass(frozen=True)
class Mastery:
    """Points earned on a group of items (one objective, one clinical-judgment step)."""

    group: str
    items: tuple[str, ...]
    earned: float
    possible: float  # over the scores given so far (pending left out)

    @property
    def share(self) -> float | None:
        return self.earned / self.possible if self.possible else None


def mastery(
    scores: Sequence[ScoreRow],
    max_points: Mapping[str, float],
    groups: Mapping[str, str],
) -> list[Mastery]:
    """Share of the points earned per group (``groups`` maps item -> group), pooled over
    students; pending scores are left out of both earned and possible."""
    found: dict[str, list[str]] = {}
    for item in max_points:
        if item in groups:
            found.setdefault(groups[item], []).append(item)
    result = []
    for group, members in found.items():
        earned = possible = 0.0
        for row in scores:
            for item in members:
                if item in row and row[item] is None:
                    continue
                earned += float(row.get(item) or 0.0)
                possible += max_points[item]
        result.append(Mastery(group, tuple(members), earned, possible))
    return result
