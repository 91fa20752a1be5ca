"""The real programs as subprocesses: the admin CLI and the GUI's start-up on a fresh folder."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def run(
    home: Path, *args: str, stdin: str = "", timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COUNTER_APP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return subprocess.run(
        [sys.executable, *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def admin(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return run(home, "-m", "counter_app.cli", *args, stdin=stdin)


def test_init_sync_and_audit_on_the_embedded_default(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    first = admin(home, "init")
    assert first.returncode == 0, first.stderr
    assert "teller1" in first.stdout and "demo-teller1" in first.stdout
    assert (home / "workstation.toml").exists()

    synced = admin(home, "sync")
    assert synced.returncode == 0 and "pushed 0" in synced.stdout, synced.stderr

    closed = admin(home, "queue", "close-day")
    assert closed.returncode == 0 and "0 unfinished" in closed.stdout, closed.stderr

    verified = admin(home, "audit", "verify")
    assert verified.returncode == 0 and "journal intact" in verified.stdout

    added = admin(
        home,
        "user",
        "add",
        "teller9",
        "--role",
        "teller",
        "--hall",
        "HALL01",
        "--password-stdin",
        stdin="long-enough-pw\n",
    )
    assert added.returncode == 0, added.stderr
    assert admin(home, "sync").returncode == 0

    central = home / "data" / "central.db"
    with sqlite3.connect(central) as db:
        db.execute("DROP TRIGGER journal_no_update")
        db.execute("UPDATE journal SET actor = 'intruder' WHERE seq = 2")
    broken = admin(home, "audit", "verify")
    assert broken.returncode == 1
    assert "BROKEN at entry 2" in broken.stdout


def test_a_corrupt_config_is_named_not_a_traceback(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    home.mkdir()
    (home / "workstation.toml").write_text("[workstation\nwindow = 3\n", encoding="utf-8")
    result = admin(home, "sync")
    assert result.returncode == 2
    assert "workstation.toml" in result.stderr and "not valid TOML" in result.stderr
    assert "Traceback" not in result.stderr
    gui = run(home, "-m", "counter_app", "--exit-when-ready")
    assert gui.returncode == 2 and "not valid TOML" in gui.stderr
    assert "Traceback" not in gui.stderr


def test_an_unreachable_centre_and_no_keyring_are_explained(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    home.mkdir()
    (home / "workstation.toml").write_text(
        '[workstation]\nid = "WS-9"\nhall = "HALL01"\nwindow = 2\n'
        '[central]\nurl = "postgresql://counter@127.0.0.1:1/counter"\nauth = "none"\n',
        encoding="utf-8",
    )
    offline = admin(home, "sync")
    assert offline.returncode == 3 and "127.0.0.1:1" in offline.stderr
    assert "Traceback" not in offline.stderr

    text = (home / "workstation.toml").read_text(encoding="utf-8")
    (home / "workstation.toml").write_text(text.replace('"none"', '"keyring"'), encoding="utf-8")
    no_keyring = admin(home, "sync")
    assert no_keyring.returncode == 3 and "No usable system keyring" in no_keyring.stderr


def test_the_gui_starts_to_its_login_window_on_a_fresh_folder(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    result = run(home, "-m", "counter_app", "--exit-when-ready")
    assert result.returncode == 0, result.stderr[-2000:]
    ready = [line for line in result.stdout.splitlines() if line.startswith("READY rss_kb=")]
    assert ready and int(ready[0].split("=")[1]) > 0
    assert (home / "data" / "local-cache.db").exists()
