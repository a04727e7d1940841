"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
import sys
from pathlib import Path

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
