"""The content model: shipped data loads; each kind of bad data gets one clear error."""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

import pytest
from data_helpers import replace_once

from bonemets.admin import validate_data
from bonemets.assessment import types
from bonemets.data import (
    CourseDataError,
    GlossaryTerm,
    ModuleObjectives,
    SeedSection,
    Source,
    load_collection,
    load_course,
)
from bonemets.data.catalog import COLLECTIONS
from bonemets.data.convert import InvalidValues, build_record, field_types
from bonemets.data.errors import WHOLE_RECORD, InvalidField, Problem
from bonemets.data.loader import _record_class, _records


def load_problems(folder: Path) -> list[str]:
    """Every problem loading ``folder`` reports, one line each."""
    with pytest.raises(CourseDataError) as caught:
        load_course(folder)
    lines = str(caught.value).splitlines()
    assert lines == [str(problem) for problem in caught.value.problems]
    return lines


def load_error(folder: Path) -> str:
    """The one problem loading ``folder`` reports."""
    lines = load_problems(folder)
    assert len(lines) == 1, f"expected one problem, got {lines}"
    return lines[0]


# --- the shipped data -------------------------------------------------------------------


def test_shipped_data_loads_and_every_catalogued_file_has_records() -> None:
    course = load_course()
    assert set(course) == set(COLLECTIONS)
    for file, collection in course.items():
        assert len(collection) > 0, f"{file} is empty"


def test_every_glossary_term_and_seed_section_cites_known_sources() -> None:
    sources = load_collection(Source)
    for kind in (GlossaryTerm, SeedSection):
        for record in load_collection(kind).values():
            assert record.sources and set(record.sources) <= set(sources)


def test_records_are_immutable() -> None:
    term = next(iter(load_collection(GlossaryTerm).values()))
    with pytest.raises(dataclasses.FrozenInstanceError):
        term.definition = "changed"  # type: ignore[misc]
    assert isinstance(term.sources, tuple)


def test_modules_form_the_learning_path() -> None:
    modules = sorted(load_collection(ModuleObjectives).values(), key=lambda m: m.number)
    assert [m.number for m in modules] == list(range(len(modules)))
    lessons = [m for m in modules if m.kind == "lesson"]
    assert lessons[0].notebook == "notebooks/00_start_here.ipynb"
    assert all(m.objectives for m in lessons), "every lesson has learning objectives"


def test_sources_have_a_locator_and_an_access_date() -> None:
    for source in load_collection(Source).values():
        assert source.url or source.doi or source.identifier
        assert len(source.accessed) == 10


def test_missing_record_gives_a_clear_key_error() -> None:
    with pytest.raises(KeyError, match="has no record 'nope'"):
        load_collection(Source)["nope"]


# --- broken data: each problem named by file, record and field ------------------------------


def test_malformed_yaml_names_file_and_line(course_data_copy: Path) -> None:
    replace_once(
        course_data_copy / "glossary.yaml", "- id: biopsy\n", "- id: biopsy\n  term: [unclosed\n"
    )
    message = load_error(course_data_copy)
    assert message.startswith("course_data/glossary.yaml: malformed YAML at line")


def test_missing_field(course_data_copy: Path) -> None:
    path = course_data_copy / "glossary.yaml"
    text = path.read_text()
    start = text.index("- id: biopsy")
    line = text.index("  definition:", start)
    path.write_text(text[:line] + text[text.index("\n", line) + 1 :])
    assert load_error(course_data_copy) == (
        "course_data/glossary.yaml: record 'biopsy', field 'definition': missing (required)"
    )


def test_mistyped_field_value(course_data_copy: Path) -> None:
    replace_once(course_data_copy / "modules.yaml", "  number: 2\n", "  number: two\n")
    assert load_error(course_data_copy) == (
        "course_data/modules.yaml: record 'diagnosis', field 'number': "
        "expected a whole number, got str 'two'"
    )


def test_misspelt_field_name(course_data_copy: Path) -> None:
    replace_once(course_data_copy / "glossary.yaml", "  definition: Taking", "  defintion: Taking")
    message = load_error(course_data_copy)
    assert message.startswith(
        "course_data/glossary.yaml: record 'biopsy', field 'defintion': unknown field (a typo?)"
    )


def test_value_outside_allowed_set(course_data_copy: Path) -> None:
    replace_once(course_data_copy / "modules.yaml", "  kind: lesson\n", "  kind: lecture\n")
    message = load_error(course_data_copy)
    assert "record 'start', field 'kind': expected one of 'lesson', 'assignment'" in message


def test_error_inside_nested_record_names_the_path(course_data_copy: Path) -> None:
    replace_once(
        course_data_copy / "modules.yaml",
        "    - id: diag.2\n      text: Match",
        "    - id: diag.2\n      text: 42\n      note: Match",
    )
    first, second = load_problems(course_data_copy)  # both mistakes, each on its own line
    assert "record 'diagnosis', field 'objectives[1].note': unknown field" in first
    assert second == (
        "course_data/modules.yaml: record 'diagnosis', field 'objectives[1].text': "
        "expected text, got int 42"
    )


def test_duplicate_id(course_data_copy: Path) -> None:
    replace_once(course_data_copy / "glossary.yaml", "- id: biopsy\n", "- id: bone_metastasis\n")
    assert load_error(course_data_copy) == (
        "course_data/glossary.yaml: record 'bone_metastasis', field 'id': "
        "duplicate id (ids must be unique)"
    )


def test_unknown_source_id(course_data_copy: Path) -> None:
    replace_once(course_data_copy / "glossary.yaml", "sources: [yang2011]", "sources: [yang2012]")
    assert load_error(course_data_copy) == (
        "course_data/glossary.yaml: record 'sensitivity', field 'sources[0]': "
        "unknown source id 'yang2012' (not in sources.yaml)"
    )


def test_factual_record_without_sources(course_data_copy: Path) -> None:
    replace_once(course_data_copy / "glossary.yaml", "sources: [yang2011]", "sources: []")
    assert load_error(course_data_copy) == (
        "course_data/glossary.yaml: record 'sensitivity', field 'sources': "
        "cite at least one source id"
    )


def test_source_without_any_locator(course_data_copy: Path) -> None:
    replace_once(course_data_copy / "sources.yaml", '  url: "https://www.w3.org/TR/WCAG21/"\n', "")
    assert load_error(course_data_copy) == (
        "course_data/sources.yaml: record 'wcag21', field 'url': give a url, a doi or an identifier"
    )


def test_top_level_must_be_a_list(course_data_copy: Path) -> None:
    (course_data_copy / "glossary.yaml").write_text("term: not a list\n")
    assert load_error(course_data_copy) == (
        "course_data/glossary.yaml: expected a list of records at the top level"
    )


def test_record_that_is_not_a_mapping(course_data_copy: Path) -> None:
    (course_data_copy / "glossary.yaml").write_text("- just a string\n")
    assert load_error(course_data_copy) == (
        "course_data/glossary.yaml: record '#1': expected a mapping of fields"
    )


def test_missing_file(course_data_copy: Path) -> None:
    (course_data_copy / "glossary.yaml").unlink()
    assert load_error(course_data_copy) == "course_data/glossary.yaml: file not found"


def test_uncatalogued_file_is_refused(course_data_copy: Path) -> None:
    (course_data_copy / "extra.yaml").write_text("[]\n")
    assert load_error(course_data_copy).startswith("course_data/extra.yaml: not listed in")


def test_command_reports_bad_data_in_one_line(course_data_copy: Path) -> None:
    replace_once(course_data_copy / "modules.yaml", "  number: 2\n", "  number: two\n")
    result = subprocess.run(
        [sys.executable, "-m", "bonemets.cli", "validate-data"],
        env={"BONEMETS_DATA": str(course_data_copy), "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        "bonemets validate-data: course_data/modules.yaml: record 'diagnosis', "
        "field 'number': expected a whole number, got str 'two'"
    )


# --- every problem at once ------------------------------------------------------------------


def break_two_files(folder: Path) -> None:
    replace_once(folder / "modules.yaml", "  number: 2\n", "  number: two\n")
    replace_once(folder / "glossary.yaml", "sources: [yang2011]", "sources: [yang2012]")


TWO_PROBLEMS = [
    "course_data/glossary.yaml: record 'sensitivity', field 'sources[0]': "
    "unknown source id 'yang2012' (not in sources.yaml)",
    "course_data/modules.yaml: record 'diagnosis', field 'number': "
    "expected a whole number, got str 'two'",
]


def test_two_broken_records_in_two_files_give_two_problems(course_data_copy: Path) -> None:
    break_two_files(course_data_copy)
    with pytest.raises(CourseDataError) as caught:
        load_course(course_data_copy)
    assert caught.value.problems == (
        Problem(
            "course_data/glossary.yaml",
            "sensitivity",
            "sources[0]",
            "unknown source id 'yang2012' (not in sources.yaml)",
        ),
        Problem(
            "course_data/modules.yaml",
            "diagnosis",
            "number",
            "expected a whole number, got str 'two'",
        ),
    )
    assert str(caught.value).splitlines() == TWO_PROBLEMS


def test_command_reports_every_problem_in_one_run(course_data_copy: Path) -> None:
    break_two_files(course_data_copy)
    result = subprocess.run(
        [sys.executable, "-m", "bonemets", "validate-data"],
        env={"BONEMETS_DATA": str(course_data_copy), "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"bonemets validate-data: {p}" for p in TWO_PROBLEMS]


def test_every_bad_field_of_one_record_is_reported(course_data_copy: Path) -> None:
    replace_once(
        course_data_copy / "modules.yaml",
        "  number: 2\n  title: Diagnosis - imaging and biopsy\n  kind: lesson\n",
        "  number: two\n  title: Diagnosis - imaging and biopsy\n  kind: lecture\n",
    )
    assert [(p.record, p.field) for p in _problems(course_data_copy)] == [
        ("diagnosis", "number"),
        ("diagnosis", "kind"),
    ]


def test_a_broken_bibliography_is_reported_once_not_per_citing_file(
    course_data_copy: Path,
) -> None:
    replace_once(course_data_copy / "sources.yaml", '  url: "https://www.w3.org/TR/WCAG21/"\n', "")
    assert [(p.file, p.record) for p in _problems(course_data_copy)] == [
        ("course_data/sources.yaml", "wcag21")
    ]


def test_one_collection_reports_the_problems_of_its_own_files(course_data_copy: Path) -> None:
    break_two_files(course_data_copy)
    with pytest.raises(CourseDataError) as caught:
        load_collection(ModuleObjectives)
    assert [p.file for p in caught.value.problems] == ["course_data/modules.yaml"]
    assert len(load_collection(Source)) > 0  # the bibliography itself is fine


def _problems(folder: Path) -> tuple[Problem, ...]:
    with pytest.raises(CourseDataError) as caught:
        load_course(folder)
    return caught.value.problems


def test_command_also_reports_problems_between_files(course_data_copy: Path) -> None:
    # A dose naming a test that imaging/modalities.yaml lacks, beside a problem in one record.
    replace_once(
        course_data_copy / "imaging/doses.yaml", "modality: bone_scan", "modality: bonescan"
    )
    replace_once(course_data_copy / "modules.yaml", "  number: 2\n", "  number: two\n")
    with pytest.raises(CourseDataError) as caught:
        validate_data(argparse.Namespace())
    assert [(p.file, p.field) for p in caught.value.problems] == [
        ("course_data/modules.yaml", "number"),
        ("course_data/imaging/doses.yaml", "modality"),
    ]


# --- how a record's own check names its field ---------------------------------------------


@dataclasses.dataclass(frozen=True)
class _Range:
    low: int
    high: int

    def __post_init__(self) -> None:
        if self.high < self.low:
            raise InvalidField("high", "must not be below low")


@dataclasses.dataclass(frozen=True)
class _Worded:
    text: str

    def __post_init__(self) -> None:
        if self.text == "legacy":
            raise ValueError("text: worded the old way")
        if self.text == "whole":
            raise ValueError("the record as a whole is wrong")


@dataclasses.dataclass(frozen=True)
class _Holder:
    ranges: tuple[_Range, ...]


def problems_building(cls: type, raw: dict[str, object]) -> list[tuple[str, str]]:
    with pytest.raises(InvalidValues) as caught:
        build_record(cls, raw)
    return [(p.path, p.message) for p in caught.value.problems]


def test_a_record_check_names_its_field_as_data_even_when_nested() -> None:
    raw = {"ranges": [{"low": 1, "high": 2}, {"low": 5, "high": 3}, {"low": "x", "high": 1}]}
    assert problems_building(_Holder, raw) == [
        ("ranges[1].high", "must not be below low"),
        ("ranges[2].low", "expected a whole number, got str 'x'"),
    ]


def test_a_plain_value_error_blames_the_whole_record_with_its_text_unparsed() -> None:
    # No field is read back out of the wording: "text: ..." stays the message as written.
    assert problems_building(_Worded, {"text": "legacy"}) == [("", "text: worded the old way")]
    assert problems_building(_Worded, {"text": "whole"}) == [("", "the record as a whole is wrong")]


def test_a_whole_record_problem_shows_no_field_and_a_nested_one_names_the_record() -> None:
    _, problems = _records("f.yaml", _Worded, [{"text": "whole"}])
    assert [str(p) for p in problems] == ["f.yaml: record '#1': the record as a whole is wrong"]

    @dataclasses.dataclass(frozen=True)
    class Holder:
        parts: tuple[_Worded, ...]

    assert problems_building(Holder, {"parts": [{"text": "fine"}, {"text": "whole"}]}) == [
        ("parts[1]", "the record as a whole is wrong")
    ]


def test_invalid_field_for_the_whole_record_reads_as_its_message() -> None:
    assert str(InvalidField("high", "must not be below low")) == "high: must not be below low"
    assert str(InvalidField(WHOLE_RECORD, "the pair disagrees")) == "the pair disagrees"


def _nested_records(cls: type) -> Iterator[type]:
    """``cls`` and every record class its fields hold, however deeply."""
    seen: set[type] = set()
    waiting = [cls]
    while waiting:
        current = waiting.pop()
        if current in seen:
            continue
        seen.add(current)
        yield current
        hints = list(field_types(current).values())
        while hints:
            hint = hints.pop()
            hints.extend(get_args(hint))
            if isinstance(hint, type) and dataclasses.is_dataclass(hint):
                waiting.append(hint)


def test_no_record_check_words_its_field_into_a_plain_value_error() -> None:
    # The loader no longer parses "field: problem" out of a message, so a check that raised
    # a plain ValueError would lose its field: every record check raises InvalidField.
    checks = []
    for dotted in set(COLLECTIONS.values()):
        for cls in _nested_records(_record_class(dotted)):
            if "__post_init__" in vars(cls):
                checks.append(cls.__post_init__)
    for kind in types.KINDS.values():
        checks += [
            getattr(kind, name)
            for name in ("check", "check_key_size", "check_rows")
            if hasattr(kind, name)
        ]
    checks += [types.check_options, types.check_safe_key, types.check_key]
    assert len(checks) > 20
    offenders = [f"{c.__qualname__}" for c in checks if "raise ValueError" in inspect.getsource(c)]
    assert offenders == []
