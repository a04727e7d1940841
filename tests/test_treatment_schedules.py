"""Radiation schedules: only the guideline's fractionations, and their arithmetic."""

from __future__ import annotations

import pytest

from bonemets.treatment.schedules import (
    comparison_rows,
    gy,
    schedule_set,
    schedule_sets,
    visits,
    weeks,
)


def as_pairs(set_id: str) -> list[tuple[float, int]]:
    return [(s.total_gy, s.fractions) for s in schedule_set(set_id).schedules]


def test_only_the_fractionations_in_the_research_notes() -> None:
    assert as_pairs("painful_bone") == [(8, 1), (20, 5), (24, 6), (30, 10)]
    assert as_pairs("cord_compression") == [(8, 1), (16, 2), (20, 5), (30, 10)]
    assert [s.id for s in schedule_sets()] == ["painful_bone", "cord_compression"]


def test_dose_per_visit_trips_total_and_weeks() -> None:
    # 8/1 = 8; 20/5 = 4; 24/6 = 4; 30/10 = 3. Weeks at five weekday visits: 1, 1, 2, 2.
    assert comparison_rows(schedule_set("painful_bone").schedules) == [
        ("8 Gy × 1", "8 Gy", "1", "8 Gy", "1"),
        ("20 Gy in 5", "4 Gy", "5", "20 Gy", "1"),
        ("24 Gy in 6", "4 Gy", "6", "24 Gy", "2"),
        ("30 Gy in 10", "3 Gy", "10", "30 Gy", "2"),
    ]
    sixteen = schedule_set("cord_compression").schedules[1]
    assert (sixteen.dose_per_fraction, sixteen.fractions, weeks(sixteen)) == (8.0, 2, 1)


def test_the_illustrative_calendar() -> None:
    ten = schedule_set("painful_bone").schedules[3]
    calendar = visits(ten)
    assert [v.number for v in calendar] == list(range(1, 11))
    assert [(v.week, v.weekday) for v in calendar[:6]] == [
        (1, 0), (1, 1), (1, 2), (1, 3), (1, 4), (2, 0),
    ]  # fmt: skip
    assert (calendar[-1].week, calendar[-1].weekday) == (2, 4)  # tenth visit: Friday, week 2
    six = visits(schedule_set("painful_bone").schedules[2])
    assert (six[-1].week, six[-1].weekday) == (2, 0)  # sixth visit: Monday, week 2
    assert len(visits(schedule_set("painful_bone").schedules[0])) == 1


def test_guideline_statements_carry_sources() -> None:
    painful = schedule_set("painful_bone")
    texts = " ".join(s.text for s in painful.statements)
    assert "similar pain relief" in texts
    assert "twice" in texts and "more than a month" in texts
    cord = schedule_set("cord_compression")
    assert any("Dexamethasone" in s.text for s in cord.statements)
    assert all(s.sources for s in painful.statements + cord.statements)


@pytest.mark.parametrize(("value", "text"), [(8, "8"), (8.0, "8"), (2.5, "2.5")])
def test_doses_are_shown_without_needless_decimals(value: float, text: str) -> None:
    assert gy(value) == text


def test_a_schedule_keeps_its_style_in_every_situation() -> None:
    from bonemets.treatment.schedules import schedule_sets, style_index

    by_label: dict[str, set[int]] = {}
    for group in schedule_sets():
        for schedule in group.schedules:
            by_label.setdefault(schedule.label, set()).add(style_index(schedule))
    assert all(len(indices) == 1 for indices in by_label.values())
    # Different numbers of visits never share a style.
    fractions = {s.fractions: style_index(s) for g in schedule_sets() for s in g.schedules}
    assert len(set(fractions.values())) == len(fractions)
