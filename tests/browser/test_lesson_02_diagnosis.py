"""Lesson 2: the imaging widgets (dose chart, accuracy explorer, question matcher,
comparison, caution checker), by mouse and by keyboard; the page must show what the pure
functions give."""

from __future__ import annotations

from typing import TYPE_CHECKING

from course_browser.widgets import (
    active_label,
    focus,
    html_outputs,
    html_text,
    next_option_by_keyboard,
    view,
    wait_for_text,
)

from bonemets.imaging import rules
from bonemets.imaging.data import factors, modalities, questions
from bonemets.imaging.doses import reference_choices
from bonemets.imaging.views import (
    accuracy_html,
    cautions_html,
    comparison_html,
    dose_html,
    question_html,
)
from bonemets.imaging.widgets import AccuracyExplorer

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

LESSON = "02_diagnosis.ipynb"
# ipywidgets' <option> values are the labels; the widget maps them back to the ids.
REFERENCES = dict(reference_choices())  # label -> id, in display order
STUDIES = dict(rules.studies())
QUESTIONS = {q.label: q.id for q in questions().values()}
# The slider's step is the widget's own setting (it may change): read it, don't copy it.
STEP = AccuracyExplorer().controls["pre_test"].step


def label_of(choices: dict[str, str], value: str) -> str:
    return next(label for label, v in choices.items() if v == value)


def following(choices: dict[str, str], value: str) -> str:
    values = list(choices.values())
    return values[values.index(value) + 1]


def slider_value(widget: Locator) -> int:
    return round(float(widget.get_by_role("slider").get_attribute("aria-valuenow") or "nan"))


def test_dose_chart_dropdown_by_mouse_and_keyboard(lesson: Page, shoot) -> None:
    widget = view(lesson, "w.DoseChart()")
    result = html_outputs(widget).last
    select = widget.locator("select")

    select.select_option(label=label_of(REFERENCES, "dose_ct_chest"))
    wait_for_text(result, html_text(dose_html("dose_ct_chest")))
    assert "CT of the chest" in (result.locator("img").first.get_attribute("alt") or "")
    shoot(widget, "1-ct-chest")

    focus(select)
    next_option_by_keyboard(lesson)  # next exam in the list
    after = following(REFERENCES, "dose_ct_chest")
    assert REFERENCES[select.input_value()] == after
    wait_for_text(result, html_text(dose_html(after)))
    shoot(widget, f"2-keyboard-{after}")


def test_accuracy_explorer_slider_and_dropdown(lesson: Page, shoot) -> None:
    widget = view(lesson, "w.AccuracyExplorer(")
    result = html_outputs(widget).last
    study = widget.locator("select")
    handle = widget.get_by_role("slider")

    # Keyboard: ArrowRight raises the pre-test chance by one step of the slider.
    start = slider_value(widget)
    focus(handle)
    lesson.keyboard.press("ArrowRight")
    lesson.wait_for_function(
        "([el, before]) => parseFloat(el.getAttribute('aria-valuenow')) !== before",
        arg=[handle.element_handle(), start],
    )
    raised = slider_value(widget)
    assert raised == min(start + STEP, 100)
    study_id = STUDIES[study.input_value()]
    wait_for_text(result, html_text(accuracy_html(study_id, raised)))
    shoot(widget, f"1-keyboard-{raised}pct")

    # Mouse: click near the left end of the track; the value drops and the text follows.
    track = widget.locator(".noUi-base")
    box = track.bounding_box()
    assert box is not None
    lesson.mouse.click(box["x"] + box["width"] * 0.1, box["y"] + box["height"] / 2)
    lesson.wait_for_function(
        "([el, before]) => parseFloat(el.getAttribute('aria-valuenow')) !== before",
        arg=[handle.element_handle(), raised],
    )
    value = slider_value(widget)
    assert 0 <= value < raised
    wait_for_text(result, html_text(accuracy_html(study_id, value)))
    shoot(widget, f"2-mouse-{value}pct")

    # Study dropdown, by keyboard.
    focus(study)
    next_option_by_keyboard(lesson)
    chosen = STUDIES[study.input_value()]
    assert chosen == following(STUDIES, study_id)
    wait_for_text(result, html_text(accuracy_html(chosen, value)))
    shoot(widget, f"3-study-{chosen}")


def test_question_matcher_dropdown(lesson: Page, shoot) -> None:
    widget = view(lesson, "w.QuestionMatcher()")
    result = html_outputs(widget).last
    select = widget.locator("select")
    select.select_option(label=label_of(QUESTIONS, "cord_compression"))
    wait_for_text(result, html_text(question_html("cord_compression")))
    assert "MRI" in result.text_content()
    shoot(widget, "1-cord-compression")

    focus(select)
    next_option_by_keyboard(lesson)
    after = following(QUESTIONS, "cord_compression")
    assert QUESTIONS[select.input_value()] == after
    wait_for_text(result, html_text(question_html(after)))
    shoot(widget, f"2-keyboard-{after}")


def test_modality_comparison_checkboxes(lesson: Page, shoot) -> None:
    widget = view(lesson, "w.ModalityComparison()")
    result = html_outputs(widget).last
    ids = list(modalities())
    boxes = widget.get_by_role("checkbox")
    assert boxes.count() == len(ids)

    def chosen() -> list[str]:
        return [m for i, m in enumerate(ids) if boxes.nth(i).is_checked()]

    before = chosen()
    boxes.nth(len(ids) - 1).click()  # mouse: the last test in the row
    wait_for_text(result, html_text(comparison_html(chosen())))
    assert set(chosen()) ^ set(before) == {ids[-1]}
    shoot(widget, "1-mouse")

    focus(boxes.nth(0))
    lesson.keyboard.press("Space")  # keyboard: the first test
    assert set(chosen()) ^ set(before) == {ids[0], ids[-1]}
    wait_for_text(result, html_text(comparison_html(chosen())))
    shoot(widget, "2-keyboard")


def test_caution_checker_by_mouse_and_keyboard(lesson: Page, shoot) -> None:
    widget = view(lesson, "w.CautionChecker(")
    result = html_outputs(widget).last
    ids = list(factors())
    labels = {f.id: f.label for f in factors().values()}
    boxes = widget.get_by_role("checkbox")
    assert boxes.count() == len(ids)

    def box(factor_id: str) -> Locator:
        return widget.get_by_role("checkbox", name=labels[factor_id], exact=True)

    def ticked() -> list[str]:
        return [f for i, f in enumerate(ids) if boxes.nth(i).is_checked()]

    assert ticked() == ["implant"]  # the lesson cell: w.CautionChecker(ticked=["implant"])
    wait_for_text(result, html_text(cautions_html(ticked())))
    shoot(widget, "0-implant")

    box("kidney").click()  # mouse: reduced kidney function
    assert ticked() == ["implant", "kidney"]
    wait_for_text(result, html_text(cautions_html(ticked())))
    shoot(widget, "1-mouse-implant-kidney")

    # Keyboard only: Space unticks the implant, Tab moves on past the kidney box, Space ticks.
    focus(box("implant"))
    lesson.keyboard.press("Space")
    assert ticked() == ["kidney"]
    wait_for_text(result, html_text(cautions_html(ticked())))
    lesson.keyboard.press("Tab")
    lesson.keyboard.press("Tab")
    after = ids[ids.index("kidney") + 1]
    assert active_label(lesson).strip() == labels[after]
    lesson.keyboard.press("Space")
    assert ticked() == ["kidney", after]
    wait_for_text(result, html_text(cautions_html(ticked())))
    shoot(widget, f"2-keyboard-kidney-{after}")
