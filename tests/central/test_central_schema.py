"""Migration c0010 builds exactly the service's tables, on both engines, and can be undone."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from service_harness import CentralDb
from sqlalchemy import Engine, inspect

from counter_app.storage import migrate
from counter_app.storage.base import CentralBase, SharedBase
from counter_app.storage.engines import make_engine

SERVICE_TABLES = {
    "service_workstations",
    "service_enrolment_codes",
    "service_nonces",
    "service_sessions",
    "service_login_throttle",
    "service_anchors",
}


def diff(engine: Engine) -> list[object]:
    import counter_app.storage.model_registry  # noqa: F401  (every shared table)

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        found = compare_metadata(context, [SharedBase.metadata, CentralBase.metadata])  # type: ignore[arg-type]
    # The shared history's own version table is Alembic's, not a model's.
    return [
        d
        for d in found
        if not (d[0] == "remove_table" and d[1].name == migrate.SHARED_VERSION_TABLE)
    ]


def test_the_migration_matches_the_models_on_sqlite_and_can_be_undone(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'central.db'}")
    try:
        migrate.upgrade(engine, "central")
        assert set(inspect(engine).get_table_names()) >= SERVICE_TABLES
        assert diff(engine) == []
        config = migrate.alembic_config("central")
        below = ScriptDirectory.from_config(config).get_revision("c0010").down_revision
        assert isinstance(below, str)
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, below)
        assert not SERVICE_TABLES & set(inspect(engine).get_table_names())
        migrate.upgrade(engine, "central")
        assert diff(engine) == []
    finally:
        engine.dispose()


def test_the_migration_matches_the_models_on_postgresql(pg_db: CentralDb) -> None:
    assert set(inspect(pg_db.owner).get_table_names()) >= SERVICE_TABLES
    assert diff(pg_db.owner) == []
