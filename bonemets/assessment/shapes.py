"""The shape an answer must take, and a friendly check of it. No answer keys here.

Release notebooks import this module in their visible check cells, so it must stay free
of course data: it only knows the *form* of an answer (a letter from A–D, a set of letters,
a dict of rows, a list in order, a number), never which answer is right. The grader uses
the same :func:`normalise` so that what the check accepts is exactly what is scored.
Every message is for a nurse, not a programmer: "Question 3: 2 of 5 rows answered".

A shape is plain data (a dict), written into each check cell by the source builder:

- ``{"kind": "letter", "options": "ABCD"}``: one letter.
- ``{"kind": "letters", "options": "ABCDEF", "max": 3}``: a set of letters (``max`` optional).
- ``{"kind": "choices", "parts": {1: "AB", 2: "ABC"}, "unit": "row"}``: a dict, part
  number -> one letter (``unit``, optional, is what a part is called: row, blank).
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
import re
import types
from collections.abc import Mapping
from typing import Any

Shape = Mapping[str, Any]


class AnswerShapeError(ValueError):
    """The answer is not in the form asked for; the message says what form is expected."""

    def _render_traceback_(self) -> list[str]:
        # IPython's hook for custom tracebacks: the student (and nbgrader's Validate dialog)
        # sees only the plain message, not frames of this module nor the class's name.
        return str(self).splitlines()


def _span(options: str) -> str:
    return f"{options[0]}–{options[-1]}" if len(options) > 2 else " or ".join(options)


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def question_label(name: str) -> str:
    """``q3`` -> ``Question 3``: what the student reads (never the name of a variable)."""
    match = re.fullmatch(r"q(\d+)", name)
    return f"Question {match.group(1)}" if match else name


def _unit(shape: Shape) -> str:
    # Matrix items have rows, cloze items blanks, bow-ties named parts.
    return str(shape.get("unit", "part"))


def describe(shape: Shape) -> str:
    """The expected form in plain words, e.g. ``letters from A–F in curly brackets``."""
    kind = shape["kind"]
    if kind == "letter":
        return f"one letter from {_span(shape['options'])} in quotes"
    if kind == "letters":
        limit = shape.get("max")
        many = f"up to {limit} letters" if limit else "the letters you choose"
        return f"{many} from {_span(shape['options'])}, each in quotes, in curly brackets"
    if kind == "choices":
        parts = list(shape["parts"])
        unit = _unit(shape)
        return (
            f"one letter for each {unit} ({parts[0]}–{parts[-1]}), "
            f'written {unit} number: "letter", in curly brackets'
        )
    if kind == "groups":
        parts = [
            (f'one letter for "{name}"' if count == 1 else f'up to {count} letters for "{name}"')
            for name, (_, count) in shape["parts"].items()
        ]
        return _and(parts) + ", in curly brackets"
    if kind == "grid":
        parts = list(shape["parts"])
        return (
            f"for each row ({parts[0]}–{parts[-1]}) the letters you choose, "
            'written row number: {"A", "B"}, in curly brackets'
        )
    if kind == "phrases":
        return f"the numbers of the phrases you choose (1–{shape['count']}), in curly brackets"
    if kind == "order":
        return (
            f"all the letters {_span(shape['options'])}, each once and in quotes, "
            "first to last, in square brackets"
        )
    if kind == "number":
        return "a number, without quotes"
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
        raise AnswerShapeError(
            f"{what}: choose one letter from {_span(options)} and put it in quotes"
        )
    return letter


def _letter_set(value: Any, options: str, what: str, limit: int | None) -> frozenset[str]:
    many = f"up to {limit} letters" if limit else "letters"
    message = (
        f"{what}: type {many} from {_span(options)}, each in quotes, "
        'in curly brackets, like {"A", "B"}'
    )
    if isinstance(value, str) or not isinstance(value, set | frozenset | list | tuple):
        raise AnswerShapeError(message)
    try:
        letters = frozenset(_letter(v, options, what) for v in value)
    except AnswerShapeError:
        raise AnswerShapeError(message) from None
    if limit is not None and len(letters) > limit:
        raise AnswerShapeError(f"{what}: choose up to {limit} letters, not more")
    return letters


def _phrase_set(value: Any, count: int, what: str) -> frozenset[int]:
    message = (
        f"{what}: type the numbers of the phrases you choose, from 1 to {count}, "
        "in curly brackets, like {1, 2}"
    )
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


def _part_name(shape: Shape, key: Any) -> str:
    return f'"{key}"' if shape["kind"] == "groups" else f"{_unit(shape)} {key}"


def not_answered(name: str, shape: Shape) -> str:
    """The message for an answer still left as it came (lines short: see :func:`normalise`)."""
    return (
        f"{question_label(name)} is not answered yet.\n"
        f"Type {describe(shape)},\n"
        f"for example: {name} = {example(shape)}"
    )


def normalise(name: str, value: Any, shape: Shape) -> Any:
    """Return the answer in canonical form, or raise :class:`AnswerShapeError`.

    ``None`` means not answered yet. Canonical forms: a letter ``str``, a ``frozenset`` of
    letters, a ``dict`` of parts, a ``tuple`` of letters in order, or a ``float``.
    Messages name the question in plain words (``Question 3, row 2: ...``).
    """
    label = question_label(name)
    if value is None:
        # Short lines: nbgrader's Validate cuts each line of an error at 90 characters.
        raise AnswerShapeError(not_answered(name, shape))
    kind = shape["kind"]
    if kind == "letter":
        return _letter(value, shape["options"], label)
    if kind == "letters":
        return _letter_set(value, shape["options"], label, shape.get("max"))
    if kind == "phrases":
        return _phrase_set(value, shape["count"], label)
    if kind in ("choices", "groups", "grid"):
        if not isinstance(value, dict):
            raise AnswerShapeError(
                f"{label}: type {describe(shape)},\nfor example: {name} = {example(shape)}"
            )
        parts = shape["parts"]
        answer: dict[Any, Any] = {}
        for raw_key, part_value in value.items():
            key = _part_key(raw_key)
            if key not in parts:
                known = _and([_part_name(shape, p) for p in parts])
                raise AnswerShapeError(
                    f"{label} has no {_part_name(shape, raw_key)}; its parts are {known}"
                )
            what = f"{label}, {_part_name(shape, key)}"
            if kind == "choices":
                answer[key] = _letter(part_value, parts[key], what)
            elif kind == "grid":
                answer[key] = _letter_set(part_value, parts[key], what, None)
            else:
                options, count = parts[key]
                if count == 1:
                    if isinstance(part_value, set | frozenset | list | tuple):
                        if len(part_value) != 1:
                            raise AnswerShapeError(f"{what}: choose one letter, in quotes")
                        (part_value,) = tuple(part_value)
                    answer[key] = _letter(part_value, options, what)
                else:
                    answer[key] = _letter_set(part_value, options, what, count)
        return answer
    if kind == "order":
        options = shape["options"]
        message = f"{label}: type {describe(shape)}"
        if not isinstance(value, list | tuple):
            raise AnswerShapeError(message)
        letters = tuple(_letter(v, options, f"{label}: every letter") for v in value)
        if sorted(letters) != sorted(options):
            raise AnswerShapeError(message)
        return letters
    if kind == "number":
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise AnswerShapeError(f"{label}: type a number, without quotes")
        return float(value)
    raise ValueError(f"unknown shape kind {kind!r}")


def missing_parts(value: Any, shape: Shape) -> list[Any]:
    """Parts of a dict answer not filled in yet (allowed, but each scores 0)."""
    if shape["kind"] not in ("choices", "groups", "grid") or not isinstance(value, dict):
        return []
    return [part for part in shape["parts"] if part not in value]


# --- the checks in release notebooks ---------------------------------------------------
# Two short lines: nbgrader's Validate cuts each line of an error at 90 characters.
NOT_RIGHTNESS = (
    "(Validate and these checks only look at whether each answer is complete\n"
    "and can be read, not at whether it is right.)"
)
# What each check found in this session, for :func:`summary` (question name -> problem,
# or "" when the answer is complete and readable).
_FOUND: dict[str, str] = {}


def _incomplete(name: str, canonical: Any, shape: Shape) -> str:
    """Why a readable answer is not complete yet ("" when it is)."""
    label = question_label(name)
    missing = missing_parts(canonical, shape)
    if missing:
        total = len(shape["parts"])
        unit = _unit(shape) if shape["kind"] in ("choices", "grid") else "part"
        missing_names = _and([_part_name(shape, part) for part in missing])
        what = "a letter" if shape["kind"] == "choices" else "your letters"
        return (
            f"{label}: {total - len(missing)} of {total} {unit}s answered.\n"
            f"Choose {what} for {missing_names}."
        )
    if canonical == frozenset():
        return f"{label} is not answered yet: choose at least one letter."
    return ""


def _answer_source(name: str) -> str | None:
    """The text of the last cell run in this session that gives ``name`` its answer.

    Read from the session's history (what the student ran, even a cell that could not
    run), so a check reads exactly what the grader reads: the cell's text, never the
    kernel's state. ``None`` outside IPython or when no such cell has run.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - release notebooks always run in IPython
        return None
    shell = get_ipython()
    if shell is None:
        return None
    assigns = re.compile(rf"^[ \t]*{re.escape(name)}[ \t]*(?::[^=\n]*)?=(?!=)", re.MULTILINE)
    history: list[str] = list(shell.history_manager.input_hist_raw)
    for source in reversed(history):
        if assigns.search(source):
            return source
    return None


def _problem(name: str, shape: Shape, value: Any) -> str:
    """What is still to do for one answer, in plain words ("" when nothing)."""
    from bonemets.assessment.answers import UnreadableAnswer, read_answer

    label = question_label(name)
    source = _answer_source(name)
    if source is not None:
        try:
            value = read_answer(source, name)
        except UnreadableAnswer as why:
            return (
                f"{label}: your answer cannot be read: {why}.\n"
                f"Type {describe(shape)},\n"
                f"for example: {name} = {example(shape)}"
            )
    elif value is _NOT_GIVEN:
        return (
            f"{label}: its answer has not been run yet.\n"
            "Click in the answer above, press Shift+Enter, then run this check again."
        )
    try:
        canonical = normalise(name, value, shape)
    except AnswerShapeError as problem:
        return str(problem)
    return _incomplete(name, canonical, shape)


_NOT_GIVEN: Any = object()


# Each question's shape, given once by the notebook's first code cell (:func:`setup`), so a
# check cell (shown by Validate) reads just ``check("q3")``.
_SHAPES: dict[str, Shape] = {}


def setup(shapes: Mapping[str, Shape]) -> None:
    """The first code cell of a release notebook: the form of each answer, and plain-words
    messages for an answer that cannot run (:func:`plain_errors`)."""
    _SHAPES.update(shapes)
    plain_errors()


def check(name: str, shape: Shape | None = None, value: Any = _NOT_GIVEN) -> None:
    """The visible check in a release notebook: is the answer complete and readable?

    Reads the answer the way the grader does (from the text the student ran, see
    :func:`_answer_source`; ``value`` is used only outside a notebook). Raises
    :class:`AnswerShapeError` with a plain-words message, so nbgrader's Validate names the
    question, when the answer is missing, partly done or unreadable; otherwise says so.
    Never says whether the answer is right.
    """
    shape = shape if shape is not None else _SHAPES.get(name)
    if shape is None:
        raise AnswerShapeError(
            "This check needs the notebook's first steps: choose Run > Run All Cells."
        ) from None
    problem = _problem(name, shape, value)
    _FOUND[name] = problem
    if problem:
        # Raised here, unchained, so the student sees only the message.
        raise AnswerShapeError(f"{problem}\n{NOT_RIGHTNESS}") from None
    print(
        f"{question_label(name)}: answered, and it can be read. "
        "Whether it is right shows in your feedback."
    )


# --- an answer that cannot run, shown in plain words --------------------------------
_SEE_CHECK = "The check under this answer says what to type."


def _plain_syntax_error(
    shell: Any, filename: Any = None, running_compiled_code: bool = False
) -> None:
    etype, value, _ = shell._get_exc_info()
    line = getattr(value, "lineno", None)
    where = f" on line {line}" if line else ""
    shell._showtraceback(
        etype,
        value,
        [f"This answer cannot be read: check the quotes, brackets and commas{where}.", _SEE_CHECK],
    )


def _plain_name_error(shell: Any, etype: Any, value: Any, tb: Any, tb_offset: Any = None) -> None:
    # IPython ignores what a custom handler returns when a cell raises: show it here.
    shell._showtraceback(
        etype,
        value,
        [
            'This answer cannot be read: letters need quotes, like "B", and numbers are '
            "typed as digits.",
            _SEE_CHECK,
        ],
    )


def plain_errors() -> None:
    """For the rest of this notebook's session, show an answer that cannot run (a missing
    quote or bracket, a letter without quotes) in plain words instead of a traceback.

    Run by the first code cell of each release notebook. Only this kernel changes, and only
    how the two errors an answer can raise are shown: the grader reads the text anyway.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - release notebooks always run in IPython
        return
    shell = get_ipython()
    if shell is None:
        return
    shell.showsyntaxerror = types.MethodType(_plain_syntax_error, shell)
    shell.set_custom_exc((NameError,), _plain_name_error)


# --- the short answer ---------------------------------------------------------------
# nbgrader's Validate names an untouched short answer itself ("You did not provide a
# response", under its heading "Your answer to question N"): no check of ours is needed.
SHORT_ANSWER_STUB = (
    "*Double-click this box (or select it and press Enter) and type your answer here, in "
    "place of this line. Press Shift+Enter when you have finished.*"
)


def summary() -> None:
    """The last cell of a release notebook: what the checks above found, in plain words."""
    if not _FOUND:
        print("No answer has been checked yet: run every cell (Run > Run All Cells).")
        return
    ordered = sorted(_FOUND, key=lambda n: int(n[1:]) if n[1:].isdigit() else 0)
    to_do = [_FOUND[name].splitlines()[0] for name in ordered if _FOUND[name]]
    done = [question_label(name)[len("Question ") :] for name in ordered if not _FOUND[name]]
    if done:
        print(f"Complete and readable: questions {_and(done)}.")
    if to_do:
        print("Still to do:")
        for line in to_do:
            print(f"  {line}")
    else:
        print("Every checked answer is complete and can be read.")
    print("Validate also tells you if the short answer is still empty.")
    print(NOT_RIGHTNESS)
