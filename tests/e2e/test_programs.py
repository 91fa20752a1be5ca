"""The real programs as subprocesses: the admin CLI, the prerequisite check and the GUI's
start-up on a fresh folder — offscreen, and on a real X server (Xvfb) through the xcb plugin.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def run(
    home: Path,
    *args: str,
    stdin: str = "",
    timeout: int = 120,
    env_extra: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COUNTER_APP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env.update(env_extra or {})
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
    assert "PREPARED login=disabled exit=2" in gui.stdout  # shown in the login window


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
    assert "SHOWN platform=offscreen exposed=true" in result.stdout
    assert (home / "data" / "local-cache.db").exists()
    # the window comes first; the workstation is prepared behind it and then enables login
    lines = result.stdout.splitlines()
    shown = next(i for i, line in enumerate(lines) if line.startswith("SHOWN "))
    prepared = next(i for i, line in enumerate(lines) if line.startswith("PREPARED "))
    assert shown < prepared and lines[prepared] == "PREPARED login=enabled exit=0", lines


def test_demo_customers_are_listed_for_the_readme(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    assert admin(home, "init").returncode == 0
    listed = admin(home, "demo", "customers", "--limit", "3")
    assert listed.returncode == 0, listed.stderr
    persons = re.findall(r"^  (\d{17}[\dX])  (\S+)", listed.stdout, re.MULTILINE)
    employers = re.findall(r"^  ([0-9A-Z]{18})  (\S+)$", listed.stdout, re.MULTILINE)
    assert len(persons) == 3 and len(employers) == 3, listed.stdout
    assert "not insured yet" in listed.stdout


@pytest.fixture
def x_server(tmp_path: Path) -> Iterator[str]:
    """A private Xvfb display (1366×768), or a skip that says why there is none."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (Debian: apt-get install xvfb): the start on a real "
                    "X server through Qt's xcb platform plugin is not tested")  # fmt: skip
    log = tmp_path / "xvfb.log"
    read_end, write_end = os.pipe()
    with log.open("wb") as errors:
        server = subprocess.Popen(
            [xvfb, "-displayfd", str(write_end), "-screen", "0", "1366x768x24", "-nolisten",
             "tcp"],
            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=errors,
        )  # fmt: skip
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 30)
        number = os.read(read_end, 64).decode().strip() if ready else ""
        if not number:
            pytest.fail(f"Xvfb did not start: {log.read_text(errors='replace')[-2000:]}")
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)


def test_the_login_window_appears_on_a_real_x_server(tmp_path: Path, x_server: str) -> None:
    """The xcb plugin loads (every library it links is installed) and the login window shows."""
    home = tmp_path / "ws"
    result = run(
        home, "-m", "counter_app", "--exit-when-ready",
        env_extra={"QT_QPA_PLATFORM": "xcb", "DISPLAY": x_server},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    shown = [line for line in result.stdout.splitlines() if line.startswith("SHOWN ")]
    assert shown and "platform=xcb exposed=true" in shown[0], result.stdout
    titles = json.loads(shown[0].split("windows=", 1)[1])
    assert any("—" in title for title in titles), titles  # 社保综合柜员系统 — 登录


def test_the_prerequisite_check_passes_on_this_machine() -> None:
    """The real check: Qt loads, the xcb plugin's libraries are all found, a CJK font exists."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "check_prereqs.py"), "--after-install"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
