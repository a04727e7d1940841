"""``bonemets selfgrade``: a learner's own copy graded by nbgrader, with the feedback page."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from bonemets.cli import main

ASSIGNMENT = "a1_diagnosis"


@pytest.fixture(scope="module")
def answered(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> Path:
    """The release notebook with question 1 answered right (C) and the rest left blank."""
    nb = nbformat.read(repo_root / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "a1_q01_answer":
            cell.source = 'q1 = "C"'
    path = tmp_path_factory.mktemp("learner") / "my copy.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def graded(answered: Path) -> tuple[bytes, str]:
    """One real run of nbgrader's three steps (the slow part), shared by the tests."""
    from bonemets.instructor.selfgrade import grade_in_throwaway_course

    return grade_in_throwaway_course(answered, ASSIGNMENT)


@pytest.mark.slow
def test_nbgrader_gives_the_course_feedback_page(graded: tuple[bytes, str]) -> None:
    html = graded[0].decode("utf-8")
    assert "1 point of 1" in html  # the course's feedback template: a marked paper
    assert "Test cell" not in html
    assert "a1_diagnosis" in html


@pytest.mark.slow
def test_feedback_logs_no_warning(graded: tuple[bytes, str]) -> None:
    """generate_feedback used to warn "display_data_priority not recognized by
    WithholdFeedback" (and SanitizeSubmission) on every run."""
    assert "[INFO] Writing" in graded[1]
    assert "WARNING" not in graded[1], graded[1]


def test_selfgrade_writes_the_page_and_says_where(
    answered: Path,
    graded: tuple[bytes, str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        "bonemets.instructor.selfgrade.grade_in_throwaway_course", lambda nb, a: graded
    )
    assert main(["selfgrade", str(answered)]) == 0
    out = capsys.readouterr().out.splitlines()
    page = answered.with_name("my copy_feedback.html")
    assert out[0].startswith("1 of ") and "marked automatically" in out[0]
    assert out[1] == f"Your feedback page: {page.resolve()}"
    assert page.read_bytes() == graded[0]


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d / "missing.ipynb", "no such file"),
        (lambda d: d, "is a folder, not a notebook"),
        (lambda d: _write(d / "notes.ipynb", "not json"), "not a notebook"),
        (
            lambda d: _write(d / "lesson.ipynb", nbformat.writes(nbformat.v4.new_notebook())),
            "no graded questions of this course",
        ),
    ],
)
def test_a_wrong_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make, message: str
) -> None:
    assert main(["selfgrade", str(make(tmp_path))]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bonemets selfgrade: ") and message in err and err.count("\n") == 1


def test_the_page_must_be_html(answered: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["selfgrade", str(answered), "--out", "feedback.pdf"]) == 2
    assert "ending in .html" in capsys.readouterr().err


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
