"""Background prewarming fills a widget's cache, and stays off when nobody is waiting."""

from __future__ import annotations

import functools
import threading

import pytest

from bonemets import prewarm as module
from bonemets.caching import clear_caches
from bonemets.imaging import views
from bonemets.imaging import widgets as w


@pytest.fixture
def attended(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a reader's kernel (the suite switches prewarming off everywhere else)."""
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.setenv(module.SWITCH, "1")


def test_renders_every_state_in_the_background(attended: None) -> None:
    calls: list[int] = []

    @functools.cache
    def render(state: int) -> int:
        calls.append(state)
        return state

    thread = module.prewarm(render, [3, 1, 2])
    assert thread is not None
    thread.join(timeout=10)
    assert calls == [3, 1, 2]


def test_a_failing_state_stops_quietly(attended: None) -> None:
    seen: list[int] = []

    def render(state: int) -> None:
        seen.append(state)
        raise ValueError("bad state")

    thread = module.prewarm(render, [1, 2])
    assert thread is not None
    thread.join(timeout=10)
    assert seen == [1]


@pytest.mark.parametrize(
    "variable, value",
    [("NBGRADER_EXECUTION", "autograde"), (module.SWITCH, "0")],
)
def test_off_when_unattended_or_switched_off(
    attended: None, monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    assert module.prewarm(lambda state: state, [1]) is None


def test_dose_chart_prewarms_every_reference(attended: None) -> None:
    clear_caches()
    chart = w.DoseChart()
    for thread in threading.enumerate():
        if thread.name == "bonemets-prewarm":
            thread.join(timeout=60)
    assert views.dose_html.cache_info().currsize == len(chart.controls["reference"].options)


def test_accuracy_states_nearest_first() -> None:
    explorer = w.AccuracyExplorer(pre_test_percent=50)
    states = explorer._likely_states()
    study = explorer.controls["study"]
    assert states[0] == (study.value, 50)
    assert {p for _, p in states[1:3]} == {45, 55}
    assert len(states) == 21 * len(study.options)
