"""Run a student's notebook in a sandbox: nbgrader's ``Execute``, with limits and no reach.

:class:`SandboxedExecute` replaces ``nbgrader.preprocessors.Execute`` in
``nbgrader_config.py``, so ``nbgrader autograde``, formgrader's Autograde button and
``bonemets grade --execute`` all run student code through it. Scores never depend on it:
:class:`bonemets.grading.preprocessor.ScoreItems` reads answers from cell source afterwards.
Execution only records outputs for the grader to read, so whatever the student's code does,
the notebook reaches ``ScoreItems`` with its sources untouched.

How (docs/security.md has the table of attacks and what stops each):

- The whole execution (nbclient and the kernel) runs in a child process,
  :mod:`bonemets.grading.sandbox_runner`, inside **bubblewrap** (``bwrap``, Debian package
  ``bubblewrap``): new network namespace (only loopback, where kernel and client talk), new
  PID namespace (killing it kills every process the student started), a file-system view
  made of the read-only Python installation and ``bonemets`` package, a read-only copy of the
  submission's files, and a small writable tmpfs as the notebook's scratch folder. The course
  directory (``source/``, ``submitted/``, the gradebook, other students), the answer keys in
  ``course_data/assessment/`` and the home folder are not in that view at all.
- **rlimits** set before the child starts (CPU seconds, address space, file size, open files,
  no core dumps) and by the runner before the kernel starts (number of processes).
- A **different, unprivileged user**: when the grader runs as root (CI, a root grading
  service), the runner drops to ``sandbox_user`` (``nobody`` by default) before it starts the
  kernel. Root ignores ``RLIMIT_NPROC``, so without this a fork bomb would be unbounded.
  Run as an ordinary user (an instructor's JupyterHub server), bubblewrap uses an
  unprivileged user namespace instead and the limits apply to that user.
- The parent enforces a wall-clock limit per notebook and a cap on the bytes it reads back,
  and kills the sandbox's process group past either. The runner enforces the per-cell time
  limit (nbgrader's ``Execute.timeout``: interrupt, then record a timeout error) and the cap
  on outputs (further output is dropped and the kernel interrupted).
- Only *outputs* come back: the runner streams one JSON line per executed cell; the parent
  checks each against nbformat's schema and copies it onto its own copy of the notebook.
  Sources and metadata are never taken from the sandbox.

Why bubblewrap rather than ``unshare`` or a user alone: one unprivileged binary builds the
namespaces and the file-system view, works as root (CI here, a root grading service) and,
through user namespaces, as an ordinary user on a JupyterHub host (Debian and Ubuntu allow
these by default; Ubuntu 24.04's AppArmor restriction needs its ``bwrap`` profile). A user
alone gives no network or process isolation, and rlimits alone no file-system isolation.

Where bubblewrap is missing or cannot create namespaces (a laptop without user namespaces,
a container whose seccomp profile forbids them) the notebook still runs in a child process
with the same rlimits, time and output limits, as ``sandbox_user`` when root, and a warning
is logged: *reduced protection*, no network or file-system isolation. With ``CI`` set, or
``BONEMETS_REQUIRE_SANDBOX=1`` (``.ci/run``), or ``require_sandbox = True``, a missing
sandbox is an error instead.
"""

from __future__ import annotations

import json
import os
import pwd
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import nbformat
from nbformat.notebooknode import NotebookNode, from_dict
from nbgrader.preprocessors import Execute
from traitlets import Bool, Integer, Unicode, default

from bonemets.errors import UserError

IN_CI_VALUES = {"1", "true", "yes"}
RUNNER_MODULE = "bonemets.grading.sandbox_runner"
#: The ename of every error the sandbox writes into a cell (not one a kernel raises).
SANDBOX_ERROR = "SandboxStopped"
MB = 1024 * 1024
# Sandbox users when the grader is root: one per grading process, so that RLIMIT_NPROC (which
# counts a user's processes across the machine) is not shared by parallel graders. Far above
# Debian's user ranges and the usual subordinate-uid ranges (100000-165535 for the first).
UID_BASE = 1_500_000_000
UID_SPAN = 1_000_000


class SandboxUnavailable(RuntimeError):
    """bubblewrap is missing or cannot run here, and the configuration requires it."""


def in_ci() -> bool:
    """CI (``CI=true``, or ``BONEMETS_REQUIRE_SANDBOX=1`` as ``.ci/run`` sets): no fallback."""
    return any(
        os.environ.get(name, "").lower() in IN_CI_VALUES
        for name in ("CI", "BONEMETS_REQUIRE_SANDBOX")
    )


def stopped_output(reason: str) -> NotebookNode:
    """An error output in plain words: what stopped this cell."""
    output: NotebookNode = from_dict(
        {"output_type": "error", "ename": SANDBOX_ERROR, "evalue": reason, "traceback": [reason]}
    )
    return output


@dataclass(frozen=True)
class Limits:
    """What one notebook's execution may use (the runner reads these from its spec)."""

    cell_seconds: int
    notebook_seconds: int
    cpu_seconds: int
    memory_mb: int
    processes: int
    output_bytes: int
    scratch_mb: int

    def rlimits(self) -> dict[int, int]:
        """Limits set before the sandbox starts (inherited by the runner and the kernel)."""
        return {
            resource.RLIMIT_CPU: self.cpu_seconds,
            resource.RLIMIT_AS: self.memory_mb * MB,
            resource.RLIMIT_FSIZE: max(self.scratch_mb, 1) * MB,
            resource.RLIMIT_NOFILE: 256,
            resource.RLIMIT_CORE: 0,
        }


@dataclass
class Outcome:
    """What happened to one notebook's execution, for the log and the tests."""

    isolated: bool
    finished: bool = False
    reason: str = ""
    cells_reported: int = 0
    seconds: float = 0.0
    stderr_tail: str = ""
    notes: list[str] = field(default_factory=list)


# --- Can bubblewrap run here? ------------------------------------------------------------


@cache
def bwrap_problem() -> str | None:
    """None when bubblewrap can build the sandbox here, else why not (probed once)."""
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return "bubblewrap (bwrap) is not installed (Debian: apt-get install bubblewrap)"
    probe = [bwrap, *namespace_flags(), "--ro-bind", "/", "/", "--", "true"]
    try:
        done = subprocess.run(probe, capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bubblewrap could not start: {exc}"
    if done.returncode != 0:
        return "bubblewrap cannot create namespaces here: " + done.stderr.strip()[:300]
    return None


def namespace_flags() -> list[str]:
    flags = ["--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts"]
    flags += ["--unshare-cgroup-try", "--die-with-parent", "--new-session"]
    if os.geteuid() != 0:
        flags.insert(0, "--unshare-user")
    return flags


# --- The file-system view ------------------------------------------------------------------

SYSTEM_DIRS = ("/usr", "/lib", "/lib32", "/lib64", "/bin", "/sbin")
# What programs read from /etc: the loader cache, names of users, locale and time zone,
# certificates. Not /etc as a whole (a host's /etc may hold secrets readable by the grader).
ETC_FILES = (
    "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/passwd", "/etc/group", "/etc/nsswitch.conf",
    "/etc/localtime", "/etc/hosts", "/etc/ssl", "/etc/ca-certificates", "/etc/alternatives",
    "/etc/fonts", "/etc/matplotlibrc", "/etc/mime.types",
)  # fmt: skip


def _ancestor_or_same(parent: Path, child: Path) -> bool:
    return child == parent or parent in child.parents


def readable_roots(hidden: list[Path]) -> list[Path]:
    """Folders the kernel needs read-only: the Python installation, the venv, ``bonemets``.

    A folder that contains a hidden one (the course directory, the answer keys) is never
    bound whole; see :func:`bwrap_command` for how hidden folders inside bound ones go.
    """
    import bonemets

    wanted = [Path(sys.base_prefix), Path(sys.prefix), Path(bonemets.__file__).parent]
    wanted += [Path(p) for p in sys.path if p and "site-packages" in p]
    roots: list[Path] = []
    for path in (p.resolve() for p in wanted):
        if not path.is_dir() or any(_ancestor_or_same(path, h) for h in hidden):
            continue
        if any(_ancestor_or_same(r, path) for r in roots):
            continue
        roots = [r for r in roots if not _ancestor_or_same(path, r)] + [path]
    return sorted(roots)


def bwrap_command(
    runner: list[str], submission_files: Path, scratch: str, limits: Limits, hidden: list[Path]
) -> list[str]:
    """The ``bwrap`` command line that runs ``runner`` in the sandbox."""
    command = [shutil.which("bwrap") or "bwrap", *namespace_flags()]
    roots = [
        r
        for r in readable_roots(hidden)
        if not any(_ancestor_or_same(Path(s), r) for s in SYSTEM_DIRS)
    ]
    # A private /tmp first: mounted after the binds it would hide a venv or course that
    # lives under /tmp (a CI clone in /tmp/..., say).
    command += ["--perms", "1777", "--size", str(16 * MB), "--tmpfs", "/tmp"]
    # bwrap makes missing parent folders root-only: open them so the sandbox user can pass.
    parents = {
        p for r in [*roots, Path(scratch)] for p in r.parents if p not in (Path("/"), Path("/tmp"))
    }
    parents.add(Path("/etc"))
    for parent in sorted(parents, key=lambda p: len(p.parts)):
        command += ["--perms", "0755", "--dir", str(parent)]
    for name in SYSTEM_DIRS:
        path = Path(name)
        if path.is_symlink():
            command += ["--symlink", os.readlink(path), name]
        elif path.is_dir():
            command += ["--ro-bind", name, name]
    for name in ETC_FILES:
        if name not in ("/etc/passwd", "/etc/group"):
            command += ["--ro-bind-try", name, name]
    # The host's user names stay outside; the sandbox user is named "student".
    for name in ("passwd", "group"):
        command += ["--ro-bind", str(submission_files.parent / name), f"/etc/{name}"]
    for root in roots:
        command += ["--ro-bind", str(root), str(root)]
    command += ["--proc", "/proc", "--dev", "/dev"]
    # Hidden folders that sit inside a bound one (keys in an installed package): emptied.
    visible = [*map(Path, SYSTEM_DIRS), *roots]
    for path in hidden:
        if path.exists() and any(_ancestor_or_same(r, path) for r in visible):
            mask = ["--tmpfs"] if path.is_dir() else ["--ro-bind", "/dev/null"]
            command += [*mask, str(path)]
    command += ["--ro-bind", str(submission_files), "/submission"]
    command += ["--size", str(limits.scratch_mb * MB), "--tmpfs", scratch]
    command += ["--chdir", scratch]
    if os.geteuid() == 0:  # the runner drops to sandbox_user itself (needs these two only)
        command += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    return [*command, "--", *runner]


# --- The sandboxed preprocessor --------------------------------------------------------------


def _copy_submission_files(folder: Path | None, into: Path, max_bytes: int) -> None:
    """Regular files of the notebook's folder (never a symlink or its target), up to a size."""
    into.mkdir(parents=True, exist_ok=True)
    if folder is None or not folder.is_dir():
        return
    total = 0
    for parent, dirs, names in os.walk(folder):  # does not follow symlinked folders
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(parent) / name
            try:
                info = path.lstat()
            except OSError:
                continue
            if not stat.S_ISREG(info.st_mode) or path.suffix == ".ipynb":
                continue
            total += info.st_size
            if total > max_bytes:
                return
            target = into / path.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target, follow_symlinks=False)


def _others_can_use_python() -> bool:
    """Whether a user of no group can reach and read the Python and packages in use."""
    import bonemets

    for folder in (Path(sys.base_prefix), Path(sys.prefix), Path(bonemets.__file__).parent):
        for path in [folder.resolve(), *folder.resolve().parents]:
            mode = path.stat().st_mode
            if not mode & stat.S_IXOTH or (path == folder.resolve() and not mode & stat.S_IROTH):
                return False
    return True


def _write_user_files(work: Path, ids: tuple[int, int]) -> None:
    uid, gid = ids
    (work / "passwd").write_text(
        f"root:x:0:0:root:/root:/usr/sbin/nologin\nstudent:x:{uid}:{gid}:student:"
        "/home/student/work:/usr/sbin/nologin\n"
    )
    (work / "group").write_text(f"root:x:0:\nstudent:x:{gid}:\n")


def _validated_outputs(outputs: Any) -> list[NotebookNode] | None:
    """Outputs that are valid nbformat 4 outputs, or None (then none are kept)."""
    if not isinstance(outputs, list):
        return None
    nodes = [from_dict(o) for o in outputs]
    try:
        probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=nodes)])
        nbformat.validate(probe)
    except (nbformat.ValidationError, nbformat.validator.NotebookValidationError):
        return None
    return nodes


class SandboxedExecute(Execute):
    """nbgrader's ``Execute``, run in a bubblewrap sandbox with limits (module docstring).

    Per-cell wall time is ``Execute.timeout`` (nbgrader's, configured as before).
    """

    notebook_timeout = Integer(300, help="Wall-clock seconds for a whole notebook.").tag(
        config=True
    )
    cpu_seconds = Integer(120, help="CPU seconds for each process of the sandbox.").tag(config=True)
    memory_mb = Integer(2048, help="Address space of each process (runner, kernel), in MiB.").tag(
        config=True
    )
    max_processes = Integer(
        128, help="Processes and threads the sandbox's user may have (RLIMIT_NPROC)."
    ).tag(config=True)
    output_bytes = Integer(
        2 * MB, help="Bytes of output kept for a whole notebook; more is dropped."
    ).tag(config=True)
    scratch_mb = Integer(64, help="Size of the writable scratch folder (and of any file).").tag(
        config=True
    )
    sandbox_user = Unicode(
        "",
        help="The unprivileged user student code runs as when the grader is root. Default: "
        "a uid of its own per grading process (UID_BASE + pid), in no group, owning no file.",
    ).tag(config=True)
    require_sandbox = Bool(
        help="Refuse to run without bubblewrap (default: when the CI variable is set)."
    ).tag(config=True)
    hidden_paths = Unicode(
        "", help="Extra folders or files to hide from student code (os.pathsep-separated)."
    ).tag(config=True)

    @default("require_sandbox")
    def _require_in_ci(self) -> bool:
        return in_ci()

    last_outcome: Outcome | None = None

    def limits(self) -> Limits:
        return Limits(
            cell_seconds=int(self.timeout or 30),
            notebook_seconds=self.notebook_timeout,
            cpu_seconds=self.cpu_seconds,
            memory_mb=self.memory_mb,
            processes=self.max_processes,
            output_bytes=self.output_bytes,
            scratch_mb=self.scratch_mb,
        )

    def hidden(self, notebook_dir: Path | None) -> list[Path]:
        """What student code must never see, even where it sits inside a bound folder."""
        from bonemets import paths

        found: list[Path] = [Path.home()]
        # An installed package may have no course folder: then there is nothing to hide there.
        with suppress(UserError):
            found.append(paths.repo_root())
        with suppress(UserError):
            found += [paths.course_data(), paths.course_data() / "assessment"]
        if notebook_dir is not None:  # autograded/<student>/<assignment>: the course is above
            found += [notebook_dir, *list(notebook_dir.parents)[:3]]
        found += [Path(p) for p in self.hidden_paths.split(os.pathsep) if p]
        return [p.resolve() for p in found if str(p) not in ("/", "")]

    def sandbox_ids(self) -> tuple[int, int] | None:
        if os.geteuid() != 0:
            return None
        if not self.sandbox_user:
            uid = UID_BASE + os.getpid() % UID_SPAN
            return uid, uid
        entry = pwd.getpwnam(self.sandbox_user)
        return entry.pw_uid, entry.pw_gid

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        problem = bwrap_problem()
        if problem and self.require_sandbox:
            raise SandboxUnavailable(
                f"{problem}. Student code is not run without the sandbox in CI "
                "(SandboxedExecute.require_sandbox)."
            )
        if problem:
            self.log.warning(
                "Running student code WITHOUT the sandbox (%s): reduced protection, only time, "
                "CPU, memory, process and output limits; no network or file-system isolation.",
                problem,
            )
        path = (resources.get("metadata") or {}).get("path")
        notebook_dir = Path(path).resolve() if path else None
        start = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="bonemets-sandbox-") as work:
            files = Path(work) / "files"
            _copy_submission_files(notebook_dir, files, self.scratch_mb * MB // 2)
            _write_user_files(Path(work), self.sandbox_ids() or (os.getuid(), os.getgid()))
            os.chmod(work, 0o755)
            for folder in [files, *files.rglob("*")]:
                os.chmod(folder, 0o755 if folder.is_dir() else 0o644)
            outcome = self._run(nb, files, notebook_dir, isolated=problem is None)
        outcome.seconds = time.monotonic() - start
        self.last_outcome = outcome
        resources["sandbox"] = asdict(outcome)  # plain data: resources may be copied or pickled
        if outcome.finished:
            self.log.info("Sandboxed execution finished in %.1f s", outcome.seconds)
        else:
            self.log.warning("Student code stopped: %s", outcome.reason)
        return nb, resources

    # The parent side of the runner's protocol: a JSON spec in, one JSON line per cell out.
    def _run(
        self, nb: NotebookNode, files: Path, notebook_dir: Path | None, isolated: bool
    ) -> Outcome:
        limits = self.limits()
        ids = self.sandbox_ids()
        if not isolated and ids is not None and not _others_can_use_python():
            self.log.warning(
                "Without the sandbox, student code runs as the grader (root): another user "
                "cannot read this Python installation (%s)",
                sys.base_prefix,
            )
            ids = None
        scratch = "/home/student/work" if isolated else str(files.parent / "scratch")
        spec = {
            "notebook": nb,
            "limits": limits.__dict__,
            "uid_gid": ids,
            "files": "/submission" if isolated else str(files),
            "scratch": scratch,
            "kernel_name": self.kernel_name or "",
            "extra_arguments": list(self.extra_arguments),
            "isolated": isolated,
        }
        runner = [sys.executable, "-m", RUNNER_MODULE]
        env = self._environment(scratch)
        if isolated:
            hidden = self.hidden(notebook_dir)
            command = bwrap_command(runner, files, scratch, limits, hidden)
            command[1:1] = ["--clearenv"] + [a for k, v in env.items() for a in ("--setenv", k, v)]
        else:
            Path(scratch).mkdir()
            if ids is not None:
                os.chown(scratch, *ids)
            command = runner
        outcome = Outcome(isolated=isolated)
        code_cells = {i for i, c in enumerate(nb.cells) if c.cell_type == "code"}
        reported: set[int] = set()

        def apply(line: bytes) -> None:
            try:
                message = json.loads(line)
            except ValueError:
                outcome.notes.append("an unreadable line from the sandbox was ignored")
                return
            if not isinstance(message, dict):
                return
            if message.get("done"):
                outcome.finished = not message.get("reason")
                outcome.reason = str(message.get("reason") or "")[:500]
                return
            index = message.get("cell")
            if not isinstance(index, int) or index not in code_cells or index in reported:
                return
            outputs = _validated_outputs(message.get("outputs"))
            cell = nb.cells[index]
            cell.outputs = outputs if outputs is not None else [stopped_output("Outputs removed")]
            count = message.get("execution_count")
            cell.execution_count = count if isinstance(count, int) else None
            reported.add(index)

        with tempfile.TemporaryFile() as stderr:
            status = self._stream(command, spec, limits, ids, isolated, env, stderr, apply)
            stderr.seek(0)
            outcome.stderr_tail = stderr.read()[-4000:].decode("utf-8", "replace")
        outcome.cells_reported = len(reported)
        if status and not outcome.reason:
            outcome.reason = status
        if not outcome.finished and not outcome.reason:
            outcome.reason = "the sandbox ended before the notebook finished"
        if status:  # killed from here, or it crashed: say so where it stopped
            unreported = sorted(code_cells - reported)
            if unreported:  # the cell that was running when it stopped
                nb.cells[unreported[0]].outputs = [stopped_output(self._plain(outcome.reason))]
        if outcome.reason and "could not be run" in outcome.reason:
            self.log.error("Sandbox log:\n%s", outcome.stderr_tail)
        return outcome

    @staticmethod
    def _plain(reason: str) -> str:
        return f"The course stopped running this notebook here: {reason}."

    def _environment(self, scratch: str) -> dict[str, str]:
        env = {
            "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
            "HOME": scratch,
            "LANG": "C.UTF-8",
            "MPLBACKEND": "Agg",
            "NBGRADER_EXECUTION": "autograde",
            "JUPYTER_RUNTIME_DIR": "/tmp/runtime",
            "JUPYTER_DATA_DIR": "/tmp/jupyter-data",
            "JUPYTER_CONFIG_DIR": "/tmp/jupyter-config",
            "IPYTHONDIR": "/tmp/ipython",
            "MPLCONFIGDIR": "/tmp/matplotlib",
            "MALLOC_ARENA_MAX": "2",
            "OPENBLAS_NUM_THREADS": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
            "BONEMETS_PREWARM": "0",
        }
        return env

    def _stream(
        self,
        command: list[str],
        spec: dict[str, Any],
        limits: Limits,
        ids: tuple[int, int] | None,
        isolated: bool,
        env: dict[str, str],
        stderr: Any,
        apply: Callable[[bytes], None],
    ) -> str:
        """Run ``command``, feed it ``spec``, apply each line it prints; '' or why it stopped."""
        rlimits = limits.rlimits()

        def before_exec() -> None:  # in the child, between fork and exec
            for which, value in rlimits.items():
                resource.setrlimit(which, (value, value))

        child_env = env if not isolated else {"PATH": env["PATH"]}
        if not isolated:
            child_env = {**os.environ, **env}
            for name in ("JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR"):
                child_env[name] = str(Path(spec["scratch"]) / name.lower())
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            env=child_env,
            cwd="/" if isolated else spec["scratch"],
            preexec_fn=before_exec,
            start_new_session=True,
        )
        deadline = time.monotonic() + limits.notebook_seconds + 15  # + kernel start-up
        budget = {"bytes": limits.output_bytes * 2 + 4 * MB, "over": False}

        def read() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                budget["bytes"] -= len(line)
                if budget["bytes"] < 0:
                    budget["over"] = True
                    _kill(process)
                    return
                apply(line)

        def write() -> None:
            assert process.stdin is not None
            try:
                process.stdin.write(json.dumps(spec).encode())
                process.stdin.close()
            except OSError:
                pass

        threads = [threading.Thread(target=f, daemon=True) for f in (write, read)]
        for thread in threads:
            thread.start()
        status = ""
        try:
            process.wait(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            status = f"it ran longer than the {limits.notebook_seconds} seconds a notebook may"
            _kill(process)
        finally:
            _kill(process)  # whatever the student left behind in its session
            process.wait()
            # No PID namespace: the kernel has its own session. Only a uid of its own (never
            # a named user such as nobody, whose other processes are not ours to kill).
            if not isolated and ids is not None and ids[0] >= UID_BASE:
                _kill_user(ids)
            for thread in threads:
                thread.join(timeout=10)
        if budget["over"]:
            status = "it printed more output than the course keeps"
        elif not status and process.returncode not in (0, None):
            status = f"the sandbox ended with status {process.returncode}"
        return status


def _kill_user(ids: tuple[int, int]) -> None:
    """Kill every process of the sandbox's own uid (``kill -1`` run as that uid)."""
    with suppress(OSError, subprocess.SubprocessError):
        subprocess.run(
            ["kill", "-KILL", "-1"],
            user=ids[0],
            group=ids[1],
            extra_groups=[],
            check=False,
            timeout=10,
            capture_output=True,
        )


def _kill(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the sandbox's whole session (bwrap's PID namespace dies with it)."""
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
