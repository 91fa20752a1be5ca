"""The journal as a workstation may read it: entries after a cursor, within its scope.

A workstation sees the entries for everyone (``*``: halls, users) and those of its own hall,
exactly the scopes ``counter_app.sync.pull`` applies. Because ``seq`` is gap-free and commit
order equals ``seq`` order, "after N, in order" never skips an entry that commits late.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counter_app.storage.central_models import JournalHeadRow, JournalRow


@dataclass(frozen=True)
class JournalPage:
    entries: Sequence[JournalRow]
    head_seq: int


def scopes_of(hall_code: str) -> list[str]:
    return ["*", f"hall:{hall_code}"]


def read_page(engine: Engine, hall_code: str, after: int, limit: int) -> JournalPage:
    with Session(engine) as session:
        rows = session.scalars(
            select(JournalRow)
            .where(JournalRow.seq > after, JournalRow.scope.in_(scopes_of(hall_code)))
            .order_by(JournalRow.seq)
            .limit(limit)
        ).all()
        head = session.get(JournalHeadRow, 1)
        session.expunge_all()
    return JournalPage(rows, head.last_seq if head is not None else 0)
