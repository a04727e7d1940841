"""nbgrader configuration for the bone metastasis course.

Run nbgrader from the repository root; this file is read automatically. On JupyterHub,
set ``BONEMETS_EXCHANGE`` to the shared exchange folder (it must exist and be writable by
every student); locally the exchange is ``.exchange/`` in the repository.
"""

import os
from pathlib import Path

from bonemets.assessment.shapes import SHORT_ANSWER_STUB
from bonemets.grading.feedback_page import TEMPLATE_NAME, TEMPLATES, nbgrader_template_paths

here = Path(__file__).resolve().parent
c = get_config()  # noqa: F821  (injected by traitlets when nbgrader loads this file)

c.CourseDirectory.course_id = "bonemets"
c.CourseDirectory.root = str(here)

# The graded assignments are the `kind: assignment` modules of course_data/modules.yaml;
# `make setup` registers them in the gradebook (`python -m bonemets.cli register`).

# A cell that runs longer than this is interrupted and graded as it stands.
c.Execute.timeout = 30
# Skips a graceful-shutdown stall seen with jupyter_client 8 / ipykernel 7 (same scores).
c.Execute.shutdown_kernel = "immediate"

# Quiz answers are plain values. Each answer cell already reads `q4 = None` above its
# solution region, so the stub only tells the student what to do with that line.
c.ClearSolutions.code_stub = {
    "python": "# Type your answer in place of None above, then press Shift+Enter."
}
# The short answer's box says how to type in it and how to finish (the heading above the
# stub, "Your answer to question N", stays: it is outside the solution region).
c.ClearSolutions.text_stub = SHORT_ANSWER_STUB

# Every route to release/ (bonemets release, nbgrader generate_assignment, formgrader's
# Generate button) writes the same bytes and drops the source-only "edit the bank" note.
c.GenerateAssignment.exporter_class = "bonemets.grading.release_format.ReleaseNotebook"

exchange = Path(os.environ.get("BONEMETS_EXCHANGE", here / ".exchange"))
if not exchange.exists():
    # The mode nbgrader's release_assignment gives the exchange (everyone may write, so
    # students can submit): created with the umask's 0o755 instead, the first release warned
    # "Permissions for exchange directory ... are invalid" and changed them itself.
    exchange.mkdir(parents=True)
    exchange.chmod(0o777)
c.Exchange.root = str(exchange)

# Student code runs in a sandbox (bubblewrap: no network, no view of the course directory,
# the gradebook or the keys, an unprivileged user) with limits; docs/security.md lists each
# attack and what stops it. Per cell: Execute.timeout above. A cell past a limit is recorded
# as an error and the notebook is still scored. With CI set it refuses to run unsandboxed.
c.SandboxedExecute.notebook_timeout = 300  # seconds of wall time for a whole notebook
c.SandboxedExecute.cpu_seconds = 120  # CPU seconds per process
c.SandboxedExecute.memory_mb = 2048  # address space per process
c.SandboxedExecute.max_processes = 128  # processes and threads of the sandbox user
c.SandboxedExecute.output_bytes = 2 * 1024 * 1024  # outputs kept per notebook

# Graded items are scored by the course's own preprocessor, right after the execution, from
# the answer cells' source and the keys in course_data/assessment/ (never from the student's
# kernel). formgrader's Autograde button uses this list too. The rest is nbgrader's default.
# Executing only records the student's outputs for graders to read; scores never depend on
# it, and a notebook that kills or wrecks its kernel is still scored (nbgrader's own Execute
# would leave it ungraded). Removing the line skips execution: autograde is ~2 s faster.
# nbgrader's checks of a submission, with one step added: a cell whose nbgrader metadata was
# edited or duplicated gets the gradebook's back (or none), so the notebook is still graded
# (stock nbgrader gives up on it); bonemets/grading/repair.py says why.
c.Autograde.sanitize_preprocessors = [
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "bonemets.grading.repair.RepairNbgraderMetadata",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "nbgrader.preprocessors.OverwriteCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]
c.Autograde.autograde_preprocessors = [
    "bonemets.grading.sandbox.SandboxedExecute",
    "bonemets.grading.preprocessor.ScoreItems",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    # Student HTML, outputs, attachments and metadata made inert in the autograded copy
    # (after SaveAutoGrades, which compares answers with the release as submitted).
    "bonemets.grading.sanitize.SanitizeSubmission",
    "nbgrader.preprocessors.CheckCellMetadata",
]
# Feedback shows each item's score and rationale. For items you will reuse, list their ids
# here (or set `reuse: true` in the item's YAML) before `nbgrader generate_feedback`: their
# feedback then shows the score only. `c.WithholdFeedback.withhold_all = True` hides all.
c.GenerateFeedback.preprocessors = [
    # Again before feedback (first: GetGrades then adds the grader's scores and comments).
    "bonemets.grading.sanitize.SanitizeSubmission",
    "nbgrader.preprocessors.GetGrades",
    "bonemets.grading.feedback.WithholdFeedback",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
c.WithholdFeedback.withhold_feedback_for = []
# Feedback reads as a marked paper: each question named with "1 point of 1", the student's
# answer and the teaching points, no code and no "Test cell" labels (the template's header
# says what it changes). Only generate_feedback uses this exporter, not formgrader.
c.GenerateFeedback.exporter_class = "bonemets.grading.feedback_page.FeedbackPage"
c.FeedbackPage.template_name = TEMPLATE_NAME
c.FeedbackPage.extra_template_basedirs = [str(TEMPLATES)]
c.FeedbackPage.extra_template_paths = [str(p) for p in nbgrader_template_paths()]

# formgrader renders each submission with this exporter when a grader opens it: sanitise
# there too, so a notebook autograded before this setting (or edited by hand) is inert.
# docs/instructor-guide.md, "What is sanitised where", explains the three layers.
c.HTMLExporter.preprocessors = ["bonemets.grading.sanitize.SanitizeSubmission"]
