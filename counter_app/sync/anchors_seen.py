"""The workstation as a witness of the central journal: signed heads kept, the journal audited.

The central database can lose entries (restored from an old backup) or be rewritten by
someone holding its owner's password; the hash chain alone cannot show either, because
the chain can be cut or re-hashed. Each workstation therefore keeps evidence outside it:

* the journal heads it saw **signed** with the service's anchor key (whose public half it
  received at enrolment: :func:`remember_anchor_key`), in the ``signed_heads`` table;
* its own outbox, which says which of its commands the centre applied, under which seq.

:func:`audit` compares them with what the centre says now and raises an **alarm** when

* the centre's head is *behind* this workstation's cursor (it has forgotten entries the
  workstation already received),
* a command held as applied is not in the journal any more, or
* the entry at a seq seen signed no longer has the signed hash.

A missing command is *offered again*: it goes back to pending, and the centre's idempotent
apply journals it anew (a command it does hold answers with its first verdict). An alarm
stays in ``sync_state`` until someone acknowledges it (:func:`acknowledge_alarms`); the
user interface shows it until then.

No network call is made with a write transaction of the cache open: the cache is read,
the centre asked, and the findings written in short transactions of their own.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counter_app.domain.errors import CentralUnavailable
from counter_app.storage.local_models import OutboxRow, SignedHeadRow, SyncStateRow
from counter_app.sync.pull import CURSOR_KEY
from counter_app.wire import anchor_message, key_id, load_public_key, signature_valid

log = logging.getLogger(__name__)

ANCHOR_KEY = "anchor_public_key"
ANCHOR_KEY_ID = "anchor_key_id"
ALARMS_KEY = "sync_alarms"

SEEN = "seen"
LOST = "lost"
REWRITTEN = "rewritten"

# Alarm codes (``Alarm.code``); the user interface words them.
JOURNAL_BEHIND = "journal_behind"
COMMANDS_MISSING = "commands_missing"
JOURNAL_REWRITTEN = "journal_rewritten"
ANCHOR_INVALID = "anchor_invalid"

MAX_ALARMS = 20
CHECK_PAGE = 100  # commands asked about per request (the service's limit)
HEADS_CHECKED = 5  # newest signed heads compared with the journal each audit


# -- the anchor key and its signatures: counter_app.wire, the format the service signs with


def remember_anchor_key(local: Engine, public_key: str, key_id_text: str) -> None:
    """Keep the service's anchor public key (from the enrolment answer) in the cache.

    ``ValueError`` when the key is not an Ed25519 public key or does not match its id.
    """
    key = load_public_key(public_key)
    if key_id(key) != key_id_text:
        raise ValueError("the anchor key does not match its key id")
    with Session(local) as session, session.begin():
        for name, value in ((ANCHOR_KEY, public_key), (ANCHOR_KEY_ID, key_id_text)):
            row = session.get(SyncStateRow, name)
            if row is None:
                session.add(SyncStateRow(key=name, value=value))
            else:
                row.value = value


def anchor_key(local: Engine) -> tuple[Ed25519PublicKey, str] | None:
    """The remembered anchor key and its id, or ``None`` (not enrolled through the service)."""
    with Session(local) as session:
        text = session.get(SyncStateRow, ANCHOR_KEY)
        ident = session.get(SyncStateRow, ANCHOR_KEY_ID)
        if text is None or ident is None:
            return None
        try:
            return load_public_key(text.value), ident.value
        except ValueError:
            log.error("the anchor key kept in the cache is damaged")
            return None


# -- what the centre is asked ----------------------------------------------------------------
@dataclass(frozen=True)
class SignedHead:
    seq: int
    hash: str
    signed_at: str
    key_id: str
    signature: str


@dataclass(frozen=True)
class JournalCheck:
    head_seq: int
    commands: dict[str, int]  # uuid → seq of the asked commands the journal holds
    hashes: dict[int, str]  # seq → entry hash of the asked seqs


class AuditPort(Protocol):
    def sign_head(self) -> SignedHead:
        """The centre's current journal head, signed with its anchor key."""
        ...

    def journal_check(self, uuids: Sequence[str], seqs: Sequence[int]) -> JournalCheck:
        """Which of ``uuids`` the journal holds (with their seq); the hashes at ``seqs``."""
        ...


class Requester(Protocol):
    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        timeout: float | None = None,
    ) -> Any: ...


class HttpAudit:
    """:class:`AuditPort` over the service's HTTP API (``POST /v1/anchors``,
    ``GET /v1/journal/check``), through the workstation's signed client."""

    def __init__(self, centre: Requester) -> None:
        self.centre = centre

    def sign_head(self) -> SignedHead:
        answer = self.centre.request("POST", "/v1/anchors")
        try:
            return SignedHead(
                seq=int(answer["seq"]),
                hash=str(answer["hash"]),
                signed_at=str(answer["signed_at"]),
                key_id=str(answer["key_id"]),
                signature=str(answer["signature"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise CentralUnavailable(
                f"the central service sent a malformed anchor ({exc})"
            ) from None

    def journal_check(self, uuids: Sequence[str], seqs: Sequence[int]) -> JournalCheck:
        params = {"uuids": ",".join(uuids), "seqs": ",".join(str(s) for s in seqs)}
        answer = self.centre.request("GET", "/v1/journal/check", params=params)
        try:
            return JournalCheck(
                head_seq=int(answer["head_seq"]),
                commands={str(u): int(s) for u, s in answer["commands"].items()},
                hashes={int(s): str(h) for s, h in answer["hashes"].items()},
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise CentralUnavailable(
                f"the central service sent a malformed journal check ({exc})"
            ) from None


# -- alarms ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Alarm:
    code: str
    text: str  # in English, for the log; the user interface words it by ``code``
    raised_at: str
    seq: int = 0  # the head, or the first seq concerned
    count: int = 0  # commands offered again, or signed heads that no longer match


def _read_alarms(session: Session) -> list[Alarm]:
    row = session.get(SyncStateRow, ALARMS_KEY)
    if row is None:
        return []
    try:
        return [Alarm(**item) for item in json.loads(row.value)]
    except (ValueError, TypeError):
        return [Alarm(ANCHOR_INVALID, "the stored sync alarm is unreadable", "", 0, 0)]


def raise_alarm(session: Session, code: str, text: str, *, seq: int = 0, count: int = 0) -> Alarm:
    alarm = Alarm(code, text, dt.datetime.now().isoformat(timespec="seconds"), seq, count)
    alarms = [*_read_alarms(session), alarm][-MAX_ALARMS:]
    value = json.dumps([a.__dict__ for a in alarms], ensure_ascii=False)
    row = session.get(SyncStateRow, ALARMS_KEY)
    if row is None:
        session.add(SyncStateRow(key=ALARMS_KEY, value=value))
    else:
        row.value = value
    log.error("SYNC ALARM %s: %s", code, text)
    return alarm


def open_alarms(local: Engine) -> list[Alarm]:
    """The alarms nobody has acknowledged yet, oldest first."""
    with Session(local) as session:
        return _read_alarms(session)


def acknowledge_alarms(local: Engine) -> int:
    """Someone has seen the alarms (and informed whoever must act); returns how many."""
    with Session(local) as session, session.begin():
        alarms = _read_alarms(session)
        row = session.get(SyncStateRow, ALARMS_KEY)
        if row is not None:
            session.delete(row)
    for alarm in alarms:
        log.warning("sync alarm acknowledged: %s (raised %s)", alarm.code, alarm.raised_at)
    return len(alarms)


# -- keeping signed heads --------------------------------------------------------------------
def keep_signed_head(
    local: Engine, head: SignedHead, key: tuple[Ed25519PublicKey, str]
) -> Alarm | None:
    """Verify ``head`` with the anchor key and keep it; an alarm if it does not verify or
    contradicts a head kept earlier for the same seq."""
    public_key, expected_id = key
    message = anchor_message(head.seq, head.hash, head.signed_at)
    with Session(local) as session, session.begin():
        if head.key_id != expected_id or not signature_valid(public_key, head.signature, message):
            return raise_alarm(
                session,
                ANCHOR_INVALID,
                f"the journal head {head.seq} the centre sent is not signed with the anchor key "
                "this workstation received at enrolment",
                seq=head.seq,
            )
        kept = session.get(SignedHeadRow, head.seq)
        if kept is None:
            session.add(
                SignedHeadRow(
                    seq=head.seq,
                    hash=head.hash,
                    signed_at=head.signed_at,
                    key_id=head.key_id,
                    signature=head.signature,
                    seen_at=dt.datetime.now(),
                    status=SEEN,
                )
            )
            return None
        if kept.hash != head.hash and kept.status == SEEN:
            kept.status = REWRITTEN
            return raise_alarm(
                session,
                JOURNAL_REWRITTEN,
                f"the centre signed entry {head.seq} with a hash other than the one it signed "
                f"at {kept.signed_at}: the journal was rewritten",
                seq=head.seq,
                count=1,
            )
    return None


# -- the audit -------------------------------------------------------------------------------
@dataclass(frozen=True)
class AuditResult:
    alarms: tuple[Alarm, ...] = ()
    offered_again: int = 0
    cursor_reset_to: int | None = None


def _applied_newest_first(
    local: Engine, before_position: int | None, size: int
) -> list[tuple[str, int, int]]:
    with Session(local) as session:
        query = select(OutboxRow.uuid, OutboxRow.seq, OutboxRow.position).where(
            OutboxRow.status == "applied", OutboxRow.seq.is_not(None)
        )
        if before_position is not None:
            query = query.where(OutboxRow.position < before_position)
        rows = session.execute(query.order_by(OutboxRow.position.desc()).limit(size)).all()
    return [(str(u), int(s or 0), int(p)) for u, s, p in rows]


def _offer_again(local: Engine, uuids: Sequence[str], note: str) -> int:
    offered = 0
    with Session(local) as session, session.begin():
        for command_uuid in uuids:
            row = session.get(OutboxRow, command_uuid)
            if row is None or row.status != "applied":
                continue
            row.status = "pending"
            row.seq = None
            row.resolved_at = None
            row.last_error = note
            offered += 1
    return offered


def audit(local: Engine, port: AuditPort, head_seq: int, *, sample: int = 20) -> AuditResult:
    """Compare the centre (whose head is ``head_seq``, as the last pull said) with what this
    workstation knows; raise alarms, offer missing commands again, fix the cursor.

    The newest ``sample`` applied commands are asked about; while any of a page is missing,
    the page before it is asked too, so a restore that lost many commands has them all
    offered again. Raises ``CentralUnavailable`` (nothing changed) when the centre does not
    answer.
    """
    alarms: list[Alarm] = []
    cursor_reset: int | None = None
    with Session(local) as session:
        state = session.get(SyncStateRow, CURSOR_KEY)
        cursor = int(state.value) if state else 0
        heads = list(
            session.scalars(
                select(SignedHeadRow)
                .where(SignedHeadRow.status == SEEN)
                .order_by(SignedHeadRow.seq.desc())
                .limit(HEADS_CHECKED)
            )
        )
        session.expunge_all()

    # 1. Asked first, before anything is written: the commands and the signed heads.
    page = _applied_newest_first(local, None, sample)
    asked = {h.seq for h in heads if h.seq <= head_seq}
    check = port.journal_check([u for u, _, _ in page], sorted(asked))
    head_seq = check.head_seq
    missing = [u for u, _, _ in page if u not in check.commands]
    gone = missing
    while page and gone:
        # Some of this page are missing: look further back until a page is complete.
        page = _applied_newest_first(local, page[-1][2], CHECK_PAGE)
        if not page:
            break
        older = port.journal_check([u for u, _, _ in page], [])
        gone = [u for u, _, _ in page if u not in older.commands]
        missing.extend(gone)

    # 2. The findings, written in one short transaction.
    with Session(local) as session, session.begin():
        if head_seq < cursor:
            alarms.append(
                raise_alarm(
                    session,
                    JOURNAL_BEHIND,
                    f"the central journal ends at entry {head_seq}, but this workstation has "
                    f"already received entries up to {cursor}: the central database lost "
                    "entries (restored from an old backup?)",
                    seq=head_seq,
                    count=cursor - head_seq,
                )
            )
            state = session.get(SyncStateRow, CURSOR_KEY)
            if state is not None:
                state.value = str(head_seq)  # what comes after the head now must be pulled
            cursor_reset = head_seq
            for lost in session.scalars(
                select(SignedHeadRow).where(
                    SignedHeadRow.status == SEEN, SignedHeadRow.seq > head_seq
                )
            ):
                lost.status = LOST
        rewritten = 0
        first_bad = 0
        for head in heads:
            kept = session.get(SignedHeadRow, head.seq)
            if kept is None or kept.status != SEEN or head.seq not in asked:
                continue
            if check.hashes.get(head.seq) != head.hash:
                kept.status = REWRITTEN
                rewritten += 1
                first_bad = head.seq if not first_bad else min(first_bad, head.seq)
        if rewritten:
            alarms.append(
                raise_alarm(
                    session,
                    JOURNAL_REWRITTEN,
                    f"{rewritten} journal head(s) this workstation saw signed no longer match the "
                    f"journal (first at entry {first_bad}): entries were removed or rewritten",
                    seq=first_bad,
                    count=rewritten,
                )
            )
    offered = 0
    if missing:
        offered = _offer_again(
            local,
            missing,
            "offered again: the central journal no longer holds this command",
        )
        if offered:
            with Session(local) as session, session.begin():
                alarms.append(
                    raise_alarm(
                        session,
                        COMMANDS_MISSING,
                        f"{offered} command(s) the centre had applied are no longer in its "
                        "journal; they are offered again",
                        seq=head_seq,
                        count=offered,
                    )
                )
    return AuditResult(tuple(alarms), offered, cursor_reset)
