"""The contribution records (缴费记录): one row per person (or employer) × month × insurance type.

A base declaration (缴费基数申报) writes the months it declares as ``declared``; a flexible
worker's payment notice writes ``due`` lines; a back-payment (补缴) writes ``arrears`` lines
with their late fee; a payment confirmed later turns a line ``paid``. The rows are shared
(centre and cache), so the customer panel shows a person's history from the cache, and they
are written only by the money items' handlers (``counter_app.items``), through the journal.

The key is derived from the natural key (``row_id``): declaring a month again replaces the
line instead of adding a second one. A person's line names the employer it was declared by
(``credit_code``; none for a flexible worker); an employer's own line has no ID number.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.storage.base import SharedBase

STATUSES = ("declared", "due", "paid", "arrears")
_NAMESPACE = uuid.UUID("6f1d3c52-8f0e-4a55-9a57-3b7d2f3c0b11")


def row_id(id_number: str | None, credit_code: str | None, month: str, insurance_type: str) -> str:
    """The key of the line of ``month`` ('YYYY-MM') and ``insurance_type``: a person's line is
    keyed by the ID number alone (one line per person, month and type), an employer's own line
    by its credit code."""
    subject = f"person:{id_number}" if id_number else f"employer:{credit_code}"
    return str(uuid.uuid5(_NAMESPACE, f"{subject}|{month}|{insurance_type}"))


class ContributionRow(SharedBase):
    __tablename__ = "contributions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    credit_code: Mapped[str | None] = mapped_column(String(18), index=True)
    month: Mapped[str] = mapped_column(String(7))  # 'YYYY-MM'
    insurance_type: Mapped[str] = mapped_column(String(20))
    region: Mapped[str] = mapped_column(String(60), default="")
    base: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    employer: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    individual: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    # The part of the line credited to the personal pension account (an employee's 8 %, a
    # flexible worker's 8 of 20 %); zero for every other type. A refund adds these up.
    personal_account: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=Decimal("0.00"))
    late_fee: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=Decimal("0.00"))
    status: Mapped[str] = mapped_column(String(10))
    origin_case: Mapped[str] = mapped_column(String(36), index=True)
