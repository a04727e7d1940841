"""Show the sources behind what a lesson says, next to it."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from bonemets.data import Source, load_collection


def _sources(source_ids: Iterable[str]) -> list[Source]:
    bibliography = load_collection(Source)
    return [bibliography[source_id] for source_id in dict.fromkeys(source_ids)]


def read_on(source: Source) -> str:
    """When the course team read the source, as shown beside every citation."""
    return f", read on {source.accessed}"


def sources_text(source_ids: Iterable[str]) -> str:
    """Plain text for a list of sources, e.g.
    ``Sources: Yang 2011, read on 2026-11-30; Mayo Clinic 2025, read on 2026-11-30``."""
    labels = []
    for source in _sources(source_ids):
        label = source.short + read_on(source)
        if source.strength:
            label += f" ({source.strength})"
        labels.append(label)
    prefix = "Source" if len(labels) == 1 else "Sources"
    return f"{prefix}: " + "; ".join(labels)


def sources_html(source_ids: Iterable[str]) -> str:
    """The same as :func:`sources_text`, linked where a source has an address.

    The full citation is in each link's ``title``, so hovering or a screen reader's
    description gives it without cluttering the lesson.
    """
    items = []
    for source in _sources(source_ids):
        label = html.escape(source.short)
        title = html.escape(source.citation, quote=True)
        if source.link:
            label = (
                f'<a href="{html.escape(source.link, quote=True)}" title="{title}" '
                f'target="_blank" rel="noopener">{label}</a>'
            )
        else:
            label = f'<span title="{title}">{label}</span>'
        label += html.escape(read_on(source))
        if source.strength:
            label += f" <em>({html.escape(source.strength)})</em>"
        items.append(label)
    prefix = "Source" if len(items) == 1 else "Sources"
    return (
        # Body size: the sources are part of what a nurse reads, not fine print.
        f'<span class="bonemets-sources">{prefix}: ' + "; ".join(items) + "</span>"
    )


def bibliography_html(source_ids: Iterable[str] | None = None) -> str:
    """A numbered reference list (all sources, or those given), for a lesson's last cell."""
    sources = (
        _sources(source_ids) if source_ids is not None else list(load_collection(Source).values())
    )
    lines = []
    for source in sources:
        entry = html.escape(source.citation)
        if source.link:
            link = html.escape(source.link, quote=True)
            entry += f' <a href="{link}">{html.escape(source.link)}</a>'
        elif source.identifier:
            entry += f" ({html.escape(source.identifier)})"
        entry += f" Published {html.escape(source.published_text)}. Read {source.accessed}."
        if source.strength:
            entry += f" <em>Note: {html.escape(source.strength)}.</em>"
        lines.append(f"<li>{entry}</li>")
    return '<ol class="bonemets-references">' + "".join(lines) + "</ol>"


@dataclass(frozen=True)
class SourcedText:
    """One sentence shown to readers with its own sources (the loader checks every id)."""

    text: str
    sources: tuple[str, ...]

    def html(self) -> str:
        """The sentence, escaped, followed by its linked sources."""
        return f"{html.escape(self.text)} {sources_html(self.sources)}"


def sourced_list(statements: Iterable[SourcedText]) -> str:
    """A bulleted list of sourced sentences."""
    return "<ul>" + "".join(f"<li>{s.html()}</li>" for s in statements) + "</ul>"
