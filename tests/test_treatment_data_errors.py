"""Broken copies of the treatment data fail with one error naming file, record and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from data_helpers import replace_once

from bonemets.data import CourseDataError
from bonemets.data.loader import load_collection
from bonemets.treatment.checklist import Checklist
from bonemets.treatment.coverage import SeedCoverage
from bonemets.treatment.explorer import TreatmentOption
from bonemets.treatment.mirels import MirelsTable
from bonemets.treatment.schedules import ScheduleSet


def break_file(folder: Path, file: str, old: str, new: str) -> None:
    replace_once(folder / file, old, new)


def error_for(cls: type) -> str:
    with pytest.raises(CourseDataError) as caught:
        load_collection(cls)
    return str(caught.value)


def test_unknown_count_in_a_rule(course_data_copy: Path) -> None:
    break_file(
        course_data_copy,
        "treatment/options.yaml",
        "when: {counts: [a_few, many]}",
        "when: {counts: [several]}",
    )
    message = error_for(TreatmentOption)
    assert message.startswith("course_data/treatment/options.yaml: record 'opt_chemotherapy'")
    assert "field 'when.counts[0]'" in message and "'several'" in message


def test_option_without_nursing(course_data_copy: Path) -> None:
    break_file(
        course_data_copy,
        "treatment/options.yaml",
        "  nursing:\n    - find out which medicines are planned and follow the local policy"
        " for them\n",
        "  nursing: []\n",
    )
    message = error_for(TreatmentOption)
    assert "record 'opt_chemotherapy', field 'nursing'" in message


def test_mirels_bands_with_a_gap(course_data_copy: Path) -> None:
    break_file(
        course_data_copy, "treatment/mirels.yaml", "low: 8\n      high: 8", "low: 9\n      high: 9"
    )
    message = error_for(MirelsTable)
    assert "course_data/treatment/mirels.yaml: record 'mirels', field 'bands'" in message
    assert "should start at 8" in message


def test_unknown_source_in_a_schedule_statement(course_data_copy: Path) -> None:
    break_file(
        course_data_copy,
        "treatment/radiation_schedules.yaml",
        "sources: [astro2024]\n",
        "sources: [astro2099]\n",
    )
    message = error_for(ScheduleSet)
    assert "radiation_schedules.yaml: record 'painful_bone'" in message
    assert "statements[3].sources[0]" in message and "astro2099" in message


def test_schedule_with_zero_fractions(course_data_copy: Path) -> None:
    break_file(
        course_data_copy, "treatment/radiation_schedules.yaml", "fractions: 6", "fractions: 0"
    )
    message = error_for(ScheduleSet)
    assert "record 'painful_bone', field 'schedules[2].fractions'" in message


def test_checklist_item_without_sources(course_data_copy: Path) -> None:
    break_file(
        course_data_copy,
        "treatment/medication_checklists.yaml",
        "sources: [zoledronic_pi]\n",
        "sources: []\n",
    )
    message = error_for(Checklist)
    assert "medication_checklists.yaml: record 'zoledronic_acid'" in message
    assert "items[1].sources" in message and "cite at least one source" in message


def test_coverage_row_without_self_checks(course_data_copy: Path) -> None:
    break_file(
        course_data_copy, "coverage.yaml", "self_checks: [sys_sc_chemotherapy]", "self_checks: []"
    )
    message = error_for(SeedCoverage)
    assert message.startswith(
        "course_data/coverage.yaml: record 'chemotherapy', field 'self_checks'"
    )
