"""Pieces every lesson notebook shows: the notice, objectives and glossary, from course data."""

from __future__ import annotations

import html
from collections.abc import Iterable

from IPython.display import HTML

from bonemets.citations import sources_html
from bonemets.data import GlossaryTerm, ModuleObjectives, load_collection

NOTICE = (
    "This course is for learning. It is not medical advice and does not replace the "
    "judgement of a patient's own care team or your local policies. Facts are shown with "
    "their sources; check current guidance before applying them in practice."
)


def module(module_id: str) -> ModuleObjectives:
    return load_collection(ModuleObjectives)[module_id]


def notice() -> HTML:
    """The education-not-advice notice, shown where a reader starts."""
    return HTML(
        '<div role="note" aria-label="Important notice" style="border-left:4px solid #0072B2;'
        f'padding:0.4em 0.8em"><strong>Important:</strong> {html.escape(NOTICE)}</div>'
    )


def objectives_html(module_id: str) -> str:
    """The module's learning objectives as a list, read from ``course_data/modules.yaml``."""
    record = module(module_id)
    items = "".join(
        f"<li>{html.escape(o.text)} <small>({html.escape(o.id)})</small></li>"
        for o in record.objectives
    )
    return (
        f"<h3>Learning objectives</h3><p>By the end of <em>{html.escape(record.title)}</em> "
        f"you will be able to:</p><ol>{items}</ol>"
    )


def objectives(module_id: str) -> HTML:
    return HTML(objectives_html(module_id))


def glossary_html(term_ids: Iterable[str] | None = None) -> str:
    """Definitions (all, or the ids given) as a description list, each with its sources."""
    glossary = load_collection(GlossaryTerm)
    terms = [glossary[t] for t in term_ids] if term_ids is not None else list(glossary.values())
    entries = "".join(
        f"<dt><strong>{html.escape(t.term)}</strong></dt>"
        f"<dd>{html.escape(t.definition)} {sources_html(t.sources)}</dd>"
        for t in terms
    )
    return f"<dl>{entries}</dl>"


def glossary(term_ids: Iterable[str] | None = None) -> HTML:
    return HTML(glossary_html(term_ids))


def learning_path_html() -> str:
    """The modules in order, as a table: the course map shown on the start page."""
    from bonemets.figures import table_html

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


def learning_path() -> HTML:
    return HTML(learning_path_html())
