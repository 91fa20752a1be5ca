"""Journal anchors: the head of the hash chain, signed by the service, and checking against them.

The hash chain alone shows that entries fit together, not that they are the original ones:
someone who can write the database (its owner, with the append-only triggers disabled) can
change an entry and re-hash every entry after it, and ``verify_chain`` still passes. An
anchor is the head (``seq``, ``hash``) at a moment, signed with the service's Ed25519 key,
which is not in the database; copies kept elsewhere (by workstations, by auditors) pin the
history: ``verify_against_anchors`` finds an entry whose hash is no longer the anchored one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counter_app.centre.journal import verify_chain
from counter_app.storage.central_models import GENESIS_HASH, JournalHeadRow, JournalRow
from counter_app.storage.service_models import AnchorRow
from counter_app.wire import anchor_message, b64u_encode, signature_valid
from counter_central.anchor_key import AnchorKey
from counter_central.clock import ServiceClock


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    signed_at: str
    key_id: str
    signature: str


@dataclass(frozen=True)
class AnchorReport:
    ok: bool
    entries_checked: int
    anchors_checked: int
    first_bad_seq: int | None = None
    problem: str = ""


def _anchor(row: AnchorRow) -> Anchor:
    return Anchor(row.seq, row.hash, row.signed_at, row.key_id, row.signature)


def sign_head(engine: Engine, key: AnchorKey, clock: ServiceClock) -> Anchor:
    """Anchor the current journal head (the existing anchor if the head has not moved)."""
    with Session(engine) as session:
        head = session.get(JournalHeadRow, 1)
        if head is None:
            raise LookupError("the journal head row is missing")
        seq, head_hash = head.last_seq, head.last_hash
        existing = session.get(AnchorRow, seq)
        if existing is not None:
            return _anchor(existing)
    signed_at = clock.now().isoformat()
    signature = b64u_encode(key.private_key.sign(anchor_message(seq, head_hash, signed_at)))
    anchor = Anchor(seq, head_hash, signed_at, key.key_id, signature)
    try:
        with Session(engine) as session, session.begin():
            session.add(
                AnchorRow(
                    seq=seq,
                    hash=head_hash,
                    signed_at=signed_at,
                    key_id=key.key_id,
                    signature=signature,
                )
            )
    except IntegrityError:  # another process anchored the same head a moment earlier
        with Session(engine) as session:
            row = session.get(AnchorRow, seq)
            assert row is not None
            return _anchor(row)
    return anchor


def latest_anchor(engine: Engine) -> Anchor | None:
    with Session(engine) as session:
        row = session.scalar(select(AnchorRow).order_by(AnchorRow.seq.desc()).limit(1))
        return _anchor(row) if row is not None else None


def stored_anchors(engine: Engine) -> list[Anchor]:
    with Session(engine) as session:
        return [_anchor(r) for r in session.scalars(select(AnchorRow).order_by(AnchorRow.seq))]


def anchor_valid(anchor: Anchor, public_key: Ed25519PublicKey) -> bool:
    message = anchor_message(anchor.seq, anchor.hash, anchor.signed_at)
    return signature_valid(public_key, anchor.signature, message)


def _entry_hash_at(engine: Engine, seq: int) -> str | None:
    if seq == 0:
        return GENESIS_HASH
    with Session(engine) as session:
        return session.scalar(select(JournalRow.hash).where(JournalRow.seq == seq))


def verify_against_anchors(
    engine: Engine, anchors: Iterable[Anchor], public_key: Ed25519PublicKey
) -> AnchorReport:
    """Check the chain, then that every anchored head is still in it with the anchored hash."""
    chain = verify_chain(engine)
    if not chain.ok:
        return AnchorReport(False, chain.checked, 0, chain.first_bad_seq, chain.problem)
    good_up_to = 0
    checked = 0
    for anchor in sorted(anchors, key=lambda a: a.seq):
        if not anchor_valid(anchor, public_key):
            return AnchorReport(
                False,
                chain.checked,
                checked,
                anchor.seq,
                f"the anchor of entry {anchor.seq} (signed at {anchor.signed_at}) does not "
                "verify with the service's anchor key: it is forged or damaged",
            )
        if anchor.seq > chain.checked:
            return AnchorReport(
                False,
                chain.checked,
                checked,
                chain.checked + 1,
                f"the journal ends at entry {chain.checked} but the anchor signed at "
                f"{anchor.signed_at} covers entry {anchor.seq}: entries were removed",
            )
        if _entry_hash_at(engine, anchor.seq) != anchor.hash:
            return AnchorReport(
                False,
                chain.checked,
                checked,
                good_up_to + 1,
                f"entry {anchor.seq} no longer has the hash anchored at {anchor.signed_at}: "
                f"an entry from {good_up_to + 1} to {anchor.seq} was rewritten and the chain "
                "re-hashed after it",
            )
        good_up_to = anchor.seq
        checked += 1
    return AnchorReport(True, chain.checked, checked)
