"""A class of a1 submissions that attack the grader, built from the released notebook.

Every notebook submission carries the same answers as the honest ``baseline`` student (so
its score can be compared with the baseline's) plus one attack: a code cell the student
added, or an edit to the notebook itself. Files that are not notebooks at all (not JSON, an
empty file) replace the notebook. Used by tests/test_hostile_submissions.py.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from nbformat.notebooknode import NotebookNode

ASSIGNMENT = "a1_diagnosis"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
BASELINE = "baseline"
# The baseline's answers: q1 right (1 point), q5 right as arithmetic (1), q9 right in lower
# case (1), q2 a list where a set is asked, every other question left blank. 3 points.
BASELINE_ANSWERS = {"a1_q01": '"C"', "a1_q05": "100 - 86", "a1_q09": '"b"'}
BASELINE_SCORE = 3.0
ESCAPE_MARK = "ESCAPED-FROM-THE-SANDBOX"
FOUND = "FOUND"
NOTHING = "NOTHING"
BLOCKED = "BLOCKED"


@dataclass(frozen=True)
class Targets:
    """Where a cheater would look or write, in the course directory under test."""

    root: Path
    keys: Path  # course_data/assessment of the installed course
    home: Path
    listener_port: int
    escape_file: Path  # a file outside any scratch folder (host /tmp)

    def secret_files(self) -> dict[str, Path]:
        return {
            "source": self.root / "source" / ASSIGNMENT / NOTEBOOK,
            "gradebook": self.root / "gradebook.db",
            "other student": self.root / "submitted" / BASELINE / ASSIGNMENT / NOTEBOOK,
            "answer key": self.keys / f"{ASSIGNMENT}.yaml",
            "home": self.home,
        }

    def written_files(self) -> dict[str, Path]:
        return {
            "gradebook": self.root / "gradebook.db",
            "other student": self.root / "submitted" / BASELINE / ASSIGNMENT / NOTEBOOK,
            "course folder": self.root / "intruder.txt",
            "autograded": self.root / "autograded" / "intruder.txt",
            "outside": self.escape_file,
        }


@dataclass
class Submission:
    """One student's files; ``expect`` says what the grader must make of them."""

    student: str
    files: dict[str, bytes]
    expect: str  # "graded": a score; "ungraded": could not be graded, with a reason
    attack: str = ""
    notes: list[str] = field(default_factory=list)


def released(release: Path) -> NotebookNode:
    return nbformat.read(release / ASSIGNMENT / NOTEBOOK, as_version=4)


def grade_id(cell: NotebookNode) -> str:
    return str(cell.metadata.get("nbgrader", {}).get("grade_id", ""))


def answered(release: Path, answers: dict[str, str] | None = None) -> NotebookNode:
    """The released notebook with the baseline's answers (or ``answers``) typed in."""
    nb = released(release)
    for cell in nb.cells:
        item = grade_id(cell).removesuffix("_answer")
        chosen = BASELINE_ANSWERS if answers is None else answers
        if grade_id(cell).endswith("_answer") and item in chosen:
            variable = f"q{int(item.rsplit('q', 1)[1])}"
            cell.source = f"{variable} = {chosen[item]}"
    return nb


def with_cell(nb: NotebookNode, code: str, after: str = "a1_q01") -> NotebookNode:
    """``nb`` with a student's own code cell (the attack) after the cell ``after``."""
    index = next(i for i, c in enumerate(nb.cells) if grade_id(c) == after) + 1
    nb.cells.insert(index, nbformat.v4.new_code_cell("# attack\n" + code))
    return nb


def as_files(nb: NotebookNode) -> dict[str, bytes]:
    return {NOTEBOOK: nbformat.writes(nb).encode()}


# --- Code attacks: what each added cell runs ------------------------------------------------

CODE_ATTACKS: dict[str, str] = {
    "infinite_loop": "while True:\n    pass",
    "sleep_forever": "import time\ntime.sleep(10**9)",
    "sys_exit": "import sys\nsys.exit()",
    "os_exit": "import os\nos._exit(1)",
    "segfault": "import ctypes\nctypes.string_at(0)",
    "memory_bomb": "hog = []\nwhile True:\n    hog.append(bytes(256 * 1024 * 1024))",
    "fork_bomb": "import os\nwhile True:\n    os.fork()",
    "output_flood": "while True:\n    print('flood ' * 20000)",
    # Names the checks and nbgrader's reading of scores might rely on, replaced.
    "redefine_helpers": (
        "import builtins\n"
        "builtins.set = lambda *a: {'A', 'B', 'C'}\n"
        "builtins.print = lambda *a, **k: None\n"
        "import bonemets.assessment.shapes as shapes\n"
        "for name in dir(shapes):\n"
        "    if callable(getattr(shapes, name)):\n"
        "        setattr(shapes, name, lambda *a, **k: True)\n"
        "formatter = get_ipython().display_formatter.formatters['text/plain']\n"
        "formatter.for_type(type(None), lambda *a: '99')\n"
        "formatter.for_type(int, lambda *a: '99')\n"
        "formatter.for_type(float, lambda *a: '99')\n"
        "def check(*args, **kwargs):\n"
        "    return 99"
    ),
}


def reader_code(targets: Targets) -> str:
    """Try to read every secret by path. In the home folder only the read-only Python the
    grader's venv points to may show (a folder on its way, none of the home's own files)."""
    paths = {name: str(path) for name, path in targets.secret_files().items()}
    return f"""import os, sys
on_the_way = {{p.split(os.sep)[len({str(targets.home)!r}.split(os.sep))]
              for p in (sys.prefix, sys.base_prefix, os.path.realpath(sys.executable))
              if p.startswith({str(targets.home) + "/"!r})}}
for name, path in {paths!r}.items():
    try:
        if os.path.isdir(path):
            found = [entry for entry in os.listdir(path) if entry not in on_the_way]
        else:
            with open(path, 'rb') as handle:
                found = handle.read(100)
        print({FOUND!r} if found else {NOTHING!r}, name, len(found))
    except OSError as error:
        print({NOTHING!r}, name, type(error).__name__)
"""


def search_code() -> str:
    """Search the whole visible file system (but the system folders) for a secret by name."""
    return f"""import os
import sys
skip = set(['/proc', '/sys', '/dev', '/usr', sys.prefix, sys.base_prefix])  # read-only Python
hits = []
for folder, dirs, files in os.walk('/'):
    dirs[:] = [d for d in dirs if os.path.join(folder, d) not in skip]
    hits += [os.path.join(folder, f) for f in files
             if f in ('gradebook.db', {ASSIGNMENT + ".yaml"!r})
             or (f == {NOTEBOOK!r} and 'source' in folder)]
print({FOUND!r} if hits else {NOTHING!r}, 'search', hits[:5])
"""


def writer_code(targets: Targets) -> str:
    """Try to change every file a cheater would want changed, and to plant code in the venv."""
    paths = {name: str(path) for name, path in targets.written_files().items()}
    return f"""import os, site, sys
paths = {paths!r}
for folder in site.getsitepackages() + [sys.prefix]:
    paths['venv ' + folder] = os.path.join(folder, 'sitecustomize.py')
for name, path in paths.items():
    try:
        with open(path, 'a') as handle:
            handle.write('\\n{ESCAPE_MARK}\\n')
        print('WROTE', name)
    except OSError as error:
        print({BLOCKED!r}, name, type(error).__name__)
with open('scratch-file.txt', 'w') as handle:
    handle.write('my own scratch work')
print('scratch', open('scratch-file.txt').read())
"""


def network_code(targets: Targets) -> str:
    return f"""import socket
for host, port in (('127.0.0.1', {targets.listener_port}), ('1.1.1.1', 53), ('example.com', 80)):
    try:
        socket.create_connection((host, port), timeout=2).close()
        print({FOUND!r}, host)
    except OSError as error:
        print({BLOCKED!r}, host, type(error).__name__)
"""


# --- Edits to the notebook itself -----------------------------------------------------------


def _by_id(nb: NotebookNode, wanted: str) -> NotebookNode:
    return next(c for c in nb.cells if grade_id(c) == wanted)


def deleted_cells(nb: NotebookNode) -> NotebookNode:
    """The q2 check cell and the q3 answer cell deleted."""
    nb.cells = [c for c in nb.cells if grade_id(c) not in ("a1_q02", "a1_q03_answer")]
    return nb


def reordered_cells(nb: NotebookNode) -> NotebookNode:
    """The cells in reverse order."""
    nb.cells = list(reversed(nb.cells))
    return nb


def duplicated_cells(nb: NotebookNode) -> NotebookNode:
    """q1's answer and check cells twice, the copy answering every option (to win either way)."""
    index = next(i for i, c in enumerate(nb.cells) if grade_id(c) == "a1_q02_answer")
    copies = [copy.deepcopy(_by_id(nb, "a1_q02_answer")), copy.deepcopy(_by_id(nb, "a1_q02"))]
    copies[0].source = 'q2 = {"A", "B", "C", "D", "E", "F"}'
    nb.cells[index:index] = copies
    return nb


def edited_locked_cells(nb: NotebookNode) -> NotebookNode:
    """A locked check cell prints full marks; the setup cell is replaced; a stem is edited."""
    _by_id(nb, "a1_q02").source = "3"
    _by_id(nb, "a1_q03").source = "print(5)\n5"
    _by_id(nb, "a1_diagnosis_setup").source = "q2 = {'B', 'D', 'E'}"
    _by_id(nb, "a1_q03_stem").source = "Edited question"
    return nb


def edited_metadata(nb: NotebookNode) -> NotebookNode:
    """Points raised, checksums forged, a check cell renamed, the answer cell made a check."""
    test = _by_id(nb, "a1_q02").metadata.nbgrader
    test["points"] = 100
    test["checksum"] = "0" * 32
    _by_id(nb, "a1_q04").metadata.nbgrader["grade_id"] = "a1_q04_mine"
    answer = _by_id(nb, "a1_q01_answer").metadata.nbgrader
    answer.update({"grade": True, "points": 50, "locked": False})
    _by_id(nb, "a1_q01").metadata.nbgrader["locked"] = False
    nb.metadata.pop("kernelspec", None)
    return nb


WRONG_TYPES = {
    "a1_q01": '"С"',  # CYRILLIC CAPITAL LETTER ES, not the Latin C of the key
    "a1_q02": '["B", "D", "E"]',  # a list where a set is asked
    "a1_q05": '"14"',  # the number as a string
    "a1_q07": "None",
    "a1_q09": '"Ｂ"',  # FULLWIDTH LATIN CAPITAL LETTER B
}


def build_class(release: Path, targets: Targets) -> list[Submission]:
    """Every adversarial submission of the class, with the honest baseline first."""
    subs = [Submission(BASELINE, as_files(answered(release)), "graded")]
    for name, code in CODE_ATTACKS.items():
        subs.append(Submission(name, as_files(with_cell(answered(release), code)), "graded", code))
    reader = with_cell(with_cell(answered(release), search_code()), reader_code(targets))
    subs.append(Submission("read_secrets", as_files(reader), "graded"))
    code = writer_code(targets)
    subs.append(Submission("write_outside", as_files(with_cell(answered(release), code)), "graded"))
    code = network_code(targets)
    subs.append(Submission("network", as_files(with_cell(answered(release), code)), "graded", code))
    edits: dict[str, Callable[[NotebookNode], NotebookNode]] = {
        "deleted_cells": deleted_cells,
        "reordered_cells": reordered_cells,
        "duplicated_cells": duplicated_cells,
        "edited_locked_cells": edited_locked_cells,
        "edited_metadata": edited_metadata,
    }
    for name, edit in edits.items():
        subs.append(Submission(name, as_files(edit(answered(release))), "graded"))
    subs.append(Submission("wrong_types", as_files(answered(release, WRONG_TYPES)), "graded"))
    extra = as_files(answered(release))
    extra.update(
        {
            "notes.txt": b"my notes",
            "sitecustomize.py": f"print({ESCAPE_MARK!r})".encode(),
            "other.ipynb": nbformat.writes(answered(release)).encode(),
        }
    )
    subs.append(Submission("extra_files", extra, "graded"))
    subs.append(
        Submission(
            "wrong_name", {"my_answers.ipynb": as_files(answered(release))[NOTEBOOK]}, "ungraded"
        )
    )
    text = json.dumps(json.loads(nbformat.writes(answered(release))))
    subs.append(Submission("not_json", {NOTEBOOK: text[: len(text) // 2].encode()}, "ungraded"))
    subs.append(Submission("empty_file", {NOTEBOOK: b""}, "ungraded"))
    return subs


def submit(root: Path, submission: Submission) -> Path:
    folder = root / "submitted" / submission.student / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in submission.files.items():
        (folder / name).write_bytes(data)
    return folder


def grade_students(root: str, students: list[str], config: Any) -> dict[str, dict[str, Any]]:
    """Autograde ``students`` in the course ``root`` through nbgrader's API (one process)."""
    import time

    from bonemets.grading.course import api

    grader = api(Path(root), config)
    results: dict[str, dict[str, Any]] = {}
    for student in students:
        start = time.monotonic()
        result = grader.autograde(ASSIGNMENT, student)
        results[student] = {
            "success": bool(result.get("success")),
            "log": str(result.get("log") or ""),
            "error": str(result.get("error") or ""),
            "seconds": time.monotonic() - start,
            "root": root,
        }
    return results
