"""One owner for the course's caches: ``course_cache`` memoises, ``clear_caches`` forgets all.

Views and loaders are cached because readers flip between the same few settings and a
matplotlib redraw costs 100-300 ms. Every cache is registered here, so editing course data
in a running kernel (or a test that points ``BONEMETS_DATA`` elsewhere) needs one call.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

_F = TypeVar("_F", bound=Callable[..., Any])


class _Clearable(Protocol):
    def cache_clear(self) -> None: ...


_REGISTRY: list[_Clearable] = []


def course_cache(maxsize: int | None = 128) -> Callable[[_F], _F]:
    """``functools.lru_cache`` whose cache :func:`clear_caches` also clears."""

    def decorate(function: _F) -> _F:
        cached = functools.lru_cache(maxsize=maxsize)(function)
        _REGISTRY.append(cached)
        # lru_cache keeps the call signature at run time, but mypy types the wrapper as its
        # own class: returning it as _F is the one unchecked step.
        return cached  # type: ignore[return-value]

    return decorate


def clear_caches() -> None:
    """Forget every cached load and view (after course data changed)."""
    for cached in _REGISTRY:
        cached.cache_clear()
