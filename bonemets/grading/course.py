"""Run nbgrader in-process on a course directory, with this course's configuration.

One place builds the traitlets Config (the repository's ``nbgrader_config.py`` plus
overrides), so ``bonemets release``, the tests and the benchmark grade exactly as
``nbgrader`` on the command line does, without its 2-3 s start-up per call.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import nbformat
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from bonemets import paths
from bonemets.data.modules import assignment_ids
from bonemets.grading.source_builder import write_source

CONFIG_FILE = "nbgrader_config.py"


class NbgraderFailed(RuntimeError):
    """nbgrader reported failure; the message carries its log."""


def course_config(root: Path, extra: Config | None = None) -> Config:
    """The repository's nbgrader configuration, pointed at the course directory ``root``."""
    config = PyFileConfigLoader(CONFIG_FILE, path=str(paths.repo_root())).load_config()
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}"
    config.Exchange.root = str(root / ".exchange")
    (root / ".exchange").mkdir(parents=True, exist_ok=True)
    if extra is not None:
        config.merge(extra)
    return config


def api(root: Path, extra: Config | None = None) -> Any:
    """An ``NbGraderAPI`` on ``root`` (imported lazily: nbgrader is slow to import)."""
    from nbgrader.apps import NbGraderAPI

    return NbGraderAPI(config=course_config(root, extra))


def checked(result: dict[str, Any], what: str) -> dict[str, Any]:
    if not result.get("success"):
        raise NbgraderFailed(f"nbgrader {what} failed:\n{result.get('error') or result.get('log')}")
    return result


def normalise_release(path: Path) -> None:
    """Drop what varies between runs so ``release/`` is byte-for-byte reproducible."""
    nb = nbformat.read(path, as_version=4)
    nb.metadata.pop("widgets", None)
    text = json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")


def build_release(root: Path, assignments: list[str] | None = None) -> list[Path]:
    """Write source notebooks from the item bank, then ``generate_assignment`` each one."""
    chosen = assignments or assignment_ids()
    for assignment in chosen:
        write_source(assignment, root)
    grader = api(root)
    written = []
    for assignment in chosen:
        checked(grader.generate_assignment(assignment), f"generate_assignment {assignment}")
        for path in sorted((root / "release" / assignment).glob("*.ipynb")):
            normalise_release(path)
            written.append(path)
    return written
