"""Read a student's answer from the SOURCE of an answer cell, without running any of it.

The graded value is what the cell assigns to the answer name (the last top-level
assignment wins). Only plain values are accepted: literals, ``set()``/``frozenset(...)``,
and arithmetic on numbers (so ``q9 = 3 + 3 + 2 + 1`` works for a Mirels total). Nothing
from the student's kernel is trusted: a redefined ``set`` or ``bool`` changes nothing here.
"""

from __future__ import annotations

import ast
import operator
from typing import Any


class UnreadableAnswer(ValueError):
    """The cell does not assign a plain value to the answer name."""


_ARITHMETIC = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
_CONTAINERS = {"set": set, "frozenset": frozenset, "list": list, "tuple": tuple}


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def plain_value(node: ast.AST) -> Any:
    """Evaluate a node that holds a plain value; raise :class:`UnreadableAnswer` otherwise."""
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        pass
    if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
        left, right = plain_value(node.left), plain_value(node.right)
        if _number(left) and _number(right):
            try:
                return _ARITHMETIC[type(node.op)](left, right)
            except ZeroDivisionError:
                raise UnreadableAnswer("it divides by zero") from None
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        inner = plain_value(node.operand)
        if _number(inner):
            return -inner if isinstance(node.op, ast.USub) else inner
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in _CONTAINERS
        and len(node.args) <= 1
        and not node.keywords
    ):
        inner = plain_value(node.args[0]) if node.args else ()
        if isinstance(inner, list | tuple | set | frozenset | str):
            return _CONTAINERS[node.func.id](inner)
    raise UnreadableAnswer('letters need quotes, like "B", and numbers are typed as digits')


def read_answer(source: str, name: str) -> Any:
    """The value the cell assigns to ``name`` (``None`` when it assigns nothing)."""
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        # Plain words: the student is a nurse, not a programmer (no "syntax" or "Python").
        raise UnreadableAnswer(
            f"check the quotes, brackets and commas on line {exc.lineno}"
        ) from None
    value_node = None
    for statement in tree.body:
        if (
            isinstance(statement, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == name for t in statement.targets)
        ) or (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and statement.target.id == name
            and statement.value is not None
        ):
            value_node = statement.value
    if value_node is None:
        return None
    return plain_value(value_node)
