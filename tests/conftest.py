"""Fixtures shared by every test layer: a private keyring, workstations and central databases.

PostgreSQL tests need the server named by ``COUNTER_TEST_PG_URL``; without it they are
skipped with that reason shown. Each PostgreSQL test gets a schema of its own, dropped after.
"""

from __future__ import annotations

import gc
import os
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import Engine, text

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps secrets in memory, selected for the test run."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("COUNTER_APP_HOME", str(home))
    return home


PG_URL = os.environ.get("COUNTER_TEST_PG_URL", "")


def _pg_reachable() -> str | None:
    if not PG_URL:
        return "COUNTER_TEST_PG_URL is not set: no PostgreSQL server to test against"
    try:
        import psycopg

        conninfo = PG_URL.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(conninfo, connect_timeout=3):
            pass
    except Exception as exc:  # any failure means: skip, and say why
        return f"PostgreSQL at COUNTER_TEST_PG_URL is not reachable: {exc}"
    return None


_PG_SKIP_REASON = _pg_reachable()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL whose connections use a fresh, private schema on the test server."""
    if _PG_SKIP_REASON:
        pytest.skip(_PG_SKIP_REASON)
    from counter_app.storage.engines import make_engine

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = make_engine(PG_URL)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{separator}options=-csearch_path%3D{schema}"
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def central_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The central database on both engines: an embedded SQLite file, then PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'central.db'}"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def central_engine(central_url: str) -> Iterator[Engine]:
    from counter_app.storage import migrate
    from counter_app.storage.engines import make_engine

    engine = make_engine(central_url)
    migrate.upgrade(engine, "central")
    yield engine
    engine.dispose()


WorkstationFactory = Callable[..., "object"]


class _SqlitePool:
    """Ready ``counter-central`` processes on fresh SQLite central databases, one started
    ahead while a test runs, so a test rarely waits for a service to come up."""

    def __init__(self, root: Path) -> None:
        from service_forker import Forker
        from service_harness import ROOT, cli_env, launch_service, sqlite_database

        self.forker = Forker(cli_env(), ROOT)
        self.root = root
        self.template = root / "template.db"
        sqlite_database(self.template, desk=True).owner.dispose()
        self._launch = launch_service
        self._count = 0
        self._next: object | None = None

    def _prepare(self) -> object:
        import shutil

        from service_harness import CentralDb

        from counter_app.storage.engines import make_engine

        self._count += 1
        directory = self.root / f"service-{self._count}"
        directory.mkdir()
        shutil.copyfile(self.template, directory / "central.db")
        url = f"sqlite:///{directory / 'central.db'}"
        engine = make_engine(url)
        db = CentralDb("sqlite", url, engine, engine, owner_url=url)
        return self._launch(directory, db, forker=self.forker)

    def take(self) -> object:
        from service_harness import wait_ready

        running = self._next if self._next is not None else self._prepare()
        self._next = self._prepare()
        return wait_ready(running)  # type: ignore[arg-type]

    def close(self) -> None:
        if self._next is not None:
            self._next.stop()  # type: ignore[attr-defined]
            self._next.db.owner.dispose()  # type: ignore[attr-defined]
        self.forker.close()


@pytest.fixture(scope="session")
def _sqlite_services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_SqlitePool]:
    pool = _SqlitePool(tmp_path_factory.mktemp("services"))
    yield pool
    pool.close()


@pytest.fixture(scope="session")
def _pg_template() -> Iterator[object]:
    """The PostgreSQL central database each PostgreSQL workstation test gets a copy of."""
    from service_harness import PgTemplate

    if _PG_SKIP_REASON:
        pytest.skip(_PG_SKIP_REASON)
    template = PgTemplate()
    yield template
    template.close()


@pytest.fixture
def central_service(central_url: str, request: pytest.FixtureRequest) -> Iterator[object]:
    """A real ``counter-central serve`` process on 127.0.0.1 over a fresh central database
    (migrated; halls HALL01 and HALL02 and the users of ``service_harness.DESK_USERS``;
    anything else a test makes with ``centre.bootstrap`` on ``central_service.db.owner``).
    SQLite, then PostgreSQL as the service's own least-privilege role."""
    if central_url.startswith("sqlite"):
        pool: _SqlitePool = request.getfixturevalue("_sqlite_services")
        running = pool.take()
        yield running
        running.stop()  # type: ignore[attr-defined]
        running.db.owner.dispose()  # type: ignore[attr-defined]
        return
    from service_harness import start_service

    if _PG_SKIP_REASON:
        pytest.skip(_PG_SKIP_REASON)
    directory = Path(request.getfixturevalue("tmp_path")) / "service"
    pool = request.getfixturevalue("_sqlite_services")  # for its warm forker
    template = request.getfixturevalue("_pg_template")
    with template.database() as db:
        running = start_service(directory, db, forker=pool.forker)
        yield running
        running.stop()


@pytest.fixture
def central_db(central_service: object) -> Engine:
    """The central database of ``central_service``, as its owner (for checks and set-up that
    a test does behind the service's back, as an administrator or an attacker would)."""
    engine = central_service.db.owner  # type: ignore[attr-defined]
    assert isinstance(engine, Engine)
    return engine


def connect_workstation(service: object, name: str, hall: str) -> object:
    """Register ``name`` at ``service``, enrol it (key kept in memory) and return its port."""
    import datetime as dt

    from service_harness import RunningService

    from counter_app.remote.http_central import HttpCentral
    from counter_app.remote.identity import enrol
    from counter_central.clock import ServiceClock
    from counter_central.registry import add_workstation

    assert isinstance(service, RunningService)
    issued = add_workstation(
        service.db.service, ServiceClock(), name, hall, valid_for=dt.timedelta(hours=1)
    )
    with service.client() as client:
        enrolment = enrol(client, name, issued.code, store=False)
    centre = HttpCentral(service.url, enrolment.identity, timeout=30)
    centre.anchor_key = (enrolment.anchor_public_key, enrolment.anchor_key_id)
    return centre


@pytest.fixture
def make_workstation(tmp_path: Path, central_service: object) -> Iterator[Callable[..., object]]:
    """Build workstations of ``central_service``, each enrolled with a key of its own and
    with its own cache file; none holds a central database engine."""
    from counter_app.client.workstation import Workstation
    from counter_app.config import WorkstationConfig
    from counter_app.remote.http_central import HttpCentral
    from counter_app.storage.engines import make_engine
    from counter_app.sync.anchors_seen import remember_anchor_key

    made: list[Workstation] = []

    def factory(name: str = "WS-A", hall: str = "HALL01", window: int = 1) -> Workstation:
        centre = connect_workstation(central_service, name, hall)
        assert isinstance(centre, HttpCentral)
        config = WorkstationConfig(
            path=tmp_path / f"{name}.toml",
            workstation_id=name,
            hall_code=hall,
            window_number=window,
            service_url=centre.base_url,
        )
        ws = Workstation(
            config, local=make_engine(f"sqlite:///{tmp_path / (name + '.db')}"), centre=centre
        )
        assert centre.anchor_key is not None
        remember_anchor_key(ws.local, *centre.anchor_key)  # as the launcher does
        made.append(ws)
        return ws

    yield factory
    for ws in made:
        ws.close()


_exit_status = 0


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    """Once a Qt test switched the automatic collector off (``ui.gc_guard``), cycles are
    collected between tests, on the main thread — also for the tests without Qt after it."""
    if not gc.isenabled():
        from counter_app.ui import gc_guard

        gc_guard.collect_due()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    global _exit_status
    _exit_status = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave without Python's finalisation of leftover Qt objects.

    After all tests have run and reported, the interpreter's shutdown occasionally destroys
    PySide objects in an order Qt does not expect ("shared QObject was deleted directly"),
    aborting a run that passed. Everything of ours is closed by then; exit with the status.
    """
    if "PySide6.QtCore" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status)
