"""The graded item bank: one record per item, from ``course_data/assessment/<assignment>.yaml``.

Instructor side only: these records hold the answer keys. Release notebooks and lessons
never import this module (tests check it). Each item is authored once here, with its
objective, seed section, clinical-judgment step, type, points, key and rationales; the
source notebooks, the grader and the coverage table are all generated from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from bonemets.assessment.shapes import Shape, describe
from bonemets.assessment.types import AUTO_TYPES, BOWTIE, KINDS, ItemKind
from bonemets.data.errors import WHOLE_RECORD, InvalidField

CJStep = Literal[
    "recognize_cues",
    "analyze_cues",
    "prioritize_hypotheses",
    "generate_solutions",
    "take_action",
    "evaluate_outcomes",
]
CJ_STEPS: tuple[str, ...] = CJStep.__args__  # type: ignore[attr-defined]
__all__ = ["AUTO_TYPES", "BOWTIE", "CJ_STEPS", "KINDS", "Exhibit", "Item", "Option", "Row"]
_ID = re.compile(r"^(a\d)_(q(\d\d)|sa)$")


@dataclass(frozen=True)
class Option:
    """A lettered option; ``rationale`` is the teaching text for choosing or not choosing it."""

    id: str
    text: str
    rationale: str | None = None  # required except for matrix column headings
    # Beyond NCSBN: an option that would harm the patient if a nurse acted on it. Feedback
    # names the harm to a student who chose it, and item analysis counts how many did.
    unsafe: bool = False
    unsafe_reason: str | None = None  # required when unsafe: the harm, in one sentence

    def __post_init__(self) -> None:
        # Checks across two fields, so they blame the option as a whole (its path, such as
        # options[1], locates it) and name the option by its letter in the message.
        if self.unsafe and not self.unsafe_reason:
            raise InvalidField(
                WHOLE_RECORD, f"option {self.id}: unsafe_reason: say what harm it would do"
            )
        if self.unsafe_reason and not self.unsafe:
            raise InvalidField(
                WHOLE_RECORD, f"option {self.id}: unsafe_reason given but unsafe is not true"
            )


@dataclass(frozen=True)
class Row:
    """A matrix row, a drop-down blank, one half of a rationale pair, or a bow-tie group."""

    id: str  # "1", "2", ... or, in a bow-tie, "condition" / "actions" / "parameters"
    text: str
    key: tuple[str, ...]
    options: tuple[Option, ...] = ()  # own options (blanks, bow-tie); matrix rows use columns
    rationale: str | None = None  # matrix rows: why this row belongs in its column


@dataclass(frozen=True)
class Exhibit:
    """A table the student reads before an item (vital signs, labs, orders ...).

    In an unfolding case each phase opens with its exhibits, which change as the case
    moves on, as they do in NGN case studies.
    """

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str | None = None  # e.g. how a derived value (corrected calcium) was worked out

    def __post_init__(self) -> None:
        # Checks across columns and rows: they blame the exhibit as a whole, named by title.
        if len(self.columns) < 2 or not self.rows:
            raise InvalidField(
                WHOLE_RECORD, f"exhibit {self.title!r}: give at least 2 columns and 1 row"
            )
        for n, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise InvalidField(
                    WHOLE_RECORD,
                    f"exhibit {self.title!r}: row {n + 1} has {len(row)} cells, "
                    f"the table has {len(self.columns)} columns",
                )


@dataclass(frozen=True)
class RubricLine:
    points: int
    text: str


@dataclass(frozen=True)
class Item:
    """One graded item (or the manually graded short answer, ``type: short_answer``)."""

    id: str  # a1_q01 ... or a1_sa for the short answer
    assignment: str  # a module id of kind assignment, e.g. a1_diagnosis
    type: str  # a name in bonemets.assessment.types.KINDS, e.g. "matrix"
    stem: str
    points: int
    objective: str  # an objective id from modules.yaml
    seed_section: str  # an id from seed_sections.yaml
    cj_step: CJStep
    sources: tuple[str, ...]
    scenario: str | None = None  # case text shown before the item (unfolding case)
    exhibits: tuple[Exhibit, ...] = ()  # tables shown before the item (unfolding case)
    options: tuple[Option, ...] = ()  # choices; matrix column headings
    rows: tuple[Row, ...] = ()
    key: tuple[str, ...] = ()  # letters: the right one(s), or the right order
    select: int | None = None  # select_n: how many to choose
    number: float | None = None  # numeric key
    tolerance: float = 0.0
    unit: str | None = None
    rationale: str | None = None  # the item's overall teaching point
    rubric: tuple[RubricLine, ...] = ()  # short answer only
    model_answer: str | None = None  # short answer only; kept in source/, never released
    reuse: bool = False  # keys and rationales withheld from feedback

    def __post_init__(self) -> None:
        match = _ID.match(self.id)
        if not match:
            raise InvalidField("id", "expected a1_q01 (or a1_sa for the short answer)")
        if not self.assignment.startswith(match.group(1) + "_"):
            raise InvalidField(
                "id", f"must start with the assignment prefix {self.assignment[:2]}_"
            )
        if (self.type == "short_answer") != (match.group(2) == "sa"):
            raise InvalidField("id", "only the short answer uses the id suffix _sa")
        if self.type not in KINDS:
            raise InvalidField("type", f"expected one of {', '.join(map(repr, KINDS))}")
        self.kind.check(self)
        expected = self.max_points
        if self.points != expected:
            raise InvalidField(
                "points", f"a {self.type} item here is worth {expected}, not {self.points}"
            )

    # --- derived views ---------------------------------------------------------------
    @property
    def kind(self) -> ItemKind:
        """The item's type: its rules for keys, points, answer form, scoring and layout."""
        return KINDS[self.type]

    def all_options(self) -> tuple[tuple[str | None, Option], ...]:
        """Every option with the part it belongs to (``None`` for the item's own options).

        Matrix column headings are not answers of their own, so a matrix has none here.
        """
        if self.kind.options_are_columns:
            return ()
        own = tuple((None, o) for o in self.options)
        return own + tuple((row.id, o) for row in self.rows for o in row.options)

    def chosen_options(self, answer: Any) -> frozenset[tuple[str | None, str]]:
        """``(part, option id)`` pairs a canonical ``answer`` chose (part None: own options)."""
        if answer is None:
            return frozenset()
        chosen: set[tuple[str | None, str]] = set()
        if isinstance(answer, str):
            chosen = {(None, answer)}
        elif isinstance(answer, frozenset | set | tuple | list):
            chosen = {(None, str(letter)) for letter in answer}  # highlight: numbers
        elif isinstance(answer, dict):
            for part, value in answer.items():
                letters = {value} if isinstance(value, str) else set(value)
                chosen |= {(str(part), letter) for letter in letters}
        return frozenset(chosen)

    def unsafe_choices(self, answer: Any) -> tuple[Option, ...]:
        """The unsafe options in a canonical ``answer`` (empty when none was chosen)."""
        chosen = self.chosen_options(answer)
        return tuple(o for part, o in self.all_options() if o.unsafe and (part, o.id) in chosen)

    @property
    def auto_graded(self) -> bool:
        return self.kind.auto_graded

    @property
    def number_in_assignment(self) -> int:
        return int(self.id.rsplit("_q", 1)[1])

    @property
    def variable(self) -> str:
        """The name the student assigns, e.g. ``q4``."""
        return f"q{self.number_in_assignment}"

    @property
    def max_points(self) -> int:
        return self.kind.max_points(self)

    @property
    def shape(self) -> Shape:
        """The answer's form (no key): written into the release check cell."""
        return self.kind.shape(self)

    @property
    def shape_text(self) -> str:
        return describe(self.shape)

    @property
    def answer_key(self) -> Any:
        """The key in the canonical answer form (what a perfect answer normalises to)."""
        return self.kind.answer_key(self)
