"""Which file in ``course_data/`` holds which kind of record.

Add a line here when a new data file is added; the loader refuses files it does not know,
so nothing sits in ``course_data/`` unvalidated. One kind of record may span several
files (self-checks, one file per lesson); ids stay unique across them. Values are
``"module:Class"`` so that loading the catalog imports only what is asked for.
"""

from __future__ import annotations

BIBLIOGRAPHY = "sources.yaml"

COLLECTIONS: dict[str, str] = {
    BIBLIOGRAPHY: "bonemets.data.records:Source",
    "glossary.yaml": "bonemets.data.records:GlossaryTerm",
    "modules.yaml": "bonemets.data.records:ModuleObjectives",
    "seed_sections.yaml": "bonemets.data.records:SeedSection",
    "self_checks/start.yaml": "bonemets.quiz.items:SelfCheck",
}
