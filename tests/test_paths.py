"""One owner for the course's folders: bonemets.paths, overridable by environment."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bonemets import paths
from bonemets.data import load_course
from bonemets.errors import UserError

PACKAGE = Path(paths.__file__).resolve().parent
# The browser harness moves out of the package to tests/browser (issue 10, part 5).
LEAVING_THE_PACKAGE = ("browser",)


def test_the_repository_is_found_from_a_clone(repo_root: Path) -> None:
    assert paths.repo_root() == repo_root
    assert paths.course_data() == repo_root / "course_data"
    assert paths.source_dir() == repo_root / "source"
    assert paths.release_dir() == repo_root / "release"
    assert paths.gradebook_url() == f"sqlite:///{repo_root / 'gradebook.db'}"


def test_a_course_folder_can_be_named_by_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "course_data").mkdir()
    monkeypatch.setenv(paths.ROOT_VARIABLE, str(tmp_path))
    monkeypatch.delenv(paths.DATA_VARIABLE, raising=False)
    assert paths.repo_root() == tmp_path
    assert paths.course_data() == tmp_path / "course_data"
    assert paths.release_dir() == tmp_path / "release"
    assert paths.artifacts_dir() == tmp_path / "test-artifacts"
    assert paths.gallery_dir() == tmp_path / "docs" / "gallery"


def test_the_data_folder_alone_can_be_named(course_data_copy: Path, repo_root: Path) -> None:
    (course_data_copy / "glossary.yaml").write_text("[]\n")
    assert paths.course_data() == course_data_copy
    assert len(load_course()["glossary.yaml"]) == 0, "the loader reads the named folder"
    assert paths.repo_root() == repo_root


def test_a_folder_without_course_data_names_the_variable_to_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.ROOT_VARIABLE, str(tmp_path))
    monkeypatch.delenv(paths.DATA_VARIABLE, raising=False)
    with pytest.raises(UserError, match="set BONEMETS_ROOT to the folder that holds course_data"):
        paths.course_data()
    monkeypatch.setenv(paths.DATA_VARIABLE, str(tmp_path / "nowhere"))
    with pytest.raises(UserError, match=r"BONEMETS_DATA=.*nowhere is not a folder"):
        paths.course_data()


def uses_of_file(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "__file__"]


def test_only_paths_derives_folders_from_the_package_location() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "paths.py" and path.relative_to(PACKAGE).parts[0] not in LEAVING_THE_PACKAGE
        for line in uses_of_file(path)
    ]
    assert offenders == []
    assert uses_of_file(PACKAGE / "paths.py"), "the check looks for the right thing"


def test_grading_never_imports_a_command_line_module() -> None:
    for path in sorted((PACKAGE / "grading").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        assert not imported & {"bonemets.cli", "bonemets.admin"}, path.name


def test_the_student_edition_finds_its_packaged_course_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Installed from the student wheel: no repository around the package, the lessons and
    data packaged inside it (tools/student_wheel.py); the variables still come first."""
    packaged = tmp_path / "site-packages" / "bonemets" / paths.PACKAGED_COURSE
    (packaged / "course_data").mkdir(parents=True)
    monkeypatch.setattr(paths, "_PACKAGE_PARENT", tmp_path / "site-packages")
    monkeypatch.setattr(paths, "_PACKAGED", packaged)
    monkeypatch.delenv(paths.ROOT_VARIABLE, raising=False)
    monkeypatch.delenv(paths.DATA_VARIABLE, raising=False)
    assert paths.student_edition()
    assert paths.course_data() == packaged / "course_data"
    assert paths.notebooks_dir() == packaged / "notebooks"
    (tmp_path / "course" / "course_data").mkdir(parents=True)
    monkeypatch.setenv(paths.ROOT_VARIABLE, str(tmp_path / "course"))
    assert paths.course_data() == tmp_path / "course" / "course_data"
    monkeypatch.setenv(paths.DATA_VARIABLE, str(tmp_path))
    assert paths.course_data() == tmp_path


def test_a_clone_is_not_the_student_edition() -> None:
    assert not paths.student_edition()
