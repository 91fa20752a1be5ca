"""Opening the central database as the service, and refusing to run with too much power.

The service connects with a role that may read and write rows but never change the schema,
never UPDATE or DELETE the journal and never own anything (``counter-central db roles``
makes it). At start-up it checks that on PostgreSQL: a superuser, the owner of the journal
(or a member of the owner role) or a role that may rewrite the journal is refused, as is a
schema that is not at the newest migration (the service never migrates: the owner does).
Statement parameters are hidden from database errors, so a failure never logs personal data.

``LoopConnections`` lends the event loop a few connections of its own, for the hot requests
that are answered in one statement without a worker thread.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

import psycopg
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from counter_app.storage import migrate
from counter_app.storage.engines import is_sqlite, make_engine, normalise_url
from counter_central.db_password import read_db_password
from counter_central.settings import Settings

# (table, privilege) pairs the service cannot work without.
REQUIRED_PRIVILEGES = (
    ("journal", "SELECT"),
    ("journal", "INSERT"),
    ("journal_head", "UPDATE"),
    ("rejections", "INSERT"),
    ("counters", "UPDATE"),
    ("users", "SELECT"),
    ("service_workstations", "UPDATE"),
    ("service_nonces", "INSERT"),
    ("service_nonces", "DELETE"),
    ("service_sessions", "INSERT"),
    ("service_login_throttle", "UPDATE"),
    ("service_anchors", "INSERT"),
)
# Privileges that would let the service rewrite history; having one is refused.
FORBIDDEN_PRIVILEGES = tuple(
    (table, privilege)
    for table in ("journal", "service_anchors")
    for privilege in ("UPDATE", "DELETE", "TRUNCATE")
)


class StartupRefused(Exception):
    """The service will not start; the message says why and what to do."""


# A pooled connection older than this is replaced when next lent out (firewalls and
# proxies drop long-idle connections silently).
POOL_RECYCLE_SECONDS = 1800


def open_engine(settings: Settings) -> Engine:
    """An engine for the configured database with the password from its secret store.

    On PostgreSQL the pool lends connections without pinging them first: a ping is a round
    trip on every checkout, and a request checks out one or two. A connection the database
    has dropped (a restart, a terminated backend) is found by the request gate's first
    statement instead, which then invalidates the pool and runs once more on a new connection
    (``request_auth``); connections are also replaced after ``POOL_RECYCLE_SECONDS``.
    """
    password = read_db_password(settings.database)
    url = make_url(normalise_url(settings.database.url))
    if url.get_backend_name() == "sqlite":
        engine = make_engine(settings.database.url, password=password)
        engine.hide_parameters = True
        return engine
    if password is not None:
        url = url.set(password=password)
    return create_engine(
        url,
        connect_args={"connect_timeout": 5},
        pool_pre_ping=False,
        pool_recycle=POOL_RECYCLE_SECONDS,
        hide_parameters=True,
    )


def _first_line(exc: BaseException) -> str:
    lines = str(getattr(exc, "orig", exc)).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def check_service_role(engine: Engine) -> None:
    """Refuse a superuser, the journal's owner, or a role that may rewrite the journal."""
    if is_sqlite(engine):
        return
    with engine.connect() as connection:
        who, superuser = connection.execute(
            text("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")
        ).one()
        if superuser:
            raise StartupRefused(
                f"the database role {who!r} is a superuser; the service must connect as its "
                "own role with row privileges only (see: counter-central db roles)"
            )
        owner = connection.scalar(
            text(
                "SELECT tableowner FROM pg_tables "
                "WHERE schemaname = current_schema() AND tablename = 'journal'"
            )
        )
        if owner is None:
            raise StartupRefused(
                "the central schema has no journal table: run counter-central db migrate "
                "as the owner role first"
            )
        if connection.scalar(text("SELECT pg_has_role(current_user, :o, 'MEMBER')"), {"o": owner}):
            raise StartupRefused(
                f"the database role {who!r} is (or is a member of) {owner!r}, the owner of the "
                "central schema; the service must use a role that owns nothing"
            )
        for table, privilege in FORBIDDEN_PRIVILEGES:
            if _has(connection, table, privilege):
                raise StartupRefused(
                    f"the database role {who!r} may {privilege} {table}, which must be "
                    "append-only; apply the output of counter-central db roles"
                )
        for table, privilege in REQUIRED_PRIVILEGES:
            if not _has(connection, table, privilege):
                raise StartupRefused(
                    f"the database role {who!r} lacks {privilege} on {table}; apply the "
                    "output of counter-central db roles after every migration"
                )


def _has(connection: Connection, table: str, privilege: str) -> bool:
    result = connection.scalar(
        text("SELECT has_table_privilege(current_user, :t, :p)"), {"t": table, "p": privilege}
    )
    return bool(result)


def check_schema_current(engine: Engine) -> None:
    for history in ("central", "shared"):
        current = migrate.current_heads(engine, history)
        newest = migrate.head_revisions(history)
        if current != newest:
            raise StartupRefused(
                f"the central schema ({history} tables) is at revision "
                f"{', '.join(sorted(current)) or 'none'}, this service needs "
                f"{', '.join(sorted(newest))}: run counter-central db migrate as the owner role"
            )


def open_service_database(settings: Settings) -> Engine:
    """Open, check the role and the schema revision; ``StartupRefused`` says what is wrong."""
    engine = open_engine(settings)
    try:
        check_service_role(engine)
        check_schema_current(engine)
    except (OperationalError, DBAPIError) as exc:
        engine.dispose()
        raise StartupRefused(f"the central database does not answer: {_first_line(exc)}") from None
    except StartupRefused:
        engine.dispose()
        raise
    return engine


# At most this many statements of the event loop run at once (PostgreSQL has few cores to
# share; more in flight only queue up there).
LOOP_CONNECTIONS = 8


class LoopConnections:
    """Autocommit psycopg connections used from the server's event loop (PostgreSQL only).

    A request answered in one statement runs it here with ``await``, without handing the
    request to a worker thread and back. At most ``size`` statements are in flight; the
    connections are opened when first needed, with the engine's URL and password, and kept.
    A connection found dead (a database restart, a terminated backend) is dropped and the
    statement runs once more on a new one — as the request gate does with the engine's pool
    (a statement that had committed just before the connection broke is then refused by its
    own guards, e.g. as a replayed nonce, never applied twice); the idle ones are then
    dropped too, as SQLAlchemy invalidates its pool. Errors are raised as
    ``psycopg.Error``. Connections belong to the event loop that opened them; under another
    loop (a server started again in the same process) new ones are opened.
    """

    def __init__(self, engine: Engine, size: int = LOOP_CONNECTIONS) -> None:
        _, arguments = engine.dialect.create_connect_args(engine.url)
        params = dict(arguments)
        params.pop("context", None)  # SQLAlchemy's adapters; psycopg's own are what is wanted
        params.setdefault("connect_timeout", 5)
        self._params = params
        self._size = size
        self._idle: list[psycopg.AsyncConnection[Any]] = []
        self._slots: asyncio.Semaphore | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def fetchone(self, query: str, params: Mapping[str, Any]) -> tuple[Any, ...] | None:
        """Run one statement (prepared on each connection) and return its first row."""
        loop = asyncio.get_running_loop()
        if loop is not self._loop or self._slots is None:
            self._loop, self._slots, self._idle = loop, asyncio.Semaphore(self._size), []
        async with self._slots:
            for attempt in (1, 2):
                connection = self._idle.pop() if self._idle else await self._connect()
                try:
                    cursor = await connection.execute(query, params, prepare=True)
                    row = await cursor.fetchone()
                except psycopg.Error:
                    if not connection.broken and not connection.closed:
                        self._idle.append(connection)
                        raise
                    await connection.close()
                    if attempt == 2:
                        raise
                    await self.close()  # the others are likely dead too: all anew
                    continue
                except BaseException:  # cancelled mid-statement: its state is unknown
                    await connection.close()
                    raise
                self._idle.append(connection)
                return row
        raise AssertionError("unreachable")

    async def _connect(self) -> psycopg.AsyncConnection[Any]:
        return await psycopg.AsyncConnection.connect(autocommit=True, **self._params)

    async def close(self) -> None:
        idle, self._idle = self._idle, []
        for connection in idle:
            await connection.close()
