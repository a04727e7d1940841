"""Answer keys never reach what students run: a static walk of the imports.

Lessons and release notebooks import parts of ``bonemets``. Following every import from
their cells (package ``__init__`` files included, as Python runs them) must never reach the
code that reads the graded item bank (``bonemets.assessment`` items and bank, and
``bonemets.grading``), nor any module that names the bank's folder.
"""

from __future__ import annotations

import ast
import importlib.util
from collections.abc import Iterable
from pathlib import Path

import nbformat
import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
# Modules a student's notebook may import from the assessment package: answer shapes and
# the answer reader (neither loads the item bank).
ALLOWED_ASSESSMENT = {
    "bonemets.assessment",
    "bonemets.assessment.shapes",
    "bonemets.assessment.answers",
}
# The catalog names every data file, the bank's included, but loads nothing by itself:
# records of a kind are read only when code asks for that record class.
NAMES_FILES_ONLY = {"bonemets.data.catalog"}


def imported_modules(source: str, package: str | None = None) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level and package:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            found.add(base)
            # `from bonemets.quiz import widget` may name a submodule.
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {m for m in found if m == "bonemets" or m.startswith("bonemets.")}


def module_source(name: str) -> tuple[str, bool] | None:
    try:
        spec = importlib.util.find_spec(name)
    except (ModuleNotFoundError, ValueError):
        return None  # `from pkg.module import name`: name is not a module
    if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
        return None
    return Path(spec.origin).read_text(
        encoding="utf-8"
    ), spec.submodule_search_locations is not None


def closure(start: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(start)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        found = module_source(name)
        if found is None:
            continue  # a name imported from a module, not a module itself
        seen.add(name)
        parent = name.rpartition(".")[0]
        if parent:
            todo.append(parent)  # importing a.b.c runs a and a.b first
        source, is_package = found
        todo.extend(imported_modules(source, name if is_package else parent))
    return seen


def notebook_imports(paths: Iterable[Path]) -> set[str]:
    modules: set[str] = set()
    for path in paths:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                try:
                    modules |= imported_modules(cell.source)
                except SyntaxError:
                    continue  # an answer cell a student has not filled in yet
    return modules


def forbidden(modules: set[str]) -> list[str]:
    bad = []
    for name in sorted(modules):
        if name.startswith("bonemets.grading") or (
            name.startswith("bonemets.assessment") and name not in ALLOWED_ASSESSMENT
        ):
            bad.append(name)
            continue
        source, _ = module_source(name) or ("", False)
        if "assessment/" in source and name not in NAMES_FILES_ONLY:
            bad.append(f"{name} (names the item bank's folder)")
    return bad


def test_walk_follows_imports_through_packages() -> None:
    reached = closure(imported_modules("from bonemets.admin import validate_data"))
    assert {"bonemets", "bonemets.admin", "bonemets.data", "bonemets.data.loader"} <= reached


def test_lessons_never_reach_the_item_bank() -> None:
    lessons = sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))
    assert lessons
    reached = closure(notebook_imports(lessons))
    assert "bonemets.quiz.widget" in reached, "the walk followed the lessons' imports"
    assert forbidden(reached) == []


def test_release_notebooks_never_reach_the_item_bank() -> None:
    notebooks = sorted((REPO_ROOT / "release").rglob("*.ipynb"))
    if not notebooks:
        pytest.fail("release/ has no notebooks; run `make release`")
    assert forbidden(closure(notebook_imports(notebooks))) == []


def test_forbidden_flags_grading_modules() -> None:
    assert forbidden({"bonemets.grading"}) == ["bonemets.grading"]
