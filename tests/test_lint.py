"""The code stays ruff clean and type checked (the same checks as `make lint`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

LINTED = ("bonemets", "tests", "benchmarks", "tools", "deploy", "nbgrader_config.py")


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip(f"{name} is not installed in this environment")
    return found


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)


def targets(repo_root: Path) -> list[str]:
    return [t for t in LINTED if (repo_root / t).exists()]


def test_ruff_finds_nothing(repo_root: Path) -> None:
    result = run([tool("ruff"), "check", *targets(repo_root)], repo_root)
    assert result.returncode == 0, result.stdout


def test_ruff_format_changes_nothing(repo_root: Path) -> None:
    result = run([tool("ruff"), "format", "--check", *targets(repo_root)], repo_root)
    assert result.returncode == 0, result.stdout


def test_mypy_finds_no_type_error(repo_root: Path) -> None:
    # Configured in pyproject.toml [tool.mypy]: strict, over the whole package.
    result = run([tool("mypy")], repo_root)
    assert result.returncode == 0, result.stdout


def test_mypy_configuration_is_strict(repo_root: Path, tmp_path: Path) -> None:
    """The configuration refuses what strict typing refuses (so the check above means it)."""
    (tmp_path / "sloppy.py").write_text(
        "def untyped(value):\n    return value\n\n\ndef wrong() -> int:\n    return 'one'\n"
    )
    result = run(
        [
            tool("mypy"),
            "--config-file",
            str(repo_root / "pyproject.toml"),
            "--no-incremental",
            str(tmp_path / "sloppy.py"),
        ],
        repo_root,
    )
    assert result.returncode == 1
    assert "[no-untyped-def]" in result.stdout
    assert "[return-value]" in result.stdout
