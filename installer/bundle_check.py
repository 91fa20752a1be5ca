"""Check a built PyInstaller folder: the embedded central service starts from the bundle.

The single-PC default starts ``counter-central serve`` as a child of the application; in a
bundle that child is the bundle's own executable started with ``--embedded-centre-child``.
Nothing in the test suite builds a bundle (too slow), so this script checks a built one, in
a throw-away data folder and without the desktop's keyring (the key goes to a private file):

1. ``counter-app --exit-when-ready`` (offscreen) creates and seeds the central database,
   starts the service from the bundle, enrols the workstation and enables the login button;
   after it has quit, the service it started is gone;
2. (POSIX) the application killed with SIGKILL: the service notices and stops by itself.

Usage: ``python installer/bundle_check.py [dist/counter-app]``; exit status 0 when all is
well, 1 with the reason otherwise. Standard library only: it runs before any install.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

START_TIMEOUT = 120.0  # seconds; a cold start migrates and seeds the central database
STOP_TIMEOUT = 20.0  # seconds for the service to end once its application has


class CheckFailed(Exception):
    pass


def alive(pid: int) -> bool:
    if os.name != "posix":  # Windows: tasklist names the process while it runs
        listed = subprocess.run(
            ["tasklist", "/FI", f"PID eq {pid}", "/NH"], capture_output=True, text=True
        )
        return str(pid) in listed.stdout
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split()[2] == "Z")  # a zombie has ended


def wait_gone(pid: int, timeout: float) -> float:
    start = time.monotonic()
    while alive(pid):
        if time.monotonic() - start > timeout:
            raise CheckFailed(f"the embedded service (pid {pid}) outlived its application")
        time.sleep(0.1)
    return time.monotonic() - start


def environment(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "HOME": str(home),
        "COUNTER_APP_HOME": str(home / "counter-app"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # not the desktop's
    }


def executable(folder: Path) -> Path:
    path = folder / ("counter-app.exe" if os.name == "nt" else "counter-app")
    if not path.is_file():
        raise CheckFailed(f"{path} does not exist: build the bundle first")
    return path


def check_start_and_exit(app: Path, home: Path) -> None:
    started = time.monotonic()
    result = subprocess.run(
        [str(app), "--exit-when-ready"],
        env=environment(home),
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT,
    )
    elapsed = time.monotonic() - started
    centre = re.search(r"^CENTRE embedded pid=(\d+) url=(\S+)", result.stdout, re.M)
    prepared = re.search(r"^PREPARED login=(\w+) exit=(\d+)", result.stdout, re.M)
    if result.returncode != 0 or centre is None or prepared is None:
        raise CheckFailed(
            f"counter-app --exit-when-ready ended with status {result.returncode}:\n"
            f"{result.stdout}{result.stderr[-2000:]}"
        )
    if prepared.group(1) != "enabled":
        raise CheckFailed(f"the login stayed disabled:\n{result.stdout}{result.stderr[-2000:]}")
    log_file = home / "counter-app" / "data" / "central" / "service.log"
    service_log = log_file.read_text(encoding="utf-8", errors="replace")
    if "enrolled workstation" not in service_log:
        raise CheckFailed(f"the workstation was not enrolled; the service's log:\n{service_log}")
    gone_after = wait_gone(int(centre.group(1)), STOP_TIMEOUT)
    print(
        f"ok: embedded service {centre.group(2)} started from the bundle, workstation enrolled, "
        f"login enabled; {elapsed:.1f} s to ready and quit; service gone {gone_after:.1f} s "
        "after the application"
    )


def check_killed_application(app: Path, home: Path) -> None:
    log_file = home / "counter-app" / "data" / "central" / "service.log"
    offset = log_file.stat().st_size if log_file.exists() else 0
    process = subprocess.Popen(
        [str(app)],
        env=environment(home),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        child = None
        while child is None:
            if process.poll() is not None:
                raise CheckFailed(f"counter-app ended at start-up (status {process.returncode})")
            if time.monotonic() > deadline:
                raise CheckFailed("the embedded service did not start")
            text = (
                log_file.read_bytes()[offset:].decode("utf-8", "replace")
                if log_file.exists()
                else ""
            )
            found = re.search(r"Started server process \[(\d+)\]", text)
            if found and "Uvicorn running on" in text:
                child = int(found.group(1))
            time.sleep(0.1)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    gone_after = wait_gone(child, STOP_TIMEOUT)
    print(
        f"ok: application killed; its embedded service (pid {child}) stopped "
        f"{gone_after:.1f} s later"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="dist/counter-app", type=Path)
    args = parser.parse_args(argv)
    try:
        app = executable(args.folder)
        with tempfile.TemporaryDirectory(prefix="counter-app-bundle-") as home:
            check_start_and_exit(app, Path(home))
            if os.name == "posix":
                check_killed_application(app, Path(home))
    except (CheckFailed, subprocess.TimeoutExpired) as exc:
        print(f"bundle check failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
