"""The code stays ruff clean (the same check as `make lint`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def test_ruff_finds_nothing(repo_root: Path) -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent))
    if ruff is None:
        pytest.skip("ruff is not installed in this environment")
    targets = [
        t
        for t in ("bonemets", "tests", "benchmarks", "tools", "nbgrader_config.py")
        if (repo_root / t).exists()
    ]
    result = subprocess.run(
        [ruff, "check", *targets], cwd=repo_root, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout
