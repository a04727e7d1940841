"""Execute one lesson headless in a fresh kernel: its time and the kernel's peak memory.

Shared by the lesson benchmarks. The peak is the kernel's own VmHWM; ``ru_maxrss`` would
also count the memory of the process that started the kernel (Linux carries it over fork
and exec), overstating it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]

PEAK_RSS_CELL = (
    "from pathlib import Path\n"
    "_hwm = [l for l in Path('/proc/self/status').read_text().splitlines() "
    "if l.startswith('VmHWM')][0]\n"
    "print(int(_hwm.split()[1]) / 1024)"
)


@dataclass(frozen=True)
class LessonRun:
    seconds_with_start: float  # kernel start included, as a student waits
    seconds_cells: float  # the lesson's cells alone
    peak_mb: float


def run_lesson(path: str) -> LessonRun:
    nb = nbformat.read(REPO / path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PEAK_RSS_CELL))
    client = NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(REPO / "notebooks")}},
        shutdown_kernel="immediate",
    )
    started = time.perf_counter()
    with client.setup_kernel():
        cells_started = time.perf_counter()
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        finished = time.perf_counter()
    peak_mb = float(nb.cells[-1].outputs[0]["text"].strip())
    return LessonRun(finished - started, finished - cells_started, peak_mb)
