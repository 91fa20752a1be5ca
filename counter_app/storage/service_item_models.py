"""The records of six counter items beyond their cases: transfers, cards, claims, the
consultation log and complaints.

Each item opens a case (``shared_models.CaseRow``) like every other; what the back office and
the next visit need besides is kept here:

- ``pension_transfers`` — a pension transfer out or in (养老保险关系转移接续, 国办发〔2009〕66号):
  the other region and agency, the period of contributions concerned, the contact letter
  number (联系函编号) of a transfer in, and where the request stands.
- ``social_cards`` — a person's social security cards (社会保障卡): the card in use, one reported
  lost (挂失), one replaced, and the request for a new one (补换).
- ``medical_claims`` and ``medical_claim_lines`` — a manual reimbursement claim (医保零星报销)
  and its invoices. An invoice number is the key of its line, so an invoice can be claimed
  once only, in whichever hall it was first claimed.
- ``consultations`` — the consultation log (咨询登记), anonymous entries included.
- ``complaints`` — complaints, suggestions and praise (投诉建议) with the answer a supervisor
  gives, and the day it is due.

The tables are shared (centre and cache) and written only by the items' handlers, so they
travel through the journal like any other business row.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Boolean, Date, DateTime, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.storage.base import SharedBase

TRANSFER_DIRECTIONS = ("out", "in")
CARD_STATUSES = ("active", "lost", "replaced", "cancelled", "requested")
COMPLAINT_STATUSES = ("open", "answered")


class PensionTransferRow(SharedBase):
    """One pension transfer request; ``id`` is its case's id (the accepting command)."""

    __tablename__ = "pension_transfers"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    id_number: Mapped[str] = mapped_column(String(18), index=True)
    direction: Mapped[str] = mapped_column(String(3))  # "out" or "in"
    item_code: Mapped[str] = mapped_column(String(32))
    # The other place: where the record goes (out) or comes from (in).
    other_region: Mapped[str] = mapped_column(String(60))
    other_agency: Mapped[str] = mapped_column(String(100), default="")
    period_from: Mapped[str] = mapped_column(String(7))  # 'YYYY-MM'
    period_to: Mapped[str] = mapped_column(String(7))  # 'YYYY-MM'
    contact_letter_no: Mapped[str | None] = mapped_column(String(40))  # 联系函编号 (in)
    status: Mapped[str] = mapped_column(String(20))  # "requested" when accepted
    hall_code: Mapped[str] = mapped_column(String(16))
    requested_by: Mapped[str] = mapped_column(String(50))
    requested_at: Mapped[dt.datetime] = mapped_column(DateTime)


class SocialCardRow(SharedBase):
    """One social security card of a person, or the request for one (``requested``).

    ``card_number`` is empty for a card requested and not made yet; ``replaces`` names the
    card a replacement is for. ``since`` is the day the card entered its ``status``.
    """

    __tablename__ = "social_cards"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    id_number: Mapped[str] = mapped_column(String(18), index=True)
    card_number: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12))
    since: Mapped[dt.date] = mapped_column(Date)
    bank: Mapped[str] = mapped_column(String(60), default="")
    replaces: Mapped[str | None] = mapped_column(String(36))
    origin_command: Mapped[str | None] = mapped_column(String(36))


class MedicalClaimRow(SharedBase):
    """A manual reimbursement claim; ``id`` is its case's id. Totals are sums of the lines
    rounded to the fen; ``eligible`` is what goes to review (total less the self-paid part)."""

    __tablename__ = "medical_claims"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    id_number: Mapped[str] = mapped_column(String(18), index=True)
    lines: Mapped[int] = mapped_column(Integer)
    total: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    self_paid: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    eligible: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    status: Mapped[str] = mapped_column(String(20))
    hall_code: Mapped[str] = mapped_column(String(16))
    submitted_by: Mapped[str] = mapped_column(String(50))
    submitted_at: Mapped[dt.datetime] = mapped_column(DateTime)


class MedicalClaimLineRow(SharedBase):
    """One invoice of a claim, keyed by the invoice number as printed (票据代码 and 号码)."""

    __tablename__ = "medical_claim_lines"

    invoice_number: Mapped[str] = mapped_column(String(40), primary_key=True)
    claim_id: Mapped[str] = mapped_column(String(36), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    hospital: Mapped[str] = mapped_column(String(100))
    invoice_date: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    self_paid: Mapped[Decimal] = mapped_column(Numeric(14, 2))


class ConsultationRow(SharedBase):
    """One entry of the consultation log; ``id_number`` is empty for an anonymous visitor."""

    __tablename__ = "consultations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    topic: Mapped[str] = mapped_column(String(32))  # a catalogue group code, or "other"
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text, default="")
    referred: Mapped[bool] = mapped_column(Boolean, default=False)
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    hall_code: Mapped[str] = mapped_column(String(16))
    window_number: Mapped[int] = mapped_column(Integer)
    logged_by: Mapped[str] = mapped_column(String(50))
    logged_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ComplaintRow(SharedBase):
    """A complaint, suggestion or praise; ``id`` is its case's id. ``due_date`` is the
    catalogue's time limit in working days from the day it was received."""

    __tablename__ = "complaints"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))  # complaint, suggestion, praise
    about: Mapped[str] = mapped_column(String(8))  # window, teller, item
    about_detail: Mapped[str] = mapped_column(String(100), default="")
    content: Mapped[str] = mapped_column(Text)
    contact_name: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(20), default="")
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    status: Mapped[str] = mapped_column(String(10), index=True)
    hall_code: Mapped[str] = mapped_column(String(16))
    window_number: Mapped[int] = mapped_column(Integer)
    received_by: Mapped[str] = mapped_column(String(50))
    received_at: Mapped[dt.datetime] = mapped_column(DateTime)
    due_date: Mapped[dt.date] = mapped_column(Date)
    due_provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[str | None] = mapped_column(String(50))
    answered_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
