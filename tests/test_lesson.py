"""The lesson pieces display themselves: a cell that ends with one shows its HTML."""

from __future__ import annotations

from IPython.core.formatters import DisplayFormatter

from bonemets import lesson
from bonemets.data import GlossaryTerm, load_collection


def shown(value: object) -> str:
    """What Jupyter puts in the cell's text/html output for ``value``."""
    data, _ = DisplayFormatter().format(value)
    return data["text/html"]


def test_notice_says_it_is_not_medical_advice() -> None:
    html = shown(lesson.Notice())
    assert 'role="note"' in html and "not medical advice" in html


def test_objectives_list_the_module_s_objectives_with_their_ids() -> None:
    html = shown(lesson.Objectives("basics"))
    assert html.startswith("<h3>Learning objectives</h3>") and "(basics.1)" in html


def test_glossary_shows_the_chosen_terms_in_order_or_all() -> None:
    html = shown(lesson.Glossary(iter(["biopsy", "bone_metastasis"])))
    terms = load_collection(GlossaryTerm)
    assert html.index(terms["biopsy"].term) < html.index(terms["bone_metastasis"].term)
    assert html.count("<dt>") == 2
    assert shown(lesson.Glossary()).count("<dt>") == len(terms)


def test_references_number_the_chosen_sources() -> None:
    html = shown(lesson.References(["mayo2025"]))
    assert html.startswith('<ol class="bonemets-references">') and html.count("<li>") == 1
