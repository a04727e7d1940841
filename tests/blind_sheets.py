"""Content-blind answer sheets: what a test-wise student scores without reading a word.

Each strategy answers by position or by length only (always the first option, the first
half of a select-all list, every row in one column, the longest option, everything ticked,
every cell of a multiple-response grid, every phrase of a highlight passage ...). Items of
one type are answered with one strategy across the assignment; the best sheet combines
the best strategy for each type, so it bounds every mixed strategy too.
Scores come from the course's own scoring (:func:`bonemets.grading.marking.points_for`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from bonemets.assessment.items import BOWTIE, Item, Option
from bonemets.grading.marking import points_for

Strategy = Callable[[Item], Any]


def _letters(options: Iterable[Option]) -> list[str]:
    return [o.id for o in options]


def _by_length(options: Iterable[Option]) -> list[str]:
    """Letters from the longest option to the shortest (ties: earlier letter first)."""
    return [o.id for o in sorted(options, key=lambda o: -len(o.text))]


def _pick(options: tuple[Option, ...], how: str, count: int = 1) -> list[str]:
    letters = _letters(options)
    if how == "first":
        return letters[:count]
    if how == "last":
        return letters[-count:]
    if how == "longest":
        return _by_length(options)[:count]
    if how == "shortest":
        return list(reversed(_by_length(options)))[:count]
    if how.startswith("pos"):  # the same position for every part, clamped to the options
        index = min(int(how[3:]), len(letters) - 1)
        return [letters[index]]
    raise ValueError(how)


def _one(options: tuple[Option, ...], how: str) -> str:
    return _pick(options, how)[0]


def strategies(item_type: str) -> dict[str, Strategy]:
    """The content-blind strategies for one item type, by name."""
    positions = [f"pos{n}" for n in range(6)]
    if item_type == "multiple_choice":
        return {h: (lambda i, h=h: _one(i.options, h)) for h in [*positions, "longest", "shortest"]}
    if item_type == "sata":
        half = {
            "everything": lambda i: frozenset(_letters(i.options)),
            "first half": lambda i: frozenset(_letters(i.options)[: (len(i.options) + 1) // 2]),
            "second half": lambda i: frozenset(_letters(i.options)[len(i.options) // 2 :]),
            "longest half": lambda i: frozenset(_by_length(i.options)[: (len(i.options) + 1) // 2]),
        }
        return half
    if item_type == "select_n":
        return {
            h: (lambda i, h=h: frozenset(_pick(i.options, h, i.select or 0)))
            for h in ["first", "last", "longest", "shortest"]
        }
    if item_type == "matrix":
        return {
            h: (lambda i, h=h: {int(r.id): _one(i.options, h) for r in i.rows}) for h in positions
        }
    if item_type in ("cloze", "rationale"):
        return {
            h: (lambda i, h=h: {int(r.id): _one(r.options, h) for r in i.rows})
            for h in [*positions, "longest", "shortest"]
        }
    if item_type == "bowtie":

        def sheet(how: str) -> Strategy:
            def answer(item: Item) -> dict[str, Any]:
                out: dict[str, Any] = {}
                for row in item.rows:
                    chosen = BOWTIE[row.id][1]
                    letters = _pick(row.options, how, chosen)
                    out[row.id] = letters[0] if chosen == 1 else frozenset(letters)
                return out

            return answer

        return {h: sheet(h) for h in ["first", "last", "longest", "shortest"]}
    if item_type == "highlight":  # phrases are the options, numbered 1, 2, ...

        def phrases(ids: list[str]) -> frozenset[int]:
            return frozenset(int(n) for n in ids)

        return {
            "everything": lambda i: phrases(_letters(i.options)),
            "first half": lambda i: phrases(_letters(i.options)[: (len(i.options) + 1) // 2]),
            "second half": lambda i: phrases(_letters(i.options)[len(i.options) // 2 :]),
            "longest half": lambda i: phrases(_by_length(i.options)[: (len(i.options) + 1) // 2]),
            "odd numbers": lambda i: phrases(_letters(i.options)[::2]),
            "even numbers": lambda i: phrases(_letters(i.options)[1::2]),
        }
    if item_type == "matrix_mr":
        every_cell = {
            "every cell": lambda i: {int(r.id): frozenset(_letters(i.options)) for r in i.rows},
            "first half of the columns": lambda i: {
                int(r.id): frozenset(_letters(i.options)[: (len(i.options) + 1) // 2])
                for r in i.rows
            },
        }
        one_column = {
            h: (lambda i, h=h: {int(r.id): frozenset(_one(i.options, h)) for r in i.rows})
            for h in positions
        }
        return {**every_cell, **one_column}
    if item_type == "ordering":
        return {
            "as listed": lambda i: tuple(_letters(i.options)),
            "reversed": lambda i: tuple(reversed(_letters(i.options))),
            "longest first": lambda i: tuple(_by_length(i.options)),
            "shortest first": lambda i: tuple(reversed(_by_length(i.options))),
        }
    return {}  # numeric: no blind guess; short answer: graded by hand


def best_blind_share(items: Iterable[Item]) -> tuple[float, dict[str, str]]:
    """The best content-blind sheet's share of the auto-graded points, and its strategies."""
    auto = [i for i in items if i.auto_graded]
    total = sum(i.points for i in auto)
    earned = 0
    chosen: dict[str, str] = {}
    for item_type in sorted({i.type for i in auto}):
        of_type = [i for i in auto if i.type == item_type]
        options = strategies(item_type)
        if not options:
            continue
        scores = {
            name: sum(points_for(i, strategy(i)) for i in of_type)
            for name, strategy in options.items()
        }
        name = max(scores, key=lambda n: scores[n])
        chosen[item_type] = name
        earned += scores[name]
    return (earned / total if total else 0.0), chosen


if __name__ == "__main__":  # pragma: no cover - a report for the item writer
    from bonemets.assessment.bank import load_items

    bank = load_items()
    for assignment in dict.fromkeys(i.assignment for i in bank.values()):
        share, how = best_blind_share(i for i in bank.values() if i.assignment == assignment)
        print(f"{assignment}: {share:.0%}  {how}")
