"""A released assignment: type answers into cells, press nbgrader's Validate, read what the
student sees — the failing question for a wrong-shape answer, success for well-formed ones.

Runs on the server's temp copy of release/, so the repo's notebooks are never changed.
"""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import pytest
from course_browser.course import released
from course_browser.notebook import notebook, open_notebook

if TYPE_CHECKING:
    from course_browser.lab import LabServer
    from playwright.sync_api import Locator, Page

ASSIGNMENT = "release/a1_diagnosis/a1_diagnosis.ipynb"
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
    cell = notebook(page).locator(".jp-MarkdownCell").filter(has_text="Write your answer here.")
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


def test_wrong_shape_answer_is_named(
    page: Page, lab: LabServer, workspace: str, student_copy: str, shoot
) -> None:
    open_notebook(page, lab, student_copy, workspace)
    for number, value in WELL_FORMED.items():
        type_answer(page, number, value)
    type_answer(page, 1, '"Z"')  # not one of A-D
    type_answer(page, 7, '["A", "A", "B"]')  # not each letter once
    write_short_answer(page, SHORT_ANSWER)
    dialog = validate(page)
    shoot(dialog, "validate-wrong-shape")
    message = dialog.locator("#validation-message")
    assert "validation-failed" in (message.get_attribute("class") or "")
    text = message.inner_text()
    assert text.count("The following cell failed:") == 2
    assert "q1 must be one letter from A–D in quotes" in text
    assert 'check("q7", q7' in text
    assert "Success!" not in text
    assert "q2" not in text  # well-formed answers are not listed
    assert "You did not provide a response." not in text  # the short answer was written


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
