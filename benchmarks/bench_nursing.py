"""Lesson 6 (nursing care): how long a widget takes to redraw, and the lesson's run time.

Reports figures only; nothing passes or fails on them.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lesson_run import run_lesson

LESSON = "notebooks/06_nursing_care.ipynb"
REPEATS = 15


def median_ms(control: Any, values: list[Any], cold: bool) -> float:
    from bonemets.caching import clear_caches

    times = []
    for index in range(REPEATS):
        if cold:
            clear_caches()
        start = time.perf_counter()
        control.value = values[index % len(values)]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def plans() -> dict[str, Callable[[bool], float]]:
    from bonemets.nursing import widgets as w

    chooser, mscc, radiation = w.pain_chooser(), w.mscc_priorities(), w.radiation_effects()
    first = mscc.controls["chosen"].boxes["escalate"]
    return {
        "pain chooser (patient)": lambda cold: median_ms(
            chooser.controls["communication"], ["faces", "cannot_report", "numbers"], cold
        ),
        "pain chooser (score)": lambda cold: median_ms(chooser.controls["score"], [3, 7], cold),
        "cord compression (tick)": lambda cold: median_ms(first, [True, False], cold),
        "cord compression (check)": lambda cold: median_ms(
            mscc.controls["checked"], [True, False], cold
        ),
        "radiation by site": lambda cold: median_ms(
            radiation.controls["site_id"], ["limb", "chest", "pelvis"], cold
        ),
    }


def main() -> int:
    print(f"Median widget update (ms) over {REPEATS} changes each:   cold     warm")
    for name, plan in plans().items():
        print(f"  {name:36s} {plan(True):7.2f}  {plan(False):7.2f}")
    run = run_lesson(LESSON)
    print("Lesson execution (fresh kernel, includes kernel start) and kernel peak RSS:")
    print(f"  {Path(LESSON).name:34s} {run.seconds_with_start:6.2f} s  {run.peak_mb:6.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
