"""Edits to source/ fail loudly; every route to release/ writes the same bytes."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from bonemets.cli import main
from bonemets.grading.release_format import release_text
from bonemets.grading.source_builder import SourceEditedByHand, edited_by_hand, write_source

ASSIGNMENT = "a1_diagnosis"


def test_every_source_notebook_opens_with_the_edit_the_bank_note(repo_root: Path) -> None:
    for path in sorted((repo_root / "source").glob("*/*.ipynb")):
        first = nbformat.read(path, as_version=4).cells[0]
        assert "edit the bank, not this file" in first.source, path
        assert f"course_data/assessment/{path.parent.name}.yaml" in first.source
        assert "--force" in first.source


def test_release_leaves_the_note_and_the_fingerprint_out(repo_root: Path) -> None:
    for path in sorted((repo_root / "release").glob("*/*.ipynb")):
        text = path.read_text(encoding="utf-8")
        assert "edit the bank" not in text and "fingerprint" not in text, path


def test_a_hand_edit_is_refused_by_name_and_force_discards_it(tmp_path: Path) -> None:
    path = write_source(ASSIGNMENT, tmp_path)
    assert not edited_by_hand(path)
    nb = nbformat.read(path, as_version=4)
    nbformat.write(nb, path)  # saved again by Jupyter, unchanged (nbformat's own layout)
    assert not edited_by_hand(path), "re-saving without a change is not an edit"
    answer = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution"))
    answer.source = answer.source.replace("### END SOLUTION", "q1 = 'B'\n### END SOLUTION")
    nbformat.write(nb, path)
    with pytest.raises(SourceEditedByHand, match=rf"{path}.*course_data/assessment/"):
        write_source(ASSIGNMENT, tmp_path)
    write_source(ASSIGNMENT, tmp_path, force=True)
    assert not edited_by_hand(path)


def test_the_release_command_refuses_in_one_line(
    tmp_path: Path,
    repo_root: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_source(ASSIGNMENT, tmp_path)
    nb = nbformat.read(path, as_version=4)
    nb.cells[3].source += "\nA new sentence typed in formgrader."
    nbformat.write(nb, path)
    monkeypatch.setattr("bonemets.paths.repo_root", lambda: tmp_path)
    monkeypatch.setenv("BONEMETS_DATA", str(repo_root / "course_data"))
    assert main(["build-source", ASSIGNMENT]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"bonemets build-source: {path} was edited by hand")
    assert err.count("\n") == 1


def test_release_layout_drops_instructor_only_parts() -> None:
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("note", metadata={"bonemets_source_only": True}),
            nbformat.v4.new_markdown_cell("line one\nline two"),
        ],
        metadata={"widgets": {"state": 1}, "bonemets": {"fingerprint": "x"}},
    )
    text = release_text(nb)
    data = json.loads(text)
    assert [c["source"] for c in data["cells"]] == ["line one\nline two"]  # one string
    assert data["metadata"] == {} and text.endswith("}\n")


def test_formgrader_uses_the_same_exporter(tmp_path: Path) -> None:
    """formgrader's Generate calls nbgrader's API with the course's nbgrader_config.py:
    the exporter configured there is the one ``bonemets release`` uses (the round-trip
    test compares a fresh generate_assignment with release/ byte for byte)."""
    from bonemets.grading.course import course_config

    config = course_config(tmp_path)
    assert config.GenerateAssignment.exporter_class == (
        "bonemets.grading.release_format.ReleaseNotebook"
    )


def test_the_exchange_is_created_as_nbgrader_wants_it(
    tmp_path: Path, repo_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """nbgrader's release_assignment warned "Permissions for exchange directory ... are
    invalid" on the first release when the folder was made with the umask's 0o755."""
    from stat import S_IMODE

    from traitlets.config.loader import PyFileConfigLoader

    from bonemets.grading.course import course_config

    course_config(tmp_path / "course")
    assert S_IMODE((tmp_path / "course" / ".exchange").stat().st_mode) == 0o777
    monkeypatch.setenv("BONEMETS_EXCHANGE", str(tmp_path / "hub-exchange"))
    PyFileConfigLoader("nbgrader_config.py", path=str(repo_root)).load_config()
    assert S_IMODE((tmp_path / "hub-exchange").stat().st_mode) == 0o777
