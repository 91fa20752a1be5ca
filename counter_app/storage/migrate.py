"""Apply the Alembic migrations of the central schema or the local cache schema.

Each database runs two histories: its own (``central`` or ``local``: the journal, the queue,
the outbox …) and then ``shared``, the business tables both sides hold, defined once and kept
in its own version table. Both run automatically at start-up; ``counter-admin migrate`` runs
them by hand. The
``migrations/`` folder sits at the top of a checkout; a wheel and a frozen bundle carry it as
``counter_app/_data/migrations`` (see ``[tool.setuptools.package-dir]`` in pyproject.toml and
the PyInstaller spec).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Literal

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

Schema = Literal["central", "local"]
History = Literal["central", "local", "shared"]
SHARED_VERSION_TABLE = "alembic_version_shared"


def migrations_root() -> Path:
    """The folder holding the ``central`` and ``local`` Alembic environments."""
    candidates = [
        Path(str(resources.files("counter_app") / "_data" / "migrations")),  # wheel, bundle
        Path(__file__).resolve().parents[2] / "migrations",  # checkout (editable install)
    ]
    for candidate in candidates:
        if (candidate / "central" / "env.py").is_file():
            return candidate
    raise FileNotFoundError(
        "the migrations folder was not found next to the counter_app package; "
        "reinstall the application"
    )


def alembic_config(schema: History) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_root() / schema))
    return cfg


def upgrade(engine: Engine, schema: Schema) -> None:
    """Bring ``engine``'s database to the newest revision of ``schema``, then of the shared
    business tables (one transaction each)."""
    for history in (schema, "shared"):
        cfg = alembic_config(history)
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            # "heads": item packages may branch the shared history independently.
            command.upgrade(cfg, "heads")


def current_revision(engine: Engine, history: History = "central") -> str | None:
    """The revision ``engine``'s database is at in ``history`` (``central`` and ``local`` share
    Alembic's default version table; ``shared`` has its own)."""
    opts = {"version_table": SHARED_VERSION_TABLE} if history == "shared" else {}
    with engine.connect() as connection:
        return MigrationContext.configure(connection, opts=opts).get_current_revision()


def head_revision(schema: History) -> str | None:
    return ScriptDirectory.from_config(alembic_config(schema)).get_current_head()


def current_heads(engine: Engine, history: History) -> set[str]:
    opts = {"version_table": SHARED_VERSION_TABLE} if history == "shared" else {}
    with engine.connect() as connection:
        return set(MigrationContext.configure(connection, opts=opts).get_current_heads())


def head_revisions(history: History) -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config(history)).get_heads())


def is_current(engine: Engine, schema: Schema) -> bool:
    return all(current_heads(engine, h) == head_revisions(h) for h in (schema, "shared"))
