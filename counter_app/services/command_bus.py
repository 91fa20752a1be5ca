"""Executing a command on the workstation: local effects and the outbox row, one transaction.

This is the only way the UI writes business data. The actor's permission is checked here
(not only by hiding buttons), the handler validates against the local cache, and the outbox
row — with the before-images needed to undo — is committed atomically with the effects.
Submitting the same command UUID twice is harmless: the second call returns the first result.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from counter_app.domain.commands import Command
from counter_app.domain.errors import PermissionDenied
from counter_app.domain.roles import Role, require
from counter_app.items.apply_context import ApplyContext
from counter_app.items.registry import spec_for
from counter_app.storage.local_models import OutboxRow
from counter_app.storage.shared_models import UserRow


@dataclass(frozen=True)
class Accepted:
    """A command applied locally and queued for the centre."""

    command_uuid: str
    position: int
    duplicate: bool = False


def execute(local: Engine, command: Command) -> Accepted:
    """Apply ``command`` locally and queue it for the centre."""
    return execute_all(local, (command,))[0]


def execute_all(local: Engine, commands: Sequence[Command]) -> tuple[Accepted, ...]:
    """Apply and queue ``commands`` in order in ONE local transaction: all of them or none.

    A later command sees the effects of the earlier ones (a declaration sent in parts); a
    refusal of any command rolls back every one of them."""
    accepted: list[Accepted] = []
    with Session(local) as session, session.begin():
        for command in commands:
            accepted.append(_execute_in(session, command))
    return tuple(accepted)


def _execute_in(session: Session, command: Command) -> Accepted:
    handler = spec_for(command.kind)
    existing = session.get(OutboxRow, command.uuid)
    if existing is not None:
        return Accepted(command.uuid, existing.position, duplicate=True)
    user = session.get(UserRow, command.actor)
    if user is None or not user.active:
        raise PermissionDenied(command.actor, "an active account")
    require(command.actor, Role(user.role), handler.permission)

    ctx = ApplyContext(side="local", session=session, now=command.client_time)
    handler.run(ctx, command)

    session.flush()
    position = (session.scalar(select(func.max(OutboxRow.position))) or 0) + 1
    session.add(
        OutboxRow(
            uuid=command.uuid,
            position=position,
            kind=command.kind,
            payload=command.payload_json(),
            actor=command.actor,
            workstation=command.workstation,
            hall_code=command.hall_code,
            client_time=command.client_time.isoformat(),
            auth_ref=command.auth_ref,
            status="pending",
            attempts=0,
            local_effects=json.dumps({"undo": ctx.undo, "after": ctx.effects}, ensure_ascii=False),
            created_at=dt.datetime.now(),
        )
    )
    session.flush()
    return Accepted(command.uuid, position)


def command_from_outbox(row: OutboxRow) -> Command:
    return Command(
        kind=row.kind,
        payload=json.loads(row.payload),
        actor=row.actor,
        workstation=row.workstation,
        hall_code=row.hall_code,
        client_time=dt.datetime.fromisoformat(row.client_time),
        uuid=row.uuid,
        auth_ref=row.auth_ref,
    )
