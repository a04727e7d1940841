"""The coverage table: the lessons that teach each seed section, then the item bank's items
per seed section, clinical-judgment step and type."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bonemets.assessment.bank import load_items
from bonemets.assessment.items import CJ_STEPS, KINDS
from bonemets.data import SeedSection, load_collection
from bonemets.treatment.coverage import lessons_table

TYPES: tuple[str, ...] = tuple(KINDS)


def coverage_counts(folder: Path | None = None) -> dict[str, Counter[str]]:
    """Counts by ``seed_section``, ``cj_step``, ``type`` and ``assignment`` (zeros included)."""
    items = load_items(folder).values()
    sections = load_collection(SeedSection, folder)
    counts = {
        "seed_section": Counter(dict.fromkeys(sections, 0)),
        "cj_step": Counter(dict.fromkeys(CJ_STEPS, 0)),
        "type": Counter(dict.fromkeys(TYPES, 0)),
        "assignment": Counter(),
    }
    for item in items:
        for facet, counter in counts.items():
            counter[getattr(item, facet)] += 1
    return counts


def coverage_table(folder: Path | None = None) -> str:
    """A plain-text table; a row marked ``MISSING`` has no item yet."""
    lines = [lessons_table(folder), ""]
    for facet, counter in coverage_counts(folder).items():
        lines.append(f"Items per {facet.replace('_', ' ')}")
        width = max(len(k) for k in counter)
        for key, count in counter.items():
            flag = "  MISSING" if count == 0 else ""
            lines.append(f"  {key:<{width}}  {count:>3}{flag}")
        lines.append("")
    return "\n".join(lines).rstrip()
