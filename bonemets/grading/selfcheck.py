"""Score a notebook on a learner's own machine (``bonemets check``), no nbgrader needed.

Self-learners have the whole repository, keys included, so showing the rationale is fine.
Uses the same reader and scoring functions as the nbgrader preprocessor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import nbformat

from bonemets.assessment.bank import load_items
from bonemets.grading.marking import ItemResult, score_item
from bonemets.grading.preprocessor import ANSWER_SUFFIX


class NotebookProblem(ValueError):
    """The file is not a readable assignment notebook; the message is one line."""


@dataclass(frozen=True)
class NotebookReport:
    results: tuple[ItemResult, ...]

    @property
    def score(self) -> int:
        return sum(r.score for r in self.results)

    @property
    def max_points(self) -> int:
        return sum(r.max_points for r in self.results)


def _read(path: Path) -> nbformat.NotebookNode:
    try:
        nb: nbformat.NotebookNode = nbformat.read(path, as_version=4)
    except FileNotFoundError:
        raise NotebookProblem(f"{path}: no such file") from None
    except IsADirectoryError:
        raise NotebookProblem(f"{path}: is a folder, not a notebook") from None
    except (json.JSONDecodeError, UnicodeDecodeError, nbformat.reader.NotJSONError):
        raise NotebookProblem(f"{path}: not a notebook (the file is not valid JSON)") from None
    except Exception as exc:  # nbformat raises several types for a damaged notebook
        raise NotebookProblem(f"{path}: not a readable notebook ({type(exc).__name__})") from None
    if not isinstance(nb.get("cells"), list):
        raise NotebookProblem(f"{path}: not a notebook (no cells)")
    return nb


def score_notebook(path: Path) -> NotebookReport:
    """Score every item whose answer cell is in the notebook, by its nbgrader grade id."""
    nb = _read(path)
    items = load_items()
    sources: dict[str, str] = {}
    for cell in nb.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if cell.get("cell_type") == "code" and isinstance(grade_id, str):
            sources[grade_id] = cell.get("source", "")
    found = [
        item
        for item in items.values()
        if item.auto_graded and (item.id + ANSWER_SUFFIX in sources or item.id in sources)
    ]
    if not found:
        raise NotebookProblem(f"{path}: no graded questions of this course found in it")
    return NotebookReport(
        tuple(score_item(item, sources.get(item.id + ANSWER_SUFFIX)) for item in found)
    )
