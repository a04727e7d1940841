"""One picture per lesson's main widget, for the README gallery (``make screenshots``).

Run: ``python tools/gallery.py [LESSON ...] [--out FOLDER]`` (needs chromium).

Starts the same throw-away JupyterLab as the tests, runs each lesson, sets the widget to a
telling state (as a student would, through the page) and saves ``docs/gallery/<lesson>.png``
whole (never cut mid-table).

``--tour`` also pages through every lesson top to bottom, one window at a time, into
``test-artifacts/tour/<lesson>/NN.png``, and answers one assignment as a student would
(every item clicked in its form, the short answer typed, Validate pressed) into
``test-artifacts/tour/assignment/NN-<step>.png`` (not committed): read them screen by
screen to see the course as a student does.
"""

from __future__ import annotations

import argparse
import re
import shutil
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from course_browser.answering import answer_by_mouse, form
from course_browser.chromium import find_chromium, launched_chromium
from course_browser.course import lessons
from course_browser.lab import REPO_ROOT, STUDENT_CONFIG, LabServer, running_lab
from course_browser.notebook import notebook, open_notebook, run_all
from course_browser.shots import SHOTS
from course_browser.widgets import capture, view

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page, ViewportSize

GALLERY = REPO_ROOT / "docs" / "gallery"
TOUR = REPO_ROOT / "test-artifacts" / "tour"
# README pictures: the notebook's usual width, the widget whole however tall it is.
SIZE: ViewportSize = {"width": 1280, "height": 900}
TOUR_MAX_SCREENS = 60  # a safety stop for the tour of one lesson
# The assignment the tour answers: it has every kind of form (one choice, tick boxes, a grid,
# drop-down lists, an order, a highlight, a number) and a short answer.
TOUR_ASSIGNMENT = "a1_diagnosis"
TOUR_SHORT_ANSWER = (
    "After the injection you wait a few hours before the pictures. Unless you have been "
    "told to limit fluids, drink well and empty your bladder often, and again just before "
    "the pictures. Please tell us if you could be pregnant or are breastfeeding. "
    "Could you tell me in your own words what you will do?"
)

# Lab 4 scrolls the notebook inside this element (windowed panel), not the page.
_SCROLLER = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer"


def shrink(path: Path) -> None:
    """A 256-colour palette: screenshots of text and flat charts lose nothing visible and
    the committed README pictures stay about half the size."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def tour(page: Page, folder: Path) -> list[Path]:
    """Screenshots of the open notebook from top to bottom, a window at a time."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    scroller = page.locator(_SCROLLER).first
    scroller.evaluate("el => { el.scrollTop = 0; }")
    shots: list[Path] = []
    for number in range(1, TOUR_MAX_SCREENS + 1):
        page.wait_for_timeout(150)
        path = folder / f"{number:02d}.png"
        page.screenshot(path=str(path))
        shots.append(path)
        moved = scroller.evaluate(
            """el => { const before = el.scrollTop;
                       el.scrollTop = before + el.clientHeight * 0.9;
                       return el.scrollTop - before; }"""
        )
        if moved < 1:
            break
    return shots


def _shot(page: Page, folder: Path, step: str, shots: list[Path]) -> None:
    path = folder / f"{len(shots) + 1:02d}-{step}.png"
    page.wait_for_timeout(150)
    page.screenshot(path=str(path))
    shots.append(path)


def assignment_tour(browser: Browser, lab: LabServer, folder: Path) -> list[Path]:
    """Answer ``TOUR_ASSIGNMENT`` as a student does, a screenshot after each step.

    A copy of the release notebook is opened (as a self-learner's copy would be); every
    auto-graded item is answered by clicking its form, the short answer is typed, the
    notebook saved and Validate pressed.
    """
    from bonemets.assessment.bank import items_for

    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    release = lab.root / "release" / TOUR_ASSIGNMENT
    copy = release / "my_answers.ipynb"
    shutil.copyfile(release / f"{TOUR_ASSIGNMENT}.ipynb", copy)
    shots: list[Path] = []
    context = browser.new_context(viewport=SIZE)
    try:
        page = context.new_page()
        open_notebook(page, lab, copy.relative_to(lab.root).as_posix(), "tour-assignment")
        page.evaluate("() => window.jupyterapp.shell.collapseLeft()")
        notebook(page).locator(".bm-AnswerForm").first.wait_for()
        _shot(page, folder, "opened", shots)
        for item in items_for(TOUR_ASSIGNMENT):
            if not item.auto_graded:
                continue
            area = form(page, item)
            # The question and its form together, as far as the window allows.
            area.evaluate("el => el.scrollIntoView({block: 'end'})")
            _shot(page, folder, f"q{item.number_in_assignment}-{item.type}-before", shots)
            answer_by_mouse(page, item)
            area.evaluate("el => el.scrollIntoView({block: 'end'})")
            _shot(page, folder, f"q{item.number_in_assignment}-{item.type}-answered", shots)
        box = notebook(page).locator(".jp-Cell.bm-ShortAnswer").first
        box.evaluate("el => el.scrollIntoView({block: 'center'})")
        _shot(page, folder, "short-answer-before", shots)
        box.dblclick()
        # As the cell asks: the answer replaces the line in italics (a triple click selects
        # that whole line, however it wraps); the heading stays.
        box.locator(".cm-line").last.click(click_count=3)
        page.keyboard.type(TOUR_SHORT_ANSWER, delay=2)
        _shot(page, folder, "short-answer-typing", shots)
        page.keyboard.press("Shift+Enter")
        box.evaluate("el => el.scrollIntoView({block: 'center'})")
        _shot(page, folder, "short-answer-finished", shots)
        page.keyboard.press("Control+s")
        page.wait_for_timeout(500)
        toolbar = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-NotebookPanel-toolbar")
        toolbar.get_by_text("Validate", exact=True).click()
        dialog = page.locator(".jp-Dialog").filter(has_text="Validation Results")
        dialog.wait_for(timeout=90_000)
        _shot(page, folder, "validated", shots)
    finally:
        context.close()
    return shots


def _first_widget(page: Page) -> Locator:
    return notebook(page).locator(".jp-OutputArea-output > .jupyter-widgets").first


def make_gallery(
    out: Path = GALLERY, only: list[str] | None = None, tour_out: Path | None = None
) -> list[Path]:
    """The README pictures; with ``tour_out``, the lesson tours and the assignment tour."""
    chromium = find_chromium()
    if chromium is None:
        raise RuntimeError(
            "Chromium not found (Debian: apt-get install chromium fonts-dejavu-core)"
        )
    out.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    with running_lab(config_path=STUDENT_CONFIG) as lab, launched_chromium(chromium) as browser:
        for name in lessons():
            stem = name.removesuffix(".ipynb")
            if only and stem not in only:
                continue
            context = browser.new_context(viewport=SIZE)
            try:
                page = context.new_page()
                open_notebook(page, lab, f"notebooks/{name}", f"gallery-{stem}")
                run_all(page)
                # Hide the file browser: the picture gets the notebook's full width.
                page.evaluate("() => window.jupyterapp.shell.collapseLeft()")
                page.wait_for_timeout(200)
                shot = SHOTS.get(stem)
                widget = view(page, shot.cell) if shot else _first_widget(page)
                if shot:
                    shot.act(widget)
                    page.wait_for_timeout(300)  # let the redrawn output settle
                path = out / f"{stem}.png"
                capture(page, widget, str(path))
                shrink(path)
                made.append(path)
                shown = path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path
                print(f"{shown}  {path.stat().st_size // 1024} KB")
                if tour_out is not None:
                    screens = tour(page, tour_out / stem)
                    print(f"  tour: {len(screens)} screens in {tour_out / stem}")
            finally:
                context.close()
        if tour_out is not None:
            screens = assignment_tour(browser, lab, tour_out / "assignment")
            print(f"assignment tour: {len(screens)} screens in {tour_out / 'assignment'}")
    return made


def readme_block(paths: list[Path]) -> str:
    """Markdown for the README: one image per lesson with its alt text."""
    lines = []
    for path in paths:
        shot = SHOTS.get(path.stem)
        title = re.sub(r"^\d+_", "", path.stem).replace("_", " ").capitalize()
        alt = shot.caption if shot else f"The main widget of {title}"
        lines.append(f"**{title}**\n\n![{alt}](docs/gallery/{path.name})\n")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate the README gallery")
    parser.add_argument("lessons", nargs="*", help="lesson file stems (default: every lesson)")
    parser.add_argument("--out", type=Path, default=GALLERY, help="folder for the PNG files")
    parser.add_argument(
        "--tour",
        action="store_true",
        help=f"also page through each lesson, and answer one assignment, into {TOUR}",
    )
    parser.add_argument(
        "--assignment-only",
        action="store_true",
        help="only the assignment tour (no README pictures, no lesson tours)",
    )
    args = parser.parse_args(argv)
    # A plain `kill` still runs the clean-up that stops Lab and Chromium.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if args.assignment_only:
        return _assignment_only()
    try:
        paths = make_gallery(args.out, args.lessons or None, TOUR if args.tour else None)
    except RuntimeError as problem:
        print(f"screenshots: {problem}", file=sys.stderr)
        return 2
    print("\nREADME markdown:\n\n" + readme_block(paths))
    return 0


def _assignment_only() -> int:
    chromium = find_chromium()
    if chromium is None:
        print("screenshots: Chromium not found", file=sys.stderr)
        return 2
    with running_lab(config_path=STUDENT_CONFIG) as lab, launched_chromium(chromium) as browser:
        screens = assignment_tour(browser, lab, TOUR / "assignment")
    print(f"assignment tour: {len(screens)} screens in {TOUR / 'assignment'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
