"""Sourced fact tables (emergency signs, nurse actions, devices, who can help), from data.

Each row carries its own sources, shown in the table's last column, so a reader sees the
source beside every fact.
"""

from __future__ import annotations

from dataclasses import dataclass

from bonemets.citations import sources_text
from bonemets.data import load_collection
from bonemets.data.errors import InvalidField
from bonemets.figures import table_html


@dataclass(frozen=True)
class FactRow:
    cells: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class FactTable:
    id: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[FactRow, ...]

    def __post_init__(self) -> None:
        for index, row in enumerate(self.rows):
            if len(row.cells) != len(self.columns):
                raise InvalidField(
                    "rows",
                    f"row {index + 1} has {len(row.cells)} cells for {len(self.columns)} columns",
                )


def fact_table(table_id: str) -> FactTable:
    return load_collection(FactTable)[table_id]


def fact_table_rows(table: FactTable) -> list[tuple[str, ...]]:
    """The rows with a final column naming each row's sources in words."""
    return [(*row.cells, sources_text(row.sources)) for row in table.rows]


def fact_table_html(table_id: str) -> str:
    table = fact_table(table_id)
    body = table_html([*table.columns, "Source"], fact_table_rows(table), caption=table.title)
    return f'<div class="bonemets-facts">{body}</div>'


@dataclass(frozen=True)
class FactTables:
    """One or more fact tables, shown one after the other in a lesson."""

    table_ids: tuple[str, ...]

    def _repr_html_(self) -> str:
        return "".join(fact_table_html(table_id) for table_id in self.table_ids)
