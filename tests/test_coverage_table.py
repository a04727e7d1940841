"""Every section of the seed is taught: the coverage table names real headings and self-checks."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from bonemets.data import ModuleObjectives, SeedSection, load_collection
from bonemets.quiz import SelfCheck
from bonemets.treatment.coverage import coverage, lessons_table

HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.MULTILINE)
ASK = re.compile(r"""quiz\.ask\(\s*["']([^"']+)["']\s*\)""")

#: The treatment and supportive topics the seed names, and the lesson each belongs to.
EXPECTED_LESSON = {
    "bone_building_medicines": "notebooks/03_systemic_treatments.ipynb",
    "radiopharmaceuticals": "notebooks/03_systemic_treatments.ipynb",
    "chemotherapy": "notebooks/03_systemic_treatments.ipynb",
    "hormone_therapy": "notebooks/03_systemic_treatments.ipynb",
    "pain_medicines": "notebooks/03_systemic_treatments.ipynb",
    "targeted_therapy": "notebooks/03_systemic_treatments.ipynb",
    "radiation_therapy": "notebooks/04_local_treatments.ipynb",
    "sbrt": "notebooks/04_local_treatments.ipynb",
    "surgery": "notebooks/04_local_treatments.ipynb",
    "ablation": "notebooks/04_local_treatments.ipynb",
    "clinical_trials": "notebooks/05_supportive_care.ipynb",
    "physical_therapy": "notebooks/05_supportive_care.ipynb",
    "coping_information": "notebooks/05_supportive_care.ipynb",
    "coping_someone_to_talk_to": "notebooks/05_supportive_care.ipynb",
    "coping_other_survivors": "notebooks/05_supportive_care.ipynb",
    "coping_acceptance": "notebooks/05_supportive_care.ipynb",
    "end_of_life_choices": "notebooks/05_supportive_care.ipynb",
    "hospice": "notebooks/05_supportive_care.ipynb",
    "appointment_preparation": "notebooks/05_supportive_care.ipynb",
    "appointment_questions": "notebooks/05_supportive_care.ipynb",
    "appointment_what_to_expect": "notebooks/05_supportive_care.ipynb",
    "imaging_tests": "notebooks/02_diagnosis.ipynb",
    "biopsy": "notebooks/02_diagnosis.ipynb",
}

#: Sections lesson 6 (nursing care) teaches from the nurse's side, besides their main lesson.
NURSING_LESSON = "notebooks/06_nursing_care.ipynb"
TAUGHT_IN_NURSING = {
    "imaging_tests",
    "biopsy",
    "radiopharmaceuticals",
    "pain_medicines",
    "radiation_therapy",
    "surgery",
    "coping_someone_to_talk_to",
    "hospice",
}

ROWS = coverage()


def notebook(repo_root: Path, path: str) -> nbformat.NotebookNode:
    assert (repo_root / path).exists(), f"{path} is named in coverage.yaml but missing"
    return nbformat.read(repo_root / path, as_version=4)


def headings(nb: nbformat.NotebookNode) -> set[str]:
    return {h for c in nb.cells if c.cell_type == "markdown" for h in HEADING.findall(c.source)}


def asked(nb: nbformat.NotebookNode) -> set[str]:
    return {i for c in nb.cells if c.cell_type == "code" for i in ASK.findall(c.source)}


def test_every_seed_section_has_exactly_one_row() -> None:
    assert set(ROWS) == set(load_collection(SeedSection))
    assert set(EXPECTED_LESSON) == set(load_collection(SeedSection))


def test_each_topic_is_taught_in_its_lesson() -> None:
    for section_id, path in EXPECTED_LESSON.items():
        assert ROWS[section_id].notebook == path, section_id


def test_rows_name_lessons_from_the_learning_path() -> None:
    lessons = {m.notebook for m in load_collection(ModuleObjectives).values() if m.kind == "lesson"}
    for row in ROWS.values():
        for path, _, _ in row.places:
            assert path in lessons, f"{row.id}: {path} is not a lesson"


def test_the_nursing_lesson_is_in_the_table() -> None:
    """Lesson 6 teaches the nurse's part of several sections: the table says which."""
    in_nursing = {
        row.id for row in ROWS.values() for path, _, _ in row.places[1:] if path == NURSING_LESSON
    }
    assert in_nursing == TAUGHT_IN_NURSING
    # `bonemets coverage` shows it too, after the section's main lesson.
    table = lessons_table()
    assert "  pain_medicines" in table
    pain = next(line for line in table.splitlines() if line.startswith("  pain_medicines "))
    assert pain.split()[1:] == ["03_systemic_treatments,", "06_nursing_care"]


@pytest.mark.parametrize("section_id", sorted(EXPECTED_LESSON))
def test_headings_exist_in_the_named_notebook(repo_root: Path, section_id: str) -> None:
    for path, named, _ in ROWS[section_id].places:
        missing = set(named) - headings(notebook(repo_root, path))
        assert not missing, f"{section_id}: no heading {sorted(missing)} in {path}"


@pytest.mark.parametrize("section_id", sorted(EXPECTED_LESSON))
def test_self_checks_exist_and_are_asked_in_that_notebook(repo_root: Path, section_id: str) -> None:
    items = load_collection(SelfCheck)
    for path, _, self_checks in ROWS[section_id].places:
        unknown = [i for i in self_checks if i not in items]
        assert not unknown, f"{section_id}: unknown self-check ids {unknown}"
        not_asked = set(self_checks) - asked(notebook(repo_root, path))
        assert not not_asked, f"{section_id}: {sorted(not_asked)} not asked in {path}"


def test_self_checks_tagged_with_a_section_are_listed_under_it() -> None:
    listed = {(row.id, item_id) for row in ROWS.values() for item_id in row.self_checks}
    for item in load_collection(SelfCheck).values():
        if item.seed_section and item.module in {"systemic", "local", "supportive"}:
            assert (item.seed_section, item.id) in listed, item.id


def test_widgets_named_exist_in_the_widget_module() -> None:
    from bonemets.treatment import widgets

    for row in ROWS.values():
        for name in row.widgets:
            assert callable(getattr(widgets, name, None)), f"{row.id}: no widget {name}"


def test_helpers_find_headings_and_asks() -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("## Surgery\ntext\n### Fracture risk: Mirels' score"),
        nbformat.v4.new_code_cell('quiz.ask("local_sc_mirels")'),
    ]
    assert headings(nb) == {"Surgery", "Fracture risk: Mirels' score"}
    assert asked(nb) == {"local_sc_mirels"}
