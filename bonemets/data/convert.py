"""Turn parsed YAML into frozen dataclass records, checking every field against its type hint.

Supported field types: ``str``, ``int``, ``float``, ``bool``, ``Literal[...]``,
``X | None``, ``tuple[X, ...]``, ``dict[str, X]`` and nested record dataclasses. Lists in
YAML become tuples, so records stay immutable and hashable.
"""

from __future__ import annotations

import dataclasses
import functools
import types
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints


class FieldProblem(Exception):
    """A value does not fit its field; ``path`` locates it inside nested values."""

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def within(self, step: str) -> FieldProblem:
        joiner = "." if self.path and not self.path.startswith("[") else ""
        return FieldProblem(self.message, step + joiner + self.path)


_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"[:80]


@functools.cache
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
            raise FieldProblem(
                f"expected one of {', '.join(map(repr, allowed))}, got {_describe(value)}"
            )
        return value
    if origin is tuple:
        inner = get_args(hint)[0]
        if not isinstance(value, list | tuple):
            raise FieldProblem(f"expected a list, got {_describe(value)}")
        return tuple(_element(item, inner, f"[{i}]") for i, item in enumerate(value))
    if origin is dict:
        key_hint, value_hint = get_args(hint)
        if not isinstance(value, dict):
            raise FieldProblem(f"expected a mapping, got {_describe(value)}")
        return types.MappingProxyType(
            {
                _element(k, key_hint, f"[{k!r}]"): _element(v, value_hint, f"[{k!r}]")
                for k, v in value.items()
            }
        )
    if dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            raise FieldProblem(f"expected a mapping, got {_describe(value)}")
        return build_record(hint, value)
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise FieldProblem(f"expected {_TYPE_NAMES[float]}, got {_describe(value)}")
        return float(value)
    if hint in (str, int, bool):
        # bool is a subclass of int: `yes` must not pass as a count.
        if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
            raise FieldProblem(f"expected {_TYPE_NAMES[hint]}, got {_describe(value)}")
        if hint is str and not value.strip():
            raise FieldProblem("must not be empty")
        return value
    raise TypeError(f"unsupported field type {hint!r}")


def _element(value: Any, hint: Any, step: str) -> Any:
    try:
        return _convert(value, hint)
    except FieldProblem as problem:
        raise problem.within(step) from None


def build_record(cls: type, raw: dict[str, Any]) -> Any:
    """Build a ``cls`` instance from ``raw``; raise :class:`FieldProblem` naming the field."""
    hints = field_types(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    unknown = sorted(set(raw) - set(fields))
    if unknown:
        raise FieldProblem(
            f"unknown field (a typo?); expected fields are {', '.join(fields)}", unknown[0]
        )
    values = {}
    for name, field in fields.items():
        if name not in raw:
            has_default = (
                field.default is not dataclasses.MISSING
                or field.default_factory is not dataclasses.MISSING
            )
            if has_default:
                continue
            raise FieldProblem("missing (required)", name)
        try:
            values[name] = _convert(raw[name], hints[name])
        except FieldProblem as problem:
            raise problem.within(name) from None
    try:
        return cls(**values)
    except ValueError as exc:  # a record's own cross-field check, worded "field: problem"
        name, sep, message = str(exc).partition(": ")
        if sep and name in fields:
            raise FieldProblem(message, name) from None
        raise FieldProblem(str(exc)) from None
