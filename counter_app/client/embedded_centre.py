"""The single-PC set-up: this workstation runs counter-central itself, on loopback.

With ``[central] embedded = true`` (the default on a fresh machine, and the demo) there is
no central server to reach, so the workstation brings one along. It must still talk to it
the way a hall workstation talks to the real one — signed HTTP requests to
``counter-central serve`` — or the single-PC set-up would test a path production never
takes. So ``start_embedded_centre``:

1. creates and migrates the central SQLite file (``data_dir()/central.db``) and, in demo
   mode, seeds it when it has no hall yet — the launcher owns that database, as the
   administrator's commands on a centre's host own theirs;
2. writes the service's configuration into ``data_dir()/central/`` (private files: the
   TOML and the anchor key, made once, mode 0600) for a free port of 127.0.0.1 — the port
   of the last start while it is free, so that another workstation of this machine
   enrolled with it keeps finding it; another one when it is taken;
3. starts the service as a child process — ``python -m counter_app.client.embedded_centre``,
   which runs ``counter_central.cli serve`` after starting a watch on its parent (below);
   a frozen (PyInstaller) build, whose ``sys.executable`` is the application itself, starts
   itself with ``--embedded-centre-child`` first instead, which its entry hands to the same
   ``main`` before importing Qt (``embedded_child``) — with the service's log in
   ``data_dir()/central/service.log``, and waits until ``GET /v1/time`` answers;
4. enrols this workstation when it has no key (or a key the registry does not know): it
   issues a one-time code directly in the registry and enrols over HTTP with it, like
   ``counter-admin enrol`` does; the key goes to the OS keyring, or — without a usable
   keyring, which a bare Linux has not — to a private file (``remote.key_store``);
5. returns an ``HttpCentral`` bound to ``http://127.0.0.1:<port>``.

**The child never outlives the application.** ``EmbeddedService.stop`` terminates it
(SIGTERM: uvicorn shuts down gracefully) and kills it after a grace period. If the
application dies without stopping it (killed, crashed), the child notices by itself: a
watch thread in the child polls its parent — on POSIX, ``os.getppid()`` changes when the
parent dies (the orphan is re-parented), on Windows it waits on the parent's process handle
— and then stops the service the same way. Linux's ``PR_SET_PDEATHSIG`` is not used: it fires
when the *thread* that started the child ends, and the application starts it from a worker
thread of a pool that retires idle threads.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

from counter_app.client.embedded_child import CHILD_FLAG, CHILD_MODULE
from counter_app.config import WorkstationConfig, data_dir
from counter_app.remote.http_central import HttpCentral
from counter_app.remote.identity import EnrolmentFailed, enrol
from counter_app.remote.key_store import KEY_FILE, key_store_for

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from counter_app.centre.demo_seed import DemoSeedReport
    from counter_app.remote.identity import WorkstationIdentity

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
READY_TIMEOUT = 60.0  # seconds; a cold start on a slow PC imports a lot
STOP_GRACE = 10.0  # seconds between terminate and kill
PORT_ATTEMPTS = 3
ENROLMENT_VALID = dt.timedelta(minutes=10)
PARENT_POLL = 1.0  # seconds


class CentreNotReady(Exception):
    """This workstation cannot use a central service now; the message says why and what to do.

    Not fatal: users already known in the local cache can still log in offline.
    """


class EmbeddedCentreFailed(CentreNotReady):
    """The embedded central service did not start; the message names its log file."""


def centre_folder() -> Path:
    return data_dir() / "central"


def service_log_path() -> Path:
    return centre_folder() / "service.log"


def _require_service_packages() -> None:
    missing = [name for name in ("fastapi", "uvicorn") if importlib.util.find_spec(name) is None]
    if missing:
        raise EmbeddedCentreFailed(
            "the embedded central service needs its web server packages "
            f"({', '.join(missing)}): pip install 'counter-app[central]'"
        )


# -- the central database ------------------------------------------------------------------
def prepare_database(config: WorkstationConfig) -> tuple[Engine, DemoSeedReport | None]:
    """The embedded central database, migrated, and seeded in demo mode when it has no hall."""
    from sqlalchemy.engine import make_url

    from counter_app.centre.bootstrap import hall_count
    from counter_app.storage import migrate
    from counter_app.storage.engines import make_engine

    url = config.embedded_central_url
    Path(make_url(url).database or ".").parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    migrate.upgrade(engine, "central")
    seeded = None
    if config.demo and hall_count(engine) == 0:
        from counter_app.centre.demo_seed import seed_demo

        seeded = seed_demo(engine)
        log.info("demo data seeded into the embedded central database")
    return engine, seeded


def served_halls(engine: Engine, own_hall: str) -> list[str]:
    """Every hall of the central database, and this workstation's own."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from counter_app.storage.shared_models import HallRow

    with Session(engine) as session:
        halls = set(session.scalars(select(HallRow.code)))
    halls.add(own_hall)
    return sorted(halls)


# -- the service's configuration -----------------------------------------------------------
def _write_private_text(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, text.encode("utf-8"))
    finally:
        os.close(fd)
    os.replace(tmp, path)


def write_service_config(folder: Path, database_url: str, halls: Sequence[str], port: int) -> Path:
    """``central.toml`` for a loopback service over ``database_url`` (anchor key made once)."""
    from counter_central.anchor_key import create_anchor_key

    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        folder.chmod(0o700)
    anchor_key = folder / "anchor.key"
    if not anchor_key.exists():
        create_anchor_key(anchor_key)
    lines = [
        "# Written by counter-app at every start of the embedded central service.",
        "[server]",
        f'host = "{LOOPBACK}"',
        f"port = {port}",
        "",
        "[database]",
        f"url = {json.dumps(database_url)}",
        'auth = "none"',
        "",
        "[service]",
        f"halls = {json.dumps(list(halls))}",
        'log_level = "INFO"',
        "",
        "[anchor]",
        f"key_file = {json.dumps(str(anchor_key))}",
    ]
    path = folder / "central.toml"
    _write_private_text(path, "\n".join(lines) + "\n")
    return path


def free_port(preferred: int | None = None) -> int:
    """A port of 127.0.0.1 that nothing listens on now: ``preferred`` if it is free."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        if os.name == "posix":  # as uvicorn binds: a port in TIME_WAIT is free (not on Windows)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((LOOPBACK, preferred or 0))
        except OSError:
            sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def previous_port(config_file: Path) -> int | None:
    """The port of the last start, so that it stays the same while it is free."""
    try:
        server = tomllib.loads(config_file.read_text(encoding="utf-8")).get("server", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    port = server.get("port") if isinstance(server, dict) else None
    return port if isinstance(port, int) and 1024 <= port <= 65535 else None


# -- the child process ---------------------------------------------------------------------
@dataclass
class EmbeddedService:
    """A running ``counter-central serve`` child on a loopback port."""

    process: subprocess.Popen[bytes]
    url: str
    config_file: Path
    log_file: Path

    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self, grace: float = STOP_GRACE) -> None:
        """Terminate the service (graceful), then kill it if it has not ended in ``grace`` s."""
        if self.process.poll() is not None:
            return
        log.info("stopping the embedded central service (pid %s)", self.process.pid)
        self.process.terminate()
        try:
            self.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            log.warning("the embedded central service did not stop in %g s; killing it", grace)
            self.process.kill()
            self.process.wait(timeout=grace)


def frozen() -> bool:
    """Whether this is a frozen (PyInstaller) build: no interpreter to run ``-m`` with."""
    return bool(getattr(sys, "frozen", False))


def child_command(parent_pid: int, config_file: Path) -> list[str]:
    """The command line of the service's child (``main`` below, through the entry when frozen)."""
    start = [sys.executable, CHILD_FLAG] if frozen() else [sys.executable, "-m", CHILD_MODULE]
    return [*start, "--parent-pid", str(parent_pid), "serve", "--config", str(config_file)]


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    if frozen():
        # A new instance of the bundle, not a helper process of this one (PyInstaller's
        # bootloader would otherwise reuse this process's state, e.g. a one-file unpacking).
        env["PYINSTALLER_RESET_ENVIRONMENT"] = "1"
    else:
        package_root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(
            [package_root, *([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])]
        )
    env.pop("CREDENTIALS_DIRECTORY", None)  # its database is a file: no password to find
    return env


def _log_tail(path: Path, start: int, lines: int = 5) -> str:
    try:
        with path.open("rb") as log_file:
            log_file.seek(start)
            text = log_file.read().decode("utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.strip().splitlines()[-lines:])


def spawn_service(config_file: Path, log_file: Path, port: int) -> tuple[EmbeddedService, int]:
    """Start the child (not waiting for it); also where this start's log begins."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    with log_file.open("ab") as sink:
        start = sink.tell()
        sink.write(f"--- started by counter-app pid {os.getpid()} on port {port}\n".encode())
        sink.flush()
        command = child_command(os.getpid(), config_file)
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if os.name == "nt" else 0
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=_child_env(),
            creationflags=flags,
        )
    url = f"http://{LOOPBACK}:{port}"
    log.info("embedded central service started (pid %s) on %s", process.pid, url)
    return EmbeddedService(process, url, config_file, log_file), start


def wait_ready(service: EmbeddedService, log_start: int, timeout: float) -> None:
    """Return once ``GET /v1/time`` answers; ``EmbeddedCentreFailed`` naming the log if not."""
    deadline = time.monotonic() + timeout
    with httpx.Client(base_url=service.url, timeout=2.0) as client:
        while True:
            code = service.process.poll()
            if code is not None:
                tail = _log_tail(service.log_file, log_start)
                raise EmbeddedCentreFailed(
                    f"the embedded central service exited at start-up (status {code}); its log "
                    f"is {service.log_file}" + (f":\n{tail}" if tail else "")
                )
            try:
                if client.get("/v1/time").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                service.stop()
                raise EmbeddedCentreFailed(
                    f"the embedded central service did not answer within {timeout:g} s; its "
                    f"log is {service.log_file}"
                )
            time.sleep(0.1)


def start_service(
    config: WorkstationConfig, engine: Engine, *, timeout: float = READY_TIMEOUT
) -> EmbeddedService:
    """Write the configuration for a free port, start the child and wait until it answers.

    A port taken between choosing and binding it (another program was faster) is retried
    on another port.
    """
    folder = centre_folder()
    halls = served_halls(engine, config.hall_code)
    preferred = previous_port(folder / "central.toml")
    for attempt in range(1, PORT_ATTEMPTS + 1):
        port = free_port(preferred if attempt == 1 else None)
        config_file = write_service_config(folder, config.embedded_central_url, halls, port)
        service, start = spawn_service(config_file, service_log_path(), port)
        try:
            wait_ready(service, start, timeout)
        except EmbeddedCentreFailed:
            tail = _log_tail(service.log_file, start, lines=50).lower()
            if attempt < PORT_ATTEMPTS and "address already in use" in tail:
                log.info("port %s was taken meanwhile; trying another", port)
                continue
            raise
        return service
    raise AssertionError("unreachable")


# -- enrolment -----------------------------------------------------------------------------
def _registered(engine: Engine, identity: WorkstationIdentity, hall_code: str) -> bool:
    """Whether the registry knows this key as the active key of its workstation and hall."""
    from sqlalchemy.orm import Session

    from counter_app.storage.service_models import WS_ACTIVE, WorkstationRow

    with Session(engine) as session:
        row = session.get(WorkstationRow, identity.workstation_id)
        return (
            row is not None
            and row.status == WS_ACTIVE
            and row.public_key == identity.public_key
            and row.hall_code == hall_code
        )


def ensure_enrolled(
    config: WorkstationConfig, engine: Engine, service: EmbeddedService
) -> WorkstationIdentity:
    """This workstation's key, enrolled with the embedded service (enrolling it if need be)."""
    from counter_central.clock import ServiceClock
    from counter_central.registry import RegistryError, add_workstation

    ws_id = config.workstation_id
    store = key_store_for(data_dir() / KEY_FILE, ws_id, loopback=True)
    identity = store.load(ws_id)
    if identity is not None and _registered(engine, identity, config.hall_code):
        return identity
    try:
        issued = add_workstation(
            engine,
            ServiceClock(),
            ws_id,
            config.hall_code,
            valid_for=ENROLMENT_VALID,
            label="embedded",
            replace=True,  # this PC's own registry: a lost or outdated key is replaced
        )
        with httpx.Client(base_url=service.url, timeout=30.0) as client:
            enrolment = enrol(client, ws_id, issued.code, store=False)
    except (RegistryError, EnrolmentFailed) as exc:
        raise EmbeddedCentreFailed(f"this workstation cannot be enrolled: {exc}") from None
    except httpx.HTTPError as exc:
        raise EmbeddedCentreFailed(
            f"the embedded central service did not answer the enrolment ({exc}); its log is "
            f"{service.log_file}"
        ) from None
    store.save(enrolment.identity)
    log.info("workstation %s enrolled; its key is kept in %s", ws_id, store.where)
    return enrolment.identity


# -- all together --------------------------------------------------------------------------
@dataclass
class EmbeddedCentre:
    """The embedded service and the port to it; ``stop`` at exit."""

    service: EmbeddedService
    centre: HttpCentral
    seeded: DemoSeedReport | None

    @property
    def url(self) -> str:
        return self.service.url

    def stop(self) -> None:
        self.centre.close()
        self.service.stop()


def start_embedded_centre(
    config: WorkstationConfig, *, timeout: float = READY_TIMEOUT
) -> EmbeddedCentre:
    """Database, service child, enrolment: the port to this workstation's own centre."""
    _require_service_packages()
    engine, seeded = prepare_database(config)
    try:
        service = start_service(config, engine, timeout=timeout)
        try:
            identity = ensure_enrolled(config, engine, service)
        except BaseException:
            service.stop()
            raise
    finally:
        engine.dispose()
    centre = HttpCentral(service.url, identity)
    from counter_central.anchor_key import load_anchor_key

    anchor = load_anchor_key(service.config_file.parent / "anchor.key")
    centre.anchor_key = (anchor.public_text, anchor.key_id)  # this PC made the key itself
    return EmbeddedCentre(service, centre, seeded)


# -- the child: serve, and stop when the parent is gone --------------------------------------
def _parent_gone(parent_pid: int) -> None:
    """Return once the process ``parent_pid`` (this process's parent) has ended."""
    if sys.platform == "win32":
        import ctypes

        synchronize, infinite = 0x00100000, 0xFFFFFFFF
        handle = ctypes.windll.kernel32.OpenProcess(synchronize, False, parent_pid)
        if handle:
            ctypes.windll.kernel32.WaitForSingleObject(handle, infinite)
            ctypes.windll.kernel32.CloseHandle(handle)
        return
    while os.getppid() == parent_pid:
        time.sleep(PARENT_POLL)


def _watch_parent(parent_pid: int) -> None:
    _parent_gone(parent_pid)
    logging.getLogger("counter_central").warning(
        "counter-app (pid %s) has ended without stopping the embedded service; stopping", parent_pid
    )
    if sys.platform != "win32":
        os.kill(os.getpid(), signal.SIGTERM)  # uvicorn's graceful shutdown
        time.sleep(STOP_GRACE)
    os._exit(1)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m counter_app.client.embedded_centre --parent-pid N serve --config FILE``.

    A frozen build runs it as ``counter-app --embedded-centre-child --parent-pid N serve …``.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) >= 2 and args[0] == "--parent-pid":
        parent_pid = int(args[1])
        args = args[2:]
        threading.Thread(
            target=_watch_parent, args=(parent_pid,), name="parent-watch", daemon=True
        ).start()
    from counter_central.cli import main as central_main

    return central_main(args)


if __name__ == "__main__":
    raise SystemExit(main())
