"""nbgrader preprocessor that scores the course's items outside the student's kernel.

Configured in ``nbgrader_config.py`` as part of ``Autograde.autograde_preprocessors``,
right after ``Execute``. For every test cell named after an item (``grade_id`` = item id) it
throws away whatever the student's kernel printed and writes trusted outputs instead:

- Markdown outputs (they wrap, unlike a printed stream): the score ("1 point of 1") and the
  student's answer in plain words; each unsafe choice; then the teaching points, key and
  rationales (feedback generation withholds these for reused items:
  :mod:`bonemets.grading.feedback`);
- an ``execute_result`` whose ``text/plain`` is the score, which nbgrader's
  ``determine_grade`` reads as partial credit (capped at the cell's points, so nbgrader
  never raises).

The score comes from the answer cell's *source* (parsed, never executed) and the item bank
in ``course_data/assessment/``, which the student's kernel never loads. A test cell that
names no item scores 0, so a stray or forged cell cannot earn points.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from nbformat.notebooknode import NotebookNode, from_dict
from traitlets import Unicode

from bonemets.assessment.bank import load_items
from bonemets.grading.marking import UNSAFE_PREFIX, ItemResult, answer_text, score_item

try:  # nbgrader is installed wherever grading happens; keep this importable without it
    from nbgrader.preprocessors import NbGraderPreprocessor as _Base
    from nbgrader.utils import is_grade, is_solution
except ImportError:  # pragma: no cover
    from nbconvert.preprocessors import Preprocessor as _Base

    def is_grade(cell: NotebookNode) -> bool:
        return bool(cell.get("metadata", {}).get("nbgrader", {}).get("grade", False))

    def is_solution(cell: NotebookNode) -> bool:
        return bool(cell.get("metadata", {}).get("nbgrader", {}).get("solution", False))


ANSWER_SUFFIX = "_answer"


def _nbgrader(cell: NotebookNode) -> dict[str, Any]:
    metadata: dict[str, Any] = cell.get("metadata", {}).get("nbgrader", {})
    return metadata


def stream(text: str, name: str = "stdout") -> NotebookNode:
    output: NotebookNode = from_dict({"output_type": "stream", "name": name, "text": text})
    return output


TEACHING_TITLE = "Teaching points"


def display(markdown: str, plain: str) -> NotebookNode:
    """Markdown output: it wraps in feedback and formgrader (a stream would not)."""
    output: NotebookNode = from_dict(
        {
            "output_type": "display_data",
            "metadata": {},
            "data": {"text/markdown": markdown, "text/plain": plain},
        }
    )
    return output


def markdown_list(lines: Iterable[str]) -> str:
    """Explanation lines as Markdown: unindented lines are paragraphs, each two spaces of
    indent one level of a bulleted list (``"  A. ..."`` -> ``"- A. ..."``)."""
    blocks: list[str] = []
    for line in lines:
        depth = (len(line) - len(line.lstrip(" "))) // 2
        text = line.strip()
        if depth == 0 or not blocks or not blocks[-1].lstrip().startswith("- "):
            blocks.append(text if depth == 0 else "- " + text)
        else:
            blocks[-1] += "\n" + "  " * (depth - 1) + "- " + text
    return "\n\n".join(blocks)


def feedback_outputs(result: ItemResult) -> list[NotebookNode]:
    """What the student reads under a question: the score and their answer, any unsafe
    choice, then the teaching points (one output each, so feedback can withhold the last)."""
    head = [result.message]
    if result.answer is not None:
        head.append(f"Your answer: {answer_text(result.answer)}.")
    outputs = [
        display("**" + head[0] + "**" + "".join(f"\n\n{h}" for h in head[1:]), "\n".join(head))
    ]
    unsafe = [line for line in result.details if line.startswith(UNSAFE_PREFIX)]
    teaching = [line for line in result.details if not line.startswith(UNSAFE_PREFIX)]
    outputs += [display(f"**{line}**", line) for line in unsafe]
    if teaching:
        outputs.append(
            display(
                f"**{TEACHING_TITLE}**\n\n" + markdown_list(teaching),
                "\n".join([TEACHING_TITLE, *teaching]),
            )
        )
    return outputs


def score_output(score: int, execution_count: int | None) -> NotebookNode:
    output: NotebookNode = from_dict(
        {
            "output_type": "execute_result",
            "execution_count": execution_count,
            "metadata": {},
            "data": {"text/plain": str(score)},
        }
    )
    return output


class ScoreItems(_Base):
    """Score each item's answer cell with the NCSBN rules; overwrite its test cell's outputs."""

    data_dir = Unicode(
        "", help="Folder with the course data (default: the repository's course_data/)."
    ).tag(config=True)

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        items = load_items(Path(self.data_dir) if self.data_dir else None)
        answers = {
            _nbgrader(cell).get("grade_id", ""): cell.source
            for cell in nb.cells
            if cell.cell_type == "code" and is_solution(cell)
        }
        for cell in nb.cells:
            # nbgrader's own reading of the cell roles: a test cell is graded, not a solution.
            if cell.cell_type != "code" or not is_grade(cell) or is_solution(cell):
                continue
            meta = _nbgrader(cell)
            grade_id = meta.get("grade_id", "")
            item = items.get(grade_id)
            if item is None or not item.auto_graded:
                self.log.error("Test cell %r names no graded item: scored 0", grade_id)
                cell.outputs = [stream(f"{grade_id}: not an item of this course.\n", "stderr")]
                continue
            result = score_item(item, answers.get(grade_id + ANSWER_SUFFIX))
            # Never above the cell's points: nbgrader would refuse the whole submission.
            score = max(0, min(result.score, int(float(meta.get("points", 0)))))
            cell.outputs = [
                *feedback_outputs(result),
                score_output(score, cell.get("execution_count")),
            ]
        return nb, resources
