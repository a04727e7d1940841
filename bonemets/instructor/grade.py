"""``bonemets grade ASSIGNMENT --jobs N``: autograde a class in parallel, on nbgrader's own code.

Each submission is graded by nbgrader's own ``Autograde`` converter (its sanitising steps,
then the autograde preprocessors configured in ``nbgrader_config.py``), one student per task,
in ``--jobs`` worker processes. The gradebook therefore ends exactly as ``nbgrader
autograde`` leaves it: the same code writes the same rows (tests/test_grade_identical.py).

No kernel by default. Scores come from :class:`bonemets.grading.preprocessor.ScoreItems`,
which reads the answer cells' text, so the configured execute step (any subclass of
nbconvert's ``ExecutePreprocessor``: nbgrader's ``Execute`` or a sandboxed drop-in) is left
out of the configured list; ``--execute`` keeps the list as configured, for instructors who
want the students' outputs in the autograded notebooks. Without a kernel a submission takes
a fraction of a second instead of one to two (``benchmarks/bench_grading.py``). Inside the
workers, :mod:`bonemets.instructor.nbgrader_speedups` removes work nbgrader repeats for
nothing, and nbconvert validates each notebook once per stage, not after every preprocessor.

How the gradebook is written (SQLite and PostgreSQL alike): each worker writes its own
student's rows through nbgrader's ``Gradebook``, as ``nbgrader autograde`` would, rather than
sending results to the parent to write. Reproducing nbgrader's writes in the parent
(grades, comments, ``needs_manual_grade``, timestamps, late penalties, students created on
the fly) would be a second implementation that could drift from nbgrader's; the students'
rows are disjoint, so parallel writers never touch the same row. With SQLite, concurrent
writers are serialised by SQLite's file lock: nbgrader's transactions are short (one commit
per cell), and each worker waits up to :data:`SQLITE_BUSY_SECONDS` for the lock (SQLAlchemy's
``timeout`` query parameter), which two to four workers never approach. Should a worker still
meet "database is locked", its student is graded again from the start (grading is idempotent:
nbgrader updates rows, it never adds a second submission), at most :data:`ATTEMPTS` times.
PostgreSQL needs none of this (row locks, concurrent connections).

Safe to interrupt and re-run. nbgrader writes a half-graded notebook into ``autograded/``
before it has saved the grades, and skips any submission whose ``autograded/`` folder exists,
so a killed ``nbgrader autograde`` can leave a student ungraded for good. Here each worker
points nbgrader's ``autograded`` step at a private staging folder (:data:`STAGING`) and,
only after nbgrader has finished, renames the student's folder into ``autograded/`` (a
rename is atomic on one file system). A submission is therefore either fully graded (its
folder in ``autograded/``) or not at all; a re-run grades exactly the latter, with the
same skip rule as nbgrader (already graded and not resubmitted since; ``--force`` grades
again). Rows a killed attempt wrote are overwritten by the re-run, never duplicated. One
run at a time per course (a lock file); workers die with the parent (Linux), so a re-run
never races an orphan.

One student's failure (an unreadable notebook, a kernel that dies under ``--execute``) is
isolated: nbgrader removes the half-written output, the student is reported on one line with
the reason, and the others are graded. nbgrader's full log for that student is kept in
``.bonemets-staging/.logs/``.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import logging
import os
import shutil
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from traitlets.config import Config

from bonemets import paths
from bonemets.errors import UserError
from bonemets.grading.course import CourseSite

STAGING = ".bonemets-staging"  # nbgrader's "autograded" step while a student is graded
LOGS = ".logs"  # inside STAGING: nbgrader's log of each failed student
LOCK = ".lock"  # inside STAGING: one grading run per course at a time
SQLITE_BUSY_SECONDS = 120
ATTEMPTS = 3
LOCK_WAIT_SECONDS = 30


class GradeError(UserError):
    """The class cannot be graded as asked (unknown assignment, nothing to grade...)."""


@dataclass(frozen=True)
class Outcome:
    """What became of one student's submission."""

    student: str
    graded: bool
    reason: str = ""  # one line, when not graded
    log: str = ""  # where nbgrader's full log of a failure was written


@dataclass
class Summary:
    assignment: str
    graded: list[str] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0


# --- which preprocessors run --------------------------------------------------------------
def _resolve(entry: Any) -> Any:
    if isinstance(entry, str):
        from traitlets.utils.importstring import import_item

        return import_item(entry)
    return entry


def is_execute_step(entry: Any) -> bool:
    """True for a preprocessor that runs the notebook in a kernel (nbgrader's ``Execute``, a
    sandboxed drop-in, or any other subclass of nbconvert's ``ExecutePreprocessor``)."""
    from nbconvert.preprocessors import ExecutePreprocessor

    cls = _resolve(entry)
    return isinstance(cls, type) and issubclass(cls, ExecutePreprocessor)


def configured_preprocessors(config: Config) -> list[Any]:
    """``Autograde.autograde_preprocessors`` as configured (nbgrader's default otherwise)."""
    from nbgrader.converters import Autograde

    if "autograde_preprocessors" in config.Autograde:
        return list(config.Autograde.autograde_preprocessors)
    return list(Autograde.class_traits()["autograde_preprocessors"].default())


def grading_preprocessors(config: Config, execute: bool) -> list[Any]:
    chosen = configured_preprocessors(config)
    return chosen if execute else [p for p in chosen if not is_execute_step(p)]


# --- the worker's side --------------------------------------------------------------------
def busy_tolerant(db_url: str) -> str:
    """An SQLite URL that waits for a writer's lock instead of failing at once."""
    if not db_url.startswith("sqlite") or "timeout=" in db_url:
        return db_url
    return f"{db_url}{'&' if '?' in db_url else '?'}timeout={SQLITE_BUSY_SECONDS}"


def worker_config(site: CourseSite, assignment: str, execute: bool) -> Config:
    config = Config()
    config.merge(site.config)
    config.CourseDirectory.root = str(site.root)
    config.CourseDirectory.db_url = busy_tolerant(site.db_url)
    config.CourseDirectory.assignment_id = assignment
    config.CourseDirectory.autograded_directory = STAGING
    config.Autograde.autograde_preprocessors = grading_preprocessors(site.config, execute)
    # nbconvert validates the whole notebook after every preprocessor unless told to do it
    # once, after the last: a fifth of the time of a submission without a kernel.
    config.Exporter.optimistic_validation = True
    return config


_CONFIG: Config | None = None  # set once in each worker process


def _die_with_parent() -> None:
    """Linux: this worker is killed when the process that started it dies (even by SIGKILL),
    so a re-run never meets an orphan still grading."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def prepare_process() -> None:
    """Quiet nbgrader's session warnings and install :mod:`nbgrader_speedups`."""
    import warnings

    from sqlalchemy.exc import SAWarning

    from bonemets.instructor import nbgrader_speedups

    # nbgrader's own session warnings ("not in session, add operation ... will not
    # proceed") say nothing an instructor can act on; stock autograde prints them too.
    warnings.filterwarnings("ignore", category=SAWarning)
    nbgrader_speedups.apply()


def init_worker(config: Config) -> None:
    """Start of each worker process."""
    global _CONFIG
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C: the parent stops the run
    prepare_process()
    _CONFIG = config


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        self.lines.append(f"[{record.levelname}] {message}")
        if record.levelno >= logging.ERROR:
            self.errors.append(message)


# nbgrader's closing messages, which say nothing about the cause.
_GENERIC = ("There was an error processing assignment", "Please see the")


def one_line_reason(errors: Sequence[str], exc: BaseException | None) -> str:
    """The cause of a failure in one line: the last line of nbgrader's traceback, else its
    first specific error message, else the exception."""
    for message in errors:
        if message.startswith("Traceback"):
            lines = [line for line in message.strip().splitlines() if line.strip()]
            return lines[-1].strip()[:300]
    for message in errors:
        if not message.startswith(_GENERIC):
            return (message.strip().splitlines() or [""])[0][:300]
    if exc is not None:
        return f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0]}"[:300]
    return "nbgrader reported an error"


def _run_nbgrader(config: Config, student: str) -> tuple[bool, _Records, BaseException | None]:
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory

    records = _Records()
    logger = logging.getLogger(f"bonemets.grade.{os.getpid()}")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    logger.handlers = [records]
    coursedir = CourseDirectory(config=config)
    coursedir.student_id = student
    app = Autograde(coursedir=coursedir, config=config, log=logger)
    app.force = True  # the staging folder is private; the skip rule ran in the parent
    app.create_student = True
    try:
        app.start()
    except Exception as exc:  # nbgrader raises after logging; keep the one-line cause
        return False, records, exc
    return True, records, None


def commit(root: Path, student: str, assignment: str) -> None:
    """Move a finished student's folder from staging into ``autograded/`` (atomic rename)."""
    staged = root / STAGING / student / assignment
    final = root / "autograded" / student / assignment
    final.parent.mkdir(parents=True, exist_ok=True)
    if final.exists():  # graded again (--force, or resubmitted): swap, then drop the old one
        old = root / STAGING / student / f"{assignment}.replaced"
        shutil.rmtree(old, ignore_errors=True)
        final.rename(old)
        staged.rename(final)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staged.rename(final)
    with contextlib.suppress(OSError):
        staged.parent.rmdir()  # the student's staging folder, empty unless another assignment


def grade_student(student: str, config: Config | None = None) -> Outcome:
    """Grade one submission with nbgrader's ``Autograde``; move it into place when done."""
    config = config if config is not None else _CONFIG
    assert config is not None, "init_worker() was not called"
    root = Path(config.CourseDirectory.root)
    assignment = str(config.CourseDirectory.assignment_id)
    staged = root / STAGING / student / assignment
    records = _Records()
    exc: BaseException | None = None
    for _ in range(ATTEMPTS):
        shutil.rmtree(staged, ignore_errors=True)  # left by a killed run: start clean
        ok, records, exc = _run_nbgrader(config, student)
        if ok:
            commit(root, student, assignment)
            return Outcome(student, graded=True)
        if not any("database is locked" in message for message in records.errors):
            break
    shutil.rmtree(staged, ignore_errors=True)
    log = root / STAGING / LOGS / assignment / f"{student}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text("\n".join(records.lines) + "\n", encoding="utf-8")
    return Outcome(student, False, one_line_reason(records.errors, exc), str(log))


# --- the parent's side --------------------------------------------------------------------
def submissions(root: Path, assignment: str) -> list[str]:
    """Students with a submission of ``assignment`` (a notebook in submitted/<id>/<a>/)."""
    folder = root / "submitted"
    if not folder.is_dir():
        return []
    return sorted(
        path.name
        for path in folder.iterdir()
        if path.is_dir() and any((path / assignment).glob("*.ipynb"))
    )


def already_graded(site: CourseSite, student: str, assignment: str) -> bool:
    """nbgrader's skip rule: graded, and not resubmitted since (``init_destination``)."""
    from nbgrader.coursedir import CourseDirectory

    graded = site.root / "autograded" / student / assignment
    if not graded.exists():
        return False
    coursedir = CourseDirectory(config=site.config)
    new = coursedir.get_existing_timestamp(str(site.root / "submitted" / student / assignment))
    old = coursedir.get_existing_timestamp(str(graded))
    return not (new is not None and old is not None and new > old)


def check_assignment(site: CourseSite, assignment: str) -> None:

    from bonemets.instructor.gradebook_access import open_checked

    course_id = site.course_id
    known = open_checked(site.db_url, course_id)
    if assignment not in known:
        listed = ", ".join(known) or "none yet (run `bonemets register`)"
        raise GradeError(f"unknown assignment {assignment!r}; the gradebook has: {listed}")
    if not any((site.root / "source" / assignment).glob("*.ipynb")):
        raise GradeError(
            f"no source notebook in {site.root / 'source' / assignment}: nbgrader needs it to "
            f"grade (run `bonemets release {assignment}`)"
        )


BACKUP = "gradebook-before-grading.db"  # inside STAGING: the SQLite gradebook as it was


def sqlite_file(db_url: str) -> Path | None:
    """The file of an SQLite gradebook (None for another database or an in-memory one)."""
    from sqlalchemy.engine import make_url

    url = make_url(db_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


@contextlib.contextmanager
def sqlite_safeguard(root: Path, db_url: str) -> Iterator[None]:
    """Workers commit to SQLite without waiting for the disk (:mod:`nbgrader_speedups`):
    copy the gradebook first (SQLite's backup API: a consistent copy), and flush it to disk
    when the run ends, so only a machine crash during the run could need the copy."""
    import sqlite3

    path = sqlite_file(db_url)
    if path is None or not path.exists():
        yield
        return
    backup = root / STAGING / BACKUP
    with (
        contextlib.closing(sqlite3.connect(path)) as source,
        contextlib.closing(sqlite3.connect(backup)) as copy,
    ):
        source.backup(copy)
    try:
        yield
    finally:
        with path.open("rb+") as handle:
            os.fsync(handle.fileno())


@contextlib.contextmanager
def course_lock(root: Path) -> Iterator[None]:
    """One grading run per course at a time (a killed run's lock goes with its processes)."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock; don't run two at once
        yield
        return
    path = root / STAGING / LOCK
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as handle:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise GradeError(
                        f"another `bonemets grade` is running on {root}; wait for it to finish"
                    ) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def warm_up(config: Config) -> None:
    """Import nbgrader's converter and every configured preprocessor, and load the item bank,
    before the workers fork: each starts with them loaded instead of loading them again."""
    from nbgrader.converters import Autograde  # noqa: F401

    from bonemets.assessment.bank import load_items

    for entry in config.Autograde.autograde_preprocessors:
        _resolve(entry)
    load_items()


def _pool(jobs: int, config: Config) -> ProcessPoolExecutor:
    import multiprocessing

    # fork: workers start at once with nbgrader already imported (Linux, macOS); spawn
    # where fork does not exist.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context(method),
        initializer=init_worker,
        initargs=(config,),
    )


def run_parallel(
    students: Sequence[str], jobs: int, config: Config, progress: Any
) -> list[Outcome]:
    """Grade ``students`` in ``jobs`` processes. A worker that dies breaks the pool: the
    students not finished are reported as not graded, and a re-run grades them."""
    outcomes: list[Outcome] = []
    if jobs == 1:
        prepare_process()
        for student in students:
            outcomes.append(grade_student(student, config))
            progress(outcomes[-1])
        return outcomes
    warm_up(config)
    pool = _pool(jobs, config)
    try:
        pending: dict[Future[Outcome], str] = {pool.submit(grade_student, s): s for s in students}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                student = pending.pop(future)
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    outcome = Outcome(student, False, "the grading process stopped unexpectedly")
                except Exception as exc:
                    outcome = Outcome(student, False, one_line_reason([], exc))
                outcomes.append(outcome)
                progress(outcome)
    except KeyboardInterrupt:
        # Don't wait for the queue: what is done is committed, the rest is graded next run.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return outcomes


def grade_class(
    site: CourseSite,
    assignment: str,
    jobs: int = 2,
    execute: bool = False,
    students: Sequence[str] = (),
    force: bool = False,
    show_progress: bool = True,
) -> Summary:
    """Grade every submission of ``assignment`` (or the ``students`` named) in ``site``."""
    from tqdm import tqdm  # type: ignore[import-untyped]

    if jobs < 1:
        raise GradeError("--jobs must be at least 1")
    paths.venv_scripts_on_path()  # workers inherit it
    check_assignment(site, assignment)
    found = submissions(site.root, assignment)
    if students:
        missing = sorted(set(students) - set(found))
        if missing:
            raise GradeError(f"no submission of {assignment} from: {', '.join(missing)}")
        found = [s for s in found if s in set(students)]
    summary = Summary(assignment)
    start = time.perf_counter()
    with course_lock(site.root), sqlite_safeguard(site.root, site.db_url):
        to_grade = []
        for student in found:
            if not force and already_graded(site, student, assignment):
                summary.skipped.append(student)
            else:
                to_grade.append(student)
        config = worker_config(site, assignment, execute)
        tqdm.monitor_interval = 0  # no monitor thread: workers are forked while the bar runs
        with tqdm(
            total=len(to_grade), desc=assignment, unit="submission", disable=not show_progress
        ) as bar:

            def progress(outcome: Outcome) -> None:
                bar.update(1)
                if not outcome.graded:
                    bar.write(f"failed {outcome.student}: {outcome.reason}", file=sys.stderr)

            outcomes = run_parallel(to_grade, min(jobs, max(1, len(to_grade))), config, progress)
    for outcome in sorted(outcomes, key=lambda o: o.student):
        if outcome.graded:
            summary.graded.append(outcome.student)
        else:
            summary.failed.append(outcome)
    summary.seconds = time.perf_counter() - start
    return summary


def report(summary: Summary, site: CourseSite) -> str:
    from bonemets.instructor.gradebook_access import shown_url

    lines = [
        f"{summary.assignment}: {len(summary.graded)} graded, {len(summary.failed)} failed, "
        f"{len(summary.skipped)} skipped (already graded) in {summary.seconds:.1f} s"
    ]
    for outcome in summary.failed:
        where = f" (nbgrader's log: {outcome.log})" if outcome.log else ""
        lines.append(f"  not graded: {outcome.student}: {outcome.reason}{where}")
    if summary.skipped:
        lines.append("  skipped students were graded before; --force grades them again")
    lines.append(f"gradebook: {shown_url(site.db_url)}")
    lines.append(f"autograded notebooks: {site.root / 'autograded'}")
    return "\n".join(lines)


def grade(args: argparse.Namespace) -> int:
    """The ``bonemets grade`` command."""
    from bonemets.grading.course import course_site

    site = course_site(args.course_dir)
    try:
        summary = grade_class(
            site,
            args.assignment,
            jobs=args.jobs,
            execute=args.execute,
            students=args.student or (),
            force=args.force,
        )
    except KeyboardInterrupt:
        print(
            "bonemets grade: interrupted; what was graded is kept. Run the same command "
            "again to grade the rest.",
            file=sys.stderr,
        )
        return 130
    print(report(summary, site))
    return 1 if summary.failed else 0
