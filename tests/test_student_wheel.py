"""The student edition (tools/student_wheel.py): the course without the answer keys.

The wheel is built once per session and installed into a fresh virtual environment that
borrows this venv's third-party packages (a ``.pth`` line) but not its editable ``bonemets``.
What a student gets must work (lessons and their data, the answer-form extension, Validate
on a release notebook) and must hold no key, rationale or model answer: every such text is
taken from the item bank and looked for in every file of the wheel.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import sysconfig
import venv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import nbformat
import pytest
import student_wheel
import yaml
from must_run import unavailable
from packaging.version import Version
from test_key_isolation import closure, notebook_imports

from bonemets.assessment.bank import load_items
from bonemets.assessment.items import Item
from bonemets.grading.source_builder import literal

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
ASSIGNMENT = "a1_diagnosis"
# Variables that would point the installed package back at this repository.
COURSE_VARIABLES = ("BONEMETS_ROOT", "BONEMETS_DATA", "PYTHONPATH", "JUPYTER_PATH")


def cannot_build(reason: str) -> None:
    unavailable(f"the student wheel cannot be built here: {reason}", "the wheel build")


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    installed = Version(version("setuptools"))
    if installed < Version("77"):
        cannot_build(f"setuptools {installed} is older than 77 (run `make setup`)")
    try:
        return student_wheel.build(tmp_path_factory.mktemp("student-wheel"))
    except subprocess.CalledProcessError as failed:
        cannot_build(f"pip wheel exited with {failed.returncode}")
        raise


@pytest.fixture(scope="session")
def wheel_files(wheel: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(wheel) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


# What the item bank holds that students must never get -----------------------------------


def squeezed(text: str) -> str:
    return " ".join(text.split())


def secrets_of(item: Item) -> Iterator[str]:
    """Every rationale, model answer and rubric line of an item, and its key as the
    instructors' source notebook writes it (``q3 = {"B", "D"}``)."""
    yield from (o.rationale for o in item.options if o.rationale)
    yield from (o.unsafe_reason for o in item.options if o.unsafe_reason)
    yield from (r.rationale for r in item.rows if r.rationale)
    yield from (line.text for line in item.rubric)
    if item.rationale:
        yield item.rationale
    if item.model_answer:
        yield item.model_answer
    if item.auto_graded:
        yield f"{item.variable} = {literal(item.answer_key)}"


@pytest.fixture(scope="session")
def secrets() -> set[str]:
    found = {squeezed(text) for item in load_items().values() for text in secrets_of(item)}
    assert len(found) > 100, "the bank's keys, rationales and model answers were collected"
    return found


def strings_in(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from strings_in(key)
            yield from strings_in(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from strings_in(inner)


def readable_text(name: str, content: bytes) -> str:
    """A file's text as a reader sees it: YAML and JSON decoded (folded lines, escapes)."""
    text = content.decode("utf-8", errors="replace")
    parsed: Any = None
    if name.endswith((".yaml", ".yml")):
        parsed = yaml.safe_load(text)
    elif name.endswith((".json", ".ipynb")):
        parsed = json.loads(text)
    if parsed is None:
        return squeezed(text)
    return squeezed(text + " " + " ".join(strings_in(parsed)))


def leaks(files: dict[str, bytes], secrets: set[str]) -> list[str]:
    found = []
    for name, content in sorted(files.items()):
        text = readable_text(name, content)
        found.extend(f"{name}: {secret[:60]}" for secret in sorted(secrets) if secret in text)
    return found


def test_the_leak_scan_finds_a_rationale_in_folded_yaml(secrets: set[str]) -> None:
    rationale = max(secrets, key=len)
    planted = yaml.safe_dump([{"id": "x", "text": rationale}], width=40).encode()
    assert leaks({"course_data/glossary.yaml": planted}, secrets) != []
    assert leaks({"course_data/glossary.yaml": b"- id: x\n"}, secrets) == []


def test_no_key_rationale_or_model_answer_is_in_the_wheel(
    wheel_files: dict[str, bytes], secrets: set[str]
) -> None:
    assert leaks(wheel_files, secrets) == []


def test_the_wheel_holds_no_item_bank_source_or_instructor_module(
    wheel_files: dict[str, bytes],
) -> None:
    names = list(wheel_files)
    assert [n for n in names if "assessment/" in n and not n.endswith(".py")] == []
    assert [n for n in names if "/source/" in n or n.startswith("source/")] == []
    assert [n for n in names if "release/" in n] == []
    assert [n for n in names if n.startswith("bonemets/grading")] == []
    for instructor_module in ("admin", "item_analysis", "gradebook_report", "sources_report"):
        assert f"bonemets/{instructor_module}.py" not in names


def test_the_wheel_holds_exactly_what_the_allow_list_names(wheel_files: dict[str, bytes]) -> None:
    allowed = student_wheel.allowed_files()
    packaged = {n for n in wheel_files if n.startswith("bonemets/")}
    assert packaged == {n for n in allowed if n.startswith("bonemets/")}
    lessons = {n for n in packaged if n.endswith(".ipynb")}
    assert {Path(n).name for n in lessons} == {p.name for p in (REPO / "notebooks").glob("*.ipynb")}
    extension = "bonemets-answer-forms/package.json"
    assert any(n.endswith(f"data/share/jupyter/labextensions/{extension}") for n in wheel_files)


def test_everything_lessons_and_release_notebooks_import_is_in_the_wheel(
    wheel_files: dict[str, bytes],
) -> None:
    """A module a notebook reaches (through any import) but the allow-list forgot fails here."""
    notebooks = [*(REPO / "notebooks").glob("*.ipynb"), *(REPO / "release").rglob("*.ipynb")]
    reached = closure(notebook_imports(notebooks))
    assert "bonemets.assessment.shapes" in reached and "bonemets.quiz.widget" in reached
    missing = [
        name
        for name in sorted(reached)
        if f"{name.replace('.', '/')}.py" not in wheel_files
        and f"{name.replace('.', '/')}/__init__.py" not in wheel_files
    ]
    assert missing == []


def test_an_allow_list_pattern_that_matches_nothing_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(student_wheel.StagingError, match="matches no file"):
        student_wheel.allowed_files(tmp_path)


# The student's environment ---------------------------------------------------------------


@dataclass(frozen=True)
class StudentEnv:
    python: Path
    environment: dict[str, str]
    folder: Path

    def run(self, *args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(a) for a in args],
            capture_output=True,
            text=True,
            env=self.environment,
            cwd=cwd or self.folder,  # never the repository: its bonemets/ would win
            timeout=240,
        )


@pytest.fixture(scope="session")
def student_env(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> StudentEnv:
    folder = tmp_path_factory.mktemp("student-env")
    venv.create(folder / "venv", with_pip=False)
    python = folder / "venv" / "bin" / "python"
    install = [sys.executable, "-m", "pip", "--python", str(python), "install"]
    options = ["--quiet", "--no-deps", "--no-index", "--disable-pip-version-check"]
    subprocess.run([*install, *options, str(wheel)], check=True, capture_output=True)
    # Only now borrow this venv's packages: a path in a .pth file is added to sys.path, but
    # the .pth files inside it (the editable bonemets finder) are not processed.
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    borrowed = dict.fromkeys(sysconfig.get_paths()[kind] for kind in ("purelib", "platlib"))
    (Path(site) / "borrowed_packages.pth").write_text("".join(f"{p}\n" for p in borrowed))
    environment = {k: v for k, v in os.environ.items() if k not in COURSE_VARIABLES}
    environment["PATH"] = f"{python.parent}{os.pathsep}{environment.get('PATH', '')}"
    return StudentEnv(python, environment, folder)


PROBE = """
import importlib, json, pkgutil, sys
import bonemets
from bonemets import paths
from bonemets.data.catalog import COLLECTIONS
from bonemets.data.loader import load_file
from bonemets.assessment.bank import bank_files, load_items
from jupyter_core.paths import jupyter_path

walked = pkgutil.walk_packages(bonemets.__path__, "bonemets.")
modules = [m.name for m in walked if not m.name.endswith("__main__")]  # __main__ would run
for name in modules:
    importlib.import_module(name)
loaded = {f: len(load_file(f)) for f in COLLECTIONS if f not in bank_files()}
try:
    load_items()
    bank = "loaded"
except Exception as error:
    bank = f"{type(error).__name__}: {error}"
print(json.dumps({
    "package": bonemets.__file__,
    "student_edition": paths.student_edition(),
    "modules": modules,
    "loaded": loaded,
    "bank": bank,
    "lessons": sorted(p.name for p in paths.notebooks_dir().glob("*.ipynb")),
    "extension": [p for p in jupyter_path("labextensions")
                  if __import__("os").path.isfile(p + "/bonemets-answer-forms/package.json")],
    "editable_finder": [m for m in sys.modules if "editable" in m],
}))
"""


@pytest.fixture(scope="session")
def probe(student_env: StudentEnv) -> dict[str, Any]:
    done = student_env.run(student_env.python, "-c", PROBE)
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def test_the_student_gets_the_installed_wheel_not_the_repository(
    probe: dict[str, Any], student_env: StudentEnv
) -> None:
    assert Path(probe["package"]).is_relative_to(student_env.folder)
    assert probe["student_edition"] is True
    assert probe["editable_finder"] == []


def test_every_module_imports_and_every_lesson_data_file_loads(probe: dict[str, Any]) -> None:
    assert "bonemets.imaging.widgets" in probe["modules"]
    assert not [m for m in probe["modules"] if m.startswith("bonemets.grading")]
    assert probe["loaded"]["treatment/options.yaml"] > 0
    assert all(count > 0 for count in probe["loaded"].values()), probe["loaded"]
    assert probe["lessons"] == sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))


def test_the_answer_forms_are_installed_where_jupyterlab_looks(
    probe: dict[str, Any], student_env: StudentEnv
) -> None:
    assert [Path(p) for p in probe["extension"]] == [
        student_env.folder / "venv" / "share" / "jupyter" / "labextensions"
    ]


def test_the_item_bank_is_refused_in_one_plain_line(probe: dict[str, Any]) -> None:
    assert probe["bank"] == (
        "AnswerKeysNotInstalled: the answer keys are not installed here: this is the student "
        "edition of the course, without the item bank or the instructors' commands"
    )


def test_self_scoring_says_the_keys_are_not_installed(student_env: StudentEnv) -> None:
    notebook = REPO / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    done = student_env.run(student_env.folder / "venv" / "bin" / "bonemets", "check", notebook)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "bonemets check: the answer keys are not installed here: this is the student edition "
        "of the course, without the item bank or the instructors' commands"
    ]


def test_a_lesson_runs_from_the_packaged_copy(student_env: StudentEnv) -> None:
    run_lesson = (
        "import sys, nbformat\n"
        "from nbclient import NotebookClient\n"
        "from bonemets import paths\n"
        "nb = nbformat.read(paths.notebooks_dir() / '00_start_here.ipynb', as_version=4)\n"
        "NotebookClient(nb, timeout=120, kernel_name='python3').execute()\n"
        "errors = [o for c in nb.cells for o in c.get('outputs', [])"
        " if o.output_type == 'error']\n"
        "print(len(nb.cells), len(errors))\n"
    )
    environment = {**student_env.environment, "BONEMETS_PREWARM": "0", "MPLBACKEND": "Agg"}
    done = subprocess.run(
        [str(student_env.python), "-c", run_lesson],
        capture_output=True,
        text=True,
        env=environment,
        cwd=student_env.folder,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    cells, errors = map(int, done.stdout.split())
    assert cells > 5 and errors == 0


def test_validate_checks_a_release_notebook(student_env: StudentEnv) -> None:
    """nbgrader's Validate, run in the student's environment, names an unanswered question
    (the release notebook's check cells import the packaged form checks)."""
    items = [i for i in load_items().values() if i.assignment == ASSIGNMENT and i.auto_graded]
    answered, left_blank = items[1:], items[0]
    nb = nbformat.read(REPO / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        for item in answered:
            if grade_id == f"{item.id}_answer":
                cell.source = f"{item.variable} = {literal(item.answer_key)}"
    path = student_env.folder / f"{ASSIGNMENT}.ipynb"
    nbformat.write(nb, path)
    validate = (
        "import json, sys\n"
        "from nbgrader.validator import Validator\n"
        "print(json.dumps(Validator().validate(sys.argv[1])))\n"
    )
    done = student_env.run(student_env.python, "-c", validate, path)
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(done.stdout.splitlines()[-1])
    errors = [re.sub(r"<[^>]+>", "", failure["error"]) for failure in results.get("failed", [])]
    assert len(errors) == 2, errors
    blank = f"Question {left_blank.number_in_assignment} is not answered yet."
    assert errors[0].startswith(blank), errors[0]
    assert errors[1] == "You did not provide a response."  # the short answer, untouched
