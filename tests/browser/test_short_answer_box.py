"""The short answer looks like an answer: a labelled box around the student's markdown cell.

nbgrader's manually graded answer is a markdown cell (``solution`` and ``grade`` true in its
``nbgrader`` metadata). The answer-form extension gives that cell, and only that cell, the
``bm-ShortAnswer`` class, a label above it (with a hint that fits the moment: how to start
writing, or how to finish) and a bordered, tinted box, while rendered and while being edited.
Its colours come from JupyterLab's theme, so the text keeps AA contrast in light and dark.
"""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import pytest
from course_browser.course import released
from course_browser.notebook import notebook, open_notebook

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from course_browser.lab import LabServer
    from playwright.sync_api import Locator, Page

ASSIGNMENT = "release/a1_diagnosis/a1_diagnosis.ipynb"

pytestmark = pytest.mark.skipif(
    ASSIGNMENT not in released(), reason=f"{ASSIGNMENT} has not been released yet"
)

# Indices of the notebook's cells that are nbgrader's written answers, read from the model.
WRITTEN_ANSWER_CELLS = """() => {
  const cells = window.jupyterapp.shell.currentWidget.content.widgets;
  const found = [];
  cells.forEach((cell, index) => {
    const meta = cell.model.getMetadata('nbgrader') || {};
    if (cell.model.type === 'markdown' && meta.solution === true && meta.grade === true)
      found.push(index);
  });
  return found;
}"""

# The colours a reader sees on an element: its text colour and the first opaque background
# up the tree, and its own top border.
COLOURS = """el => {
  const parse = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const style = getComputedStyle(el);
  let node = el, background = null;
  while (node && node.nodeType === 1) {
    const c = parse(getComputedStyle(node).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] === 1)) { background = c.slice(0, 3); break; }
    node = node.parentElement;
  }
  return {text: parse(style.color), background: background || [255, 255, 255],
          border: parse(style.borderTopColor), borderWidth: parseFloat(style.borderTopWidth)};
}"""


def _luminance(rgb: list[float]) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: list[float], background: list[float]) -> float:
    """WCAG contrast ratio; a translucent foreground is blended over the background first."""
    alpha = foreground[3] if len(foreground) == 4 else 1.0
    seen = [alpha * f + (1 - alpha) * b for f, b in zip(foreground[:3], background, strict=True)]
    light, dark = sorted((_luminance(seen), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture
def student_copy(lab: LabServer, workspace: str) -> str:
    relative = f"{ASSIGNMENT.rsplit('/', 1)[0]}/{workspace}.ipynb"
    shutil.copyfile(lab.root / ASSIGNMENT, lab.root / relative)
    return relative


def check_box_reads_well(page: Page, cell: Locator, box_selector: str) -> None:
    """Label and box are drawn, and their text and border have AA contrast."""
    label = cell.locator(".bm-ShortAnswer-label")
    for element, what in ((label, "label"), (cell.locator(box_selector).first, "box")):
        colours = element.evaluate(COLOURS)
        assert colours["borderWidth"] >= 2, f"the {what} has no visible border"
        text = contrast(colours["text"], colours["background"])
        assert text >= 4.5, f"{what} text contrast {text:.2f} is below AA"
        edge = contrast(colours["border"], colours["background"])
        assert edge >= 3, f"{what} border contrast {edge:.2f} is below 3:1"


def test_only_the_short_answer_cell_gets_the_box(
    page: Page, lab: LabServer, workspace: str, student_copy: str, shoot: Callable[..., Path]
) -> None:
    open_notebook(page, lab, student_copy, workspace)
    cells = notebook(page).locator(".jp-Cell")
    boxed = notebook(page).locator(".jp-Cell.bm-ShortAnswer")
    boxed.first.wait_for()
    written: list[int] = page.evaluate(WRITTEN_ANSWER_CELLS)
    assert len(written) == 1
    assert cells.count() > 20
    # Exactly that cell: no question, answer-form cell or other text is boxed.
    boxed_indices = page.evaluate(
        "() => window.jupyterapp.shell.currentWidget.content.widgets.flatMap("
        "(cell, i) => cell.node.classList.contains('bm-ShortAnswer') ? [i] : [])"
    )
    assert boxed_indices == written
    assert notebook(page).locator(".bm-ShortAnswer-label").count() == 1
    cell = boxed.first
    cell.scroll_into_view_if_needed()
    label = cell.locator(".bm-ShortAnswer-label")
    assert label.inner_text().startswith("Your written answer")

    # Rendered: the hint says how to start writing; the answer sits in the box.
    assert label.get_by_text("double-click inside the box").is_visible()
    assert not label.get_by_text("Press Shift+Enter").is_visible()
    check_box_reads_well(page, cell, ".jp-MarkdownOutput")
    shoot(cell, "rendered-light")

    # Editing: the hint says how to finish; the editor is the box.
    cell.dblclick()
    editor = cell.locator(".jp-InputArea-editor")
    editor.wait_for()
    assert label.get_by_text("Press Shift+Enter").is_visible()
    assert not label.get_by_text("double-click inside the box").is_visible()
    check_box_reads_well(page, cell, ".jp-InputArea-editor")
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text("Drink plenty of water after the injection.")
    shoot(cell, "editing-light")
    page.keyboard.press("Shift+Enter")
    answer = cell.locator(".jp-MarkdownOutput")
    answer.get_by_text("Drink plenty of water").wait_for()
    assert re.search(r"Drink plenty of water", answer.inner_text())
    shoot(cell, "answered-light")

    # The dark theme: the same box, still readable.
    page.evaluate(
        "() => window.jupyterapp.commands.execute('apputils:change-theme', "
        "{theme: 'JupyterLab Dark'})"
    )
    page.wait_for_function("() => document.body.dataset.jpThemeLight === 'false'")
    page.wait_for_timeout(300)
    cell.scroll_into_view_if_needed()
    check_box_reads_well(page, cell, ".jp-MarkdownOutput")
    shoot(cell, "answered-dark")
