"""Pieces every lesson notebook shows, from course data: each is a small object that
displays itself (``_repr_html_``), so a cell ends with e.g. ``lesson.Objectives("basics")``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from bonemets.citations import bibliography_html, sources_html
from bonemets.data import GlossaryTerm, ModuleObjectives, load_collection
from bonemets.figures import table_html

NOTICE = (
    "This course is for learning. It is not medical advice and does not replace the "
    "judgement of a patient's own care team or your local policies. Facts are shown with "
    "their sources; check current guidance before applying them in practice."
)


class Notice:
    """The education-not-advice notice, shown where a reader starts."""

    def _repr_html_(self) -> str:
        return (
            '<div role="note" aria-label="Important notice" style="border-left:4px solid '
            f'#0072B2;padding:0.4em 0.8em"><strong>Important:</strong> {html.escape(NOTICE)}</div>'
        )


class Objectives:
    """A module's learning objectives as a list, read from ``course_data/modules.yaml``."""

    def __init__(self, module_id: str) -> None:
        self.module_id = module_id

    def _repr_html_(self) -> str:
        record = load_collection(ModuleObjectives)[self.module_id]
        items = "".join(f"<li>{html.escape(o.text)}</li>" for o in record.objectives)
        time = (
            f"<p><strong>Time:</strong> about {record.minutes} minutes.</p>"
            if record.minutes
            else ""
        )
        return (
            f"<h3>Learning objectives</h3>{time}<p>By the end of "
            f"<em>{html.escape(record.title)}</em> you will be able to:</p><ol>{items}</ol>"
        )


class Glossary:
    """Definitions (all, or the term ids given) as a description list, each with sources."""

    def __init__(self, term_ids: Iterable[str] | None = None) -> None:
        self.term_ids = None if term_ids is None else tuple(term_ids)

    def _repr_html_(self) -> str:
        glossary = load_collection(GlossaryTerm)
        ids = self.term_ids if self.term_ids is not None else tuple(glossary)
        entries = "".join(
            f"<dt><strong>{html.escape(glossary[t].term)}</strong></dt>"
            f"<dd>{html.escape(glossary[t].definition)} {sources_html(glossary[t].sources)}</dd>"
            for t in ids
        )
        return f"<dl>{entries}</dl>"


class LearningPath:
    """The modules in order, as a table: the course map shown on the start page."""

    def _repr_html_(self) -> str:
        modules = sorted(load_collection(ModuleObjectives).values(), key=lambda m: m.number)
        rows = [
            (
                m.title,
                "Lesson" if m.kind == "lesson" else "Graded assignment",
                m.summary,
                m.notebook if m.kind == "lesson" else f"{m.id} (JupyterHub) or release/{m.id}/",
            )
            for m in modules
        ]
        return table_html(
            ["Module", "Type", "What it covers", "Where to find it"],
            rows,
            caption="The learning path, in order",
        )


class References:
    """A lesson's numbered reference list (all sources, or the ids given), for its end."""

    def __init__(self, source_ids: Iterable[str] | None = None) -> None:
        self.source_ids = None if source_ids is None else tuple(source_ids)

    def _repr_html_(self) -> str:
        return bibliography_html(self.source_ids)
