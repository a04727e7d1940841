"""The seed-coverage table: where each section of the primary source is taught.

``course_data/coverage.yaml`` maps every seed section id to a lesson notebook, the
headings in it that teach the section, and the self-checks that practise it. A section
taught again elsewhere, from the nurse's side (lesson 6, nursing care), names that lesson
under ``also_taught``. The checks that those headings and self-checks really exist are in
``tests/test_coverage_table.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bonemets.data import load_collection
from bonemets.data.errors import InvalidField


def _check_taught(headings: tuple[str, ...], self_checks: tuple[str, ...]) -> None:
    if not headings:
        raise InvalidField("headings", "name at least one lesson heading")
    if not self_checks:
        raise InvalidField("self_checks", "name at least one self-check")


@dataclass(frozen=True)
class AlsoTaught:
    """Another lesson that teaches the section, with its headings and self-checks."""

    notebook: str  # path from the repository root
    headings: tuple[str, ...]
    self_checks: tuple[str, ...]

    def __post_init__(self) -> None:
        _check_taught(self.headings, self.self_checks)


@dataclass(frozen=True)
class SeedCoverage:
    id: str  # a seed_sections.yaml id
    notebook: str  # path from the repository root
    headings: tuple[str, ...]  # markdown headings (without the leading #s) in that notebook
    self_checks: tuple[str, ...]  # self-check ids that practise the section
    widgets: tuple[str, ...] = ()  # widget names, where a widget teaches the section
    also_taught: tuple[AlsoTaught, ...] = ()  # other lessons that teach it too

    def __post_init__(self) -> None:
        _check_taught(self.headings, self.self_checks)

    @property
    def places(self) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
        """Every (notebook, headings, self-checks) that teaches the section, main first."""
        main = (self.notebook, self.headings, self.self_checks)
        return (main, *((a.notebook, a.headings, a.self_checks) for a in self.also_taught))


def coverage(folder: Path | None = None) -> dict[str, SeedCoverage]:
    return dict(load_collection(SeedCoverage, folder))


def lessons_table(folder: Path | None = None) -> str:
    """Plain text: each seed section and the lessons that teach it, main lesson first."""
    rows = coverage(folder)
    width = max(len(section) for section in rows)
    lines = ["Lessons per seed section"]
    for section, row in rows.items():
        names = ", ".join(Path(path).stem for path, _, _ in row.places)
        lines.append(f"  {section:<{width}}  {names}")
    return "\n".join(lines)
