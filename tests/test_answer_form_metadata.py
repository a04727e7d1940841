"""The answer-form metadata: complete for every item type, and never a key.

``cell.metadata["bonemets"]["form"]`` is what the JupyterLab extension draws each answer
cell from. It reaches every student, so it is built from public fields only: these tests
read it through a stand-in item that raises on any key, number, tolerance or rationale, and
scan the released notebooks for the keys and rationales of every item.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import nbformat
import pytest

from bonemets.assessment.bank import load_items
from bonemets.assessment.items import Item
from bonemets.grading.answer_forms import METADATA_KEY, form_metadata, form_spec
from bonemets.grading.source_builder import build_notebook, literal

REPO = Path(__file__).resolve().parents[1]
ITEMS = load_items()
AUTO = [i for i in ITEMS.values() if i.auto_graded]
ASSIGNMENTS = list(dict.fromkeys(i.assignment for i in ITEMS.values()))
SECRET = {"key", "number", "tolerance", "rationale", "answer_key", "model_answer", "rubric"}


class Sealed:
    """An item (or option, or row) whose secret attributes cannot be read."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        if name in SECRET:
            raise AssertionError(f"form_spec read the secret field {name!r}")
        value = getattr(self._inner, name)
        if name in ("options", "rows"):
            return tuple(Sealed(v) for v in value)
        return value


@pytest.mark.parametrize("item", AUTO, ids=lambda i: i.id)
def test_spec_reads_no_secret_field(item: Item) -> None:
    assert form_spec(Sealed(item)) == form_spec(item)


@pytest.mark.parametrize("item", AUTO, ids=lambda i: i.id)
def test_spec_describes_the_answer_shape(item: Item) -> None:
    spec = form_spec(item)
    shape = item.shape
    assert spec["version"] == 1
    assert spec["variable"] == item.variable
    assert spec["kind"] == shape["kind"]
    assert spec["legend"].startswith(f"Question {item.number_in_assignment} (")
    letters = "".join(o["id"] for o in spec.get("options", []))
    if shape["kind"] in ("letter", "letters", "order"):
        assert letters == shape["options"]
        assert all(o["text"] for o in spec["options"])
    if shape["kind"] == "letters":
        assert spec.get("max") == shape.get("max")
    if shape["kind"] in ("choices", "groups"):
        rows = {r["id"]: r for r in spec["rows"]}
        assert [str(p) for p in shape["parts"]] == list(rows)
        for part, expected in shape["parts"].items():
            row = rows[str(part)]
            assert row["text"]
            offered = row.get("options", spec.get("options", []))
            if shape["kind"] == "choices":
                assert "".join(o["id"] for o in offered) == expected
            else:
                assert "".join(o["id"] for o in offered) == expected[0]
                assert row["max"] == expected[1]
    if shape["kind"] == "grid":  # matrix multiple response: columns once, rows by number
        assert [r["id"] for r in spec["rows"]] == [str(p) for p in shape["parts"]]
        assert all(letters == expected for expected in shape["parts"].values())
        assert all(r["text"] and "options" not in r for r in spec["rows"])
    if shape["kind"] == "phrases":  # highlight: every phrase, numbered 1..count, in order
        assert spec["count"] == shape["count"] == len(spec["options"])
        assert [o["id"] for o in spec["options"]] == [str(n) for n in range(1, spec["count"] + 1)]
        assert all(o["text"] for o in spec["options"])
    if item.type == "numeric":
        assert spec.get("unit") == item.unit


def test_every_type_in_the_bank_has_a_form() -> None:
    kinds = {form_spec(i)["type"] for i in AUTO}
    assert kinds == {i.type for i in AUTO}


def test_short_answer_has_no_form() -> None:
    short = next(i for i in ITEMS.values() if not i.auto_graded)
    with pytest.raises(ValueError):
        form_spec(short)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_source_answer_cells_carry_the_form(assignment: str) -> None:
    nb = build_notebook(assignment)
    nb.cells = [c for c in nb.cells if "nbgrader" in c.metadata]  # not the source-only note
    by_grade_id = {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells}
    for item in AUTO:
        if item.assignment != assignment:
            continue
        cell = by_grade_id[f"{item.id}_answer"]
        assert cell.metadata[METADATA_KEY] == form_metadata(item)[METADATA_KEY]
    others = [c for c in nb.cells if not c.metadata["nbgrader"]["grade_id"].endswith("_answer")]
    assert not any(METADATA_KEY in c.metadata for c in others)


def _release(assignment: str) -> nbformat.NotebookNode:
    return nbformat.read(REPO / "release" / assignment / f"{assignment}.ipynb", as_version=4)


def _key_names(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {n for v in value.values() for n in _key_names(v)}
    if isinstance(value, list):
        return {n for v in value for n in _key_names(v)}
    return set()


def _numbers(value: Any) -> list[float]:
    if isinstance(value, dict):
        return [n for v in value.values() for n in _numbers(v)]
    if isinstance(value, list):
        return [n for v in value for n in _numbers(v)]
    return [value] if isinstance(value, int | float) else []


def _secrets(item: Item) -> list[str]:
    texts = [item.rationale, item.model_answer, *(o.rationale for o in item.options)]
    for row in item.rows:
        texts += [row.rationale, *(o.rationale for o in row.options)]
    return [t for t in texts if t]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_form_metadata_holds_no_key(assignment: str) -> None:
    """nbgrader keeps the form through generate_assignment, and it gives nothing away."""
    nb = _release(assignment)
    items = [i for i in AUTO if i.assignment == assignment]
    forms = {}
    for cell in nb.cells:
        if METADATA_KEY in cell.metadata:
            forms[cell.metadata["nbgrader"]["grade_id"]] = cell.metadata[METADATA_KEY]
    assert set(forms) == {f"{i.id}_answer" for i in items}
    for item in items:
        meta = forms[f"{item.id}_answer"]
        assert meta == form_metadata(item)[METADATA_KEY]
        assert not _key_names(meta) & SECRET
        text = json.dumps(meta, ensure_ascii=False)
        for secret in _secrets(item):
            assert secret not in text, f"{item.id}: a rationale reached the release metadata"
        assert f"{item.variable} = {literal(item.answer_key)}" not in text
        # The only numbers in a form are its schema version, choice limits and how many
        # phrases a highlight passage has (all shown to the student anyway).
        form = meta["form"]
        limits = {form.get("max"), form.get("count"), *(r.get("max") for r in form.get("rows", []))}
        assert set(_numbers(meta)) <= {1, *limits}
    everything = json.dumps([c.metadata for c in nb.cells], ensure_ascii=False)
    for item in ITEMS.values():
        for secret in _secrets(item):
            assert secret not in everything


@pytest.mark.slow
def test_autograde_keeps_the_form_and_reads_what_the_form_writes(tmp_path: Path) -> None:
    """A submission whose cells hold the values as the form writes them gets full marks.
    The form metadata came back from the student, so the sanitiser drops it from the
    autograded copy that graders and feedback read (issue 9); scoring never needed it."""
    from nbgrader.api import Gradebook

    from bonemets.grading.course import api, build_release, checked

    assignment = "a4_case_study"  # has the bow-tie, matrix, cloze, rationale, SATA, MC
    build_release(tmp_path, [assignment])
    nb = nbformat.read(tmp_path / "release" / assignment / f"{assignment}.ipynb", as_version=4)
    items = {f"{i.id}_answer": i for i in AUTO if i.assignment == assignment}
    for cell in nb.cells:
        item = items.get(cell.metadata.get("nbgrader", {}).get("grade_id", ""))
        if item is not None:  # the form keeps the comment lines and replaces the value
            lines = cell.source.splitlines()
            value = f"{item.variable} = {literal(item.answer_key)}"
            cell.source = "\n".join(value if line.startswith("q") else line for line in lines)
    folder = tmp_path / "submitted" / "student" / assignment
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / f"{assignment}.ipynb")
    checked(api(tmp_path).autograde(assignment, "student"), "autograde")
    graded = nbformat.read(
        tmp_path / "autograded" / "student" / assignment / f"{assignment}.ipynb", as_version=4
    )
    kept = {
        c.metadata["nbgrader"]["grade_id"]: c.metadata[METADATA_KEY]
        for c in graded.cells
        if METADATA_KEY in c.metadata
    }
    assert kept == {}
    assert all(form_metadata(i)[METADATA_KEY] for i in items.values())
    with Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}", course_id="bonemets") as gb:
        submission = gb.find_submission_notebook(assignment, assignment, "student")
        scores = {g.name: g.auto_score for g in submission.grades}
    assert {i.id: scores[i.id] for i in items.values()} == {
        i.id: float(i.points) for i in items.values()
    }
