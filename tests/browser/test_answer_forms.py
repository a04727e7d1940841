"""Answer every graded item by clicking, and again by keyboard only, in the answer forms.

The JupyterLab extension (``extension/``) draws each answer cell as a form. These tests
answer a released assignment with the keys from the item bank (the tests are the instructor
side), once with the mouse and once with the keyboard, save, then check that the cell
sources hold the plain values the grader reads and that ``nbgrader autograde`` gives full
marks. Typing in a cell must update its form; an unreadable typed value shows the form as
not answered. axe audits the forms; screenshots of every item type feed the README gallery.

Runs on the server's temp copy of release/, so the repo's notebooks are never changed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import nbformat
import pytest
from course_browser.a11y import unnamed_controls
from course_browser.answering import answer_by_mouse, click_choice, form, number_text
from course_browser.axe import blocking, run_axe
from course_browser.course import ARTIFACTS, released
from course_browser.notebook import notebook, open_notebook

from bonemets.assessment.bank import load_items
from bonemets.assessment.items import Item
from bonemets.assessment.shapes import normalise
from bonemets.grading.answers import read_answer
from bonemets.grading.course import api, build_release, checked

if TYPE_CHECKING:
    from course_browser.lab import LabServer
    from playwright.sync_api import Locator, Page

ITEMS = load_items()
ASSIGNMENTS = list(dict.fromkeys(i.assignment for i in ITEMS.values()))
GALLERY = Path(__file__).resolve().parents[2] / "docs" / "gallery" / "answer-forms"

pytestmark = pytest.mark.skipif(not released(), reason="release/ holds no assignment notebooks yet")


def auto_items(assignment: str) -> list[Item]:
    return [i for i in ITEMS.values() if i.assignment == assignment and i.auto_graded]


def release_path(assignment: str) -> str:
    return f"release/{assignment}/{assignment}.ipynb"


@pytest.fixture
def open_copy(page: Page, lab: LabServer, workspace: str) -> Callable[[str], str]:
    """Open a fresh copy of an assignment's release notebook; return its path on the server."""

    def opener(assignment: str) -> str:
        relative = f"release/{assignment}/{workspace}.ipynb"
        shutil.copyfile(lab.root / release_path(assignment), lab.root / relative)
        open_notebook(page, lab, relative, workspace)
        notebook(page).locator(".bm-AnswerForm").first.wait_for()
        return relative

    return opener


# --- answering with the keyboard only --------------------------------------------------------
def press(page: Page, key: str, times: int = 1) -> None:
    for _ in range(times):
        page.keyboard.press(key)


def answer_by_keyboard(page: Page, item: Item) -> None:
    """Only key presses, starting with the focus on the form's first control.

    Getting there is one Tab from the question above in a page of forms; between cells
    JupyterLab's code editors take Tab for indenting, so the test puts the focus on the
    first control itself, as a Tab from the previous form's last control would.
    """
    area = form(page, item)
    area.scroll_into_view_if_needed()
    area.locator("input, select, button").first.focus()
    key = item.answer_key
    letters = [o.id for o in item.options]
    if item.type == "multiple_choice":
        press(page, "Space")  # selects the first option, then arrows move the choice
        press(page, "ArrowDown", letters.index(key))
    elif item.type in ("sata", "select_n"):
        for letter in letters:
            if letter in key:
                press(page, "Space")
            press(page, "Tab")
    elif item.type == "matrix":
        for row in item.rows:
            press(page, "Space")
            press(page, "ArrowRight", letters.index(key[int(row.id)]))
            press(page, "Tab")
    elif item.type == "matrix_mr":  # one check box per cell, each a Tab stop
        for row in item.rows:
            for letter in letters:
                if letter in key[int(row.id)]:
                    press(page, "Space")
                press(page, "Tab")
    elif item.type == "highlight":  # one toggle button per phrase, each a Tab stop
        for phrase in item.options:
            if int(phrase.id) in key:
                press(page, "Enter" if int(phrase.id) % 2 else "Space")  # both work
            press(page, "Tab")
    elif item.type in ("cloze", "rationale"):
        for row in item.rows:
            ids = [o.id for o in row.options]
            press(page, "ArrowDown", ids.index(key[int(row.id)]) + 1)  # past "Choose…"
            press(page, "Tab")
    elif item.type == "bowtie":
        for row in item.rows:
            ids = [o.id for o in row.options]
            chosen = key[row.id]
            if isinstance(chosen, str):  # one letter: a radio group
                press(page, "Space")
                press(page, "ArrowDown", ids.index(chosen))
                press(page, "Tab")
            else:
                for letter in ids:
                    if letter in chosen:
                        press(page, "Space")
                    press(page, "Tab")
    elif item.type == "ordering":
        # Buttons in Tab order: item 1 up, item 1 down, item 2 up, ... then "Keep this order".
        order = list(letters)
        focused = 0
        moved = False
        for place, letter in enumerate(key):
            index = order.index(letter)
            if index == place:
                continue
            step = 2 * index - focused
            press(page, "Tab" if step > 0 else "Shift+Tab", abs(step))
            press(page, "Space", index - place)  # the focus stays on the moved item's button
            order.insert(place, order.pop(index))
            focused = 2 * place
            moved = True
        if not moved:
            press(page, "Tab", 2 * len(order) - focused)
            press(page, "Space")
    elif item.type == "numeric":
        page.keyboard.type(number_text(item.number))
    else:  # pragma: no cover
        raise AssertionError(f"no keyboard driver for {item.type}")


# --- checks -----------------------------------------------------------------------------------
def save(page: Page) -> None:
    """Ctrl+S, with the focus still in a form; wait until the notebook is clean on disk."""
    page.keyboard.press("Control+s")
    page.wait_for_function(
        "() => window.jupyterapp.shell.currentWidget?.context?.model?.dirty === false"
    )


def saved_answers(path: Path) -> dict[str, Any]:
    """Item id -> the canonical value the grader reads from the saved answer cell."""
    nb = nbformat.read(path, as_version=4)
    answers: dict[str, Any] = {}
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if grade_id.endswith("_answer"):
            item = ITEMS[grade_id.removesuffix("_answer")]
            value = read_answer(cell.source, item.variable)
            canonical = None if value is None else normalise(item.variable, value, item.shape)
            answers[item.id] = canonical
    return answers


@pytest.fixture(scope="module")
def grading_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temp nbgrader course with every assignment generated, to autograde submissions."""
    root = tmp_path_factory.mktemp("forms-course")
    build_release(root, ASSIGNMENTS)
    return root


def autograde(root: Path, notebook_file: Path, assignment: str, student: str) -> dict[str, float]:
    """Submit the saved notebook as ``student``, autograde it, return item id -> score."""
    from nbgrader.api import Gradebook

    folder = root / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(notebook_file, folder / f"{assignment}.ipynb")
    checked(api(root).autograde(assignment, student), f"autograde {student}")
    graded = nbformat.read(root / "autograded" / student / assignment / f"{assignment}.ipynb", 4)
    forms = [c for c in graded.cells if "bonemets" in c.metadata]
    assert forms == [], "the sanitiser drops student-returned form metadata from autograded/"
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id="bonemets") as gb:
        nb = gb.find_submission_notebook(assignment, assignment, student)
        auto = {i.id for i in auto_items(assignment)}
        return {g.name: g.auto_score for g in nb.grades if g.name in auto}


def full_marks(assignment: str) -> dict[str, float]:
    return {i.id: float(i.points) for i in auto_items(assignment)}


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
@pytest.mark.parametrize("mode", ["mouse", "keyboard"])
def test_answer_every_item_without_typing_code(
    page: Page,
    lab: LabServer,
    open_copy: Callable[[str], str],
    grading_course: Path,
    console,
    assignment: str,
    mode: str,
) -> None:
    relative = open_copy(assignment)
    items = auto_items(assignment)
    forms = notebook(page).locator(".bm-AnswerForm")
    assert forms.count() == len(items)
    assert unnamed_controls(forms) == []
    for item in items:
        (answer_by_mouse if mode == "mouse" else answer_by_keyboard)(page, item)
        status = form(page, item).locator(".bm-AnswerForm-status").inner_text()
        assert "not answered" not in status.lower(), f"{item.id}: {status}"
        shot = ARTIFACTS / "answer_forms" / mode / f"{item.type}-{item.id}.png"
        shot.parent.mkdir(parents=True, exist_ok=True)
        form(page, item).screenshot(path=str(shot))
        # BONEMETS_GALLERY=1 refreshes the README gallery: one answered form per item type.
        if os.environ.get("BONEMETS_GALLERY") and mode == "mouse":
            GALLERY.mkdir(parents=True, exist_ok=True)
            if not (GALLERY / f"{item.type}.png").exists():
                shutil.copyfile(shot, GALLERY / f"{item.type}.png")
    if mode == "mouse":  # axe on the answered forms (radio, check box, select states)
        problems = blocking(run_axe(page, {"include": [[".bm-AnswerForm"]]}))
        assert problems == [], "\n".join(map(str, problems))
    save(page)
    saved = saved_answers(lab.root / relative)
    assert saved == {i.id: i.answer_key for i in items}
    scores = autograde(grading_course, lab.root / relative, assignment, f"{mode}-student")
    assert scores == full_marks(assignment)
    assert console.errors == []


def test_forms_on_a_fresh_assignment_pass_axe(
    page: Page, open_copy: Callable[[str], str], axe_available: Path, shoot
) -> None:
    for assignment in ASSIGNMENTS:
        open_copy(assignment)
        shoot(page, f"open-{assignment}")
        problems = blocking(run_axe(page, {"include": [[".bm-AnswerForm"]]}))
        assert problems == [], f"{assignment}:\n" + "\n".join(map(str, problems))


# a1 partly right, answered in the forms; the same sheet and hand-computed NCSBN scores as
# tests/test_grading_roundtrip.py (q05 and q09 as the form writes them: 14 and "B").
A1_MIXED: dict[str, tuple[Any, int]] = {
    "a1_q01": ("C", 1),  # right
    "a1_q02": (frozenset("BDE"), 1),  # SATA +/-: 2 right - 1 wrong
    "a1_q03": ({1: "C", 2: "B", 3: "B", 4: "A", 5: "C"}, 3),  # rows 1, 2, 5
    "a1_q04": ({1: "C", 3: "B"}, 2),  # blank 2 left empty: 0 for it
    "a1_q05": (14.0, 1),
    "a1_q06": (frozenset("AC"), 1),  # select 2: one right
    "a1_q07": (("E", "C", "A", "D", "B"), 3),  # first two swapped
    "a1_q08": ({1: "B", 2: "A"}, 0),  # rationale: reason wrong, no point
    "a1_q09": ("B", 1),
    "a1_q10": (frozenset("ABCDE"), 1),  # all five: 3 right - 2 wrong
    "a1_q11": (("B", "D", "E", "C", "A"), 3),  # last two swapped (as the round trip)
    # Highlight +/- (key 2, 4, 5, 8): 3 right (2, 4, 8) - 1 wrong (1) = 2
    "a1_q12": (frozenset({1, 2, 4, 8}), 2),
    # Matrix multiple response, +/- per column (key 1: ABDE, 2: C, 3: DE, 4: C, 5: E).
    # A: +1 (row 1) -1 (row 3) = 0; C: -1 (row 1) +1 (row 2) = 0; D: +1 (row 3) = 1;
    # E: +1 (row 5) = 1; column B and row 4 left empty: 0. Total 2 of 9.
    "a1_q13": ({1: frozenset("AC"), 2: frozenset("C"), 3: frozenset("AD"), 5: frozenset("E")}, 2),
}


def test_mixed_sheet_gets_the_hand_computed_partial_scores(
    page: Page, lab: LabServer, open_copy: Callable[[str], str], grading_course: Path
) -> None:
    relative = open_copy("a1_diagnosis")
    for item_id, (value, _) in A1_MIXED.items():
        answer_by_mouse(page, ITEMS[item_id], value)
    save(page)
    assert saved_answers(lab.root / relative) == {k: v for k, (v, _) in A1_MIXED.items()}
    scores = autograde(grading_course, lab.root / relative, "a1_diagnosis", "mixed-student")
    assert scores == {k: float(points) for k, (_, points) in A1_MIXED.items()}


# --- typing in the cell ---------------------------------------------------------------------
def type_in_cell(page: Page, item: Item, text: str) -> None:
    """Show the cell's text, replace it by typing, leave the editor (Escape)."""
    area = form(page, item)
    toggle = area.locator(".bm-AnswerForm-toggle")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    cell = area.locator("xpath=ancestor::div[contains(@class, 'jp-CodeCell')]")
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.type(text)
    page.keyboard.press("Escape")


def checked_letters(area: Locator) -> list[str]:
    return area.locator("input:checked").evaluate_all("els => els.map(e => e.value)")


def test_typing_updates_the_form_and_unreadable_values_show_unanswered(
    page: Page, lab: LabServer, open_copy: Callable[[str], str], shoot
) -> None:
    open_copy("a1_diagnosis")
    q1, q2, q3, q4, q5, q7 = (ITEMS[f"a1_q0{n}"] for n in (1, 2, 3, 4, 5, 7))
    type_in_cell(page, q1, '# my answer\nq1 = "c"')
    type_in_cell(page, q2, 'q2 = {"A",\n      "E"}')
    type_in_cell(page, q3, "q3 = {1: 'B', '4': 'D'}")
    type_in_cell(page, q4, 'q4 = {2: "B"}')
    type_in_cell(page, q5, "q5 = 100 - 86")
    type_in_cell(page, q7, 'q7 = ("B", "A", "C", "D", "E")')
    assert checked_letters(form(page, q1)) == ["C"]
    assert checked_letters(form(page, q2)) == ["A", "E"]
    rows = form(page, q3).locator(".bm-AnswerForm-matrixRow")
    assert [checked_letters(rows.nth(i)) for i in range(5)] == [["B"], [], [], ["D"], []]
    status = form(page, q3).locator(".bm-AnswerForm-status")
    assert status.inner_text() == "Answered 2 of 5 parts."
    selects = form(page, q4).locator("select")
    assert [selects.nth(i).input_value() for i in range(3)] == ["", "B", ""]
    assert form(page, q5).locator("input").input_value() == "14"
    order = form(page, q7).locator("li").evaluate_all("els => els.map(e => e.dataset.letter)")
    assert order == ["B", "A", "C", "D", "E"]
    shoot(form(page, q1), "typed")

    # Unreadable values: the form shows "not answered" and says why, nothing is checked.
    for item, text in ((q1, 'q1 = "Z"'), (q2, 'q2 = {"A", "E"'), (q3, "q3 = [1, 2]")):
        type_in_cell(page, item, text)
        area = form(page, item)
        assert checked_letters(area) == []
        assert "cannot be read" in area.locator(".bm-AnswerForm-status").inner_text()
        assert "bm-mod-problem" in (area.get_attribute("class") or "")
    shoot(form(page, q1), "unreadable")

    # Choosing in the form replaces the unreadable text with a plain value.
    click_choice(form(page, q1), "B")
    cell = form(page, q1).locator("xpath=ancestor::div[contains(@class, 'jp-CodeCell')]")
    assert 'q1 = "B"' in cell.locator(".cm-content").inner_text()

    # Select N: a third tick is refused, with a note; the cell keeps two letters.
    q6 = ITEMS["a1_q06"]
    assert q6.select == 2
    for letter in "ABC":
        click_choice(form(page, q6), letter)
    assert checked_letters(form(page, q6)) == ["A", "B"]
    note = form(page, q6).locator(".bm-AnswerForm-status").inner_text()
    assert note == "You can choose only 2 here. Clear one of your choices first."

    # Highlight and multiple-response grid: typed values redraw the toggles and ticks.
    q12, q13 = ITEMS["a1_q12"], ITEMS["a1_q13"]
    type_in_cell(page, q12, "q12 = {7, 2}")
    pressed = form(page, q12).locator("button[aria-pressed='true']")
    assert pressed.evaluate_all("els => els.map(e => e.dataset.phrase)") == ["2", "7"]
    assert form(page, q12).locator(".bm-AnswerForm-status").inner_text() == (
        "Phrases chosen: 2, 7."
    )
    type_in_cell(page, q13, 'q13 = {2: {"C", "A"}, 4: {"B"}}')
    grid = form(page, q13).locator(".bm-AnswerForm-matrixRow")
    assert [checked_letters(grid.nth(i)) for i in range(5)] == [[], ["A", "C"], [], ["B"], []]
    type_in_cell(page, q12, "q12 = {12}")  # no phrase 12: unreadable, nothing pressed
    assert form(page, q12).locator("button[aria-pressed='true']").count() == 0
    assert "cannot be read" in form(page, q12).locator(".bm-AnswerForm-status").inner_text()
    form(page, q12).locator("button[data-phrase='5']").click()
    cell = form(page, q12).locator("xpath=ancestor::div[contains(@class, 'jp-CodeCell')]")
    assert "q12 = {5}" in cell.locator(".cm-content").inner_text()

    # Validate names the question whose typed value is unreadable.
    page.locator(".jp-NotebookPanel-toolbar").get_by_text("Validate", exact=True).click()
    dialog = page.locator(".jp-Dialog").filter(has_text="Validation Results")
    dialog.wait_for(timeout=120_000)
    text = dialog.locator("#validation-message").inner_text()
    assert "Question 3: type one letter for each row" in text
    shoot(dialog, "validate")


def test_notebook_7_shows_the_forms(page: Page, lab: LabServer, workspace: str) -> None:
    """Jupyter Notebook 7 loads the same extension: the forms draw and write the cell."""
    relative = f"release/a4_case_study/{workspace}.ipynb"
    shutil.copyfile(lab.root / release_path("a4_case_study"), lab.root / relative)
    page.goto(f"{lab.base_url}/notebooks/{relative}?token={lab.token}")
    forms = page.locator(".bm-AnswerForm")
    forms.first.wait_for(timeout=90_000)
    assert forms.count() == len(auto_items("a4_case_study"))
    bowtie = next(i for i in auto_items("a4_case_study") if i.type == "bowtie")
    answer_by_mouse(page, bowtie)
    form(page, bowtie).get_by_role("button", name="Show the answer as text").click()
    cell = form(page, bowtie).locator("xpath=ancestor::div[contains(@class, 'jp-CodeCell')]")
    source = cell.locator(".cm-content").inner_text()
    assert f'{bowtie.variable} = {{"condition": ' in source


def test_without_the_extension_the_cells_are_plain_and_typable(
    page: Page, lab: LabServer, workspace: str
) -> None:
    """A student whose server lacks the extension sees the plain answer cells, as before."""
    page.route("**/extensions/bonemets-answer-forms/**", lambda route: route.abort())
    relative = f"release/a1_diagnosis/{workspace}.ipynb"
    shutil.copyfile(lab.root / release_path("a1_diagnosis"), lab.root / relative)
    open_notebook(page, lab, relative, workspace)
    editors = notebook(page).locator(".jp-CodeCell .jp-InputArea-editor", has_text="q1 = None")
    editors.first.wait_for()
    assert editors.first.is_visible()
    assert notebook(page).locator(".bm-AnswerForm").count() == 0


def test_instructor_source_notebook_keeps_plain_code(
    page: Page, lab: LabServer, workspace: str
) -> None:
    """source/ cells hold the key between solution markers: no form draws (or rewrites) them."""
    relative = f"source/a1_diagnosis/{workspace}.ipynb"
    shutil.copyfile(lab.root / "source/a1_diagnosis/a1_diagnosis.ipynb", lab.root / relative)
    open_notebook(page, lab, relative, workspace)
    editors = notebook(page).locator(".jp-CodeCell .jp-InputArea-editor", has_text="q1 = None")
    editors.first.wait_for()
    assert editors.first.is_visible()
    assert notebook(page).locator(".bm-AnswerForm").count() == 0
