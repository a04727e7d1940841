"""Put a submission's nbgrader metadata back as the gradebook has it, before nbgrader checks it.

A student who edits cell metadata (raises points, renames a check cell, marks an answer cell as
graded) or duplicates cells makes stock ``nbgrader autograde`` give up on the whole notebook:
``DeduplicateIds`` leaves an empty ``nbgrader`` dict that ``CheckCellMetadata`` reports as
"an old version of the nbgrader metadata format", and an unknown graded ``grade_id`` ends in a
database traceback. :class:`RepairNbgraderMetadata` runs between those two in
``Autograde.sanitize_preprocessors`` (``nbgrader_config.py``): every cell that names a cell of
the assignment gets that cell's roles and points from the gradebook; every other cell
(a duplicate, an invented ``grade_id``, an emptied dict) becomes an ordinary student cell.
``OverwriteCells`` then restores locked and check cells' sources as usual, so the notebook is
graded, and an edit can only lose points, never gain them.
"""

from __future__ import annotations

from typing import Any

from nbformat.notebooknode import NotebookNode
from nbgrader.api import Gradebook
from nbgrader.preprocessors import NbGraderPreprocessor

SCHEMA_VERSION = 3


class RepairNbgraderMetadata(NbGraderPreprocessor):
    """Each cell's nbgrader roles as the gradebook records them; strangers lose theirs."""

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gradebook:  # as OverwriteCells opens it
            source = gradebook.find_notebook(info["notebook"], info["assignment"])
            grades = {c.name: (float(c.max_score), c.cell_type) for c in source.grade_cells}
            solutions = {c.name for c in source.solution_cells}
            tasks = {c.name: float(c.max_score) for c in source.task_cells}
            locked = {c.name: bool(c.locked) for c in source.source_cells}
        known = set(grades) | solutions | set(tasks) | set(locked)
        seen: set[str] = set()
        for cell in reversed(nb.cells):  # as DeduplicateIds: the last copy of a cell counts
            meta = cell.metadata.get("nbgrader")
            if meta is None:
                continue
            name = meta.get("grade_id") if isinstance(meta, dict) else None
            if not isinstance(name, str) or name not in known or name in seen:
                if meta:
                    self.log.warning("Cell %r is not a cell of this assignment: ignored", name)
                del cell.metadata["nbgrader"]
                continue
            seen.add(name)
            repaired: dict[str, Any] = {
                "schema_version": SCHEMA_VERSION,
                "grade_id": name,
                "grade": name in grades,
                "solution": name in solutions,
                "locked": locked.get(name, False),
            }
            if name in grades:
                repaired["points"] = grades[name][0]
            if name in tasks:
                repaired.update(task=True, points=tasks[name])
            if "checksum" in meta and isinstance(meta["checksum"], str):
                repaired["checksum"] = meta["checksum"]
            if "cell_type" in meta and isinstance(meta["cell_type"], str):
                repaired["cell_type"] = meta["cell_type"]
            if repaired != meta:
                self.log.warning("Cell %r: nbgrader metadata restored from the gradebook", name)
            cell.metadata["nbgrader"] = repaired
        return nb, resources
