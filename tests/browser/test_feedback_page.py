"""The feedback a student reads, opened in Chromium: a marked paper, not a program.

An a1 submission (some answers right, some wrong, one left blank) is autograded and fed
back in the server's course copy, as an instructor would. The page must name each question
with its score ("1 point of 1"), show the teaching points wrapped inside their box (no
element wider than its box, nothing to scroll sideways), and show no check code and none
of nbgrader's "Test cell" / "Grade cell" labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat
import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    from course_browser.lab import LabServer
    from playwright.sync_api import Browser, Page

ASSIGNMENT = "a1_diagnosis"
STUDENT = "marked"
# q1 right, q2 partly right, q3 left blank, q4 and q5 wrong; the rest as released (blank).
ANSWERS = {
    "a1_q01_answer": 'q1 = "C"',
    "a1_q02_answer": 'q2 = {"B", "D", "E"}',
    "a1_q04_answer": 'q4 = {1: "A", 2: "A", 3: "A"}',
    "a1_q05_answer": "q5 = 3",
}
# Words of nbgrader's and of code that a student must not meet in feedback.
MACHINERY = ("Test cell", "Grade cell", "check(", "from bonemets", "import", "In [", "Out[")


@dataclass(frozen=True)
class Feedback:
    path: Path


@pytest.fixture(scope="module")
def feedback(lab: LabServer) -> Feedback:
    from bonemets.grading.course import api, build_release, checked

    build_release(lab.root, [ASSIGNMENT])
    nb = nbformat.read(lab.root / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in ANSWERS:
            cell.source = ANSWERS[grade_id]
    folder = lab.root / "submitted" / STUDENT / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / f"{ASSIGNMENT}.ipynb")
    grader = api(lab.root)
    checked(grader.autograde(ASSIGNMENT, STUDENT), "autograde")
    checked(grader.generate_feedback(ASSIGNMENT, STUDENT), "feedback")
    return Feedback(lab.root / f"feedback/{STUDENT}/{ASSIGNMENT}/{ASSIGNMENT}.html")


@pytest.fixture
def narrow_page(browser: Browser) -> Page:
    """A laptop-sized window, where an unwrapped line would run past its box."""
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    # No internet here: the MathJax script from the CDN is refused, as for every page.
    context.route(
        "**/*",
        lambda route, request: route.abort() if "//cdn" in request.url else route.continue_(),
    )
    return context.new_page()


def overflowing(page: Page) -> list[str]:
    """Elements of the marked paper wider than their own box (text to scroll sideways)."""
    result: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('#notebook-container *')]
              .filter(e => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)
              .map(e => `${e.tagName}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`)"""
    )
    return result


def test_feedback_reads_as_a_marked_paper(
    feedback: Feedback, narrow_page: Page, shoot: Callable[..., Path]
) -> None:
    page = narrow_page
    page.goto(feedback.path.as_uri())
    text = page.locator("body").inner_text()
    shoot(page.locator("body"), "feedback-marked-paper")
    # The contents list: each question by name with its score, as a marked paper.
    contents = page.locator("#toc").inner_text()
    assert "Question 1: 1 point of 1" in contents
    assert "Question 2: 1 point of 3" in contents
    assert "Short answer: 0 points of 3" in contents
    # Under each question: the score, the student's answer in plain words, the teaching.
    assert "Question 1: 1 point of 1." in text
    assert "Your answer: B, D and E." in text
    assert "Question 3: not answered. 0 points of 5." in text
    assert "Teaching points" in text
    assert "— you left this out, rightly." in text
    for word in MACHINERY:
        assert word not in text, word
    assert page.locator("div.input_area", has_text="check").count() == 0
    # Wrapped: no element wider than its box, and a rationale spans several lines.
    assert overflowing(page) == []
    teaching = page.locator("div.output_markdown", has_text="Teaching points").first
    item = teaching.locator("li").first
    box = item.bounding_box()
    assert box is not None and box["height"] > 30, "a long rationale wraps onto more lines"
