"""pyproject.toml and environment.yml must name the same packages with the same versions."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10 has no tomllib; tomli is the same parser
    tomllib = pytest.importorskip("tomli")

# Conda-only entries that have no counterpart among the Python dependencies.
CONDA_ONLY = {"python", "pip"}


def pyproject_requirements(path: Path) -> dict[str, str]:
    project = tomllib.loads(path.read_text())["project"]
    specs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        specs.extend(extra)
    return {canonicalize_name(r.name): str(r.specifier) for r in map(Requirement, specs)}


def conda_requirements(path: Path) -> dict[str, str]:
    deps = yaml.safe_load(path.read_text())["dependencies"]
    found = {}
    for dep in deps:
        if not isinstance(dep, str):
            continue  # the nested pip: section installs the course itself
        requirement = Requirement(dep.replace(" ", ""))
        if requirement.name not in CONDA_ONLY:
            found[canonicalize_name(requirement.name)] = str(requirement.specifier)
    return found


def test_same_packages_and_versions(repo_root: Path) -> None:
    pip_side = pyproject_requirements(repo_root / "pyproject.toml")
    conda_side = conda_requirements(repo_root / "environment.yml")
    assert pip_side == conda_side


def test_disagreement_is_detected(tmp_path: Path, repo_root: Path) -> None:
    changed = (
        (repo_root / "environment.yml")
        .read_text()
        .replace("matplotlib>=3.11,<3.12", "matplotlib>=3.10,<3.12")
    )
    (tmp_path / "environment.yml").write_text(changed)
    assert (
        conda_requirements(tmp_path / "environment.yml")["matplotlib"]
        != (pyproject_requirements(repo_root / "pyproject.toml")["matplotlib"])
    )


@pytest.mark.parametrize(
    "name, pinned",
    [
        ("jupyterlab", "4.6"),
        ("ipywidgets", "8.1"),
        ("nbgrader", "0.9.6"),
        ("matplotlib", "3.11"),
        ("nbval", "0.11"),
    ],
)
def test_stack_versions_asked_for(repo_root: Path, name: str, pinned: str) -> None:
    """The stack named in the course brief is what the ranges admit."""
    spec = pyproject_requirements(repo_root / "pyproject.toml")[name]
    assert SpecifierSet(spec).contains(pinned + (".0" if pinned.count(".") == 1 else ""))


def test_constraints_pin_within_ranges(repo_root: Path) -> None:
    """Every exact pin in constraints.txt satisfies the pyproject range of that package."""
    pins = {}
    for line in (repo_root / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            requirement = Requirement(line)
            pins[canonicalize_name(requirement.name)] = next(iter(requirement.specifier)).version
    for name, spec in pyproject_requirements(repo_root / "pyproject.toml").items():
        assert name in pins, f"{name} is not pinned in constraints.txt"
        assert SpecifierSet(spec).contains(pins[name]), f"{name}=={pins[name]} outside {spec}"
