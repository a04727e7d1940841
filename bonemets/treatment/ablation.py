"""Ablation cycles as ordered steps (heat-cool-heat, freeze-thaw-freeze).

The sources give the order of the steps, not their temperatures or durations, so the
schematic gives every step the same width and labels its axis "order of steps".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bonemets.citations import SourcedText
from bonemets.data import load_collection
from bonemets.data.errors import InvalidField


@dataclass(frozen=True)
class Phase:
    id: str
    label: str
    kind: Literal["active", "rest"]  # applying heat/cold, or letting tissue recover
    description: str


@dataclass(frozen=True)
class AblationMethod:
    id: str
    name: str
    device: str
    phases: tuple[Phase, ...]
    side_effects: tuple[SourcedText, ...]
    nursing: tuple[SourcedText, ...]
    sources: tuple[str, ...]

    def __post_init__(self) -> None:
        if len(self.phases) < 3:
            raise InvalidField("phases", "a cycle has at least three steps (apply, rest, repeat)")
        if self.phases[0].kind != "active" or self.phases[-1].kind != "active":
            raise InvalidField("phases", "a cycle starts and ends with an active step")


@dataclass(frozen=True)
class StepView:
    """What to show for one step of one method."""

    method: AblationMethod
    step: int  # 1-based
    phase: Phase

    @property
    def heading(self) -> str:
        return f"Step {self.step} of {len(self.method.phases)}: {self.phase.label}"


def methods() -> list[AblationMethod]:
    return list(load_collection(AblationMethod).values())


def method(method_id: str) -> AblationMethod:
    return load_collection(AblationMethod)[method_id]


def step_view(method_id: str, step: int) -> StepView:
    chosen = method(method_id)
    if not 1 <= step <= len(chosen.phases):
        raise ValueError(f"step must be 1 to {len(chosen.phases)}, got {step}")
    return StepView(chosen, step, chosen.phases[step - 1])


def sequence_text(chosen: AblationMethod) -> str:
    """The cycle in words, e.g. ``Heat → Cool → Heat again``."""
    return " → ".join(phase.label for phase in chosen.phases)
