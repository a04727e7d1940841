"""`bonemets simulate`: seeded, in the answer forms' exact syntax, and like a real class."""

from __future__ import annotations

import shutil
import statistics
from datetime import datetime, timezone
from pathlib import Path

import nbformat
import pytest
from simulated_class import (
    ASSIGNMENT,
    class_template,  # noqa: F401  (fixture)
    expected_item_scores,
    fresh_copy,
)

from bonemets.assessment.answers import read_answer
from bonemets.assessment.bank import items_for
from bonemets.assessment.shapes import normalise
from bonemets.instructor.simulate import (
    simulate_class,
    value_source,
    write_assignment,
)

pytestmark = pytest.mark.slow
DUE = datetime(2026, 3, 1, 17, 0, tzinfo=timezone.utc)


def simulate(root: Path, count: int, seed: int, due: datetime | None = DUE):
    return simulate_class(
        root, f"sqlite:///{root / 'gradebook.db'}", "bonemets", ASSIGNMENT, count, seed, due
    )


def files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted((root / "submitted").rglob("*"))
        if p.is_file()
    }


def test_same_seed_same_bytes_other_seed_other_class(class_template, tmp_path) -> None:  # noqa: F811
    one = fresh_copy(class_template, tmp_path / "one")
    two = fresh_copy(class_template, tmp_path / "two")
    three = fresh_copy(class_template, tmp_path / "three")
    for root in (one, two, three):
        shutil.rmtree(root / "submitted")
    simulate(one, 12, seed=5)
    simulate(two, 12, seed=5)
    simulate(three, 12, seed=6)
    assert files(one) == files(two)
    assert files(one) != files(three)
    assert len(files(one)) == 24  # a notebook and a timestamp per student


def test_answers_are_written_as_the_forms_write_them() -> None:
    released = "# Question 3: one letter for each row (1–5)\nq3 = None\n# Type your answer above."
    written = write_assignment(released, "q3", '{1: "A", 2: "C"}')
    assert written == (
        '# Question 3: one letter for each row (1–5)\nq3 = {1: "A", 2: "C"}\n'
        "# Type your answer above."
    )
    grid = {"kind": "grid", "parts": {1: "ABC", 2: "ABC", 3: "ABC"}}
    assert value_source(grid, {1: {"C", "A"}, 2: set(), 3: {"B"}}) == '{1: {"A", "C"}, 3: {"B"}}'
    groups = {"kind": "groups", "parts": {"condition": ["ABC", 1], "actions": ["ABCDE", 2]}}
    answer = {"condition": "B", "actions": frozenset("EA")}
    assert value_source(groups, answer) == '{"condition": "B", "actions": {"A", "E"}}'
    assert value_source({"kind": "number"}, 14.0) == "14"
    assert value_source({"kind": "number"}, 2.5) == "2.5"
    assert value_source({"kind": "phrases", "count": 9}, frozenset({8, 2})) == "{2, 8}"


def test_a_class_reads_like_a_real_one(class_template, tmp_path) -> None:  # noqa: F811
    root = fresh_copy(class_template, tmp_path)
    made = simulate(root, 60, seed=11)
    assert made.blank == 3 and made.late == 6
    items = [i for i in items_for(ASSIGNMENT) if i.auto_graded]
    scores: dict[str, dict[str, float]] = {}
    for student in made.students:
        folder = root / "submitted" / student.id / ASSIGNMENT
        stamp = (folder / "timestamp.txt").read_text().strip()
        when = datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S.%f UTC").replace(tzinfo=timezone.utc)
        assert (when > DUE) == student.late
        nb = nbformat.read(folder / f"{ASSIGNMENT}.ipynb", as_version=4)
        by_id = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}
        for item in items:  # every answer is one the grader reads without a shape problem
            source = by_id[f"{item.id}_answer"].source
            assert source.startswith("# Question")
            value = read_answer(source, item.variable)
            if value is not None:
                normalise(item.variable, value, item.shape)
            elif not student.blank:
                assert f"{item.variable} = None" in source
        short = by_id["a1_sa"].source
        assert (short.count(".") >= 1 and "Double-click" not in short) != student.blank
        scores[student.id] = expected_item_scores(root, student.id)
    answering = [s.id for s in made.students if not s.blank]
    totals = {s: sum(scores[s].values()) for s in answering}
    difficulty, discrimination = [], []
    for item in items:
        earned = [scores[s][item.id] / item.points for s in answering]
        rest = [totals[s] - scores[s][item.id] for s in answering]
        difficulty.append(statistics.mean(earned))
        discrimination.append(statistics.correlation(earned, rest))
    # Difficulties spread out, and items discriminate: stronger students score more.
    assert max(difficulty) - min(difficulty) > 0.25
    assert 0.15 < statistics.mean(difficulty) < 0.9
    assert statistics.mean(discrimination) > 0.2
    assert sum(d > 0 for d in discrimination) >= len(items) - 1


def test_students_join_the_gradebook_with_names(class_template, tmp_path) -> None:  # noqa: F811
    from nbgrader.api import Gradebook

    root = fresh_copy(class_template, tmp_path)
    made = simulate(root, 5, seed=2, due=None)
    assert made.due == DUE and made.late == 1  # the due date set before stays
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id="bonemets") as gradebook:
        students = {s.id: (s.first_name, s.last_name) for s in gradebook.students}
    for student in made.students:
        assert students[student.id] == (student.first_name, student.last_name)
        assert all(students[student.id])
