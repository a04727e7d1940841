"""Feedback preprocessor: keep the score, drop key and rationale for items to be reused.

Runs in ``GenerateFeedback.preprocessors`` (see ``nbgrader_config.py``), so the decision is
made when feedback is generated: the autograded notebook that graders see in formgrader
keeps the full rationale, and only the HTML that goes back to students is trimmed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nbformat.notebooknode import NotebookNode
from traitlets import Bool, List, Unicode

from bonemets.assessment.bank import load_items
from bonemets.grading.marking import UNSAFE_PREFIX
from bonemets.grading.preprocessor import TEACHING_TITLE

try:
    from nbgrader.preprocessors import NbGraderPreprocessor as _Base
except ImportError:  # pragma: no cover
    from nbconvert.preprocessors import Preprocessor as _Base

WITHHELD = "The answer key and rationale for this item are withheld because it will be reused."


class WithholdFeedback(_Base):
    """Reduce a withheld item's test-cell output to its score line."""

    withhold_feedback_for = List(
        Unicode(), help="Item ids (e.g. a1_q03) whose key and rationale stay out of feedback."
    ).tag(config=True)
    withhold_all = Bool(
        False, help="Withhold keys and rationales for every item (e.g. a reused exam)."
    ).tag(config=True)
    keep_unsafe_warnings = Bool(
        True,
        help="Keep the line telling a student they chose an option that could harm the "
        "patient, even when the item's key and rationale are withheld.",
    ).tag(config=True)
    data_dir = Unicode(
        "", help="Folder with the course data (default: the repository's course_data/)."
    ).tag(config=True)
    # nbconvert's HTML exporter configures ``NbConvertBase.display_data_priority`` for every
    # preprocessor it runs; nbgrader's base class redeclares it without ``config=True``, so
    # traitlets warned "not recognized by WithholdFeedback" on every generate_feedback.
    # Accepting it (as nbgrader's own GetGrades does) silences that; it is not used here.
    display_data_priority = List(Unicode(), help="Set by nbconvert; unused.").tag(config=True)

    def withheld_ids(self) -> set[str]:
        items = load_items(Path(self.data_dir) if self.data_dir else None)
        if self.withhold_all:
            return set(items)
        return {i.id for i in items.values() if i.reuse} | set(self.withhold_feedback_for)

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        withheld = self.withheld_ids()
        for cell in nb.cells:
            grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            if cell.cell_type != "code" or grade_id not in withheld:
                continue
            kept_outputs = []
            for output in cell.get("outputs", []):
                plain = str(output.get("data", {}).get("text/plain", ""))
                if output.get("output_type") == "display_data" and plain.startswith(UNSAFE_PREFIX):
                    if self.keep_unsafe_warnings:
                        kept_outputs.append(output)
                    continue
                if output.get("output_type") == "display_data" and plain.startswith(TEACHING_TITLE):
                    output["data"] = {"text/markdown": WITHHELD, "text/plain": WITHHELD}
                kept_outputs.append(output)
                # Notebooks autograded before the Markdown outputs: one printed stream.
                if output.get("output_type") == "stream" and output.get("name") == "stdout":
                    lines = output.get("text", "").split("\n")
                    kept = [lines[0]]
                    if self.keep_unsafe_warnings:
                        kept += [line for line in lines[1:] if line.startswith(UNSAFE_PREFIX)]
                    output["text"] = "\n".join([*kept, WITHHELD]) + "\n"
            cell.outputs = kept_outputs
        return nb, resources
