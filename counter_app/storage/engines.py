"""Engine factory with the settings every database of ours needs.

SQLite (the local cache and the embedded central) gets WAL, foreign keys and a busy timeout,
and its transactions start with ``BEGIN IMMEDIATE`` so that two writers never interleave a
read-then-write (the journal append and ticket claims rely on that). PostgreSQL uses psycopg 3.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool


def normalise_url(url: str) -> str:
    """Map ``postgresql://`` to the psycopg 3 driver; leave everything else as given."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str, *, password: str | None = None, connect_timeout: int = 5) -> Engine:
    """Create an engine for ``url``; ``password`` comes from the keyring, never from the URL."""
    parsed = make_url(normalise_url(url))
    if password is not None:
        parsed = parsed.set(password=password)
    kwargs: dict[str, Any] = {"future": True}
    if parsed.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
        kwargs["poolclass"] = NullPool
        engine = create_engine(parsed, **kwargs)
        _configure_sqlite(engine)
        return engine
    kwargs["connect_args"] = {"connect_timeout": connect_timeout}
    kwargs["pool_pre_ping"] = True
    return create_engine(parsed, **kwargs)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit the BEGIN itself (pysqlite would defer it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
