"""Applying commands on the centre: idempotent, re-validated, journaled, or rejected.

A batch of commands (a workstation's push; the admin CLI and the certificate service send a
batch of one) is applied in one transaction. It takes the lock on the one-row
``journal_head`` first (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite transactions here start
with ``BEGIN IMMEDIATE``) and keeps it to the commit. Under that lock the UUIDs of the whole
batch are looked up at once (journal and rejections) — a command already applied or rejected
gets its first verdict again, one whose UUID was used for another command can be refused as
``uuid_conflict`` — then each new command runs against central state inside a savepoint of
its own: the actor's permission (the user row is read once per batch and kept by the
session), the authorization, the handler. Success chains a journal entry to the one before
(the next ``seq``, the hash over the previous hash); a business rule violation rolls back that
command's savepoint only and records a rejection with its reason. The entries and rejections
are written together at the end, the head moves once, and one commit makes the batch visible.
A payload the handler cannot read may be answered without recording anything (``malformed``
decides, the savepoint is rolled back and the rest of the batch goes on); any other error —
a lost connection, a failing statement outside a command — rolls back the whole batch, which
is then not acknowledged, so a retry applies every command exactly once.

A command carrying an ``auth_ref`` is checked against the ``authorizations`` the service
recorded: an online authorization must be bound to this very command, granted at this
workstation and not used yet (it is marked used in the same transaction); anything else — a
forged reference, a replay, one bound to another command — is rejected as
``authorization_invalid``. A reference ``offline:<supervisor>`` (a supervisor's password
checked only by the workstation's cache) is accepted and recorded as an offline
authorization, listed for the supervisors of the hall to confirm.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, insert, select
from sqlalchemy.orm import Session

from counter_app.domain.commands import Command, Verdict
from counter_app.domain.errors import Conflict, DomainError, PermissionDenied, ValidationErrors
from counter_app.domain.roles import Permission, Role, permissions_of, require
from counter_app.items.apply_context import ApplyContext
from counter_app.items.registry import spec_for
from counter_app.storage.central_models import JournalHeadRow, JournalRow, RejectionRow
from counter_app.storage.journal_hash import entry_hash
from counter_app.storage.rowcodec import canonical_json
from counter_app.storage.service_models import AUTH_PURPOSE_COMMAND, AuthorizationRow
from counter_app.storage.shared_models import UserRow

SYSTEM_ACTOR = "system"
AUTHORIZATION_INVALID = "authorization_invalid"
UUID_CONFLICT = "uuid_conflict"
OFFLINE_PREFIX = "offline:"

# Decides about an exception (not a business rule violation) a command's handler raised: a
# verdict answers the command with nothing recorded and the batch goes on; ``None`` lets the
# exception roll back the whole batch.
Malformed = Callable[[Command, Exception], Verdict | None]
_JOURNAL_COLUMNS = tuple(column.key for column in JournalRow.__table__.columns)


def rejection_reason(exc: DomainError) -> tuple[str, str]:
    code = getattr(exc, "code", type(exc).__name__)
    if isinstance(exc, ValidationErrors):
        code = exc.errors[0].code if len(exc.errors) == 1 else "invalid"
    message = getattr(exc, "message", None) or str(exc)
    return str(code), str(message)


def _check_actor(
    session: Session,
    command: Command,
    permission: object,
    trusted: bool,
    users: dict[str, UserRow],
) -> None:
    """Whether ``command``'s actor may do it. ``users`` keeps the rows read in this batch:
    the session's identity map holds its rows only while something refers to them, and a
    batch checks the same actor again and again. Kept rows stay current: a command of the
    batch that changes a user writes the very object kept here (``put`` finds it in the
    identity map), and a savepoint rolled back expires what it changed."""
    if command.actor == SYSTEM_ACTOR:
        if not trusted:
            raise PermissionDenied(command.actor, "system commands come only from the admin CLI")
        return
    user = session.get(UserRow, command.actor)
    if user is not None:
        users[command.actor] = user
    if user is None or not user.active:
        raise PermissionDenied(command.actor, "an active account")
    require(command.actor, Role(user.role), permission)  # type: ignore[arg-type]


def _invalid_authorization() -> Conflict:
    return Conflict(
        AUTHORIZATION_INVALID,
        "the authorization is not one the centre granted for this command at this workstation",
    )


def _check_authorization(session: Session, command: Command, now_utc: dt.datetime) -> None:
    """Consume the online authorization bound to ``command`` or record an offline one."""
    ref = command.auth_ref
    if not ref:
        return
    if ref.startswith(OFFLINE_PREFIX):
        supervisor = session.get(UserRow, ref[len(OFFLINE_PREFIX) :])
        if (
            supervisor is None
            or supervisor.username == command.actor
            or supervisor.hall_code != command.hall_code
            or Permission.AUTHORIZE not in _permissions(supervisor)
        ):
            raise _invalid_authorization()
        session.add(
            AuthorizationRow(
                id=secrets.token_urlsafe(16),
                supervisor=supervisor.username,
                requested_by=command.actor,
                workstation_id=command.workstation,
                hall_code=command.hall_code,
                purpose=AUTH_PURPOSE_COMMAND,
                bound_to=command.uuid,
                detail=command.kind[:50],
                created_at=now_utc,
                used_at=now_utc,
                offline=True,
                confirmed_by=None,
                confirmed_at=None,
            )
        )
        return
    row = session.get(AuthorizationRow, ref, with_for_update=True)
    if (
        row is None
        or row.offline
        or row.purpose != AUTH_PURPOSE_COMMAND
        or row.bound_to != command.uuid
        or row.workstation_id != command.workstation
        or row.used_at is not None
    ):
        raise _invalid_authorization()
    row.used_at = now_utc
    row.detail = command.kind[:50]


def _permissions(user: UserRow) -> frozenset[Permission]:
    return permissions_of(Role(user.role))


@dataclass(frozen=True)
class _Recorded:
    """What the centre holds under a command UUID: its journal entry or its rejection."""

    verdict: Verdict  # the first verdict, given again (``duplicate`` set)
    workstation: str
    actor: str
    kind: str
    # payload (canonical JSON), client time (ISO) and auth_ref of a journal entry
    entry: tuple[str, str, str | None] | None

    def is_same(self, command: Command) -> bool:
        """Whether ``command`` is the very command recorded (not another under its UUID)."""
        if (self.workstation, self.actor, self.kind) != (
            command.workstation,
            command.actor,
            command.kind,
        ):
            return False
        return self.entry is None or self.entry == (
            canonical_json(command.payload),
            command.client_time.isoformat(),
            command.auth_ref,
        )


def _recorded(session: Session, uuids: Collection[str]) -> dict[str, _Recorded]:
    """The journal entries and rejections already under ``uuids`` (two queries)."""
    found: dict[str, _Recorded] = {}
    for row in session.execute(
        select(
            JournalRow.command_uuid,
            JournalRow.seq,
            JournalRow.workstation,
            JournalRow.actor,
            JournalRow.kind,
            JournalRow.payload,
            JournalRow.client_time,
            JournalRow.auth_ref,
        ).where(JournalRow.command_uuid.in_(uuids))
    ):
        found[row.command_uuid] = _Recorded(
            Verdict(row.command_uuid, True, seq=row.seq, duplicate=True),
            row.workstation,
            row.actor,
            row.kind,
            (row.payload, row.client_time, row.auth_ref),
        )
    rest = [u for u in uuids if u not in found]
    if rest:
        for rejection in session.scalars(
            select(RejectionRow).where(RejectionRow.command_uuid.in_(rest))
        ):
            found[rejection.command_uuid] = _Recorded(
                Verdict(
                    rejection.command_uuid,
                    False,
                    reason_code=rejection.reason_code,
                    reason=rejection.reason,
                    duplicate=True,
                ),
                rejection.workstation,
                rejection.actor,
                rejection.kind,
                None,
            )
    return found


def _local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def reused_uuid(command: Command) -> Verdict:
    """The verdict on a command whose UUID the centre holds for a different command."""
    return Verdict(
        command.uuid,
        False,
        reason_code=UUID_CONFLICT,
        reason="this command id was already used for a different command",
    )


def apply_centrally(engine: Engine, command: Command, *, trusted: bool = False) -> Verdict:
    """Apply ``command`` to the central database and return the verdict (a batch of one).

    Connection and database errors propagate (the caller keeps the command for retry), and
    so does a payload the handler cannot read; business-rule violations become a recorded
    rejection.
    """
    (verdict,) = apply_batch(engine, [command], trusted=trusted)
    return verdict


def apply_batch(
    engine: Engine,
    commands: Sequence[Command],
    *,
    trusted: bool = False,
    clock: Callable[[], dt.datetime] = _local_now,
    malformed: Malformed | None = None,
    refuse_reused: bool = False,
) -> list[Verdict]:
    """Apply ``commands`` in order in one transaction; one verdict per command.

    ``clock`` gives the central time (time-zone aware) each command is applied at.
    ``malformed`` decides about a command whose handler raised something other than a
    business rule violation (without it, or when it answers ``None``, the exception rolls
    back the whole batch and propagates). With ``refuse_reused`` a UUID the centre holds
    for a different command gets ``uuid_conflict`` instead of the first verdict.
    """
    if not commands:
        return []
    verdicts: list[Verdict] = []
    with Session(engine) as session, session.begin():
        head = session.scalars(
            select(JournalHeadRow).where(JournalHeadRow.id == 1).with_for_update()
        ).one()
        recorded = _recorded(session, list(dict.fromkeys(c.uuid for c in commands)))
        last_seq, last_hash = head.last_seq, head.last_hash
        entries: list[dict[str, Any]] = []
        rejections: list[dict[str, Any]] = []
        users: dict[str, UserRow] = {}
        for command in commands:
            before = recorded.get(command.uuid)
            if before is not None:
                reused = refuse_reused and not before.is_same(command)
                verdicts.append(reused_uuid(command) if reused else before.verdict)
                continue
            now = clock()
            ctx = ApplyContext(side="central", session=session, now=now)
            try:
                with session.begin_nested():
                    handler = spec_for(command.kind)
                    _check_actor(session, command, handler.permission, trusted, users)
                    _check_authorization(
                        session, command, now.astimezone(dt.UTC).replace(tzinfo=None)
                    )
                    handler.run(ctx, command)
                    scope = handler.scope_of(command)
                    payload = canonical_json(command.payload)
                    effects = canonical_json(ctx.effects)
            except DomainError as exc:
                code, message = rejection_reason(exc)
                rejections.append(
                    {
                        "command_uuid": command.uuid,
                        "kind": command.kind,
                        "actor": command.actor,
                        "workstation": command.workstation,
                        "reason_code": code,
                        "reason": message,
                        "rejected_at": now.astimezone(dt.UTC).replace(tzinfo=None),
                    }
                )
                verdict = Verdict(command.uuid, False, reason_code=code, reason=message)
                recorded[command.uuid] = _Recorded(
                    Verdict(command.uuid, False, reason_code=code, reason=message, duplicate=True),
                    command.workstation,
                    command.actor,
                    command.kind,
                    None,
                )
                verdicts.append(verdict)
                continue
            except Exception as exc:
                answer = malformed(command, exc) if malformed is not None else None
                if answer is None:
                    raise
                verdicts.append(answer)  # rolled back with its savepoint: nothing recorded
                continue
            entry = JournalRow(
                seq=last_seq + 1,
                command_uuid=command.uuid,
                kind=command.kind,
                scope=scope,
                actor=command.actor,
                workstation=command.workstation,
                client_time=command.client_time.isoformat(),
                central_time=now.isoformat(),
                auth_ref=command.auth_ref,
                payload=payload,
                effects=effects,
                prev_hash=last_hash,
                hash="",
            )
            entry.hash = entry_hash(entry)
            entries.append({name: getattr(entry, name) for name in _JOURNAL_COLUMNS})
            last_seq, last_hash = entry.seq, entry.hash
            recorded[command.uuid] = _Recorded(
                Verdict(command.uuid, True, seq=entry.seq, duplicate=True),
                command.workstation,
                command.actor,
                command.kind,
                (payload, entry.client_time, command.auth_ref),
            )
            verdicts.append(Verdict(command.uuid, True, seq=entry.seq))
        if entries:
            session.execute(insert(JournalRow), entries)
            head.last_seq = last_seq
            head.last_hash = last_hash
        if rejections:
            session.execute(insert(RejectionRow), rejections)
    return verdicts
