"""The set-up commands: make targets, the bonemets command, nbgrader from the repo root."""

from __future__ import annotations

import ast
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from bonemets.cli import COMMANDS, main, resolve
from bonemets.data.modules import assignment_ids


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, check=False, env={**os.environ, **env}
    )


def test_make_help_lists_every_target(repo_root: Path) -> None:
    result = run(["make", "--no-print-directory", "help"], repo_root)
    for target in ("lab", "test", "release", "lint", "clean", "screenshots", "bench"):
        assert f"make {target} " in result.stdout


def test_setup_does_not_reinstall_when_nothing_changed(repo_root: Path) -> None:
    if not (repo_root / ".venv" / ".installed").exists():
        pytest.skip("the suite is not running from the make-managed .venv")
    result = run(["make", "--no-print-directory", "--dry-run", "setup"], repo_root)
    assert result.returncode == 0
    assert "pip install" not in result.stdout


def test_setup_reinstalls_when_pyproject_is_newer(repo_root: Path) -> None:
    stamp = repo_root / ".venv" / ".installed"
    if not stamp.exists():
        pytest.skip("the suite is not running from the make-managed .venv")
    result = run(
        ["make", "--no-print-directory", "--dry-run", "--what-if=pyproject.toml", "setup"],
        repo_root,
    )
    assert "pip install" in result.stdout


def test_make_test_fast_executes_no_lesson_and_opens_no_browser(repo_root: Path) -> None:
    dry = run(["make", "--no-print-directory", "--dry-run", "test-fast"], repo_root)
    command = next(line for line in dry.stdout.splitlines() if " -m pytest" in line)
    pytest_args = shlex.split(command)[3:]  # after `.venv/bin/python -m pytest`
    collected = run(
        [sys.executable, "-m", "pytest", *pytest_args, "--collect-only", "-q"], repo_root
    )
    assert collected.returncode == 0, collected.stdout[-2000:]
    files = {line.split("::")[0] for line in collected.stdout.splitlines() if "::" in line}
    assert "tests/test_data_loader.py" in files
    assert not [f for f in files if f.endswith(".ipynb") or f.startswith("tests/browser/")]
    assert "tests/test_grading_roundtrip.py" not in files, "nbgrader runs are marked slow"


def test_assignments_come_from_the_learning_path() -> None:
    assert assignment_ids() == [
        "a1_diagnosis",
        "a2_systemic_treatment",
        "a3_local_and_supportive_care",
        "a4_case_study",
    ]


def test_cli_lists_its_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert name in out


def test_validate_data_command_passes_on_shipped_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate-data"]) == 0
    assert "ok  course_data/sources.yaml" in capsys.readouterr().out


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_has_help_listing_its_arguments(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([name, "--help"])
    assert exited.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert " ".join(COMMANDS[name].help.split()) in out
    for argument in COMMANDS[name].arguments:
        assert argument.flags[0] in out
        assert " ".join(argument.options["help"].split()) in out


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_names_a_function_that_exists(name: str) -> None:
    assert callable(resolve(COMMANDS[name].handler))


def bonemets_modules_after(code: str) -> set[str]:
    """The ``bonemets`` modules a fresh interpreter has imported after running ``code``."""
    probe = f"{code}\nimport sys\nprint(sorted(m for m in sys.modules if m.startswith('bonemets')))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return set(ast.literal_eval(result.stdout.strip().splitlines()[-1]))


def test_help_imports_no_command_module() -> None:
    # Start-up stays fast: arguments are declared in the table, not in the handlers' modules.
    code = (
        "from bonemets.cli import main\n"
        "for argv in (['--help'], ['item-analysis', '--help'], ['check', '--help']):\n"
        "    try:\n        main(argv)\n    except SystemExit:\n        pass"
    )
    assert bonemets_modules_after(code) == {"bonemets", "bonemets.cli", "bonemets.errors"}


def test_a_command_imports_only_its_own_module() -> None:
    reached = bonemets_modules_after("from bonemets.cli import main\nmain(['validate-data'])")
    assert "bonemets.admin" in reached
    assert not {m for m in reached if m.startswith(("bonemets.grading", "bonemets.browser"))}


def test_a_user_error_prints_each_line_after_the_command_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["check", str(tmp_path / "missing.ipynb")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bonemets check: ")
    assert "Traceback" not in err


@pytest.mark.slow
def test_nbgrader_lists_registered_assignments_from_repo_root(repo_root: Path) -> None:
    assert main(["register"]) == 0
    result = run(
        [str(Path(sys.executable).parent / "nbgrader"), "db", "assignment", "list"], repo_root
    )
    assert result.returncode == 0, result.stderr
    for name in assignment_ids():
        assert name in result.stdout
    assert "not recognized" not in result.stderr, "nbgrader_config.py has a stale option"


def test_commands_work_from_the_venv_without_activating_it(repo_root: Path, tmp_path: Path) -> None:
    """`.venv/bin/bonemets` run from a plain shell: nbgrader still finds `alembic`."""
    (tmp_path / "nbgrader_config.py").write_bytes((repo_root / "nbgrader_config.py").read_bytes())
    env = {**os.environ, "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "bonemets", "register", "--course-dir", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "gradebook.db").is_file()
