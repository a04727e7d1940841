"""Build the student edition of the course: a ``bonemets`` wheel without the answer keys.

Students (a JupyterHub image, a laptop) get the lessons, their data, the answer-form
extension and the form checks of release notebooks, but no item bank (keys, rationales,
model answers), no ``source/`` and none of the instructors' modules. What goes in is the
allow-list ``ALLOWED`` below, the one place that decides: a file not matched stays out, so
a new data folder or module reaches students only when someone adds it here.

The repository's own install is unchanged (``make setup``: editable, everything). This tool
copies the allowed files into a temporary folder, the lessons and data into
``bonemets/course_files/`` (found there by :mod:`bonemets.paths`), and builds a wheel from
that copy with the same ``pyproject.toml`` (version ``<version>+student``), offline:
``pip wheel --no-build-isolation`` with the setuptools already installed.

    python tools/student_wheel.py [--out dist]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from bonemets.paths import PACKAGED_COURSE

REPO = Path(__file__).resolve().parents[1]

# Glob patterns relative to the repository. Files under bonemets/ (and the build files) keep
# their place; the rest is packaged under bonemets/course_files/ (PACKAGED_COURSE).
ALLOWED: tuple[str, ...] = (
    # Build files read by pyproject.toml (readme, licence).
    "pyproject.toml",
    "README.md",
    "LICENSE",
    # The package's shared modules: data loading, lessons' page parts, widgets' panel.
    "bonemets/__init__.py",
    "bonemets/__main__.py",
    "bonemets/caching.py",
    "bonemets/citations.py",
    "bonemets/cli.py",
    "bonemets/errors.py",
    "bonemets/figures.py",
    "bonemets/lesson.py",
    "bonemets/panel.py",
    "bonemets/paths.py",
    "bonemets/prewarm.py",
    "bonemets/style.py",
    "bonemets/data/*.py",
    # The lessons' domain modules.
    "bonemets/complications/*.py",
    "bonemets/imaging/*.py",
    "bonemets/nursing/*.py",
    "bonemets/quiz/*.py",
    "bonemets/treatment/*.py",
    # Release notebooks' form checks (shapes, answers) and the record types they build on;
    # bank.py reads no keys here: in the student edition it says they are not installed.
    "bonemets/assessment/__init__.py",
    "bonemets/assessment/shapes.py",
    "bonemets/assessment/answers.py",
    "bonemets/assessment/types.py",
    "bonemets/assessment/scoring.py",
    "bonemets/assessment/items.py",
    "bonemets/assessment/bank.py",
    # The prebuilt answer-form extension (pyproject.toml installs it as data files).
    "bonemets/labextension/package.json",
    "bonemets/labextension/install.json",
    "bonemets/labextension/static/*",
    # The lessons and their data: everything of course_data/ except the graded item bank.
    "course_data/*.yaml",
    "course_data/self_checks/*.yaml",
    "course_data/imaging/*.yaml",
    "course_data/treatment/*.yaml",
    "course_data/nursing/*.yaml",
    "notebooks/*.ipynb",
)

BUILD_FILES = {"pyproject.toml", "README.md", "LICENSE"}
# Package data of the staged copy: every file of the packaged course (glob as setuptools
# reads it). In the repository the folder does not exist, so the line matches nothing.
PACKAGED_GLOB = f"{PACKAGED_COURSE}/**/*"


class StagingError(Exception):
    """The allow-list and the repository disagree (a pattern matches nothing)."""


def destination(relative: str) -> str:
    """Where an allowed file goes in the staged copy."""
    if relative in BUILD_FILES or relative.startswith("bonemets/"):
        return relative
    return f"bonemets/{PACKAGED_COURSE}/{relative}"


def allowed_files(repo: Path = REPO) -> dict[str, Path]:
    """Staged path -> repository file, for every file the allow-list matches."""
    chosen: dict[str, Path] = {}
    for pattern in ALLOWED:
        matches = sorted(p for p in repo.glob(pattern) if p.is_file())
        if not matches:
            raise StagingError(f"{pattern} matches no file in {repo}")
        for path in matches:
            chosen[destination(path.relative_to(repo).as_posix())] = path
    return chosen


def student_pyproject(text: str) -> str:
    """The repository's pyproject.toml with the version marked ``+student``, and the packaged
    course declared as package data."""
    marked, count = re.subn(r'(?m)^version = "([^"+]+)"$', r'version = "\1+student"', text)
    table = "[tool.setuptools.package-data]\n"
    if count != 1 or table not in marked:
        raise StagingError("pyproject.toml: expected one version line and a package-data table")
    return marked.replace(table, f'{table}"bonemets" = ["{PACKAGED_GLOB}"]\n', 1)


def stage(into: Path, repo: Path = REPO) -> int:
    """Copy the allowed files into ``into``; the number of files copied."""
    files = allowed_files(repo)
    for staged, source in files.items():
        target = into / staged
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    pyproject = into / "pyproject.toml"
    pyproject.write_text(student_pyproject(pyproject.read_text(encoding="utf-8")), "utf-8")
    return len(files)


def build(out: Path, repo: Path = REPO) -> Path:
    """Build the student wheel into ``out``; its path."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bonemets-student-") as temporary:
        staging = Path(temporary) / "bonemets"
        stage(staging, repo)
        wheels = Path(temporary) / "wheels"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "--quiet",
                "--disable-pip-version-check",
                "--no-deps",
                "--no-build-isolation",
                "--wheel-dir",
                str(wheels),
                str(staging),
            ],
            check=True,
            cwd=temporary,
        )
        (built,) = wheels.glob("bonemets-*.whl")
        target = out / built.name
        shutil.move(built, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "dist", help="folder for the wheel")
    args = parser.parse_args(argv)
    wheel = build(args.out)
    with zipfile.ZipFile(wheel) as archive:
        count = len(archive.namelist())
    print(f"{wheel} ({wheel.stat().st_size // 1024} KiB, {count} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
