"""A class of hostile and broken a1 submissions, autograded through nbgrader's API with the
course's configuration (the sandboxed execution of ``nbgrader_config.py``), with short limits.

Each submission gets a clear outcome: a score never above the honest baseline's (the same
answers without the attack), or "could not be graded" with nbgrader's reason. Reading
attempts find nothing, writing attempts change nothing outside the scratch folder, and
every other student is still graded. docs/security.md lists what stops each attack.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import pytest
from adversarial_submissions import (
    ASSIGNMENT,
    BASELINE,
    BASELINE_SCORE,
    BLOCKED,
    CODE_ATTACKS,
    ESCAPE_MARK,
    FOUND,
    NOTEBOOK,
    NOTHING,
    Submission,
    Targets,
    build_class,
    grade_students,
    submit,
)
from must_run import unavailable
from traitlets.config import Config

from bonemets import paths
from bonemets.grading.sandbox import SANDBOX_ERROR, bwrap_problem

pytestmark = pytest.mark.slow


# Limits small enough for a test, large enough for a kernel to start on a busy machine.
SHORT_LIMITS: dict[str, int] = {
    "Execute.timeout": 3,
    "SandboxedExecute.notebook_timeout": 12,
    "SandboxedExecute.cpu_seconds": 15,
    "SandboxedExecute.memory_mb": 1024,
    "SandboxedExecute.max_processes": 64,
    "SandboxedExecute.output_bytes": 200_000,
}


def short_limits() -> Config:
    config = Config()
    for name, value in SHORT_LIMITS.items():
        section, trait = name.split(".")
        config[section][trait] = value
    return config


@pytest.fixture(scope="module")
def sandbox_required() -> None:
    problem = bwrap_problem()
    if problem is None:
        return
    unavailable(problem, "the sandbox")


class Listener:
    """A TCP server on the grader's loopback that counts who reaches it."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while self.running:
            try:
                connection, _ = self.server.accept()
            except TimeoutError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self.running = False
        self.thread.join()
        self.server.close()


@dataclass
class GradedClass:
    root: Path
    submissions: dict[str, Submission]
    results: dict[str, dict[str, Any]]
    targets: Targets
    hashes_before: dict[str, str]
    listener_connections: int
    seconds: dict[str, float]

    def scores(self, student: str) -> dict[str, float | None]:
        from nbgrader.api import Gradebook

        root = Path(self.results[student]["root"])
        with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id="bonemets") as gb:
            nb = gb.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, student)
            return {g.name: g.auto_score for g in nb.grades}

    def total(self, student: str) -> float:
        return sum(v or 0.0 for k, v in self.scores(student).items() if k != "a1_sa")

    def autograded(self, student: str) -> nbformat.NotebookNode:
        path = Path(self.results[student]["root"]) / "autograded" / student / ASSIGNMENT / NOTEBOOK
        return nbformat.read(path, as_version=4)

    def attack_output(self, student: str) -> str:
        """What the student's added cells printed (their errors' names and messages too)."""
        nb = self.autograded(student)
        cells = [c for c in nb.cells if c.source.startswith("# attack")]
        assert cells, student
        return "\n".join(
            o.get("text", "") + o.get("evalue", "") + o.get("ename", "")
            for c in cells
            for o in c.outputs
        )


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "absent"


@pytest.fixture(scope="module")
def graded(
    tmp_path_factory: pytest.TempPathFactory, sandbox_required: None
) -> Iterator[GradedClass]:
    from bonemets.grading.course import build_release

    root = tmp_path_factory.mktemp("hostile-class")
    build_release(root, [ASSIGNMENT])
    listener = Listener()
    escape = Path("/tmp") / f"bonemets-escape-{os.getpid()}-{time.time_ns()}"
    targets = Targets(
        root=root,
        keys=paths.course_data() / "assessment",
        home=Path.home(),
        listener_port=listener.port,
        escape_file=escape,
    )
    submissions = {s.student: s for s in build_class(root / "release", targets)}
    for submission in submissions.values():
        submit(root, submission)
    watched = {**targets.written_files(), "key": targets.secret_files()["answer key"]}
    hashes_before = {name: file_hash(path) for name, path in watched.items() if name != "gradebook"}
    # Two course directories (copies, each with its own gradebook) graded in parallel: the
    # attacks that name this course's files stay in the first, with the baseline.
    second = tmp_path_factory.mktemp("hostile-class-b")
    shutil.copytree(root, second, dirs_exist_ok=True)
    here = ["baseline", "read_secrets", "write_outside", "network", *EDITED, "wrong_types"]
    shards = {str(root): [s for s in submissions if s in here]}
    shards[str(second)] = [s for s in submissions if s not in here]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(len(shards), mp_context=context) as pool:
        jobs = [
            pool.submit(grade_students, r, names, short_limits()) for r, names in shards.items()
        ]
        results = {k: v for job in jobs for k, v in job.result().items()}
    seconds = {s: r["seconds"] for s, r in results.items()}
    listener.close()
    yield GradedClass(
        root, submissions, results, targets, hashes_before, listener.connections, seconds
    )
    escape.unlink(missing_ok=True)


GRADED = [s for s in ["baseline", *CODE_ATTACKS, "read_secrets", "write_outside", "network"]]
EDITED = [
    "deleted_cells",
    "reordered_cells",
    "duplicated_cells",
    "edited_locked_cells",
    "edited_metadata",
    "extra_files",
]


def test_the_baseline_scores_what_its_answers_earn(graded: GradedClass) -> None:
    assert graded.results[BASELINE]["success"], graded.results[BASELINE]
    assert graded.total(BASELINE) == BASELINE_SCORE


@pytest.mark.parametrize("student", GRADED[1:])
def test_code_attacks_are_graded_with_the_baselines_score(
    graded: GradedClass, student: str
) -> None:
    """The attack ran (its cell has outputs) and the score is the answers' score, no more."""
    assert graded.results[student]["success"], graded.results[student].get("log")
    assert graded.total(student) == BASELINE_SCORE
    assert graded.autograded(student).cells  # the autograded copy was written


@pytest.mark.parametrize(
    ("student", "stopped_by"),
    [
        ("infinite_loop", "CellTimeoutError"),
        ("sleep_forever", "CellTimeoutError"),
        ("os_exit", SANDBOX_ERROR),
        ("segfault", SANDBOX_ERROR),
        ("sys_exit", "SystemExit"),
    ],
)
def test_each_stopped_cell_says_why(graded: GradedClass, student: str, stopped_by: str) -> None:
    assert stopped_by in graded.attack_output(student)


def test_a_memory_bomb_runs_out_of_memory_not_the_grader(graded: GradedClass) -> None:
    output = graded.attack_output("memory_bomb")
    assert "MemoryError" in output or SANDBOX_ERROR in output, output


def test_a_fork_bomb_is_stopped(graded: GradedClass) -> None:
    output = graded.attack_output("fork_bomb")
    assert any(word in output for word in ("BlockingIOError", SANDBOX_ERROR, "Timeout")), output


def test_an_output_flood_is_cut(graded: GradedClass) -> None:
    nb = graded.autograded("output_flood")
    size = len(nbformat.writes(nb))
    assert size < 2_000_000  # 200 kB of outputs kept (hundreds of MB were printed)
    assert "too much output" in graded.attack_output("output_flood")


def test_reading_attempts_find_nothing(graded: GradedClass) -> None:
    output = graded.attack_output("read_secrets")
    for name in [*graded.targets.secret_files(), "search"]:
        assert f"{NOTHING} {name}" in output, (name, output)
    assert FOUND not in output


def test_writing_attempts_change_nothing_outside_scratch(graded: GradedClass) -> None:
    output = graded.attack_output("write_outside")
    for name in graded.targets.written_files():
        if name != "outside":  # its own /tmp is private: the host's file is checked below
            assert f"{BLOCKED} {name}" in output, (name, output)
    assert "WROTE venv" not in output
    assert "scratch my own scratch work" in output  # its own scratch folder is writable
    watched = {**graded.targets.written_files(), "key": graded.targets.secret_files()["answer key"]}
    for name, before in graded.hashes_before.items():
        assert file_hash(watched[name]) == before, name
    assert ESCAPE_MARK.encode() not in (graded.root / "gradebook.db").read_bytes()
    import site

    for folder in site.getsitepackages():
        assert not (Path(folder) / "sitecustomize.py").exists()


def test_no_network(graded: GradedClass) -> None:
    output = graded.attack_output("network")
    assert FOUND not in output
    assert output.count(BLOCKED) == 3
    assert graded.listener_connections == 0


@pytest.mark.parametrize("student", EDITED)
def test_edited_notebooks_never_score_above_their_answers(
    graded: GradedClass, student: str
) -> None:
    assert graded.results[student]["success"], graded.results[student].get("log")
    assert graded.total(student) <= BASELINE_SCORE
    scores = graded.scores(student)
    assert all((v or 0) <= 5 for v in scores.values())  # no forged 50 or 100 points


def test_wrong_types_and_look_alikes_earn_nothing(graded: GradedClass) -> None:
    assert graded.results["wrong_types"]["success"]
    scores = graded.scores("wrong_types")
    for item in ("a1_q01", "a1_q05", "a1_q07", "a1_q09"):
        assert scores[item] == 0, item
    assert scores["a1_q02"] == 1  # a list is read as the same choices: 2 right - 1 wrong


@pytest.mark.parametrize(
    ("student", "reason"),
    [
        ("wrong_name", "Skipping unknown notebook"),
        ("not_json", "does not appear to be JSON"),
        ("empty_file", "does not appear to be JSON"),
    ],
)
def test_broken_files_could_not_be_graded_with_a_reason(
    graded: GradedClass, student: str, reason: str
) -> None:
    result = graded.results[student]
    assert not result["success"]
    assert reason in result["log"] + result["error"]


def test_the_whole_class_was_graded(graded: GradedClass) -> None:
    gradable = [s for s, sub in graded.submissions.items() if sub.expect == "graded"]
    failed = {s: graded.results[s].get("log") for s in gradable if not graded.results[s]["success"]}
    assert failed == {}, "\n".join(f"{k}: {v}" for k, v in failed.items())
    print({s: round(t, 1) for s, t in graded.seconds.items()})


# The worst of each kind (a hang, a dead kernel, edited metadata, two broken files): the
# whole class above is already graded through the same nbgrader API.
CLASS_LEVEL = ["baseline", "infinite_loop", "os_exit", "edited_metadata", "wrong_name", "not_json"]
# The same limits as lines of an nbgrader_config.py, for the command line.
SHORT_LIMITS_CONFIG = "".join(f"c.{name} = {value}\n" for name, value in SHORT_LIMITS.items())


def test_bonemets_grade_execute_finishes_a_hostile_class(
    graded: GradedClass, tmp_path: Path, repo_root: Path
) -> None:
    """The instructor's command on a class with the worst submissions: every one reported."""
    import re

    from simulated_class import bonemets_cli

    course = tmp_path / "course"
    shutil.copytree(graded.root, course, ignore=shutil.ignore_patterns("autograded", "submitted"))
    config = (repo_root / "nbgrader_config.py").read_text() + SHORT_LIMITS_CONFIG
    (course / "nbgrader_config.py").write_text(config)
    for student in CLASS_LEVEL:
        submit(course, graded.submissions[student])
    done = bonemets_cli(
        "grade", ASSIGNMENT, "--execute", "--jobs", "2", "--course-dir", str(course), timeout=400
    )
    assert done.returncode == 1, done.stderr  # some could not be graded: said, not crashed
    assert "Traceback" not in done.stdout + done.stderr
    summary = re.search(r"(\d+) graded, (\d+) failed", done.stdout)
    assert summary is not None, done.stdout
    assert summary.groups() == ("4", "2")
    for student, reason in [("wrong_name", "notebook"), ("not_json", "JSON")]:
        line = next(x for x in done.stdout.splitlines() if f"not graded: {student}:" in x)
        assert reason in line, line
    for student in CLASS_LEVEL[:4]:
        notebook = course / "autograded" / student / ASSIGNMENT / NOTEBOOK
        assert notebook.is_file(), student
