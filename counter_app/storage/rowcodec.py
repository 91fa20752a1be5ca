"""Turn ORM rows into JSON-safe dicts and back, for command effects and the journal.

An *effect* is ``{"table": ..., "key": {...}, "values": {...} | None}``: the full row after
the change (``None`` for a delete). Workstations replay effects from the journal with a
generic upsert, so no per-command replay code is needed on the pull side.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from counter_app.storage.base import SharedBase

JsonDict = dict[str, Any]


# ``json.dumps`` with these options builds this very encoder on every call; built once.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(value: Any) -> str:
    """The one serialisation used for hashing: sorted keys, no spaces, UTF-8 kept."""
    return _CANONICAL.encode(value)


# Values of these types are written into effects as they are (``_encode`` returns them).
PLAIN_TYPES = frozenset({str, int, bool, float, type(None)})


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _decode(value: Any, python_type: type) -> Any:
    if value is None:
        return None
    if python_type is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if python_type is dt.date:
        return dt.date.fromisoformat(value)
    if python_type is Decimal:
        return Decimal(value)
    return value


def shared_model(table: str) -> type[SharedBase]:
    import counter_app.storage.model_registry  # noqa: F401  (every shared table is known)

    for mapper in SharedBase.registry.mappers:
        if mapper.local_table.name == table:  # type: ignore[attr-defined]
            return mapper.class_
    raise KeyError(f"no shared table named {table!r}")


def row_values(obj: SharedBase) -> JsonDict:
    mapper = inspect(type(obj))
    return {col.key: _encode(getattr(obj, col.key)) for col in mapper.column_attrs}


def row_key(obj: SharedBase) -> JsonDict:
    mapper = inspect(type(obj))
    return {col.name: _encode(getattr(obj, col.name)) for col in mapper.primary_key}


def decode_values(model: type[SharedBase], values: JsonDict) -> JsonDict:
    mapper = inspect(model)
    out: JsonDict = {}
    for attr in mapper.column_attrs:
        if attr.key in values:
            column = attr.columns[0]
            out[attr.key] = _decode(values[attr.key], column.type.python_type)
    return out


def identity(model: type[SharedBase], key: JsonDict) -> tuple[Any, ...]:
    mapper = inspect(model)
    decoded = decode_values(model, key)
    return tuple(decoded[col.name] for col in mapper.primary_key)


def apply_effect(session: Session, effect: JsonDict) -> None:
    """Upsert (or delete) one effect's row in ``session``'s database."""
    model = shared_model(effect["table"])
    existing = session.get(model, identity(model, effect["key"]))
    values = effect.get("values")
    if values is None:
        if existing is not None:
            session.delete(existing)
        return
    decoded = decode_values(model, values)
    if existing is None:
        session.add(model(**decoded))
    else:
        for name, value in decoded.items():
            setattr(existing, name, value)
    session.flush()
