"""The embedded service's child command line, frozen or not, and its dispatch at the entry.

A frozen (PyInstaller) build has no interpreter taking ``-m``: it starts itself with
``--embedded-centre-child`` first, and ``counter_app/__main__.py`` (the bundle's entry
script) must hand that start to the service before importing Qt.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from counter_app.client import embedded_centre
from counter_app.client.embedded_centre import _child_env, child_command
from counter_app.client.embedded_child import CHILD_FLAG, is_child_start

ROOT = Path(__file__).resolve().parents[2]


def test_a_python_installation_starts_the_child_with_dash_m(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/python/bin/python3")
    assert child_command(4321, Path("/data/central/central.toml")) == [
        "/opt/python/bin/python3",
        "-m",
        "counter_app.client.embedded_centre",
        "--parent-pid",
        "4321",
        "serve",
        "--config",
        str(Path("/data/central/central.toml")),
    ]
    env = _child_env()
    assert env["PYTHONPATH"].split(os.pathsep)[0] == str(ROOT)
    assert "PYINSTALLER_RESET_ENVIRONMENT" not in env


def test_a_frozen_build_starts_itself_with_the_child_flag(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/counter-app/counter-app")
    monkeypatch.delenv("PYTHONPATH", raising=False)
    command = child_command(4321, Path("/data/central/central.toml"))
    assert command == [
        "/opt/counter-app/counter-app",
        CHILD_FLAG,
        "--parent-pid",
        "4321",
        "serve",
        "--config",
        str(Path("/data/central/central.toml")),
    ]
    assert "-m" not in command
    env = _child_env()
    assert env["PYINSTALLER_RESET_ENVIRONMENT"] == "1"
    assert "PYTHONPATH" not in env  # a bundle ignores it; the checkout is not there


def test_spawn_service_uses_the_frozen_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: list[list[str]] = []

    class FakePopen:
        pid = 99

        def __init__(self, command: list[str], **_kwargs: object) -> None:
            seen.append(command)

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/counter-app/counter-app")
    monkeypatch.setattr(subprocess, "Popen", FakePopen)
    embedded_centre.spawn_service(tmp_path / "central.toml", tmp_path / "service.log", 8123)
    assert seen == [child_command(os.getpid(), tmp_path / "central.toml")]
    assert seen[0][1] == CHILD_FLAG


def test_only_the_flag_in_first_place_starts_the_child() -> None:
    assert is_child_start([CHILD_FLAG, "--parent-pid", "1", "serve"])
    assert not is_child_start([])
    assert not is_child_start(["--mode", "kiosk"])
    assert not is_child_start(["--lang", "en", CHILD_FLAG])


def run_entry(*args: str) -> subprocess.CompletedProcess[str]:
    """``counter_app/__main__.py`` as a bundle runs it (its ``__main__``), then: was Qt loaded?"""
    probe = (
        "import runpy, sys\n"
        f"sys.argv = ['counter-app', *{list(args)!r}]\n"
        "try:\n"
        "    runpy.run_module('counter_app', run_name='__main__', alter_sys=True)\n"
        "except SystemExit as exit:\n"
        "    code = exit.code\n"
        "print('QT', 'PySide6' in sys.modules, 'EXIT', code, flush=True)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env,
    )


def test_the_entry_hands_the_child_flag_to_the_service_before_qt() -> None:
    result = run_entry(CHILD_FLAG, "--help")
    assert "usage: counter-central" in result.stdout, result.stderr
    assert "QT False EXIT 0" in result.stdout


def test_the_entry_without_the_flag_is_the_application() -> None:
    result = run_entry("--help")
    assert "usage: counter-app" in result.stdout, result.stderr
    assert "counter-central" not in result.stdout
    assert "QT True EXIT 0" in result.stdout
