"""Central queue tables: daily ticket counters, tickets, their timed periods, hall events.

Queue state lives only in the centre: a ticket number or a call means something only when
every window agrees on it. ``ticket_periods`` is append-only (a period is closed by setting
its end once); ``queue_events`` is the numbered stream that hall displays follow.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, DateTime, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.storage.base import CentralBase

BigId = BigInteger().with_variant(Integer, "sqlite")


class TicketCounterRow(CentralBase):
    __tablename__ = "ticket_counters"

    hall_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    category: Mapped[str] = mapped_column(String(4), primary_key=True)
    business_day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


def _waiting_index(name: str, columns: tuple[str, ...], where: str) -> Index:
    """A partial index over the waiting tickets only, on both central engines."""
    return Index(name, *columns, postgresql_where=text(where), sqlite_where=text(where))


class TicketRow(CentralBase):
    """A ticket; call-next walks the three ``ix_tickets_waiting*`` indexes (``services/queue``).

    Each holds only waiting tickets in issue order, so claiming one costs a few index probes
    whatever the queue length: the oldest waiting (aged tickets), those transferred to a
    window, and per category those not transferred.
    """

    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_queue", "hall_code", "business_day", "state"),
        _waiting_index(
            "ix_tickets_waiting", ("hall_code", "business_day", "issued_at", "id"),
            "state = 'waiting'",
        ),
        _waiting_index(
            "ix_tickets_waiting_transfer",
            ("hall_code", "business_day", "target_window", "issued_at", "id"),
            "state = 'waiting' AND target_window IS NOT NULL",
        ),
        _waiting_index(
            "ix_tickets_waiting_category",
            ("hall_code", "business_day", "category", "issued_at", "id"),
            "state = 'waiting' AND target_window IS NULL",
        ),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    hall_code: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(4))
    number: Mapped[int] = mapped_column(Integer)
    display: Mapped[str] = mapped_column(String(12))
    business_day: Mapped[dt.date] = mapped_column(Date)
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime)
    state: Mapped[str] = mapped_column(String(12))
    window_number: Mapped[int | None] = mapped_column(Integer)
    teller: Mapped[str | None] = mapped_column(String(50))
    target_window: Mapped[int | None] = mapped_column(Integer)
    recalls: Mapped[int] = mapped_column(Integer, default=0)
    call_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    closed_unfinished: Mapped[bool] = mapped_column(default=False)
    # The ID number typed at the kiosk (optional): the window that calls the ticket starts
    # serving that person. Never shown on the hall display.
    id_number: Mapped[str | None] = mapped_column(String(18))


class TicketPeriodRow(CentralBase):
    __tablename__ = "ticket_periods"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    ticket_id: Mapped[int] = mapped_column(BigInteger, index=True)
    state: Mapped[str] = mapped_column(String(12))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    window_number: Mapped[int | None] = mapped_column(Integer)
    teller: Mapped[str | None] = mapped_column(String(50))


class QueueEventRow(CentralBase):
    __tablename__ = "queue_events"

    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    hall_code: Mapped[str] = mapped_column(String(16), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class WindowStatusRow(CentralBase):
    """Whether a window is paused (and why); a paused window is never given a ticket."""

    __tablename__ = "window_status"

    hall_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    window_number: Mapped[int] = mapped_column(Integer, primary_key=True)
    paused: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str] = mapped_column(String(50), default="")
    since: Mapped[dt.datetime] = mapped_column(DateTime)


class RatingRow(CentralBase):
    """A customer's rating of one service (好差评); the rater is anonymous."""

    __tablename__ = "ratings"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    ticket_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    hall_code: Mapped[str] = mapped_column(String(16))
    window_number: Mapped[int | None] = mapped_column(Integer)
    teller: Mapped[str | None] = mapped_column(String(50))
    level: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class FollowUpRow(CentralBase):
    """A bad rating's follow-up, open until a supervisor closes it with a note."""

    __tablename__ = "rating_follow_ups"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    rating_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime)
    closed_by: Mapped[str | None] = mapped_column(String(50))
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)
