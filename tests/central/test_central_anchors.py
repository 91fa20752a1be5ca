"""Anchors detect what the hash chain cannot: an entry rewritten and the chain re-hashed.

The attacker here is the database owner: it disables the append-only triggers (as only an
owner can), changes an entry, re-hashes every entry after it and the head, and re-enables
them. ``verify_chain`` then passes; the service-signed anchor taken before does not.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from service_harness import (
    CentralDb,
    pg_skip_reason,
    postgres_database,
    run_cli,
    sqlite_database,
    write_config,
)
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from counter_app.centre import bootstrap
from counter_app.centre.journal import entry_hash, verify_chain
from counter_app.domain.roles import Role
from counter_app.storage.central_models import JournalHeadRow, JournalRow
from counter_app.storage.engines import is_sqlite
from counter_app.wire import anchor_message, b64u_encode
from counter_central.anchor_key import AnchorKey, load_anchor_key
from counter_central.anchors import Anchor, sign_head, verify_against_anchors
from counter_central.clock import ServiceClock
from counter_central.settings import load_settings


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fresh_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CentralDb]:
    if request.param == "sqlite":
        db = sqlite_database(tmp_path / "central.db")
        yield db
        db.owner.dispose()
        return
    reason = pg_skip_reason()
    if reason:
        pytest.skip(reason)
    with postgres_database() as db:
        yield db


def set_triggers(owner: Engine, enabled: bool) -> None:
    with owner.begin() as connection:
        if is_sqlite(owner):
            if enabled:
                for action in ("UPDATE", "DELETE"):
                    connection.execute(
                        text(
                            f"CREATE TRIGGER journal_no_{action.lower()} BEFORE {action} "
                            "ON journal BEGIN SELECT RAISE(ABORT, 'append-only'); END"
                        )
                    )
            else:
                connection.execute(text("DROP TRIGGER journal_no_update"))
                connection.execute(text("DROP TRIGGER journal_no_delete"))
        else:
            verb = "ENABLE" if enabled else "DISABLE"
            connection.execute(text(f"ALTER TABLE journal {verb} TRIGGER journal_no_change"))


def rewrite_and_rehash(owner: Engine, seq: int, old: str, new: str) -> None:
    """Change ``old`` to ``new`` in entry ``seq``, then re-hash the chain after it."""
    set_triggers(owner, enabled=False)
    with Session(owner) as session, session.begin():
        rows = session.scalars(
            select(JournalRow).where(JournalRow.seq >= seq).order_by(JournalRow.seq)
        ).all()
        assert old in rows[0].payload
        rows[0].payload = rows[0].payload.replace(old, new)
        rows[0].effects = rows[0].effects.replace(old, new)
        previous = rows[0].prev_hash
        for row in rows:
            row.prev_hash = previous
            row.hash = entry_hash(row)
            previous = row.hash
        head = session.get(JournalHeadRow, 1)
        assert head is not None
        head.last_hash = previous
    set_triggers(owner, enabled=True)


def user_entry(owner: Engine, username: str) -> int:
    with Session(owner) as session:
        seqs = session.scalars(
            select(JournalRow.seq).where(
                JournalRow.kind == "admin.user_upsert",
                JournalRow.payload.contains(f'"username":"{username}"'),
            )
        ).all()
    return seqs[0]


def test_a_rehashed_rewrite_passes_the_chain_but_not_the_anchor(fresh_db: CentralDb) -> None:
    key = AnchorKey(Ed25519PrivateKey.generate())
    clock = ServiceClock()
    anchor = sign_head(fresh_db.service, key, clock)  # the service role may insert anchors
    bootstrap.create_user(fresh_db.owner, "later1", "later1-password", Role.TELLER, "HALL01")
    later = sign_head(fresh_db.service, key, clock)
    assert later.seq == anchor.seq + 1
    assert sign_head(fresh_db.service, key, clock) == later  # the head did not move
    assert verify_against_anchors(fresh_db.owner, [anchor, later], key.public_key).ok

    target = user_entry(fresh_db.owner, "teller1")
    rewrite_and_rehash(fresh_db.owner, target, '"role":"teller"', '"role":"supervisor"')

    assert verify_chain(fresh_db.owner).ok  # the chain alone cannot tell
    report = verify_against_anchors(fresh_db.owner, [anchor, later], key.public_key)
    assert not report.ok
    assert report.first_bad_seq == 1
    assert f"entry {anchor.seq} no longer has the hash anchored at {anchor.signed_at}" in (
        report.problem
    )
    assert "rewritten" in report.problem


def test_a_forged_anchor_is_named(fresh_db: CentralDb) -> None:
    key = AnchorKey(Ed25519PrivateKey.generate())
    anchor = sign_head(fresh_db.service, key, ServiceClock())
    forger = Ed25519PrivateKey.generate()
    forged = Anchor(
        anchor.seq,
        anchor.hash,
        anchor.signed_at,
        anchor.key_id,
        b64u_encode(forger.sign(anchor_message(anchor.seq, anchor.hash, anchor.signed_at))),
    )
    report = verify_against_anchors(fresh_db.owner, [forged], key.public_key)
    assert not report.ok and "does not verify" in report.problem


def test_audit_verify_on_the_command_line_names_the_break(
    fresh_db: CentralDb, tmp_path: Path
) -> None:
    config = write_config(tmp_path / "svc", fresh_db, 8443)
    key = load_anchor_key(load_settings(config).anchor_key_file)
    sign_head(fresh_db.service, key, ServiceClock())
    intact = run_cli("audit", "verify", "--config", str(config))
    assert intact.returncode == 0 and "journal intact" in intact.stdout, intact.stderr
    rewrite_and_rehash(fresh_db.owner, user_entry(fresh_db.owner, "super1"), "super1", "superX")
    broken = run_cli("audit", "verify", "--config", str(config))
    assert broken.returncode == 1, broken.stderr
    assert "BROKEN at entry 1" in broken.stdout and "rewritten" in broken.stdout


def test_removed_tail_entries_are_named(fresh_db: CentralDb) -> None:
    key = AnchorKey(Ed25519PrivateKey.generate())
    anchor = sign_head(fresh_db.service, key, ServiceClock())
    set_triggers(fresh_db.owner, enabled=False)
    with Session(fresh_db.owner) as session, session.begin():
        last = session.scalars(select(JournalRow).order_by(JournalRow.seq.desc())).first()
        assert last is not None
        session.delete(last)
        head = session.get(JournalHeadRow, 1)
        assert head is not None
        head.last_seq, head.last_hash = last.seq - 1, last.prev_hash
    set_triggers(fresh_db.owner, enabled=True)
    assert verify_chain(fresh_db.owner).ok
    report = verify_against_anchors(fresh_db.owner, [anchor], key.public_key)
    assert not report.ok and "entries were removed" in report.problem
