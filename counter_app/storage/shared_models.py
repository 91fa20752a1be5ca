"""Business tables present in the central database and mirrored in each workstation cache.

Rows here are written only by command handlers (``counter_app.services.handlers``), centrally
as the truth and locally as an optimistic copy that the next pull overwrites.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.storage.base import SharedBase


class HallRow(SharedBase):
    __tablename__ = "halls"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))


class WindowRow(SharedBase):
    __tablename__ = "windows"

    hall_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(String(50), default="")


class UserRow(SharedBase):
    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(50), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(20))
    hall_code: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PersonRow(SharedBase):
    __tablename__ = "persons"

    id_number: Mapped[str] = mapped_column(String(18), primary_key=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[dt.date] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(String(20), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    hukou_type: Mapped[str] = mapped_column(String(10), default="")


class EmployerRow(SharedBase):
    __tablename__ = "employers"

    credit_code: Mapped[str] = mapped_column(String(18), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    contact_phone: Mapped[str] = mapped_column(String(20), default="")
    industry: Mapped[str] = mapped_column(String(50), default="")


class InsuredPersonRow(SharedBase):
    """The registration that makes a person insured; ``insured_number`` is central-assigned."""

    __tablename__ = "insured_persons"

    id_number: Mapped[str] = mapped_column(String(18), primary_key=True)
    insured_number: Mapped[str | None] = mapped_column(String(20), unique=True)
    category: Mapped[str] = mapped_column(String(20))
    employer_code: Mapped[str | None] = mapped_column(String(18))
    hall_code: Mapped[str] = mapped_column(String(16))
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime)
    origin_command: Mapped[str] = mapped_column(String(36))


class InsuranceStatusRow(SharedBase):
    """One insurance type held by a person (养老, 医疗 ...), with its start date."""

    __tablename__ = "insurance_statuses"

    id_number: Mapped[str] = mapped_column(String(18), primary_key=True)
    insurance_type: Mapped[str] = mapped_column(String(20), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))
    start_date: Mapped[dt.date] = mapped_column(Date)
    employer_code: Mapped[str | None] = mapped_column(String(18))


class CaseRow(SharedBase):
    """A case accepted at a window; ``case_no`` is central-assigned and human-readable."""

    __tablename__ = "cases"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_no: Mapped[str | None] = mapped_column(String(32), unique=True)
    item_code: Mapped[str] = mapped_column(String(32))
    review_level: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    credit_code: Mapped[str | None] = mapped_column(String(18))
    hall_code: Mapped[str] = mapped_column(String(16))
    window_number: Mapped[int] = mapped_column(Integer)
    accepted_by: Mapped[str] = mapped_column(String(50))
    accepted_at: Mapped[dt.datetime] = mapped_column(DateTime)
    summary: Mapped[str] = mapped_column(String(200), default="")
    ticket: Mapped[str | None] = mapped_column(String(40))  # queue ticket served, if any
    # 承诺办结: the item's time limit in working days from the day of acceptance; provisional
    # when it crossed days whose State Council holiday arrangement was not yet known.
    promised_date: Mapped[dt.date | None] = mapped_column(Date)
    promised_provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    # The catalogue version the case was accepted under (its item, materials and time limit).
    catalogue_version: Mapped[str | None] = mapped_column(String(32))
    # Canonical JSON: the form's typed values and computed figures; the materials checked
    # ({"received": [...], "missing": [...], "deferred": [...]}).
    details: Mapped[str] = mapped_column(Text, default="{}")
    materials: Mapped[str] = mapped_column(Text, default="{}")
    # Cases opened together for one life event (一件事一次办) share a bundle id.
    bundle_id: Mapped[str | None] = mapped_column(String(36), index=True)


class CertificateRow(SharedBase):
    """A certificate (参保证明 …) as issued: what it certified, under which verification code.

    ``content`` is the canonical JSON of the certified facts; ``content_hash`` its SHA-256. A
    verification looks the code up centrally and shows this content next to its journal entry.
    """

    __tablename__ = "certificates"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(18), index=True)
    subject_name: Mapped[str] = mapped_column(String(100))
    content: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    hall_code: Mapped[str] = mapped_column(String(16))
    issued_by: Mapped[str] = mapped_column(String(50))
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime)
    origin_command: Mapped[str] = mapped_column(String(36))


class CatalogueVersionRow(SharedBase):
    """A published version of the service catalogue (central data, pulled by every workstation).

    ``content`` is the canonical JSON of ``counter_app.catalogue.schema.Catalogue``; a case
    records the ``version`` it was accepted under, and both sides validate it against this row.
    """

    __tablename__ = "catalogue_versions"

    version: Mapped[str] = mapped_column(String(32), primary_key=True)
    content: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[dt.datetime] = mapped_column(DateTime)
    published_by: Mapped[str] = mapped_column(String(50))
