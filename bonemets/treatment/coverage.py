"""The seed-coverage table: where each section of the primary source is taught.

``course_data/coverage.yaml`` maps every seed section id to a lesson notebook, the
headings in it that teach the section, and the self-checks that practise it. The checks
that those headings and self-checks really exist are in ``tests/test_coverage_table.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from bonemets.data import load_collection
from bonemets.data.errors import InvalidField


@dataclass(frozen=True)
class SeedCoverage:
    id: str  # a seed_sections.yaml id
    notebook: str  # path from the repository root
    headings: tuple[str, ...]  # markdown headings (without the leading #s) in that notebook
    self_checks: tuple[str, ...]  # self-check ids that practise the section
    widgets: tuple[str, ...] = ()  # widget names, where a widget teaches the section

    def __post_init__(self) -> None:
        if not self.headings:
            raise InvalidField("headings", "name at least one lesson heading")
        if not self.self_checks:
            raise InvalidField("self_checks", "name at least one self-check")


def coverage() -> dict[str, SeedCoverage]:
    return dict(load_collection(SeedCoverage))
