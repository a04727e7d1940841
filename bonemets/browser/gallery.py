"""``bonemets screenshots``: one picture per lesson's main widget, for the README gallery.

Starts the same throw-away JupyterLab as the tests, runs each lesson, sets the widget to a
telling state (as a student would, through the page) and saves ``docs/gallery/<lesson>.png``.
"""

from __future__ import annotations

import argparse
import re
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bonemets.browser.chromium import find_chromium, launched_chromium
from bonemets.browser.course import lessons
from bonemets.browser.lab import REPO_ROOT, running_lab
from bonemets.browser.notebook import notebook, open_notebook, run_all
from bonemets.browser.widgets import capture, view

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page, ViewportSize

GALLERY = REPO_ROOT / "docs" / "gallery"
# README pictures: the notebook's usual width; very tall widgets are cut at MAX_HEIGHT.
SIZE: ViewportSize = {"width": 1280, "height": 900}
MAX_HEIGHT = 900


@dataclass(frozen=True)
class Shot:
    cell: str  # a snippet of the source of the cell that shows the widget
    caption: str  # alt text in the README
    act: Callable[[Locator], None] = lambda widget: None  # set a telling state


def _click_text(*texts: str) -> Callable[[Locator], None]:
    def act(widget: Locator) -> None:
        for text in texts:
            widget.get_by_text(text, exact=False).first.click()

    return act


def _quiz(widget: Locator) -> None:
    widget.get_by_text("B. No; it is for learning", exact=False).click()
    widget.get_by_role("button", name="Check answer").click()
    widget.get_by_text("Correct, and you chose it").first.wait_for()


SHOTS: dict[str, Shot] = {
    "00_start_here": Shot(
        'quiz.ask("start_sc_advice")',
        "A self-check answered: the verdict and a rationale for every option",
        _quiz,
    ),
    "01_bone_metastasis_basics": Shot(
        "w.complication_checker()",
        "The complication checker: two cues ticked point to spinal cord compression",
        _click_text("Back pain that is worse lying down", "Legs getting weaker"),
    ),
    "02_diagnosis": Shot(
        "w.DoseChart()",
        "The radiation dose chart: each imaging test's dose against a reference exam",
    ),
    "03_systemic_treatments": Shot(
        "w.treatment_explorer(",
        "The treatment explorer: describe a patient, see the options the sources describe",
    ),
    "04_local_treatments": Shot(
        "w.mirels_calculator(",
        "Mirels' score calculator: four factors, the total and what it suggests",
    ),
    "05_supportive_care": Shot(
        "w.appointment_checklist()",
        "The appointment checklist: what is ready and what is still missing",
        _click_text("Written down every symptom"),
    ),
    "06_nursing_care": Shot(
        "w.pain_chooser(",
        "The pain-assessment chooser: a patient who cannot report pain gets PAINAD and a reading",
        _click_text("Cannot tell you"),
    ),
}


def _first_widget(page: Page) -> Locator:
    return notebook(page).locator(".jp-OutputArea-output > .jupyter-widgets").first


def make_gallery(out: Path = GALLERY, only: list[str] | None = None) -> list[Path]:
    chromium = find_chromium()
    if chromium is None:
        raise RuntimeError(
            "Chromium not found (Debian: apt-get install chromium fonts-dejavu-core)"
        )
    out.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    with running_lab() as lab, launched_chromium(chromium) as browser:
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
                capture(page, widget, str(path), max_height=MAX_HEIGHT)
                made.append(path)
                print(f"{path.relative_to(REPO_ROOT)}  {path.stat().st_size // 1024} KB")
            finally:
                context.close()
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


def add_arguments(name: str, parser: argparse.ArgumentParser) -> None:
    parser.add_argument("lessons", nargs="*", help="lesson file stems (default: every lesson)")
    parser.add_argument("--out", type=Path, default=GALLERY, help="folder for the PNG files")


def screenshots(args: argparse.Namespace) -> int:
    # A plain `kill` still runs the clean-up that stops Lab and Chromium.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        paths = make_gallery(args.out, args.lessons or None)
    except RuntimeError as problem:
        print(f"bonemets screenshots: {problem}", file=sys.stderr)
        return 2
    print("\nREADME markdown:\n\n" + readme_block(paths))
    return 0
