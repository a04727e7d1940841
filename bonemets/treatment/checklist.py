"""Interactive checklists (medication safety, appointment preparation): which steps are done
and which gaps remain, named. Pure functions; the widget only draws the result."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bonemets.data import load_collection
from bonemets.data.errors import InvalidField


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    group: str  # e.g. "Before every dose", "Teaching"
    text: str
    why: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    items: tuple[ChecklistItem, ...]

    def __post_init__(self) -> None:
        ids = [item.id for item in self.items]
        if not ids:
            raise InvalidField("items", "give at least one item")
        if len(set(ids)) != len(ids):
            raise InvalidField("items", "item ids must be unique within a checklist")

    @property
    def groups(self) -> list[str]:
        return list(dict.fromkeys(item.group for item in self.items))


@dataclass(frozen=True)
class ChecklistStatus:
    checklist: Checklist
    done: tuple[ChecklistItem, ...]
    gaps: tuple[ChecklistItem, ...]

    @property
    def complete(self) -> bool:
        return not self.gaps

    @property
    def summary(self) -> str:
        total = len(self.checklist.items)
        if self.complete:
            return f"All {total} steps done for {self.checklist.title}."
        return (
            f"{len(self.done)} of {total} steps done. "
            f"{len(self.gaps)} gap{'s' if len(self.gaps) != 1 else ''} before going ahead."
        )


def checklists() -> dict[str, Checklist]:
    return dict(load_collection(Checklist))


def checklist(checklist_id: str) -> Checklist:
    return load_collection(Checklist)[checklist_id]


def status(chosen: Checklist, done_ids: Iterable[str]) -> ChecklistStatus:
    """Split a checklist into done steps and named gaps; unknown ids are an error."""
    done_set = set(done_ids)
    unknown = done_set - {item.id for item in chosen.items}
    if unknown:
        raise ValueError(f"{chosen.id}: no such item {', '.join(sorted(unknown))}")
    return ChecklistStatus(
        chosen,
        tuple(item for item in chosen.items if item.id in done_set),
        tuple(item for item in chosen.items if item.id not in done_set),
    )
