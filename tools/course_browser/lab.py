"""A throw-away JupyterLab server on a temporary copy of the course.

The server never sees the repository itself: lessons, release notebooks and nbgrader's
config are copied into a temp folder, and HOME, the config, runtime, workspace and settings
dirs are temporary too, so a run neither writes into the repo nor restores tabs from an
earlier run. The venv's ``share/jupyter`` (lab extensions) is left visible on purpose.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
# What `make lab` gives a student or self-learner: nbgrader's instructor parts turned off.
STUDENT_CONFIG = REPO_ROOT / "jupyter" / "self-learner"
# What a student's server needs: lessons, student assignments, nbgrader's course config.
COURSE_PARTS = ("notebooks", "release", "source", "nbgrader_config.py")
# Lab settings that keep the page quiet and deterministic: no news or update toasts
# (they fetch from the internet, which is closed here) and no autosave races.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    # Every cell stays in the DOM, so off-screen outputs can be checked and audited.
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def free_port() -> int:
    """An ephemeral port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class LabServer:
    """A running server: where it is, how to log in, and the folder it serves."""

    port: int
    token: str
    root: Path
    log: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str, workspace: str | None = None) -> str:
        """A Lab URL for ``path`` (relative to the root), in its own workspace when given.

        A fresh workspace per page stops Lab from reopening the tabs of earlier pages.
        """
        prefix = f"/lab/workspaces/{workspace}" if workspace else "/lab"
        tail = f"/tree/{path}" if path else ""
        return f"{self.base_url}{prefix}{tail}?token={self.token}"

    def api(self, path: str) -> object:
        """GET a JSON endpoint of the server (e.g. ``api/kernels``)."""
        request = urllib.request.Request(
            f"{self.base_url}/{path}", headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)


def copy_course(dest: Path, parts: tuple[str, ...] = COURSE_PARTS) -> Path:
    """Copy the parts of the course a student's server serves into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in parts:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, dest / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
            )
        elif source.is_file():
            shutil.copy2(source, dest / name)
    return dest


def _write_settings(settings_dir: Path) -> None:
    for relative, values in LAB_SETTINGS.items():
        path = settings_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))


def _wait_until_ready(server: LabServer, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"jupyter lab exited with {process.returncode}; log:\n{server.log.read_text()}"
            )
        try:
            server.api("api/status")
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            time.sleep(0.2)
    raise TimeoutError(f"jupyter lab did not answer in {timeout} s; log:\n{server.log.read_text()}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server and its kernels (its own process group), politely then firmly."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


@contextmanager
def running_lab(
    startup_timeout: float = 60.0, config_path: Path | None = None
) -> Iterator[LabServer]:
    """Start JupyterLab on 127.0.0.1 on a temp copy of the course; always stop it.

    ``config_path`` is added to JUPYTER_CONFIG_PATH (``STUDENT_CONFIG`` shows the page a
    student's `make lab` shows).
    """
    with tempfile.TemporaryDirectory(prefix="bonemets-lab-") as tmp_name:
        tmp = Path(tmp_name)
        root = copy_course(tmp / "course")
        home, settings, workspaces = tmp / "home", tmp / "settings", tmp / "workspaces"
        for folder in (home, settings, workspaces, tmp / "config", tmp / "runtime"):
            folder.mkdir()
        _write_settings(settings)
        (tmp / "exchange").mkdir()
        env = {
            **os.environ,
            "HOME": str(home),
            "JUPYTER_CONFIG_DIR": str(tmp / "config"),
            "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"),
            "BONEMETS_EXCHANGE": str(tmp / "exchange"),
            "MPLBACKEND": "Agg",
            **({"JUPYTER_CONFIG_PATH": str(config_path)} if config_path else {}),
            # nbgrader runs `alembic` through PATH; the venv's bin must come first.
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        }
        server = LabServer(
            port=free_port(), token=secrets.token_hex(16), root=root, log=tmp / "lab.log"
        )
        command = [
            sys.executable, "-m", "jupyterlab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={server.port}",
            "--ServerApp.port_retries=0",
            f"--ServerApp.root_dir={root}",
            f"--IdentityProvider.token={server.token}",
            f"--LabApp.user_settings_dir={settings}",
            f"--LabApp.workspaces_dir={workspaces}",
            # window.jupyterapp lets the tests read kernel state instead of guessing.
            "--LabApp.expose_app_in_browser=True",
        ]  # fmt: skip
        if os.geteuid() == 0:
            command.append("--allow-root")
        with server.log.open("wb") as log:
            # Own process group: stopping it also stops the kernels it started.
            process = subprocess.Popen(
                command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
            try:
                _wait_until_ready(server, process, startup_timeout)
                yield server
            finally:
                _stop(process)
