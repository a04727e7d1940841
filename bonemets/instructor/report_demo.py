"""A small synthetic class for the item-analysis notebook and its tests (no real students).

Each synthetic student has an ability; each item a difficulty; each part of an answer is
right with the logistic chance of (ability - difficulty), drawn and written as the answer
form writes it by ``bonemets simulate``'s own functions. The answers are scored by the
course's own scorer, so the gradebook and the autograded notebooks agree as after
``nbgrader autograde``. This is a light stand-in for ``bonemets simulate`` (which makes real
nbgrader submissions): it writes the gradebook directly, in a second, without running
nbgrader.
"""

from __future__ import annotations

import json
import math
import random
import warnings
from pathlib import Path
from typing import Any

from bonemets.assessment.bank import items_for
from bonemets.instructor.simulate import draw_answer, value_source

CONFIG = '''"""A demonstration course of synthetic students (bonemets.instructor.report_demo)."""
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "bonemets-demo"
'''


def answers_notebook(sources: dict[str, str]) -> dict[str, Any]:
    """A notebook holding only the answer cells (what the report reads), as plain JSON:
    building the full notebook would validate every cell against nbformat's schema."""
    cells: list[dict[str, Any]] = [
        {
            "cell_type": "code",
            "execution_count": None,
            "id": grade_id.replace("_", "-"),
            "metadata": {
                "nbgrader": {
                    "grade": False,
                    "grade_id": grade_id,
                    "locked": False,
                    "schema_version": 3,
                    "solution": True,
                }
            },
            "outputs": [],
            "source": source,
        }
        for grade_id, source in sources.items()
    ]
    return {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def build_demo_course(
    root: Path,
    assignment: str = "a2_systemic_treatment",
    students: int = 24,
    graded_short_answers: int | None = None,
    seed: int = 16,
) -> Path:
    """Write ``root/gradebook.db``, ``root/autograded/`` and a config; return ``root``.

    ``graded_short_answers``: how many short answers a grader has scored (default: half);
    the rest stay pending, as in a class part-way through hand grading.
    """
    from nbgrader.api import Gradebook

    from bonemets.grading.marking import score_item

    rng = random.Random(seed)
    items = items_for(assignment)
    difficulty = {i.id: rng.uniform(-1.5, 1.0) for i in items}
    root.mkdir(parents=True, exist_ok=True)
    (root / "nbgrader_config.py").write_text(CONFIG, encoding="utf-8")
    hand_graded = students // 2 if graded_short_answers is None else graded_short_answers
    url = f"sqlite:///{root / 'gradebook.db'}"
    with warnings.catch_warnings(), Gradebook(url) as gradebook:
        warnings.simplefilter("ignore")  # nbgrader's own SQLAlchemy autoflush warnings
        gradebook.update_or_create_assignment(assignment)
        gradebook.add_notebook(assignment, assignment)
        for item in items:
            gradebook.add_grade_cell(
                item.id,
                assignment,
                assignment,
                max_score=item.points,
                cell_type="code" if item.auto_graded else "markdown",
            )
        for number in range(students):
            student = f"demo{number + 1:02d}"
            ability = rng.gauss(0.0, 1.0)
            gradebook.add_student(student)
            gradebook.add_submission(assignment, student)
            sources = {}
            for item in items:
                if not item.auto_graded:
                    continue
                chance = 1 / (1 + math.exp(-(ability - difficulty[item.id]) * 1.7))
                skipped = rng.random() > 0.97
                answer = None if skipped else draw_answer(rng, item.shape, item.answer_key, chance)
                value = value_source(item.shape, answer)  # as the answer form writes it
                sources[f"{item.id}_answer"] = f"{item.variable} = {value}"
            folder = root / "autograded" / student / assignment
            folder.mkdir(parents=True, exist_ok=True)
            text = json.dumps(answers_notebook(sources), indent=1, ensure_ascii=False)
            (folder / f"{assignment}.ipynb").write_text(text + "\n", encoding="utf-8")
            for item in items:
                grade = gradebook.find_grade(item.id, assignment, assignment, student)
                if item.auto_graded:
                    grade.auto_score = score_item(item, sources.get(f"{item.id}_answer")).score
                    grade.needs_manual_grade = False
                elif number < hand_graded:
                    chance = 1 / (1 + math.exp(-(ability - difficulty[item.id])))
                    grade.manual_score = sum(rng.random() < chance for _ in range(item.points))
                    grade.needs_manual_grade = False
                else:
                    grade.needs_manual_grade = True  # pending: not hand-graded yet
        gradebook.db.commit()
    return root


__all__ = ["build_demo_course"]
