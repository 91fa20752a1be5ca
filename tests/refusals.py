"""The refusals the core can raise, read from its source: every ``Conflict(…)``,
``ValidationError(…)`` and ``PermissionDenied(…)`` with a literal argument, and every value a
``field`` parameter gets (its defaults and the keyword arguments ``field="…"``). The tests of
the error texts iterate these, so a new code, field or permission without a text fails.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "counter_app"
CORE = ("domain", "catalogue", "items", "services", "centre", "sync", "printing", "devices")


def _nodes() -> Iterator[tuple[str, ast.AST]]:
    """Every syntax node of the core, with where it is."""
    for package in CORE:
        for path in sorted((ROOT / package).rglob("*.py")):
            where = str(path.relative_to(ROOT.parent))
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                yield f"{where}:{getattr(node, 'lineno', '?')}", node


def _calls(name: str) -> Iterator[tuple[str, ast.Call]]:
    for where, node in _nodes():
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name:
            yield where, node


def _strings(node: ast.expr) -> list[str]:
    """The literal strings an argument can be: a constant, either side of ``x or "y"``, or
    the constant start of an f-string (``f"queue.{key}"`` → ``queue.``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.BoolOp):
        return [s for value in node.values for s in _strings(value)]
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return [first.value]
    return []


def conflict_codes() -> dict[str, str]:
    return {code: where for where, call in _calls("Conflict") for code in _strings(call.args[0])}


def validation_codes() -> dict[str, str]:
    return {
        code: where
        for where, call in _calls("ValidationError")
        if len(call.args) > 1
        for code in _strings(call.args[1])
    }


def field_names() -> dict[str, str]:
    """Literal first arguments of ``ValidationError``, and every value a ``field`` parameter
    gets: its defaults and the keyword arguments ``field="…"``."""
    found = {
        field: where
        for where, call in _calls("ValidationError")
        for field in _strings(call.args[0])
    }
    for where, node in _nodes():
        if isinstance(node, ast.keyword) and node.arg == "field":
            found.update(dict.fromkeys(_strings(node.value), where))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            arguments = node.args
            positional = [*arguments.posonlyargs, *arguments.args]
            defaults = list(
                zip(positional[len(positional) - len(arguments.defaults) :],
                    arguments.defaults, strict=True)
            ) + list(zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True))  # fmt: skip
            for arg, default in defaults:
                if arg.arg == "field" and default is not None:
                    found.update(dict.fromkeys(_strings(default), where))
    return found


def refused_permissions() -> dict[str, str]:
    return {
        permission: where
        for where, call in _calls("PermissionDenied")
        if len(call.args) > 1
        for permission in _strings(call.args[1])
    }
