"""Taking a batch of commands from a workstation and applying them through the spine.

Before anything is applied the whole batch is checked: every command's actor must be the
user of the presented session (a live session of *this* workstation, of an active user of
*its* hall) and every kind must be known. The client's time is recorded as sent, never
trusted: journal time, case numbers and acceptance days come from the service's clock (a
client time ahead of it counts as the service's day, see ``ApplyContext.acceptance_day``). Each
command is then re-stamped with what the service saw — the session's user, the signing
workstation and that workstation's hall — and the batch goes to ``apply_batch``: one
transaction under the journal lock, which re-checks each actor's permission against the
central records and applies or rejects every command, idempotently (the commands share the
batch's write set, or take a savepoint each where their handler needs one).

A command UUID that is already in the journal (or the rejections) gets its first verdict
back only if it is the same command from the same workstation; a UUID reused for anything
else gets a ``uuid_conflict`` rejection and changes nothing. A payload the handler cannot
read at all (a missing field, a wrong type, a value too long for its column) gets a
``malformed_payload`` rejection, not a server error: its writes are undone, nothing is
recorded for it, and the rest of the batch is applied. Any other failure (the database gone
mid-batch) fails the request as a whole: nothing of the batch is committed, and the
workstation sends it again."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DataError, IntegrityError

from counter_app.centre.apply import UUID_CONFLICT, apply_batch
from counter_app.domain.commands import Command, Verdict
from counter_app.items.registry import spec_for
from counter_central.clock import ServiceClock
from counter_central.refusals import Refusal
from counter_central.request_auth import CallerWorkstation
from counter_central.sessions import SessionUser

log = logging.getLogger("counter_central.commands")

__all__ = ["MALFORMED", "UUID_CONFLICT", "Submitted", "check_batch", "stamp", "submit"]

MALFORMED = "malformed_payload"
MALFORMED_ERRORS = (
    KeyError,
    IndexError,
    TypeError,
    ValueError,
    AttributeError,
    DataError,
    IntegrityError,
)


@dataclass(frozen=True)
class Submitted:
    """A command as the workstation sent it (before the service stamps it)."""

    uuid: str
    kind: str
    payload: dict[str, Any]
    actor: str
    client_time: dt.datetime
    auth_ref: str | None


def check_batch(
    batch: Sequence[Submitted], user: SessionUser, clock: ServiceClock, skew_seconds: int
) -> None:
    for item in batch:
        if item.actor != user.username:
            raise Refusal(
                403,
                "actor_mismatch",
                f"command {item.uuid} names another actor than the session's user "
                f"{user.username}; every command must be sent on its own actor's session",
                username=user.username,
            )
        try:
            spec_for(item.kind)
        except LookupError:
            raise Refusal(
                422, "unknown_kind", f"command {item.uuid} has an unknown kind {item.kind!r}"
            ) from None


def stamp(item: Submitted, user: SessionUser, workstation: CallerWorkstation) -> Command:
    return Command(
        kind=item.kind,
        payload=item.payload,
        actor=user.username,
        workstation=workstation.id,
        hall_code=workstation.hall_code,
        client_time=item.client_time,
        uuid=item.uuid,
        auth_ref=item.auth_ref,
    )


def _malformed(command: Command, exc: Exception) -> Verdict | None:
    """The verdict on a command whose handler met a payload it cannot read (a missing
    field, a wrong type, a value too long for its column); ``None`` for any other error."""
    if not isinstance(exc, MALFORMED_ERRORS):
        return None
    log.warning(
        "refused command %s (%s) from workstation=%s user=%s: malformed payload (%s)",
        command.uuid,
        command.kind,
        command.workstation,
        command.actor,
        type(exc).__name__,
    )
    return Verdict(
        command.uuid,
        False,
        reason_code=MALFORMED,
        reason="the payload lacks a field or holds a value of the wrong type or size",
    )


def _log_verdict(command: Command, verdict: Verdict) -> None:
    if verdict.applied or verdict.duplicate or verdict.reason_code == MALFORMED:
        return  # a malformed payload was logged when it was met
    if verdict.reason_code == UUID_CONFLICT:
        log.warning(
            "refused command %s (%s) from workstation=%s user=%s: its id belongs to another "
            "command",
            command.uuid,
            command.kind,
            command.workstation,
            command.actor,
        )
        return
    log.info(
        "rejected command %s (%s) from workstation=%s user=%s: %s",
        command.uuid,
        command.kind,
        command.workstation,
        command.actor,
        verdict.reason_code,
    )


def submit(
    engine: Engine,
    clock: ServiceClock,
    workstation: CallerWorkstation,
    user: SessionUser,
    batch: Sequence[Submitted],
    *,
    skew_seconds: int,
) -> list[Verdict]:
    """Check the whole batch, then apply it in one transaction; one verdict per command."""
    check_batch(batch, user, clock, skew_seconds)
    commands = [stamp(item, user, workstation) for item in batch]
    verdicts = apply_batch(
        engine, commands, clock=clock.now, malformed=_malformed, refuse_reused=True
    )
    for command, verdict in zip(commands, verdicts, strict=True):
        _log_verdict(command, verdict)
    return verdicts
