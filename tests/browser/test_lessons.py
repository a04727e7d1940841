"""Generic checks for every lesson: Run All in JupyterLab, then no errors anywhere and an
accessible result (axe on the outputs, alt text, control names).

Each lesson runs once per session (``ran_lessons`` in conftest): the widget tests and the
checks below share that page, so these checks also see the widgets' changed states.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable

import pytest
from course_browser import a11y, axe
from course_browser.course import ARTIFACTS, lessons
from course_browser.notebook import RanLesson, error_outputs, outputs


@pytest.fixture(params=lessons(), ids=lambda name: name.removesuffix(".ipynb"))
def ran(request: pytest.FixtureRequest, ran_lessons: Callable[[str], RanLesson]) -> RanLesson:
    """The lesson after Run All (and after any widget tests that used the same page)."""
    return ran_lessons(request.param)


def test_runs_without_error_output(ran: RanLesson) -> None:
    assert outputs(ran.page).count() > 0, "Run All produced no output at all"
    assert error_outputs(ran.page) == []


def test_no_browser_console_errors(ran: RanLesson) -> None:
    assert ran.console.errors == []


def test_axe_finds_nothing_serious_in_outputs(ran: RanLesson, axe_available) -> None:
    violations = axe.run_axe(ran.page, axe.OUTPUTS_ONLY)
    # Everything axe says about JupyterLab itself goes to an artefact for the report.
    lab_report = axe.run_axe(ran.page, axe.LAB_ONLY)
    report = ARTIFACTS / "axe" / f"{ran.name.removesuffix('.ipynb')}.json"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(
        json.dumps(
            {
                "outputs": [v.__dict__ for v in violations],
                "jupyterlab": [v.__dict__ for v in lab_report],
            },
            indent=1,
        )
    )
    serious = axe.blocking(violations)
    upstream = [v for v in serious if a11y.is_upstream_slider_gap(v.rule, v.targets)]
    if upstream:
        warnings.warn(f"ipywidgets slider handles without a name: {upstream}", stacklevel=1)
        assert a11y.sliders_without_description(outputs(ran.page)) == []
    assert [str(v) for v in serious if v not in upstream] == []


def test_every_figure_has_alt_text(ran: RanLesson) -> None:
    assert a11y.images_without_alt(outputs(ran.page)) == []


def test_every_control_has_an_accessible_name(ran: RanLesson) -> None:
    area = outputs(ran.page)
    unnamed = a11y.unnamed_controls(area)
    # ipywidgets' slider handle is never named (see a11y.UPSTREAM_SLIDER_RULE); the course
    # must at least show a visible description beside every slider.
    assert a11y.sliders_without_description(area) == []
    assert [line for line in unnamed if line != "- slider"] == []


def test_no_control_label_is_cut_off(ran: RanLesson) -> None:
    """At a 1280-px window with Lab's file browser open, every label is read in full."""
    assert a11y.cut_off_labels(outputs(ran.page)) == []


def test_code_is_folded_away(ran: RanLesson) -> None:
    """Students see the lesson, not its Python: no code cell shows an editor, and each
    folded input is one click away (Lab's placeholder) for the curious."""
    cells = ran.page.locator(".jp-Notebook .jp-CodeCell")
    assert cells.count() > 0
    editors = ran.page.locator(".jp-Notebook .jp-CodeCell .jp-InputArea-editor")
    visible = [i for i in range(editors.count()) if editors.nth(i).is_visible()]
    assert visible == [], f"{len(visible)} code editors shown"
    placeholders = ran.page.locator(".jp-Notebook .jp-CodeCell .jp-InputPlaceholder")
    assert placeholders.count() == cells.count()
