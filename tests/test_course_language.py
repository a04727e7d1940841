"""What students read uses one spelling convention (British, as the course began) and no
programmer's words. Names of published works and models (e.g. the NCSBN Clinical
Judgment Measurement Model) keep their own spelling and are not checked here."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

AMERICAN = re.compile(
    r"\b(tumor|tumors|color|colors|behavior|center|anemia|hypercalcemia|"
    r"orthopedic|hemoglobin|edema|diarrhea|estrogen|pediatric|labeled|counseling|"
    r"organize|recognize|minimize|immobilize|stabilize|analyze|prioritize|optimize)\b",
    re.I,
)
# Case matters for None and Python (a ward can have "none"); not for the rest.
DEVELOPER = re.compile(
    r"(?i:autograder|widget state|\(s\)|\bkernel\b|\btraceback\b|\bdict\b|\bvariable\b)"
    r"|\bNone\b|\bPython\b"
)


def lesson_prose(repo_root: Path) -> list[tuple[str, str]]:
    texts = []
    for path in sorted((repo_root / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        texts += [(path.name, c.source) for c in nb.cells if c.cell_type == "markdown"]
    return texts


def data_texts(repo_root: Path) -> list[tuple[str, str]]:
    files = [
        *sorted((repo_root / "course_data/self_checks").glob("*.yaml")),
        repo_root / "course_data/glossary.yaml",
        *sorted((repo_root / "course_data/treatment").glob("*.yaml")),
        *sorted((repo_root / "course_data/nursing").glob("*.yaml")),
    ]
    # Ids (snake_case) are the course team's; only the words around them are read.
    return [(f.name, re.sub(r"\b\w+_\w+\b", "", f.read_text())) for f in files]


@pytest.fixture
def texts(repo_root: Path) -> list[tuple[str, str]]:
    return lesson_prose(repo_root) + data_texts(repo_root)


def test_one_spelling_convention(texts: list[tuple[str, str]]) -> None:
    found = [(name, m.group(0)) for name, text in texts for m in AMERICAN.finditer(text)]
    assert found == []


def test_no_programmer_words_in_what_students_read(texts: list[tuple[str, str]]) -> None:
    found = [(name, m.group(0)) for name, text in texts for m in DEVELOPER.finditer(text)]
    # Lesson 0 shows how an assignment's answer cell looks (its "None" placeholder and
    # the Python code fence); that text belongs to the assignment side (issue 14, wt14b).
    found = [f for f in found if f[0] != "00_start_here.ipynb"]
    assert found == []
