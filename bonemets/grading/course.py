"""Run nbgrader in-process on a course directory, with this course's configuration.

One place builds the traitlets Config (the repository's ``nbgrader_config.py`` plus
overrides), so ``bonemets release``, the tests and the benchmark grade exactly as
``nbgrader`` on the command line does, without its 2-3 s start-up per call.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from bonemets import paths
from bonemets.data.modules import assignment_ids
from bonemets.errors import UserError
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
    if not (root / ".exchange").exists():
        (root / ".exchange").mkdir(parents=True)
        (root / ".exchange").chmod(0o777)  # as nbgrader sets it (else it warns on release)
    if extra is not None:
        config.merge(extra)
    return config


def api(root: Path, extra: Config | None = None) -> Any:
    """An ``NbGraderAPI`` on ``root`` (imported lazily: nbgrader is slow to import)."""
    from nbgrader.apps import NbGraderAPI

    paths.venv_scripts_on_path()
    return NbGraderAPI(config=course_config(root, extra))


def checked(result: dict[str, Any], what: str) -> dict[str, Any]:
    if not result.get("success"):
        raise NbgraderFailed(f"nbgrader {what} failed:\n{result.get('error') or result.get('log')}")
    return result


def normalise_release(path: Path) -> None:
    """Rewrite a release notebook in the one layout (``release_format``), e.g. one written
    before ``GenerateAssignment.exporter_class`` was configured."""
    from bonemets.grading.release_format import release_text

    path.write_text(release_text(nbformat.read(path, as_version=4)), encoding="utf-8")


def build_release(
    root: Path, assignments: list[str] | None = None, force: bool = False
) -> list[Path]:
    """Write source notebooks from the item bank, then ``generate_assignment`` each one.

    nbgrader writes release/ in the course's one layout itself (``release_format``), so
    this and formgrader's Generate button give the same bytes. A source notebook edited by
    hand is refused (``SourceEditedByHand``) unless ``force``.
    """
    chosen = assignments or assignment_ids()
    for assignment in chosen:
        write_source(assignment, root, force=force)
    grader = api(root)
    written = []
    for assignment in chosen:
        checked(grader.generate_assignment(assignment), f"generate_assignment {assignment}")
        written.extend(sorted((root / "release" / assignment).glob("*.ipynb")))
    return written


@dataclass(frozen=True)
class CourseSite:
    """The nbgrader course directory a command acts on, and its gradebook."""

    root: Path
    db_url: str
    config: Config
    course_id: str


class NotACourse(UserError):
    """The folder a command runs in is not an nbgrader course directory."""


def course_site(directory: Path | None = None) -> CourseSite:
    """The course directory as ``nbgrader`` finds it when run in ``directory`` (default: cwd).

    nbgrader reads ``nbgrader_config.py`` from Jupyter's config folders, then from the working
    directory, then from ``CourseDirectory.root``; the gradebook is ``CourseDirectory.db_url``
    (``gradebook.db`` in the root unless configured, e.g. PostgreSQL). Instructor commands use
    this, so they act on the course nbgrader is using there, not on the installed package's.
    """
    from jupyter_core.paths import jupyter_config_path
    from nbgrader.coursedir import CourseDirectory

    here = (directory or Path.cwd()).resolve()
    if not here.is_dir():
        raise NotACourse(f"{here} is not a folder")
    config = Config()
    # nbgrader's order: Jupyter's folders (lowest priority first), then the working folder.
    for folder in [*reversed(jupyter_config_path()), str(here)]:
        if (Path(folder) / CONFIG_FILE).is_file():
            config.merge(PyFileConfigLoader(CONFIG_FILE, path=folder).load_config())
    if "root" not in config.CourseDirectory:
        config.CourseDirectory.root = str(here)
    root = Path(config.CourseDirectory.root).resolve()
    if (root / CONFIG_FILE).is_file() and root != here:
        config.merge(PyFileConfigLoader(CONFIG_FILE, path=str(root)).load_config())
    if not (root / CONFIG_FILE).is_file() and not (root / "gradebook.db").is_file():
        raise NotACourse(
            f"{root} is not an nbgrader course directory (no {CONFIG_FILE}, no gradebook.db): "
            "run this in the course directory"
        )
    coursedir = CourseDirectory(config=config)
    return CourseSite(
        root=root,
        db_url=str(coursedir.db_url),
        config=config,
        course_id=str(coursedir.course_id),
    )
