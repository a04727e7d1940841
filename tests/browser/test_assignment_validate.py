"""A released assignment: type answers into cells, press nbgrader's Validate, read what the
student sees — each unfinished question named in plain words (a partly answered matrix, an
answer that cannot be read, an empty short answer), success for complete ones.

Runs on the server's temp copy of release/, so the repo's notebooks are never changed.
"""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import pytest
from course_browser.course import released
from course_browser.notebook import choose_menu, notebook, open_notebook

from bonemets.assessment.bank import items_for

if TYPE_CHECKING:
    from course_browser.lab import LabServer
    from playwright.sync_api import Locator, Page

ASSIGNMENT = "release/a1_diagnosis/a1_diagnosis.ipynb"
# The short answer comes after the auto-graded questions.
SHORT_ANSWER_NUMBER = sum(1 for i in items_for("a1_diagnosis") if i.auto_graded) + 1
# Well-formed (not necessarily right) answers for every question of a1, as a student types.
WELL_FORMED = {
    1: '"B"',
    2: '{"A", "B", "C"}',
    3: '{1: "A", 2: "B", 3: "C", 4: "D", 5: "A"}',
    4: '{1: "A", 2: "B", 3: "A"}',
    5: "14",
    6: '{"A", "B"}',
    7: '["C", "E", "A", "B", "D"]',
    8: '{1: "A", 2: "A"}',
    9: '"A"',
    10: '{"A", "B", "D"}',
    11: '["A", "B", "C", "D", "E"]',
    12: "{2, 5}",  # highlight: phrase numbers
    13: '{1: {"A", "B"}, 2: {"C"}, 3: set(), 4: {"C"}, 5: {"E"}}',  # matrix multiple response
}

pytestmark = pytest.mark.skipif(
    ASSIGNMENT not in released(), reason=f"{ASSIGNMENT} has not been released yet"
)


@pytest.fixture
def student_copy(lab: LabServer, workspace: str) -> str:
    """A fresh copy of the released notebook for this test (in the server's temp root)."""
    relative = f"{ASSIGNMENT.rsplit('/', 1)[0]}/{workspace}.ipynb"
    shutil.copyfile(lab.root / ASSIGNMENT, lab.root / relative)
    return relative


def answer_cell(page: Page, number: int) -> Locator:
    """The answer cell of question ``number`` (its first line names the question)."""
    return (
        notebook(page)
        .locator(".jp-CodeCell")
        .filter(
            has=page.locator(".jp-InputArea-editor", has_text=re.compile(rf"^# Question {number}:"))
        )
    )


def type_answer(page: Page, number: int, value: str) -> None:
    """Click into the answer cell and type the answer, replacing what is there."""
    cell = answer_cell(page, number)
    assert cell.count() == 1, f"expected one answer cell for question {number}"
    # With the answer-form extension the cell's text is folded away under its form.
    toggle = cell.get_by_role("button", name="Show the answer as text")
    if toggle.count():
        toggle.click()
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.type(f"# Question {number}: my answer\nq{number} = {value}")
    page.keyboard.press("Escape")  # back to command mode, as after editing


SHORT_ANSWER = (
    "Drink plenty after the injection and empty your bladder often. Tell us if you might "
    "be pregnant or are breastfeeding. Can you tell me back what you will do?"
)


def write_short_answer(page: Page, text: str) -> None:
    """Open the short-answer Markdown cell for editing, replace its text, render it."""
    cell = notebook(page).locator(".jp-MarkdownCell").filter(has_text="Double-click this box")
    assert cell.count() == 1, "expected one unanswered short-answer cell"
    cell.dblclick()
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(text)  # as a paste: the long text need not go key by key
    page.keyboard.press("Shift+Enter")


def validate(page: Page) -> Locator:
    """Press Validate in the notebook toolbar; return the results dialog once it shows."""
    page.locator(".jp-NotebookPanel-toolbar").get_by_text("Validate", exact=True).click()
    dialog = page.locator(".jp-Dialog").filter(has_text="Validation Results")
    dialog.wait_for(timeout=90_000)
    return dialog


def test_validate_names_unfinished_answers_in_plain_words(
    page: Page, lab: LabServer, workspace: str, student_copy: str, shoot
) -> None:
    open_notebook(page, lab, student_copy, workspace)
    for number, value in WELL_FORMED.items():
        type_answer(page, number, value)
    type_answer(page, 1, '"Z"')  # not one of A-D
    type_answer(page, 3, '{1: "A", 2: "B"}')  # 2 of 5 rows
    type_answer(page, 7, '["A", "B"')  # the bracket is never closed: cannot be read
    # The short answer is left as it came.
    dialog = validate(page)
    shoot(dialog, "validate-plain-words")
    message = dialog.locator("#validation-message")
    assert "validation-failed" in (message.get_attribute("class") or "")
    text = message.inner_text()
    assert text.count("The following cell failed:") == 4
    assert "Question 1: choose one letter from A–D and put it in quotes" in text
    assert "Question 3: 2 of 5 rows answered." in text
    assert "Choose a letter for row 3, row 4 and row 5." in text
    assert "Question 7: your answer cannot be read: check the quotes, brackets and commas" in text
    assert (
        f"Your answer to question {SHORT_ANSWER_NUMBER}" in text
        and "You did not provide a response." in text
    )
    assert "not at whether it is right" in text
    for word in ("Traceback", "SyntaxError", "NameError", "AnswerShapeError", "dict"):
        assert word not in text
    assert "Success!" not in text
    assert "Question 2" not in text  # complete answers are not listed


def run_answer(page: Page, number: int) -> str:
    """Run question ``number``'s answer cell (Shift+Enter); the text of its first output."""
    cell = answer_cell(page, number)
    cell.locator(".cm-content").click()
    page.keyboard.press("Shift+Enter")
    output = cell.locator(".jp-OutputArea-output").first
    output.wait_for(timeout=30_000)
    return output.inner_text()


def test_an_answer_that_cannot_run_is_explained_in_plain_words(
    page: Page, lab: LabServer, workspace: str, student_copy: str, shoot
) -> None:
    open_notebook(page, lab, student_copy, workspace)
    choose_menu(page, "Run", "Run All Cells")
    # The run stops at the first check, which names the question in plain words.
    stopped = notebook(page).locator(".jp-CodeCell", has_text="Question 1 is not answered yet.")
    stopped.wait_for(timeout=60_000)
    type_answer(page, 7, '["A", "B"')  # the bracket is never closed
    text = run_answer(page, 7)
    shoot(answer_cell(page, 7), "answer-cannot-be-read")
    assert text.startswith(
        "This answer cannot be read: check the quotes, brackets and commas on line 2."
    )
    type_answer(page, 5, "fourteen")  # a word where a number belongs
    assert run_answer(page, 5).startswith(
        'This answer cannot be read: letters need quotes, like "B"'
    )
    page_text = notebook(page).inner_text()
    for word in ("Traceback", "SyntaxError", "NameError", "AnswerShapeError"):
        assert word not in page_text, word


def test_short_answer_is_labelled_and_says_how_to_type_in_it(
    page: Page, lab: LabServer, workspace: str, student_copy: str
) -> None:
    open_notebook(page, lab, student_copy, workspace)
    box = notebook(page).locator(".jp-MarkdownCell").filter(has_text="Double-click this box")
    assert box.count() == 1
    assert (
        box.locator("h4").inner_text().startswith(f"Your answer to question {SHORT_ANSWER_NUMBER}")
    )
    words = box.inner_text()
    assert "Shift+Enter" in words and "Write your answer here." not in words


def test_well_formed_answers_pass(
    page: Page, lab: LabServer, workspace: str, student_copy: str, shoot
) -> None:
    open_notebook(page, lab, student_copy, workspace)
    for number, value in WELL_FORMED.items():
        type_answer(page, number, value)
    write_short_answer(page, SHORT_ANSWER)
    dialog = validate(page)
    shoot(dialog, "validate-well-formed")
    message = dialog.locator("#validation-message")
    assert message.inner_text().strip() == "Success! Your notebook passes all the tests."
    dialog.get_by_role("button", name="Ok").click()
    # What Validate checked is what was saved: the typed answer is on disk.
    saved = (lab.root / student_copy).read_text()
    assert "q5 = 14" in saved
