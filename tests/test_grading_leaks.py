"""Answer keys never reach students: release/, lesson notebooks and what students import.

A "key marker" is any text that gives an answer away: the solution line of an answer cell
(``q4 = {"A", "C"}``), every rationale (they say which option is right), and the model
answer of the short answer. Feedback HTML is scanned in test_grading_roundtrip.py.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bonemets.assessment.bank import load_items
from bonemets.grading.source_builder import literal

REPO = Path(__file__).resolve().parents[1]
ITEMS = load_items()
ASSIGNMENTS = list(dict.fromkeys(i.assignment for i in ITEMS.values()))
SHAPES_MODULE = "bonemets.assessment.shapes"


def key_markers(assignment: str | None = None, *, solutions: bool = True) -> list[str]:
    markers: list[str] = []
    for item in ITEMS.values():
        if assignment and item.assignment != assignment:
            continue
        if item.auto_graded and solutions:
            markers.append(f"{item.variable} = {literal(item.answer_key)}")
        texts = [item.rationale, item.model_answer]
        texts += [o.rationale for o in item.options]
        for row in item.rows:
            texts += [row.rationale, *(o.rationale for o in row.options)]
        markers += [t for t in texts if t]
    return markers


def _text_of(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".ipynb":  # JSON escapes quotes; compare against the cell text
        cells = json.loads(text)["cells"]
        return "\n".join("".join(c["source"]) for c in cells) + text
    return text


def release_files() -> list[Path]:
    return sorted(p for p in (REPO / "release").rglob("*") if p.is_file())


def test_release_holds_every_assignment() -> None:
    for assignment in ASSIGNMENTS:
        assert (REPO / "release" / assignment / f"{assignment}.ipynb").is_file()


@pytest.mark.parametrize("path", release_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_no_key_in_any_release_file(path: Path) -> None:
    text = _text_of(path)
    hits = [marker for marker in key_markers() if marker in text]
    assert hits == [], f"{path.relative_to(REPO)} gives away: {hits[:3]}"
    for region in ("BEGIN SOLUTION", "HIDDEN TESTS", "MARK SCHEME"):
        assert region not in text


def test_no_key_in_lesson_notebooks() -> None:
    markers = key_markers()
    for path in sorted((REPO / "notebooks").glob("*.ipynb")):
        text = _text_of(path)
        assert [m for m in markers if m in text] == [], path.name


def _imports(code: str) -> set[str]:
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_release_notebooks_import_only_the_shape_module() -> None:
    for path in (REPO / "release").rglob("*.ipynb"):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        imported = set().union(
            *(_imports("".join(c["source"])) for c in cells if c["cell_type"] == "code")
        )
        assert imported <= {SHAPES_MODULE}, path.name


def test_shape_module_loads_no_course_data() -> None:
    # In a fresh interpreter: importing the module students use pulls in nothing else.
    code = (
        f"import sys, {SHAPES_MODULE}\n"
        "print(sorted(m for m in sys.modules if m.startswith('bonemets')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(["bonemets", "bonemets.assessment", SHAPES_MODULE])


def test_no_student_facing_module_reaches_the_item_bank() -> None:
    # Only the assessment, grading and instructor packages and the instructor's commands may
    # load items: cli.py, admin.py (validate-data checks the item bank) and
    # gradebook_report.py (item analysis reads the gradebook and the autograded answers).
    for path in (REPO / "bonemets").rglob("*.py"):
        relative = path.relative_to(REPO / "bonemets").parts
        if relative[0] in ("assessment", "grading", "instructor") or path.name in (
            "cli.py",
            "admin.py",
            "gradebook_report.py",
        ):
            continue
        imported = _imports(path.read_text(encoding="utf-8"))
        bad = {m for m in imported if m.startswith(("bonemets.assessment", "bonemets.grading"))}
        assert bad <= {SHAPES_MODULE}, f"{path.relative_to(REPO)} imports {bad}"


def test_keys_live_only_under_course_data_assessment() -> None:
    # Answer-bearing folders students receive: release/ and notebooks/ (checked above);
    # source/ holds keys by design and is the instructor's copy.
    bank = REPO / "course_data" / "assessment"
    assert sorted(p.name for p in bank.glob("*.yaml")) == sorted(f"{a}.yaml" for a in ASSIGNMENTS)
