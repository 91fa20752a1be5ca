"""Pull: fetch journal entries after this workstation's cursor and apply their effects.

The cursor is the last central ``seq`` applied locally, stored in the cache in the same
transaction as the effects, so a crash between batches repeats nothing and skips nothing.
Only entries in the workstation's scope (its hall, and reference data for all) are applied.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counter_app.storage.central_models import JournalRow
from counter_app.storage.local_models import OutboxRow, SyncStateRow
from counter_app.storage.rowcodec import apply_effect

CURSOR_KEY = "journal_cursor"


@dataclass(frozen=True)
class PullResult:
    entries: int
    cursor: int


def read_cursor(session: Session) -> int:
    state = session.get(SyncStateRow, CURSOR_KEY)
    return int(state.value) if state else 0


def pull(local: Engine, central: Engine, hall_code: str, *, batch: int = 500) -> PullResult:
    scopes = ["*", f"hall:{hall_code}"]
    total = 0
    with Session(local) as session:
        cursor = read_cursor(session)
    while True:
        with Session(central) as central_session:
            rows = central_session.scalars(
                select(JournalRow)
                .where(JournalRow.seq > cursor, JournalRow.scope.in_(scopes))
                .order_by(JournalRow.seq)
                .limit(batch)
            ).all()
            central_session.expunge_all()
        if not rows:
            return PullResult(total, cursor)
        with Session(local) as session, session.begin():
            for row in rows:
                for effect in json.loads(row.effects):
                    apply_effect(session, effect)
                own = session.get(OutboxRow, row.command_uuid)
                if own is not None and own.status == "pending":
                    own.status = "applied"
                    own.seq = row.seq
                    own.resolved_at = dt.datetime.now()
            cursor = rows[-1].seq
            state = session.get(SyncStateRow, CURSOR_KEY)
            if state is None:
                session.add(SyncStateRow(key=CURSOR_KEY, value=str(cursor)))
            else:
                state.value = str(cursor)
        total += len(rows)
