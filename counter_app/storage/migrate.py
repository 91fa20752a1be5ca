"""Apply the Alembic migrations of the central schema or the local cache schema.

Both run automatically at start-up; ``counter-admin migrate`` runs them by hand. The
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


def alembic_config(schema: Schema) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_root() / schema))
    return cfg


def upgrade(engine: Engine, schema: Schema) -> None:
    """Bring ``engine``'s database to the newest revision of ``schema``."""
    cfg = alembic_config(schema)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(schema: Schema) -> str | None:
    return ScriptDirectory.from_config(alembic_config(schema)).get_current_head()


def is_current(engine: Engine, schema: Schema) -> bool:
    return current_revision(engine) == head_revision(schema)
