"""Course-administration commands: check the data, register assignments with nbgrader."""

from __future__ import annotations

import argparse
from pathlib import Path

from bonemets.data import ModuleObjectives, load_collection, load_course

REPO_ROOT = Path(__file__).resolve().parents[1]


def assignment_ids() -> list[str]:
    """The graded assignments, in course order (the ``kind: assignment`` modules)."""
    modules = load_collection(ModuleObjectives).values()
    return [m.id for m in sorted(modules, key=lambda m: m.number) if m.kind == "assignment"]


def validate_data(args: argparse.Namespace) -> int:
    for collection in load_course().values():
        print(f"ok  {collection.file}: {len(collection)} records")
    return 0


def register(args: argparse.Namespace) -> int:
    """Add every assignment to the gradebook (idempotent), as nbgrader's own db command does."""
    from nbgrader.api import Gradebook  # heavy: import only when registering

    db_url = f"sqlite:///{REPO_ROOT / 'gradebook.db'}"
    with Gradebook(db_url, course_id="bonemets") as gradebook:
        for name in assignment_ids():
            gradebook.update_or_create_assignment(name)
    print(f"registered {len(assignment_ids())} assignments in gradebook.db")
    return 0
