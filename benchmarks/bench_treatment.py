"""Speed of the treatment lessons (03-05): widget updates, notebook runs, kernel memory.

A plain script, run with ``python benchmarks/bench_treatment.py``. It prints:

* the median time of one widget update (a control's value changes -> new HTML output with
  its figure), over repeated changes, for each widget: "cold" with the view cache cleared
  before every change (a state drawn for the first time), and "warm" when the reader
  returns to a state already drawn (the figure views are cached by control values);
* the wall-clock seconds to execute each lesson headless (nbclient, fresh kernel);
* the kernel's peak resident memory (MB) at the end of each lesson.

Budgets (from the issue): < 100 ms per update, < 10 s per lesson, < 150 MB per kernel.
Nothing is asserted: times vary with machine load.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lesson_run import run_lesson

REPO = Path(__file__).resolve().parents[1]
LESSONS = [
    "notebooks/03_systemic_treatments.ipynb",
    "notebooks/04_local_treatments.ipynb",
    "notebooks/05_supportive_care.ipynb",
]
REPEATS = 15


def median_ms(changes: list[Callable[[], None]], cold: bool) -> float:
    from bonemets.caching import clear_caches

    times = []
    for index in range(REPEATS):
        change = changes[index % len(changes)]
        if cold:
            clear_caches()
        start = time.perf_counter()
        change()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def widget_updates(cold: bool) -> dict[str, float]:
    from bonemets.treatment import widgets as w

    explorer = w.treatment_explorer()
    mirels = w.mirels_calculator()
    schedules = w.radiation_schedules()
    ablation = w.ablation_cycles()
    meds = w.medication_checklist()
    appointment = w.appointment_checklist()

    def setter(control, values):
        changes = [lambda v=v: setattr(control, "value", v) for v in values]
        return lambda: median_ms(changes, cold)

    first_box = next(iter(appointment.controls["done"].boxes.values()))
    plans = {
        "treatment explorer (count)": setter(explorer.controls["count"], ["a_few", "many", "one"]),
        "treatment explorer (flag)": setter(
            explorer.controls["flags"].boxes["hormone_sensitive"], [True, False]
        ),
        "Mirels calculator (pain)": setter(
            mirels.controls["pain"], ["moderate", "functional", "mild"]
        ),
        "radiation schedules (tick)": setter(
            schedules.controls["schedules"].boxes["pain_24x6"], [False, True]
        ),
        "radiation schedules (situation)": setter(
            schedules.controls["situation"], ["cord_compression", "painful_bone"]
        ),
        "ablation cycles (step)": setter(ablation.controls["step"], [2, 3, 1]),
        "ablation cycles (method)": setter(
            ablation.controls["method"], ["cryoablation", "radiofrequency"]
        ),
        "medication checklist (tick)": setter(
            meds.controls["done"].boxes["zol_creatinine"], [True, False]
        ),
        "medication checklist (medicine)": setter(
            meds.controls["which"], ["radium_223", "denosumab", "zoledronic_acid"]
        ),
        "appointment checklist (tick)": setter(first_box, [True, False]),
    }
    return {name: plan() for name, plan in plans.items()}


def main() -> int:
    print(f"Median widget update (ms) over {REPEATS} changes each:   cold     warm")
    cold, warm = widget_updates(cold=True), widget_updates(cold=False)
    for name in cold:
        print(f"  {name:36s} {cold[name]:7.1f}  {warm[name]:7.1f}")
    print("Lesson execution (fresh kernel, includes kernel start) and kernel peak RSS:")
    for path in LESSONS:
        run = run_lesson(path)
        print(f"  {Path(path).name:34s} {run.seconds_with_start:6.2f} s  {run.peak_mb:6.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
