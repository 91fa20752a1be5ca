"""Start real ``counter-central serve`` processes cheaply: fork them from one warm process.

Importing the service (FastAPI, pydantic, SQLAlchemy, our handlers) costs more than a second
of CPU per process; the workstation tests start a fresh service for almost every test. This
script is started once per test process: it imports everything, then for each request on
stdin (a JSON line with the config and log file) forks a child that runs exactly what
``counter-central serve --config FILE`` runs (``counter_central.cli.main``), and answers
with the child's pid. The forker reaps its children; ``ForkedProcess`` gives the tests the
``poll``/``terminate``/``kill``/``wait`` they use on a ``subprocess.Popen``.

Only the workstation tests use it; the service's own tests (start-up refusals, exit codes,
kills and restarts) start it with ``subprocess`` exactly as an installation does.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO


def serve_forever(commands: IO[str], answers: IO[str]) -> None:
    import uvicorn
    import uvicorn.lifespan.on
    import uvicorn.loops.auto
    import uvicorn.protocols.http.auto
    import uvicorn.protocols.websockets.auto  # noqa: F401

    import counter_app.items.registry as registry
    import counter_central.app  # noqa: F401
    import counter_central.cli as cli

    registry.spec_for("admin.hall_upsert")  # import every handler before forking
    # Children are reaped only when asked (``reap``): until then an ended child stays a zombie
    # and keeps its pid, so a signal meant for it can never reach a new process of that pid.
    for line in commands:
        request = json.loads(line)
        if "reap" in request:
            try:
                _, status = os.waitpid(int(request["reap"]), 0)
                code = os.waitstatus_to_exitcode(status)
            except ChildProcessError:
                code = -1
            answers.write(f"{code}\n")
            answers.flush()
            continue
        pid = os.fork()
        if pid == 0:  # the child: become the service
            os.setpgid(0, 0)
            log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            devnull = os.open(os.devnull, os.O_RDONLY)
            os.dup2(devnull, 0)
            os.dup2(log, 1)
            os.dup2(log, 2)
            code = 1
            try:
                code = cli.main(["serve", "--config", request["config"]]) or 0
            finally:
                os._exit(code)
        answers.write(f"{pid}\n")
        answers.flush()


class ForkedProcess:
    """A forked service as the tests see a process: ``poll``, ``terminate``, ``kill``, ``wait``.

    The forker keeps an ended child as a zombie until ``poll`` sees it ended and asks for it
    to be reaped, so the pid cannot belong to another process while this object signals it."""

    def __init__(self, pid: int, forker: Forker) -> None:
        self.pid = pid
        self.forker = forker
        self.returncode: int | None = None

    def _ended(self) -> bool:
        try:
            state = Path(f"/proc/{self.pid}/stat").read_text().split(") ", 1)[1][0]
        except (OSError, IndexError):
            return True
        return state in "ZX"

    def poll(self) -> int | None:
        if self.returncode is None and self._ended():
            self.returncode = self.forker.reap(self.pid)
        return self.returncode

    def send_signal(self, number: int) -> None:
        self._signal(number)

    def terminate(self) -> None:
        self._signal(signal.SIGTERM)

    def kill(self) -> None:
        self._signal(signal.SIGKILL)

    def _signal(self, number: int) -> None:
        if self.poll() is not None:
            return  # reaped: the pid may be another process's now
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, number)

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"pid {self.pid}", timeout or 0)
            time.sleep(0.05)
        assert self.returncode is not None
        return self.returncode


class Forker:
    """The warm process; one per test process, started on first use."""

    _lock = threading.Lock()

    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, __file__],
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def _ask(self, request: dict[str, object]) -> int:
        assert self.process.stdin is not None and self.process.stdout is not None
        with self._lock:
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            answer = self.process.stdout.readline()
        if not answer.strip():
            raise RuntimeError("the service forker has stopped")
        return int(answer)

    def start(self, config: Path, log: Path) -> ForkedProcess:
        return ForkedProcess(self._ask({"config": str(config), "log": str(log)}), self)

    def reap(self, pid: int) -> int:
        """The exit code of an ended child (it is a zombie until then)."""
        return self._ask({"reap": pid})

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


if __name__ == "__main__":
    serve_forever(sys.stdin, sys.stdout)
