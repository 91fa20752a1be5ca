"""The hash chain of the central journal: computing entry hashes and verifying the chain.

Each entry's hash covers its own fields and the previous entry's hash, so changing, removing
or reordering any entry breaks every hash after it; ``verify_chain`` names the first break.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counter_app.storage.central_models import GENESIS_HASH, JournalHeadRow, JournalRow
from counter_app.storage.journal_hash import entry_hash


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_bad_seq: int | None = None
    problem: str = ""


def _entries(session: Session, batch: int) -> Iterator[JournalRow]:
    last = 0
    while True:
        rows = session.scalars(
            select(JournalRow).where(JournalRow.seq > last).order_by(JournalRow.seq).limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].seq
        session.expunge_all()


def verify_chain(engine: Engine, *, batch: int = 2000) -> ChainReport:
    """Walk the whole journal in ``seq`` order and report the first entry that does not fit."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    with Session(engine) as session:
        for row in _entries(session, batch):
            if row.seq != expected_seq:
                return ChainReport(False, checked, expected_seq, f"entry {expected_seq} is missing")
            if row.prev_hash != expected_prev:
                return ChainReport(
                    False,
                    checked,
                    row.seq,
                    f"entry {row.seq} does not link to entry {row.seq - 1} (prev_hash differs)",
                )
            if entry_hash(row) != row.hash:
                return ChainReport(
                    False, checked, row.seq, f"entry {row.seq} was modified (its hash differs)"
                )
            expected_prev = row.hash
            expected_seq += 1
            checked += 1
        head = session.get(JournalHeadRow, 1)
        if head is None:
            return ChainReport(False, checked, None, "the journal head row is missing")
        if head.last_seq != checked or head.last_hash != expected_prev:
            return ChainReport(
                False,
                checked,
                checked + 1 if head.last_seq > checked else head.last_seq,
                f"the journal head says {head.last_seq} entries but {checked} were found",
            )
    return ChainReport(True, checked)
