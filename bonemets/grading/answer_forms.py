"""What the answer-form extension needs to draw one graded item as a form, and nothing more.

The JupyterLab extension in ``extension/`` reads ``cell.metadata["bonemets"]["form"]`` on
each answer cell and renders radio buttons, check boxes, a grid, drop-downs, bow-tie groups,
an ordered list or a number field. Every change is written back into the cell's source as
the same plain value a student could type (``q3 = {1: "A", 2: "C"}``), so grading reads
the source exactly as before.

This metadata travels into ``release/`` and to every student, so it is built only from an
item's *public* fields: its type, answer name, option letters and texts (already shown in the
stem cell), row texts, limits and unit. Keys, key numbers, tolerances and rationales are never
read here; ``tests/test_answer_form_metadata.py`` proves that no secret field is read and
that no key or rationale text appears in the released metadata.

Schema (version 1)::

    {"version": 1, "variable": "q3", "type": "matrix", "kind": "choices",
     "legend": "Question 3 (matrix: one answer per row)",
     "options": [{"id": "A", "text": "..."}, ...],     # choices, matrix columns, ordering
     "rows": [{"id": "1", "text": "...",                # matrix rows, blanks, bow-tie groups
               "options": [...],                        # own options (cloze, rationale, bow-tie)
               "max": 2}],                              # bow-tie: letters to choose in the group
     "max": 3,                                          # select N: letters to choose
     "unit": "mg",                                      # numeric
     "count": 9}                                        # highlight: phrases 1..count

``kind`` is the answer shape's kind (:mod:`bonemets.assessment.shapes`), which fixes the value
syntax the form writes: ``"B"``, ``{"A", "C"}``, ``{1: "A"}``, ``{"condition": "B",
"actions": {"A", "C"}}``, ``{1: {"A", "C"}, 2: {"B"}}`` (grid), ``{2, 5}`` (phrases),
``["C", "A", "B"]`` or ``12``. A highlight item's phrases are its ``options`` (ids "1", "2"
...); a matrix multiple response uses ``options`` as columns, like a matrix.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

FORM_VERSION = 1
#: Where the spec lives in a cell's metadata: ``metadata[METADATA_KEY]["form"]``.
METADATA_KEY = "bonemets"

_TYPE_NAMES = {
    "multiple_choice": "multiple choice: choose one",
    "sata": "select all that apply",
    "select_n": "select {n}",
    "matrix": "matrix: one answer per row",
    "matrix_mr": "matrix: tick all that apply in each row",
    "highlight": "highlight the cues",
    "cloze": "drop-down: one choice per blank",
    "ordering": "ordering: first to last",
    "bowtie": "bow-tie",
    "rationale": "drop-down rationale",
    "numeric": "number",
}


class _Option(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...


class _Row(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def options(self) -> Iterable[_Option]: ...


class PublicItem(Protocol):
    """The few public attributes of an item record a form needs (never its key)."""

    @property
    def type(self) -> str: ...
    @property
    def variable(self) -> str: ...
    @property
    def number_in_assignment(self) -> int: ...
    @property
    def options(self) -> Iterable[_Option]: ...
    @property
    def rows(self) -> Iterable[_Row]: ...
    @property
    def select(self) -> int | None: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def shape(self) -> Any: ...


def _options(options: Iterable[_Option]) -> list[dict[str, str]]:
    return [{"id": option.id, "text": option.text} for option in options]


def form_spec(item: PublicItem) -> dict[str, Any]:
    """The form description of one auto-graded item (see the module docstring)."""
    shape = item.shape  # raises for a short answer, which has no form
    name = _TYPE_NAMES.get(item.type, item.type.replace("_", " ")).format(n=item.select)
    spec: dict[str, Any] = {
        "version": FORM_VERSION,
        "variable": item.variable,
        "type": item.type,
        "kind": shape["kind"],
        "legend": f"Question {item.number_in_assignment} ({name})",
    }
    options = _options(item.options)
    if options:
        spec["options"] = options
    rows = []
    for row in item.rows:
        entry: dict[str, Any] = {"id": row.id, "text": row.text}
        own = _options(row.options)
        if own:
            entry["options"] = own
        if shape["kind"] == "groups":
            entry["max"] = int(shape["parts"][row.id][1])
        rows.append(entry)
    if rows:
        spec["rows"] = rows
    if shape["kind"] == "letters" and shape.get("max"):
        spec["max"] = int(shape["max"])
    if item.unit:
        spec["unit"] = item.unit
    if shape["kind"] == "phrases":
        spec["count"] = int(shape["count"])
    return spec


def form_metadata(item: PublicItem) -> dict[str, Any]:
    """The cell metadata entry for an answer cell: ``{"bonemets": {"form": spec}}``."""
    return {METADATA_KEY: {"form": form_spec(item)}}
