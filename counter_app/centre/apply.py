"""Applying one command on the centre: idempotent, re-validated, journaled, or rejected.

Every append takes the lock on the one-row ``journal_head`` first (``SELECT … FOR UPDATE`` on
PostgreSQL; SQLite transactions here start with ``BEGIN IMMEDIATE``). Under that lock the
command's UUID is looked up — a command already applied or rejected gets its first verdict
again — then the handler runs against central state inside a savepoint. Success appends the
journal entry with the next ``seq`` and the hash chained to the previous one; a business
rule violation records a rejection with its reason instead. Either way one transaction.

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

from sqlalchemy import Engine, select
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
OFFLINE_PREFIX = "offline:"


def rejection_reason(exc: DomainError) -> tuple[str, str]:
    code = getattr(exc, "code", type(exc).__name__)
    if isinstance(exc, ValidationErrors):
        code = exc.errors[0].code if len(exc.errors) == 1 else "invalid"
    message = getattr(exc, "message", None) or str(exc)
    return str(code), str(message)


def _check_actor(session: Session, command: Command, permission: object, trusted: bool) -> None:
    if command.actor == SYSTEM_ACTOR:
        if not trusted:
            raise PermissionDenied(command.actor, "system commands come only from the admin CLI")
        return
    user = session.get(UserRow, command.actor)
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


def _previous_verdict(session: Session, command_uuid: str) -> Verdict | None:
    seq = session.scalar(select(JournalRow.seq).where(JournalRow.command_uuid == command_uuid))
    if seq is not None:
        return Verdict(command_uuid, True, seq=seq, duplicate=True)
    rejection = session.get(RejectionRow, command_uuid)
    if rejection is not None:
        return Verdict(
            command_uuid,
            False,
            reason_code=rejection.reason_code,
            reason=rejection.reason,
            duplicate=True,
        )
    return None


def apply_centrally(engine: Engine, command: Command, *, trusted: bool = False) -> Verdict:
    """Apply ``command`` to the central database and return the verdict.

    Connection and database errors propagate (the caller keeps the command for retry);
    business-rule violations become a recorded rejection.
    """
    handler = spec_for(command.kind)
    with Session(engine) as session, session.begin():
        head = session.scalars(
            select(JournalHeadRow).where(JournalHeadRow.id == 1).with_for_update()
        ).one()
        previous = _previous_verdict(session, command.uuid)
        if previous is not None:
            return previous

        now = dt.datetime.now().astimezone()
        ctx = ApplyContext(side="central", session=session, now=now)
        try:
            with session.begin_nested():
                _check_actor(session, command, handler.permission, trusted)
                _check_authorization(session, command, now.astimezone(dt.UTC).replace(tzinfo=None))
                handler.run(ctx, command)
        except DomainError as exc:
            code, message = rejection_reason(exc)
            session.add(
                RejectionRow(
                    command_uuid=command.uuid,
                    kind=command.kind,
                    actor=command.actor,
                    workstation=command.workstation,
                    reason_code=code,
                    reason=message,
                    rejected_at=now.replace(tzinfo=None),
                )
            )
            return Verdict(command.uuid, False, reason_code=code, reason=message)

        entry = JournalRow(
            seq=head.last_seq + 1,
            command_uuid=command.uuid,
            kind=command.kind,
            scope=handler.scope_of(command),
            actor=command.actor,
            workstation=command.workstation,
            client_time=command.client_time.isoformat(),
            central_time=now.isoformat(),
            auth_ref=command.auth_ref,
            payload=canonical_json(command.payload),
            effects=canonical_json(ctx.effects),
            prev_hash=head.last_hash,
            hash="",
        )
        entry.hash = entry_hash(entry)
        session.add(entry)
        head.last_seq = entry.seq
        head.last_hash = entry.hash
        return Verdict(command.uuid, True, seq=entry.seq)
