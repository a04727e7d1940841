"""Every lesson is shaped the same way: notice and objectives first, key points and
sources last, self-checks spread through it, thin code cells, no stored outputs."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

from bonemets.data import ModuleObjectives, load_collection
from bonemets.quiz import self_checks_for

LESSONS = sorted(
    (m for m in load_collection(ModuleObjectives).values() if m.kind == "lesson"),
    key=lambda m: m.number,
)
ASK = re.compile(r"""quiz\.ask\(\s*["']([^"']+)["']\s*\)""")


def read(repo_root: Path, notebook: str) -> nbformat.NotebookNode:
    return nbformat.read(repo_root / notebook, as_version=4)


@pytest.fixture(params=LESSONS, ids=lambda m: m.id)
def lesson(request: pytest.FixtureRequest, repo_root: Path):
    path = repo_root / request.param.notebook
    assert path.exists(), f"{request.param.notebook} is listed in modules.yaml but missing"
    return request.param, read(repo_root, request.param.notebook)


def test_only_listed_lessons_exist(repo_root: Path) -> None:
    on_disk = {str(p.relative_to(repo_root)) for p in (repo_root / "notebooks").glob("*.ipynb")}
    assert on_disk == {m.notebook for m in LESSONS}


def test_opens_with_title_notice_and_objectives(lesson) -> None:
    module, nb = lesson
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    opening = "\n".join(c.source for c in nb.cells[:4] if c.cell_type == "code")
    assert "lesson.Notice()" in opening
    assert f'lesson.Objectives("{module.id}")' in opening


def test_ends_with_key_points_and_sources(lesson) -> None:
    _, nb = lesson
    tail = nb.cells[-4:]
    assert any(c.cell_type == "markdown" and "## Key points" in c.source for c in tail)
    assert any("lesson.References(" in c.source for c in tail)


def test_self_checks_are_spread_through_and_all_exist(lesson) -> None:
    module, nb = lesson
    asked = [
        (index, item_id)
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        for item_id in ASK.findall(cell.source)
    ]
    known = {item.id for item in self_checks_for(module.id)}
    minimum = 2 if module.id == "start" else 5
    assert len(asked) >= minimum, f"{module.id} asks {len(asked)} self-checks"
    assert {item_id for _, item_id in asked} == known, "every self-check asked exactly once"
    assert len({item_id for _, item_id in asked}) == len(asked)
    positions = [index for index, _ in asked]
    # Not all bunched at the end: the first comes before the lesson's second half.
    assert positions[0] < len(nb.cells) / 2


def test_code_cells_are_thin(lesson) -> None:
    """Logic lives in bonemets/: no function or class definitions, no long cells."""
    _, nb = lesson
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        defined = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.ClassDef)]
        assert not defined, f"definition in a lesson cell:\n{cell.source}"
        assert len(cell.source.splitlines()) <= 8, f"cell too long:\n{cell.source}"


def test_committed_without_outputs(lesson) -> None:
    _, nb = lesson
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None


def test_every_lesson_is_in_the_learning_path_text() -> None:
    from bonemets.lesson import LearningPath

    html = LearningPath()._repr_html_()
    for module in load_collection(ModuleObjectives).values():
        assert module.title.replace("&", "&amp;") in html


def test_every_code_cell_is_folded_away(lesson) -> None:
    """Students are nurses, not programmers: every code cell of a lesson only displays a
    widget, table or self-check, so its input is hidden (one click shows it)."""
    _, nb = lesson
    for cell in nb.cells:
        if cell.cell_type == "code":
            hidden = cell.metadata.get("jupyter", {}).get("source_hidden")
            assert hidden is True, f"code shown to students:\n{cell.source}"


def test_the_tally_sits_right_after_the_last_self_check(lesson) -> None:
    """The same place in every lesson: the running score follows the last question."""
    _, nb = lesson
    code = [(i, c.source) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    tallies = [i for i, source in code if "quiz.tally_view()" in source]
    last_ask = max(i for i, source in code if "quiz.ask(" in source)
    assert tallies == [last_ask + 1]
