"""The request path's shortcuts never weaken its checks.

The gate remembers, per process, the public key each workstation last signed with, so that a
known workstation costs one statement (``request_auth._FAST_PATH``; call-next folds even
that into its claim, see ``test_central_hot_path.py``); the pool lends connections without
pinging them; and
``[server] workers`` lets several processes share the port. These tests show that a
re-enrolled workstation's old key is refused at once, that the service rides over the
database dropping its connections, that worker processes stop with their ``serve`` process
and that their connections are not slowed by Nagle's algorithm.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from service_harness import (
    ROOT,
    CentralDb,
    RunningService,
    cli_env,
    free_port,
    run_as_superuser,
    sqlite_database,
    start_service,
    teller,
    wait_ready,
    write_config,
)

from counter_app.remote.identity import enrol
from counter_app.services.queue import issue_ticket
from counter_central.cli import _tcp_listener
from counter_central.clock import ServiceClock
from counter_central.registry import add_workstation
from counter_central.settings import SettingsError, load_settings

LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def call_next(client: httpx.Client, token: str, window: int = 1) -> httpx.Response:
    return client.post(
        "/v1/queue/call-next",
        json={"window": window, "categories": ["A"], "key": uuid.uuid4().hex, "aging_minutes": 30},
        headers={"X-Counter-Session": token},
    )


def test_a_re_enrolled_workstations_old_key_is_refused_at_once(service: RunningService) -> None:
    t = teller(service)
    try:
        # The service now knows this workstation's key and would take its one-statement path.
        assert t.client.get("/v1/journal", params={"after": 0}).status_code == 200
        issued = add_workstation(
            service.db.service,
            ServiceClock(),
            t.workstation_id,
            "HALL01",
            valid_for=dt.timedelta(hours=1),
            replace=True,
        )
        answer = t.client.get("/v1/journal", params={"after": 0})
        assert answer.status_code == 403 and answer.json()["error"] == "not_enrolled"
        with service.client() as plain:
            renewed = enrol(plain, t.workstation_id, issued.code, store=False)
        answer = t.client.get("/v1/journal", params={"after": 0})
        assert answer.status_code == 401 and answer.json()["error"] == "bad_signature"
        with service.client(renewed.identity) as client:
            assert client.get("/v1/journal", params={"after": 0}).status_code == 200
    finally:
        t.client.close()


@pytest.mark.postgres
def test_the_service_rides_over_the_database_dropping_its_connections(
    pg_db: CentralDb, tmp_path: Path
) -> None:
    """No ping before each checkout: the first statement that finds its connection dead
    invalidates the pool and the request is checked once more on a new connection."""
    running = start_service(tmp_path, pg_db)
    t = teller(running)
    try:
        for _ in range(5):
            issue_ticket(pg_db.owner, "HALL01", "A")
        assert call_next(t.client, t.token).json()["ticket"] is not None
        assert pg_db.roles is not None
        run_as_superuser(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE usename = '{pg_db.roles.service}' AND pid <> pg_backend_pid()"
        )
        answer = call_next(t.client, t.token)
        assert answer.status_code == 200, answer.text
        assert answer.json()["ticket"] is not None
        assert t.client.get("/v1/journal", params={"after": 0}).status_code == 200
    finally:
        t.client.close()
        running.stop()


def test_workers_is_read_and_bounded(tmp_path: Path) -> None:
    config = tmp_path / "central.toml"
    base = '[database]\nurl = "sqlite:///c.db"\n[service]\nhalls = ["HALL01"]\n'
    config.write_text(base, encoding="utf-8")
    assert load_settings(config).server.workers == 1
    config.write_text("[server]\nworkers = 4\n" + base, encoding="utf-8")
    assert load_settings(config).server.workers == 4
    config.write_text("[server]\nworkers = 0\n" + base, encoding="utf-8")
    with pytest.raises(SettingsError, match=r"\[server\] workers must be between"):
        load_settings(config)


@pytest.fixture
def two_workers(tmp_path: Path) -> Iterator[RunningService]:
    db = sqlite_database(tmp_path / "central.db")
    port = free_port()
    config = write_config(tmp_path, db, port, workers=2)
    log = tmp_path / "service.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "counter_central.cli", "serve", "--config", str(config)],
            cwd=ROOT,
            env=cli_env(),
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    running = wait_ready(
        RunningService(f"http://127.0.0.1:{port}", config, log, process, False, db)
    )
    yield running
    running.stop()
    db.owner.dispose()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@LINUX
def test_worker_processes_serve_and_stop_when_their_serve_process_is_killed(
    two_workers: RunningService,
) -> None:
    t = teller(two_workers)
    try:
        for _ in range(3):  # new connections, whichever worker accepts them
            with two_workers.client(t.identity) as client:
                assert client.get("/v1/journal", params={"after": 0}).status_code == 200
    finally:
        t.client.close()
    serve = two_workers.process.pid
    workers = [pid for pid in _children(serve) if _running(pid)]
    assert len(workers) >= 2, two_workers.log_text()
    os.kill(serve, signal.SIGKILL)
    two_workers.process.wait()
    deadline = time.monotonic() + 20
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_running(pid) for pid in workers), two_workers.log_text()
    assert "is gone; this worker stops" in two_workers.log_text()


def test_connections_to_the_workers_listener_get_tcp_nodelay() -> None:
    """uvicorn binds the workers' socket without declaring it TCP, and asyncio then leaves
    Nagle's algorithm on for every connection; ``_tcp_listener`` declares it."""
    import uvicorn

    config = uvicorn.Config("counter_central.cli:worker_app", host="127.0.0.1", port=0)
    listener = _tcp_listener(config)
    seen: list[int] = []

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: Any) -> None:
            sock = transport.get_extra_info("socket")
            seen.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    async def accept_one() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(Probe, sock=listener)
        host, port = listener.getsockname()[:2]
        with socket.create_connection((host, port), timeout=5):
            for _ in range(100):
                if seen:
                    break
                await asyncio.sleep(0.02)
        server.close()
        await server.wait_closed()

    asyncio.run(accept_one())
    assert listener.proto == socket.IPPROTO_TCP
    assert seen and seen[0] != 0
