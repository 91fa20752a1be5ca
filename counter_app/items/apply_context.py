"""What a command handler writes through: one object for the local and the central side.

``put`` upserts a shared row and records both the effect (the row after the change, which
goes to the journal) and the before-image (kept in the outbox to undo an optimistic local
change the centre rejects). ``next_number`` hands out central counter values; on the local
side it returns ``None`` and the handler leaves the field empty until the pull fills it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from sqlalchemy import inspect
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from counter_app.storage.base import SharedBase
from counter_app.storage.central_models import CounterRow
from counter_app.storage.rowcodec import JsonDict, row_key, row_values

if TYPE_CHECKING:
    from counter_app.catalogue.schema import Catalogue

Side = Literal["local", "central"]
M = TypeVar("M", bound=SharedBase)


@dataclass
class ApplyContext:
    side: Side
    session: Session
    now: dt.datetime
    effects: list[JsonDict] = field(default_factory=list)
    undo: list[JsonDict] = field(default_factory=list)

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
        return self.session.get(model, key if len(key) > 1 else key[0])

    def put(self, obj: SharedBase) -> None:
        """Insert or update ``obj``'s row (matched by primary key) and record the change."""
        model = type(obj)
        mapper = inspect(model)
        key = tuple(
            getattr(obj, mapper.get_property_by_column(col).key) for col in mapper.primary_key
        )
        existing = self.session.get(model, key if len(key) > 1 else key[0])
        if existing is None:
            self.undo.append({"table": model.__tablename__, "key": row_key(obj), "values": None})
            self.session.add(obj)
            target = obj
        else:
            self.undo.append(
                {
                    "table": model.__tablename__,
                    "key": row_key(existing),
                    "values": row_values(existing),
                }
            )
            for attr in inspect(model).column_attrs:
                setattr(existing, attr.key, getattr(obj, attr.key))
            target = existing
        self.session.flush()
        self.effects.append(
            {"table": model.__tablename__, "key": row_key(target), "values": row_values(target)}
        )

    def next_number(self, counter: str) -> int | None:
        """The next value of a central counter (atomic), or ``None`` on a workstation."""
        if self.side == "local":
            return None
        dialect = self.session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        stmt = (
            insert(CounterRow)
            .values(name=counter, value=1)
            .on_conflict_do_update(
                index_elements=[CounterRow.name], set_={"value": CounterRow.value + 1}
            )
            .returning(CounterRow.value)
        )
        return int(self.session.execute(stmt).scalar_one())
