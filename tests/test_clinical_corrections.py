"""Issue 12 corrections stay corrected, in data and lessons alike, and every citation a
lesson shows carries the date its source was read."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from bonemets.data import Source, load_collection
from bonemets.imaging import data as imaging
from bonemets.imaging.records import Complication
from bonemets.quiz.items import SelfCheck
from bonemets.treatment.reference import fact_table

LESSONS = [
    f"notebooks/0{n}_{name}.ipynb"
    for n, name in [
        (1, "bone_metastasis_basics"),
        (2, "diagnosis"),
        (3, "systemic_treatments"),
        (4, "local_treatments"),
        (5, "supportive_care"),
    ]
]
CITATION = re.compile(r"\(?Sources?: ([^\n]*?)(?:\)|\.)?$", re.M)
DATED = re.compile(r"^(?P<short>.+), read on (?P<date>\d{4}-\d{2}-\d{2})$")


def markdown(repo_root: Path, notebook: str) -> list[str]:
    nb = nbformat.read(repo_root / notebook, as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "markdown"]


def course_texts(repo_root: Path) -> str:
    """Every data file a student can see, except the bibliography's own descriptions."""
    files = [
        *sorted((repo_root / "course_data/imaging").glob("*.yaml")),
        *sorted((repo_root / "course_data/treatment").glob("*.yaml")),
        *sorted((repo_root / "course_data/self_checks").glob("*.yaml")),
        repo_root / "course_data/glossary.yaml",
    ]
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def test_fdg_preparation_allows_water_and_has_an_upper_glucose_limit_only() -> None:
    pet = imaging.modalities()["pet"]
    preparation = " ".join(s.text for s in pet.preparation)
    assert "plain water is allowed" in preparation and "No food" in preparation
    assert "upper limit" in preparation and "150 and 200 mg/dL" in preparation
    assert "diabetes medicines" in preparation
    assert "120" not in preparation and "or drink" not in preparation


def test_no_data_file_teaches_nothing_by_mouth_or_a_120_glucose_target(
    repo_root: Path,
) -> None:
    text = course_texts(repo_root)
    assert "120 to 150" not in text and "120-150" not in text
    assert "eat or drink" not in text.lower()
    for lesson in LESSONS:
        prose = "\n".join(markdown(repo_root, lesson))
        assert "120 to 150" not in prose and "eat or drink" not in prose


def test_bone_scan_fluids_are_unless_restricted() -> None:
    bone_scan = imaging.modalities()["bone_scan"]
    fluids = next(s.text for s in bone_scan.preparation if "1 litre" in s.text)
    assert "unless fluids are restricted" in fluids


def test_contrast_checks_include_previous_reaction_and_metformin() -> None:
    ct = " ".join(s.text for s in imaging.modalities()["ct"].preparation)
    assert "reacted to contrast" in ct and "metformin" in ct
    assert {"contrast_reaction", "metformin"} <= set(imaging.factors())


def test_hypercalcaemia_is_escalated_at_once_in_data_and_lessons(repo_root: Path) -> None:
    complications = load_collection(Complication)
    assert complications["hypercalcemia"].urgency == "emergency: escalate at once"
    assert "escalate at once" in complications["hypercalcemia"].nurse_actions[0].text.lower()
    for lesson in LESSONS[0], LESSONS[3]:
        assert "New confusion" in "\n".join(markdown(repo_root, lesson))


def test_cord_compression_cue_is_new_or_changing_pain_not_pain_lying_down(
    repo_root: Path,
) -> None:
    cue = next(c for c in load_collection(Complication)["cord_compression"].cues)
    assert cue.text.startswith("New or changing back pain")
    signs = fact_table("mscc_signs").rows[0].cells[1]
    assert "new or changing back pain" in signs and "minority" in signs
    text = course_texts(repo_root) + "\n".join(
        "\n".join(markdown(repo_root, lesson)) for lesson in LESSONS
    )
    assert "typically worse lying down" not in text
    assert "typical of cord compression" not in text


def test_astro_2024_backs_the_cord_compression_teaching() -> None:
    checks = load_collection(SelfCheck)
    assert "astro2024" in checks["local_sc_mscc"].sources
    mscc = fact_table("mscc_actions")
    assert all("astro2024" in r.sources for r in mscc.rows if "Dexamethasone" in r.cells[0])


def test_yang_2011_is_described_as_67_articles(repo_root: Path) -> None:
    prose = "\n".join(markdown(repo_root, LESSONS[1]))
    assert "67 articles (145 studies)" in prose and "67 studies" not in prose


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_lesson_citation_shows_when_its_source_was_read(repo_root: Path, lesson: str) -> None:
    by_short = {s.short: s for s in load_collection(Source).values()}
    checked = 0
    for text in markdown(repo_root, lesson):
        for match in CITATION.finditer(text):
            for part in match.group(1).split("; "):
                dated = DATED.match(part.strip())
                assert dated, f"{lesson}: citation without 'read on <date>': {part!r}"
                source = by_short.get(dated["short"])
                assert source, f"{lesson}: {dated['short']!r} is not a source's short name"
                assert dated["date"] == source.accessed, f"{lesson}: {part!r}"
                checked += 1
    assert checked >= 3


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_cited_source_is_in_the_generated_list_once(repo_root: Path, lesson: str) -> None:
    """One reference list per lesson, generated from sources.yaml: no hand-written entries
    beside it (they duplicated its labels), and every source the prose cites is in it."""
    cell = next(t for t in markdown(repo_root, lesson) if t.startswith("## Sources"))
    assert [line for line in cell.splitlines() if line.startswith("- ")] == []
    nb = nbformat.read(repo_root / lesson, as_version=4)
    (references,) = [c.source for c in nb.cells if "lesson.References(" in c.source]
    listed = re.findall(r'"([a-z0-9_]+)"', references)
    if not listed:  # lesson 2's list is generated from the data it shows
        return
    assert len(listed) == len(set(listed)), f"{lesson}: a source listed twice"
    by_short = {s.short: s.id for s in load_collection(Source).values()}
    for text in markdown(repo_root, lesson):
        for match in CITATION.finditer(text):
            for part in match.group(1).split("; "):
                dated = DATED.match(part.strip())
                if dated and dated["short"] in by_short:
                    assert by_short[dated["short"]] in listed, f"{lesson}: {part!r} not listed"
