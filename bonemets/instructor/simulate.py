"""``bonemets simulate``: a synthetic class of nbgrader submissions, for demos, tests, benchmarks.

Each student has an ability and each item a difficulty and a discrimination (a two-parameter
logistic model, as in item response theory): the chance that a student gets one part of an
item right is ``1 / (1 + exp(-1.7 a (ability - difficulty)))``. Parts are what the NCSBN rules
score separately (a row, a letter of a select-all, a bow-tie group's letter, a step of an
order), so partial credit, spread-out item difficulties and positive discrimination come out
as in a real class. Item difficulties start from the item type (a single choice is easier than
a bow-tie) plus a seeded spread; the item bank stores no difficulty of its own.

Answers are written into the answer cells' *source* exactly as the answer forms write them
(``docs/answer-forms.md``; ``extension/src/answer.ts``): the comment lines of the released
cell are kept and the code line becomes ``q3 = {1: "A", 2: "C"}``, letters sorted, double
quotes. Some students hand in the notebook untouched, some skip single items, some are late
(their ``timestamp.txt`` is after the assignment's due date, when one is set; ``--due`` sets
it); every student's short answer has a few sentences. Students are added to the gradebook.

Everything comes from one ``random.Random(seed)`` and a fixed base date, so the same seed
writes the same bytes.
"""

from __future__ import annotations

import argparse
import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import nbformat

from bonemets.errors import UserError

# nbgrader's exchange writes timestamps in this form (Exchange.timestamp_format, UTC).
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%f UTC"
# Without a due date, submissions cluster before this fixed moment (no clock: same bytes).
BASE_DATE = datetime(2026, 1, 15, 17, 0, tzinfo=timezone.utc)
BLANK_SHARE = 0.05  # hand in the notebook as released
LATE_SHARE = 0.10  # submit after the due date
SKIP_CHANCE = 0.03  # leave one item unanswered
# Scaling constant of the logistic model (makes it close to the normal-ogive model).
SCALE = 1.7
# Where an item type's difficulty starts (a single choice is easiest, a bow-tie hardest).
TYPE_DIFFICULTY = {
    "multiple_choice": -0.8,
    "numeric": -0.4,
    "cloze": -0.2,
    "matrix": 0.0,
    "select_n": 0.0,
    "sata": 0.3,
    "highlight": 0.3,
    "ordering": 0.4,
    "rationale": 0.5,
    "matrix_mr": 0.5,
    "bowtie": 0.6,
}
FIRST_NAMES = (
    "Amara", "Ben", "Chloe", "Dev", "Elena", "Farah", "Grace", "Hugo", "Ines", "Jonas",
    "Kemi", "Liam", "Maya", "Noor", "Oscar", "Priya", "Quinn", "Rosa", "Sami", "Tara",
)  # fmt: skip
LAST_NAMES = (
    "Adeyemi", "Brennan", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hassan",
    "Ito", "Jensen", "Kowalski", "Lopez", "Mensah", "Novak", "Okafor", "Patel",
)  # fmt: skip
# Short-answer sentences: a stronger student writes more of them.
SHORT_ANSWER_SENTENCES = (
    "I would first ask what she already knows and what worries her most.",
    "I would explain each step in plain words and ask her to tell it back to me.",
    "I would check her allergies and the medicines she takes before anything is given.",
    "I would give her the written leaflet too, so she can read it again at home.",
    "I would tell her who to call if something feels wrong after she goes home.",
    "I would ask whether someone can come with her and how she will get home.",
    "If her pain gets worse or she notices new weakness, she should report it at once.",
    "I would let the team know about any concern she raised.",
)


class SimulateError(UserError):
    """The class cannot be simulated here (unknown assignment, no release notebook)."""


@dataclass(frozen=True)
class ItemModel:
    """An item's parameters in the two-parameter logistic model."""

    difficulty: float
    discrimination: float

    def chance(self, ability: float) -> float:
        """Probability that a student of this ability gets one part right."""
        return 1.0 / (1.0 + math.exp(-SCALE * self.discrimination * (ability - self.difficulty)))


@dataclass(frozen=True)
class SimulatedStudent:
    id: str
    first_name: str
    last_name: str
    ability: float
    blank: bool
    late: bool
    timestamp: datetime


@dataclass(frozen=True)
class SimulatedClass:
    assignment: str
    students: tuple[SimulatedStudent, ...]
    due: datetime | None

    @property
    def blank(self) -> int:
        return sum(s.blank for s in self.students)

    @property
    def late(self) -> int:
        return sum(s.late for s in self.students)


# --- the value a form writes ------------------------------------------------------------
def py_string(text: str) -> str:
    """A string in double quotes, as the form writes it (``pyString`` in value.ts)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def letter_set(letters: Sequence[str] | frozenset[str]) -> str:
    return "{" + ", ".join(py_string(letter) for letter in sorted(letters)) + "}"


def number_text(value: float) -> str:
    """A number as JavaScript's ``String(n)`` writes it (``14``, ``14.5``)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def value_source(shape: Mapping[str, Any], answer: Any) -> str:
    """The plain value the answer form writes for ``answer`` (``valueSource`` in answer.ts)."""
    kind = shape["kind"]
    if answer is None:
        return "None"
    if kind == "letter":
        return py_string(answer)
    if kind == "letters":
        return letter_set(answer)
    if kind == "phrases":
        return "{" + ", ".join(str(n) for n in sorted(answer)) + "}"
    if kind == "order":
        return "[" + ", ".join(py_string(letter) for letter in answer) + "]"
    if kind == "number":
        return number_text(answer)
    entries = []
    for part in shape["parts"]:  # rows in the form's order; a row left empty is left out
        chosen = answer.get(part)
        if not chosen:
            continue
        if kind == "choices":
            entries.append(f"{part}: {py_string(chosen)}")
        elif kind == "grid":
            entries.append(f"{part}: {letter_set(chosen)}")
        else:  # groups: a one-letter group is a letter, the others sets
            single = shape["parts"][part][1] == 1
            text = py_string(chosen) if single else letter_set(chosen)
            entries.append(f"{py_string(str(part))}: {text}")
    return "{" + ", ".join(entries) + "}" if entries else "None"


def write_assignment(source: str, name: str, value_text: str) -> str:
    """Replace the code lines of an answer cell by ``name = value`` (``writeAssignment``):
    the comment lines above and below are kept."""
    lines = source.split("\n")

    def is_code(line: str) -> bool:
        return line.strip() != "" and not line.strip().startswith("#")

    assignment = f"{name} = {value_text}"
    code = [n for n, line in enumerate(lines) if is_code(line)]
    if not code:
        return "\n".join([*(line for line in lines if line.strip()), assignment])
    return "\n".join([*lines[: code[0]], assignment, *lines[code[-1] + 1 :]])


# --- answers drawn from the model ---------------------------------------------------------
def _wrong(rng: random.Random, options: Sequence[str], right: Any) -> str:
    others = [o for o in options if o != right]
    return rng.choice(others) if others else str(right)


def _pick_letters(
    rng: random.Random, options: Sequence[str], key: frozenset[Any], count: int, p: float
) -> frozenset[Any]:
    """``count`` choices: each slot is the next key letter with chance ``p``, else a wrong one."""
    chosen: set[Any] = set()
    keys = sorted(key)
    wrong = [o for o in options if o not in key]
    for slot in range(count):
        if slot < len(keys) and rng.random() < p:
            chosen.add(keys[slot])
        elif wrong:
            chosen.add(wrong.pop(rng.randrange(len(wrong))))
    return frozenset(chosen)


def _tick(rng: random.Random, options: Sequence[Any], key: frozenset[Any], p: float) -> set[Any]:
    """Select-all: each keyed option ticked with chance ``p``, each other one now and then."""
    return {o for o in options if rng.random() < (p if o in key else (1 - p) * 0.5)}


def draw_answer(rng: random.Random, shape: Mapping[str, Any], key: Any, p: float) -> Any:
    """A canonical answer of one student to one item (``p``: chance per part)."""
    kind = shape["kind"]
    if kind == "letter":
        return key if rng.random() < p else _wrong(rng, shape["options"], key)
    if kind in ("letters", "phrases"):
        options: list[Any] = (
            list(shape["options"]) if kind == "letters" else list(range(1, shape["count"] + 1))
        )
        if shape.get("max"):
            return _pick_letters(rng, options, key, int(shape["max"]), p)
        ticked = _tick(rng, options, key, p)
        return frozenset(ticked or {rng.choice(options)})  # a student ticks at least one
    if kind == "choices":
        return {
            part: right if rng.random() < p else _wrong(rng, shape["parts"][part], right)
            for part, right in key.items()
        }
    if kind == "grid":
        return {part: _tick(rng, shape["parts"][part], right, p) for part, right in key.items()}
    if kind == "groups":
        answer: dict[str, Any] = {}
        for part, right in key.items():
            options_text, count = shape["parts"][part]
            if count == 1:
                answer[part] = right if rng.random() < p else _wrong(rng, options_text, right)
            else:
                answer[part] = _pick_letters(rng, options_text, right, count, p)
        return answer
    if kind == "order":
        order = list(key)
        for _ in range(len(order) - 1):  # each step out of place with chance 1 - p
            if rng.random() >= p:
                n = rng.randrange(len(order) - 1)
                order[n], order[n + 1] = order[n + 1], order[n]
        return order
    if kind == "number":
        if rng.random() < p:
            return key
        return key + rng.choice((-10, -5, -2, -1, 1, 2, 5, 10))
    raise ValueError(f"unknown shape kind {kind!r}")


def item_models(items: Sequence[Any], rng: random.Random) -> dict[str, ItemModel]:
    return {
        item.id: ItemModel(
            difficulty=TYPE_DIFFICULTY.get(item.type, 0.0) + rng.gauss(0.0, 0.6),
            discrimination=rng.uniform(0.7, 1.8),
        )
        for item in items
        if item.auto_graded
    }


def short_answer(rng: random.Random, ability: float) -> str:
    count = max(1, min(len(SHORT_ANSWER_SENTENCES), round(3 + 1.5 * ability)))
    return " ".join(rng.sample(SHORT_ANSWER_SENTENCES, count))


# --- the class ----------------------------------------------------------------------------
def plan_class(
    assignment: str, count: int, rng: random.Random, due: datetime | None
) -> SimulatedClass:
    width = max(3, len(str(count)))
    blank = set(rng.sample(range(count), max(1, round(count * BLANK_SHARE)) if count >= 4 else 0))
    late_count = max(1, round(count * LATE_SHARE)) if count >= 4 and due else 0
    late = set(rng.sample([n for n in range(count) if n not in blank], late_count))
    anchor = due or BASE_DATE
    students = []
    for n in range(count):
        offset = timedelta(minutes=rng.uniform(1, 48 * 60))
        when = anchor + offset if n in late else anchor - offset - timedelta(minutes=1)
        students.append(
            SimulatedStudent(
                id=f"student{n + 1:0{width}d}",
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                ability=rng.gauss(0.0, 1.0),
                blank=n in blank,
                late=n in late,
                timestamp=when,
            )
        )
    return SimulatedClass(assignment, tuple(students), due)


def answered_notebook(
    release: nbformat.NotebookNode,
    student: SimulatedStudent,
    items: Mapping[str, Any],
    models: Mapping[str, ItemModel],
    rng: random.Random,
) -> nbformat.NotebookNode:
    """The release notebook as ``student`` hands it in (a copy: ``release`` is unchanged)."""
    nb: nbformat.NotebookNode = nbformat.from_dict(release)
    if student.blank:
        return nb
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        grade_id = str(meta.get("grade_id", ""))
        if not meta.get("solution"):
            continue
        item = items.get(grade_id.removesuffix("_answer"))
        if cell.cell_type == "code" and item is not None and item.id in models:
            if rng.random() < SKIP_CHANCE:
                continue
            p = models[item.id].chance(student.ability)
            answer = draw_answer(rng, item.shape, item.answer_key, p)
            cell.source = write_assignment(
                cell.source, item.variable, value_source(item.shape, answer)
            )
        elif cell.cell_type == "markdown" and item is not None and not item.auto_graded:
            heading = cell.source.split("\n", 1)[0]  # "#### Your answer to question N"
            cell.source = f"{heading}\n\n{short_answer(rng, student.ability)}"
    return nb


def simulate_class(
    root: Path, db_url: str, course_id: str, assignment: str, count: int, seed: int,
    due: datetime | None = None,
) -> SimulatedClass:  # fmt: skip
    """Write ``count`` seeded submissions of ``assignment`` under ``root/submitted``."""
    from nbgrader.api import Gradebook

    from bonemets.assessment.bank import items_for

    items = {item.id: item for item in items_for(assignment)}
    if not items:
        raise SimulateError(f"{assignment} is not an assignment of this course (no items)")
    release_dir = root / "release" / assignment
    notebooks = sorted(release_dir.glob("*.ipynb"))
    if not notebooks:
        raise SimulateError(
            f"no release notebook in {release_dir}: run `bonemets release {assignment}` "
            "(or nbgrader generate_assignment) first"
        )
    if count < 1:
        raise SimulateError("--students must be at least 1")
    releases = {path.name: nbformat.read(path, as_version=4) for path in notebooks}
    with Gradebook(db_url, course_id=course_id) as gradebook:
        record = gradebook.update_or_create_assignment(assignment)
        if due is not None:
            record = gradebook.update_or_create_assignment(assignment, duedate=due)
        stored = record.duedate
    due_date = stored.replace(tzinfo=timezone.utc) if stored is not None else None
    rng = random.Random(seed)
    models = item_models(list(items.values()), rng)
    simulated = plan_class(assignment, count, rng, due_date)
    for student in simulated.students:
        folder = root / "submitted" / student.id / assignment
        folder.mkdir(parents=True, exist_ok=True)
        for name, release in releases.items():
            nb = answered_notebook(release, student, items, models, rng)
            nbformat.write(nb, folder / name)
        stamp = student.timestamp.strftime(TIMESTAMP_FORMAT)
        (folder / "timestamp.txt").write_text(stamp + "\n", encoding="utf-8")
    with Gradebook(db_url, course_id=course_id) as gradebook:
        for student in simulated.students:
            gradebook.update_or_create_student(
                student.id, first_name=student.first_name, last_name=student.last_name
            )
    return simulated


def parse_due(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        when = datetime.fromisoformat(text.strip().replace(" UTC", ""))
    except ValueError:
        raise SimulateError(
            f"--due {text!r}: give a date and time, e.g. 2026-03-01 17:00 (UTC)"
        ) from None
    return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when


def simulate(args: argparse.Namespace) -> int:
    """The ``bonemets simulate`` command."""

    from bonemets.grading.course import course_site
    from bonemets.instructor.gradebook_access import open_checked

    site = course_site(args.course_dir)
    course_id = site.course_id
    open_checked(site.db_url, course_id)  # a clear message when the gradebook is unreadable
    simulated = simulate_class(
        site.root, site.db_url, course_id, args.assignment, args.students, args.seed,
        parse_due(args.due),
    )  # fmt: skip
    due = (
        f"due {simulated.due:%Y-%m-%d %H:%M} UTC, {simulated.late} late"
        if simulated.due
        else "no due date set (--due sets one), none late"
    )
    print(
        f"wrote {len(simulated.students)} submissions of {args.assignment} to "
        f"{site.root / 'submitted'} ({simulated.blank} handed in blank; {due}); "
        f"students added to the gradebook"
    )
    return 0
