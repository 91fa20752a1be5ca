"""Opening the central database as the service, and refusing to run with too much power.

The service connects with a role that may read and write rows but never change the schema,
never UPDATE or DELETE the journal and never own anything (``counter-central db roles``
makes it). At start-up it checks that on PostgreSQL: a superuser, the owner of the journal
(or a member of the owner role) or a role that may rewrite the journal is refused, as is a
schema that is not at the newest migration (the service never migrates: the owner does).
Statement parameters are hidden from database errors, so a failure never logs personal data.
"""

from __future__ import annotations

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
