"""`make lab` serves JupyterLab with the start notebook, without a display, on PORT, with
only the student parts of nbgrader, and says how a self-learner checks an assignment."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_make_lab_serves_the_start_notebook(repo_root: Path, tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
        "BONEMETS_EXCHANGE": str(tmp_path / "exchange"),
    }
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    lab = subprocess.Popen(
        ["make", "--no-print-directory", "lab", f"PORT={port}"],
        cwd=repo_root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    seen: list[str] = []
    try:
        url = None
        deadline = time.monotonic() + 120
        assert lab.stdout is not None
        while url is None and time.monotonic() < deadline:
            line = lab.stdout.readline()
            if not line:
                break
            seen.append(line)
            match = re.search(
                rf"(http://(?:127\.0\.0\.1|localhost):{port}/lab\S*token=(\w+))", line
            )
            if match:
                url, token = match.groups()
        assert url, "no URL printed:\n" + "".join(seen[-30:])
        assert "--no-browser" in "".join(seen), "without a display, no browser is opened"
        api = f"http://127.0.0.1:{port}/api/contents/notebooks/00_start_here.ipynb?token={token}"
        notebook = None
        for _attempt in range(15):  # the URL can be printed a moment before it answers
            try:
                with urllib.request.urlopen(api, timeout=30) as response:
                    notebook = json.load(response)
                break
            except OSError as exc:
                error = exc
                time.sleep(1)
        if notebook is None:
            alive = "running" if lab.poll() is None else f"exited with {lab.returncode}"
            raise AssertionError(f"{error}; server {alive}; it said:\n" + "".join(seen[-15:]))
        assert notebook["type"] == "notebook"
        first_cell = notebook["content"]["cells"][0]["source"]
        assert first_cell.startswith("# Bone metastasis")
        page = f"http://127.0.0.1:{port}/lab/tree/notebooks/00_start_here.ipynb?token={token}"
        with urllib.request.urlopen(page, timeout=30) as response:
            assert response.status == 200
            html = response.read().decode()
            assert "JupyterLab" in html
        # Only student tools: nbgrader's instructor plugins are off, Validate stays.
        config = re.search(r'id="jupyter-config-data"[^>]*>(.*?)</script>', html, re.S)
        assert config is not None
        disabled = set(json.loads(config.group(1))["disabledExtensions"])
        assert {
            "@jupyter/nbgrader:formgrader",
            "@jupyter/nbgrader:create-assignment",
            "@jupyter/nbgrader:course-list",
            "@jupyter/nbgrader:assignment-list",
        } <= disabled
        assert "@jupyter/nbgrader:validate-assignment" not in disabled
        for instructor_page in ("formgrader", "assignments"):
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/{instructor_page}?token={token}", timeout=30
                )
            assert refused.value.code == 404, instructor_page
        # A self-learner is told how to check an assignment on this computer.
        assert "bonemets check" in "".join(seen)
    finally:
        os.killpg(lab.pid, signal.SIGTERM)
        try:
            lab.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(lab.pid, signal.SIGKILL)
