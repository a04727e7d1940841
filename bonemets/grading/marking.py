"""Score one item from the source of its answer cell, and word the feedback.

Used by the nbgrader preprocessor (instructor side) and by ``bonemets check`` (self-learners).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bonemets.assessment.answers import UnreadableAnswer, read_answer
from bonemets.assessment.items import Item
from bonemets.assessment.shapes import AnswerShapeError, normalise, question_label


@dataclass(frozen=True)
class ItemResult:
    item: Item
    score: int
    status: str  # "scored", "blank" or "shape"
    message: str  # one line for the student: the score, or why it could not be marked
    details: tuple[str, ...] = ()  # key and rationales (withheld for reused items)
    answer: Any = None  # the canonical answer when it could be read, else None

    @property
    def max_points(self) -> int:
        return self.item.points

    @property
    def answered(self) -> bool:
        """Answered in a form that could be marked (only then are keys worth showing)."""
        return self.status == "scored"


def points_text(score: int, of: int) -> str:
    """``1 point of 1``, ``0 points of 3``: the score first, as a marked paper reads."""
    return f"{score} point{'s' if score != 1 else ''} of {of}"


def answer_text(answer: Any) -> str:
    """A canonical answer in plain words: ``B``, ``A, C and E``, ``row 1: C; row 2: A``."""
    if isinstance(answer, str):
        return answer
    if isinstance(answer, float):
        return f"{answer:g}"
    if isinstance(answer, frozenset | set):
        # Letters, or phrase numbers for a highlight item.
        letters = [str(choice) for choice in sorted(answer)]
        if not letters:
            return "nothing chosen"
        return letters[0] if len(letters) == 1 else ", ".join(letters[:-1]) + " and " + letters[-1]
    if isinstance(answer, tuple | list):
        return ", then ".join(str(letter) for letter in answer)
    if isinstance(answer, dict):
        return "; ".join(f"{part}: {answer_text(value)}" for part, value in answer.items())
    return str(answer)


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


def _plain_problem(label: str, problem: Exception) -> str:
    """A check's message without its leading "Question N: " and on one line."""
    text = " ".join(str(problem).split("\n"))
    return text.removeprefix(f"{label}: ").removeprefix(f"{label} ")


def score_item(item: Item, source: str | None) -> ItemResult:
    """Score the answer cell's source for ``item``; never raises for a student's mistake."""
    label = question_label(item.variable)
    nothing = points_text(0, item.points)
    if source is None:
        return ItemResult(item, 0, "shape", f"{label}: the answer is missing. {nothing}.")
    try:
        answer = normalise(item.variable, read_answer(source, item.variable), item.shape)
    except UnreadableAnswer as exc:
        return ItemResult(
            item,
            0,
            "shape",
            f"{label}: your answer could not be read ({exc}). {nothing}.",
            explain(item, None),
        )
    except AnswerShapeError as exc:
        blank = "not answered yet" in str(exc)
        status = "blank" if blank else "shape"
        why = (
            "not answered"
            if blank
            else f"your answer could not be marked ({_plain_problem(label, exc)})"
        )
        return ItemResult(item, 0, status, f"{label}: {why}. {nothing}.", explain(item, None))
    score = points_for(item, answer)
    message = f"{label}: {points_text(score, item.points)}."
    return ItemResult(item, score, "scored", message, explain(item, answer), answer)
