"""Migrations build both schemas from empty on both engines, and agree with the models."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from counter_app.storage import migrate
from counter_app.storage.base import CentralBase, LocalBase, SharedBase
from counter_app.storage.engines import make_engine


def _diff(engine: Engine, metadatas: list[object]) -> list[object]:
    import counter_app.storage.model_registry  # noqa: F401  (every shared table)

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return [
            d
            for d in compare_metadata(context, metadatas)  # type: ignore[arg-type]
            # the shared history's own version table is Alembic's, not a model's
            if not (d[0] == "remove_table" and d[1].name == migrate.SHARED_VERSION_TABLE)
        ]


def test_central_schema_upgrades_from_empty_and_matches_models(central_engine: Engine) -> None:
    assert migrate.is_current(central_engine, "central")
    tables = set(inspect(central_engine).get_table_names())
    assert {"journal", "journal_head", "rejections", "counters", "persons", "users"} <= tables
    assert _diff(central_engine, [SharedBase.metadata, CentralBase.metadata]) == []


def test_local_schema_upgrades_from_empty_and_matches_models(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'local.db'}")
    migrate.upgrade(engine, "local")
    assert migrate.is_current(engine, "local")
    assert {"outbox", "sync_state", "login_attempts", "persons"} <= set(
        inspect(engine).get_table_names()
    )
    assert _diff(engine, [SharedBase.metadata, LocalBase.metadata]) == []


def test_upgrade_twice_is_a_no_op(central_engine: Engine) -> None:
    before = [migrate.current_heads(central_engine, h) for h in ("central", "shared")]
    migrate.upgrade(central_engine, "central")
    assert [migrate.current_heads(central_engine, h) for h in ("central", "shared")] == before


def test_the_shared_tables_are_defined_once_for_both_sides(tmp_path: Path) -> None:
    """Centre and cache run the same shared history: the business tables come out equal."""
    central = make_engine(f"sqlite:///{tmp_path / 'central.db'}")
    local = make_engine(f"sqlite:///{tmp_path / 'local.db'}")
    migrate.upgrade(central, "central")
    migrate.upgrade(local, "local")
    assert migrate.current_heads(central, "shared") == migrate.current_heads(local, "shared")
    assert migrate.current_heads(local, "shared") == migrate.head_revisions("shared")
    for table in SharedBase.metadata.sorted_tables:
        columns = [
            {c["name"]: str(c["type"]) for c in inspect(engine).get_columns(table.name)}
            for engine in (central, local)
        ]
        assert columns[0] == columns[1], table.name


@pytest.mark.parametrize("schema", ["central", "local"])
def test_every_schema_has_one_head(schema: str) -> None:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(migrate.alembic_config(schema)).get_heads()  # type: ignore[arg-type]
    assert len(heads) == 1, heads
