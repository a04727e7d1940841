"""The instructor's view: Nbgrader ▸ Formgrader opens for the course and lists every
assignment in source/ (served from a temp copy of the course root with its nbgrader config)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from course_browser.lab import REPO_ROOT
from course_browser.notebook import choose_menu

if TYPE_CHECKING:
    from course_browser.lab import LabServer
    from playwright.sync_api import Page

ASSIGNMENTS = sorted(p.name for p in (REPO_ROOT / "source").iterdir() if p.is_dir())


def test_formgrader_lists_the_assignments(
    page: Page, lab: LabServer, workspace: str, shoot
) -> None:
    assert ASSIGNMENTS, "source/ holds no assignments"
    page.goto(lab.url("", workspace))
    page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").first.wait_for()
    choose_menu(page, "Nbgrader", "Formgrader")
    frame = page.frame_locator("iframe[src*='formgrader']").first
    table = frame.locator("#main_table, table").first
    for name in ASSIGNMENTS:
        frame.get_by_role("link", name=name, exact=True).first.wait_for(timeout=60_000)
    shoot(page, "formgrader")
    assert frame.get_by_text("Manage Assignments").first.is_visible()
    # One row per assignment in source/, nothing else (the "Add new" row aside).
    rows = [r.split("\t")[0].strip() for r in table.locator("tbody tr").all_inner_texts()]
    assert sorted(r for r in rows if r and "Add new assignment" not in r) == ASSIGNMENTS
