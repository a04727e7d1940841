"""The course is written in its own words: no run of 8+ words shared with the seed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHECKED = ["notebooks", "course_data", "README.md", "source", "release", "bonemets"]


def test_no_sentences_copied_from_the_seed(shared_dir: Path, repo_root: Path) -> None:
    tool = shared_dir / "tools" / "seed_overlap.py"
    paths = [p for p in CHECKED if (repo_root / p).exists()]
    result = subprocess.run(
        [sys.executable, str(tool), *paths],
        cwd=repo_root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, "copied from the seed:\n" + result.stdout
