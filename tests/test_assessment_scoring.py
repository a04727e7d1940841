"""NCSBN scoring rules, one test per rule, with hand-computed expectations."""

from __future__ import annotations

import pytest

from bonemets.assessment import scoring

KEY3 = {"A", "C", "E"}  # a select-all-that-apply key: 3 right options of A–F


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({"A", "C", "E"}, 3),  # all right, nothing wrong
        ({"A", "C"}, 2),  # one missed: no penalty for missing
        ({"A", "C", "E", "B"}, 2),  # one wrong chosen: 3 - 1
        ({"A", "B", "D"}, 0),  # 1 - 2 = -1, floored at 0
        ({"A", "B", "C", "D", "E", "F"}, 0),  # over-selection: choosing all scores 3 - 3 = 0
        ({"B", "D", "F"}, 0),  # only wrong: 0 - 3, floored
        (set(), 0),  # empty answer
        (None, 0),  # no answer
    ],
)
def test_plus_minus(answer, expected) -> None:
    assert scoring.plus_minus(KEY3, answer) == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("B", 1), ("A", 0), (None, 0), ("", 0)],
)
def test_zero_one(answer, expected) -> None:
    assert scoring.zero_one("B", answer) == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({"A", "C"}, 2),
        ({"A", "D"}, 1),  # one right, one wrong: 0/1, no penalty
        ({"A"}, 1),  # fewer than N is allowed
        ({"A", "C", "D"}, 0),  # more than N: 0 even though both right ones are in it
        (set(), 0),
        (None, 0),
    ],
)
def test_select_n(answer, expected) -> None:
    assert scoring.select_n({"A", "C"}, answer, 2) == expected


ROWS = {1: "A", 2: "B", 3: "A", 4: "B"}


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({1: "A", 2: "B", 3: "A", 4: "B"}, 4),
        ({1: "A", 2: "A", 3: "A", 4: "A"}, 2),  # each row 0/1
        ({1: "A"}, 1),  # missing rows score 0
        ({}, 0),
        (None, 0),
    ],
)
def test_per_part_matrix_and_cloze(answer, expected) -> None:
    assert scoring.per_part(ROWS, answer) == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({1: "A", 2: "C"}, 1),  # both parts right
        ({1: "A", 2: "B"}, 0),  # right action, wrong reason
        ({1: "B", 2: "C"}, 0),  # wrong action, right reason
        ({1: "A"}, 0),  # half an answer
        (None, 0),
    ],
)
def test_all_parts_rationale(answer, expected) -> None:
    assert scoring.all_parts({1: "A", 2: "C"}, answer) == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (("C", "E", "A", "B", "D"), 5),
        (("E", "C", "A", "B", "D"), 3),  # first two swapped: 3 positions still right
        (("D", "B", "A", "E", "C"), 1),  # reversed: only the middle one
        ((), 0),
        (None, 0),
    ],
)
def test_in_order(answer, expected) -> None:
    assert scoring.in_order(("C", "E", "A", "B", "D"), answer) == expected


BOWTIE_KEY = {"condition": {"B"}, "actions": {"A", "D"}, "parameters": {"C", "E"}}
LIMITS = {"condition": 1, "actions": 2, "parameters": 2}


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({"condition": "B", "actions": {"A", "D"}, "parameters": {"C", "E"}}, 5),
        ({"condition": "A", "actions": {"A", "D"}, "parameters": {"C", "E"}}, 4),
        ({"condition": "B", "actions": {"A", "B"}, "parameters": {"C"}}, 3),
        # over-selection in a group: that group scores 0, the rest still count
        ({"condition": "B", "actions": {"A", "B", "D"}, "parameters": {"C", "E"}}, 3),
        ({"condition": "B"}, 1),
        ({}, 0),
        (None, 0),
    ],
)
def test_grouped_bowtie(answer, expected) -> None:
    assert scoring.grouped(BOWTIE_KEY, answer, LIMITS) == expected


@pytest.mark.parametrize(
    ("answer", "tolerance", "expected"),
    [
        (9.0, 0.0, 1),
        (8.0, 0.0, 0),
        (14.4, 0.5, 1),
        (14.5, 0.5, 1),  # tolerance is inclusive
        (14.51, 0.5, 0),
        (None, 0.5, 0),
    ],
)
def test_numeric(answer, tolerance, expected) -> None:
    key = 9.0 if tolerance == 0.0 else 14.0
    assert scoring.numeric(key, answer, tolerance) == expected


def test_numeric_forgives_float_rounding() -> None:
    assert scoring.numeric(0.3, 0.1 + 0.2) == 1


# Matrix multiple response: rows 1-3, columns A-C; 5 keyed cells (max 5 points).
GRID_KEY = {1: {"A", "B"}, 2: {"A"}, 3: {"C", "B"}}


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({1: {"A", "B"}, 2: {"A"}, 3: {"B", "C"}}, 5),  # every keyed cell, nothing else
        ({1: {"A"}, 3: {"C"}}, 2),  # two keyed ticks; missing ticks cost nothing
        # A: +1 (row 1) +1 (row 2) -1 (row 3) = 1; B: +1 (row 1) = 1; C: 0 -> 2
        ({1: {"A", "B"}, 2: {"A"}, 3: {"A"}}, 2),
        # Column C: -1 (row 1) -1 (row 2) +1 (row 3) = -1, floored at 0 for that column
        # only; column A still earns +1 +1 = 2 -> 2
        ({1: {"A", "C"}, 2: {"A", "C"}, 3: {"C"}}, 3 - 1),
        # Every cell ticked: A: +2 -1 = 1; B: +2 -1 = 1; C: +1 -2 -> 0; total 2
        ({1: {"A", "B", "C"}, 2: {"A", "B", "C"}, 3: {"A", "B", "C"}}, 2),
        ({1: set()}, 0),
        (None, 0),
    ],
)
def test_plus_minus_by_column_matrix_multiple_response(answer, expected) -> None:
    assert scoring.plus_minus_by_column(GRID_KEY, answer) == expected


def test_plus_minus_by_column_floors_each_column_not_the_whole_item() -> None:
    # Column B: one right (+1); column A: three wrong (-3). Per-column floor: 1, not 0.
    key = {1: {"B"}, 2: {"C"}, 3: {"C"}}
    assert scoring.plus_minus_by_column(key, {1: {"A", "B"}, 2: {"A"}, 3: {"A"}}) == 1


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({2, 4, 5, 8}, 4),  # every cue
        ({2, 4, 1}, 1),  # 2 right - 1 wrong
        ({1, 3, 6, 7, 9}, 0),  # only wrong phrases, floored
        (set(range(1, 10)), 0),  # every phrase: 4 - 5, floored
        (None, 0),
    ],
)
def test_plus_minus_highlight_phrase_numbers(answer, expected) -> None:
    assert scoring.plus_minus({2, 4, 5, 8}, answer) == expected
