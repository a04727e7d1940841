"""Memory of one student's server on the hub after every lesson: hence students per GB.

A student's server is a Jupyter server (the hub starts it as `jupyterhub-singleuser`, the
same server with the hub's sign-in) plus one kernel per open notebook. This script starts a
Jupyter server with the students' settings (deploy/jupyterhub/student/), opens JupyterLab's
page, then runs every lesson (notebooks/0*.ipynb) in its own kernel and keeps each kernel
alive, as a student who opened every lesson and closed none would. It reads each process's
memory from /proc/PID/smaps_rollup:

- RSS: resident pages, shared libraries counted in full;
- PSS: shared pages divided among the processes sharing them (what the machine spends when
  the figures of every process are added up);
- USS: pages private to the process (what one more student adds when the libraries are
  already in memory for the others: the marginal cost).

Prints a table and the students-per-GB figures; deploy/jupyterhub/README.md quotes them.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
LESSONS = sorted((REPO / "notebooks").glob("0*.ipynb"))
STUDENT_CONFIG = REPO / "deploy" / "jupyterhub" / "student"


@dataclass(frozen=True)
class Memory:
    rss_mb: float
    pss_mb: float
    uss_mb: float

    def __add__(self, other: Memory) -> Memory:
        return Memory(
            self.rss_mb + other.rss_mb, self.pss_mb + other.pss_mb, self.uss_mb + other.uss_mb
        )


def memory_of(pid: int) -> Memory:
    fields: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value, *_ = line.split()
        fields[name.rstrip(":")] = int(value) / 1024
    private = fields["Private_Clean"] + fields["Private_Dirty"]
    return Memory(fields["Rss"], fields["Pss"], private)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(home: Path) -> tuple[subprocess.Popen[bytes], str]:
    port, token = free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "HOME": str(home),
        "JUPYTER_CONFIG_PATH": str(STUDENT_CONFIG),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "MPLBACKEND": "Agg",
    }
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={REPO}",
    ]  # fmt: skip
    if os.geteuid() == 0:
        command.append("--allow-root")
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            # JupyterLab's page and the calls it makes first (settings, kernelspecs).
            for path in ("/lab", "/lab/api/settings", "/api/kernelspecs", "/api/contents"):
                urllib.request.urlopen(f"{base}{path}?token={token}", timeout=10).read()
            return server, base
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise RuntimeError("the Jupyter server did not start")


def run_lesson_and_keep_kernel(path: Path) -> tuple[KernelManager, float]:
    """Run every cell of a lesson in a new kernel; the kernel stays alive for measuring."""
    nb = nbformat.read(path, as_version=4)
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(
        cwd=str(path.parent), env={**os.environ, "MPLBACKEND": "Agg"}, stderr=subprocess.DEVNULL
    )
    client = NotebookClient(nb, km=manager, timeout=180, allow_errors=False)
    started = time.perf_counter()
    client.kc = manager.client()
    client.kc.start_channels()
    client.kc.wait_for_ready(timeout=60)
    for index, cell in enumerate(nb.cells):
        client.execute_cell(cell, index)
    client.kc.stop_channels()
    return manager, time.perf_counter() - started


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bonemets-hubmem-") as tmp:
        home = Path(tmp)
        (home / "runtime").mkdir()
        server, _ = start_server(home)
        kernels: list[tuple[str, KernelManager]] = []
        try:
            server_idle = memory_of(server.pid)
            print(f"{'process':<36} {'RSS MB':>8} {'PSS MB':>8} {'USS MB':>8}")
            row = "{:<36} {:>8.0f} {:>8.0f} {:>8.0f}"
            print(row.format("Jupyter server (JupyterLab open)", *vars(server_idle).values()))
            total = server_idle
            largest = Memory(0, 0, 0)
            for lesson in LESSONS:
                manager, seconds = run_lesson_and_keep_kernel(lesson)
                kernels.append((lesson.stem, manager))
                pid = manager.provisioner.process.pid  # type: ignore[union-attr]
                used = memory_of(pid)
                total = total + used
                largest = max(largest, used, key=lambda m: m.pss_mb)
                print(row.format(f"kernel {lesson.stem} ({seconds:.0f} s)", *vars(used).values()))
            one_open = server_idle + largest
            print(row.format("server + every lesson's kernel", *vars(total).values()))
            print(row.format("server + the largest kernel", *vars(one_open).values()))
            print()
            for label, used in (("every lesson left open", total), ("one lesson open", one_open)):
                print(
                    f"students per GB, {label}: {1024 / used.pss_mb:.1f} by PSS, "
                    f"{1024 / used.rss_mb:.1f} by RSS, {1024 / used.uss_mb:.1f} by USS"
                )
        finally:
            for _, manager in kernels:
                manager.shutdown_kernel(now=True)
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
