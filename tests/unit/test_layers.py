"""The layers import only downwards (docs/architecture.md): no import circle between them.

Read from the source with ``ast`` (imports under ``if TYPE_CHECKING:`` included, because a
type-only import still ties the layers together for a reader), so a violation names the file
and the line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# layer → the project layers it may import (itself always allowed)
ALLOWED: dict[str, set[str]] = {
    "counter_app.domain": set(),
    "counter_app.demo": {"counter_app.domain"},
    "counter_app.storage": {"counter_app.domain"},
    "counter_app.catalogue": {"counter_app.domain"},
    "counter_app.items": {
        "counter_app.domain",
        "counter_app.storage",
        "counter_app.catalogue",
        "counter_app.printing",
    },
    "counter_app.printing": {"counter_app.domain"},
    "counter_app.devices": {"counter_app.domain", "counter_app.printing"},
    "counter_app.sync": {"counter_app.domain", "counter_app.storage", "counter_app.wire"},
    "counter_app.services": {
        "counter_app.domain",
        "counter_app.storage",
        "counter_app.catalogue",
        "counter_app.items",
        "counter_app.printing",
        "counter_app.devices",
        "counter_app.demo",
        "counter_app.config",
    },
    "counter_app.centre": {
        "counter_app.domain",
        "counter_app.storage",
        "counter_app.catalogue",
        "counter_app.items",
        "counter_app.services",
        "counter_app.printing",
        "counter_app.demo",
    },
    "counter_app.remote": {
        "counter_app.wire",
        "counter_app.items",
        "counter_app.domain",
        "counter_app.services",
        "counter_app.sync",
        "counter_app.config",
    },
}
FORBIDDEN_EVERYWHERE_BUT_UI = "counter_app.ui"


def layer_of(module: str) -> str | None:
    for layer in ALLOWED:
        if module == layer or module.startswith(layer + "."):
            return layer
    return None


def imports_of(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


SOURCES = sorted((ROOT / "counter_app").rglob("*.py")) + sorted(
    (ROOT / "counter_central").rglob("*.py")
)


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_a_layer_imports_only_the_layers_below_it(layer: str) -> None:
    problems = []
    for path in SOURCES:
        if layer_of(module_name(path)) != layer:
            continue
        for line, imported in imports_of(path):
            if not imported.startswith("counter_"):
                continue
            target = layer_of(imported) or imported
            if target == layer:
                continue
            if not any(target == a or target.startswith(a + ".") for a in ALLOWED[layer]):
                problems.append(f"{path.relative_to(ROOT)}:{line} imports {imported}")
    assert not problems, "\n".join(problems)


def test_nothing_but_the_ui_imports_the_ui_or_qt() -> None:
    """(The entry points `__main__` and the program modules start the UI; they are not layers.)"""
    problems = []
    for path in SOURCES:
        name = module_name(path)
        if name.startswith("counter_app.ui") or name == "counter_app.__main__":
            continue
        for line, imported in imports_of(path):
            if imported.startswith((FORBIDDEN_EVERYWHERE_BUT_UI, "PySide6")):
                problems.append(f"{path.relative_to(ROOT)}:{line} imports {imported}")
    assert not problems, "\n".join(problems)


def test_the_service_never_imports_the_workstation_side() -> None:
    problems = [
        f"{path.relative_to(ROOT)}:{line} imports {imported}"
        for path in SOURCES
        if module_name(path).startswith("counter_central")
        for line, imported in imports_of(path)
        if imported.startswith(("counter_app.client", "counter_app.sync", "counter_app.ui"))
    ]
    assert not problems, "\n".join(problems)
