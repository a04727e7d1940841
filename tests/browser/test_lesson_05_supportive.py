"""Lesson 5: the appointment checklist, by mouse and by keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from course_browser.widgets import focus, html_outputs, html_text, view, wait_for_text

from bonemets.treatment import checklist, views

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

LESSON = "05_supportive_care.ipynb"
APPOINTMENT = checklist.checklist("appointment")


def done_on_page(boxes: Locator) -> list[str]:
    shown = boxes.all()
    return [item.id for item, box in zip(APPOINTMENT.items, shown, strict=True) if box.is_checked()]


def test_appointment_checklist(lesson: Page, shoot) -> None:
    widget = view(lesson, "w.appointment_checklist()")
    result = html_outputs(widget).last
    boxes = widget.get_by_role("checkbox")
    assert boxes.count() == len(APPOINTMENT.items)
    # The drop-down is hidden when there is only one list: nothing to choose.
    assert not widget.locator("select").is_visible()
    wait_for_text(result, html_text(views.checklist_html(checklist.status(APPOINTMENT, []))))
    shoot(widget, "0-nothing-ready")

    widget.get_by_text(APPOINTMENT.items[3].text, exact=True).click()  # mouse: medicines list
    assert done_on_page(boxes) == [APPOINTMENT.items[3].id]
    wait_for_text(
        result, html_text(views.checklist_html(checklist.status(APPOINTMENT, done_on_page(boxes))))
    )

    focus(boxes.nth(0))  # keyboard: tick the first and the second
    lesson.keyboard.press("Space")
    lesson.keyboard.press("Tab")
    lesson.keyboard.press("Space")
    done = done_on_page(boxes)
    assert done == [APPOINTMENT.items[i].id for i in (0, 1, 3)]
    wait_for_text(result, html_text(views.checklist_html(checklist.status(APPOINTMENT, done))))
    shoot(widget, "1-three-ready")
