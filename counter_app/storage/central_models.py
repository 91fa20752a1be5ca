"""Tables only the central database has: the journal, its head, rejections and counters.

The journal is the single append-only, hash-chained log of every applied command. It is the
sync source for workstations (pulled by ``seq``), the audit trail and the appraisal evidence.
``journal_head`` is a one-row table locked by every append, which makes ``seq`` gap-free and
commit order equal to ``seq`` order, so a cursor-based pull can never skip an entry.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.storage.base import CentralBase

GENESIS_HASH = "0" * 64


class JournalRow(CentralBase):
    __tablename__ = "journal"

    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    command_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(50))
    scope: Mapped[str] = mapped_column(String(20), index=True)
    actor: Mapped[str] = mapped_column(String(50))
    workstation: Mapped[str] = mapped_column(String(50))
    client_time: Mapped[str] = mapped_column(String(40))
    central_time: Mapped[str] = mapped_column(String(40))
    auth_ref: Mapped[str | None] = mapped_column(String(100))
    payload: Mapped[str] = mapped_column(Text)
    effects: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class JournalHeadRow(CentralBase):
    __tablename__ = "journal_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    last_hash: Mapped[str] = mapped_column(String(64))


class RejectionRow(CentralBase):
    __tablename__ = "rejections"

    command_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(50))
    actor: Mapped[str] = mapped_column(String(50))
    workstation: Mapped[str] = mapped_column(String(50))
    reason_code: Mapped[str] = mapped_column(String(50))
    reason: Mapped[str] = mapped_column(Text)
    rejected_at: Mapped[dt.datetime] = mapped_column(DateTime)


class CounterRow(CentralBase):
    """Named central counters (insured numbers, case numbers), bumped with UPDATE … RETURNING."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))


# The queue tables belong to the central schema too; importing them here registers them
# wherever the central metadata is used (migrations, the models-vs-migrations check).
from counter_app.storage import queue_models as _queue_models  # noqa: E402, F401
from counter_app.storage import service_models as _service_models  # noqa: E402, F401
