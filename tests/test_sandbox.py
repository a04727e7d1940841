"""The sandbox's own rules: it refuses to run unsandboxed in CI, falls back with a warning
elsewhere, hides the course from the view it builds, and keeps only valid outputs."""

from __future__ import annotations

import itertools
import logging
from pathlib import Path

import nbformat
import pytest

from bonemets.grading import sandbox
from bonemets.grading.sandbox import (
    Limits,
    SandboxedExecute,
    SandboxUnavailable,
    _validated_outputs,
    bwrap_command,
    readable_roots,
)

LIMITS = Limits(
    cell_seconds=3,
    notebook_seconds=20,
    cpu_seconds=15,
    memory_mb=1024,
    processes=64,
    output_bytes=10_000,
    scratch_mb=8,
)


def notebook(*sources: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return nb


def test_in_ci_a_missing_sandbox_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "bwrap_problem", lambda: "bubblewrap (bwrap) is not installed")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(SandboxUnavailable, match="not installed"):
        SandboxedExecute().preprocess(notebook("1"), {})


@pytest.mark.slow
def test_elsewhere_it_falls_back_with_a_warning_and_the_limits(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(sandbox, "bwrap_problem", lambda: "bubblewrap (bwrap) is not installed")
    for name in ("CI", "BONEMETS_REQUIRE_SANDBOX"):
        monkeypatch.delenv(name, raising=False)
    executor = SandboxedExecute(timeout=3, notebook_timeout=20)
    with caplog.at_level(logging.WARNING):
        nb, _ = executor.preprocess(
            notebook("print('ran')", "while True: pass", "import os; os._exit(3)", "print(2)"),
            {"metadata": {"path": str(tmp_path)}},
        )
    assert "WITHOUT the sandbox" in caplog.text
    assert executor.last_outcome is not None and not executor.last_outcome.isolated
    assert nb.cells[0].outputs[0]["text"] == "ran\n"
    assert "CellTimeoutError" in {o.get("ename") for o in nb.cells[1].outputs}
    assert nb.cells[2].outputs[-1]["ename"] == sandbox.SANDBOX_ERROR  # the kernel died here
    assert nb.cells[3].outputs == []  # not run after that


def test_the_view_hides_the_course_and_keys(tmp_path: Path) -> None:
    course = tmp_path / "course"
    keys = course / "course_data" / "assessment"
    keys.mkdir(parents=True)
    (tmp_path / "files").mkdir()
    roots = readable_roots([course, keys])
    assert all(course not in [r, *r.parents] or r == course / ".venv" for r in roots)
    command = bwrap_command(["python"], tmp_path / "files", "/home/student/work", LIMITS, [course])
    bound = [command[i + 1] for i, a in enumerate(command) if a in ("--ro-bind", "--bind")]
    assert str(course) not in bound
    assert "--unshare-net" in command and "--unshare-pid" in command
    assert "--bind" not in command  # nothing of the host is writable


def test_only_valid_outputs_come_back() -> None:
    good = [{"output_type": "stream", "name": "stdout", "text": "hi"}]
    assert _validated_outputs(good) is not None
    assert _validated_outputs([{"output_type": "stream", "name": "evil"}]) is None
    assert _validated_outputs("not a list") is None


def test_the_private_tmp_does_not_hide_a_venv_that_lives_under_tmp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CI clone in /tmp/...: /tmp's tmpfs must come before the venv's bind, not after."""
    venv = Path("/tmp/clone/.venv")
    monkeypatch.setattr(sandbox, "readable_roots", lambda hidden: [venv])
    command = bwrap_command(["python"], tmp_path / "files", "/home/student/work", LIMITS, [])
    pairs = list(itertools.pairwise(command))
    private_tmp = pairs.index(("--tmpfs", "/tmp"))
    bind = pairs.index(("--ro-bind", str(venv)))
    assert private_tmp < bind
