"""Helpers for ipywidgets on the page: find a cell's widget, read and await its HTML output.

The course's widgets compute their output with pure ``*_html`` functions; a test drives the
controls in the browser, then checks the page shows exactly the text that function gives
for the new control values (``textContent`` of the HTML, whitespace collapsed).
"""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from course_browser.notebook import cell_with_source

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(markup: str) -> str:
    """What ``textContent`` of ``markup`` would be once rendered, whitespace collapsed."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return squash("".join(parser.parts))


def view(page: Page, snippet: str) -> Locator:
    """The top-level widget shown by the one cell whose source contains ``snippet``."""
    return cell_with_source(page, snippet).locator(".jp-OutputArea-output > .jupyter-widgets").first


def html_outputs(widget: Locator) -> Locator:
    """Every HTML widget's content inside ``widget`` (the last is usually the result)."""
    return widget.locator(".widget-html-content")


def shown_text(target: Locator) -> str:
    return squash(target.evaluate("el => el.textContent"))


def wait_for_text(target: Locator, expected: str, timeout: float = 10.0) -> float:
    """Wait until ``target`` shows ``expected``; return seconds waited. Fails with a diff."""
    started = time.perf_counter()
    shown = ""
    while time.perf_counter() - started < timeout:
        shown = shown_text(target)
        if shown == expected:
            return time.perf_counter() - started
        time.sleep(0.02)
    raise AssertionError(f"page shows:\n  {shown[:800]}\nexpected:\n  {expected[:800]}")


def focus(control: Locator) -> None:
    """Put keyboard focus on ``control`` as a Tab press would, without clicking it.

    Tabbing from the cell itself is impractical: JupyterLab's code editor sits before the
    outputs and keeps Tab for indentation. From here on a test uses the keyboard only.
    """
    control.focus()


def active_label(page: Page) -> str:
    """Accessible-ish description of the focused element (for keyboard-only assertions)."""
    return str(
        page.evaluate(
            """() => { const e = document.activeElement; if (!e) return '';
             const l = e.labels && e.labels[0]; return (l ? l.textContent : '') ||
             e.getAttribute('aria-label') || e.textContent || e.value || ''; }"""
        )
    )


def next_option_by_keyboard(page: Page) -> None:
    """Choose the next option of the focused drop-down the way that works inside Lab.

    A bare ArrowDown does not reach the <select>: JupyterLab's command-mode shortcut takes
    it and moves to the next cell (focus leaves the widget). Alt+ArrowDown opens the list,
    ArrowDown moves, Enter chooses — the standard keyboard route for a drop-down.
    """
    page.keyboard.press("Alt+ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")


def capture(page: Page, target: Locator, path: str, max_height: int | None = None) -> None:
    """Screenshot ``target`` whole, even when it is taller than the window.

    The notebook scrolls inside Lab's own panel, so a tall widget would be cut by the
    menu and status bars; the window is made tall enough for a moment instead.
    """
    size = page.viewport_size or {"width": 1280, "height": 900}
    box = target.bounding_box()
    needed = int(box["height"]) + 400 if box else size["height"]
    if max_height is not None:
        needed = min(needed, max_height + 400)
    grown = needed > size["height"]
    if grown:
        page.set_viewport_size({"width": size["width"], "height": min(needed, 6000)})
        page.wait_for_timeout(150)  # Lab re-lays out the panels
    try:
        target.evaluate("el => el.scrollIntoView({block: 'start'})")
        box = target.bounding_box()
        if max_height is not None and box and box["height"] > max_height:
            page.screenshot(path=path, clip={**box, "height": max_height})
        else:
            target.screenshot(path=path)
    finally:
        if grown:
            page.set_viewport_size(size)
