"""Draw a widget's other states in the background while the reader is still reading.

A chart widget with a small set of states (six reference exams, three studies, twenty-one
slider positions) caches each rendered state. Filling that cache on a background thread
right after the widget appears makes the reader's later changes instant instead of a
100–200 ms redraw. Nothing is prewarmed while nbgrader runs a notebook, or when
``BONEMETS_PREWARM=0`` (the test suite and the benchmarks set it): nobody waits there, and
the extra work would only compete for the CPU.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

#: Set to 0 to switch prewarming off.
SWITCH = "BONEMETS_PREWARM"


def enabled() -> bool:
    return os.environ.get(SWITCH, "1") != "0" and "NBGRADER_EXECUTION" not in os.environ


def prewarm(render: Callable[[T], object], states: Iterable[T]) -> threading.Thread | None:
    """Call ``render`` (a cached function) for each state on a daemon thread.

    Returns the thread, or ``None`` when prewarming is off. A failure stops the thread
    quietly: the same state drawn in the foreground reports any real problem.
    """
    if not enabled():
        return None
    todo = list(states)

    def work() -> None:
        for state in todo:
            try:
                render(state)
            except Exception:
                return

    thread = threading.Thread(target=work, name="bonemets-prewarm", daemon=True)
    thread.start()
    return thread
