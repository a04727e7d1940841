"""The shape an answer must take, and a friendly check of it. No answer keys here.

Release notebooks import this module in their visible check cells, so it must stay free
of course data: it only knows the *form* of an answer (a letter from A–D, a set of letters,
a dict of rows, a list in order, a number), never which answer is right. The grader uses
the same :func:`normalise` so that what the check accepts is exactly what is scored.

A shape is plain data (a dict), written into each check cell by the source builder:

- ``{"kind": "letter", "options": "ABCD"}``: one letter.
- ``{"kind": "letters", "options": "ABCDEF", "max": 3}``: a set of letters (``max`` optional).
- ``{"kind": "choices", "parts": {1: "AB", 2: "ABC"}}``: a dict, part number -> one letter.
- ``{"kind": "groups", "parts": {"condition": ["ABCD", 1], "actions": ["ABCDE", 2]}}``:
  a dict, group name -> one letter (count 1) or a set of up to ``count`` letters.
- ``{"kind": "grid", "parts": {1: "ABC", 2: "ABC"}}``: a dict, row number -> a set of
  letters (any number per row; matrix multiple response).
- ``{"kind": "phrases", "count": 9}``: a set of phrase numbers from 1 to ``count``
  (highlight).
- ``{"kind": "order", "options": "ABCDE"}``: a list using every letter once, first to last.
- ``{"kind": "number"}``: a number.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

Shape = Mapping[str, Any]


class AnswerShapeError(ValueError):
    """The answer is not in the form asked for; the message says what form is expected."""

    def _render_traceback_(self) -> list[str]:
        # IPython's hook for custom tracebacks: the student (and nbgrader's Validate dialog)
        # sees only the message, not frames of this module.
        return [f"{type(self).__name__}: {self}"]


def _span(options: str) -> str:
    return f"{options[0]}–{options[-1]}" if len(options) > 2 else " or ".join(options)


def describe(shape: Shape) -> str:
    """The expected form in words, e.g. ``a set of letters from A–F``."""
    kind = shape["kind"]
    if kind == "letter":
        return f"one letter from {_span(shape['options'])} in quotes"
    if kind == "letters":
        limit = shape.get("max")
        many = f"a set of up to {limit} letters" if limit else "a set of letters"
        return f"{many} from {_span(shape['options'])}"
    if kind == "choices":
        parts = list(shape["parts"])
        return f"a dict from the numbers {parts[0]}–{parts[-1]} to one letter each"
    if kind == "groups":
        parts = [
            f'"{name}" ' + ("(one letter)" if count == 1 else f"(up to {count} letters)")
            for name, (_, count) in shape["parts"].items()
        ]
        return "a dict with " + ", ".join(parts)
    if kind == "grid":
        parts = list(shape["parts"])
        return f"a dict from the row numbers {parts[0]}–{parts[-1]} to a set of letters each"
    if kind == "phrases":
        return f"a set of phrase numbers from 1–{shape['count']}"
    if kind == "order":
        return f"a list of the letters {_span(shape['options'])}, each once, first to last"
    if kind == "number":
        return "a number"
    raise ValueError(f"unknown shape kind {kind!r}")


def example(shape: Shape) -> str:
    """A neutral example of the form (always the first options, never a hint)."""
    kind = shape["kind"]
    if kind == "letter":
        return f'"{shape["options"][0]}"'
    if kind == "letters":
        return '{"A", "B"}'
    if kind == "choices":
        return "{" + ", ".join(f'{p}: "A"' for p in list(shape["parts"])[:2]) + ", ...}"
    if kind == "groups":
        inner = []
        for name, (_, count) in shape["parts"].items():
            inner.append(f'"{name}": ' + ('"A"' if count == 1 else '{"A", "B"}'))
        return "{" + ", ".join(inner) + "}"
    if kind == "grid":
        return "{" + ", ".join(f'{p}: {{"A", "B"}}' for p in list(shape["parts"])[:2]) + ", ...}"
    if kind == "phrases":
        return "{1, 2}"
    if kind == "order":
        return "[" + ", ".join(f'"{letter}"' for letter in shape["options"]) + "]"
    if kind == "number":
        return "12"
    raise ValueError(f"unknown shape kind {kind!r}")


def _letter(value: Any, options: str, what: str) -> str:
    letter = value.strip().upper() if isinstance(value, str) else ""
    if len(letter) != 1 or letter not in options:
        raise AnswerShapeError(f"{what} must be one letter from {_span(options)} in quotes")
    return letter


def _letter_set(value: Any, options: str, what: str, limit: int | None) -> frozenset[str]:
    many = f"a set of up to {limit} letters" if limit else "a set of letters"
    if isinstance(value, str) or not isinstance(value, set | frozenset | list | tuple):
        raise AnswerShapeError(f"{what} must be {many} from {_span(options)}")
    try:
        letters = frozenset(_letter(v, options, what) for v in value)
    except AnswerShapeError:
        raise AnswerShapeError(f"{what} must be {many} from {_span(options)}") from None
    if limit is not None and len(letters) > limit:
        raise AnswerShapeError(f"{what} must be {many} from {_span(options)}")
    return letters


def _phrase_set(value: Any, count: int, name: str) -> frozenset[int]:
    message = f"{name} must be a set of phrase numbers from 1–{count}"
    if isinstance(value, str) or not isinstance(value, set | frozenset | list | tuple):
        raise AnswerShapeError(message)
    numbers = set()
    for v in value:
        if isinstance(v, str) and v.strip().isdigit():
            v = int(v)
        if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= count:
            raise AnswerShapeError(message)
        numbers.add(v)
    return frozenset(numbers)


def _part_key(key: Any) -> Any:
    # Students may type {1: ...} or {"1": ...}; both mean part 1.
    if isinstance(key, str) and key.strip().isdigit():
        return int(key)
    return key.strip().lower() if isinstance(key, str) else key


def normalise(name: str, value: Any, shape: Shape) -> Any:
    """Return the answer in canonical form, or raise :class:`AnswerShapeError`.

    ``None`` means not answered yet. Canonical forms: a letter ``str``, a ``frozenset`` of
    letters, a ``dict`` of parts, a ``tuple`` of letters in order, or a ``float``.
    """
    if value is None:
        # Short lines: nbgrader's Validate cuts each line of an error at 90 characters.
        raise AnswerShapeError(
            f"{name} is not answered yet.\n"
            f"Replace None with {describe(shape)},\n"
            f"for example: {example(shape)}"
        )
    kind = shape["kind"]
    if kind == "letter":
        return _letter(value, shape["options"], name)
    if kind == "letters":
        return _letter_set(value, shape["options"], name, shape.get("max"))
    if kind == "phrases":
        return _phrase_set(value, shape["count"], name)
    if kind in ("choices", "groups", "grid"):
        if not isinstance(value, dict):
            raise AnswerShapeError(f"{name} must be {describe(shape)}")
        parts = shape["parts"]
        answer: dict[Any, Any] = {}
        for raw_key, part_value in value.items():
            key = _part_key(raw_key)
            if key not in parts:
                known = ", ".join(repr(p) for p in parts)
                raise AnswerShapeError(f"{name} has no part {raw_key!r}; its parts are {known}")
            what = f"{name}[{key!r}]"
            if kind == "choices":
                answer[key] = _letter(part_value, parts[key], what)
            elif kind == "grid":
                answer[key] = _letter_set(part_value, parts[key], what, None)
            else:
                options, count = parts[key]
                if count == 1:
                    if isinstance(part_value, set | frozenset | list | tuple):
                        if len(part_value) != 1:
                            raise AnswerShapeError(f"{what} must be one letter in quotes")
                        (part_value,) = tuple(part_value)
                    answer[key] = _letter(part_value, options, what)
                else:
                    answer[key] = _letter_set(part_value, options, what, count)
        return answer
    if kind == "order":
        options = shape["options"]
        message = f"{name} must be {describe(shape)}"
        if not isinstance(value, list | tuple):
            raise AnswerShapeError(message)
        letters = tuple(_letter(v, options, f"every letter in {name}") for v in value)
        if sorted(letters) != sorted(options):
            raise AnswerShapeError(message)
        return letters
    if kind == "number":
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise AnswerShapeError(f"{name} must be a number, without quotes")
        return float(value)
    raise ValueError(f"unknown shape kind {kind!r}")


def missing_parts(value: Any, shape: Shape) -> list[Any]:
    """Parts of a dict answer not filled in yet (allowed, but each scores 0)."""
    if shape["kind"] not in ("choices", "groups", "grid") or not isinstance(value, dict):
        return []
    return [part for part in shape["parts"] if part not in value]


def check(name: str, value: Any, shape: Shape) -> None:
    """The visible check in a release notebook: is the answer in the right form?

    Raises :class:`AnswerShapeError` (so nbgrader's Validate lists the question) when it
    is not; otherwise says so. Never says whether the answer is right.
    """
    try:
        canonical = normalise(name, value, shape)
    except AnswerShapeError as problem:
        # Raised again here, unchained, so the student's traceback ends at this call.
        raise AnswerShapeError(str(problem)) from None
    note = ""
    missing = missing_parts(canonical, shape)
    if missing:
        note = " Not answered yet: " + ", ".join(map(str, missing)) + " (each scores 0 if left)."
    elif canonical == frozenset():
        note = " You have not chosen anything yet."
    print(f"{name}: the form of your answer is fine.{note} It is scored after you submit.")
