"""Read ``course_data/*.yaml`` once, validate every record, and hand out immutable collections.

Each data file is a YAML list of mappings, one record each, with a unique ``id``. Any
problem (bad YAML, a missing or mistyped field, a duplicate id, a source id that is not in
the bibliography) raises :class:`CourseDataError` naming the file, the record and the field.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml

from bonemets.data.catalog import BIBLIOGRAPHY, COLLECTIONS
from bonemets.data.convert import FieldProblem, build_record
from bonemets.data.errors import CourseDataError

R = TypeVar("R")

#: Set this to read the course data from another folder (tests use small broken copies).
DATA_DIR_VARIABLE = "BONEMETS_DATA"


def data_dir() -> Path:
    """The folder holding the course data: ``$BONEMETS_DATA`` or the repository's own."""
    configured = os.environ.get(DATA_DIR_VARIABLE)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "course_data"


class Collection(Mapping[str, R], Generic[R]):
    """Records of one kind keyed by id, in file order. Read-only."""

    def __init__(self, file: str, records: dict[str, R]) -> None:
        self.file = file
        self._records = records

    def __getitem__(self, record_id: str) -> R:
        try:
            return self._records[record_id]
        except KeyError:
            raise KeyError(f"{self.file} has no record {record_id!r}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    def __repr__(self) -> str:
        return f"<Collection {self.file}: {len(self)} records>"


def _record_class(dotted: str) -> type:
    module_name, _, class_name = dotted.partition(":")
    return getattr(importlib.import_module(module_name), class_name)


def _names(dotted: str, cls: type) -> bool:
    """Whether ``dotted`` is ``cls``, importing its module only when the class name matches
    (so loading one kind of record does not import every domain module and its plotting)."""
    if dotted == f"{cls.__module__}:{cls.__qualname__}":
        return True
    return dotted.rpartition(":")[2] == cls.__name__ and _record_class(dotted) is cls


def _files_for(cls: type) -> list[str]:
    files = [file for file, dotted in COLLECTIONS.items() if _names(dotted, cls)]
    if not files:
        raise LookupError(f"{cls.__name__} is not listed in bonemets.data.catalog.COLLECTIONS")
    return files


def _read_yaml(path: Path, shown: str) -> list[Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CourseDataError(shown, "file not found") from None
    except UnicodeDecodeError as exc:
        raise CourseDataError(shown, f"not UTF-8 text ({exc.reason})") from None
    try:
        parsed = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise CourseDataError(shown, f"malformed YAML{where}: {problem}") from None
    if parsed is None:
        return []
    if not isinstance(parsed, list):
        raise CourseDataError(shown, "expected a list of records at the top level")
    return parsed


def _records(file: str, cls: type, raw_records: list[Any]) -> dict[str, Any]:
    records: dict[str, Any] = {}
    for index, raw in enumerate(raw_records, start=1):
        label = f"#{index}"
        if not isinstance(raw, dict):
            raise CourseDataError(file, "expected a mapping of fields", record=label)
        record_id = raw.get("id")
        if isinstance(record_id, str) and record_id.strip():
            label = record_id
        try:
            record = build_record(cls, raw)
        except FieldProblem as problem:
            raise CourseDataError(
                file, problem.message, record=label, field=problem.path or None
            ) from None
        if record.id in records:
            raise CourseDataError(
                file, "duplicate id (ids must be unique)", record=label, field="id"
            )
        records[record.id] = record
    return records


def _cited_ids(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Yield (field path, source id) for every ``sources`` field, however deeply nested."""
    if dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            inner = getattr(value, field.name)
            step = f"{path}.{field.name}" if path else field.name
            if field.name == "sources":
                if not inner:
                    yield step, ""
                for index, source_id in enumerate(inner):
                    yield f"{step}[{index}]", source_id
            else:
                yield from _cited_ids(inner, step)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _cited_ids(item, f"{path}[{index}]")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _cited_ids(item, f"{path}[{key!r}]")


def cited_sources(record: Any) -> set[str]:
    """Every source id a record cites, in any ``sources`` field however deeply nested."""
    return {source_id for _, source_id in _cited_ids(record) if source_id}


def _check_citations(file: str, records: dict[str, Any], known: Collection) -> None:
    for record_id, record in records.items():
        for field_path, source_id in _cited_ids(record):
            if not source_id:
                raise CourseDataError(
                    file, "cite at least one source id", record=record_id, field=field_path
                )
            if source_id not in known:
                raise CourseDataError(
                    file,
                    f"unknown source id {source_id!r} (not in {BIBLIOGRAPHY})",
                    record=record_id,
                    field=field_path,
                )


@functools.cache
def _load_file(file: str, folder: Path) -> tuple[str, dict[str, Any]]:
    cls = _record_class(COLLECTIONS[file])
    shown = f"{folder.name}/{file}"  # as the author sees it in the repository
    records = _records(shown, cls, _read_yaml(folder / file, shown))
    if file != BIBLIOGRAPHY:
        bibliography = _load(_record_class(COLLECTIONS[BIBLIOGRAPHY]), folder)
        _check_citations(shown, records, bibliography)
    return shown, records


@functools.cache
def _load(cls: type, folder: Path) -> Collection:
    """All records of ``cls``; a kind may span several files (e.g. one per lesson)."""
    merged: dict[str, Any] = {}
    first_seen: dict[str, str] = {}
    shown_files = []
    for file in _files_for(cls):
        shown, records = _load_file(file, folder)
        shown_files.append(shown)
        for record_id, record in records.items():
            if record_id in merged:
                raise CourseDataError(
                    shown,
                    f"duplicate id: already used in {first_seen[record_id]}",
                    record=record_id,
                    field="id",
                )
            merged[record_id] = record
            first_seen[record_id] = shown
    return Collection(", ".join(shown_files), merged)


def load_collection(cls: type[R], folder: Path | None = None) -> Collection[R]:
    """All records of type ``cls``, validated; loaded once per folder and cached."""
    return _load(cls, (folder or data_dir()).resolve())


def load_course(folder: Path | None = None) -> dict[str, Collection]:
    """Load and validate every data file, keyed by file name.

    Also refuses a data file that the catalog does not list, so nothing ships unchecked.
    """
    folder = (folder or data_dir()).resolve()
    unknown = sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*.y*ml")
        if str(p.relative_to(folder)) not in COLLECTIONS
    )
    if unknown:
        raise CourseDataError(
            f"{folder.name}/{unknown[0]}",
            "not listed in bonemets/data/catalog.py, so it would never be validated",
        )
    by_file = {}
    for file, dotted in COLLECTIONS.items():
        _load(_record_class(dotted), folder)  # also checks ids across files of one kind
        shown, records = _load_file(file, folder)
        by_file[file] = Collection(shown, records)
    return by_file


def clear_cache() -> None:
    """Forget loaded data (for tests and for authors editing files in a running kernel)."""
    _load.cache_clear()
    _load_file.cache_clear()
