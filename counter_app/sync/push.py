"""Push: send pending outbox commands to the centre in order and record each verdict.

A command leaves the outbox only with a verdict. If the centre cannot be reached the command
stays pending with its attempt count and error, and the push stops (later commands may depend
on it). A rejection undoes the command's optimistic local effects — but only rows that still
hold exactly what the command wrote, so a newer central version pulled meanwhile is kept.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from counter_app.services.command_bus import command_from_outbox
from counter_app.services.commands import Verdict
from counter_app.storage.local_models import OutboxRow
from counter_app.storage.rowcodec import apply_effect, identity, row_values, shared_model
from counter_app.sync.central import apply_centrally


@dataclass(frozen=True)
class PushResult:
    sent: int = 0
    applied: int = 0
    rejected: int = 0
    error: str | None = None


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
    if verdict.applied:
        row.status = "applied"
        row.seq = verdict.seq
    else:
        row.status = "rejected"
        row.reason_code = verdict.reason_code
        row.reason = verdict.reason
        _undo_optimistic(session, json.loads(row.local_effects))


def push(local: Engine, central: Engine, *, limit: int = 500) -> PushResult:
    sent = applied = rejected = 0
    with Session(local) as session:
        uuids = session.scalars(
            select(OutboxRow.uuid)
            .where(OutboxRow.status == "pending")
            .order_by(OutboxRow.position)
            .limit(limit)
        ).all()
    for command_uuid in uuids:
        with Session(local) as session, session.begin():
            row = session.get(OutboxRow, command_uuid)
            if row is None or row.status != "pending":
                continue  # resolved meanwhile (by a pull that saw it in the journal)
            command = command_from_outbox(row)
        try:
            verdict = apply_centrally(central, command)
        except (OperationalError, DBAPIError, OSError) as exc:
            message = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
            with Session(local) as session, session.begin():
                failed = session.get(OutboxRow, command_uuid)
                if failed is not None:
                    failed.attempts += 1
                    failed.last_error = message
            return PushResult(sent, applied, rejected, error=message)
        sent += 1
        with Session(local) as session, session.begin():
            row = session.get(OutboxRow, command_uuid)
            assert row is not None
            row.attempts += 1
            if row.status == "pending":
                record_verdict(session, row, verdict)
        if verdict.applied:
            applied += 1
        else:
            rejected += 1
    return PushResult(sent, applied, rejected)
