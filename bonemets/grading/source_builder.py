"""Write ``source/<assignment>/<assignment>.ipynb`` from the item bank (the one definition).

Per item: a locked markdown cell (stem, options, expected form), an answer cell (the key
between ``### BEGIN SOLUTION`` and ``### END SOLUTION``, which ``nbgrader
generate_assignment`` removes), and a locked check cell that only checks the form. The
short answer is a manually graded markdown cell with its rubric in a locked cell above.
Output is deterministic (fixed cell ids, no timestamps) so ``release/`` is reproducible.
"""

from __future__ import annotations

import hashlib
import json
import textwrap
from pathlib import Path
from typing import Any

import nbformat
from nbformat.notebooknode import NotebookNode

from bonemets.assessment.bank import items_for
from bonemets.assessment.items import Exhibit, Item
from bonemets.data import ModuleObjectives, load_collection
from bonemets.errors import UserError
from bonemets.grading.answer_forms import form_metadata
from bonemets.grading.release_format import BUILDER_KEY, SOURCE_ONLY

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def _meta(
    grade_id: str, *, grade: bool, solution: bool, locked: bool, points: int = 0
) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
    }
    if grade:
        meta["points"] = points
    return {"nbgrader": meta}


def _cell(
    kind: str, source: str, grade_id: str, *, hidden: bool = False, **flags: Any
) -> NotebookNode:
    metadata = _meta(grade_id, **flags)
    if hidden:
        # JupyterLab shows a hidden input as a bar: code a student need not read, one
        # click away for the curious.
        metadata["jupyter"] = {"source_hidden": True}
    if kind == "code":
        cell: NotebookNode = nbformat.v4.new_code_cell(source=source, metadata=metadata)
    else:
        cell = nbformat.v4.new_markdown_cell(source=source, metadata=metadata)
    cell.id = grade_id.replace("_", "-")  # stable ids: no random churn in source/ or release/
    return cell


def literal(value: Any) -> str:
    """Python source for a canonical answer, sorted and with double quotes."""
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, frozenset | set):
        return "{" + ", ".join(literal(v) for v in sorted(value)) + "}"
    if isinstance(value, tuple | list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(k)}: {literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)


def _cell_text(text: str) -> str:
    # A pipe inside a cell would end it early; a line break would end the row.
    return text.replace("|", "\\|").replace("\n", " ")


def exhibit_markdown(exhibit: Exhibit) -> str:
    """One exhibit as a titled markdown table (a real table, read by screen readers)."""
    head = "| " + " | ".join(_cell_text(c) for c in exhibit.columns) + " |"
    rule = "|" + "---|" * len(exhibit.columns)
    rows = ["| " + " | ".join(_cell_text(c) for c in row) + " |" for row in exhibit.rows]
    parts = [f"**Exhibit: {exhibit.title}**", "\n".join([head, rule, *rows])]
    if exhibit.note:
        parts.append(f"*{exhibit.note}*")
    return "\n\n".join(parts)


def stem_markdown(item: Item, number: int | None = None) -> str:
    label = item.kind.heading(item)
    points = f"{item.points} point{'s' if item.points != 1 else ''}"
    if item.auto_graded:
        title = f"Question {item.number_in_assignment}"
    else:
        title = f"Question {number}: short answer" if number else "Short answer"
    parts = []
    if item.scenario:
        parts.append(f"> **Case update.** {item.scenario}")
    parts.extend(exhibit_markdown(exhibit) for exhibit in item.exhibits)
    parts.append(f"### {title} ({label}; {points})")
    parts.append(item.stem)
    body = item.kind.body_markdown(item)
    if body:
        parts.append(body)
    if item.auto_graded:
        # The typed fallback (no form) is in the answer box's own comment and at the top
        # of the notebook; here a student reads words, not code.
        parts.append("**How to answer:** use the form below.")
    return "\n\n".join(parts)


def answer_code(item: Item) -> str:
    # The comment is wrapped: feedback shows this cell as code, in a box that does not wrap.
    comment = textwrap.fill(
        f"Question {item.number_in_assignment}: {item.shape_text}",
        width=80,
        initial_indent="# ",
        subsequent_indent="# ",
    )
    return (
        f"{comment}\n"
        f"{item.variable} = None\n"
        "### BEGIN SOLUTION\n"
        f"{item.variable} = {literal(item.answer_key)}\n"
        "### END SOLUTION"
    )


def check_code(item: Item) -> str:
    # Validate shows this text above a problem it finds: the first line says what it does.
    return (
        f"# Checks that your answer to question {item.number_in_assignment} is complete "
        "and can be read (not whether it is right).\n"
        "from bonemets.assessment.shapes import check\n\n"
        f'check("{item.variable}")'
    )


def question_number(item: Item, items: list[Item]) -> int:
    """The number the student sees: from the id (``a1_q03``), or the place in the list
    for the short answer (its id, e.g. ``a1_sa``, has no number)."""
    return item.number_in_assignment if item.auto_graded else items.index(item) + 1


def setup_code(items: list[Item]) -> str:
    """The first code cell: each answer's form (no key), and plain-words error messages."""
    shapes = ",\n".join(f'    "{i.variable}": {i.shape!r}' for i in items if i.auto_graded)
    return (
        "# Sets up this notebook's checks: the form each answer takes (never the right\n"
        "# answer), and plain words for an answer that cannot be read.\n"
        "from bonemets.assessment.shapes import setup\n\n"
        f"setup({{\n{shapes},\n}})"
    )


SUMMARY_CODE = (
    "# What the checks above found: which answers are complete, which are still to do.\n"
    "from bonemets.assessment.shapes import summary\n\n"
    "summary()"
)


def short_answer_markdown(item: Item, number: int) -> str:
    """The short-answer cell: a heading that labels it, then the model answer (removed in
    release, where nbgrader puts ``ClearSolutions.text_stub`` in its place)."""
    return (
        f"#### Your answer to question {number}\n\n"
        f"### BEGIN SOLUTION\n{item.model_answer}\n### END SOLUTION"
    )


def rubric_markdown(item: Item) -> str:
    lines = [f"- **{r.points} point{'s' if r.points != 1 else ''}:** {r.text}" for r in item.rubric]
    return "#### Rubric for the short answer\n\n" + "\n".join(lines)


def _extra_forms(items: list[Item]) -> str:
    """How to answer the multiple-response grid and highlight types, when the sheet has them."""
    types = {i.type for i in items}
    extra = []
    if "matrix_mr" in types:
        extra.append('letters for each row (`{1: {"A", "C"}, 2: {"B"}}`)')
    if "highlight" in types:
        extra.append("the numbers of the phrases you choose (`{2, 5}`)")
    return ", ".join(extra) + ", " if extra else ""


def intro_markdown(module: ModuleObjectives, items: list[Item]) -> str:
    auto = [i for i in items if i.auto_graded]
    total = sum(i.points for i in items)
    types = {i.type for i in items}
    plus_minus = "a select-all-that-apply item"
    if "highlight" in types:
        plus_minus += " or a highlight item"
    grid = (
        " A multiple-response grid is scored the same way column by column, each column "
        "never below 0."
        if "matrix_mr" in types
        else ""
    )
    return "\n\n".join(
        [
            f"# {module.title}",
            module.summary,
            f"{len(auto)} questions marked automatically and one short answer marked by your "
            f"instructor, {total} points in all. "
            "Items are scored with the NCSBN rules (partial credit where the item type "
            f"allows it; {plus_minus} loses a point for each wrong option "
            f"chosen, never going below 0).{grid} Ordering items are the exception: NCSBN "
            "publishes no rule for them, and this course gives a point for each step in the "
            "right place (the course's own rule).",
            "**How to answer.** Under each question is a form: click the option, tick the "
            "boxes, choose in each list, move the steps up or down, or type the number. "
            "Your choice is saved in the answer box under the form, and only that is "
            "marked. If you see no form (another Jupyter set-up), click in the box that "
            "starts `q1 = None` and type your answer in place of `None`, in the form the "
            'question asks for: one letter in quotes (`"B"`), several letters in curly '
            'brackets (`{"A", "C"}`), a letter for each row (`{1: "A", 2: "B"}`), '
            f"{_extra_forms(items)}letters in order in square brackets, or a number; then "
            "press Shift+Enter.",
            "**Check your answers.** Press **Validate** (in the toolbar above). It names "
            "each answer that is not finished, only partly done, or cannot be read, and says "
            'what to type. When every answer is complete, Validate says the notebook "passes '
            'all the tests": that means every answer is complete and can be read, **not** '
            "that it is right. You see which answers are right in your feedback after "
            "marking. Running one answer (Shift+Enter) and then the check under it does the "
            "same for that question. Do not change the checks: they are put back before "
            "marking.",
        ]
    )


def source_note(assignment: str) -> str:
    """The first cell of every source notebook (formgrader's Edit button opens it)."""
    return (
        "> **Instructor copy, generated from the item bank: edit the bank, not this file.**  \n"
        f"> The questions, answer keys, points and rationales live in "
        f"`course_data/assessment/{assignment}.yaml`. `make release` (`bonemets release`) "
        "writes this notebook from there and then `release/` from this notebook, so an edit "
        "made here is lost, and formgrader's Generate button would release it without the "
        "bank knowing. `bonemets release` refuses to overwrite a notebook edited here "
        "(naming it) unless you add `--force`. Students never see this note: it is left out "
        "of `release/`."
    )


def _note_cell(assignment: str) -> NotebookNode:
    cell: NotebookNode = nbformat.v4.new_markdown_cell(
        source=source_note(assignment), metadata={SOURCE_ONLY: True}
    )
    cell.id = f"{assignment.replace('_', '-')}-source-note"
    return cell


def fingerprint(nb: NotebookNode) -> str:
    """A hash of what an instructor could change by hand: each cell's type, source and
    nbgrader metadata (not outputs or the layout Jupyter saves in)."""
    cells = [
        [c.get("cell_type"), c.get("source"), c.get("metadata", {}).get("nbgrader")]
        for c in nb.cells
    ]
    return hashlib.sha256(json.dumps(cells, sort_keys=True).encode()).hexdigest()


class SourceEditedByHand(UserError):
    """A source notebook differs from what the item bank last wrote into it."""


def edited_by_hand(path: Path) -> bool:
    """Whether ``path`` was changed since the builder wrote it (its fingerprint disagrees).
    A notebook from before fingerprints (none recorded) counts as not edited."""
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception:  # unreadable: it was certainly not left as generated
        return True
    recorded = nb.metadata.get(BUILDER_KEY, {}).get("fingerprint")
    return recorded is not None and recorded != fingerprint(nb)


def build_notebook(assignment: str, folder: Path | None = None) -> NotebookNode:
    """The source notebook for one assignment, straight from the item bank."""
    module = load_collection(ModuleObjectives, folder)[assignment]
    items = items_for(assignment, folder)
    cells = [
        _note_cell(assignment),
        _cell(
            "markdown",
            intro_markdown(module, items),
            f"{assignment}_intro",
            grade=False,
            solution=False,
            locked=True,
        ),
    ]
    cells.append(
        _cell(
            "code",
            setup_code(items),
            f"{assignment}_setup",
            hidden=True,
            grade=False,
            solution=False,
            locked=True,
        )
    )
    for item in items:
        cells.append(
            _cell(
                "markdown",
                stem_markdown(item, question_number(item, items)),
                f"{item.id}_stem",
                grade=False,
                solution=False,
                locked=True,
            )
        )
        if item.auto_graded:
            cells.append(
                _cell(
                    "code",
                    answer_code(item),
                    f"{item.id}_answer",
                    grade=False,
                    solution=True,
                    locked=False,
                )
            )
            cells[-1].metadata.update(form_metadata(item))  # drawn as a form by extension/
            cells.append(
                _cell(
                    "code",
                    check_code(item),
                    item.id,
                    hidden=True,
                    grade=True,
                    solution=False,
                    locked=True,
                    points=item.points,
                )
            )
        else:
            cells.append(
                _cell(
                    "markdown",
                    rubric_markdown(item),
                    f"{item.id}_rubric",
                    grade=False,
                    solution=False,
                    locked=True,
                )
            )
            cells.append(
                _cell(
                    "markdown",
                    short_answer_markdown(item, question_number(item, items)),
                    item.id,
                    grade=True,
                    solution=True,
                    locked=False,
                    points=item.points,
                )
            )
    cells.append(
        _cell(
            "code",
            SUMMARY_CODE,
            f"{assignment}_summary",
            hidden=True,
            grade=False,
            solution=False,
            locked=True,
        )
    )
    nb: NotebookNode = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    nb.metadata[BUILDER_KEY] = {"fingerprint": fingerprint(nb)}
    return nb


def write_source(
    assignment: str, root: Path, folder: Path | None = None, force: bool = False
) -> Path:
    """Write ``root/source/<assignment>/<assignment>.ipynb``; return its path.

    Refuses (:class:`SourceEditedByHand`, naming the file) to overwrite a notebook changed
    by hand since it was written, unless ``force``: the item bank is the one definition.
    """
    path = root / "source" / assignment / f"{assignment}.ipynb"
    if not force and path.exists() and edited_by_hand(path):
        raise SourceEditedByHand(
            f"{path} was edited by hand (formgrader's Edit button leads there); its keys and "
            f"points come from course_data/assessment/{assignment}.yaml. Make the change "
            "there, or run again with --force to discard the edit."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    nb = build_notebook(assignment, folder)
    nbformat.validate(nb)
    text = nbformat.writes(nb) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path
