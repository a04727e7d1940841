"""The self-check record: a question with choices, each with its own rationale."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bonemets.data import load_collection
from bonemets.data.errors import InvalidField


@dataclass(frozen=True)
class Choice:
    """One option. ``rationale`` says why it is right or wrong, shown after checking."""

    id: str  # a letter: A, B, C ...
    text: str
    correct: bool
    rationale: str


@dataclass(frozen=True)
class SelfCheck:
    """A formative question in a lesson: one answer (``single``) or select all that apply."""

    id: str
    module: str  # a module id from modules.yaml
    objective: str  # an objective id from modules.yaml
    kind: Literal["single", "multiple"]
    stem: str
    choices: tuple[Choice, ...]
    sources: tuple[str, ...]
    seed_section: str | None = None  # a seed_sections.yaml id, when the item teaches one

    def __post_init__(self) -> None:
        ids = [c.id for c in self.choices]
        if len(self.choices) < 2:
            raise InvalidField("choices", "give at least two")
        if len(set(ids)) != len(ids):
            raise InvalidField("choices", "choice ids must be unique")
        correct = sum(c.correct for c in self.choices)
        if self.kind == "single" and correct != 1:
            raise InvalidField(
                "choices", f"a single-answer item needs exactly one correct choice, found {correct}"
            )
        if self.kind == "multiple" and correct < 1:
            raise InvalidField("choices", "mark at least one choice correct")

    @property
    def key(self) -> frozenset[str]:
        return frozenset(c.id for c in self.choices if c.correct)


def self_checks_for(module: str) -> list[SelfCheck]:
    """The self-checks of one lesson module, in file order."""
    return [item for item in load_collection(SelfCheck).values() if item.module == module]
