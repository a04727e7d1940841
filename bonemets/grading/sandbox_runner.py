"""The inside of the sandbox: run one notebook with nbgrader's ``Execute``, report outputs.

Started by :class:`bonemets.grading.sandbox.SandboxedExecute` (inside bubblewrap, or as a
plain child process where bubblewrap is unavailable). Reads a JSON spec on stdin (the
notebook, the limits, the user to become), and writes one JSON line per executed code cell
to a private copy of stdout: ``{"cell": index, "outputs": [...], "execution_count": n}``,
then ``{"done": true, "reason": ""}`` (or why it stopped). The student's kernel never holds
that stream: file descriptors are not inherited, and this process is made non-dumpable so
the kernel (the same user) cannot open ``/proc/<pid>/fd`` or attach to it.
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import shutil
import sys
import time
from contextlib import suppress
from pathlib import Path
from typing import IO, Any

PR_SET_DUMPABLE = 4
_PENDING: set[Any] = set()  # interrupts in flight (asyncio keeps only weak references)


def drop_privileges(uid_gid: list[int] | None) -> None:
    """As root: become the sandbox's unprivileged user, keeping no capability."""
    if os.geteuid() != 0 or not uid_gid:  # not root, or the parent's documented fallback
        return
    uid, gid = uid_gid
    os.setgroups([])
    os.setgid(gid)
    os.setuid(uid)
    if os.geteuid() == 0 or os.getuid() == 0:
        raise SystemExit("could not leave root")


def set_process_limit(processes: int) -> None:
    # After the namespace exists: counted for this user here, not across the host's grader.
    resource.setrlimit(resource.RLIMIT_NPROC, (processes, processes))


def make_undumpable() -> None:
    with suppress(OSError, AttributeError):  # not Linux: nothing to protect this way
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def private_stdout() -> IO[str]:
    """A copy of stdout only this process holds; fd 1 goes to /dev/null. (fd 2 stays: the
    parent's log, capped by RLIMIT_FSIZE; the kernel sends its own output as messages.)"""
    report = os.fdopen(os.dup(1), "w", encoding="utf-8")  # os.dup: not inheritable
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.close(null)
    return report


def copy_files(source: Path, scratch: Path) -> None:
    """The submission's other files into the scratch folder, where the notebook may use them."""
    if not source.is_dir():
        return
    for path in source.rglob("*"):
        target = scratch / path.relative_to(source)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif path.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def interrupt(km: Any) -> None:
    """Interrupt the kernel from nbclient's (synchronous) output hook, inside its loop."""
    import asyncio

    from jupyter_core.utils import ensure_async

    _PENDING.add(asyncio.ensure_future(ensure_async(km.interrupt_kernel())))


def main() -> int:
    spec = json.loads(sys.stdin.buffer.read())
    limits = spec["limits"]
    report = private_stdout()
    scratch = Path(spec["scratch"])
    for name in ("JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR", "JUPYTER_DATA_DIR"):
        if os.environ.get(name):
            Path(os.environ[name]).mkdir(parents=True, exist_ok=True)
            if os.geteuid() == 0 and spec.get("uid_gid"):
                os.chown(os.environ[name], *spec["uid_gid"])
    if os.geteuid() == 0 and spec.get("uid_gid") and spec.get("isolated"):
        os.chown(scratch, *spec["uid_gid"])
    set_process_limit(int(limits["processes"]))
    drop_privileges(spec.get("uid_gid"))
    make_undumpable()
    copy_files(Path(spec["files"]), scratch)

    def send(message: dict[str, Any]) -> None:
        report.write(json.dumps(message) + "\n")
        report.flush()

    reason = run_notebook(spec, scratch, send)
    send({"done": True, "reason": reason})
    report.close()
    os._exit(0)  # no kernel clean-up to wait for: the parent kills what is left


# nbgrader's Execute settings (nbgrader/preprocessors/execute.py), on nbclient directly:
# importing nbgrader here would cost seconds per notebook and brings nothing the runner needs.
TIMEOUT_ERROR = {
    "ename": "CellTimeoutError",
    "evalue": "",
    "traceback": ["CellTimeoutError: No reply from kernel before timeout"],
}


def run_notebook(spec: dict[str, Any], scratch: Path, send: Any) -> str:
    """Execute every code cell in turn; '' when the notebook ran to its end, else why not."""
    # jsonschema builds an RFC 3987 parser on import (seconds); no format check is needed here.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError

    limits = spec["limits"]
    nb = nbformat.from_dict(spec["notebook"])
    deadline = time.monotonic() + int(limits["notebook_seconds"])
    state: dict[str, Any] = {"left": int(limits["output_bytes"]), "cut": False, "stop": ""}

    class LimitedClient(NotebookClient):
        def output(self, outs: Any, msg: Any, display_id: Any, cell_index: int) -> Any:
            size = len(json.dumps(msg.get("content", {}), default=str))
            if size > state["left"]:
                if not state["cut"]:
                    state["cut"] = True
                    interrupt(self.km)
                return None
            state["left"] -= size
            return super().output(outs, msg, display_id, cell_index)

    def on_cell_executed(cell: Any, execute_reply: Any, **_: Any) -> None:
        """As nbgrader's Execute: a failed reply without its error output (a timeout) gets one."""
        content = execute_reply["content"]
        if content["status"] != "error":
            return
        if not any(o.output_type == "error" and o.ename == content["ename"] for o in cell.outputs):
            cell.outputs.append(
                nbformat.from_dict(
                    {
                        "output_type": "error",
                        "ename": content["ename"],
                        "evalue": content["evalue"],
                        "traceback": content["traceback"] or ["An error occurred"],
                    }
                )
            )

    client = LimitedClient(
        nb,
        timeout=int(limits["cell_seconds"]),
        interrupt_on_timeout=True,
        allow_errors=True,
        raise_on_iopub_timeout=True,
        error_on_timeout=TIMEOUT_ERROR,
        extra_arguments=spec.get("extra_arguments") or ["--HistoryManager.hist_file=:memory:"],
        shutdown_kernel="immediate",
        startup_timeout=30,
        resources={"metadata": {"path": str(scratch)}},
        on_cell_executed=on_cell_executed,
        **({"kernel_name": spec["kernel_name"]} if spec.get("kernel_name") else {}),
    )
    try:
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                left = deadline - time.monotonic()
                if left <= 0:
                    seconds = limits["notebook_seconds"]
                    return f"it ran longer than the {seconds} seconds a notebook may"
                client.timeout = max(1, min(int(limits["cell_seconds"]), int(left) + 1))
                state["cut"] = False
                try:
                    client.execute_cell(cell, index, store_history=True)
                except DeadKernelError:
                    state["stop"] = "the notebook's code stopped the program that runs it"
                    cell.outputs.append(nbformat.from_dict(_error(state["stop"])))
                except Exception as exc:
                    state["stop"] = (
                        f"the program that runs it stopped answering ({type(exc).__name__})"
                    )
                    cell.outputs.append(nbformat.from_dict(_error(state["stop"])))
                if state["cut"]:
                    cell.outputs.append(
                        nbformat.from_dict(_error("Further output was not kept: too much output."))
                    )
                send(
                    {
                        "cell": index,
                        "outputs": cell.outputs,
                        "execution_count": cell.execution_count,
                    }
                )
                if state["stop"]:
                    return str(state["stop"])
    except DeadKernelError:
        return state["stop"] or "the program that runs the notebook stopped"
    except Exception as exc:
        return state["stop"] or f"the notebook could not be run ({type(exc).__name__}: {exc})"[:300]
    return ""


def _error(reason: str) -> dict[str, Any]:
    return {
        "output_type": "error",
        "ename": "SandboxStopped",
        "evalue": reason,
        "traceback": [reason],
    }


if __name__ == "__main__":
    sys.exit(main())
