"""Small record pieces shared by the treatment modules."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourcedText:
    """A statement shown to readers with its own sources (checked by the loader)."""

    text: str
    sources: tuple[str, ...]
