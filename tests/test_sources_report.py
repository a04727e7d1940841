"""Evidence kept current: every source is dated, and `bonemets sources --stale` lists the
practice and dosing statements that rest on old or undated sources."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from data_helpers import replace_once

from bonemets.cli import main
from bonemets.data import CourseDataError, Source, load_collection
from bonemets.sources_report import practice_citations, stale_report, stale_sources

TODAY = date(2026, 12, 1)


def test_every_source_records_when_it_was_published_and_read() -> None:
    for source in load_collection(Source).values():
        assert source.published is None or 1900 < (source.published_year or 0) <= 2026
        assert source.accessed.startswith("2026-")


@pytest.mark.parametrize("published", ["2018/05", "18", "May 2018", ""])
def test_a_malformed_publication_date_is_refused(published: str) -> None:
    with pytest.raises(ValueError, match="published"):
        Source("x", "X", "X.", "2026-12-01", published, identifier="x")


def test_a_source_without_a_publication_date_is_a_clear_data_error(
    course_data_copy: Path,
) -> None:
    replace_once(course_data_copy / "sources.yaml", '  published: "2011"\n', "")
    with pytest.raises(CourseDataError) as caught:
        load_collection(Source)
    message = str(caught.value)
    assert "sources.yaml: record 'yang2011'" in message and "published" in message


def test_old_guideline_behind_a_practice_statement_is_listed() -> None:
    stale = {s.source.id: s for s in stale_sources(5, TODAY)}
    # ASTRO 2017 (superseded by ASTRO 2024) still sits behind the radiation schedules
    assert stale["astro2017"].age_years == 9
    assert "treatment/radiation_schedules.yaml: painful_bone" in stale["astro2017"].cited_by
    assert "astro2024" not in stale and "mayo2025" not in stale
    # An undated label is always listed, whatever the age limit
    assert stale["denosumab_pi"].age_years is None
    assert "denosumab_pi" in {s.source.id for s in stale_sources(200, TODAY)}
    assert "astro2017" not in {s.source.id for s in stale_sources(9, TODAY)}
    assert "astro2017" in {s.source.id for s in stale_sources(8, TODAY)}


def test_oldest_first_and_undated_last() -> None:
    ages = [s.age_years for s in stale_sources(5, TODAY)]
    dated = [a for a in ages if a is not None]
    assert dated == sorted(dated, reverse=True)
    assert ages[len(dated) :] == [None] * (len(ages) - len(dated))


def test_only_practice_statements_count() -> None:
    cited = practice_citations()
    # FDG preparation (a practice statement) is listed by field; what a scan shows is not
    assert "imaging/modalities.yaml: pet.preparation" in cited["snmmi_fdg"]
    assert "heindel2014" not in cited  # cited only for what scans show and which to choose
    assert "yang2011" not in cited  # accuracy figures are facts, not practice
    assert "treatment/medication_checklists.yaml: denosumab" in cited["xgeva_smpc"]
    # Even with no age limit, a source cited only for facts is never listed
    assert "yang2011" not in {s.source.id for s in stale_sources(0, TODAY)}


def test_report_names_each_source_its_age_and_where_it_is_cited() -> None:
    lines = stale_report(stale_sources(5, TODAY), 5)
    text = "\n".join(lines)
    assert lines[0].endswith("re-check them against current guidance:")
    assert "- who_ladder (WHO analgesic ladder (1996)): published 1996, 30 years ago" in text
    assert "    treatment/fact_tables.yaml: who_ladder" in text
    assert stale_report([], 5) == [
        "No practice statement rests on a source older than 5 years or undated."
    ]


def test_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sources", "--stale", "--years", "100"]) == 0
    out = capsys.readouterr().out
    assert "denosumab_pi" in out  # undated: always listed
    assert "mirels1989" not in out and "mayo2025" not in out  # within 100 years
    assert main(["sources"]) == 0
    assert "pmc381057: published 2004-03-06, read 2026-12-01 (Picano 2004)" in (
        capsys.readouterr().out
    )
    assert main(["sources", "--stale", "--years", "-1"]) == 2
    assert "--years must be 0 or more, got -1" in capsys.readouterr().err
