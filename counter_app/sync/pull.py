"""Pull: fetch journal entries after this workstation's cursor and apply their effects.

The cursor is the last central ``seq`` applied locally, stored in the cache in the same
transaction as the effects, so a crash between batches repeats nothing and skips nothing.
The centre sends only the entries in the workstation's scope (its hall, and reference data
for all); the cursor follows the centre's ``next_after``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from counter_app.storage.local_models import OutboxRow, SyncStateRow
from counter_app.storage.rowcodec import apply_effect
from counter_app.sync.port import SyncPort

CURSOR_KEY = "journal_cursor"


@dataclass(frozen=True)
class PullResult:
    entries: int
    cursor: int
    head_seq: int = 0  # the centre's newest entry, as it said


def read_cursor(session: Session) -> int:
    state = session.get(SyncStateRow, CURSOR_KEY)
    return int(state.value) if state else 0


def pull(
    local: Engine, centre: SyncPort, *, batch: int = 500, wait_seconds: float = 0.0
) -> PullResult:
    """Apply every entry after the cursor; ``wait_seconds`` long-polls for the first page."""
    total = 0
    head = 0
    with Session(local) as session:
        cursor = read_cursor(session)
    while True:
        page = centre.journal_page(cursor, limit=batch, wait_seconds=wait_seconds)
        wait_seconds = 0.0
        head = page.head_seq
        if not page.entries and page.next_after <= cursor:
            return PullResult(total, cursor, head)
        with Session(local) as session, session.begin():
            for entry in page.entries:
                for effect in json.loads(entry.effects):
                    apply_effect(session, effect)
                own = session.get(OutboxRow, entry.command_uuid)
                if own is not None and own.status == "pending":
                    own.status = "applied"
                    own.seq = entry.seq
                    own.resolved_at = dt.datetime.now()
            cursor = max(cursor, page.next_after)
            state = session.get(SyncStateRow, CURSOR_KEY)
            if state is None:
                session.add(SyncStateRow(key=CURSOR_KEY, value=str(cursor)))
            else:
                state.value = str(cursor)
        total += len(page.entries)
        if not page.more:
            return PullResult(total, cursor, head)
