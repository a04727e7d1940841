"""A hostile student's a1 submission, opened as an instructor would open it: in formgrader
(the manual-grading view) and as the feedback HTML. No payload may run — no dialog, no
title or DOM change, no request to the payload's host, no navigation — and every one of the
student's sentences must still be on the page.

The payloads are in tests/hostile_submission.py. A control opens the same submission
rendered without the sanitiser, to show this check notices a payload that runs.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from hostile_submission import (
    ASSIGNMENT,
    EVIL_HOST,
    STUDENT,
    TITLE,
    all_student_words,
    submit_hostile,
)

if TYPE_CHECKING:
    from course_browser.lab import LabServer
    from playwright.sync_api import Browser, BrowserContext, Page, Request, Route

# Hosts a page may ask for: the server itself, and the CDN nbconvert's template loads
# MathJax from (the sandbox has no internet, so those requests are refused here anyway).
ALLOWED_HOSTS = {"127.0.0.1", "cdnjs.cloudflare.com"}
# The sandbox has no internet: the MathJax script from the CDN is replaced by this stand-in,
# enough for formgrader's own script (it waits for MathJax's start-up signal).
MATHJAX_STAND_IN = """window.MathJax = {Hub: {Queue() {}, Config() {}, Configured() {},
  Startup: {signal: {Interest(callback) { setTimeout(() => callback("End"), 0); }}}}};"""
# Long enough for an onerror/onload/refresh payload to have fired on a local page.
SETTLE_MS = 1500


@dataclass
class Watch:
    """What a page did that only a payload would do."""

    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def external(self) -> list[str]:
        return [u for u in self.requests if urlsplit(u).hostname not in ALLOWED_HOSTS | {None}]


@dataclass(frozen=True)
class Graded:
    root: Path
    submission_id: str
    feedback: Path
    submitted: Path
    submitted_bytes: bytes


@pytest.fixture(scope="module")
def graded(lab: LabServer) -> Graded:
    """The hostile submission autograded and fed back in the server's course copy.

    ``build_release`` rewrites source/ and release/ of a1 exactly as they are in the repo
    (tests/test_grading_roundtrip.py checks that) and creates the server's gradebook.
    """
    from nbgrader.api import Gradebook

    from bonemets.grading.course import api, build_release, checked

    build_release(lab.root, [ASSIGNMENT])
    submitted = submit_hostile(lab.root)
    original = submitted.read_bytes()
    grader = api(lab.root)
    checked(grader.autograde(ASSIGNMENT, STUDENT), "autograde hostile")
    checked(grader.generate_feedback(ASSIGNMENT, STUDENT), "feedback hostile")
    with Gradebook(f"sqlite:///{lab.root / 'gradebook.db'}", course_id="bonemets") as gb:
        submission_id = gb.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, STUDENT).id
    feedback = lab.root / f"feedback/{STUDENT}/{ASSIGNMENT}/{ASSIGNMENT}.html"
    return Graded(lab.root, submission_id, feedback, submitted, original)


@pytest.fixture
def watched(browser: Browser) -> Iterator[tuple[Page, Watch]]:
    """A fresh page that records dialogs and requests, and lets nothing leave the machine."""
    context: BrowserContext = browser.new_context(viewport={"width": 1280, "height": 900})
    watch = Watch()

    def route(request_route: Route, request: Request) -> None:
        watch.requests.append(request.url)
        host = urlsplit(request.url).hostname
        if host in (None, "127.0.0.1"):
            request_route.continue_()
        elif host == "cdnjs.cloudflare.com" and "/mathjax/" in request.url:
            request_route.fulfill(body=MATHJAX_STAND_IN, content_type="text/javascript")
        else:
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.on("dialog", lambda dialog: (watch.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    try:
        yield page, watch
    finally:
        context.close()


def payload_effects(page: Page, watch: Watch, url: str) -> list[str]:
    """Everything a payload changed or sent; empty when none ran."""
    page.wait_for_timeout(SETTLE_MS)
    effects = [f"dialog {m!r}" for m in watch.dialogs]
    if TITLE in page.title():
        effects.append(f"title {page.title()!r}")
    if page.evaluate("document.documentElement.getAttribute('data-pwned')"):
        effects.append("DOM mark data-pwned")
    effects += [f"request {u}" for u in watch.requests if EVIL_HOST in u]
    effects += [f"external request {u}" for u in watch.external()]
    if urlsplit(page.url)[:3] != urlsplit(url)[:3]:  # formgrader itself rewrites the query
        effects.append(f"navigated to {page.url}")
    overlays = page.evaluate(
        """() => [...document.querySelectorAll('body *')].filter(e => {
              const s = getComputedStyle(e);
              return s.position === 'fixed' && /overlay/i.test(e.textContent);
           }).length"""
    )
    if overlays:
        effects.append(f"{overlays} fixed overlay(s)")
    return effects


def wait_for_manual_score(root: Path, grade_id: str, attempts: int = 50) -> float | None:
    """The grader's score for ``grade_id`` once formgrader has saved it (None if never)."""
    import time

    from nbgrader.api import Gradebook

    for _ in range(attempts):
        with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id="bonemets") as gb:
            grade = gb.find_grade(grade_id, ASSIGNMENT, ASSIGNMENT, STUDENT)
            if grade.manual_score is not None:
                return float(grade.manual_score)
        time.sleep(0.2)
    return None


def missing_words(page: Page) -> list[str]:
    shown = " ".join(page.locator("body").inner_text().split())
    return [words for words in all_student_words() if words not in shown]


def test_formgrader_shows_the_words_and_runs_nothing(
    graded: Graded, lab: LabServer, watched: tuple[Page, Watch], shoot: Callable[..., Path]
) -> None:
    page, watch = watched
    # Logged in as the instructor for formgrader's API calls too (a token in the URL alone
    # authenticates only the page itself).
    page.set_extra_http_headers({"Authorization": f"token {lab.token}"})
    url = f"{lab.base_url}/formgrader/submissions/{graded.submission_id}/?index=0"
    page.goto(url)
    score = page.locator("input.score#a1_sa")
    score.wait_for()  # formgrader's manual-grading box for the short answer
    assert payload_effects(page, watch, url) == []
    assert missing_words(page) == []
    shoot(page.locator("body"), "formgrader-hostile")
    # formgrader's own scripts still work: a grader's score reaches the gradebook.
    score.fill("2")
    score.press("Tab")
    assert wait_for_manual_score(graded.root, "a1_sa") == 2.0
    assert watch.dialogs == [] and watch.page_errors == []
    assert graded.submitted.read_bytes() == graded.submitted_bytes  # submitted/ untouched


def test_feedback_shows_the_words_and_runs_nothing(
    graded: Graded, watched: tuple[Page, Watch], shoot: Callable[..., Path]
) -> None:
    page, watch = watched
    url = graded.feedback.as_uri()
    page.goto(url)
    assert payload_effects(page, watch, url) == []
    assert missing_words(page) == []
    shoot(page.locator("body"), "feedback-hostile")


def test_control_unsanitised_rendering_is_caught(
    graded: Graded, watched: tuple[Page, Watch], tmp_path: Path
) -> None:
    """Without the sanitiser the same submission does run script: the check can fail."""
    import nbformat
    from nbconvert.exporters import HTMLExporter

    nb = nbformat.read(graded.submitted, as_version=4)
    html, _ = HTMLExporter(template_name="classic").from_notebook_node(nb)
    unsafe = tmp_path / "unsanitised.html"
    unsafe.write_text(html, encoding="utf-8")
    page, watch = watched
    page.goto(unsafe.as_uri())
    effects = payload_effects(page, watch, unsafe.as_uri())
    assert any(e.startswith("dialog") for e in effects), effects
    assert any(e.startswith(f"request http://{EVIL_HOST}") for e in effects), effects
    shutil.rmtree(tmp_path, ignore_errors=True)
