"""Tables only a workstation's local cache has: the outbox, sync state and login throttling.

An outbox row is written in the same SQLite transaction as the command's local effects, so
a command is never applied without being queued for the centre, nor queued without being
applied. ``local_effects`` keeps the before-images needed to undo the optimistic change when
the centre rejects the command.

A row push cannot read or send for a reason of its own (a payload that is not JSON, an unknown
kind, a handler failing with a non-business error) is set aside as ``quarantined`` with a
reason code, a technical detail free of personal data and the time; it keeps its optimistic
local effects and goes back to ``pending`` when a teller or administrator retries it.

``signed_heads`` keeps the journal heads this workstation saw signed by the service's anchor
key: a copy of the history outside the central database, against which a journal that lost
entries (restored from an old backup) or was rewritten is noticed.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.storage.base import LocalBase


class OutboxRow(LocalBase):
    __tablename__ = "outbox"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, unique=True)
    kind: Mapped[str] = mapped_column(String(50))
    payload: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(50))
    workstation: Mapped[str] = mapped_column(String(50))
    hall_code: Mapped[str] = mapped_column(String(16))
    client_time: Mapped[str] = mapped_column(String(40))
    auth_ref: Mapped[str | None] = mapped_column(String(100))
    # pending | applied | rejected | quarantined
    status: Mapped[str] = mapped_column(String(12), index=True)
    seq: Mapped[int | None] = mapped_column(Integer)
    reason_code: Mapped[str | None] = mapped_column(String(50))
    reason: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    local_effects: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    acknowledged: Mapped[int] = mapped_column(Integer, default=0)
    quarantine_code: Mapped[str | None] = mapped_column(String(32))
    quarantine_detail: Mapped[str | None] = mapped_column(Text)
    quarantined_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class SyncStateRow(LocalBase):
    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class LoginAttemptRow(LocalBase):
    __tablename__ = "login_attempts"

    username: Mapped[str] = mapped_column(String(50), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)


class PrintJobRow(LocalBase):
    """Every print job of this workstation: the log, and the queue for retries."""

    __tablename__ = "print_jobs"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    document_kind: Mapped[str] = mapped_column(String(32))
    printer: Mapped[str] = mapped_column(String(50))
    reference: Mapped[str] = mapped_column(String(64), default="")
    is_reprint: Mapped[bool] = mapped_column(Boolean, default=False)
    authorized_by: Mapped[str | None] = mapped_column(String(50))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(12), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class SignedHeadRow(LocalBase):
    """A journal head (``seq``, ``hash``) the service signed, as this workstation received it.

    ``status`` is ``seen`` while it still matches the journal; ``lost`` once the journal no
    longer reaches its seq, ``rewritten`` once the entry at its seq has another hash. A head
    that was reported stays, for the audit, but is not checked again.
    """

    __tablename__ = "signed_heads"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    hash: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[str] = mapped_column(String(40))
    key_id: Mapped[str] = mapped_column(String(32))
    signature: Mapped[str] = mapped_column(String(100))
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(12), default="seen")
