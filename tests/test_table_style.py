"""One table style for the course: every table is left-aligned, at readable widths."""

from __future__ import annotations

from bonemets.citations import sources_html
from bonemets.figures import TABLE_STYLE, table_html
from bonemets.treatment.explorer import Patient
from bonemets.treatment.reference import fact_table_html
from bonemets.treatment.views import explorer_html


def test_every_table_carries_the_course_style() -> None:
    html = table_html(["A", "B"], [("x", "y")])
    assert html.startswith(TABLE_STYLE + '<table class="bonemets-table">')
    assert "text-align:left!important" in TABLE_STYLE
    assert "table-layout:auto!important" in TABLE_STYLE


def test_fact_tables_and_the_explorer_use_it() -> None:
    for html in (
        fact_table_html("who_ladder"),
        explorer_html(Patient("a_few", "spine", "stable", frozenset())),
    ):
        assert TABLE_STYLE in html and "text-align: left" not in html


def test_the_explorer_table_has_four_columns_not_seven() -> None:
    html = explorer_html(Patient("a_few", "spine", "stable", frozenset()))
    header = html[html.index("<thead>") : html.index("</thead>")]
    assert header.count('<th scope="col"') == 4


def test_sources_are_body_size_not_small_print() -> None:
    assert "<small>" not in sources_html(["mayo2025"])
