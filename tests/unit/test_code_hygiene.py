"""The Qt-free core type-checks strictly, never imports Qt, and the tree passes ruff."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE = ["domain", "storage", "services", "sync", "printing", "devices", "demo"]


def _tool(name: str) -> str:
    path = Path(sys.executable).parent / name
    found = str(path) if path.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed in this environment")
    return found


def test_the_core_never_imports_qt() -> None:
    offenders = []
    for package in CORE:
        for source in (ROOT / "counter_app" / package).rglob("*.py"):
            tree = ast.parse(source.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                    offenders.append(str(source.relative_to(ROOT)))
    assert offenders == []


@pytest.mark.slow
def test_mypy_strict_on_the_core() -> None:
    result = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:]


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [_tool("ruff"), "check", "counter_app", "tests", "benchmarks", "migrations"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-4000:]
