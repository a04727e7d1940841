"""Every course cache is forgotten by one call."""

from __future__ import annotations

from bonemets.caching import clear_caches, course_cache


def test_clear_caches_forgets_every_registered_cache() -> None:
    calls: list[int] = []

    @course_cache(maxsize=4)
    def square(n: int) -> int:
        calls.append(n)
        return n * n

    assert square(3) == 9 and square(3) == 9
    assert calls == [3]
    clear_caches()
    assert square(3) == 9
    assert calls == [3, 3]
