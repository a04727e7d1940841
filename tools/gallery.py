"""One picture per lesson's main widget, for the README gallery (``make screenshots``).

Run: ``python tools/gallery.py [LESSON ...] [--out FOLDER]`` (needs chromium).

Starts the same throw-away JupyterLab as the tests, runs each lesson, sets the widget to a
telling state (as a student would, through the page) and saves ``docs/gallery/<lesson>.png``
whole (never cut mid-table).

``--tour`` also pages through every lesson top to bottom, one window at a time, into
``test-artifacts/tour/<lesson>/NN.png`` (not committed): read them screen by screen to
see the course as a student does.
"""

from __future__ import annotations

import argparse
import re
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from course_browser.chromium import find_chromium, launched_chromium
from course_browser.course import lessons
from course_browser.lab import REPO_ROOT, running_lab
from course_browser.notebook import notebook, open_notebook, run_all
from course_browser.shots import SHOTS
from course_browser.widgets import capture, view

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page, ViewportSize

GALLERY = REPO_ROOT / "docs" / "gallery"
TOUR = REPO_ROOT / "test-artifacts" / "tour"
# README pictures: the notebook's usual width, the widget whole however tall it is.
SIZE: ViewportSize = {"width": 1280, "height": 900}
TOUR_MAX_SCREENS = 60  # a safety stop for the tour of one lesson

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


def _first_widget(page: Page) -> Locator:
    return notebook(page).locator(".jp-OutputArea-output > .jupyter-widgets").first


def make_gallery(
    out: Path = GALLERY, only: list[str] | None = None, tour_out: Path | None = None
) -> list[Path]:
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
        "--tour", action="store_true", help=f"also page through each lesson into {TOUR}"
    )
    args = parser.parse_args(argv)
    # A plain `kill` still runs the clean-up that stops Lab and Chromium.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        paths = make_gallery(args.out, args.lessons or None, TOUR if args.tour else None)
    except RuntimeError as problem:
        print(f"screenshots: {problem}", file=sys.stderr)
        return 2
    print("\nREADME markdown:\n\n" + readme_block(paths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
