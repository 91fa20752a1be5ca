"""Alembic environment for the local schema.

Run through ``counter_app.storage.migrate`` (which hands over an open connection) or the
``counter-admin migrate`` command; plain ``alembic`` works too with ``-x url=...``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import counter_app.storage.local_models
import counter_app.storage.search_models
import counter_app.storage.shared_models  # noqa: F401
from counter_app.storage.base import LocalBase, SharedBase

config = context.config
target_metadata = [SharedBase.metadata, LocalBase.metadata]


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
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
