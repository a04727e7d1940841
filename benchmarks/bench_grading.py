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
import time
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


def timed(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """Run ``command``; return its wall time, its peak memory (MiB, the process and all its
    children summed) and its output's last line."""
    import psutil

    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=command_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip
    peak = 0
    watched = psutil.Process(process.pid)
    while process.poll() is None:
        total = 0
        with contextlib.suppress(psutil.Error):
            for p in [watched, *watched.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += p.memory_info().rss
        peak = max(peak, total)
        time.sleep(0.05)
    output = process.stdout.read() if process.stdout else ""
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{command[2:5]} failed:\n{output[-3000:]}")
    lines = [line for line in output.splitlines() if line.strip()]
    return seconds, peak / 2**20, next((x for x in lines if " graded, " in x), lines[-1])


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


def class_main() -> None:
    grade = [sys.executable, "-m", "bonemets", "grade", ASSIGNMENT, "--jobs", str(JOBS)]
    stock = [sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
        make_class(base / "stock", CLASS)
        shutil.copytree(base / "stock", base / "ours")
        stock_s, stock_mb, _ = timed(stock, base / "stock")
        ours_s, ours_mb, ours_line = timed([*grade, "--course-dir", str(base / "ours")], base)
        print(f"{CLASS} submissions of {ASSIGNMENT}, one run:")
        print(f"  nbgrader autograde (sequential, course config): {stock_s:7.1f} s "
              f"({stock_s / CLASS:.2f} s/submission), peak memory {stock_mb:.0f} MiB")  # fmt: skip
        print(f"  bonemets grade --jobs {JOBS}:                    {ours_s:7.1f} s "
              f"({ours_s / CLASS:.2f} s/submission), peak memory {ours_mb:.0f} MiB")  # fmt: skip
        print(f"  ratio (nbgrader / bonemets grade):             {stock_s / ours_s:7.1f}")
        print(f"  ({ours_line.strip()})")

        make_class(base / "large", LARGE_CLASS)
        large_s, large_mb, large_line = timed([*grade, "--course-dir", str(base / "large")], base)
        print(
            f"{LARGE_CLASS} submissions, bonemets grade --jobs {JOBS}: {large_s:.1f} s "
            f"({large_s / LARGE_CLASS:.3f} s/submission), peak memory {large_mb:.0f} MiB"
        )
        print(f"  ({large_line.strip()})")

        notebook = base / "ours" / "submitted" / "student001" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        floor = floor_seconds(notebook)
        print(f"floor (start a kernel, execute the notebook once with nbclient): {floor:.2f} s")
        print(f"  per submission: nbgrader autograde {stock_s / CLASS:.2f} s, "
              f"bonemets grade --jobs {JOBS} {large_s / LARGE_CLASS:.3f} s "
              f"({large_s / LARGE_CLASS / floor:.2f} x the floor)")  # fmt: skip
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--per-call":
        per_call_main(int(sys.argv[2]) if len(sys.argv) > 2 else 10)
    else:
        class_main()
