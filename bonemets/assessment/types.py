"""The item types, one class each: everything that differs from one type to the next.

A type knows its label, how its key must fit its options (``check``), its maximum
points, the form of its answer (the shape written into the release check cell), its key in
canonical form, its scoring rule (NCSBN, or the course's own rule for ordering), how it
explains an answer option by option, and how its body is written in the source notebook.
Adding a type means adding one class here and listing it in :data:`KINDS`.

Instructor side only: the key-bearing methods read an item's key (release notebooks
import :mod:`bonemets.assessment.shapes`, never this module).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from bonemets.assessment import scoring
from bonemets.assessment.shapes import Shape
from bonemets.data.errors import InvalidField

if TYPE_CHECKING:
    from bonemets.assessment.items import Item, Option, Row

#: Bow-tie groups and (options offered, answers chosen), per the NCSBN layout.
BOWTIE = {"condition": (4, 1), "actions": (5, 2), "parameters": (5, 2)}
LETTERS = "ABCDEFGHIJ"


# --- checks shared by several types ----------------------------------------------------
def letters_of(options: Iterable[Option]) -> str:
    return "".join(o.id for o in options)


def check_options(options: tuple[Option, ...], field: str, need_rationale: bool) -> str:
    ids = letters_of(options)
    if ids != LETTERS[: len(options)]:
        raise InvalidField(field, f"option ids must be A, B, C ... in order, got {ids!r}")
    if need_rationale:
        for option in options:
            if not option.rationale:
                raise InvalidField(field, f"option {option.id} needs a rationale")
    return ids


def check_safe_key(options: tuple[Option, ...], key: tuple[str, ...], field: str) -> None:
    for option in options:
        if option.unsafe and option.id in key:
            raise InvalidField(field, f"option {option.id} is keyed right but tagged unsafe")


def check_key(key: tuple[str, ...], letters: Sequence[str], field: str) -> None:
    bad = [k for k in key if k not in letters]
    if bad:
        shown = letters if isinstance(letters, str) else ", ".join(letters)
        raise InvalidField(field, f"key letter {bad[0]!r} is not one of the options {shown}")
    if len(set(key)) != len(key):
        raise InvalidField(field, "key repeats a letter")


def option_lines(
    options: tuple[Option, ...], key: set[str], chosen: set[str], answered: bool = True
) -> list[str]:
    """Feedback for each option, worded so a nurse reads it right, and why.

    A wrong option correctly left out reads as a success ("you left this out, rightly"),
    not as a mistake. For a question not answered, each option is only right or not.
    """
    lines = []
    for option in options:
        right = option.id in key
        picked = option.id in chosen
        if not answered:
            verdict = "a right answer" if right else "not a right answer"
        elif picked:
            verdict = "you chose this, rightly" if right else "you chose this, but it is wrong"
        else:
            verdict = (
                "you left this out, but it is right" if right else "you left this out, rightly"
            )
        if option.unsafe:
            verdict += "; it could harm the patient"
        lines.append(f"  {option.id}. {option.text} — {verdict}. {option.rationale}")
    return lines


def options_markdown(options: tuple[Option, ...]) -> str:
    return "\n".join(f"- **{o.id}.** {o.text}" for o in options)


# --- the types -------------------------------------------------------------------------
class ItemKind:
    """What one item type does; subclasses fill in every method."""

    name: ClassVar[str]
    label: ClassVar[str]  # in the question heading, e.g. "matrix: one answer per row"
    rule: ClassVar[str] = ""  # the scoring rule in words, shown in feedback
    auto_graded: ClassVar[bool] = True
    options_are_columns: ClassVar[bool] = False  # matrix: the options head the columns

    def heading(self, item: Item) -> str:
        return self.label

    def check(self, item: Item) -> None:
        raise NotImplementedError

    def max_points(self, item: Item) -> int:
        raise NotImplementedError

    def shape(self, item: Item) -> Shape:
        raise NotImplementedError

    def answer_key(self, item: Item) -> Any:
        raise NotImplementedError

    def score(self, item: Item, answer: Any) -> int:
        raise NotImplementedError

    def explain(self, item: Item, answer: Any) -> list[str]:
        return []

    def body_markdown(self, item: Item) -> str:
        return ""


class _Choices(ItemKind):
    """Types that choose from the item's own lettered options."""

    minimum = 3

    def check(self, item: Item) -> None:
        if len(item.options) < self.minimum:
            raise InvalidField("options", f"give at least {self.minimum}")
        letters = check_options(item.options, "options", need_rationale=True)
        check_key(item.key, letters, "key")
        check_safe_key(item.options, item.key, "key")
        if not item.key:
            raise InvalidField("key", "give the right letter(s)")
        self.check_key_size(item, letters)

    def check_key_size(self, item: Item, letters: str) -> None:
        pass

    def body_markdown(self, item: Item) -> str:
        return options_markdown(item.options)

    def explain(self, item: Item, answer: Any) -> list[str]:
        chosen = {answer} if isinstance(answer, str) else set(answer or ())
        return option_lines(item.options, set(item.key), chosen, answer is not None)


class MultipleChoice(_Choices):
    name = "multiple_choice"
    label = "multiple choice: choose one"
    rule = "0/1 scoring"

    def check_key_size(self, item: Item, letters: str) -> None:
        if len(item.key) != 1:
            raise InvalidField("key", "a multiple-choice item has exactly one right letter")

    def max_points(self, item: Item) -> int:
        return 1

    def shape(self, item: Item) -> Shape:
        return {"kind": "letter", "options": letters_of(item.options)}

    def answer_key(self, item: Item) -> Any:
        return item.key[0]

    def score(self, item: Item, answer: Any) -> int:
        return scoring.zero_one(self.answer_key(item), answer)


class SelectAll(_Choices):
    name = "sata"
    label = "multiple response: select all that apply"
    rule = "+/- scoring: +1 per right option chosen, -1 per wrong one, never below 0"
    minimum = 5

    def check_key_size(self, item: Item, letters: str) -> None:
        if len(item.key) == len(letters):
            raise InvalidField("key", "at least one option must be wrong")

    def max_points(self, item: Item) -> int:
        return len(item.key)

    def shape(self, item: Item) -> Shape:
        return {"kind": "letters", "options": letters_of(item.options)}

    def answer_key(self, item: Item) -> Any:
        return frozenset(item.key)

    def score(self, item: Item, answer: Any) -> int:
        return scoring.plus_minus(self.answer_key(item), answer)


class SelectN(_Choices):
    name = "select_n"
    label = "multiple response: select {n}"
    rule = "0/1 per right option; choosing more than asked scores 0"
    minimum = 4

    def heading(self, item: Item) -> str:
        return self.label.format(n=item.select)

    def check_key_size(self, item: Item, letters: str) -> None:
        if item.select != len(item.key):
            raise InvalidField("select", f"must equal the number of key letters ({len(item.key)})")

    def max_points(self, item: Item) -> int:
        return item.select or 0

    def shape(self, item: Item) -> Shape:
        return {"kind": "letters", "options": letters_of(item.options), "max": item.select}

    def answer_key(self, item: Item) -> Any:
        return frozenset(item.key)

    def score(self, item: Item, answer: Any) -> int:
        return scoring.select_n(self.answer_key(item), answer, item.select or 0)


class Ordering(_Choices):
    name = "ordering"
    label = "ordering: first to last"
    rule = "0/1 per position (the course's rule; NCSBN has no rule for ordering)"

    def check_key_size(self, item: Item, letters: str) -> None:
        if sorted(item.key) != sorted(letters):
            raise InvalidField("key", "must list every option letter once, first to last")

    def max_points(self, item: Item) -> int:
        return len(item.options)

    def shape(self, item: Item) -> Shape:
        return {"kind": "order", "options": letters_of(item.options)}

    def answer_key(self, item: Item) -> Any:
        return tuple(item.key)

    def score(self, item: Item, answer: Any) -> int:
        return scoring.in_order(self.answer_key(item), answer)

    def explain(self, item: Item, answer: Any) -> list[str]:
        lines = ["Right order: " + ", ".join(item.key) + "."]
        by_id = {o.id: o for o in item.options}
        for n, letter in enumerate(item.key, 1):
            lines.append(f"  {n}. {by_id[letter].text}. {by_id[letter].rationale}")
        return lines


class _Rows(ItemKind):
    """Types answered part by part (rows or blanks), one letter each, 0/1 per part."""

    own_options = True  # each row has its own options (blanks); a matrix shares columns
    unit: ClassVar[str] = "blank"  # what the student is told a part is ("2 of 5 blanks")

    def check_rows(self, item: Item) -> None:
        ids = [row.id for row in item.rows]
        if ids != [str(n) for n in range(1, len(ids) + 1)]:
            raise InvalidField("rows", "row ids must be 1, 2, 3 ... in order")
        for n, row in enumerate(item.rows):
            where = f"rows[{n}]"
            if self.own_options:
                letters = check_options(row.options, f"{where}.options", need_rationale=True)
                if len(letters) < 3:
                    # Two options make a coin toss: every blank offers at least three.
                    raise InvalidField(f"{where}.options", "give at least 3 options per blank")
                check_safe_key(row.options, row.key, f"{where}.key")
            else:
                letters = check_options(item.options, "options", need_rationale=False)
                if not row.rationale:
                    raise InvalidField(f"{where}.rationale", "each matrix row needs a rationale")
            if len(row.key) != 1:
                raise InvalidField(f"{where}.key", "give exactly one letter")
            check_key(row.key, letters, f"{where}.key")

    def max_points(self, item: Item) -> int:
        return len(item.rows)

    def row_letters(self, item: Item, row: Row) -> str:
        return letters_of(row.options if self.own_options else item.options)

    def shape(self, item: Item) -> Shape:
        return {
            "kind": "choices",
            "parts": {int(r.id): self.row_letters(item, r) for r in item.rows},
            "unit": self.unit,
        }

    def answer_key(self, item: Item) -> Any:
        return {int(r.id): r.key[0] for r in item.rows}

    def score(self, item: Item, answer: Any) -> int:
        return scoring.per_part(self.answer_key(item), answer)

    def explain(self, item: Item, answer: Any) -> list[str]:
        lines = []
        for row in item.rows:
            given = (answer or {}).get(int(row.id))
            lines.append(f"  {self.unit.capitalize()} {row.id}: {row.text}")
            chosen = {given} if isinstance(given, str) else set()
            options = option_lines(row.options, set(row.key), chosen, given is not None)
            lines += ["  " + line for line in options]
        return lines

    def body_markdown(self, item: Item) -> str:
        return "\n\n".join(
            f"**[{r.id}]** {r.text}\n\n{options_markdown(r.options)}" for r in item.rows
        )


class Matrix(_Rows):
    name = "matrix"
    label = "matrix: one answer per row"
    rule = "0/1 per row"
    own_options = False
    unit = "row"
    options_are_columns = True

    def check(self, item: Item) -> None:
        if len(item.rows) < 3 or len(item.options) < 2:
            raise InvalidField("rows", "a matrix needs at least 3 rows and 2 columns (options)")
        self.check_rows(item)

    def explain(self, item: Item, answer: Any) -> list[str]:
        columns = {o.id: o.text for o in item.options}
        lines = []
        for row in item.rows:
            given = (answer or {}).get(int(row.id))
            right = f"{row.key[0]} ({columns[row.key[0]]})"
            if given is None:
                yours = f"you did not answer this row; the right answer is {right}"
            elif given == row.key[0]:
                yours = f"you chose {right}, rightly"
            else:
                yours = f"you chose {given}; the right answer is {right}"
            lines.append(f"  Row {row.id}: {yours}. {row.rationale}")
        return lines

    def body_markdown(self, item: Item) -> str:
        head = "| Row | Statement | " + " | ".join(f"{o.id}. {o.text}" for o in item.options) + " |"
        rule = "|---|---|" + "---|" * len(item.options)
        rows = [f"| {r.id} | {r.text} |" + " |" * len(item.options) for r in item.rows]
        return "\n".join([head, rule, *rows])


class Cloze(_Rows):
    name = "cloze"
    label = "drop-down cloze: one letter per blank"
    rule = "0/1 per blank"

    def check(self, item: Item) -> None:
        if len(item.rows) < 2:
            raise InvalidField("rows", "a drop-down cloze needs at least 2 blanks")
        self.check_rows(item)


class Rationale(_Rows):
    name = "rationale"
    label = "drop-down rationale: both parts must be right"
    rule = "rationale scoring: 1 point only when both parts are right"

    def check(self, item: Item) -> None:
        if len(item.rows) != 2:
            raise InvalidField("rows", "a rationale item has exactly 2 parts (action, reason)")
        self.check_rows(item)

    def max_points(self, item: Item) -> int:
        return 1

    def score(self, item: Item, answer: Any) -> int:
        return scoring.all_parts(self.answer_key(item), answer)


class BowTie(ItemKind):
    name = "bowtie"
    label = "bow-tie: 1 condition, 2 actions, 2 parameters"
    rule = "0/1 per right choice in each part; more than asked in a part scores 0 there"

    def check(self, item: Item) -> None:
        if [row.id for row in item.rows] != list(BOWTIE):
            raise InvalidField("rows", "a bow-tie has the rows condition, actions, parameters")
        for n, row in enumerate(item.rows):
            offered, chosen = BOWTIE[row.id]
            letters = check_options(row.options, f"rows[{n}].options", need_rationale=True)
            if len(letters) != offered or len(row.key) != chosen:
                raise InvalidField(
                    f"rows[{n}]", f"{row.id} offers {offered} options and keys {chosen}"
                )
            check_key(row.key, letters, f"rows[{n}].key")
            check_safe_key(row.options, row.key, f"rows[{n}].key")

    def max_points(self, item: Item) -> int:
        return sum(chosen for _, chosen in BOWTIE.values())

    def shape(self, item: Item) -> Shape:
        return {
            "kind": "groups",
            "parts": {r.id: [letters_of(r.options), BOWTIE[r.id][1]] for r in item.rows},
        }

    def answer_key(self, item: Item) -> Any:
        return {r.id: (r.key[0] if BOWTIE[r.id][1] == 1 else frozenset(r.key)) for r in item.rows}

    def score(self, item: Item, answer: Any) -> int:
        key = self.answer_key(item)
        groups = {name: [v] if isinstance(v, str) else v for name, v in key.items()}
        limits = {name: chosen for name, (_, chosen) in BOWTIE.items()}
        return scoring.grouped(groups, answer, limits)

    def explain(self, item: Item, answer: Any) -> list[str]:
        lines = []
        for row in item.rows:
            given = (answer or {}).get(row.id)
            chosen = {given} if isinstance(given, str) else set(given or ())
            lines.append(f"  {row.id.capitalize()}: {row.text}")
            options = option_lines(row.options, set(row.key), chosen, given is not None)
            lines += ["  " + line for line in options]
        return lines

    def body_markdown(self, item: Item) -> str:
        return "\n\n".join(
            f"**{r.id.capitalize()}** ({r.text})\n\n{options_markdown(r.options)}"
            for r in item.rows
        )


class MatrixMultipleResponse(ItemKind):
    """Matrix multiple response: rows by columns, any number of ticks in each row."""

    name = "matrix_mr"
    label = "matrix multiple response: tick every column that applies in each row"
    rule = (
        "+/- scoring column by column: +1 per right tick, -1 per wrong tick, "
        "each column never below 0"
    )
    options_are_columns = True

    def check(self, item: Item) -> None:
        if len(item.rows) < 3 or len(item.options) < 2:
            raise InvalidField("rows", "a matrix needs at least 3 rows and 2 columns (options)")
        letters = check_options(item.options, "options", need_rationale=False)
        ids = [row.id for row in item.rows]
        if ids != [str(n) for n in range(1, len(ids) + 1)]:
            raise InvalidField("rows", "row ids must be 1, 2, 3 ... in order")
        for n, row in enumerate(item.rows):
            where = f"rows[{n}]"
            if not row.rationale:
                raise InvalidField(f"{where}.rationale", "each matrix row needs a rationale")
            if not row.key:
                raise InvalidField(
                    f"{where}.key", "give the letter(s) of every column that applies"
                )
            check_key(row.key, letters, f"{where}.key")
        ticks = sum(len(row.key) for row in item.rows)
        if ticks == len(item.rows) * len(letters):
            raise InvalidField("rows", "at least one cell of the grid must be left unticked")

    def max_points(self, item: Item) -> int:
        return sum(len(row.key) for row in item.rows)

    def shape(self, item: Item) -> Shape:
        letters = letters_of(item.options)
        return {"kind": "grid", "unit": "row", "parts": {int(r.id): letters for r in item.rows}}

    def answer_key(self, item: Item) -> Any:
        return {int(r.id): frozenset(r.key) for r in item.rows}

    def score(self, item: Item, answer: Any) -> int:
        return scoring.plus_minus_by_column(self.answer_key(item), answer)

    def explain(self, item: Item, answer: Any) -> list[str]:
        columns = {o.id: o.text for o in item.options}
        lines = []
        for row in item.rows:
            given = sorted((answer or {}).get(int(row.id), ()))
            right = ", ".join(f"{k} ({columns[k]})" for k in row.key)
            lines.append(
                f"  Row {row.id}: right ticks {right}; yours {', '.join(given) or 'none'}. "
                f"{row.rationale}"
            )
        return lines

    def body_markdown(self, item: Item) -> str:
        return Matrix.body_markdown(Matrix(), item)


class Highlight(ItemKind):
    """Highlight: a passage split into numbered phrases; the student picks the cues."""

    name = "highlight"
    label = "highlight: choose every phrase that is a cue"
    rule = "+/- scoring: +1 per right phrase chosen, -1 per wrong one, never below 0"

    def check(self, item: Item) -> None:
        if len(item.options) < 6:
            raise InvalidField("options", "a highlight passage needs at least 6 phrases")
        ids = [o.id for o in item.options]
        if ids != [str(n) for n in range(1, len(ids) + 1)]:
            raise InvalidField("options", "phrase ids must be 1, 2, 3 ... in order")
        for option in item.options:
            if not option.rationale:
                raise InvalidField("options", f"phrase {option.id} needs a rationale")
        if not item.key:
            raise InvalidField("key", "give the numbers of the phrases that are cues")
        check_key(item.key, ids, "key")
        check_safe_key(item.options, item.key, "key")
        if len(item.key) == len(ids):
            raise InvalidField("key", "at least one phrase must not be a cue")

    def max_points(self, item: Item) -> int:
        return len(item.key)

    def shape(self, item: Item) -> Shape:
        return {"kind": "phrases", "count": len(item.options)}

    def answer_key(self, item: Item) -> Any:
        return frozenset(int(k) for k in item.key)

    def score(self, item: Item, answer: Any) -> int:
        return scoring.plus_minus(self.answer_key(item), answer)

    def explain(self, item: Item, answer: Any) -> list[str]:
        chosen = {str(n) for n in (answer or ())}
        return option_lines(item.options, set(item.key), chosen)

    def body_markdown(self, item: Item) -> str:
        # One paragraph, as a note reads; the numbers in brackets let a student without
        # the answer forms type the phrases they choose.
        return "> " + " ".join(f"**[{o.id}]** {o.text}" for o in item.options)


class Numeric(ItemKind):
    name = "numeric"
    label = "numeric answer"
    rule = "0/1 scoring, within the stated tolerance"

    def check(self, item: Item) -> None:
        if item.number is None:
            raise InvalidField("number", "a numeric item needs its key number")
        if item.tolerance < 0:
            raise InvalidField("tolerance", "must not be negative")
        if not item.rationale:
            raise InvalidField("rationale", "explain how the number is worked out")

    def max_points(self, item: Item) -> int:
        return 1

    def shape(self, item: Item) -> Shape:
        return {"kind": "number"}

    def answer_key(self, item: Item) -> Any:
        return item.number

    def score(self, item: Item, answer: Any) -> int:
        return scoring.numeric(self.answer_key(item), answer, item.tolerance)

    def explain(self, item: Item, answer: Any) -> list[str]:
        unit = f" {item.unit}" if item.unit else ""
        return [f"  Right answer: {item.number:g}{unit}."]

    def body_markdown(self, item: Item) -> str:
        return f"Unit: {item.unit}." if item.unit else ""


class ShortAnswer(ItemKind):
    name = "short_answer"
    label = "graded by your instructor"
    auto_graded = False

    def check(self, item: Item) -> None:
        if not item.rubric or not item.model_answer:
            raise InvalidField("rubric", "a short answer needs a rubric and a model_answer")

    def max_points(self, item: Item) -> int:
        return sum(line.points for line in item.rubric)

    def shape(self, item: Item) -> Shape:
        raise ValueError(f"{item.id}: a short answer has no code shape")

    def answer_key(self, item: Item) -> Any:
        raise ValueError(f"{item.id}: a short answer has no key value")

    def score(self, item: Item, answer: Any) -> int:
        raise ValueError(f"{item.id}: {self.name} is graded by hand")


#: Every item type by its name in the item files, in the order the course lists them.
KINDS: dict[str, ItemKind] = {
    kind.name: kind
    for kind in (
        MultipleChoice(),
        SelectAll(),
        SelectN(),
        Matrix(),
        MatrixMultipleResponse(),
        Cloze(),
        Ordering(),
        BowTie(),
        Rationale(),
        Highlight(),
        Numeric(),
        ShortAnswer(),
    )
}
AUTO_TYPES: tuple[str, ...] = tuple(name for name, kind in KINDS.items() if kind.auto_graded)
