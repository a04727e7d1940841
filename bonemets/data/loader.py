"""Read ``course_data/*.yaml`` once, validate every record, and hand out immutable collections.

Each data file is a YAML list of mappings, one record each, with a unique ``id``. Every
problem (bad YAML, a missing or mistyped field, a duplicate id, a source id that is not in
the bibliography) is collected as a :class:`Problem` naming the file, the record and the
field; loading then raises one :class:`CourseDataError` listing all of them.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml

from bonemets import paths
from bonemets.caching import course_cache
from bonemets.data.catalog import BIBLIOGRAPHY, COLLECTIONS
from bonemets.data.convert import InvalidValues, build_record
from bonemets.data.errors import CourseDataError, Problem

R = TypeVar("R")

#: Set this to read the course data from another folder (tests use small broken copies).
DATA_DIR_VARIABLE = paths.DATA_VARIABLE


def data_dir() -> Path:
    """The folder holding the course data (see :func:`bonemets.paths.course_data`)."""
    return paths.course_data()


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
    cls: type = getattr(importlib.import_module(module_name), class_name)
    return cls


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


def _records(file: str, cls: type, raw_records: list[Any]) -> tuple[dict[str, Any], list[Problem]]:
    """The valid records of one file by id, and a problem for each field of each bad one."""
    records: dict[str, Any] = {}
    problems: list[Problem] = []
    for index, raw in enumerate(raw_records, start=1):
        label = f"#{index}"
        if not isinstance(raw, dict):
            problems.append(Problem(file, label, None, "expected a mapping of fields"))
            continue
        record_id = raw.get("id")
        if isinstance(record_id, str) and record_id.strip():
            label = record_id
        try:
            record = build_record(cls, raw)
        except InvalidValues as invalid:
            problems.extend(
                Problem(file, label, found.path or None, found.message)
                for found in invalid.problems
            )
            continue
        if record.id in records:
            problems.append(Problem(file, label, "id", "duplicate id (ids must be unique)"))
            continue
        records[record.id] = record
    return records, problems


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


def _citation_problems(
    file: str, records: dict[str, Any], known: Mapping[str, Any]
) -> Iterator[Problem]:
    for record_id, record in records.items():
        for field_path, source_id in _cited_ids(record):
            if not source_id:
                yield Problem(file, record_id, field_path, "cite at least one source id")
            elif source_id not in known:
                yield Problem(
                    file,
                    record_id,
                    field_path,
                    f"unknown source id {source_id!r} (not in {BIBLIOGRAPHY})",
                )


@dataclass(frozen=True)
class _LoadedFile:
    shown: str  # the file as the author sees it in the repository, e.g. course_data/x.yaml
    records: dict[str, Any]  # the valid records, by id
    problems: tuple[Problem, ...]  # what is wrong in this file itself


@course_cache(maxsize=None)
def _read_file(file: str, folder: Path) -> _LoadedFile:
    shown = f"{folder.name}/{file}"
    try:
        raw_records = _read_yaml(folder / file, shown)
    except CourseDataError as unreadable:
        return _LoadedFile(shown, {}, unreadable.problems)
    records, problems = _records(shown, _record_class(COLLECTIONS[file]), raw_records)
    if file != BIBLIOGRAPHY:
        bibliography = _read_file(BIBLIOGRAPHY, folder)
        if not bibliography.problems:  # else its own problems are reported instead
            problems.extend(_citation_problems(shown, records, bibliography.records))
    return _LoadedFile(shown, records, tuple(problems))


@course_cache(maxsize=None)
def _load(cls: type, folder: Path) -> tuple[Collection[Any], tuple[Problem, ...]]:
    """All valid records of ``cls`` (a kind may span several files, e.g. one per lesson),
    and every problem that stops them loading, including the bibliography's."""
    merged: dict[str, Any] = {}
    first_seen: dict[str, str] = {}
    shown_files = []
    problems: list[Problem] = []
    files = _files_for(cls)
    for file in files:
        loaded = _read_file(file, folder)
        shown_files.append(loaded.shown)
        problems.extend(loaded.problems)
        for record_id, record in loaded.records.items():
            if record_id in merged:
                problems.append(
                    Problem(
                        loaded.shown,
                        record_id,
                        "id",
                        f"duplicate id: already used in {first_seen[record_id]}",
                    )
                )
                continue
            merged[record_id] = record
            first_seen[record_id] = loaded.shown
    if BIBLIOGRAPHY not in files:
        problems.extend(_read_file(BIBLIOGRAPHY, folder).problems)
    return Collection(", ".join(shown_files), merged), tuple(problems)


def _raise_if_any(problems: Iterable[Problem]) -> None:
    found = list(problems)
    if found:
        raise CourseDataError.of(found)


def load_collection(cls: type[R], folder: Path | None = None) -> Collection[R]:
    """All records of type ``cls``, validated; loaded once per folder and cached.

    Raises :class:`CourseDataError` listing every problem in the files of that kind.
    """
    collection, problems = _load(cls, (folder or data_dir()).resolve())
    _raise_if_any(problems)
    return collection


def load_file(file: str, folder: Path | None = None) -> Collection[Any]:
    """The records of one catalogued ``file`` (e.g. ``imaging/doses.yaml``),
    validated on their own; ``.file`` is the name to show in messages about them."""
    loaded = _read_file(file, (folder or data_dir()).resolve())
    _raise_if_any(loaded.problems)
    return Collection(loaded.shown, loaded.records)


def load_course(folder: Path | None = None) -> dict[str, Collection[Any]]:
    """Load and validate every data file, keyed by file name.

    Also refuses a data file that the catalog does not list, so nothing ships unchecked.
    Raises one :class:`CourseDataError` listing every problem in every file.
    """
    folder = (folder or data_dir()).resolve()
    problems = [
        Problem(
            f"{folder.name}/{file}",
            None,
            None,
            "not listed in bonemets/data/catalog.py, so it would never be validated",
        )
        for file in sorted(
            str(p.relative_to(folder).as_posix())
            for p in folder.rglob("*.y*ml")
            if p.relative_to(folder).as_posix() not in COLLECTIONS
        )
    ]
    by_file = {}
    for file, dotted in COLLECTIONS.items():
        _, kind_problems = _load(_record_class(dotted), folder)  # ids across files of a kind
        problems.extend(kind_problems)
        loaded = _read_file(file, folder)
        by_file[file] = Collection(loaded.shown, loaded.records)
    _raise_if_any(problems)
    return by_file
