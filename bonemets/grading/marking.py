"""Score one item from the source of its answer cell, and word the feedback.

Used by the nbgrader preprocessor (instructor side) and by ``bonemets check`` (self-learners).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Set
from dataclasses import dataclass
from typing import Any

from bonemets.assessment import scoring
from bonemets.assessment.items import BOWTIE, Item, Option
from bonemets.assessment.shapes import AnswerShapeError, normalise
from bonemets.grading.answers import UnreadableAnswer, read_answer

RULES = {
    "multiple_choice": "0/1 scoring",
    "sata": "+/- scoring: +1 per right option chosen, -1 per wrong one, never below 0",
    "select_n": "0/1 per right option; choosing more than asked scores 0",
    "matrix": "0/1 per row",
    "cloze": "0/1 per blank",
    "ordering": "0/1 per position",
    "bowtie": "0/1 per right choice in each part; more than asked in a part scores 0 there",
    "rationale": "rationale scoring: 1 point only when both parts are right",
    "numeric": "0/1 scoring, within the stated tolerance",
}


@dataclass(frozen=True)
class ItemResult:
    item: Item
    score: int
    status: str  # "scored", "blank" or "shape"
    message: str  # one line for the student: the score, or why it could not be read
    details: tuple[str, ...] = ()  # key and rationales (withheld for reused items)

    @property
    def max_points(self) -> int:
        return self.item.points


def points_for(item: Item, answer: Any) -> int:
    """Apply the NCSBN rule for the item's type to a canonical answer."""
    key = item.answer_key
    if item.type == "multiple_choice":
        return scoring.zero_one(key, answer)
    if item.type == "sata":
        return scoring.plus_minus(key, answer)
    if item.type == "select_n":
        return scoring.select_n(key, answer, item.select or 0)
    if item.type in ("matrix", "cloze"):
        return scoring.per_part(key, answer)
    if item.type == "rationale":
        return scoring.all_parts(key, answer)
    if item.type == "ordering":
        return scoring.in_order(key, answer)
    if item.type == "bowtie":
        groups = {name: [v] if isinstance(v, str) else v for name, v in key.items()}
        limits = {name: chosen for name, (_, chosen) in BOWTIE.items()}
        return scoring.grouped(groups, answer, limits)
    if item.type == "numeric":
        return scoring.numeric(key, answer, item.tolerance)
    raise ValueError(f"{item.id}: {item.type} is graded by hand")


def _option_lines(options: Iterable[Option], key: Set[str], chosen: Collection[str]) -> list[str]:
    lines = []
    for option in options:
        right = option.id in key
        picked = option.id in chosen
        verdict = ("chosen" if picked else "not chosen") + (
            ", a right answer" if right else ", a wrong answer"
        )
        lines.append(f"  {option.id}. {option.text} ({verdict}). {option.rationale}")
    return lines


def explain(item: Item, answer: Any) -> tuple[str, ...]:
    """The key and the teaching rationale, option by option or row by row."""
    lines: list[str] = [f"Scoring: {RULES[item.type]}."]
    if item.type in ("multiple_choice", "sata", "select_n"):
        chosen = {answer} if isinstance(answer, str) else set(answer or ())
        lines += _option_lines(item.options, set(item.key), chosen)
    elif item.type == "ordering":
        lines.append("Right order: " + ", ".join(item.key) + ".")
        by_id = {o.id: o for o in item.options}
        for n, letter in enumerate(item.key, 1):
            lines.append(f"  {n}. {by_id[letter].text}. {by_id[letter].rationale}")
    elif item.type == "matrix":
        columns = {o.id: o.text for o in item.options}
        for row in item.rows:
            given = (answer or {}).get(int(row.id))
            lines.append(
                f"  Row {row.id}: right answer {row.key[0]} ({columns[row.key[0]]}); "
                f"yours {given or 'none'}. {row.rationale}"
            )
    elif item.type in ("cloze", "rationale", "bowtie"):
        for row in item.rows:
            part = row.id if item.type == "bowtie" else int(row.id)
            given = (answer or {}).get(part)
            chosen = {given} if isinstance(given, str) else set(given or ())
            lines.append(f"  Part {row.id}: {row.text}")
            lines += ["  " + line for line in _option_lines(row.options, set(row.key), chosen)]
    elif item.type == "numeric":
        unit = f" {item.unit}" if item.unit else ""
        lines.append(f"  Right answer: {item.number:g}{unit}.")
    if item.rationale:
        lines.append(f"Why: {item.rationale}")
    return tuple(lines)


def score_item(item: Item, source: str | None) -> ItemResult:
    """Score the answer cell's source for ``item``; never raises for a student's mistake."""
    label = f"{item.variable} ({item.id})"
    if source is None:
        return ItemResult(item, 0, "shape", f"{label}: the answer cell is missing: 0 points.")
    try:
        answer = normalise(item.variable, read_answer(source, item.variable), item.shape)
    except UnreadableAnswer as exc:
        return ItemResult(
            item,
            0,
            "shape",
            f"{label}: could not read your answer ({exc}): 0 points.",
            explain(item, None),
        )
    except AnswerShapeError as exc:
        blank = "not answered yet" in str(exc)
        status = "blank" if blank else "shape"
        why = "not answered" if blank else f"wrong form: {exc}"
        return ItemResult(
            item, 0, status, f"{label}: {why}. 0 of {item.points} points.", explain(item, None)
        )
    score = points_for(item, answer)
    message = f"{label}: {score} of {item.points} point{'s' if item.points != 1 else ''}."
    return ItemResult(item, score, "scored", message, explain(item, answer))
