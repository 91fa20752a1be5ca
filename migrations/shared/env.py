"""Alembic environment for the business tables both databases hold (``SharedBase``).

The central database and every workstation cache carry the same business tables. Until
c0012/l0007 each side had its own copy of their migrations; from then on a shared table
changes in exactly one place, this environment, which both sides run after their own (see
``counter_app.storage.migrate.upgrade``). It keeps its revision in its own version table,
``alembic_version_shared``, so the two side-specific histories are untouched.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import counter_app.storage.model_registry  # noqa: F401  (every shared table, imported once)
from counter_app.storage.base import SharedBase

VERSION_TABLE = "alembic_version_shared"

config = context.config
target_metadata = SharedBase.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run_with(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise SystemExit("give the database URL with -x url=...")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run_with(conn)


def _run_with(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        version_table=VERSION_TABLE,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
