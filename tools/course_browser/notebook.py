"""Page helpers: open a notebook in Lab, Run All like a student, wait for every widget.

State is read from ``window.jupyterapp`` (the server runs with ``expose_app_in_browser``)
because Lab's execution indicator says "idle" before the kernel has even connected.
Actions (Run All, typing, clicking) go through the page, as a student would do them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Locator, Page

    from course_browser.lab import LabServer

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
ERROR_MIMES = ("application/vnd.jupyter.stderr",)

KERNEL_READY = """() => {
  const panel = window.jupyterapp?.shell?.currentWidget;
  const kernel = panel?.sessionContext?.session?.kernel;
  return !!kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
}"""

# True once every code cell has an execution count, the kernel is idle, and every widget
# view in the model has a rendered DOM node (not "Loading widget..."/an error box), and
# every image in an output has loaded.
ALL_RENDERED = """() => {
  const panel = window.jupyterapp?.shell?.currentWidget;
  if (!panel?.content?.model) return false;
  const kernel = panel.sessionContext?.session?.kernel;
  if (!kernel || kernel.status !== 'idle') return false;
  let expected = 0;
  const cells = panel.content.model.cells;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.get(i);
    if (cell.type !== 'code') continue;
    if (cell.executionCount === null) return false;
    const outputs = cell.outputs;
    for (let j = 0; j < outputs.length; j++) {
      if (outputs.get(j).data['%WIDGET%']) expected++;
    }
  }
  const node = panel.content.node;
  if ([...node.querySelectorAll('.jp-InputPrompt')].some(p => p.textContent.includes('*')))
    return false;
  const rendered = [...node.querySelectorAll('.jp-OutputArea-output')].filter(
    o => o.querySelector(':scope > .jupyter-widgets')).length;
  if (rendered < expected) return false;
  if ([...node.querySelectorAll('.jp-OutputArea-output img')].some(i => !i.complete)) return false;
  return true;
}""".replace("%WIDGET%", WIDGET_MIME)

# Console errors that come from JupyterLab itself, not from the course, matched narrowly.
# None has been seen with this stack (Lab 4.6, ipywidgets 8.1, nbgrader 0.9.6, news and
# update checks off in the temp settings), so any console error fails a test; add an
# entry here only with the message and the reason it is Lab's, not the course's.
KNOWN_CONSOLE_NOISE: tuple[str, ...] = ()


@dataclass
class ConsoleLog:
    """Console errors and uncaught page errors, with known Lab noise kept apart."""

    errors: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        text = message.text
        target = self.ignored if any(n in text for n in KNOWN_CONSOLE_NOISE) else self.errors
        target.append(text)

    def on_page_error(self, error: Exception) -> None:
        self.errors.append(f"uncaught: {error}")


@dataclass
class RanLesson:
    """A lesson's page after Run All, its console log and how long Run All took."""

    name: str
    page: Page
    console: ConsoleLog
    seconds: float


def open_notebook(page: Page, lab: LabServer, path: str, workspace: str) -> None:
    """Open ``path`` (relative to the server root) and wait until its kernel is idle."""
    page.goto(lab.url(path, workspace))
    page.wait_for_function(KERNEL_READY, timeout=90_000, polling=200)


def choose_menu(page: Page, menu: str, item: str) -> None:
    """Click a menu-bar menu, then one of its items, as a student would."""
    page.locator(".lm-MenuBar-itemLabel", has_text=menu).first.click()
    page.locator(".lm-Menu-itemLabel").get_by_text(item, exact=True).first.click()


def run_all(page: Page, timeout_ms: float = 120_000) -> float:
    """Run ▸ Run All Cells; wait until every widget has rendered. Returns seconds taken."""
    started = time.perf_counter()
    choose_menu(page, "Run", "Run All Cells")
    wait_all_rendered(page, timeout_ms)
    return time.perf_counter() - started


def wait_all_rendered(page: Page, timeout_ms: float = 120_000) -> None:
    # A moment for the first execute request to mark cells as queued ([*]).
    page.wait_for_timeout(100)
    page.wait_for_function(ALL_RENDERED, timeout=timeout_ms, polling=50)


def notebook(page: Page) -> Locator:
    """The notebook of the current tab."""
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").first


def outputs(page: Page) -> Locator:
    return notebook(page).locator(".jp-OutputArea-output")


def error_outputs(page: Page) -> list[str]:
    """Text of every stderr or traceback output on the page."""
    selector = ", ".join(f".jp-OutputArea-output[data-mime-type='{m}']" for m in ERROR_MIMES)
    return [text[:2000] for text in notebook(page).locator(selector).all_inner_texts()]


# Indices of the current notebook's code cells whose source contains a snippet, read from
# the model: lessons fold their code away, so the editors are not there to search.
CELLS_WITH_SOURCE = """(snippet) => {
  const panel = window.jupyterapp?.shell?.currentWidget;
  const cells = panel?.content?.widgets;
  if (!cells || cells.length === 0) return null;
  const found = [];
  cells.forEach((cell, index) => {
    if (cell.model.type === 'code' && cell.model.sharedModel.getSource().includes(snippet))
      found.push(index);
  });
  return found;
}"""


def cell_with_source(page: Page, snippet: str) -> Locator:
    """The code cell whose source contains ``snippet`` (there must be exactly one).

    Found through the notebook model, so a cell whose input is hidden is found too.
    """
    handle = page.wait_for_function(CELLS_WITH_SOURCE, arg=snippet)
    found: list[int] = handle.json_value()
    if len(found) != 1:
        raise AssertionError(f"{len(found)} code cells contain {snippet!r}; expected one")
    cell = notebook(page).locator(".jp-Cell").nth(found[0])
    cell.wait_for()
    return cell


def cell_output(page: Page, snippet: str) -> Locator:
    """The output area of the one code cell whose source contains ``snippet``."""
    return cell_with_source(page, snippet).locator(".jp-OutputArea").first
