"""What a command handler writes through: one object for the local and the central side.

``put`` upserts a shared row and records both the effect (the row after the change, which
goes to the journal) and the before-image (kept in the outbox to undo an optimistic local
change the centre rejects). ``next_number`` hands out central counter values; on the local
side it returns ``None`` and the handler leaves the field empty until the pull fills it.

``put`` does not flush each row on its own: the rows a context wrote are kept in a map of
its own (a later ``get`` or ``put`` of the same key finds them without a query), the keys a
``get`` found missing are remembered (a ``put`` of a new row needs no second look-up), and
the scalar insert defaults a flush would fill in are filled in at once, so the effect of a
new row is what it would be after the flush. The rows reach the database together at the
next flush — a query's autoflush, the end of the command's savepoint, the commit — where the
unit of work sends the rows of one table in one statement. A model whose row a flush would
change in ways the context cannot foresee (a server or callable default, a primary key still
to be generated) is flushed at once, as before. Handlers write shared rows only through
``put``; a key ``get`` found missing is taken as missing until this context puts it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from sqlalchemy import Insert, Select, bindparam, inspect, literal_column, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from counter_app.storage.base import SharedBase
from counter_app.storage.central_models import CounterRow
from counter_app.storage.rowcodec import JsonDict, row_key, row_values

if TYPE_CHECKING:
    from counter_app.catalogue.schema import Catalogue

Side = Literal["local", "central"]
M = TypeVar("M", bound=SharedBase)
RowKey = tuple[type[SharedBase], tuple[Any, ...]]


@dataclass(frozen=True)
class _Shape:
    """What ``put`` needs to know of a model, worked out once per model."""

    table: str
    key_attrs: tuple[str, ...]  # attribute names of the primary-key columns, in key order
    attrs: tuple[str, ...]  # attribute names of every column
    defaults: tuple[tuple[str, Any], ...]  # scalar insert defaults: (attribute, value)
    foreseeable: bool  # no default a flush would compute (server-side or callable)
    exists: Select[tuple[Any]]  # SELECT 1 … WHERE primary key = :k0 [AND …]


_SHAPES: dict[type[SharedBase], _Shape] = {}


def _shape(model: type[SharedBase]) -> _Shape:
    shape = _SHAPES.get(model)
    if shape is None:
        mapper = inspect(model)
        defaults: list[tuple[str, Any]] = []
        foreseeable = True
        for attr in mapper.column_attrs:
            column = attr.columns[0]
            if column.server_default is not None:
                foreseeable = False
            default = column.default
            if default is None:
                continue
            if default.is_scalar:
                defaults.append((attr.key, default.arg))
            else:
                foreseeable = False
        table = mapper.local_table
        exists: Select[tuple[Any]] = (
            select(literal_column("1"))
            .select_from(table)
            .where(*(c == bindparam(f"k{i}") for i, c in enumerate(mapper.primary_key)))
        )
        shape = _Shape(
            table=model.__tablename__,
            key_attrs=tuple(mapper.get_property_by_column(c).key for c in mapper.primary_key),
            attrs=tuple(attr.key for attr in mapper.column_attrs),
            defaults=tuple(defaults),
            foreseeable=foreseeable,
            exists=exists,
        )
        _SHAPES[model] = shape
    return shape


_COUNTER_STATEMENTS: dict[str, Insert] = {}


def _counter_statement(dialect: str) -> Insert:
    """``INSERT … ON CONFLICT DO UPDATE … RETURNING value`` bumping counter ``:name``."""
    stmt = _COUNTER_STATEMENTS.get(dialect)
    if stmt is None:
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        stmt = (
            insert(CounterRow)
            .values(name=bindparam("name"), value=1)
            .on_conflict_do_update(
                index_elements=[CounterRow.name], set_={"value": CounterRow.value + 1}
            )
            .returning(CounterRow.value)
        )
        _COUNTER_STATEMENTS[dialect] = stmt
    return stmt


@dataclass
class ApplyContext:
    side: Side
    session: Session
    now: dt.datetime
    effects: list[JsonDict] = field(default_factory=list)
    undo: list[JsonDict] = field(default_factory=list)
    # Rows this context put, by key (pending rows are not in the session's identity map).
    _written: dict[RowKey, SharedBase] = field(default_factory=dict, repr=False)
    # Keys ``get`` found missing and nothing has put since.
    _absent: set[RowKey] = field(default_factory=set, repr=False)

    def acceptance_day(self, client_time: dt.datetime) -> dt.date:
        """The day a case counts as accepted. At the window it is the workstation's day; at
        the centre the client's clock is recorded but not trusted: a clock running ahead
        cannot date a case (or its promise) later than the centre's own day, while a command
        accepted offline yesterday and sent today keeps yesterday."""
        day = client_time.date()
        return day if self.side == "local" else min(day, self.now.date())

    def catalogue(self, version: str) -> Catalogue:
        """The published catalogue ``version`` (see ``catalogue_access``)."""
        from counter_app.items.catalogue_access import catalogue_version

        return catalogue_version(self.session, version, side=self.side)

    def get(self, model: type[M], *key: Any) -> M | None:
        slot: RowKey = (model, key)
        written = self._written.get(slot)
        if written is not None:
            return written  # type: ignore[return-value]
        if slot in self._absent:
            return None
        found = self._look_up(model, key)
        if found is None:
            self._absent.add(slot)
        return found  # type: ignore[return-value]

    def _look_up(self, model: type[SharedBase], key: tuple[Any, ...]) -> SharedBase | None:
        """The row under ``key``: from the session's identity map or the database.

        Without an autoflush first: the rows this context put are found in its own map
        before this is asked, and no other write can be pending under a primary key
        (handlers write shared rows only through ``put``), so flushing them now would only
        split the command's inserts into more statements."""
        session = self.session
        if identity_key(model, key) not in session.identity_map:
            # Most rows looked up are new ones: a bare existence check answers them at a
            # fraction of what loading through the ORM costs.
            params = {f"k{i}": part for i, part in enumerate(key)}
            if session.connection().execute(_shape(model).exists, params).first() is None:
                return None
        with session.no_autoflush:
            return session.get(model, key if len(key) > 1 else key[0])

    def _existing(self, model: type[SharedBase], key: tuple[Any, ...]) -> SharedBase | None:
        slot: RowKey = (model, key)
        written = self._written.get(slot)
        if written is not None:
            return written
        if slot in self._absent:
            return None
        return self._look_up(model, key)

    def put(self, obj: SharedBase) -> None:
        """Insert or update ``obj``'s row (matched by primary key) and record the change."""
        model = type(obj)
        shape = _shape(model)
        key = tuple(getattr(obj, name) for name in shape.key_attrs)
        if any(part is None for part in key):
            self._put_flushed(model, shape, obj, key)  # the key comes from the database
            return
        existing = self._existing(model, key)
        if existing is None:
            self.undo.append({"table": shape.table, "key": row_key(obj), "values": None})
            for name, value in shape.defaults:
                if getattr(obj, name) is None:
                    setattr(obj, name, value)  # what the flush would fill in
            self.session.add(obj)
            target = obj
        else:
            if inspect(existing).pending:
                # Not inserted yet: an attribute set to None must be written as NULL by an
                # UPDATE, not replaced by the column's default in the INSERT.
                self.session.flush()
            self.undo.append(
                {"table": shape.table, "key": row_key(existing), "values": row_values(existing)}
            )
            for name in shape.attrs:
                setattr(existing, name, getattr(obj, name))
            target = existing
        slot: RowKey = (model, key)
        self._written[slot] = target
        self._absent.discard(slot)
        if not shape.foreseeable:
            self.session.flush()
        self.effects.append(
            {"table": shape.table, "key": row_key(target), "values": row_values(target)}
        )

    def _put_flushed(
        self, model: type[SharedBase], shape: _Shape, obj: SharedBase, key: tuple[Any, ...]
    ) -> None:
        """``put`` of a row whose key the flush makes: looked up, written and flushed at once."""
        existing = self.session.get(model, key if len(key) > 1 else key[0])
        if existing is None:
            self.undo.append({"table": shape.table, "key": row_key(obj), "values": None})
            self.session.add(obj)
            target = obj
        else:
            self.undo.append(
                {"table": shape.table, "key": row_key(existing), "values": row_values(existing)}
            )
            for name in shape.attrs:
                setattr(existing, name, getattr(obj, name))
            target = existing
        self.session.flush()
        self.effects.append(
            {"table": shape.table, "key": row_key(target), "values": row_values(target)}
        )

    def next_number(self, counter: str) -> int | None:
        """The next value of a central counter (atomic), or ``None`` on a workstation.

        Sent on the session's connection as it is: the counter does not depend on the rows
        this transaction has not flushed yet, so they need not be flushed first."""
        if self.side == "local":
            return None
        connection = self.session.connection()
        stmt = _counter_statement(connection.dialect.name)
        return int(connection.execute(stmt, {"name": counter}).scalar_one())
