"""The learning path (``course_data/modules.yaml``) as the rest of the package asks for it."""

from __future__ import annotations

from bonemets.data.loader import load_collection
from bonemets.data.records import ModuleObjectives


def assignment_ids() -> list[str]:
    """The graded assignments, in course order (the ``kind: assignment`` modules)."""
    modules = load_collection(ModuleObjectives).values()
    return [m.id for m in sorted(modules, key=lambda m: m.number) if m.kind == "assignment"]
