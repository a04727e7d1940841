"""Speed of the imaging lessons and widgets (a plain script; prints figures, asserts nothing).

    python benchmarks/bench_imaging.py

Reports the median time from a control's value change to the new output (figure included)
for each widget, and each lesson's headless execution time and kernel peak resident memory.
Targets: update < 100 ms median; lesson < 10 s; kernel < 150 MB.
"""

from __future__ import annotations

import functools
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lesson_run import run_lesson

REPO = Path(__file__).resolve().parents[1]
# Measure cold redraws: no background drawing filling the caches first.
os.environ["BONEMETS_PREWARM"] = "0"
LESSONS = ["notebooks/01_bone_metastasis_basics.ipynb", "notebooks/02_diagnosis.ipynb"]


def timed(changes: list[Callable[[], None]]) -> list[tuple[float, float]]:
    """(wall ms, CPU ms) per change. CPU time shows the cost when other jobs share the cores."""
    times = []
    for change in changes:
        wall, cpu = time.perf_counter(), time.process_time()
        change()
        times.append(((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))
    return times


def medians(times: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def setter(widget, values: list) -> list[Callable[[], None]]:
    """One change per value; values differ from the current one, so observe always fires."""
    return [functools.partial(setattr, widget, "value", v) for v in values]


def toggles(boxes: dict) -> list[Callable[[], None]]:
    """Tick every box in turn, then untick them: each step is a new combination."""
    order = list(boxes.values()) * 2
    return [functools.partial(lambda b: setattr(b, "value", not b.value), b) for b in order]


def widget_updates() -> dict[str, tuple[tuple[float, float], tuple[float, float]]]:
    """Per widget: medians (wall, CPU) for states not seen before, and on revisiting them."""
    from bonemets.caching import clear_caches
    from bonemets.complications.widgets import ComplicationChecker
    from bonemets.imaging import widgets as w

    clear_caches()
    dose = w.DoseChart()
    refs = [value for _, value in dose.controls["reference"].options]
    accuracy = w.AccuracyExplorer(pre_test_percent=50)
    studies = [value for _, value in accuracy.controls["study"].options]
    comparison = w.ModalityComparison()
    matcher = w.QuestionMatcher()
    questions = [value for _, value in matcher.controls["question"].options]
    cautions = w.CautionChecker()
    checker = ComplicationChecker()
    plans = {
        "dose chart (reference)": lambda: setter(dose.controls["reference"], refs[2:] + refs[:2]),
        "accuracy explorer (slider)": lambda: setter(
            accuracy.controls["pre_test"], [5, 10, 20, 30, 40, 60, 70, 80, 90, 95, 50]
        ),
        "accuracy explorer (study)": lambda: setter(
            accuracy.controls["study"], studies[1:] + studies[:1]
        ),
        "modality comparison (tick)": lambda: toggles(comparison.controls["tests"].boxes),
        "question matcher (choose)": lambda: setter(
            matcher.controls["question"], questions[1:] + questions[:1]
        ),
        "caution checker (tick)": lambda: toggles(cautions.controls["findings"].boxes),
        "complication checker (tick)": lambda: toggles(checker.controls["cues"].boxes),
    }
    results = {}
    for name, plan in plans.items():
        first = timed(plan())
        again = timed(plan())
        results[name] = (medians(first), medians(again))
    return results


def main() -> int:
    print("Lessons, executed headless in a fresh kernel:")
    for lesson in LESSONS:
        run = run_lesson(lesson)
        print(f"  {lesson:45s} {run.seconds_cells:5.2f} s   kernel peak RSS {run.peak_mb:6.1f} MB")
    print("Widget update, value change to new output incl. figure (median ms, wall / CPU):")
    print(f"  {'widget':30s} {'new state':>15s} {'revisited':>15s}")
    for name, (first, again) in widget_updates().items():
        print(f"  {name:30s} {first[0]:7.1f} /{first[1]:6.1f} {again[0]:7.1f} /{again[1]:6.1f}")
    print(f"  (load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
