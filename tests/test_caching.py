"""Every course cache is forgotten by one call."""

from __future__ import annotations

from pathlib import Path

from data_helpers import replace_once

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


def test_one_call_forgets_loaded_data_and_cross_checks(course_data_copy: Path) -> None:
    import bonemets
    from bonemets.data import GlossaryTerm, load_collection
    from bonemets.imaging import data as imaging

    terms, doses = len(load_collection(GlossaryTerm)), len(imaging.doses())
    (course_data_copy / "glossary.yaml").write_text("[]\n")
    replace_once(course_data_copy / "imaging/doses.yaml", "- id: dose_bone_scan", "- id: renamed")
    assert len(load_collection(GlossaryTerm)) == terms, "loaded once, then cached"
    assert "renamed" not in imaging.doses()
    bonemets.clear_caches()
    assert len(load_collection(GlossaryTerm)) == 0
    assert "renamed" in imaging.doses() and len(imaging.doses()) == doses
