"""The central service's tables: workstations, enrolment codes, nonces, sessions, anchors,
on-the-spot authorizations.

They belong to the central schema (``CentralBase``), next to the journal, and are created by
migrations ``c0010`` and ``c0012`` (authorizations). Every time stored here is naive UTC:
several service processes, possibly on different hosts, compare these values, so none of
them may depend on a host's time zone.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.storage.base import CentralBase

WS_PENDING = "pending"
WS_ACTIVE = "active"
WS_REVOKED = "revoked"


class WorkstationRow(CentralBase):
    """A registered workstation: its hall, its state and (once enrolled) its public key."""

    __tablename__ = "service_workstations"

    id: Mapped[str] = mapped_column(String(50), primary_key=True)
    hall_code: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(12))
    public_key: Mapped[str | None] = mapped_column(String(64))  # base64url, raw Ed25519
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    enrolled_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class EnrolmentCodeRow(CentralBase):
    """A one-time enrolment code, kept only as its SHA-256."""

    __tablename__ = "service_enrolment_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    workstation_id: Mapped[str] = mapped_column(String(50), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class NonceRow(CentralBase):
    """A request nonce already seen; the primary key makes a replay fail in every process."""

    __tablename__ = "service_nonces"

    workstation_id: Mapped[str] = mapped_column(String(50), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)


class SessionRow(CentralBase):
    """An online staff session, bound to one workstation; only the token's SHA-256 is kept."""

    __tablename__ = "service_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    workstation_id: Mapped[str] = mapped_column(String(50), index=True)
    username: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class LoginThrottleRow(CentralBase):
    """Failed logins counted per user (``user:NAME``) and per workstation (``ws:ID``)."""

    __tablename__ = "service_login_throttle"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    window_start: Mapped[dt.datetime] = mapped_column(DateTime)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)


class AnchorRow(CentralBase):
    """The journal head at one moment, signed with the service's anchor key."""

    __tablename__ = "service_anchors"

    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False
    )
    hash: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[str] = mapped_column(String(40))
    key_id: Mapped[str] = mapped_column(String(16))
    signature: Mapped[str] = mapped_column(String(100))


AUTH_PURPOSE_COMMAND = "command"
AUTH_PURPOSE_REPRINT = "reprint"


class AuthorizationRow(CentralBase):
    """An on-the-spot authorization (授权): a supervisor's consent bound to one thing.

    Granted online, the service checked the supervisor's password; ``bound_to`` names what it
    authorizes (a command UUID, or a reprint's reference) and ``used_at`` is set when the
    command it is bound to applies, so it cannot be replayed. Made offline, the service only
    learns of it with the command (``offline``), and a supervisor confirms it afterwards.
    """

    __tablename__ = "authorizations"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    supervisor: Mapped[str] = mapped_column(String(50))
    requested_by: Mapped[str] = mapped_column(String(50))
    workstation_id: Mapped[str] = mapped_column(String(50))
    hall_code: Mapped[str] = mapped_column(String(16), index=True)
    purpose: Mapped[str] = mapped_column(String(16))
    bound_to: Mapped[str] = mapped_column(String(100), index=True)
    detail: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    offline: Mapped[bool] = mapped_column(Boolean, default=False)
    confirmed_by: Mapped[str | None] = mapped_column(String(50))
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
