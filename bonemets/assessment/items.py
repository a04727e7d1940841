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

ItemType = Literal[
    "multiple_choice",
    "sata",
    "select_n",
    "matrix",
    "cloze",
    "ordering",
    "bowtie",
    "rationale",
    "numeric",
    "short_answer",
]
CJStep = Literal[
    "recognize_cues",
    "analyze_cues",
    "prioritize_hypotheses",
    "generate_solutions",
    "take_action",
    "evaluate_outcomes",
]
CJ_STEPS: tuple[str, ...] = CJStep.__args__  # type: ignore[attr-defined]
AUTO_TYPES: tuple[str, ...] = tuple(t for t in ItemType.__args__ if t != "short_answer")  # type: ignore[attr-defined]

#: Bow-tie groups and (options offered, answers chosen), per the NCSBN layout.
BOWTIE = {"condition": (4, 1), "actions": (5, 2), "parameters": (5, 2)}
_ID = re.compile(r"^(a\d)_(q(\d\d)|sa)$")
_LETTERS = "ABCDEFGHIJ"


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
        if self.unsafe and not self.unsafe_reason:
            raise ValueError(f"option {self.id}: unsafe_reason: say what harm it would do")
        if self.unsafe_reason and not self.unsafe:
            raise ValueError(f"option {self.id}: unsafe_reason given but unsafe is not true")


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
        if len(self.columns) < 2 or not self.rows:
            raise ValueError(f"exhibit {self.title!r}: give at least 2 columns and 1 row")
        for n, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"exhibit {self.title!r}: row {n + 1} has {len(row)} cells, "
                    f"the table has {len(self.columns)} columns"
                )


@dataclass(frozen=True)
class RubricLine:
    points: int
    text: str


def _check_options(options: tuple[Option, ...], field: str, need_rationale: bool) -> str:
    ids = "".join(o.id for o in options)
    if ids != _LETTERS[: len(options)]:
        raise ValueError(f"{field}: option ids must be A, B, C ... in order, got {ids!r}")
    if need_rationale:
        for option in options:
            if not option.rationale:
                raise ValueError(f"{field}: option {option.id} needs a rationale")
    return ids


def _check_safe_key(options: tuple[Option, ...], key: tuple[str, ...], field: str) -> None:
    for option in options:
        if option.unsafe and option.id in key:
            raise ValueError(f"{field}: option {option.id} is keyed right but tagged unsafe")


def _check_key(key: tuple[str, ...], letters: str, field: str) -> None:
    bad = [k for k in key if k not in letters]
    if bad:
        raise ValueError(f"{field}: key letter {bad[0]!r} is not one of the options {letters}")
    if len(set(key)) != len(key):
        raise ValueError(f"{field}: key repeats a letter")


@dataclass(frozen=True)
class Item:
    """One graded item (or the manually graded short answer, ``type: short_answer``)."""

    id: str  # a1_q01 ... or a1_sa for the short answer
    assignment: str  # a module id of kind assignment, e.g. a1_diagnosis
    type: ItemType
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
            raise ValueError("id: expected a1_q01 (or a1_sa for the short answer)")
        if not self.assignment.startswith(match.group(1) + "_"):
            raise ValueError(f"id: must start with the assignment prefix {self.assignment[:2]}_")
        if (self.type == "short_answer") != (match.group(2) == "sa"):
            raise ValueError("id: only the short answer uses the id suffix _sa")
        getattr(self, f"_check_{self.type}")()
        expected = self.max_points
        if self.points != expected:
            raise ValueError(
                f"points: a {self.type} item here is worth {expected}, not {self.points}"
            )

    # --- per-type consistency (key fits the options) -------------------------------
    def _check_choices(self, minimum: int = 3) -> str:
        if len(self.options) < minimum:
            raise ValueError(f"options: give at least {minimum}")
        letters = _check_options(self.options, "options", need_rationale=True)
        _check_key(self.key, letters, "key")
        _check_safe_key(self.options, self.key, "key")
        if not self.key:
            raise ValueError("key: give the right letter(s)")
        return letters

    def _check_multiple_choice(self) -> None:
        self._check_choices()
        if len(self.key) != 1:
            raise ValueError("key: a multiple-choice item has exactly one right letter")

    def _check_sata(self) -> None:
        letters = self._check_choices(minimum=5)
        if len(self.key) == len(letters):
            raise ValueError("key: at least one option must be wrong")

    def _check_select_n(self) -> None:
        self._check_choices(minimum=4)
        if self.select != len(self.key):
            raise ValueError(f"select: must equal the number of key letters ({len(self.key)})")

    def _check_ordering(self) -> None:
        letters = self._check_choices(minimum=3)
        if sorted(self.key) != sorted(letters):
            raise ValueError("key: must list every option letter once, first to last")

    def _check_rows(self, own_options: bool) -> None:
        ids = [row.id for row in self.rows]
        if ids != [str(n) for n in range(1, len(ids) + 1)]:
            raise ValueError("rows: row ids must be 1, 2, 3 ... in order")
        for n, row in enumerate(self.rows):
            where = f"rows[{n}]"
            if own_options:
                letters = _check_options(row.options, f"{where}.options", need_rationale=True)
                if len(letters) < 3:
                    # Two options make a coin toss: every blank offers at least three.
                    raise ValueError(f"{where}.options: give at least 3 options per blank")
                _check_safe_key(row.options, row.key, f"{where}.key")
            else:
                letters = _check_options(self.options, "options", need_rationale=False)
                if not row.rationale:
                    raise ValueError(f"{where}.rationale: each matrix row needs a rationale")
            if len(row.key) != 1:
                raise ValueError(f"{where}.key: give exactly one letter")
            _check_key(row.key, letters, f"{where}.key")

    def _check_matrix(self) -> None:
        if len(self.rows) < 3 or len(self.options) < 2:
            raise ValueError("rows: a matrix needs at least 3 rows and 2 columns (options)")
        self._check_rows(own_options=False)

    def _check_cloze(self) -> None:
        if len(self.rows) < 2:
            raise ValueError("rows: a drop-down cloze needs at least 2 blanks")
        self._check_rows(own_options=True)

    def _check_rationale(self) -> None:
        if len(self.rows) != 2:
            raise ValueError("rows: a rationale item has exactly 2 parts (action, reason)")
        self._check_rows(own_options=True)

    def _check_bowtie(self) -> None:
        if [row.id for row in self.rows] != list(BOWTIE):
            raise ValueError("rows: a bow-tie has the rows condition, actions, parameters")
        for n, row in enumerate(self.rows):
            offered, chosen = BOWTIE[row.id]
            letters = _check_options(row.options, f"rows[{n}].options", need_rationale=True)
            if len(letters) != offered or len(row.key) != chosen:
                raise ValueError(f"rows[{n}]: {row.id} offers {offered} options and keys {chosen}")
            _check_key(row.key, letters, f"rows[{n}].key")
            _check_safe_key(row.options, row.key, f"rows[{n}].key")

    def _check_numeric(self) -> None:
        if self.number is None:
            raise ValueError("number: a numeric item needs its key number")
        if self.tolerance < 0:
            raise ValueError("tolerance: must not be negative")
        if not self.rationale:
            raise ValueError("rationale: explain how the number is worked out")

    def _check_short_answer(self) -> None:
        if not self.rubric or not self.model_answer:
            raise ValueError("rubric: a short answer needs a rubric and a model_answer")

    # --- derived views ---------------------------------------------------------------
    def all_options(self) -> tuple[tuple[str | None, Option], ...]:
        """Every option with the part it belongs to (``None`` for the item's own options).

        Matrix column headings are not answers of their own, so a matrix has none here.
        """
        if self.type == "matrix":
            return ()
        own = tuple((None, o) for o in self.options)
        return own + tuple((row.id, o) for row in self.rows for o in row.options)

    def unsafe_choices(self, answer: Any) -> tuple[Option, ...]:
        """The unsafe options in a canonical ``answer`` (empty when none was chosen)."""
        if answer is None:
            return ()
        chosen: set[tuple[str | None, str]] = set()
        if isinstance(answer, str):
            chosen = {(None, answer)}
        elif isinstance(answer, frozenset | set | tuple | list):
            chosen = {(None, letter) for letter in answer}
        elif isinstance(answer, dict):
            for part, value in answer.items():
                letters = {value} if isinstance(value, str) else set(value)
                chosen |= {(str(part), letter) for letter in letters}
        if self.type == "ordering":
            return ()  # every option is placed; order, not choice, is scored
        return tuple(o for part, o in self.all_options() if o.unsafe and (part, o.id) in chosen)

    @property
    def auto_graded(self) -> bool:
        return self.type != "short_answer"

    @property
    def number_in_assignment(self) -> int:
        return int(self.id.rsplit("_q", 1)[1])

    @property
    def variable(self) -> str:
        """The name the student assigns, e.g. ``q4``."""
        return f"q{self.number_in_assignment}"

    @property
    def max_points(self) -> int:
        if self.type in ("multiple_choice", "rationale", "numeric"):
            return 1
        if self.type == "sata":
            return len(self.key)
        if self.type == "select_n":
            return self.select or 0
        if self.type in ("matrix", "cloze"):
            return len(self.rows)
        if self.type == "ordering":
            return len(self.options)
        if self.type == "bowtie":
            return sum(chosen for _, chosen in BOWTIE.values())
        return sum(line.points for line in self.rubric)

    @property
    def shape(self) -> Shape:
        """The answer's form (no key): written into the release check cell."""
        letters = "".join(o.id for o in self.options)
        if self.type == "multiple_choice":
            return {"kind": "letter", "options": letters}
        if self.type == "sata":
            return {"kind": "letters", "options": letters}
        if self.type == "select_n":
            return {"kind": "letters", "options": letters, "max": self.select}
        if self.type == "ordering":
            return {"kind": "order", "options": letters}
        if self.type == "matrix":
            return {"kind": "choices", "parts": {int(r.id): letters for r in self.rows}}
        if self.type in ("cloze", "rationale"):
            return {
                "kind": "choices",
                "parts": {int(r.id): "".join(o.id for o in r.options) for r in self.rows},
            }
        if self.type == "bowtie":
            return {
                "kind": "groups",
                "parts": {
                    r.id: ["".join(o.id for o in r.options), BOWTIE[r.id][1]] for r in self.rows
                },
            }
        if self.type == "numeric":
            return {"kind": "number"}
        raise ValueError(f"{self.id}: a short answer has no code shape")

    @property
    def shape_text(self) -> str:
        return describe(self.shape)

    @property
    def answer_key(self) -> Any:
        """The key in the canonical answer form (what a perfect answer normalises to)."""
        if self.type == "multiple_choice":
            return self.key[0]
        if self.type in ("sata", "select_n"):
            return frozenset(self.key)
        if self.type == "ordering":
            return tuple(self.key)
        if self.type in ("matrix", "cloze", "rationale"):
            return {int(r.id): r.key[0] for r in self.rows}
        if self.type == "bowtie":
            return {
                r.id: (r.key[0] if BOWTIE[r.id][1] == 1 else frozenset(r.key)) for r in self.rows
            }
        if self.type == "numeric":
            return self.number
        raise ValueError(f"{self.id}: a short answer has no key value")
