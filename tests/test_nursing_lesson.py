"""Lesson 6 as a whole: every objective practised, every cited source in its bibliography,
and self-check keys not bunched on one letter."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import nbformat

from bonemets.data import ModuleObjectives, cited_sources, load_collection
from bonemets.nursing.pain import PainScale
from bonemets.nursing.priorities import PriorityAction
from bonemets.nursing.radiation import RadiationSite
from bonemets.quiz import self_checks_for
from bonemets.treatment.reference import FactTable

NOTEBOOK = "notebooks/06_nursing_care.ipynb"
TABLE_CALL = re.compile(r"""w\.fact_table\(([^)]*)\)""")
QUOTED = re.compile(r"""["']([^"']+)["']""")


def lesson_code(repo_root: Path) -> str:
    nb = nbformat.read(repo_root / NOTEBOOK, as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code")


def test_every_objective_has_a_self_check() -> None:
    objectives = {o.id for o in load_collection(ModuleObjectives)["nursing"].objectives}
    assert objectives == {f"nurs.{n}" for n in range(1, 7)}
    practised = Counter(item.objective for item in self_checks_for("nursing"))
    assert set(practised) == objectives


def test_bibliography_lists_every_source_the_lesson_shows(repo_root: Path) -> None:
    code = lesson_code(repo_root)
    bibliography_cell = next(line for line in code.splitlines() if "References([" in line)
    listed = set(QUOTED.findall(bibliography_cell))
    tables = load_collection(FactTable)
    shown_tables = {t for call in TABLE_CALL.findall(code) for t in QUOTED.findall(call)}
    cited: set[str] = set()
    for table_id in shown_tables:
        cited |= cited_sources(tables[table_id])
    for kind in (PainScale, PriorityAction, RadiationSite):
        for record in load_collection(kind).values():
            cited |= cited_sources(record)
    for item in self_checks_for("nursing"):
        cited |= set(item.sources)
    cited.add("aspmn_sedation2011")  # the opioid check shown with every pain result
    assert cited - listed == set()


def test_single_answer_keys_are_spread_over_letters() -> None:
    keys = Counter(
        next(iter(item.key)) for item in self_checks_for("nursing") if item.kind == "single"
    )
    assert len(keys) >= 3 and max(keys.values()) <= sum(keys.values()) // 2
