"""The item bank: its coverage, its validation errors, and the notebooks built from it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from bonemets.assessment.bank import items_for, load_items
from bonemets.assessment.coverage import coverage_counts, coverage_table
from bonemets.assessment.items import AUTO_TYPES, CJ_STEPS, Item
from bonemets.cli import main
from bonemets.data import CourseDataError, InvalidField, SeedSection, load_collection
from bonemets.data.errors import WHOLE_RECORD
from bonemets.grading.source_builder import build_notebook

REPO = Path(__file__).resolve().parents[1]
ITEMS = load_items()
ASSIGNMENTS = [
    "a1_diagnosis",
    "a2_systemic_treatment",
    "a3_local_and_supportive_care",
    "a4_case_study",
]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_each_assignment_has_8_to_15_auto_items_and_one_short_answer(assignment) -> None:
    items = items_for(assignment)
    auto = [i for i in items if i.auto_graded]
    assert 8 <= len(auto) <= 15
    assert [i.type for i in items if not i.auto_graded] == ["short_answer"]


def test_every_seed_section_is_assessed() -> None:
    counts = coverage_counts()["seed_section"]
    assert set(counts) == set(load_collection(SeedSection))
    assert [s for s, n in counts.items() if n == 0] == []


def test_every_item_type_is_used_at_least_twice() -> None:
    counts = Counter(i.type for i in ITEMS.values())
    assert {t: counts[t] for t in AUTO_TYPES if counts[t] < 2} == {}


def test_case_study_follows_the_six_clinical_judgment_steps_in_order() -> None:
    # The case items run in time order; a step may take more than one item (take action).
    steps = [i.cj_step for i in items_for("a4_case_study") if i.auto_graded]
    case = steps[: steps.index("evaluate_outcomes") + 1]
    assert list(dict.fromkeys(case)) == list(CJ_STEPS)
    assert [CJ_STEPS.index(s) for s in case] == sorted(CJ_STEPS.index(s) for s in case)


def test_coverage_command_prints_the_table(capsys) -> None:
    assert main(["coverage"]) == 0
    out = capsys.readouterr().out
    assert out.strip() == coverage_table()
    assert "Items per seed section" in out and "MISSING" not in out
    assert "  bowtie             2" in out


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_source_notebook_is_generated_from_the_bank(assignment) -> None:
    import nbformat

    kept = REPO / "source" / assignment / f"{assignment}.ipynb"
    assert kept.read_text(encoding="utf-8") == nbformat.writes(build_notebook(assignment)) + "\n", (
        f"source/{assignment} is stale: run `make release`"
    )


# --- validation errors name file, record and field ------------------------------------


@pytest.fixture
def broken_copy(course_data_copy):
    """The a1 bank file inside a copy of course_data/, to break one item at a time."""
    return course_data_copy / "assessment" / "a1_diagnosis.yaml"


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ("objective: diag.2", "objective: diag.99", "objective", "unknown objective 'diag.99'"),
        ("seed_section: biopsy", "seed_section: biopsi", "seed_section", "unknown seed section"),
        (
            "  key: [C]\n  rationale: New or changing",
            "  key: [E]\n  rationale: New or changing",
            "key",
            "key letter 'E' is not one of the options ABCD",
        ),
        ("  key: [B, D, F]\n", "  key: [A, B, C, D, E, F]\n", "key", "at least one option"),
        (
            "  points: 3\n  objective: diag.3\n  seed_section: imaging_tests\n  cj_step: recognize",
            "  points: 2\n  objective: diag.3\n  seed_section: imaging_tests\n  cj_step: recognize",
            "points",
            "worth 3, not 2",
        ),
        ("cj_step: recognize_cues", "cj_step: notice_cues", "cj_step", "expected one of"),
        ("sources: [yang2011]", "sources: [nobody2020]", "sources[0]", "unknown source id"),
        (
            "assignment: a1_diagnosis\n  type: numeric",
            "assignment: a2_systemic_treatment\n  type: numeric",
            "id",
            "assignment prefix",
        ),
    ],
)
def test_bank_errors_name_file_record_and_field(broken_copy, old, new, field, message) -> None:
    text = broken_copy.read_text(encoding="utf-8")
    assert old in text
    broken_copy.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CourseDataError) as caught:
        load_items()
    error = caught.value
    assert error.file == "course_data/assessment/a1_diagnosis.yaml"
    assert error.record and error.record.startswith("a1_")
    assert error.field == field
    assert message in str(error)


def test_an_item_in_the_wrong_file_is_refused(broken_copy) -> None:
    text = broken_copy.read_text(encoding="utf-8")
    moved = text.replace(
        "id: a1_q10\n  assignment: a1_diagnosis",
        "id: a2_q99\n  assignment: a2_systemic_treatment",
        1,
    )
    broken_copy.write_text(moved, encoding="utf-8")
    with pytest.raises(CourseDataError, match="holds 'a1_diagnosis' items only") as caught:
        load_items()
    assert (caught.value.record, caught.value.field) == ("a2_q99", "assignment")


# --- the self-check command -------------------------------------------------------------


def test_check_scores_a_release_notebook(capsys) -> None:
    assert main(["check", str(REPO / "release/a1_diagnosis/a1_diagnosis.ipynb")]) == 0
    out = capsys.readouterr().out
    assert "Question 1: not answered. 0 points of 1." in out
    assert "Total: 0 points of" in out


def test_check_gives_full_marks_on_the_source_notebook(capsys) -> None:
    assert (
        main(
            [
                "check",
                "--no-rationale",
                str(REPO / "source/a2_systemic_treatment/a2_systemic_treatment.ipynb"),
            ]
        )
        == 0
    )
    possible = sum(i.points for i in items_for("a2_systemic_treatment") if i.auto_graded)
    assert f"Total: {possible} points of {possible}" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not a notebook (the file is not valid JSON)"),
        (
            '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
            "no graded questions of this course found",
        ),
        (None, "no such file"),
    ],
)
def test_check_reports_bad_files_in_one_line(tmp_path, capsys, content, message) -> None:
    path = tmp_path / "work.ipynb"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_each_item_type_is_one_class_with_every_part() -> None:
    from bonemets.assessment.types import KINDS, ItemKind

    assert set(AUTO_TYPES) | {"short_answer"} == set(KINDS)
    for name, kind in KINDS.items():
        assert isinstance(kind, ItemKind) and kind.name == name and kind.label
        for method in ("check", "max_points", "shape", "answer_key", "score"):
            assert getattr(type(kind), method) is not getattr(ItemKind, method), (name, method)
        if kind.auto_graded:
            assert kind.rule, name
    for item in ITEMS.values():
        assert item.kind is KINDS[item.type]
        if item.auto_graded:
            assert item.kind.score(item, item.answer_key) == item.points


def test_an_unknown_item_type_is_named(broken_copy) -> None:
    text = broken_copy.read_text(encoding="utf-8")
    broken_copy.write_text(text.replace("type: numeric", "type: essay", 1), encoding="utf-8")
    with pytest.raises(CourseDataError, match="expected one of 'multiple_choice'") as caught:
        load_items()
    assert caught.value.field == "type"


# --- a record check names its field as data (InvalidField), not in its wording ----------


def _break_item(path: Path, item_id: str, change: Callable[[dict[str, Any]], None]) -> None:
    """Apply ``change`` to one item of a bank file (a copy), through the YAML itself."""
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(next(r for r in records if r["id"] == item_id))
    path.write_text(yaml.safe_dump(records, sort_keys=False, allow_unicode=True), "utf-8")


def _drop_blank_options(item: dict[str, Any]) -> None:
    item["rows"][1]["options"] = item["rows"][1]["options"][:2]


def _mark_first_option_unsafe(item: dict[str, Any]) -> None:
    item["options"][0]["unsafe"] = True  # with no unsafe_reason


def test_two_broken_items_in_two_files_give_two_lines_naming_file_record_and_field(
    course_data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raised: list[tuple[str, str]] = []  # (field, message) of every InvalidField the checks raise
    original_init = InvalidField.__init__

    def recording_init(self: InvalidField, field: str, message: str) -> None:
        raised.append((field, message))
        original_init(self, field, message)

    monkeypatch.setattr(InvalidField, "__init__", recording_init)
    bank = course_data_copy / "assessment"
    cloze = next(i for i in ITEMS.values() if i.assignment == "a1_diagnosis" and i.type == "cloze")
    choice = next(
        i
        for i in ITEMS.values()
        if i.assignment == "a3_local_and_supportive_care" and i.type == "sata"
    )
    _break_item(bank / "a1_diagnosis.yaml", cloze.id, _drop_blank_options)
    _break_item(bank / "a3_local_and_supportive_care.yaml", choice.id, _mark_first_option_unsafe)
    with pytest.raises(CourseDataError) as caught:
        load_items()
    assert str(caught.value).splitlines() == [
        f"course_data/assessment/a1_diagnosis.yaml: record {cloze.id!r}, "
        "field 'rows[1].options': give at least 3 options per blank",
        f"course_data/assessment/a3_local_and_supportive_care.yaml: record {choice.id!r}, "
        "field 'options[0]': option A: unsafe_reason: say what harm it would do",
    ]
    # The fields came as data: the checks raised InvalidField with the field apart.
    assert raised == [
        ("rows[1].options", "give at least 3 options per blank"),
        (WHOLE_RECORD, "option A: unsafe_reason: say what harm it would do"),
    ]


def _with_row(item: Item, n: int, **changes: Any) -> dict[str, Any]:
    """The ``rows`` change that alters row ``n`` of ``item`` only."""
    rows = list(item.rows)
    rows[n] = replace(rows[n], **changes)
    return {"rows": tuple(rows)}


@pytest.mark.parametrize(
    ("item_type", "change", "field", "message"),
    [
        (
            "cloze",
            lambda i: _with_row(i, 1, options=i.rows[1].options[:2]),
            "rows[1].options",
            "give at least 3 options per blank",
        ),
        (
            "bowtie",
            lambda i: _with_row(i, 1, key=i.rows[1].key[:1]),
            "rows[1]",
            "actions offers 5 options and keys 2",
        ),
        ("sata", lambda i: {"key": ()}, "key", "give the right letter(s)"),
        ("numeric", lambda i: {"tolerance": -1.0}, "tolerance", "must not be negative"),
        (
            "short_answer",
            lambda i: {"rubric": ()},
            "rubric",
            "a short answer needs a rubric and a model_answer",
        ),
        (
            "multiple_choice",
            lambda i: {"points": 9},
            "points",
            "a multiple_choice item here is worth 1, not 9",
        ),
    ],
)
def test_an_item_check_raises_invalid_field_with_the_field_apart_from_the_message(
    item_type: str, change: Callable[[Item], dict[str, Any]], field: str, message: str
) -> None:
    item = next(i for i in ITEMS.values() if i.type == item_type)
    with pytest.raises(InvalidField) as caught:
        replace(item, **change(item))  # a frozen record: replace() runs its checks again
    assert (caught.value.field, caught.value.message) == (field, message)


def test_check_shows_keys_only_for_answered_questions(tmp_path, capsys) -> None:
    """A self-learner's check never gives away the key of a question not answered yet."""
    import nbformat

    nb = nbformat.read(REPO / "release/a1_diagnosis/a1_diagnosis.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "a1_q02_answer":
            cell.source = 'q2 = {"B", "D", "E"}'
    path = tmp_path / "a1_diagnosis.ipynb"
    nbformat.write(nb, path)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    question_1, question_2 = out.split("Question 2:")[0], out.split("Question 3:")[0]
    assert "Not answered yet: answer it, then check again." in question_1
    # Question 1 is unanswered: neither its right option nor any rationale is shown.
    key_1 = items_for("a1_diagnosis")[0]
    assert not any(o.rationale[:40] in out for o in key_1.options)
    assert "a right answer" not in out
    # Question 2 is answered: the teaching points, worded from what the student did.
    assert "Your answer: B, D and E." in question_2
    assert "— you chose this, but it is wrong." in question_2
    assert "— you left this out, rightly." in question_2
    answered_here = 1  # only question 2 was answered
    unanswered = len([i for i in items_for("a1_diagnosis") if i.auto_graded]) - answered_here
    assert f"{unanswered} questions are not answered yet" in out
