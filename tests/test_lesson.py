"""The lesson pieces display themselves: a cell that ends with one shows its HTML."""

from __future__ import annotations

import pytest
from IPython.core.formatters import DisplayFormatter

from bonemets import lesson
from bonemets.data import GlossaryTerm, ModuleObjectives, load_collection
from bonemets.data.errors import InvalidField


def shown(value: object) -> str:
    """What Jupyter puts in the cell's text/html output for ``value``."""
    data, _ = DisplayFormatter().format(value)
    return data["text/html"]


def test_notice_says_it_is_not_medical_advice() -> None:
    html = shown(lesson.Notice())
    assert 'role="note"' in html and "not medical advice" in html


def test_objectives_list_the_module_s_objectives_and_its_time() -> None:
    html = shown(lesson.Objectives("basics"))
    assert html.startswith("<h3>Learning objectives</h3>")
    objectives = load_collection(ModuleObjectives)["basics"].objectives
    assert html.count("<li>") == len(objectives)
    assert "(basics.1)" not in html  # ids are for the course team, not for students
    assert "<strong>Time:</strong> about 30 minutes." in html


def test_every_lesson_has_a_time_estimate() -> None:
    lessons = [m for m in load_collection(ModuleObjectives).values() if m.kind == "lesson"]
    assert len(lessons) >= 7
    for module in lessons:
        assert module.minutes and module.minutes > 0, module.id
        assert f"about {module.minutes} minutes" in shown(lesson.Objectives(module.id))


def test_a_lesson_without_a_time_estimate_is_a_data_error() -> None:
    with pytest.raises(InvalidField, match="minutes"):
        ModuleObjectives("x", 1, "X", "lesson", "notebooks/x.ipynb", "x")


def test_glossary_shows_the_chosen_terms_in_order_or_all() -> None:
    html = shown(lesson.Glossary(iter(["biopsy", "bone_metastasis"])))
    terms = load_collection(GlossaryTerm)
    assert html.index(terms["biopsy"].term) < html.index(terms["bone_metastasis"].term)
    assert html.count("<dt>") == 2
    assert shown(lesson.Glossary()).count("<dt>") == len(terms)


def test_references_number_the_chosen_sources() -> None:
    html = shown(lesson.References(["mayo2025"]))
    assert html.startswith('<ol class="bonemets-references">') and html.count("<li>") == 1
