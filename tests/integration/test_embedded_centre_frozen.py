"""The embedded service started the frozen way, through the application's entry.

A frozen build starts itself with ``--embedded-centre-child`` first. Building a bundle is too
slow for the suite, so a stand-in executable plays the bundle: a script that runs the same
entry a bundle runs (``counter_app/__main__.py``) with the arguments it is given. The child
must come up through the entry's dispatch, serve, enrol the workstation, let staff log in
and stop with the application.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from counter_app.client.embedded_centre import service_log_path, start_embedded_centre
from counter_app.client.embedded_child import CHILD_FLAG
from counter_app.config import load_config

pytestmark = [
    pytest.mark.timeout(180),
    pytest.mark.skipif(sys.platform == "win32", reason="the stand-in executable is a shell script"),
]


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def stand_in_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``sys.frozen`` set and ``sys.executable`` an executable that runs the bundle's entry."""
    executable = tmp_path / "counter-app"
    executable.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m counter_app "$@"\n')
    executable.chmod(0o755)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    return executable


def test_the_frozen_start_serves_enrols_logs_in_and_stops(
    app_home: Path, no_keyring: None, stand_in_bundle: Path
) -> None:
    centre = start_embedded_centre(load_config())
    try:
        process = centre.service.process
        # exec: the child is the entry itself, started as the bundle with the flag first
        command = Path(f"/proc/{process.pid}/cmdline").read_bytes().split(b"\0")
        assert CHILD_FLAG.encode() in command
        assert b"--parent-pid" in command
        assert httpx.get(f"{centre.url}/v1/time", timeout=5).status_code == 200
        assert centre.centre.login("teller1", "demo-teller1").username == "teller1"
        centre.centre.logout("teller1")
    finally:
        centre.stop()
    assert process.poll() is not None
    log_text = service_log_path().read_text(encoding="utf-8")
    assert "Uvicorn running on" in log_text
    assert "enrolled workstation" in log_text
