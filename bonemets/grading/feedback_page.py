"""The HTML exporter for students' feedback: nbgrader's, with the course's own template.

``nbgrader generate_feedback`` uses this class (``c.GenerateFeedback.exporter_class`` in
``nbgrader_config.py``); formgrader keeps nbgrader's plain ``HTMLExporter``, so settings
made here for :class:`FeedbackPage` never reach it. The template
(``templates/bonemets_feedback``) is nbgrader's feedback page relabelled; it reads as a marked
paper: each question named, its score as "1 point of 1", no code, no "Test cell" labels.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from nbconvert.exporters import HTMLExporter

# Package data shipped inside bonemets.grading (not a course folder, so not in paths.py).
TEMPLATES = Path(str(resources.files("bonemets.grading") / "templates"))
TEMPLATE_NAME = "bonemets_feedback"


def nbgrader_template_paths() -> list[Path]:
    """Where the page finds the Bootstrap CSS it includes (nbgrader sets this path itself,
    but this class's setting replaces nbgrader's)."""
    import nbgrader

    formgrader = Path(nbgrader.__file__).resolve().parent / "server_extensions/formgrader"
    css = formgrader / "static/node_modules/bootstrap/dist/css"
    return [css]


class FeedbackPage(HTMLExporter):
    """nbconvert's HTML exporter; configured with the course's feedback template."""

    export_from_notebook = "Feedback (bone metastasis course)"
