"""The real programs as subprocesses: the admin CLI, the prerequisite check and the GUI's
start-up on a fresh folder — offscreen, and on a real X server (Xvfb) through the xcb plugin.

Each subprocess has no keyring (``keyring.backends.fail.Keyring``, as on a bare Debian): the
embedded default keeps its workstation key in a private file then, and a workstation of a
hall's service says what to install.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
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
    assert "users known on this workstation: 6" in first.stdout
    assert (home / "workstation.toml").exists()
    # no keyring in these subprocesses: the single-PC set-up keeps its key in a private file
    assert oct((home / "data" / "workstation.key").stat().st_mode & 0o777) == "0o600"

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
    # every embedded service these commands started has stopped with them
    log = (home / "data" / "central" / "service.log").read_text(encoding="utf-8")
    assert log.count("--- started by counter-app") == log.count("Finished server process") == 3


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


def write_config(home: Path, central: str) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "workstation.toml").write_text(
        f'[workstation]\nid = "WS-9"\nhall = "HALL01"\nwindow = 2\n[central]\n{central}\n',
        encoding="utf-8",
    )


def test_an_old_database_url_no_keyring_and_no_enrolment_are_explained(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    write_config(home, 'url = "postgresql://counter@127.0.0.1:1/counter"\nauth = "none"')
    old = admin(home, "sync")
    assert old.returncode == 2 and "service_url" in old.stderr, old.stderr
    assert "Traceback" not in old.stderr

    (home / "ca.crt").write_text("-", encoding="utf-8")
    write_config(home, 'service_url = "https://central.hall01.example:8443"\nca_file = "ca.crt"')
    no_keyring = admin(home, "sync")
    assert no_keyring.returncode == 3 and "No usable system keyring" in no_keyring.stderr
    assert "Traceback" not in no_keyring.stderr

    write_config(home, 'service_url = "http://127.0.0.1:1"')
    not_enrolled = admin(home, "sync")
    assert not_enrolled.returncode == 3, not_enrolled.stderr
    assert "counter-admin enrol --url http://127.0.0.1:1 --code" in not_enrolled.stderr

    lan = admin(home, "enrol", "--url", "http://192.168.1.20:8443", "--code", "X")
    assert lan.returncode == 2 and "plain http to another machine" in lan.stderr


def test_the_gui_starts_its_embedded_service_and_login_window_on_a_fresh_folder(
    tmp_path: Path,
) -> None:
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
    centre = next(i for i, line in enumerate(lines) if line.startswith("CENTRE "))
    prepared = next(i for i, line in enumerate(lines) if line.startswith("PREPARED "))
    assert shown < centre < prepared and lines[prepared] == "PREPARED login=enabled exit=0", lines
    # the service ran as a child on loopback, answered, and has stopped with the application
    match = re.fullmatch(r"CENTRE embedded pid=(\d+) url=(http://127\.0\.0\.1:\d+) online=true",
                         lines[centre])  # fmt: skip
    assert match, lines[centre]
    pid = int(match.group(1))
    assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text()
    log = (home / "data" / "central" / "service.log").read_text(encoding="utf-8")
    assert f"Started server process [{pid}]" in log and f"Finished server process [{pid}]" in log
    assert "Demo logins" not in result.stdout  # printed for a person only, not with this flag


def test_the_kiosk_launches_the_same_way(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    result = run(home, "-m", "counter_app", "--mode", "kiosk", "--exit-when-ready")
    assert result.returncode == 0, result.stderr[-2000:]
    assert re.search(r"^CENTRE embedded pid=\d+ url=\S+ online=true$", result.stdout, re.M)


def test_demo_customers_are_listed_for_the_readme(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    assert admin(home, "init").returncode == 0
    listed = admin(home, "demo", "customers", "--limit", "3")
    assert listed.returncode == 0, listed.stderr
    persons = re.findall(r"^  (\d{17}[\dX])  (\S+)", listed.stdout, re.MULTILINE)
    employers = re.findall(r"^  ([0-9A-Z]{18})  (\S+)$", listed.stdout, re.MULTILINE)
    assert len(persons) == 3 and len(employers) == 3, listed.stdout
    assert "not insured yet" in listed.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_second_workstation_enrols_with_the_first_ones_centre(tmp_path: Path) -> None:
    """The README's recipe: register on the first PC's central, serve it, enrol the second."""
    first, second = tmp_path / "first", tmp_path / "second"
    assert admin(first, "init").returncode == 0
    added = admin(first, "workstation", "add", "WS-SECOND", "--hall", "HALL01")
    assert added.returncode == 0, added.stderr
    code = re.search(r"enrolment code .*: (\S+)$", added.stdout, re.MULTILINE)
    assert code, added.stdout

    config = first / "data" / "central" / "central.toml"
    port = free_port()
    text = re.sub(r"^port = \d+$", f"port = {port}", config.read_text(encoding="utf-8"), flags=re.M)
    config.write_text(text, encoding="utf-8")
    log = tmp_path / "service.log"
    with log.open("wb") as sink:
        service = subprocess.Popen(
            [sys.executable, "-m", "counter_central.cli", "serve", "--config", str(config)],
            stdout=sink, stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
        )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while "Application startup complete" not in log.read_text(encoding="utf-8"):
            assert service.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        enrolled = admin(
            second, "enrol", "--url", url, "--code", code.group(1), "--workstation-id", "WS-SECOND"
        )
        assert enrolled.returncode == 0, enrolled.stderr
        assert "enrolled for hall HALL01" in enrolled.stdout
        synced = admin(second, "sync")
        assert synced.returncode == 0, synced.stderr
        assert "pulled 0" not in synced.stdout
        listed = admin(first, "workstation", "list")
        assert re.search(r"^WS-SECOND\s+HALL01\s+active", listed.stdout, re.M), listed.stdout
        reused = admin(second, "enrol", "--url", url, "--code", code.group(1))
        assert reused.returncode == 1 and "refused the enrolment" in reused.stderr
    finally:
        service.terminate()
        service.wait(20)


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
