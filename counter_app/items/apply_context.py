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

At the centre a context may instead write into a ``BatchWrites``: one write set shared by
every command of a pushed batch whose handler reads only through ``get`` (and ``catalogue``)
and writes only through ``put`` and ``next_number`` (``ItemSpec.batchable``). Nothing of it
reaches the ORM session: rows found or written by an earlier command of the batch are found
by a later one without a query, keys known absent are remembered batch-wide, a counter is
taken from the database once per batch and counted on in memory, and at the end of the batch
every new row is inserted with one ``executemany`` per table and every row that existed before
is updated once, with its final values. A command that is rejected has its writes in the set
reverted and gives its counter values back (it took the last ones), so it costs no savepoint.
The effects are taken at ``put`` time exactly as on the session path (undo images are a
workstation's and are not made there); the rows handlers build with ``new`` are made as the
ORM makes the rows it loads, without the constructor's event per attribute.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from sqlalchemy import (
    Column,
    ColumnElement,
    Delete,
    Insert,
    Select,
    Table,
    Update,
    any_,
    bindparam,
    delete,
    insert,
    inspect,
    literal_column,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from counter_app.storage.base import SharedBase
from counter_app.storage.central_models import CounterRow
from counter_app.storage.rowcodec import PLAIN_TYPES, JsonDict, _encode

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
    table_obj: Table
    columns: tuple[tuple[str, str], ...]  # (attribute name, column key) of every column
    key_names: tuple[str, ...]  # names of the primary-key columns (``row_key``'s keys)
    table_attrs: tuple[str, ...]  # attribute names in the table's column order
    attr_set: frozenset[str]  # ``attrs`` as a set
    key_pairs: tuple[tuple[str, str], ...]  # (column name, attribute name) of the key columns
    build: Callable[[], Any]  # a new instance of the model, without running its __init__

    def row_key(self, obj: SharedBase) -> JsonDict:
        """``rowcodec.row_key`` without inspecting the model again."""
        return {name: _json_value(getattr(obj, name)) for name in self.key_names}

    def row_values(self, obj: SharedBase) -> JsonDict:
        """``rowcodec.row_values`` without inspecting the model again."""
        values = {name: getattr(obj, name) for name in self.attrs}
        for name, value in values.items():
            if type(value) not in PLAIN_TYPES:
                values[name] = _encode(value)
        return values

    def held_image(self, obj: SharedBase) -> JsonDict:
        """``image`` of a row of a batch's write set, read from the instance's ``__dict__``
        past the attribute instrumentation: such an instance never meets a session and
        holds every column it was given there (one it was not given reads as ``None``, as
        ``getattr`` answers for an instance not in a session)."""
        held = obj.__dict__
        values = {name: held.get(name) for name in self.attrs}
        for name, value in values.items():
            if type(value) not in PLAIN_TYPES:
                values[name] = _encode(value)
        key = {name: values[attr] for name, attr in self.key_pairs}
        return {"table": self.table, "key": key, "values": values}

    def image(self, obj: SharedBase, *, absent: bool = False) -> JsonDict:
        """An effect or undo image of ``obj``'s row (``absent``: the row did not exist)."""
        values = None if absent else self.row_values(obj)
        return {"table": self.table, "key": self.row_key(obj), "values": values}


def _json_value(value: Any) -> Any:
    """``rowcodec._encode``, returning the most common values (text, numbers) at once."""
    return value if type(value) in PLAIN_TYPES else _encode(value)


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
            table_obj=table,  # type: ignore[arg-type]
            columns=tuple((attr.key, attr.columns[0].key) for attr in mapper.column_attrs),
            key_names=tuple(c.name for c in mapper.primary_key),
            table_attrs=tuple(mapper.get_property_by_column(c).key for c in table.columns),
            attr_set=frozenset(attr.key for attr in mapper.column_attrs),
            key_pairs=tuple(
                (c.name, mapper.get_property_by_column(c).key) for c in mapper.primary_key
            ),
            build=mapper.class_manager.new_instance,
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


class NeedsSavepoint(RuntimeError):
    """A write the batch's write set cannot foresee (a key or default the database makes):
    the batch is applied again with a savepoint per command."""


_IN_CHUNK = 400  # keys per ``IN`` (SQLite's bound-parameter limit stays far away)
_UPDATES: dict[type[SharedBase], Update] = {}
_COUNTER_SET: Update = (
    update(CounterRow).where(CounterRow.name == bindparam("n")).values(value=bindparam("v"))
)
_COUNTER_DROP: Delete = delete(CounterRow).where(CounterRow.name == bindparam("n"))


_ROWS: dict[type[SharedBase], Select[Any]] = {}


def _row_statement(model: type[SharedBase]) -> Select[Any]:
    """``SELECT * … WHERE primary key = :k0 [AND …]``."""
    stmt = _ROWS.get(model)
    if stmt is None:
        table = _shape(model).table_obj
        stmt = select(table).where(
            *(c == bindparam(f"k{i}") for i, c in enumerate(table.primary_key.columns))
        )
        _ROWS[model] = stmt
    return stmt


def _update_statement(model: type[SharedBase]) -> Update:
    """``UPDATE table SET every column = :v_col WHERE primary key = :k_col …`` (executemany)."""
    stmt = _UPDATES.get(model)
    if stmt is None:
        table = _shape(model).table_obj
        keys = {c.key for c in table.primary_key.columns}
        stmt = (
            update(table)
            .where(*(c == bindparam(f"k_{c.key}") for c in table.primary_key.columns))
            .values({c.key: bindparam(f"v_{c.key}") for c in table.columns if c.key not in keys})
        )
        _UPDATES[model] = stmt
    return stmt


_INSERT_TEXTS: dict[Table, str] = {}
_PROCESSORS: dict[Table, list[Callable[[Any], Any] | None]] = {}  # PostgreSQL's, by table


def _insert_text(connection: Connection, table: Table) -> str:
    """``INSERT INTO table (every column) VALUES (%s, …)`` for the driver's ``executemany``."""
    statement = _INSERT_TEXTS.get(table)
    if statement is None:
        quote = connection.dialect.identifier_preparer
        names = ", ".join(quote.format_column(column) for column in table.columns)
        marks = ", ".join(["%s"] * len(table.columns))
        statement = f"INSERT INTO {quote.format_table(table)} ({names}) VALUES ({marks})"
        _INSERT_TEXTS[table] = statement
    return statement


def insert_rows(connection: Connection, table: Table, rows: list[tuple[Any, ...]]) -> None:
    """Insert ``rows`` (values of every column of ``table``, in column order) in one go.

    On PostgreSQL the rows go as they are to the driver's ``executemany`` (psycopg sends them
    in one pipeline) through ``exec_driver_sql``: no statement compiled, no parameter dict
    built and matched per row, and SQLAlchemy's events, error translation (``IntegrityError``,
    ``DataError`` …) and connection invalidation as for any statement. Elsewhere (SQLite) one
    Core ``executemany``, as before."""
    if not rows:
        return
    dialect = connection.dialect
    if dialect.name != "postgresql":
        keys = [column.key for column in table.columns]
        connection.execute(insert(table), [dict(zip(keys, row, strict=True)) for row in rows])
        return
    processors = _PROCESSORS.get(table)
    if processors is None:
        processors = [column.type.bind_processor(dialect) for column in table.columns]
        _PROCESSORS[table] = processors
    if any(processors):
        rows = [
            tuple(
                value if process is None or value is None else process(value)
                for process, value in zip(processors, row, strict=True)
            )
            for row in rows
        ]
    connection.exec_driver_sql(_insert_text(connection, table), rows)


def _rows_with(
    connection: Connection, table: Table, column: Column[Any], values: list[Any]
) -> tuple[Select[Any], dict[str, Any]]:
    """``SELECT * FROM table WHERE column IN values`` and its parameters. On PostgreSQL as
    ``column = ANY(:values)`` with one array parameter: the same plan, but one statement
    text for any number of values (no placeholder per value to render and parse)."""
    if connection.dialect.name != "postgresql":
        return select(table).where(column.in_(values)), {}
    return select(table).where(any_values(column)), {"values": values}


def any_values(column: Column[Any]) -> ColumnElement[bool]:
    """``column = ANY(:values)`` (PostgreSQL), ``:values`` a list bound as one array."""
    return column == any_(bindparam("values", type_=postgresql.ARRAY(column.type)))


def _held(shape: _Shape, values: dict[str, Any]) -> Any:
    """A detached instance holding ``values`` (column attributes), built as the ORM builds
    the rows it loads: no ``__init__``, no event per attribute. For a batch's write set only,
    whose instances never meet a session."""
    unknown = values.keys() - shape.attr_set
    if unknown:
        raise TypeError(f"{shape.table} has no column attribute {sorted(unknown)[0]!r}")
    obj = shape.build()
    obj.__dict__.update(values)
    return obj


def _values(shape: _Shape, obj: SharedBase) -> dict[str, Any]:
    return {attr: getattr(obj, attr) for attr in shape.attrs}


class BatchWrites:
    """The rows, absent keys and counters of one batch of commands applied at the centre.

    Rows are kept as detached model instances (never added to the session), keyed like the
    session's identity map; ``_origin`` holds the values a row had in the database when it
    was first read, so that ``write`` knows an insert from an update and skips a row that
    ends the batch unchanged. ``begin`` starts a command's log; ``revert`` undoes exactly the
    writes and counter values logged since (a rejected command)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._reset()

    def _reset(self) -> None:
        self._rows: dict[RowKey, SharedBase] = {}
        self._origin: dict[RowKey, dict[str, Any]] = {}
        self._absent: set[RowKey] = set()
        self._counters: dict[str, list[int]] = {}  # name → [value in the database, last taken]
        self._catalogues: dict[str, Catalogue] = {}
        # The current command's writes: (slot, row before, its values before; None: absent).
        self._log: list[tuple[RowKey, SharedBase | None, dict[str, Any] | None]] = []
        self._taken: list[str] = []

    # -- reading ------------------------------------------------------------------------------
    def load(self, wanted: Iterable[tuple[type[SharedBase], tuple[Any, ...]]]) -> None:
        """Read the rows under ``wanted`` keys not known yet: one ``IN`` query per model."""
        by_model: dict[type[SharedBase], dict[tuple[Any, ...], None]] = {}
        for model, key in wanted:
            slot: RowKey = (model, key)
            if slot in self._rows or slot in self._absent:
                continue
            by_model.setdefault(model, {})[key] = None  # each key once, in order
        for model, unique in by_model.items():
            keys = list(unique)
            for first in range(0, len(keys), _IN_CHUNK):
                self._load(model, keys[first : first + _IN_CHUNK])

    def _load(self, model: type[SharedBase], keys: list[tuple[Any, ...]]) -> None:
        """Read the rows whose key starts with one of ``keys``' first parts (a composite key
        is found by its leading column: one short ``IN`` instead of one of tuples)."""
        shape = _shape(model)
        heads = list(dict.fromkeys(key[0] for key in keys))
        lead = shape.table_obj.primary_key.columns[0]
        asked = set(heads)
        found: set[tuple[Any, ...]] = set()
        loose = False
        connection = self.session.connection()
        for row in connection.execute(*_rows_with(connection, shape.table_obj, lead, heads)):
            key = self._keep(model, shape, row._mapping)[0]
            found.add(key)
            loose = loose or key[0] not in asked
        if not loose:  # else a key matched in the database only loosely: asked again by get
            self._absent.update((model, key) for key in keys if key not in found)

    def _keep(
        self, model: type[SharedBase], shape: _Shape, mapping: Any, slot: RowKey | None = None
    ) -> tuple[tuple[Any, ...], SharedBase]:
        """Keep a row read from the database (unless the set holds its key already)."""
        obj = _held(shape, {attr: mapping[column] for attr, column in shape.columns})
        key = tuple(getattr(obj, name) for name in shape.key_attrs)
        slot = slot or (model, key)
        if slot not in self._rows and slot not in self._absent:
            self._rows[slot] = obj
            self._origin[slot] = _values(shape, obj)
        return key, obj

    def get(self, model: type[SharedBase], key: tuple[Any, ...]) -> SharedBase | None:
        slot: RowKey = (model, key)
        row = self._rows.get(slot)
        if row is not None or slot in self._absent:
            return row
        shape = _shape(model)
        params = {f"k{i}": part for i, part in enumerate(key)}
        found = self.session.connection().execute(_row_statement(model), params).first()
        if found is None:
            self._absent.add(slot)
            return None
        return self._keep(model, shape, found._mapping, slot)[1]

    def catalogue(self, version: str, side: Side) -> Catalogue:
        """The published catalogue ``version``, read once per batch (commands that publish a
        catalogue are not applied in a batch's write set)."""
        found = self._catalogues.get(version)
        if found is None:
            from counter_app.items.catalogue_access import catalogue_version

            found = catalogue_version(self.session, version, side=side)
            self._catalogues[version] = found
        return found

    # -- writing ------------------------------------------------------------------------------
    def begin(self) -> None:
        """Start logging the writes of the next command."""
        self._log.clear()
        self._taken.clear()

    def insert(self, slot: RowKey, obj: SharedBase) -> None:
        self._log.append((slot, None, None))
        self._rows[slot] = obj
        self._absent.discard(slot)

    def overwrite(self, slot: RowKey, existing: SharedBase, obj: SharedBase) -> None:
        shape = _shape(slot[0])
        self._log.append((slot, existing, _values(shape, existing)))
        for name in shape.attrs:
            setattr(existing, name, getattr(obj, name))

    def next_number(self, counter: str) -> int:
        taken = self._counters.get(counter)
        if taken is None:
            connection = self.session.connection()
            value = int(
                connection.execute(
                    _counter_statement(connection.dialect.name), {"name": counter}
                ).scalar_one()
            )  # the counter's row stays locked to the commit
            taken = self._counters[counter] = [value, value]
        else:
            taken[1] += 1
        self._taken.append(counter)
        return taken[1]

    def revert(self) -> None:
        """Undo the logged writes of the current command and give its counter values back."""
        for slot, before, values in reversed(self._log):
            if before is None:
                del self._rows[slot]
                self._absent.add(slot)
            else:
                assert values is not None
                for name, value in values.items():
                    setattr(before, name, value)
        for counter in reversed(self._taken):
            self._counters[counter][1] -= 1
        self.begin()

    def write(self) -> None:
        """Send the batch's writes: new rows table by table (in dependency order) with one
        ``executemany`` each, rows that existed and changed with one ``UPDATE`` each, the
        counters' last values. The set is empty afterwards."""
        connection = self.session.connection()
        new: dict[type[SharedBase], list[tuple[Any, ...]]] = {}
        changed: dict[type[SharedBase], list[dict[str, Any]]] = {}
        for slot, obj in self._rows.items():
            model = slot[0]
            shape = _shape(model)
            origin = self._origin.get(slot)
            if origin is None:
                held = obj.__dict__  # every column is there (see ``_Shape.held_image``)
                new.setdefault(model, []).append(tuple(held.get(a) for a in shape.table_attrs))
                continue
            values = _values(shape, obj)
            if values == origin:
                continue
            keys = {c.key for c in shape.table_obj.primary_key.columns}
            changed.setdefault(model, []).append(
                {
                    (f"k_{column}" if column in keys else f"v_{column}"): (
                        origin[attr] if column in keys else values[attr]
                    )
                    for attr, column in shape.columns
                }
            )
            stale = self.session.identity_map.get(identity_key(model, slot[1]))
            if stale is not None:
                self.session.expire(stale)
        order = {table: index for index, table in enumerate(SharedBase.metadata.sorted_tables)}
        for model in sorted(new, key=lambda m: order.get(_shape(m).table_obj, -1)):
            insert_rows(connection, _shape(model).table_obj, new[model])
        for model in sorted(changed, key=lambda m: order.get(_shape(m).table_obj, -1)):
            connection.execute(_update_statement(model), changed[model])
        settled = [
            (name, last) for name, (stored, last) in self._counters.items() if last != stored
        ]
        if any(last > 0 for _, last in settled):
            connection.execute(_COUNTER_SET, [{"n": n, "v": v} for n, v in settled if v > 0])
        if any(last <= 0 for _, last in settled):  # taken only by rejected commands
            connection.execute(_COUNTER_DROP, [{"n": n} for n, v in settled if v <= 0])
        self._reset()


@dataclass
class ApplyContext:
    side: Side
    session: Session
    now: dt.datetime
    effects: list[JsonDict] = field(default_factory=list)
    undo: list[JsonDict] = field(default_factory=list)
    # At the centre: the batch's shared write set (see ``BatchWrites``); None: the session.
    batch: BatchWrites | None = None
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
        if self.batch is not None:
            return self.batch.catalogue(version, self.side)
        from counter_app.items.catalogue_access import catalogue_version

        return catalogue_version(self.session, version, side=self.side)

    def new(self, model: type[M], **values: Any) -> M:
        """A new row object to ``put``: ``model(**values)``. In a batch's write set (whose
        rows never meet a session) built as the ORM builds loaded rows, at a fraction of
        the constructor's cost; an unknown attribute is a ``TypeError`` either way."""
        if self.batch is None:
            return model(**values)
        built: M = _held(_shape(model), values)
        return built

    def get(self, model: type[M], *key: Any) -> M | None:
        if self.batch is not None:
            return self.batch.get(model, key)  # type: ignore[return-value]
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
        if self.batch is not None:
            self._put_batched(self.batch, model, shape, obj, key)
            return
        if any(part is None for part in key):
            self._put_flushed(model, shape, obj, key)  # the key comes from the database
            return
        existing = self._existing(model, key)
        if existing is None:
            self.undo.append(shape.image(obj, absent=True))
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
            self.undo.append(shape.image(existing))
            for name in shape.attrs:
                setattr(existing, name, getattr(obj, name))
            target = existing
        slot: RowKey = (model, key)
        self._written[slot] = target
        self._absent.discard(slot)
        if not shape.foreseeable:
            self.session.flush()
        self.effects.append(shape.image(target))

    def _put_batched(
        self,
        batch: BatchWrites,
        model: type[SharedBase],
        shape: _Shape,
        obj: SharedBase,
        key: tuple[Any, ...],
    ) -> None:
        """``put`` into the batch's write set: the same effect, no session. No undo image:
        those are a workstation's (its outbox undoes a change the centre rejects); the
        centre's contexts are thrown away with their command."""
        if not shape.foreseeable or any(part is None for part in key):
            raise NeedsSavepoint(f"a {shape.table} row the database completes")
        slot: RowKey = (model, key)
        existing = batch.get(model, key)
        if existing is None:
            for name, value in shape.defaults:
                if getattr(obj, name) is None:
                    setattr(obj, name, value)  # what the insert would fill in
            batch.insert(slot, obj)
            target = obj
        else:
            batch.overwrite(slot, existing, obj)
            target = existing
        self.effects.append(shape.held_image(target))

    def _put_flushed(
        self, model: type[SharedBase], shape: _Shape, obj: SharedBase, key: tuple[Any, ...]
    ) -> None:
        """``put`` of a row whose key the flush makes: looked up, written and flushed at once."""
        existing = self.session.get(model, key if len(key) > 1 else key[0])
        if existing is None:
            self.undo.append(shape.image(obj, absent=True))
            self.session.add(obj)
            target = obj
        else:
            self.undo.append(shape.image(existing))
            for name in shape.attrs:
                setattr(existing, name, getattr(obj, name))
            target = existing
        self.session.flush()
        self.effects.append(shape.image(target))

    def next_number(self, counter: str) -> int | None:
        """The next value of a central counter (atomic), or ``None`` on a workstation.

        Sent on the session's connection as it is: the counter does not depend on the rows
        this transaction has not flushed yet, so they need not be flushed first."""
        if self.side == "local":
            return None
        if self.batch is not None:
            return self.batch.next_number(counter)
        connection = self.session.connection()
        stmt = _counter_statement(connection.dialect.name)
        return int(connection.execute(stmt, {"name": counter}).scalar_one())
