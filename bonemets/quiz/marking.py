"""Marking self-checks: pure functions and a running tally, no widgets."""

from __future__ import annotations

from dataclasses import dataclass, field

from bonemets.quiz.items import Choice, SelfCheck


@dataclass(frozen=True)
class ChoiceFeedback:
    choice: Choice
    selected: bool

    @property
    def verdict(self) -> str:
        """How the reader's choice on this option turned out, in words (not colour)."""
        if self.choice.correct:
            return "Correct, and you chose it" if self.selected else "Correct, but you missed it"
        return "Incorrect, and you chose it" if self.selected else "Incorrect, and you left it"


@dataclass(frozen=True)
class Attempt:
    """The marking of one answer: right only when exactly the keyed choices are selected."""

    item: SelfCheck
    selected: frozenset[str]
    feedback: tuple[ChoiceFeedback, ...]

    @property
    def correct(self) -> bool:
        return self.selected == self.item.key

    @property
    def summary(self) -> str:
        """The verdict in plain words; a single-answer miss is simply "not the best answer"."""
        if self.correct:
            return "Correct."
        if not self.selected:
            return "No answer selected yet."
        if self.item.kind == "single":
            (chosen,) = self.selected
            return f"Not quite: {chosen} is not the best answer."
        missed = len(self.item.key - self.selected)
        extra = len(self.selected - self.item.key)
        parts = []
        if extra:
            parts.append(f"{extra} of your choices {'are' if extra > 1 else 'is'} not right")
        if missed:
            parts.append(f"{missed} right option{'s are' if missed > 1 else ' is'} still unticked")
        return "Not quite: " + " and ".join(parts) + "."


def mark(item: SelfCheck, selected: set[str] | frozenset[str]) -> Attempt:
    """Mark ``selected`` choice ids against ``item``; unknown ids are an error."""
    chosen = frozenset(selected)
    unknown = chosen - {c.id for c in item.choices}
    if unknown:
        raise ValueError(f"{item.id}: no such choice {', '.join(sorted(unknown))}")
    feedback = tuple(ChoiceFeedback(c, c.id in chosen) for c in item.choices)
    return Attempt(item, chosen, feedback)


@dataclass
class QuizTally:
    """The FIRST answered attempt at each self-check in a lesson, for a running score.

    A later right answer does not change the tally: wrong-then-right counts as wrong, so
    the score says what the student knew before reading the rationales.
    """

    total: int
    first: dict[str, Attempt] = field(default_factory=dict)

    def record(self, attempt: Attempt) -> None:
        """Keep ``attempt`` only if it is the first answered one for its item."""
        if attempt.selected:
            self.first.setdefault(attempt.item.id, attempt)

    @property
    def answered(self) -> int:
        return len(self.first)

    @property
    def correct(self) -> int:
        return sum(a.correct for a in self.first.values())

    @property
    def text(self) -> str:
        return (
            f"Self-checks in this lesson: {self.correct} of {self.total} right at the first try "
            f"({self.answered} answered)."
        )
