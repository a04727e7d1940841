"""Speed of grading (a plain script; prints figures, asserts nothing).

    python benchmarks/bench_grading.py                 # a class: stock nbgrader vs bonemets grade
    python benchmarks/bench_grading.py --per-call [N]  # per-call figures of the pipeline's steps

Class mode (issue 16), on a temporary course directory with this course's
``nbgrader_config.py``: simulate 40 submissions of a1 (``bonemets simulate``), grade them with
stock ``nbgrader autograde`` (sequential, this course's configuration, its Execute step
included) in one copy and with ``bonemets grade --jobs 2`` in another, and print both wall
times and their ratio from the same run. Then grade 200 submissions with ``bonemets grade
--jobs 2``; time the floor (start a kernel and execute the notebook once with nbclient); and
report the peak memory of the grading processes (the command and its workers, summed, sampled
every 0.05 s). Figures vary with the machine's load: run it on an idle machine.

Per-call mode: generate all four assignments, autograde N (default 10) submissions of a1
in-process, generate their feedback, and time the pure scoring (the course preprocessor
alone, and ``bonemets check``), and autograde with ``Execute`` left out.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from traitlets.config import Config

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bonemets.assessment.bank import items_for  # noqa: E402
from bonemets.grading.course import api, build_release, checked  # noqa: E402
from bonemets.grading.preprocessor import ScoreItems  # noqa: E402
from bonemets.grading.selfcheck import score_notebook  # noqa: E402
from bonemets.grading.source_builder import literal  # noqa: E402

ASSIGNMENT = "a1_diagnosis"


def submit(root: Path, student: str) -> Path:
    nb = nbformat.read(root / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    answers = {
        f"{i.id}_answer": f"{i.variable} = {literal(i.answer_key)}"
        for i in items_for(ASSIGNMENT)
        if i.auto_graded
    }
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        cell.source = answers.get(grade_id, cell.source)
    folder = root / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / f"{ASSIGNMENT}.ipynb")
    return folder / f"{ASSIGNMENT}.ipynb"


def per_call(label: str, seconds: list[float]) -> None:
    print(
        f"{label:<48} median {statistics.median(seconds):6.3f} s  "
        f"(min {min(seconds):.3f}, max {max(seconds):.3f}, n={len(seconds)})"
    )


def per_call_main(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        build_release(root)
        print(
            f"{'build source + generate_assignment (4 assignments)':<48} "
            f"{time.perf_counter() - start:6.2f} s"
        )
        paths = [submit(root, f"s{n:02d}") for n in range(count)]

        grader = api(root)
        autograde, feedback = [], []
        for n in range(count):
            start = time.perf_counter()
            checked(grader.autograde(ASSIGNMENT, f"s{n:02d}"), "autograde")
            autograde.append(time.perf_counter() - start)
            start = time.perf_counter()
            checked(grader.generate_feedback(ASSIGNMENT, f"s{n:02d}"), "feedback")
            feedback.append(time.perf_counter() - start)
        per_call("autograde, per submission (with Execute)", autograde)
        per_call("generate_feedback, per submission", feedback)

        no_execute = Config()
        no_execute.Autograde.autograde_preprocessors = [
            "bonemets.grading.preprocessor.ScoreItems",
            "nbgrader.preprocessors.SaveAutoGrades",
            "nbgrader.preprocessors.AssignLatePenalties",
            "nbgrader.preprocessors.CheckCellMetadata",
        ]
        fast = api(root, no_execute)
        skipped = []
        for n in range(count):
            start = time.perf_counter()
            checked(fast.autograde(ASSIGNMENT, f"s{n:02d}"), "autograde")
            skipped.append(time.perf_counter() - start)
        per_call("autograde, per submission (Execute left out)", skipped)

        nb = nbformat.read(paths[0], as_version=4)
        scoring = []
        for _ in range(20):
            start = time.perf_counter()
            ScoreItems().preprocess(nbformat.from_dict(nb), {})
            scoring.append(time.perf_counter() - start)
        per_call("ScoreItems preprocessor alone, per notebook", scoring)
        checks = []
        for path in paths:
            start = time.perf_counter()
            score_notebook(path)
            checks.append(time.perf_counter() - start)
        per_call("bonemets check (scoring only), per notebook", checks)


# --- class mode: stock nbgrader autograde against bonemets grade --jobs 2 -------------------
CLASS = 40
LARGE_CLASS = 200
JOBS = 2


def command_env() -> dict[str, str]:
    # nbgrader starts `alembic` through PATH.
    return dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")


@dataclass
class Run:
    seconds: float  # wall time
    cpu: float  # CPU seconds (user + system) of the command and every process it started
    peak_mib: float  # peak memory, the command and its processes summed
    summary: str  # the output line that counts what was graded


def timed(command: list[str], cwd: Path) -> Run:
    """Run ``command``, sampling its process tree every 0.05 s for memory and CPU time."""
    import psutil

    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=command_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip
    peak = 0
    cpu: dict[int, float] = {}
    watched = psutil.Process(process.pid)
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(process.stdout or []), daemon=True)
    reader.start()
    while process.poll() is None:
        total = 0
        with contextlib.suppress(psutil.Error):
            for p in [watched, *watched.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += p.memory_info().rss
                    times = p.cpu_times()
                    cpu[p.pid] = times.user + times.system
        peak = max(peak, total)
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    reader.join()
    if process.returncode != 0:
        raise SystemExit(f"{command[2:5]} failed:\n{''.join(output)[-3000:]}")
    lines = [line for line in output if line.strip()]
    summary = next((x for x in lines if " graded, " in x), lines[-1] if lines else "")
    return Run(seconds, sum(cpu.values()), peak / 2**20, summary.strip())


def make_class(root: Path, students: int) -> None:
    root.mkdir(parents=True)
    shutil.copy(REPO / "nbgrader_config.py", root / "nbgrader_config.py")
    build_release(root, [ASSIGNMENT])
    simulate = [sys.executable, "-m", "bonemets", "simulate", ASSIGNMENT]
    subprocess.run(
        [*simulate, "--students", str(students), "--seed", "1", "--due", "2026-03-01 17:00",
         "--course-dir", str(root)],
        env=command_env(), check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def floor_seconds(notebook: Path, runs: int = 3) -> float:
    """Start a kernel and execute the notebook once with nbclient (the least any grader that
    runs the student's notebook must spend), median of ``runs``."""
    from nbclient import NotebookClient

    seconds = []
    for _ in range(runs):
        nb = nbformat.read(notebook, as_version=4)
        start = time.perf_counter()
        NotebookClient(
            nb,
            timeout=60,
            kernel_name="python3",
            allow_errors=True,
            resources={"metadata": {"path": str(notebook.parent)}},
        ).execute()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


def describe(label: str, run: Run, count: int) -> None:
    print(
        f"  {label:<48} {run.seconds:7.1f} s wall ({run.seconds / count:.3f} s/submission), "
        f"CPU {run.cpu:.1f} s ({run.cpu / count:.3f} s/submission), "
        f"peak memory {run.peak_mib:.0f} MiB"
    )


def class_main() -> None:
    grade = [sys.executable, "-m", "bonemets", "grade", ASSIGNMENT, "--jobs", str(JOBS)]
    stock = [sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
        make_class(base / "stock", CLASS)
        shutil.copytree(base / "stock", base / "ours")
        theirs = timed(stock, base / "stock")
        ours = timed([*grade, "--course-dir", str(base / "ours")], base)
        print(f"{CLASS} submissions of {ASSIGNMENT}, one run:")
        describe("nbgrader autograde (sequential, course config)", theirs, CLASS)
        describe(f"bonemets grade --jobs {JOBS}", ours, CLASS)
        print(
            f"  ratio of wall times (nbgrader / bonemets grade): "
            f"{theirs.seconds / ours.seconds:.1f}"
        )
        print(f"  ({ours.summary})")

        make_class(base / "large", LARGE_CLASS)
        large = timed([*grade, "--course-dir", str(base / "large")], base)
        print(f"{LARGE_CLASS} submissions:")
        describe(f"bonemets grade --jobs {JOBS}", large, LARGE_CLASS)
        print(
            f"  CPU time / {JOBS} cores = {large.cpu / JOBS:.1f} s: an estimate of the wall time "
            f"on {JOBS} cores with nothing else running"
        )
        print(f"  ({large.summary})")

        notebook = base / "ours" / "submitted" / "student001" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        floor = floor_seconds(notebook)
        print(f"floor (start a kernel, execute the notebook once with nbclient): {floor:.2f} s")
        print(
            f"  per submission: nbgrader autograde {theirs.seconds / CLASS:.2f} s, "
            f"bonemets grade --jobs {JOBS} {large.seconds / LARGE_CLASS:.3f} s "
            f"({large.seconds / LARGE_CLASS / floor:.2f} x the floor)"
        )
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--per-call":
        per_call_main(int(sys.argv[2]) if len(sys.argv) > 2 else 10)
    else:
        class_main()
