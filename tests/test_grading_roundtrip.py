"""End to end on a temporary course: generate, autograde simulated submissions, feedback.

One course directory per module (nbgrader in-process, no CLI start-up). Every score is
asserted exactly, from the gradebook nbgrader wrote.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from traitlets.config import Config

from bonemets.assessment.bank import load_items
from bonemets.assessment.items import Item
from bonemets.grading.course import api, build_release, checked
from bonemets.grading.source_builder import literal

pytestmark = pytest.mark.slow

ITEMS = load_items()
ASSIGNMENTS = list(dict.fromkeys(i.assignment for i in ITEMS.values()))


def auto_items(assignment: str) -> list[Item]:
    return [i for i in ITEMS.values() if i.assignment == assignment and i.auto_graded]


def _wrong_letters(options, key, count: int) -> list[str]:
    return [o.id for o in options if o.id not in key][:count]


def wrong_answer(item: Item) -> str:
    """A well-formed answer that earns 0 points under the NCSBN rules."""
    if item.type == "multiple_choice":
        return literal(_wrong_letters(item.options, item.key, 1)[0])
    if item.type in ("sata", "select_n"):
        return literal(frozenset(_wrong_letters(item.options, item.key, len(item.key))))
    if item.type in ("matrix", "cloze", "rationale"):
        answer = {}
        for row in item.rows:
            options = item.options if item.type == "matrix" else row.options
            answer[int(row.id)] = _wrong_letters(options, row.key, 1)[0]
        return literal(answer)
    if item.type == "matrix_mr":  # only unkeyed cells: every column nets 0 or less
        return literal(
            {int(r.id): frozenset(_wrong_letters(item.options, r.key, 9)) for r in item.rows}
        )
    if item.type == "highlight":  # every phrase that is not a cue
        return literal(frozenset(int(n) for n in _wrong_letters(item.options, item.key, 99)))
    if item.type == "ordering":
        return literal(list(item.key[1:] + item.key[:1]))  # rotated: no letter in place
    if item.type == "bowtie":
        return literal(
            {
                row.id: (
                    _wrong_letters(row.options, row.key, 1)[0]
                    if row.id == "condition"
                    else frozenset(_wrong_letters(row.options, row.key, 2))
                )
                for row in item.rows
            }
        )
    return literal(item.number + 100)


def submit(root: Path, student: str, assignment: str, answers: dict[str, str], edit=None) -> None:
    """Copy the release notebook as ``student``'s submission, with answer cell sources."""
    nb = nbformat.read(root / "release" / assignment / f"{assignment}.ipynb", as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        item_id = grade_id.removesuffix("_answer")
        if grade_id.endswith("_answer") and item_id in answers:
            cell.source = f"{ITEMS[item_id].variable} = {answers[item_id]}"
        elif cell.cell_type == "markdown" and grade_id in answers:  # the short answer
            cell.source = answers[grade_id]
        if edit is not None:
            edit(cell, grade_id)
    folder = root / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / f"{assignment}.ipynb")


def gradebook_scores(root: Path, student: str, assignment: str) -> dict[str, float | None]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id="bonemets") as gb:
        nb = gb.find_submission_notebook(assignment, assignment, student)
        return {g.name: g.auto_score for g in nb.grades}


# a1 partly right, hand-computed with the NCSBN rules (keys in a1_diagnosis.yaml).
A1_PARTLY = {
    "a1_q01": ('"C"', 1),  # right
    "a1_q02": ('{"B", "D", "E"}', 1),  # SATA: 2 right - 1 wrong
    "a1_q03": ('{1: "C", 2: "B", 3: "B", 4: "A", 5: "C"}', 3),  # rows 1, 2, 5
    "a1_q04": ('{1: "C", 3: "B"}', 2),  # blank 2 left empty: 0 for it
    "a1_q05": ("100 - 86", 1),  # arithmetic on numbers is read, not executed
    "a1_q06": ('{"A", "C"}', 1),  # select 2: one right
    "a1_q07": ('["E", "C", "A", "D", "B"]', 3),  # first two swapped
    "a1_q08": ('{1: "B", 2: "A"}', 0),  # rationale: reason wrong, no point
    "a1_q09": ('"b"', 1),  # lower case is accepted
    "a1_q10": ('{"A", "B", "C", "D", "E"}', 1),  # all five: 3 right - 2 wrong
    "a1_q11": ('["B", "D", "E", "C", "A"]', 3),  # last two swapped
    "a1_q12": ("{1, 2, 4, 8}", 2),  # highlight +/- (key 2, 4, 5, 8): 3 right - 1 wrong
    # Matrix multiple response, +/- per column (key 1: ABDE, 2: C, 3: DE, 4: C, 5: E):
    # A +1 -1 = 0; C -1 +1 = 0; D +1; E +1; row 4 left empty. 2 of 9.
    "a1_q13": ('{1: {"A", "C"}, 2: {"C"}, 3: {"A", "D"}, "5": ["E"]}', 2),
}
# a4 (the case study, with the bow-tie) partly right, hand-computed the same way.
A4_PARTLY = {
    "a4_q01": ('{"A", "C", "D"}', 1),  # SATA: 2 right - 1 wrong
    "a4_q02": ('{1: "A", 2: "B", 3: "A", 4: "A", 5: "B", 6: "C"}', 5),  # row 3 wrong
    # bow-tie: condition right (1) + one right action (1) + one right parameter (1)
    "a4_q03": ('{"condition": "C", "actions": {"A", "B"}, "parameters": {"C"}}', 3),
    "a4_q04": ('{1: "B", 2: "A"}', 1),  # one blank of two
    "a4_q05": ('{"B", "D", "E", "F"}', 2),  # SATA: 3 right - 1 wrong
    "a4_q06": ('"C"', 0),  # an unsafe choice: 0, and the feedback says why
    "a4_q07": ('{1: "C", 2: "B"}', 1),  # rationale: both parts right
    "a4_q08": ('{"B", "C", "D", "E"}', 2),  # SATA: 3 right - 1 wrong
    "a4_q09": ('"B"', 0),
    "a4_q10": ("None", 0),  # left blank
    "a4_q11": ("{2, 4, 5, 6, 7}", 1),  # highlight (key 1, 4, 5, 7): 3 right - 2 wrong
}
PARTLY = {"a1_diagnosis": A1_PARTLY, "a4_case_study": A4_PARTLY}
# Wrong shapes: 0 points each, and the message says what form was expected.
A1_SHAPES = {
    "a1_q01": '{"C"}',
    "a1_q02": '"ABC"',
    "a1_q03": '["A", "B", "C", "D", "A"]',
    "a1_q05": '"14"',
    "a1_q06": '{"A", "B", "C"}',  # select 2, three chosen
    "a1_q07": '["C", "E", "A"]',
    "a1_q09": 'sorted("A")',  # code, not a value
}
# Tries to win through the kernel: redefine names the tests use, forge the printed number.
CHEAT_SOURCE = """q1 = "A"
set = lambda *args: {"A", "B", "C"}
bool = lambda *args: True
def check(*args, **kwargs):
    print(1)
formatter = get_ipython().display_formatter.formatters["text/plain"]
formatter.for_type(type(None), lambda *args: "99")
formatter.for_type(int, lambda *args: "99")
"""


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = tmp_path_factory.mktemp("course")
    build_release(root, ASSIGNMENTS)
    grader = api(root)
    for assignment in ASSIGNMENTS:
        items = auto_items(assignment)
        right = {i.id: literal(i.answer_key) for i in items}
        right[f"{assignment[:2]}_sa"] = "A short answer for the grader to read."
        submit(root, "right", assignment, right)
        submit(root, "blank", assignment, {})
        submit(root, "wrong", assignment, {i.id: wrong_answer(i) for i in items})
    for assignment, partly in PARTLY.items():
        submit(root, "partly", assignment, {k: v for k, (v, _) in partly.items()})
    submit(root, "shapes", "a1_diagnosis", A1_SHAPES)

    def cheat(cell, grade_id):
        if grade_id == "a1_q01_answer":
            cell.source = CHEAT_SOURCE
        if grade_id == "a1_q02":  # a locked check cell, edited to print full marks
            cell.source = "3"
        if grade_id == "a1_q03_stem":
            cell.source = "Edited stem"

    submit(root, "cheat", "a1_diagnosis", {}, edit=cheat)
    students = {"right", "blank", "wrong"}
    for assignment in ASSIGNMENTS:
        extra = {"partly"} if assignment in PARTLY else set()
        if assignment == "a1_diagnosis":
            extra |= {"shapes", "cheat"}
        for student in sorted(students | extra):
            checked(grader.autograde(assignment, student), f"autograde {student}")
    for student in ("wrong", "shapes"):  # feedback as configured: scores and rationales
        checked(grader.generate_feedback("a1_diagnosis", student), f"feedback {student}")
    # Feedback from a grader who withholds every key and rationale (items to be reused).
    withhold = Config()
    withhold.WithholdFeedback.withhold_all = True
    secretive = api(root, withhold)
    for assignment in ASSIGNMENTS:
        checked(secretive.generate_feedback(assignment, "blank"), "feedback withheld")
    return root


def item_scores(course: Path, student: str, assignment: str) -> dict[str, float | None]:
    scores = gradebook_scores(course, student, assignment)
    return {k: v for k, v in scores.items() if k in ITEMS and ITEMS[k].auto_graded}


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_all_right_earns_every_point(course, assignment) -> None:
    expected = {i.id: float(i.points) for i in auto_items(assignment)}
    assert item_scores(course, "right", assignment) == expected


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
@pytest.mark.parametrize("student", ["blank", "wrong"])
def test_blank_and_all_wrong_earn_nothing(course, assignment, student) -> None:
    expected = {i.id: 0.0 for i in auto_items(assignment)}
    assert item_scores(course, student, assignment) == expected


@pytest.mark.parametrize("assignment", sorted(PARTLY))
def test_partly_right_matches_hand_computed_ncsbn_scores(course, assignment) -> None:
    expected = {k: float(points) for k, (_, points) in PARTLY[assignment].items()}
    assert item_scores(course, "partly", assignment) == expected


def test_wrong_shapes_score_zero_with_a_clear_message(course) -> None:
    scores = item_scores(course, "shapes", "a1_diagnosis")
    assert all(scores[item_id] == 0.0 for item_id in A1_SHAPES)
    html = (course / "feedback/shapes/a1_diagnosis/a1_diagnosis.html").read_text()
    assert "Question 2: your answer could not be marked (type letters from A–F" in html
    assert "Question 6: your answer could not be marked (choose up to 2 letters, not more)" in html


def test_kernel_tricks_and_edited_locked_cells_gain_nothing(course) -> None:
    scores = item_scores(course, "cheat", "a1_diagnosis")
    assert scores == {i.id: 0.0 for i in auto_items("a1_diagnosis")}
    autograded = nbformat.read(
        course / "autograded/cheat/a1_diagnosis/a1_diagnosis.ipynb", as_version=4
    )
    by_id = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in autograded.cells}
    assert "check(" in by_id["a1_q02"].source  # nbgrader restored the locked check cell
    assert by_id["a1_q03_stem"].source != "Edited stem"


def test_manual_short_answer_waits_for_a_grader(course) -> None:
    assert gradebook_scores(course, "right", "a1_diagnosis")["a1_sa"] is None  # to grade
    assert gradebook_scores(course, "blank", "a1_diagnosis")["a1_sa"] == 0.0  # left as given


def test_feedback_shows_score_and_rationale(course) -> None:
    html = (course / "feedback/wrong/a1_diagnosis/a1_diagnosis.html").read_text()
    assert "Question 1: 0 points of 1." in html
    assert ITEMS["a1_q01"].options[1].rationale.split(",")[0] in html
    # A marked paper: questions named with their scores, no code, no nbgrader labels.
    assert '<a href="#a1_q01">Question 1</a>: 0 points of 1' in html
    for machinery in ("Test cell", "Grade cell", "check(", "from bonemets", "In&nbsp;["):
        assert machinery not in html, machinery
    # q8's first wrong option (no drinking before contrast) is tagged unsafe: said plainly.
    assert "You chose an option that could harm the patient: tell the patient not to" in html


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_withheld_feedback_shows_scores_but_no_key(course, assignment) -> None:
    from test_grading_leaks import key_markers

    html = (course / f"feedback/blank/{assignment}/{assignment}.html").read_text()
    for item in auto_items(assignment):
        label = f"Question {item.number_in_assignment}"
        assert f"{label}: not answered. 0 points of {item.points}." in html
    assert "withheld because it will be reused" in html
    hits = [m for m in key_markers(assignment) if m in html]
    assert hits == []


def test_repository_release_matches_a_fresh_generate(course, repo_root) -> None:
    for assignment in ASSIGNMENTS:
        fresh = course / "release" / assignment
        kept = repo_root / "release" / assignment
        names = sorted(p.name for p in fresh.iterdir())
        assert names == sorted(p.name for p in kept.iterdir()), assignment
        for name in names:
            assert (fresh / name).read_bytes() == (kept / name).read_bytes(), (
                f"release/{assignment}/{name} is stale: run `make release`"
            )


def test_self_check_command_agrees_with_nbgrader(course, capsys) -> None:
    from bonemets.cli import main

    path = course / "submitted/partly/a1_diagnosis/a1_diagnosis.ipynb"
    assert main(["check", str(path), "--no-rationale"]) == 0
    total = sum(points for _, points in A1_PARTLY.values())
    possible = sum(i.points for i in auto_items("a1_diagnosis"))
    out = capsys.readouterr().out
    assert f"Total: {total} points of {possible} for the questions marked automatically" in out
