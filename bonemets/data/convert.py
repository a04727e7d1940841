"""Turn parsed YAML into frozen dataclass records, checking every field against its type hint.

Supported field types: ``str``, ``int``, ``float``, ``bool``, ``Literal[...]``,
``X | None``, ``tuple[X, ...]``, ``dict[str, X]`` and nested record dataclasses. Lists in
YAML become tuples, so records stay immutable and hashable.

Every bad value in a record is reported, not just the first: :func:`build_record` raises
:class:`InvalidValues` listing a :class:`FieldProblem` (path inside the record, message)
for each.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from bonemets.caching import course_cache
from bonemets.data.errors import InvalidField


@dataclass(frozen=True)
class FieldProblem:
    """A value that does not fit its field; ``path`` locates it ("" for the whole record)."""

    path: str
    message: str

    def within(self, step: str) -> FieldProblem:
        joiner = "." if self.path and not self.path.startswith("[") else ""
        return FieldProblem(step + joiner + self.path, self.message)


class InvalidValues(Exception):
    """One or more values do not fit their fields."""

    def __init__(self, *problems: FieldProblem) -> None:
        super().__init__("; ".join(f"{p.path}: {p.message}" for p in problems))
        self.problems = problems

    def within(self, step: str) -> InvalidValues:
        return InvalidValues(*(problem.within(step) for problem in self.problems))


def _invalid(message: str, path: str = "") -> InvalidValues:
    return InvalidValues(FieldProblem(path, message))


_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"[:80]


@course_cache(maxsize=None)
def field_types(cls: type) -> dict[str, Any]:
    """The resolved type hint of each dataclass field of ``cls``."""
    return get_type_hints(cls)


def _convert(value: Any, hint: Any) -> Any:
    origin = get_origin(hint)
    if hint is Any:
        return value
    if origin in (Union, types.UnionType):
        options = get_args(hint)
        if value is None and type(None) in options:
            return None
        non_none = [o for o in options if o is not type(None)]
        if len(non_none) == 1:
            return _convert(value, non_none[0])
        raise TypeError(f"unsupported union {hint}")  # a schema bug, not a data problem
    if origin is Literal:
        allowed = get_args(hint)
        if value not in allowed:
            raise _invalid(
                f"expected one of {', '.join(map(repr, allowed))}, got {_describe(value)}"
            )
        return value
    if origin is tuple:
        inner = get_args(hint)[0]
        if not isinstance(value, list | tuple):
            raise _invalid(f"expected a list, got {_describe(value)}")
        return tuple(_elements(((f"[{i}]", item, inner) for i, item in enumerate(value))))
    if origin is dict:
        key_hint, value_hint = get_args(hint)
        if not isinstance(value, dict):
            raise _invalid(f"expected a mapping, got {_describe(value)}")
        keys = _elements((f"[{k!r}]", k, key_hint) for k in value)
        values = _elements((f"[{k!r}]", v, value_hint) for k, v in value.items())
        return types.MappingProxyType(dict(zip(keys, values, strict=True)))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            raise _invalid(f"expected a mapping, got {_describe(value)}")
        return build_record(hint, value)
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _invalid(f"expected {_TYPE_NAMES[float]}, got {_describe(value)}")
        return float(value)
    if hint in (str, int, bool):
        # bool is a subclass of int: `yes` must not pass as a count.
        if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
            raise _invalid(f"expected {_TYPE_NAMES[hint]}, got {_describe(value)}")
        if hint is str and not value.strip():
            raise _invalid("must not be empty")
        return value
    raise TypeError(f"unsupported field type {hint!r}")


def _elements(steps: Iterable[tuple[str, Any, Any]]) -> list[Any]:
    """Convert each ``(step, value, hint)``; report every element that fails, not the first."""
    converted: list[Any] = []
    problems: list[FieldProblem] = []
    for step, value, hint in steps:
        try:
            converted.append(_convert(value, hint))
        except InvalidValues as invalid:
            problems.extend(invalid.within(step).problems)
    if problems:
        raise InvalidValues(*problems)
    return converted


def build_record(cls: type, raw: dict[str, Any]) -> Any:
    """Build a ``cls`` instance from ``raw``; raise :class:`InvalidValues` naming each field."""
    hints = field_types(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    unknown = sorted(set(raw) - set(fields))
    problems = [
        FieldProblem(name, f"unknown field (a typo?); expected fields are {', '.join(fields)}")
        for name in unknown
    ]
    # A misspelt field is one mistake: report the unknown name, not also the missing one.
    misspelt = {m for name in unknown for m in difflib.get_close_matches(name, fields, n=1)}
    values = {}
    for name, field in fields.items():
        if name not in raw:
            has_default = (
                field.default is not dataclasses.MISSING
                or field.default_factory is not dataclasses.MISSING
            )
            if not has_default and name not in misspelt:
                problems.append(FieldProblem(name, "missing (required)"))
            continue
        try:
            values[name] = _convert(raw[name], hints[name])
        except InvalidValues as invalid:
            problems.extend(invalid.within(name).problems)
    if problems:
        raise InvalidValues(*problems)  # the record's own checks need every field
    try:
        return cls(**values)
    except InvalidField as exc:
        raise _invalid(exc.message, exc.field) from None
    except ValueError as exc:
        # A check that does not say which field is wrong: the whole record, text as given.
        raise _invalid(str(exc)) from None
