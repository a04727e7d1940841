"""Score one item from the source of its answer cell, and word the feedback.

Used by the nbgrader preprocessor (instructor side) and by ``bonemets check`` (self-learners).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bonemets.assessment.items import Item
from bonemets.assessment.shapes import AnswerShapeError, normalise
from bonemets.grading.answers import UnreadableAnswer, read_answer


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
    """Apply the scoring rule of the item's type to a canonical answer."""
    return item.kind.score(item, answer)


UNSAFE_PREFIX = "You chose an option that could harm the patient"


def unsafe_warnings(item: Item, answer: Any) -> tuple[str, ...]:
    """One plain line per unsafe option the student chose (beyond NCSBN scoring)."""
    return tuple(
        f"{UNSAFE_PREFIX}: {option.text.strip(chr(34))} ({option.unsafe_reason})"
        for option in item.unsafe_choices(answer)
    )


def explain(item: Item, answer: Any) -> tuple[str, ...]:
    """Unsafe choices first, then the key and the rationale, option by option or row by row."""
    lines = [
        *unsafe_warnings(item, answer),
        f"Scoring: {item.kind.rule}.",
        *item.kind.explain(item, answer),
    ]
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
