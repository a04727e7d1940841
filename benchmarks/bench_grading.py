"""Speed of the graded-assignment pipeline (a plain script; prints figures, asserts nothing).

    python benchmarks/bench_grading.py [SUBMISSIONS]

On a temporary course directory: generate all four assignments, autograde SUBMISSIONS
(default 10) submissions of a1 in-process, generate their feedback, and time the pure
scoring (the course preprocessor alone, and ``bonemets check``). Also times autograde with
``Execute`` left out, a configuration an instructor may choose when outputs of the
student's code are not needed (scores are identical: they never come from the kernel).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from traitlets.config import Config

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bonemets.assessment.bank import items_for  # noqa: E402
from bonemets.grading.course import api, build_release, checked  # noqa: E402
from bonemets.grading.preprocessor import ScoreItems  # noqa: E402
from bonemets.grading.selfcheck import score_notebook  # noqa: E402
from bonemets.grading.source_builder import literal  # noqa: E402

ASSIGNMENT = "a1_diagnosis"


def submit(root: Path, student: str) -> Path:
    nb = nbformat.read(root / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    answers = {
        f"{i.id}_answer": f"{i.variable} = {literal(i.answer_key)}"
        for i in items_for(ASSIGNMENT)
        if i.auto_graded
    }
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        cell.source = answers.get(grade_id, cell.source)
    folder = root / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / f"{ASSIGNMENT}.ipynb")
    return folder / f"{ASSIGNMENT}.ipynb"


def per_call(label: str, seconds: list[float]) -> None:
    print(
        f"{label:<48} median {statistics.median(seconds):6.3f} s  "
        f"(min {min(seconds):.3f}, max {max(seconds):.3f}, n={len(seconds)})"
    )


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        build_release(root)
        print(
            f"{'build source + generate_assignment (4 assignments)':<48} "
            f"{time.perf_counter() - start:6.2f} s"
        )
        paths = [submit(root, f"s{n:02d}") for n in range(count)]

        grader = api(root)
        autograde, feedback = [], []
        for n in range(count):
            start = time.perf_counter()
            checked(grader.autograde(ASSIGNMENT, f"s{n:02d}"), "autograde")
            autograde.append(time.perf_counter() - start)
            start = time.perf_counter()
            checked(grader.generate_feedback(ASSIGNMENT, f"s{n:02d}"), "feedback")
            feedback.append(time.perf_counter() - start)
        per_call("autograde, per submission (with Execute)", autograde)
        per_call("generate_feedback, per submission", feedback)

        no_execute = Config()
        no_execute.Autograde.autograde_preprocessors = [
            "bonemets.grading.preprocessor.ScoreItems",
            "nbgrader.preprocessors.SaveAutoGrades",
            "nbgrader.preprocessors.AssignLatePenalties",
            "nbgrader.preprocessors.CheckCellMetadata",
        ]
        fast = api(root, no_execute)
        skipped = []
        for n in range(count):
            start = time.perf_counter()
            checked(fast.autograde(ASSIGNMENT, f"s{n:02d}"), "autograde")
            skipped.append(time.perf_counter() - start)
        per_call("autograde, per submission (Execute left out)", skipped)

        nb = nbformat.read(paths[0], as_version=4)
        scoring = []
        for _ in range(20):
            start = time.perf_counter()
            ScoreItems().preprocess(nbformat.from_dict(nb), {})
            scoring.append(time.perf_counter() - start)
        per_call("ScoreItems preprocessor alone, per notebook", scoring)
        checks = []
        for path in paths:
            start = time.perf_counter()
            score_notebook(path)
            checks.append(time.perf_counter() - start)
        per_call("bonemets check (scoring only), per notebook", checks)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
