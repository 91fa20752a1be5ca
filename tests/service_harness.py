"""Real databases and real counter-central processes for the tests of the service.

A database is an embedded SQLite file or a private PostgreSQL schema set up exactly as an
installation is: the roles script of ``counter-central db roles`` run by a superuser, the
migrations run by the owner role, the script run again, and the service connecting as its
own least-privilege role. A service is ``counter-central serve`` in a subprocess on a free
port of 127.0.0.1, its log in a file the tests read.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import random
import socket
import ssl
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import psycopg
from service_forker import ForkedProcess, Forker
from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from counter_app.centre import bootstrap
from counter_app.domain.roles import Role
from counter_app.remote.identity import Enrolment, SignedAuth, WorkstationIdentity, enrol
from counter_app.storage import migrate
from counter_app.storage.central_models import JournalHeadRow
from counter_app.storage.engines import make_engine
from counter_central.anchor_key import create_anchor_key
from counter_central.clock import ServiceClock
from counter_central.db_roles import RoleNames, roles_sql
from counter_central.pki import init_ca
from counter_central.registry import add_workstation

PG_URL = os.environ.get("COUNTER_TEST_PG_URL", "")
ROOT = Path(__file__).resolve().parents[2]

USERS: dict[str, tuple[Role, str, str]] = {
    # username: (role, hall, password)
    "teller1": (Role.TELLER, "HALL01", "teller1-password"),
    "teller3": (Role.TELLER, "HALL01", "teller3-password"),
    "locked1": (Role.TELLER, "HALL01", "locked1-password"),
    "super1": (Role.SUPERVISOR, "HALL01", "super1-password"),
    "teller2": (Role.TELLER, "HALL02", "teller2-password"),
}


def pg_skip_reason() -> str | None:
    if not PG_URL:
        return "COUNTER_TEST_PG_URL is not set: no PostgreSQL server to test against"
    try:
        with psycopg.connect(PG_URL.replace("+psycopg", ""), connect_timeout=3):
            pass
    except Exception as exc:  # any failure means: skip, and say why
        return f"PostgreSQL at COUNTER_TEST_PG_URL is not reachable: {exc}"
    return None


@dataclass
class CentralDb:
    backend: str
    service_url: str
    owner: Engine  # the schema owner (an attacker with the owner's password, too)
    service: Engine  # what the service connects as
    roles: RoleNames | None = None
    owner_url: str = ""

    def head(self) -> tuple[int, str]:
        with Session(self.owner) as session:
            row = session.scalars(select(JournalHeadRow)).one()
            return row.last_seq, row.last_hash


def pg_url_as(user: str, schema: str, database: str | None = None) -> str:
    parsed = make_url(PG_URL).set(username=user, password=None)
    if database is not None:
        parsed = parsed.set(database=database)
    parsed = parsed.update_query_dict({"options": f"-csearch_path={schema}"})
    return parsed.render_as_string(hide_password=False)


def run_as_superuser(sql: str, database: str | None = None) -> None:
    url = PG_URL.replace("+psycopg", "")
    if database is not None:
        url = make_url(url).set(database=database).render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(sql)  # type: ignore[call-overload]


class PgTemplate:
    """A PostgreSQL central database set up once (roles, migrations, halls, users) and copied
    for each test with ``CREATE DATABASE … TEMPLATE``: a fresh database in a fraction of the
    time the set-up takes. The copies keep the least-privilege roles and grants."""

    def __init__(self) -> None:
        suffix = uuid.uuid4().hex[:10]
        self.names = RoleNames(
            schema=f"cs_{suffix}",
            owner=f"cs_own_{suffix}",
            service=f"cs_svc_{suffix}",
            reporting=f"cs_rep_{suffix}",
        )
        self.template = f"ct_{suffix}"
        self.copies: list[str] = []
        run_as_superuser(f"CREATE DATABASE {self.template}")
        run_as_superuser(roles_sql(self.names), self.template)
        owner = make_engine(pg_url_as(self.names.owner, self.names.schema, self.template))
        try:
            migrate.upgrade(owner, "central")
            run_as_superuser(roles_sql(self.names), self.template)
            bootstrap_halls_and_users(owner, desk=True)
        finally:
            owner.dispose()

    @contextmanager
    def database(self) -> Iterator[CentralDb]:
        name = f"{self.template}_{uuid.uuid4().hex[:8]}"
        run_as_superuser(f"CREATE DATABASE {name} TEMPLATE {self.template}")
        owner_url = pg_url_as(self.names.owner, self.names.schema, name)
        service_url = pg_url_as(self.names.service, self.names.schema, name)
        owner = make_engine(owner_url)
        service = make_engine(service_url)
        try:
            yield CentralDb("postgresql", service_url, owner, service, self.names, owner_url)
        finally:
            owner.dispose()
            service.dispose()
            run_as_superuser(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def close(self) -> None:
        run_as_superuser(f"DROP DATABASE IF EXISTS {self.template} WITH (FORCE)")
        names = self.names
        run_as_superuser(f"DROP ROLE IF EXISTS {names.owner}, {names.service}, {names.reporting}")


# The staff of the workstation tests (UI and integration): username → (password, role, name).
DESK_USERS: dict[str, tuple[str, Role, str]] = {
    "teller1": ("demo-teller1", Role.TELLER, "王柜员"),
    "reviewer1": ("demo-reviewer1", Role.REVIEWER, "李复核"),
    "admin": ("demo-admin1", Role.ADMIN, "管理员"),
    "boss": ("demo-supervisor", Role.SUPERVISOR, "陈科长"),
}


def bootstrap_halls_and_users(engine: Engine, *, desk: bool = False) -> None:
    """Halls HALL01 and HALL02 and either the service tests' users (``USERS``) or the
    workstation tests' (``DESK_USERS``, all of HALL01)."""
    bootstrap.create_hall(engine, "HALL01", "示范区社会保险经办服务大厅" if desk else "示范大厅")
    bootstrap.create_hall(engine, "HALL02", "第二大厅")
    if desk:
        for username, (password, role, name) in DESK_USERS.items():
            bootstrap.create_user(engine, username, password, role, "HALL01", name)
        return
    for username, (role, hall, password) in USERS.items():
        bootstrap.create_user(engine, username, password, role, hall)


def sqlite_database(path: Path, *, desk: bool = False) -> CentralDb:
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    migrate.upgrade(engine, "central")
    bootstrap_halls_and_users(engine, desk=desk)
    return CentralDb("sqlite", url, engine, engine, owner_url=url)


@contextmanager
def postgres_database(*, desk: bool = False) -> Iterator[CentralDb]:
    suffix = uuid.uuid4().hex[:10]
    names = RoleNames(
        schema=f"cs_{suffix}",
        owner=f"cs_own_{suffix}",
        service=f"cs_svc_{suffix}",
        reporting=f"cs_rep_{suffix}",
    )
    run_as_superuser(roles_sql(names))
    owner_url = pg_url_as(names.owner, names.schema)
    service_url = pg_url_as(names.service, names.schema)
    owner = make_engine(owner_url)
    service = make_engine(service_url)
    try:
        migrate.upgrade(owner, "central")
        run_as_superuser(roles_sql(names))  # grants for the tables just made
        bootstrap_halls_and_users(owner, desk=desk)
        yield CentralDb("postgresql", service_url, owner, service, names, owner_url)
    finally:
        owner.dispose()
        service.dispose()
        roles = f"{names.owner}, {names.service}, {names.reporting}"
        run_as_superuser(
            f"DROP SCHEMA IF EXISTS {names.schema} CASCADE; DROP OWNED BY {roles}; "
            f"DROP ROLE IF EXISTS {roles};"
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class RunningService:
    url: str
    config: Path
    log: Path
    process: subprocess.Popen[bytes] | ForkedProcess
    verify: ssl.SSLContext | bool
    db: CentralDb

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def client(self, identity: WorkstationIdentity | None = None) -> httpx.Client:
        return httpx.Client(
            base_url=self.url,
            verify=self.verify,
            auth=SignedAuth(identity) if identity else None,
            timeout=30,
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def write_config(
    directory: Path,
    db: CentralDb,
    port: int,
    *,
    tls: tuple[Path, Path] | None = None,
    anchor_key: Path | None = None,
    workers: int = 1,
) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    key = anchor_key or directory / "anchor.key"
    if not key.exists():
        create_anchor_key(key)
    lines = [
        "[server]",
        'host = "127.0.0.1"',
        f"port = {port}",
        "max_body_bytes = 262144",
        "clock_skew_seconds = 120",
        f"workers = {workers}",
    ]
    if tls:
        lines += [f"tls_cert = {json.dumps(str(tls[0]))}", f"tls_key = {json.dumps(str(tls[1]))}"]
    lines += [
        "",
        "[database]",
        f"url = {json.dumps(db.service_url)}",
        'auth = "none"',
        "",
        "[service]",
        'halls = ["HALL01", "HALL02"]',
        'log_level = "INFO"',
        "",
        "[anchor]",
        f"key_file = {json.dumps(str(key))}",
    ]
    config = directory / "central.toml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def cli_env() -> dict[str, str]:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env.pop("CREDENTIALS_DIRECTORY", None)
    return env


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "counter_central.cli", *args],
        cwd=ROOT,
        env=cli_env(),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def launch_service(
    directory: Path,
    db: CentralDb,
    *,
    tls: bool = False,
    anchor_key: Path | None = None,
    forker: Forker | None = None,
    workers: int = 1,
) -> RunningService:
    """Start ``counter-central serve`` (without waiting for it to answer); with ``forker``,
    forked from a warm process instead of started afresh (see ``service_forker``)."""
    port = free_port()
    verify: ssl.SSLContext | bool = False
    tls_files = None
    scheme = "http"
    if tls:
        pki = init_ca(
            directory / "tls", "HALL01", ["127.0.0.1", "localhost"], now=dt.datetime.now(dt.UTC)
        )
        tls_files = (pki.server_cert, pki.server_key)
        verify = ssl.create_default_context(cafile=str(pki.ca_cert))
        scheme = "https"
    config = write_config(
        directory, db, port, tls=tls_files, anchor_key=anchor_key, workers=workers
    )
    log = directory / "service.log"
    if forker is not None:
        log.touch()
        return RunningService(
            f"{scheme}://127.0.0.1:{port}", config, log, forker.start(config, log), verify, db
        )
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "counter_central.cli", "serve", "--config", str(config)],
            cwd=ROOT,
            env=cli_env(),
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    return RunningService(f"{scheme}://127.0.0.1:{port}", config, log, process, verify, db)


def wait_ready(service: RunningService, timeout: float = 30) -> RunningService:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if service.process.poll() is not None:
            raise RuntimeError(
                f"the service exited with {service.process.returncode}:\n{service.log_text()}"
            )
        try:
            with service.client() as client:
                if client.get("/v1/time").status_code == 200:
                    return service
        except httpx.TransportError:
            time.sleep(0.1)
    service.stop()
    raise RuntimeError(f"the service did not answer within {timeout} s:\n{service.log_text()}")


def start_service(
    directory: Path,
    db: CentralDb,
    *,
    tls: bool = False,
    anchor_key: Path | None = None,
    forker: Forker | None = None,
    workers: int = 1,
) -> RunningService:
    return wait_ready(
        launch_service(
            directory, db, tls=tls, anchor_key=anchor_key, forker=forker, workers=workers
        )
    )


# -- workstations, sessions, commands --------------------------------------------------------
def enrolled(service: RunningService, hall: str = "HALL01") -> Enrolment:
    """A freshly registered and enrolled workstation of ``hall`` (key kept in memory)."""
    workstation_id = f"WS-{uuid.uuid4().hex[:8]}"
    issued = add_workstation(
        service.db.service, ServiceClock(), workstation_id, hall, valid_for=dt.timedelta(hours=1)
    )
    with service.client() as client:
        return enrol(client, workstation_id, issued.code, store=False)


def login(client: httpx.Client, username: str) -> str:
    response = client.post(
        "/v1/sessions", json={"username": username, "password": USERS[username][2]}
    )
    assert response.status_code == 201, response.text
    token: str = response.json()["token"]
    return token


def valid_id(first17: str) -> str:
    """``first17`` with its GB 11643-1999 check character (ISO 7064 MOD 11-2)."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(digit) * weight for digit, weight in zip(first17, weights, strict=True))
    return first17 + "10X98765432"[total % 11]


_PERSON_SERIAL = itertools.count(random.randrange(10**6))


def new_person_id() -> str:
    """A valid resident ID number, different on every call (and, very likely, every run)."""
    serial = next(_PERSON_SERIAL)
    born = dt.date(1960, 1, 1) + dt.timedelta(days=serial % 15000)
    return valid_id(f"110105{born:%Y%m%d}{serial // 15000 % 1000:03d}")


def enrollment_payload(id_number: str, name: str = "张三") -> dict[str, Any]:
    return {
        "ticket": "",
        "id_number": id_number,
        "name": name,
        "phone": "13800138000",
        "address": "北京市朝阳区建国路1号",
        "category": "flexible",
        "insurance_types": ["pension", "medical"],
        "start_date": dt.date.today().isoformat(),
        "employer_code": "",
        "window_number": 1,
    }


def command(actor: str, payload: dict[str, Any] | None = None, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "uuid": str(uuid.uuid4()),
        "kind": "person.enroll",
        "payload": payload if payload is not None else enrollment_payload(new_person_id()),
        "actor": actor,
        "client_time": dt.datetime.now().astimezone().isoformat(),
    }
    body.update(overrides)
    return body


@dataclass
class Teller:
    """A workstation with a signed client and a live session of one user."""

    enrolment: Enrolment
    client: httpx.Client
    username: str
    token: str

    @property
    def identity(self) -> WorkstationIdentity:
        return self.enrolment.identity

    @property
    def workstation_id(self) -> str:
        return self.enrolment.identity.workstation_id

    def push(self, *commands: dict[str, Any]) -> httpx.Response:
        return self.client.post(
            "/v1/commands", json={"session_token": self.token, "commands": list(commands)}
        )


def teller(service: RunningService, username: str = "teller1", hall: str = "HALL01") -> Teller:
    """An enrolled workstation of ``hall`` with a live session of ``username``."""
    enrolment = enrolled(service, hall)
    client = service.client(enrolment.identity)
    return Teller(enrolment, client, username, login(client, username))


def desk_login(ws: Any, username: str) -> None:
    """Open ``username``'s central session on workstation ``ws`` (what the login window does
    when the service answers); ``username`` is one of ``DESK_USERS``."""
    ws.centre.login(username, DESK_USERS[username][0])
