"""NCSBN scoring rules as pure functions (NCSBN Clinical Judgment Measurement Model).

- 0/1: each correct response earns 1 point, a wrong one costs nothing (multiple choice,
  select N, matrix rows, drop-down cloze blanks, bow-tie parts, ordering positions).
- +/-: +1 per correct option chosen, -1 per incorrect option chosen, never below 0
  (select all that apply, highlight). Matrix multiple response applies it column by
  column, each column never below 0 (NCSBN's rule), and adds the columns.
- Rationale: 1 point only when both parts of the pair are right.

Answers arrive already in canonical form (see :func:`bonemets.assessment.shapes.normalise`);
an empty or missing answer scores 0. Over-selection where the item sets a limit (select N,
bow-tie groups) scores 0 for that selection, so choosing everything never pays.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping, Sequence
from typing import TypeVar

T = TypeVar("T", bound=Hashable)


def zero_one(key: str, answer: str | None) -> int:
    """Multiple choice: 1 for the keyed letter, else 0."""
    return int(answer is not None and answer == key)


def plus_minus(key: Collection[T], answer: Collection[T] | None) -> int:
    """Select all that apply, highlight: +1 per keyed choice made, -1 per other, floor 0."""
    chosen = set(answer or ())
    keyed = set(key)
    return max(0, len(chosen & keyed) - len(chosen - keyed))


def plus_minus_by_column(
    key: Mapping[object, Collection[str]], answer: Mapping[object, Collection[str]] | None
) -> int:
    """Matrix multiple response: +/- within each column (floor 0 per column), summed.

    A tick in a keyed cell earns 1 and a tick in any other cell of the grid costs 1 in its
    own column; a missing tick costs nothing. The most is the number of keyed cells.
    """
    given = answer or {}
    columns = {letter for letters in key.values() for letter in letters}
    columns |= {letter for letters in given.values() for letter in letters}
    total = 0
    for column in columns:
        net = 0
        for row, letters in given.items():
            if column in letters:
                net += 1 if column in key.get(row, ()) else -1
        total += max(0, net)
    return total


def select_n(key: Collection[str], answer: Collection[str] | None, n: int) -> int:
    """Select N: 1 per keyed letter chosen; choosing more than N scores 0."""
    chosen = set(answer or ())
    if len(chosen) > n:
        return 0
    return len(chosen & set(key))


def per_part(key: Mapping[object, str], answer: Mapping[object, str] | None) -> int:
    """Matrix rows and drop-down blanks: 1 per part answered as keyed; missing parts 0."""
    given = answer or {}
    return sum(given.get(part) == letter for part, letter in key.items())


def all_parts(key: Mapping[object, str], answer: Mapping[object, str] | None) -> int:
    """Drop-down rationale: 1 only when every part (action and reason) is as keyed."""
    given = answer or {}
    return int(bool(key) and all(given.get(part) == letter for part, letter in key.items()))


def in_order(key: Sequence[str], answer: Sequence[str] | None) -> int:
    """Ordering: 1 per position holding the keyed letter (0/1 per placement)."""
    given = tuple(answer or ())
    return sum(1 for i, letter in enumerate(key) if i < len(given) and given[i] == letter)


def grouped(
    key: Mapping[str, Collection[str]],
    answer: Mapping[str, str | Collection[str]] | None,
    limits: Mapping[str, int],
) -> int:
    """Bow-tie: 0/1 per keyed letter in each group; a group over its limit scores 0."""
    given = answer or {}
    total = 0
    for group, keyed in key.items():
        chosen = given.get(group)
        if chosen is None:
            continue
        chosen_set = {chosen} if isinstance(chosen, str) else set(chosen)
        if len(chosen_set) > limits[group]:
            continue
        total += len(chosen_set & set(keyed))
    return total


def numeric(key: float, answer: float | None, tolerance: float = 0.0) -> int:
    """A number: 1 when within ``tolerance`` of the key (inclusive), else 0."""
    if answer is None:
        return 0
    # A hair of slack so that 0.1 + 0.2 style rounding never costs a point.
    return int(abs(answer - key) <= tolerance + 1e-9)
