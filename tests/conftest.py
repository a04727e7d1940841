"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"

# nbgrader starts `alembic` through PATH: make the venv's scripts findable in every test.
os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
# Headless matplotlib everywhere; no figure windows in tests.
os.environ.setdefault("MPLBACKEND", "Agg")
# Kernels started by the suite (nbval, browser tests) inherit this: no background drawing
# competing with the tests for the CPU.
os.environ["BONEMETS_PREWARM"] = "0"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only reference folder beside the repository; absent in a user's clone."""
    if not (SHARED / "seed").is_dir():
        pytest.skip("../shared is not present (it exists only on the course team's machines)")
    return SHARED


@pytest.fixture
def course_data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private copy of course_data/ that a test may break; the loader reads it while the
    test runs (``BONEMETS_DATA``), with every cache cleared before and after."""
    from bonemets import clear_caches
    from bonemets.paths import DATA_VARIABLE

    folder = tmp_path / "course_data"
    shutil.copytree(REPO_ROOT / "course_data", folder)
    monkeypatch.setenv(DATA_VARIABLE, str(folder))
    clear_caches()
    yield folder
    clear_caches()


@pytest.fixture(scope="session")
def session_chromium() -> Iterator[Any]:
    """The session's one headless Chromium. Playwright's sync API allows one running
    instance per thread, so the browser suite and the hub test share this one."""
    from course_browser.chromium import find_chromium, launched_chromium
    from must_run import unavailable

    path = find_chromium()
    if path is None:
        why = "Chromium not found (Debian: apt-get install chromium fonts-dejavu-core)"
        unavailable(why, "the browser tests")
    with launched_chromium(path) as launched:
        yield launched
