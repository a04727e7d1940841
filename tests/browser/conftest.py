"""Fixtures for the browser suite: one JupyterLab and one Chromium per session, a fresh page
per test, screenshots into test-artifacts/browser/.

Without Chromium the suite skips with a clear reason, so a self-learner still gets a green
``make test``; in CI (``CI=true`` or ``BONEMETS_REQUIRE_BROWSER=1``, which .ci/run sets) a missing
Chromium or axe-core fails instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from course_browser.axe import axe_path
from course_browser.chromium import VIEWPORT, find_chromium
from course_browser.course import ARTIFACTS
from course_browser.lab import LabServer, running_lab
from course_browser.notebook import ConsoleLog, RanLesson, open_notebook, run_all
from course_browser.widgets import capture
from must_run import unavailable

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Locator, Page


@pytest.hookimpl(tryfirst=True)  # before `-m "not browser"` deselects by mark
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


def _missing(what: str) -> None:
    unavailable(what, "the browser suite")


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    path = find_chromium()
    if path is None:
        _missing(
            "Chromium not found: install it (Debian: apt-get install chromium "
            "fonts-dejavu-core) to run the browser tests"
        )
    try:
        import playwright  # noqa: F401
    except ImportError:
        _missing("Playwright for Python is not installed (pip install -e '.[test]')")
    return path


@pytest.fixture(scope="session")
def lab(chromium_path: Path) -> Iterator[LabServer]:
    """One JupyterLab for the session, on a temp copy of the course; always stopped."""
    with running_lab() as server:
        yield server


@pytest.fixture(scope="session")
def browser(chromium_path: Path, session_chromium: Browser) -> Browser:
    """One Chromium for the session (shared with the hub test); closed at the end."""
    return session_chromium


@pytest.fixture(scope="session")
def axe_available() -> Path:
    path = axe_path()
    if path is None:
        _missing("axe-core not installed: run `npm ci` in the repository")
    return path


@pytest.fixture
def console() -> ConsoleLog:
    return ConsoleLog()


@pytest.fixture
def page(browser: Browser, console: ConsoleLog) -> Iterator[Page]:
    """A fresh browser context and page per test, with console errors recorded."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.on("console", console.on_console)
    page.on("pageerror", console.on_page_error)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def workspace(request: pytest.FixtureRequest) -> str:
    """A Lab workspace name unique to this test, so no test sees another's open tabs."""
    return re.sub(r"[^A-Za-z0-9]+", "-", request.node.name).strip("-")[:80]


@pytest.fixture
def shoot(request: pytest.FixtureRequest) -> Callable[..., Path]:
    """``shoot(target, "state")`` saves test-artifacts/browser/<module>/<test>/<state>.png.

    ``target`` is a locator (captured whole, however tall) or a page (its window).
    """
    module = Path(str(request.node.fspath)).stem
    folder = ARTIFACTS / module / re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
    folder.mkdir(parents=True, exist_ok=True)

    def save(target: Page | Locator, state: str) -> Path:
        path = folder / f"{state}.png"
        if hasattr(target, "page"):
            capture(target.page, target, str(path))
        else:
            target.screenshot(path=str(path))
        return path

    return save


@pytest.fixture(scope="session")
def ran_lessons(lab: LabServer, browser: Browser) -> Iterator[Callable[[str], RanLesson]]:
    """``get(name)`` opens a lesson and runs it once per session; later calls reuse it.

    Widget tests and the generic checks share the page, so each lesson runs only once.
    Tests must therefore read the controls' current state rather than assume defaults.
    """
    opened: dict[str, RanLesson] = {}
    contexts: list[BrowserContext] = []

    def get(name: str) -> RanLesson:
        if name not in opened:
            if not (lab.root / "notebooks" / name).exists():
                pytest.skip(f"notebooks/{name} does not exist yet")
            context = browser.new_context(viewport=VIEWPORT)
            contexts.append(context)
            page = context.new_page()
            page.set_default_timeout(30_000)
            log = ConsoleLog()
            page.on("console", log.on_console)
            page.on("pageerror", log.on_page_error)
            stem = name.removesuffix(".ipynb")
            open_notebook(page, lab, f"notebooks/{name}", f"lesson-{stem}")
            seconds = run_all(page)
            folder = ARTIFACTS / "lessons"
            folder.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(folder / f"{stem}.png"))
            opened[name] = RanLesson(name, page, log, seconds)
        return opened[name]

    try:
        yield get
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def lesson(
    request: pytest.FixtureRequest, ran_lessons: Callable[[str], RanLesson]
) -> Iterator[Page]:
    """The test module's ``LESSON``, after Run All (shared with the other tests of it)."""
    ran = ran_lessons(request.module.LESSON)
    errors_before = len(ran.console.errors)
    yield ran.page
    new = ran.console.errors[errors_before:]
    assert new == [], f"console errors while testing {ran.name}: {new}"
