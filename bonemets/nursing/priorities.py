"""The cord-compression first-hour exercise: which actions to take now, which to avoid."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from bonemets.data import load_collection


@dataclass(frozen=True)
class PriorityAction:
    id: str
    text: str
    verdict: Literal["now", "avoid"]
    rationale: str
    sources: tuple[str, ...]


#: What the reader's choice of one action amounts to, and how the feedback names it.
OUTCOME_LABELS = {
    "chosen_right": "Right: do this now",
    "missed": "Missed: this belongs in the first hour",
    "chosen_unsafe": "Unsafe: avoid this",
    "rightly_left": "Right to leave out",
}


@dataclass(frozen=True)
class ActionOutcome:
    action: PriorityAction
    outcome: str  # a key of OUTCOME_LABELS


@dataclass(frozen=True)
class PriorityFeedback:
    outcomes: tuple[ActionOutcome, ...]

    def count(self, outcome: str) -> int:
        return sum(o.outcome == outcome for o in self.outcomes)

    @property
    def needed(self) -> int:
        return sum(o.action.verdict == "now" for o in self.outcomes)

    @property
    def complete(self) -> bool:
        """Every first-hour action chosen and nothing unsafe."""
        return self.count("chosen_right") == self.needed and self.count("chosen_unsafe") == 0


def actions() -> list[PriorityAction]:
    return list(load_collection(PriorityAction).values())


def feedback(chosen: Iterable[str]) -> PriorityFeedback:
    """Each action's outcome given the ids the reader ticked; unknown ids are refused."""
    picked = set(chosen)
    known = {a.id for a in actions()}
    if unknown := picked - known:
        raise ValueError(f"unknown action ids: {', '.join(sorted(unknown))}")
    outcomes = []
    for action in actions():
        taken = action.id in picked
        if action.verdict == "now":
            outcome = "chosen_right" if taken else "missed"
        else:
            outcome = "chosen_unsafe" if taken else "rightly_left"
        outcomes.append(ActionOutcome(action, outcome))
    return PriorityFeedback(tuple(outcomes))
