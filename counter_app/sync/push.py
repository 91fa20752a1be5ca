"""Push: send pending outbox commands to the centre in order and record each verdict.

A command leaves the outbox only with a verdict. If the centre cannot be reached the command
stays pending with its attempt count and error, and the push stops: the centre is as
unreachable for the next command as for this one. A rejection undoes the command's optimistic
local effects — but only rows that still hold exactly what the command wrote, so a newer
central version pulled meanwhile is kept.

A row that fails for a reason of its own is *quarantined* instead of blocking every row behind
it for good: a payload or field that cannot be decoded (``unreadable``), a kind no handler is
registered for (``unknown_kind``), a handler failing with an error that is not a business
rule (``handler_failed``) or the central database refusing the row's data
(``data_refused``). Nothing of it reaches the journal — the central transaction is rolled
back — and its optimistic local rows stay, because the command is meant to be repaired and
retried (:func:`release_quarantined` puts it back to pending), not dropped.

Commands are independent per row: each is re-validated centrally on its own. The one ordering
dependency is on data: a later command that touches a row the quarantined command wrote, or
names such a row by its key (a case of the person being enrolled), would be checked against
central state that lacks the quarantined command and be rejected. Such a row is *held*: it
stays pending, marked ``waits_for_quarantined``, and is sent once the quarantined command has
been retried. Every other row is sent as usual.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from counter_app.services.command_bus import command_from_outbox
from counter_app.services.commands import Command, Verdict
from counter_app.services.handlers import handler_for
from counter_app.storage.local_models import OutboxRow
from counter_app.storage.rowcodec import apply_effect, identity, row_values, shared_model
from counter_app.sync.central import apply_centrally

log = logging.getLogger(__name__)

PENDING = "pending"
QUARANTINED = "quarantined"

# Quarantine reason codes (``OutboxRow.quarantine_code``); the Sync tab words them.
UNREADABLE = "unreadable"
UNKNOWN_KIND = "unknown_kind"
HANDLER_FAILED = "handler_failed"
DATA_REFUSED = "data_refused"
# On a *pending* row: held back because an earlier quarantined command wrote what it uses.
WAITS_FOR_QUARANTINED = "waits_for_quarantined"


@dataclass(frozen=True)
class PushResult:
    sent: int = 0
    applied: int = 0
    rejected: int = 0
    error: str | None = None
    quarantined: int = 0
    held: int = 0


class _Quarantine(Exception):
    def __init__(self, code: str, cause: BaseException) -> None:
        super().__init__(code)
        self.code = code
        self.cause = cause


# Runs of digits long enough to be an ID, insured, phone or card number (an ID may end in X).
_NUMBERS = re.compile(r"\d{6,}[0-9Xx]?")


def _detail(exc: BaseException) -> str:
    """The error's type and first line, with anything number-like blanked out."""
    source: object = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    text = str(source).strip().splitlines()[0] if str(source).strip() else ""
    text = _NUMBERS.sub("***", text)[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _is_transport(exc: BaseException) -> bool:
    """Whether ``exc`` is about reaching (or the state of) the centre, not the command's data.

    Only the database refusing the row's values (a data or integrity error on a live
    connection) is the row's own fault; connection, timeout, schema and pool errors leave it
    pending, as an unreachable centre does.
    """
    if isinstance(exc, DBAPIError):
        refused = isinstance(exc, (DataError, IntegrityError))
        return bool(exc.connection_invalidated) or not refused
    return isinstance(exc, (SQLAlchemyError, OSError))


def _undo_optimistic(session: Session, local_effects: dict[str, Any]) -> None:
    after_by_key = {
        (e["table"], json.dumps(e["key"], sort_keys=True)): e["values"]
        for e in local_effects.get("after", [])
    }
    for undo in reversed(local_effects.get("undo", [])):
        model = shared_model(undo["table"])
        current = session.get(model, identity(model, undo["key"]))
        written = after_by_key.get((undo["table"], json.dumps(undo["key"], sort_keys=True)))
        if current is None or row_values(current) != written:
            continue  # the row changed since (a pulled central version): leave it
        apply_effect(session, undo)


def record_verdict(session: Session, row: OutboxRow, verdict: Verdict) -> None:
    row.resolved_at = dt.datetime.now()
    row.quarantine_code = row.quarantine_detail = None
    if verdict.applied:
        row.status = "applied"
        row.seq = verdict.seq
    else:
        row.status = "rejected"
        row.reason_code = verdict.reason_code
        row.reason = verdict.reason
        try:
            effects = json.loads(row.local_effects)
        except ValueError:
            log.error("outbox %s: rejected, but its local effects are unreadable", row.uuid)
            return
        _undo_optimistic(session, effects)


@dataclass
class _Footprint:
    """What a command wrote locally: rows by (table, key), and single-column key values."""

    rows: set[tuple[str, str]] = field(default_factory=set)
    names: set[str] = field(default_factory=set)


def _footprint(local_effects: str) -> _Footprint:
    found = _Footprint()
    try:
        effects = json.loads(local_effects)
        entries = [*effects.get("undo", []), *effects.get("after", [])]
        for entry in entries:
            key = entry["key"]
            found.rows.add((str(entry["table"]), json.dumps(key, sort_keys=True)))
            values = list(key.values()) if isinstance(key, dict) else [key]
            if len(values) == 1 and isinstance(values[0], str):
                found.names.add(values[0])
    except (ValueError, TypeError, KeyError, AttributeError):
        pass  # unknown footprint: nothing can be shown to depend on it
    return found


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _blocker(row: OutboxRow, blockers: list[tuple[int, str, _Footprint]]) -> str | None:
    """The UUID of an earlier quarantined (or held) command ``row`` depends on, if any."""
    mine = _footprint(row.local_effects)
    try:
        mentioned = set(_strings(json.loads(row.payload)))
    except ValueError:
        mentioned = set()
    for position, uuid, theirs in blockers:
        if position < row.position and (mine.rows & theirs.rows or mentioned & theirs.names):
            return uuid
    return None


def _decode(row: OutboxRow) -> Command:
    try:
        command = command_from_outbox(row)
        if not isinstance(command.payload, dict):
            raise TypeError("the payload is not a JSON object")
    except (ValueError, TypeError) as exc:
        raise _Quarantine(UNREADABLE, exc) from exc
    try:
        handler_for(command.kind)
    except LookupError as exc:
        raise _Quarantine(UNKNOWN_KIND, exc) from exc
    return command


def _quarantine(local: Engine, command_uuid: str, problem: _Quarantine) -> None:
    detail = _detail(problem.cause)
    with Session(local) as session, session.begin():
        row = session.get(OutboxRow, command_uuid)
        if row is None or row.status != PENDING:
            return
        row.status = QUARANTINED
        row.quarantine_code = problem.code
        row.quarantine_detail = detail
        row.quarantined_at = dt.datetime.now()
        # Logged by UUID and kind only: never the payload, which holds personal data.
        log.error(
            "outbox %s (%s, position %d) quarantined: %s — %s",
            row.uuid,
            row.kind,
            row.position,
            problem.code,
            detail,
        )


def release_quarantined(local: Engine, command_uuid: str) -> bool:
    """Put a quarantined command back to pending (after its row was repaired).

    Returns whether there was a quarantined command to release. The next push sends it; a
    command the centre had in fact applied already gets its first verdict again.
    """
    with Session(local) as session, session.begin():
        row = session.get(OutboxRow, command_uuid)
        if row is None or row.status != QUARANTINED:
            return False
        row.status = PENDING
        row.quarantine_code = row.quarantine_detail = None
        row.quarantined_at = None
        log.info("outbox %s (%s) released from quarantine for retry", row.uuid, row.kind)
        return True


def push(local: Engine, central: Engine, *, limit: int = 500) -> PushResult:
    sent = applied = rejected = quarantined = held = 0
    with Session(local) as session:
        uuids = session.scalars(
            select(OutboxRow.uuid)
            .where(OutboxRow.status == PENDING)
            .order_by(OutboxRow.position)
            .limit(limit)
        ).all()
        blockers = [
            (row.position, row.uuid, _footprint(row.local_effects))
            for row in session.scalars(select(OutboxRow).where(OutboxRow.status == QUARANTINED))
        ]
    for command_uuid in uuids:
        with Session(local) as session, session.begin():
            row = session.get(OutboxRow, command_uuid)
            if row is None or row.status != PENDING:
                continue  # resolved meanwhile (by a pull that saw it in the journal)
            position, footprint = row.position, _footprint(row.local_effects)
            blocking: str | None = None
            try:
                command = _decode(row)
            except _Quarantine as problem:
                decoded: _Quarantine | None = problem
            else:
                decoded = None
                blocking = _blocker(row, blockers)
                if blocking is not None:
                    row.quarantine_code = WAITS_FOR_QUARANTINED
                    row.quarantine_detail = blocking
                elif row.quarantine_code == WAITS_FOR_QUARANTINED:
                    row.quarantine_code = row.quarantine_detail = None
        if decoded is not None:
            _quarantine(local, command_uuid, decoded)
            blockers.append((position, command_uuid, footprint))
            quarantined += 1
            continue
        if blocking is not None:
            blockers.append((position, command_uuid, footprint))
            held += 1
            continue
        try:
            verdict = apply_centrally(central, command)
        except Exception as exc:
            if _is_transport(exc):
                message = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
                with Session(local) as session, session.begin():
                    failed = session.get(OutboxRow, command_uuid)
                    if failed is not None:
                        failed.attempts += 1
                        failed.last_error = message
                return PushResult(
                    sent, applied, rejected, message, quarantined=quarantined, held=held
                )
            code = DATA_REFUSED if isinstance(exc, DBAPIError) else HANDLER_FAILED
            with Session(local) as session, session.begin():
                failed = session.get(OutboxRow, command_uuid)
                if failed is not None:
                    failed.attempts += 1
            _quarantine(local, command_uuid, _Quarantine(code, exc))
            blockers.append((position, command_uuid, footprint))
            quarantined += 1
            continue
        sent += 1
        with Session(local) as session, session.begin():
            row = session.get(OutboxRow, command_uuid)
            assert row is not None
            row.attempts += 1
            if row.status == PENDING:
                record_verdict(session, row, verdict)
        if verdict.applied:
            applied += 1
        else:
            rejected += 1
    return PushResult(sent, applied, rejected, quarantined=quarantined, held=held)
