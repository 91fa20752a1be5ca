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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from counter_app.domain.commands import Command, Verdict
from counter_app.domain.errors import CentralRefused, CentralUnavailable, DomainError
from counter_app.storage.local_models import OutboxRow
from counter_app.storage.rowcodec import apply_effect, identity, row_values, shared_model
from counter_app.sync.port import NoSession, SyncPort

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
# The centre's verdict for a payload it could not read (it records nothing).
MALFORMED_PAYLOAD = "malformed_payload"
# Refusals about the session, not the command: the actor's commands wait for a new login.
SESSION_REFUSALS = frozenset({"session_invalid", "session_expired", "user_inactive"})
# Refusals about the request or the workstation (401/403), not the command: stop, retry later.
ACCESS_STATUSES = frozenset({401, 403})


def _not_the_commands_fault(exc: BaseException, actor: str) -> BaseException | None:
    """``NoSession`` or ``CentralUnavailable`` for a refusal of the session or of this
    workstation (a revoked key, a replayed nonce): quarantining the command would be wrong."""
    if not isinstance(exc, CentralRefused) or exc.status not in ACCESS_STATUSES:
        return None
    if exc.code in SESSION_REFUSALS:
        return NoSession(actor)
    return CentralUnavailable(f"the central service refused this workstation: {exc}")


@dataclass(frozen=True)
class PushResult:
    sent: int = 0
    applied: int = 0
    rejected: int = 0
    error: str | None = None
    quarantined: int = 0
    held: int = 0
    # Users whose commands wait because the centre holds no session for them (it expired,
    # or the login was offline and the password is not known here): they must log in again.
    no_session: tuple[str, ...] = ()


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
        command = Command(
            kind=row.kind,
            payload=json.loads(row.payload),
            actor=row.actor,
            workstation=row.workstation,
            hall_code=row.hall_code,
            client_time=dt.datetime.fromisoformat(row.client_time),
            uuid=row.uuid,
            auth_ref=row.auth_ref,
        )
        if not isinstance(command.payload, dict):
            raise TypeError("the payload is not a JSON object")
    except (ValueError, TypeError) as exc:
        raise _Quarantine(UNREADABLE, exc) from exc
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


def _decodable(
    local: Engine, uuids: Sequence[str], blockers: list[tuple[int, str, _Footprint]]
) -> tuple[list[Command], int, int]:
    """The commands of ``uuids`` that may be sent now, in order; quarantines the unreadable and
    marks the ones held behind a quarantined command. Returns (commands, quarantined, held)."""
    ready: list[Command] = []
    quarantined = held = 0
    for command_uuid in uuids:
        with Session(local) as session, session.begin():
            row = session.get(OutboxRow, command_uuid)
            if row is None or row.status != PENDING:
                continue  # resolved meanwhile (by a pull that saw it in the journal)
            position, footprint = row.position, _footprint(row.local_effects)
            blocking: str | None = None
            decoded: _Quarantine | None = None
            try:
                command = _decode(row)
            except _Quarantine as problem:
                decoded = problem
            else:
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
        elif blocking is not None:
            blockers.append((position, command_uuid, footprint))
            held += 1
        else:
            ready.append(command)
    return ready, quarantined, held


def _note_attempt(local: Engine, uuids: Iterable[str], message: str | None) -> None:
    with Session(local) as session, session.begin():
        for command_uuid in uuids:
            row = session.get(OutboxRow, command_uuid)
            if row is not None and row.status == PENDING:
                row.attempts += 1
                row.last_error = message


# One request's commands together stay well below the centre's body limit (1 MiB by default,
# ``[server] max_body_bytes``), so that a declaration sent in parts of up to 64 KiB each is
# pushed in several requests rather than refused as a whole. (A request the centre refuses as
# too large is still sent again one command at a time.)
MAX_RUN_BYTES = 192 * 1024


def _runs(
    commands: Sequence[Command], size: int, max_bytes: int = MAX_RUN_BYTES
) -> Iterator[list[Command]]:
    """Consecutive commands of one actor, at most ``size`` and about ``max_bytes`` of payload
    at a time (one request each; a single larger command still goes, alone)."""
    run: list[Command] = []
    run_bytes = 0
    for command in commands:
        weight = len(command.payload_json().encode("utf-8"))
        if run and (
            command.actor != run[0].actor or len(run) == size or run_bytes + weight > max_bytes
        ):
            yield run
            run, run_bytes = [], 0
        run.append(command)
        run_bytes += weight
    if run:
        yield run


def push(local: Engine, centre: SyncPort, *, limit: int = 500, batch: int = 100) -> PushResult:
    """Send pending commands in outbox order, in batches of one actor; record every verdict.

    The centre unreachable: the batch stays pending with its attempt count and error, and the
    push stops. No central session for an actor (logged in offline): that actor's commands
    wait, the others go on. A command the centre refuses to read (4xx) is quarantined.
    """
    sent = applied = rejected = 0
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
    ready, quarantined, held = _decodable(local, uuids, blockers)
    waiting_actors: set[str] = set()
    for run in _runs(ready, batch):
        actor = run[0].actor
        if actor in waiting_actors:
            held += len(run)
            continue
        try:
            try:
                verdicts = centre.submit(run)
            except (CentralRefused, DomainError) as refused:
                raise _not_the_commands_fault(refused, actor) or refused from None
        except NoSession as exc:
            waiting_actors.add(actor)
            _note_attempt(local, [c.uuid for c in run], str(exc))
            held += len(run)
            continue
        except CentralUnavailable as exc:
            _note_attempt(local, [c.uuid for c in run], str(exc))
            return PushResult(
                sent,
                applied,
                rejected,
                str(exc),
                quarantined=quarantined,
                held=held,
                no_session=tuple(sorted(waiting_actors)),
            )
        except (CentralRefused, DomainError) as exc:
            if len(run) > 1:
                # the request as a whole was refused: send each alone to find the one at fault
                for single in run:
                    result = push_one(local, centre, single)
                    sent += result.sent
                    applied += result.applied
                    rejected += result.rejected
                    quarantined += result.quarantined
                    if result.error:
                        return PushResult(
                            sent,
                            applied,
                            rejected,
                            result.error,
                            quarantined=quarantined,
                            held=held,
                        )
                continue
            _quarantine(local, run[0].uuid, _Quarantine(_refusal_code(exc), exc))
            quarantined += 1
            continue
        for command, verdict in zip(run, verdicts, strict=True):
            outcome = _record(local, command.uuid, verdict)
            sent += 1
            if outcome == "applied":
                applied += 1
            elif outcome == "rejected":
                rejected += 1
            elif outcome == "quarantined":
                quarantined += 1
    return PushResult(
        sent,
        applied,
        rejected,
        quarantined=quarantined,
        held=held,
        no_session=tuple(sorted(waiting_actors)),
    )


def push_one(local: Engine, centre: SyncPort, command: Command) -> PushResult:
    try:
        try:
            (verdict,) = centre.submit([command])
        except (CentralRefused, DomainError) as refused:
            raise _not_the_commands_fault(refused, command.actor) or refused from None
    except CentralUnavailable as exc:
        _note_attempt(local, [command.uuid], str(exc))
        return PushResult(error=str(exc))
    except NoSession as exc:
        _note_attempt(local, [command.uuid], str(exc))
        return PushResult(held=1)
    except (CentralRefused, DomainError) as exc:
        _quarantine(local, command.uuid, _Quarantine(_refusal_code(exc), exc))
        return PushResult(quarantined=1)
    outcome = _record(local, command.uuid, verdict)
    return PushResult(
        sent=1,
        applied=int(outcome == "applied"),
        rejected=int(outcome == "rejected"),
        quarantined=int(outcome == "quarantined"),
    )


def _refusal_code(exc: BaseException) -> str:
    code = getattr(exc, "code", "")
    if code == "unknown_kind":
        return UNKNOWN_KIND
    if code == "invalid_request":
        return UNREADABLE
    return DATA_REFUSED


def _record(local: Engine, command_uuid: str, verdict: Verdict) -> str:
    """Write ``verdict`` to the outbox row: "applied", "rejected", "quarantined" or "gone"."""
    if not verdict.applied and verdict.reason_code == MALFORMED_PAYLOAD:
        # The centre could not read the payload and recorded nothing: repair and retry.
        problem = _Quarantine(DATA_REFUSED, ValueError(verdict.reason or "malformed payload"))
        _quarantine(local, command_uuid, problem)
        return "quarantined"
    with Session(local) as session, session.begin():
        row = session.get(OutboxRow, command_uuid)
        if row is None:
            return "gone"
        row.attempts += 1
        row.last_error = None
        if row.status == PENDING:
            record_verdict(session, row, verdict)
    return "applied" if verdict.applied else "rejected"
