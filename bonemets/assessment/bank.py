"""Load the item bank and check what one record cannot check alone (cross-references).

Errors are :class:`CourseDataError` naming the file, the item and the field.
"""

from __future__ import annotations

from pathlib import Path

from bonemets import paths
from bonemets.assessment.items import Item
from bonemets.data import (
    CourseDataError,
    ModuleObjectives,
    Problem,
    SeedSection,
    load_collection,
)
from bonemets.data.catalog import COLLECTIONS
from bonemets.data.loader import data_dir, load_file

ITEM_CLASS = "bonemets.assessment.items:Item"


def bank_files() -> list[str]:
    """The catalog's item-bank files, e.g. ``assessment/a1_diagnosis.yaml``."""
    return [file for file, dotted in COLLECTIONS.items() if dotted == ITEM_CLASS]


def _validate(folder: Path) -> None:
    modules = load_collection(ModuleObjectives, folder)
    sections = load_collection(SeedSection, folder)
    objectives = {o.id for m in modules.values() for o in m.objectives}
    assignments = {m.id for m in modules.values() if m.kind == "assignment"}
    problems = []
    for file in bank_files():
        collection = load_file(file, folder)
        for item in collection.values():
            problem = None
            if item.assignment not in assignments:
                problem = "assignment", f"unknown assignment {item.assignment!r} (modules.yaml)"
            elif item.assignment != Path(file).stem:
                problem = "assignment", f"this file holds {Path(file).stem!r} items only"
            elif item.objective not in objectives:
                problem = "objective", f"unknown objective {item.objective!r} (modules.yaml)"
            elif item.seed_section not in sections:
                problem = (
                    "seed_section",
                    (f"unknown seed section {item.seed_section!r} (seed_sections.yaml)"),
                )
            if problem:
                problems.append(Problem(collection.file, item.id, problem[0], problem[1]))
    if problems:
        raise CourseDataError.of(problems)


def load_items(folder: Path | None = None) -> dict[str, Item]:
    """Every item, validated, keyed by id, in catalog and file order."""
    folder = (folder or data_dir()).resolve()
    if paths.student_edition() and not any((folder / file).is_file() for file in bank_files()):
        raise paths.AnswerKeysNotInstalled()  # one plain line, not "file not found"
    items = dict(load_collection(Item, folder))
    _validate(folder)
    return items


def items_for(assignment: str, folder: Path | None = None) -> list[Item]:
    """The items of one assignment, in file order (short answer last)."""
    chosen = [i for i in load_items(folder).values() if i.assignment == assignment]
    return sorted(chosen, key=lambda i: (not i.auto_graded, i.id))
