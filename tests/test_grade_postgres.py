"""`bonemets simulate` and `bonemets grade --jobs 2` on a PostgreSQL gradebook.

The test starts its own PostgreSQL server (Debian's `postgresql` package: initdb and pg_ctl
in a temporary folder, listening only on a Unix socket there; as root it runs them as the
`postgres` system user, since PostgreSQL refuses to run as root). The course's
`nbgrader_config.py` points `CourseDirectory.db_url` at it, as an instructor would.
Without PostgreSQL or its Python driver the test is skipped, except in CI (`CI` set), where
`.ci/run` installs them and a missing server is a failure.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from must_run import unavailable
from simulated_class import (
    ASSIGNMENT,
    DUE,
    class_template,  # noqa: F401  (fixture)
    expected_item_scores,
    fresh_copy,
    gradebook_state,
    run_cli,
)
from traitlets.config import Config

pytestmark = pytest.mark.slow

STUDENTS = 4


def postgres_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(versions[-1]).parent if versions else None


def as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the ``postgres`` system user then."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    bin_dir = postgres_bin()
    if bin_dir is None:
        unavailable(
            "PostgreSQL (initdb, pg_ctl) is not installed (Debian: postgresql)",
            "the PostgreSQL test",
        )
    try:
        import psycopg  # noqa: F401  (SQLAlchemy 2.1: postgresql:// means psycopg 3)
    except ImportError:
        unavailable("the psycopg driver is not installed (psycopg[binary])", "the PostgreSQL test")
    # Under /tmp and readable by the server user (pytest's own tmp folders are root-only).
    home = Path(tempfile.mkdtemp(prefix="bonemets-pg-"))
    home.chmod(0o755)
    data, socket = home / "data", home / "socket"
    socket.mkdir()
    if os.geteuid() == 0:
        shutil.chown(home, "postgres")
        shutil.chown(socket, "postgres")

    def run(*command: str) -> None:
        done = subprocess.run(
            as_server_user([*command]), capture_output=True, text=True, timeout=120, check=False
        )
        assert done.returncode == 0, f"{command[0]} failed: {done.stdout}{done.stderr}"

    run(str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres")
    options = f"-c listen_addresses='' -c unix_socket_directories={socket} -c fsync=off"
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l",
        str(home / "server.log"), "start")  # fmt: skip
    try:
        run(str(bin_dir / "createdb"), "-h", str(socket), "-U", "postgres", "gradebook")
        yield f"postgresql://postgres@/gradebook?host={socket}"
    finally:
        subprocess.run(
            as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
            timeout=60,
            check=False,
        )
        shutil.rmtree(home, ignore_errors=True)


def test_simulate_and_grade_into_postgresql(class_template, tmp_path, postgres_url) -> None:  # noqa: F811
    from bonemets.grading.course import api, checked

    root = fresh_copy(class_template, tmp_path)
    shutil.rmtree(root / "submitted")
    (root / "gradebook.db").unlink()
    with (root / "nbgrader_config.py").open("a") as config:
        config.write(f"\nc.CourseDirectory.db_url = {postgres_url!r}\n")
    # Register the assignment in the new gradebook, as `nbgrader generate_assignment` does.
    extra = Config()
    extra.CourseDirectory.db_url = postgres_url
    checked(api(root, extra).generate_assignment(ASSIGNMENT), "generate_assignment")
    made, _ = run_cli(
        ["simulate", ASSIGNMENT, "--students", str(STUDENTS), "--seed", "3", "--due", DUE,
         "--course-dir", str(root)]
    )  # fmt: skip
    assert made == 0
    code, output = run_cli(["grade", ASSIGNMENT, "--jobs", "2", "--course-dir", str(root)])
    assert code == 0, output
    assert f"{STUDENTS} graded, 0 failed, 0 skipped" in output
    assert "gradebook: postgresql://postgres@/gradebook" in output
    assert not (root / "gradebook.db").exists()  # nothing went to a SQLite file instead
    state = gradebook_state(postgres_url)
    assert len(state) == STUDENTS
    for student, row in state.items():
        grades = row["notebooks"][ASSIGNMENT]["grades"]
        expected = expected_item_scores(root, student)
        assert {k: grades[k][0] for k in expected} == expected, student
