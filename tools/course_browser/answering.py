"""Answer a graded item's form by mouse, as a student would: the browser tests and the
screenshot tour of an assignment (``tools/gallery.py --tour``) share this driver.

The value to click in defaults to the item's key (the tests and the tour are the
instructor's side; nothing here is shipped to students).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from course_browser.notebook import notebook

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

    from bonemets.assessment.items import Item


def form(page: Page, item: Item) -> Locator:
    """The answer form drawn over ``item``'s answer cell."""
    return notebook(page).locator(f".bm-AnswerForm[data-variable='{item.variable}']")


def click_choice(area: Locator, letter: str) -> None:
    area.locator(f"input[value='{letter}']").first.click()


def answer_by_mouse(page: Page, item: Item, value: Any = None) -> None:
    """Click the form into ``value`` (canonical form; default: the key); parts left out of a
    dict value stay unanswered."""
    area = form(page, item)
    area.scroll_into_view_if_needed()
    key = item.answer_key if value is None else value
    if item.type == "multiple_choice":
        click_choice(area, key)
    elif item.type in ("sata", "select_n"):
        for letter in sorted(key):
            click_choice(area, letter)
    elif item.type == "matrix":
        rows = area.locator(".bm-AnswerForm-matrixRow")
        for index, row in enumerate(item.rows):
            if int(row.id) in key:
                click_choice(rows.nth(index), key[int(row.id)])
    elif item.type == "matrix_mr":
        rows = area.locator(".bm-AnswerForm-matrixRow")
        for index, row in enumerate(item.rows):
            for letter in sorted(key.get(int(row.id), ())):
                click_choice(rows.nth(index), letter)
    elif item.type == "highlight":
        for number in sorted(key):
            area.locator(f"button[data-phrase='{number}']").click()
    elif item.type in ("cloze", "rationale"):
        selects = area.locator("select")
        for index, row in enumerate(item.rows):
            # A native drop-down's list is drawn by the OS, outside the page: Playwright picks
            # the option the way a click on it would (a "change" event on the select).
            if int(row.id) in key:
                selects.nth(index).select_option(key[int(row.id)])
    elif item.type == "bowtie":
        groups = area.locator(".bm-AnswerForm-group")
        for index, row in enumerate(item.rows):
            chosen = key[row.id]
            for letter in sorted({chosen} if isinstance(chosen, str) else chosen):
                click_choice(groups.nth(index), letter)
    elif item.type == "ordering":
        order = [o.id for o in item.options]
        moved = False
        for place, letter in enumerate(key):
            while order.index(letter) > place:
                area.locator(f"li[data-letter='{letter}'] button[data-dir='up']").click()
                index = order.index(letter)
                order[index - 1], order[index] = order[index], order[index - 1]
                moved = True
        if not moved:
            area.get_by_role("button", name="Keep this order").click()
    elif item.type == "numeric":
        field = area.locator("input")
        field.click()
        field.fill(number_text(key))
    else:  # pragma: no cover - a new type needs a driver here
        raise AssertionError(f"no mouse driver for {item.type}")


def number_text(value: Any) -> str:
    assert value is not None
    return str(int(value)) if float(value).is_integer() else str(value)
