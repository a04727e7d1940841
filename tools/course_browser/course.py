"""What the browser suite and the gallery cover: lessons and released assignments."""

from __future__ import annotations

from course_browser.lab import REPO_ROOT


def lessons() -> list[str]:
    """Lesson notebooks' file names in ``notebooks/``, in course order."""
    return sorted(p.name for p in (REPO_ROOT / "notebooks").glob("*.ipynb"))


def released() -> list[str]:
    """Student notebooks in ``release/``, as ``release/<assignment>/<file>.ipynb``."""
    return sorted(
        p.relative_to(REPO_ROOT).as_posix() for p in (REPO_ROOT / "release").glob("*/*.ipynb")
    )


# Screenshots and reports from test runs (gitignored).
ARTIFACTS = REPO_ROOT / "test-artifacts" / "browser"
