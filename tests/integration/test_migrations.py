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
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, metadatas)  # type: ignore[arg-type]


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
    before = migrate.current_revision(central_engine)
    migrate.upgrade(central_engine, "central")
    assert migrate.current_revision(central_engine) == before


@pytest.mark.parametrize("schema", ["central", "local"])
def test_every_schema_has_one_head(schema: str) -> None:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(migrate.alembic_config(schema)).get_heads()  # type: ignore[arg-type]
    assert len(heads) == 1, heads
