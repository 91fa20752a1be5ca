"""Employer tables beyond ``employers``: registration details and the staff roster.

``employers`` (``shared_models.EmployerRow``) keeps what every screen shows of an employer.
An employer registration (单位参保登记) records more — its type, the legal representative,
the date of establishment, the contact person and the employer number the centre assigns —
in ``employer_details``. The staff roster (缴费人员增减申报) keeps, per employer and person,
when the person joined and left the employer's insurance, the contribution base declared and
the household registration given with it, in ``employer_staff``; the insurance statuses
themselves stay in ``insurance_statuses``. Both tables are shared: written by command
handlers at the centre and mirrored into the caches by the journal.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Date, DateTime, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.storage.base import SharedBase


class EmployerDetailsRow(SharedBase):
    """What an employer registration recorded beyond ``employers``."""

    __tablename__ = "employer_details"

    credit_code: Mapped[str] = mapped_column(String(18), primary_key=True)
    # 单位编号: assigned by the centre's counter; empty on a workstation until the pull.
    employer_number: Mapped[str | None] = mapped_column(String(20), unique=True)
    employer_type: Mapped[str] = mapped_column(String(30))  # the catalogue's choice value
    legal_representative: Mapped[str] = mapped_column(String(50))
    established_on: Mapped[dt.date | None] = mapped_column(Date)
    contact_name: Mapped[str] = mapped_column(String(50), default="")
    hall_code: Mapped[str] = mapped_column(String(16))
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime)
    origin_command: Mapped[str] = mapped_column(String(36))


class EmployerStaffRow(SharedBase):
    """One person on (or once on) an employer's staff roster.

    ``end_date`` is empty while the person is on the staff; a removal (减员) sets it and its
    reason. A person added again later gets the row back with the new start date.
    """

    __tablename__ = "employer_staff"

    credit_code: Mapped[str] = mapped_column(String(18), primary_key=True)
    id_number: Mapped[str] = mapped_column(String(18), primary_key=True, index=True)
    name: Mapped[str] = mapped_column(String(50))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(String(20), default="")
    base: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))  # 缴费基数, yuan per month
    hukou_type: Mapped[str] = mapped_column(String(10), default="")  # urban | rural
    hukou_place: Mapped[str] = mapped_column(String(60), default="")
    case_id: Mapped[str] = mapped_column(String(36))  # the declaration that last changed it
