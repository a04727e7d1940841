"""Lesson 2: the imaging widgets (dose chart, accuracy explorer, question matcher,
comparison, caution checker), by mouse and by keyboard; the page must show what the pure
functions give."""

from __future__ import annotations

from typing import TYPE_CHECKING

from course_browser import widgets as ui

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


def choose_by_mouse_then_keyboard(
    lesson: Page, shoot, widget: Locator, choices: dict[str, str], first: str, render
) -> Locator:
    """Mouse: choose ``first`` in the drop-down; keyboard: the next option. After each, the
    page shows exactly ``render(choice)``. Returns the output, for checks of the first state.
    """
    result = ui.html_outputs(widget).last
    select = widget.locator("select")
    select.select_option(label=label_of(choices, first))
    ui.wait_for_text(result, ui.html_text(render(first)))
    shoot(widget, f"1-{first}")

    ui.focus(select)
    ui.next_option_by_keyboard(lesson)  # the next option in the list
    after = following(choices, first)
    assert choices[select.input_value()] == after
    ui.wait_for_text(result, ui.html_text(render(after)))
    shoot(widget, f"2-keyboard-{after}")
    return result


def test_dose_chart_dropdown_by_mouse_and_keyboard(lesson: Page, shoot) -> None:
    widget = ui.view(lesson, "w.DoseChart()")
    result = choose_by_mouse_then_keyboard(
        lesson, shoot, widget, REFERENCES, "dose_ct_chest", dose_html
    )
    # The reference line follows the choice in the chart's alt text too.
    after = following(REFERENCES, "dose_ct_chest")
    exam = label_of(REFERENCES, after).rsplit(" (", 1)[0]  # "CT of the chest (7 mSv)"
    assert exam in (result.locator("img").first.get_attribute("alt") or "")


def test_accuracy_explorer_slider_and_dropdown(lesson: Page, shoot) -> None:
    widget = ui.view(lesson, "w.AccuracyExplorer(")
    result = ui.html_outputs(widget).last
    study = widget.locator("select")
    handle = widget.get_by_role("slider")

    # Keyboard: ArrowRight raises the pre-test chance by one step of the slider.
    start = slider_value(widget)
    ui.focus(handle)
    lesson.keyboard.press("ArrowRight")
    lesson.wait_for_function(
        "([el, before]) => parseFloat(el.getAttribute('aria-valuenow')) !== before",
        arg=[handle.element_handle(), start],
    )
    raised = slider_value(widget)
    assert raised == min(start + STEP, 100)
    study_id = STUDIES[study.input_value()]
    ui.wait_for_text(result, ui.html_text(accuracy_html(study_id, raised)))
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
    ui.wait_for_text(result, ui.html_text(accuracy_html(study_id, value)))
    shoot(widget, f"2-mouse-{value}pct")

    # Study dropdown, by keyboard.
    ui.focus(study)
    ui.next_option_by_keyboard(lesson)
    chosen = STUDIES[study.input_value()]
    assert chosen == following(STUDIES, study_id)
    ui.wait_for_text(result, ui.html_text(accuracy_html(chosen, value)))
    shoot(widget, f"3-study-{chosen}")


def test_question_matcher_dropdown(lesson: Page, shoot) -> None:
    widget = ui.view(lesson, "w.QuestionMatcher()")
    choose_by_mouse_then_keyboard(
        lesson, shoot, widget, QUESTIONS, "cord_compression", question_html
    )


def test_modality_comparison_checkboxes(lesson: Page, shoot) -> None:
    widget = ui.view(lesson, "w.ModalityComparison()")
    result = ui.html_outputs(widget).last
    ids = list(modalities())
    boxes = widget.get_by_role("checkbox")
    assert boxes.count() == len(ids)

    def chosen() -> list[str]:
        return [m for i, m in enumerate(ids) if boxes.nth(i).is_checked()]

    before = chosen()
    boxes.nth(len(ids) - 1).click()  # mouse: the last test in the row
    ui.wait_for_text(result, ui.html_text(comparison_html(chosen())))
    assert set(chosen()) ^ set(before) == {ids[-1]}
    shoot(widget, "1-mouse")

    ui.focus(boxes.nth(0))
    lesson.keyboard.press("Space")  # keyboard: the first test
    assert set(chosen()) ^ set(before) == {ids[0], ids[-1]}
    ui.wait_for_text(result, ui.html_text(comparison_html(chosen())))
    shoot(widget, "2-keyboard")


def test_caution_checker_by_mouse_and_keyboard(lesson: Page, shoot) -> None:
    widget = ui.view(lesson, "w.CautionChecker(")
    result = ui.html_outputs(widget).last
    ids = list(factors())
    labels = {f.id: f.label for f in factors().values()}
    boxes = widget.get_by_role("checkbox")
    assert boxes.count() == len(ids)

    def box(factor_id: str) -> Locator:
        return widget.get_by_role("checkbox", name=labels[factor_id], exact=True)

    def ticked() -> list[str]:
        return [f for i, f in enumerate(ids) if boxes.nth(i).is_checked()]

    assert ticked() == ["implant"]  # the lesson cell: w.CautionChecker(ticked=["implant"])
    ui.wait_for_text(result, ui.html_text(cautions_html(ticked())))
    shoot(widget, "0-implant")

    box("kidney").click()  # mouse: reduced kidney function
    assert ticked() == ["implant", "kidney"]
    ui.wait_for_text(result, ui.html_text(cautions_html(ticked())))
    shoot(widget, "1-mouse-implant-kidney")

    # Keyboard only: Space unticks the implant, Tab moves on past the kidney box, Space ticks.
    ui.focus(box("implant"))
    lesson.keyboard.press("Space")
    assert ticked() == ["kidney"]
    ui.wait_for_text(result, ui.html_text(cautions_html(ticked())))
    lesson.keyboard.press("Tab")
    lesson.keyboard.press("Tab")
    after = ids[ids.index("kidney") + 1]
    assert ui.active_label(lesson).strip() == labels[after]
    lesson.keyboard.press("Space")
    assert ticked() == ["kidney", after]
    ui.wait_for_text(result, ui.html_text(cautions_html(ticked())))
    shoot(widget, f"2-keyboard-kidney-{after}")


# Every <text> of an SVG image, measured in the browser against the SVG's own viewBox.
SVG_TEXT_OUTSIDE = """async (img) => {
  const svgText = atob(img.src.split(',')[1]);
  const holder = document.createElement('div');
  holder.style.cssText = 'position:absolute;left:-10000px;top:0';
  holder.innerHTML = svgText;
  document.body.appendChild(holder);
  const svg = holder.querySelector('svg');
  const [x, y, w, h] = svg.getAttribute('viewBox').split(/[ ,]+/).map(Number);
  const outside = [];
  for (const text of svg.querySelectorAll('text')) {
    const ctm = text.getCTM();
    const svgCtm = svg.getCTM();
    const box = text.getBBox();
    const toRoot = svgCtm.inverse().multiply(ctm);
    const corners = [[box.x, box.y], [box.x + box.width, box.y + box.height]].map(
      ([px, py]) => new DOMPoint(px, py).matrixTransform(toRoot));
    const [a, b] = corners;
    const left = Math.min(a.x, b.x), right = Math.max(a.x, b.x);
    const top = Math.min(a.y, b.y), bottom = Math.max(a.y, b.y);
    if (left < x - 0.5 || right > x + w + 0.5 || top < y - 0.5 || bottom > y + h + 0.5)
      outside.push(text.textContent);
  }
  holder.remove();
  return outside;
}"""


def test_accuracy_explorer_labels_never_clip(lesson: Page, shoot) -> None:
    """At 0, 1, 50, 90, 99 and 100% every label of both figures sits inside its image."""
    widget = ui.view(lesson, "w.AccuracyExplorer(")
    result = ui.html_outputs(widget).last
    study_id = STUDIES[widget.locator("select").input_value()]
    typed = widget.get_by_role("spinbutton")
    for percent in (0, 1, 50, 90, 99, 100):
        typed.fill(str(percent))
        typed.press("Enter")
        ui.wait_for_text(result, ui.html_text(accuracy_html(study_id, percent)))
        images = result.locator("img")
        assert images.count() == 2
        for index in range(images.count()):
            outside = images.nth(index).evaluate(SVG_TEXT_OUTSIDE)
            assert outside == [], f"cut off at {percent}%: {outside}"
        if percent in (0, 100):
            shoot(widget, f"edge-{percent}pct")
