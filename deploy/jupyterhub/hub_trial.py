"""A throwaway course hub on 127.0.0.1: `make hub-trial` starts it, `make hub-stop` removes it.

    sudo .venv/bin/python deploy/jupyterhub/hub_trial.py up     # accounts, course, hub
    sudo .venv/bin/python deploy/jupyterhub/hub_trial.py down   # stop, remove all it made

Everything it creates is recorded in STATE/trial.json as it goes, so `down` removes exactly
that (system accounts with their homes, the state folder) even after a failed `up`. The hub
runs jupyterhub_config.py beside this file, unchanged, with its settings given as
environment variables. The test tests/hub/ drives the same functions.

The two Python environments are thin: a venv without packages whose .pth file points at the
repository's .venv (third-party packages only; the editable `bonemets` is not visible
there). The instructors' one adds the course directory (full `bonemets`, item bank); the
students' one gets the student wheel (`make student-wheel`) when the repository can build it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CONFIG = HERE / "jupyterhub_config.py"
DEFAULT_STATE = Path("/var/tmp/bonemets-hub-trial")
# What the course directory needs from the repository (the grader's copy).
COURSE_PARTS = ("bonemets", "course_data", "source", "release", "nbgrader_config.py")
SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
PYTHON_TAG = f"python{sys.version_info.major}.{sys.version_info.minor}"


class TrialError(RuntimeError):
    """A trial cannot start here; the message says why in one line."""


@dataclass
class Trial:
    """One trial hub: its accounts, folders and ports (saved as STATE/trial.json)."""

    state: str
    course_id: str = "bonemets"
    prefix: str = "bmtrial"
    students: list[str] = field(default_factory=list)
    instructors: list[str] = field(default_factory=list)
    grader: str = ""
    password: str = ""
    port: int = 8000
    hub_api_port: int = 0
    proxy_api_port: int = 0
    formgrader_port: int = 0
    created_users: list[str] = field(default_factory=list)
    hub_pid: int = 0

    @property
    def root(self) -> Path:
        return Path(self.state)

    @property
    def exchange(self) -> Path:
        return self.root / "exchange"

    @property
    def course_dir(self) -> Path:
        return Path(pwd.getpwnam(self.grader).pw_dir) / self.course_id

    @property
    def hub_dir(self) -> Path:
        return self.root / "hub"

    @property
    def log(self) -> Path:
        return self.hub_dir / "jupyterhub.log"

    def env_python(self, side: str) -> Path:
        return self.root / "envs" / side / "bin" / "python"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def save(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "trial.json").write_text(json.dumps(asdict(self), indent=2))

    @classmethod
    def load(cls, state: Path) -> Trial:
        return cls(**json.loads((state / "trial.json").read_text()))

    def hub_environment(self) -> dict[str, str]:
        """The ADAPT settings of jupyterhub_config.py, as environment variables."""
        return {
            "BONEMETS_COURSE_ID": self.course_id,
            "BONEMETS_INSTRUCTORS": " ".join(self.instructors),
            "BONEMETS_STUDENTS": " ".join(self.students),
            "BONEMETS_GRADER": self.grader,
            "BONEMETS_COURSE_DIR": str(self.course_dir),
            "BONEMETS_EXCHANGE": str(self.exchange),
            "BONEMETS_INSTRUCTOR_PYTHON": str(self.env_python("instructor")),
            "BONEMETS_STUDENT_PYTHON": str(self.env_python("student")),
            "BONEMETS_AUTHENTICATOR": "shared-password",
            "BONEMETS_TRIAL_PASSWORD": self.password,
            "BONEMETS_HUB_PORT": str(self.port),
            "BONEMETS_HUB_API_PORT": str(self.hub_api_port),
            "BONEMETS_PROXY_API_PORT": str(self.proxy_api_port),
            "BONEMETS_FORMGRADER_PORT": str(self.formgrader_port),
            "BONEMETS_HUB_STATE": str(self.hub_dir),
        }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run a command; a failure raises TrialError with its output."""
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload]
    if done.returncode != 0:
        raise TrialError(f"{' '.join(command)} failed: {(done.stderr or done.stdout).strip()}")
    return done  # type: ignore[no-any-return]


def proxy_command() -> str | None:
    return shutil.which("configurable-http-proxy") or next(
        (str(p) for p in [REPO / "node_modules/.bin/configurable-http-proxy"] if p.exists()),
        None,
    )


def missing_tools() -> str | None:
    """Why a trial cannot run on this machine, or None when it can."""
    if os.geteuid() != 0:
        return "the hub must run as root (it starts each user's server as their own account)"
    for tool in ("useradd", "userdel", "runuser"):
        if shutil.which(tool) is None:
            return f"{tool} is missing (Debian: the passwd and util-linux packages)"
    if proxy_command() is None:
        return "configurable-http-proxy is missing: run `npm ci` in the repository"
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        return "jupyterhub is not installed in this environment (`make setup`)"
    return None


# ---- accounts --------------------------------------------------------------------------


def create_account(trial: Trial, name: str) -> None:
    try:
        pwd.getpwnam(name)
    except KeyError:
        pass
    else:
        raise TrialError(f"a system account {name!r} already exists; choose another prefix")
    trial.created_users.append(name)  # recorded first: `down` removes even a half-made one
    trial.save()
    run(["useradd", "--create-home", "--user-group", "--shell", "/bin/bash", name])
    # Homes closed to everyone else: a student's answers and feedback are theirs alone.
    os.chmod(pwd.getpwnam(name).pw_dir, 0o700)


def remove_account(name: str) -> None:
    """Stop the account's processes (ours: the trial started them), then delete it."""
    try:
        uid = pwd.getpwnam(name).pw_uid
    except KeyError:
        return
    deadline = time.monotonic() + 10
    while (running := processes_of(uid)) and time.monotonic() < deadline:
        for pid in running:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.1)
    run(["userdel", "--remove", "--force", name])


def processes_of(uid: int) -> list[int]:
    """Living process ids of one (throwaway) account, read from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid and alive(int(entry.name)):
                    found.append(int(entry.name))
            except FileNotFoundError:
                continue
    return found


# ---- environments ----------------------------------------------------------------------


def base_site_packages() -> Path:
    return Path(sysconfig.get_paths()["purelib"])


def readable_by_everyone(path: Path) -> bool:
    """True when other accounts may read and enter (or run) `path` and pass every parent."""
    if path.stat().st_mode & (stat.S_IROTH | stat.S_IXOTH) != stat.S_IROTH | stat.S_IXOTH:
        return False
    return all(folder.stat().st_mode & stat.S_IXOTH for folder in path.parents)


def base_interpreter(state: Path) -> Path:
    """A Python every account may run, the same build as this one (compiled packages and
    the standard library must match: Debian's 3.11.2 breaks soupsieve 4.1 where pyenv's
    3.11.7 does not).

    This environment's base when others can run it; else a copy of it in the trial folder
    without its site-packages (a Python under /root, e.g. pyenv's, is closed to other
    accounts). The copy finds its libpython through LD_LIBRARY_PATH, which the hub passes on.
    """
    own = Path(sys._base_executable).resolve()  # type: ignore[attr-defined]
    if readable_by_everyone(own):
        return own
    base = Path(sys.base_prefix)
    copy = state / "python"
    if not copy.exists():
        # Compiled modules (__pycache__) are kept: the trial's accounts cannot write them,
        # and without them every process would compile the standard library anew.
        skip = shutil.ignore_patterns("site-packages", "test", "*.a")
        for part in ("bin", "lib"):
            shutil.copytree(
                base / part, copy / part, symlinks=True, ignore=skip, copy_function=link_or_copy
            )
        (copy / "lib" / PYTHON_TAG / "site-packages").mkdir()
    library = str(copy / "lib")
    if library not in os.environ.get("LD_LIBRARY_PATH", "").split(":"):
        os.environ["LD_LIBRARY_PATH"] = ":".join(
            p for p in (library, os.environ.get("LD_LIBRARY_PATH")) if p
        )
    return copy / "bin" / own.name


def link_or_copy(source: str, destination: str) -> None:
    """A hard link (instant, no space) where both are on one file system, else a copy."""
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


def packages_prefix(state: Path) -> Path:
    """Where the trial's accounts read this environment's packages and Jupyter files: the
    environment itself when they may, else a hard-linked copy in the trial folder (a clone
    under /root, closed to other accounts)."""
    if readable_by_everyone(base_site_packages()):
        return Path(sys.prefix)
    copy = state / "packages"
    if not copy.exists():
        for part in ("lib", "share", "etc"):
            if (Path(sys.prefix) / part).exists():
                shutil.copytree(
                    Path(sys.prefix) / part, copy / part, symlinks=True,
                    copy_function=link_or_copy,
                )  # fmt: skip
    return copy


def thin_environment(folder: Path, extra_paths: Iterable[Path]) -> Path:
    """A venv whose packages are this environment's (read through a .pth file)."""
    state = folder.parents[1]
    run([str(base_interpreter(state)), "-m", "venv", "--without-pip", str(folder)])
    base = packages_prefix(state)
    site = folder / "lib" / PYTHON_TAG / "site-packages"
    lines = [str(p) for p in extra_paths] + [str(base / "lib" / PYTHON_TAG / "site-packages")]
    (site / "bonemets_trial.pth").write_text("\n".join(lines) + "\n")
    # Jupyter finds its server extensions and JupyterLab's files under sys.prefix.
    (folder / "etc").mkdir(exist_ok=True)
    (folder / "etc" / "jupyter").symlink_to(base / "etc" / "jupyter")
    share = folder / "share" / "jupyter"
    (share / "labextensions").mkdir(parents=True)
    for entry in (base / "share" / "jupyter").iterdir():
        if entry.name != "labextensions":
            (share / entry.name).symlink_to(entry)
    for entry in (base / "share" / "jupyter" / "labextensions").iterdir():
        if entry.name != "bonemets-answer-forms":  # the student wheel brings its own
            (share / "labextensions" / entry.name).symlink_to(entry.resolve())
    # nbgrader starts `alembic` through PATH.
    alembic = folder / "bin" / "alembic"
    alembic.write_text(
        f"#!{folder}/bin/python\nimport sys\nfrom alembic.config import main\nsys.exit(main())\n"
    )
    alembic.chmod(0o755)
    return folder / "bin" / "python"


def student_wheel(out: Path) -> Path | None:
    """The student wheel built by wt15a's tool, or None where the repository has no tool."""
    tool = REPO / "tools" / "student_wheel.py"
    if not tool.exists():
        return None
    out.mkdir(parents=True, exist_ok=True)
    run([sys.executable, str(tool), "--out", str(out)], cwd=REPO)
    wheels = sorted(out.glob("bonemets-*.whl"))
    return wheels[-1] if wheels else None


def install_student_wheel(trial: Trial, wheel: Path) -> None:
    """pip run by the students' Python installs there; the `bonemets` of this environment
    (outside that one) is left alone, where `--prefix` from here would uninstall it."""
    run(
        [str(trial.env_python("student")), "-m", "pip", "install", "--quiet", "--no-deps",
         "--no-index", "--force-reinstall", "--disable-pip-version-check", str(wheel)]
    )  # fmt: skip


# ---- course directory and exchange -----------------------------------------------------


def install_course(trial: Trial) -> subprocess.Popen[str]:
    """The grader's private copy of the course; returns its registration in a fresh
    gradebook, still running (formgrader opens the gradebook only when asked, so the hub
    may start meanwhile; `up` waits for both)."""
    grader = pwd.getpwnam(trial.grader)
    course = trial.course_dir
    course.mkdir(mode=0o700)
    for part in COURSE_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, course / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, course / part)
    run(["chown", "-R", f"{grader.pw_uid}:{grader.pw_gid}", str(course)])
    command = [str(trial.env_python("instructor")), "-m", "bonemets.cli", "register"]
    return subprocess.Popen(
        ["runuser", "-u", trial.grader, "--", *command],
        cwd=course, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={
            **os.environ,
            "PATH": f"{trial.env_python('instructor').parent}:{SYSTEM_PATH}",
            "BONEMETS_ROOT": str(course),
            "BONEMETS_EXCHANGE": str(trial.exchange),
        },
    )  # fmt: skip


def install_exchange(trial: Trial) -> None:
    """World-writable with the sticky bit (nobody renames what another made); the course's
    folder belongs to the grader, so no student can claim it before the first release."""
    trial.exchange.mkdir()
    os.chmod(trial.exchange, 0o1777)
    course = trial.exchange / trial.course_id
    course.mkdir()
    grader = pwd.getpwnam(trial.grader)
    os.chown(course, grader.pw_uid, grader.pw_gid)
    os.chmod(course, 0o755)


# ---- the hub ---------------------------------------------------------------------------


def start_hub(trial: Trial, timeout: float = 90.0) -> None:
    trial.hub_dir.mkdir(mode=0o700)
    proxy = proxy_command()
    assert proxy is not None
    env = {
        **os.environ,
        **trial.hub_environment(),
        "PATH": f"{Path(proxy).parent}:{Path(sys.executable).parent}:{os.environ['PATH']}",
    }
    with trial.log.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)],
            cwd=trial.hub_dir, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    trial.hub_pid = process.pid
    trial.save()
    wait_until(trial, f"{trial.url}/hub/api", (200,), timeout, process)


def wait_for_formgrader(trial: Trial, timeout: float = 90.0) -> None:
    """Formgrader starts after the hub; it answers (403 to a stranger) once it is up."""
    wait_until(trial, f"{trial.url}/services/{trial.course_id}/api/status", (302, 403), timeout)


def wait_until(
    trial: Trial,
    url: str,
    statuses: tuple[int, ...],
    timeout: float,
    process: subprocess.Popen[bytes] | None = None,
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise TrialError(f"the hub stopped at start; the end of its log:\n{log_tail(trial)}")
        if _answers(url, statuses):
            return
        time.sleep(0.3)
    raise TrialError(f"{url} did not answer within {timeout:.0f} s:\n{log_tail(trial)}")


def log_tail(trial: Trial, lines: int = 25) -> str:
    """The end of the hub's log (the trial folder, log included, is removed on failure)."""
    try:
        return "\n".join(trial.log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _answers(url: str, statuses: tuple[int, ...] = (200,)) -> bool:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=5) as response:
            return int(response.status) in statuses
    except urllib.error.HTTPError as error:
        return error.code in statuses
    except OSError:
        return False


def stop_hub(trial: Trial) -> None:
    """SIGTERM lets the hub stop every server and the service it started, then the proxy."""
    proxy_pid_file = trial.hub_dir / "proxy.pid"
    proxy_pid = int(proxy_pid_file.read_text()) if proxy_pid_file.exists() else 0
    for pid in (trial.hub_pid, proxy_pid):
        if pid and alive(pid):
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + 30
            while alive(pid) and time.monotonic() < deadline:
                time.sleep(0.2)
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def alive(pid: int) -> bool:
    """False for a process that is gone or a zombie (exited, not yet reaped)."""
    try:
        return not Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[-1].startswith("Z")
    except (FileNotFoundError, ProcessLookupError):
        return False


# ---- up and down -----------------------------------------------------------------------


def up(
    state: Path = DEFAULT_STATE,
    prefix: str = "bmtrial",
    students: int = 3,
    port: int = 8000,
    password: str | None = None,
    wait_for_service: bool = True,
) -> Trial:
    """Accounts, environments, course, exchange and a running hub; undone on failure.

    With `wait_for_service=False` it returns once the hub answers, while formgrader may
    still be starting (the test signs students in meanwhile; `wait_for_formgrader`)."""
    why = missing_tools()
    if why:
        raise TrialError(f"cannot start a trial hub: {why}")
    if (state / "trial.json").exists():
        raise TrialError(f"a trial is already set up in {state}: `make hub-stop` first")
    state.mkdir(parents=True, exist_ok=True)
    os.chmod(state, 0o755)
    trial = Trial(
        state=str(state),
        prefix=prefix,
        students=[f"{prefix}-s{n}" for n in range(1, students + 1)],
        instructors=[f"{prefix}-i1"],
        grader=f"{prefix}-grader",
        password=password or secrets.token_urlsafe(12),
        port=port,
        hub_api_port=free_port(),
        proxy_api_port=free_port(),
        formgrader_port=free_port(),
    )
    trial.save()
    os.chmod(state / "trial.json", 0o600)  # it holds the trial password
    try:
        for name in [trial.grader, *trial.instructors, *trial.students]:
            create_account(trial, name)
        thin_environment(trial.root / "envs" / "instructor", [trial.course_dir])
        thin_environment(trial.root / "envs" / "student", [])
        wheel = student_wheel(trial.root / "wheel")
        if wheel is not None:
            install_student_wheel(trial, wheel)
        install_exchange(trial)
        registering = install_course(trial)
        start_hub(trial)
        output, _ = registering.communicate(timeout=120)
        if registering.returncode != 0:
            raise TrialError(f"registering the assignments failed: {output.strip()}")
        if wait_for_service:
            wait_for_formgrader(trial)
    except BaseException:
        if trial.log.exists():  # kept for reading: everything else the trial made goes
            shutil.copy(trial.log, state.parent / f"{state.name}-failed.log")
        down(state)
        raise
    return trial


def down(state: Path = DEFAULT_STATE) -> None:
    """Stop the hub and remove every account and folder the trial made."""
    if not (state / "trial.json").exists():
        return
    trial = Trial.load(state)
    # The accounts' servers, kernels and formgrader all stop at once (the hub would stop
    # them one by one), then the hub and its proxy.
    for name in trial.created_users:
        with contextlib.suppress(KeyError):
            for pid in processes_of(pwd.getpwnam(name).pw_uid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGTERM)
    stop_hub(trial)
    for name in trial.created_users:
        remove_account(name)
    shutil.rmtree(state, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["up", "down"])
    parser.add_argument("--state", type=Path, default=DEFAULT_STATE, help="trial folder")
    parser.add_argument("--port", type=int, default=8000, help="the hub's port on 127.0.0.1")
    parser.add_argument("--students", type=int, default=3)
    args = parser.parse_args(argv)
    try:
        if args.action == "down":
            down(args.state)
            print(f"Trial hub stopped; its accounts and {args.state} are removed.")
            return 0
        trial = up(args.state, students=args.students, port=args.port)
    except TrialError as error:
        print(f"hub-trial: {error}", file=sys.stderr)
        return 1
    print(f"Trial hub running at {trial.url}/  (log: {trial.log})")
    print(f"  password for every account: {trial.password}")
    print(f"  instructor: {', '.join(trial.instructors)}  (formgrader: "
          f"{trial.url}/services/{trial.course_id}/formgrader)")  # fmt: skip
    print(f"  students:   {', '.join(trial.students)}")
    print("Stop it and remove everything it made: make hub-stop")
    return 0


if __name__ == "__main__":
    sys.exit(main())
