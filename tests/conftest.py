"""Fixtures shared by every test layer: a private keyring, workstations and central databases.

PostgreSQL tests need the server named by ``COUNTER_TEST_PG_URL``; without it they are
skipped with that reason shown. Each PostgreSQL test gets a schema of its own, dropped after.
"""

from __future__ import annotations

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


@pytest.fixture
def make_workstation(tmp_path: Path, central_url: str) -> Iterator[Callable[..., object]]:
    """Build workstations sharing ``central_url``, each with its own cache file."""
    from counter_app.config import WorkstationConfig
    from counter_app.client.workstation import Workstation
    from counter_app.storage.engines import make_engine

    made: list[Workstation] = []

    def factory(name: str = "WS-A", hall: str = "HALL01", window: int = 1) -> Workstation:
        config = WorkstationConfig(
            path=tmp_path / f"{name}.toml",
            workstation_id=name,
            hall_code=hall,
            window_number=window,
            central_url=central_url,
            central_auth="none",
        )
        ws = Workstation(config, local=make_engine(f"sqlite:///{tmp_path / (name + '.db')}"))
        made.append(ws)
        return ws

    yield factory
    for ws in made:
        ws.close()


_exit_status = 0


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
