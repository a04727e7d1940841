"""``bonemets selfgrade NOTEBOOK``: a self-learner grades their own copy with nbgrader and
gets the same feedback page a class gets, with no instructor set-up.

``bonemets check`` (``grading.selfcheck``) scores the notebook and prints text; selfgrade
first runs that same check (so a wrong file gets the same one-line message), then runs
nbgrader's own steps in a throw-away course folder (generate the assignment, autograde the
learner's copy as a submission, generate feedback) with the course's configuration, and
keeps only the HTML. Scores come from the course's preprocessor, which reads the answers'
text, so no kernel is started (nbgrader's Execute step is left out).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import warnings
from pathlib import Path

from traitlets.config import Config

from bonemets.errors import UserError

LEARNER = "me"  # the only student of the throw-away course


def feedback_for(notebook: Path, out: Path) -> tuple[Path, int, int]:
    """Grade ``notebook`` and write its feedback page to ``out``; (path, score, possible).

    Raises :class:`UserError` (one line) for a file that is not an assignment notebook.
    """
    from bonemets.grading.sanitize import terminal_safe
    from bonemets.grading.selfcheck import NotebookProblem, score_notebook

    try:
        report = score_notebook(notebook)  # the check's reading: same scores, same errors
    except NotebookProblem as exc:
        raise UserError(terminal_safe(str(exc))) from None
    assignments = {result.item.assignment for result in report.results}
    if len(assignments) != 1:
        raise UserError(f"{notebook}: holds questions of several assignments; use one notebook")
    try:  # before grading: a folder that cannot be written fails at once, not after it
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot write the feedback page to {out}: {exc.strerror or exc}") from None
    page, _ = grade_in_throwaway_course(notebook, assignments.pop())
    try:
        out.write_bytes(page)
    except OSError as exc:
        raise UserError(f"cannot write the feedback page to {out}: {exc.strerror or exc}") from None
    return out, report.score, report.max_points


def grade_in_throwaway_course(notebook: Path, assignment: str) -> tuple[bytes, str]:
    """nbgrader's generate_assignment, autograde and generate_feedback in a temporary
    course folder; the feedback page's bytes and nbgrader's log of the three steps."""
    from bonemets.grading.course import NbgraderFailed, api, checked, course_config
    from bonemets.grading.source_builder import write_source
    from bonemets.instructor.grade import grading_preprocessors

    logs = []
    with tempfile.TemporaryDirectory(prefix="bonemets-selfgrade-") as folder:
        root = Path(folder)
        extra = Config()
        # No kernel, as `bonemets grade` without --execute: scores come from the answers' text.
        extra.Autograde.autograde_preprocessors = grading_preprocessors(
            course_config(root), execute=False
        )
        write_source(assignment, root)
        grader = api(root, extra)
        submitted = root / "submitted" / LEARNER / assignment
        submitted.mkdir(parents=True)
        try:
            with warnings.catch_warnings():
                # nbgrader's own SQLAlchemy autoflush warnings: nothing a learner can act on.
                warnings.simplefilter("ignore")
                logs.append(checked(grader.generate_assignment(assignment), "generate")["log"])
                shutil.copyfile(notebook, submitted / f"{assignment}.ipynb")
                logs.append(checked(grader.autograde(assignment, LEARNER), "autograde")["log"])
                result = grader.generate_feedback(assignment, LEARNER)
                logs.append(checked(result, "generate_feedback")["log"])
        except NbgraderFailed as exc:
            raise UserError(
                f"{notebook}: could not be graded ({str(exc).splitlines()[0]})"
            ) from None
        page = root / "feedback" / LEARNER / assignment / f"{assignment}.html"
        return page.read_bytes(), "\n".join(str(log) for log in logs)


def selfgrade(args: argparse.Namespace) -> int:
    """``bonemets selfgrade NOTEBOOK [--out FILE.html]``."""
    notebook: Path = args.notebook
    out: Path = args.out or notebook.with_name(f"{notebook.stem}_feedback.html")
    if out.suffix.lower() not in (".html", ".htm"):
        raise UserError(f"{out}: the feedback page is HTML; give a file name ending in .html")
    path, score, possible = feedback_for(notebook, out)
    print(f"{score} of {possible} points for the questions marked automatically.")
    print(f"Your feedback page: {path.resolve()}")
    return 0
