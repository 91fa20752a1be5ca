"""The documents a customer takes away from the intake at a window, as plain data.

Three documents follow a customer's visit: the one-time notification of missing materials
(一次性告知书, so the next trip is the last), the acceptance receipt (受理回执, one receipt for
every item of a bundle, 一件事一次办) and the slip of an item finished on the spot (办结单).
Each is a frozen dataclass that a screen fills from the catalogue and the case; ``to_doc``
lays it out as the ``Doc`` every renderer prints (A4 PDF, 58/80 mm ESC/POS, raster), in the
style of ``documents``: Chinese text, ID numbers masked, dates and amounts formatted as on
the other documents.

QR codes: a receipt's (and a notice's with a case number) carries ``COUNTER-CASE:<case
number>``, which the customer panel already reads; a notice without a case carries
``COUNTER-NOTICE:<notice number>``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from counter_app.domain.cases import ReviewLevel
from counter_app.domain.ids import IdNumber, Uscc
from counter_app.domain.money import format_yuan
from counter_app.domain.workdays import Deadline
from counter_app.printing.documents import PROVISIONAL_DEADLINE_NOTE, Office, promised_text
from counter_app.printing.layout import Block, Doc, KeyValue, QrCode, Rule, Spacer, Text
from counter_app.printing.verification import case_qr_payload, notice_qr_payload

# The kinds the print log records (``PrintJob.document_kind``); the first two are the kinds of
# the simpler templates in ``documents``, so the log names them alike.
NOTICE_KIND = "one_time_notice"
RECEIPT_KIND = "acceptance_receipt"
RESULT_SLIP_KIND = "result_slip"


def list_marker(number: int) -> str:
    """The marker of a numbered line under its heading; wrapped lines hang beside it."""
    return f"  {number}. "


class MaterialForm(StrEnum):
    """The form in which a material is handed in (材料形式)."""

    ORIGINAL = "original"  # 原件: shown and handed back
    COPY = "copy"  # 复印件: kept with the case
    ORIGINAL_AND_COPY = "original_and_copy"  # 原件及复印件: the original checked, the copy kept
    ELECTRONIC = "electronic"  # 电子: an electronic licence or file

    @property
    def zh(self) -> str:
        """The form as printed."""
        return _FORM_ZH[self]

    @classmethod
    def parse(cls, text: str) -> MaterialForm:
        """The form named by ``text``: its code (``copy``) or its Chinese name (``复印件``)."""
        cleaned = text.strip()
        for form in cls:
            if cleaned in (form.value, form.zh) or cleaned in _FORM_ALIASES.get(form, ()):
                return form
        raise ValueError(f"{text!r} is not a material form (原件, 复印件, 原件及复印件, 电子)")


_FORM_ZH = {
    MaterialForm.ORIGINAL: "原件",
    MaterialForm.COPY: "复印件",
    MaterialForm.ORIGINAL_AND_COPY: "原件及复印件",
    MaterialForm.ELECTRONIC: "电子件",
}
_FORM_ALIASES = {
    MaterialForm.ORIGINAL_AND_COPY: ("原件和复印件", "原件、复印件"),
    MaterialForm.ELECTRONIC: ("电子", "电子版", "电子证照"),
}


@dataclass(frozen=True)
class MaterialLine:
    """One material (申请材料): its name, form, number of copies and a note for the customer.

    ``form`` may be given as its code or Chinese name too (``"原件"``); it is stored as a
    ``MaterialForm``.
    """

    name_zh: str
    form: MaterialForm = MaterialForm.ORIGINAL
    count: int = 1
    note: str = ""

    def __post_init__(self) -> None:
        if not self.name_zh.strip():
            raise ValueError("a material needs a name")
        if not isinstance(self.form, MaterialForm):
            object.__setattr__(self, "form", MaterialForm.parse(str(self.form)))
        if isinstance(self.count, bool) or not isinstance(self.count, int) or self.count < 1:
            raise ValueError(f"a material is handed in at least once, not {self.count!r} times")

    @property
    def amount_text(self) -> str:
        """Form and count as printed: ``原件 1 份``, ``原件及复印件各 2 份``."""
        each = "各" if self.form is MaterialForm.ORIGINAL_AND_COPY else ""
        return f"{self.form.zh}{each} {self.count} 份"

    @property
    def printed(self) -> str:
        """The material as listed: ``居民身份证：原件 1 份（须在有效期内）``."""
        note = f"（{self.note}）" if self.note else ""
        return f"{self.name_zh}：{self.amount_text}{note}"


@dataclass(frozen=True)
class IntakeItem:
    """A catalogue item as printed: its Chinese name and its catalogue code."""

    code: str
    name_zh: str

    def __post_init__(self) -> None:
        if not self.name_zh.strip():
            raise ValueError("an item needs its Chinese name")

    @property
    def printed(self) -> str:
        return f"{self.name_zh}（事项编码：{self.code}）" if self.code else self.name_zh


def mask_id_text(text: str) -> str:
    """An ID number as printed: first 6 and last 4 characters (an already masked one as is)."""
    value = text.strip()
    if "*" in value or len(value) <= 10:
        return value
    return f"{value[:6]}{'*' * (len(value) - 10)}{value[-4:]}"


@dataclass(frozen=True)
class Customer:
    """Who the document is for: a person (name and ID number, printed masked) or an employer
    (name and unified social credit code). Build one with ``person`` or ``employer``."""

    name: str
    id_masked: str = ""
    credit_code: str = ""

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a customer needs a name")
        if self.id_masked and self.credit_code:
            raise ValueError("a customer is a person or an employer, not both")
        # Never an unmasked ID number on paper, whatever the caller passed.
        object.__setattr__(self, "id_masked", mask_id_text(self.id_masked))

    @classmethod
    def person(cls, name: str, id_number: IdNumber | str) -> Customer:
        masked = id_number.masked() if isinstance(id_number, IdNumber) else id_number
        return cls(name, id_masked=masked)

    @classmethod
    def employer(cls, name: str, credit_code: Uscc | str) -> Customer:
        code = credit_code.value if isinstance(credit_code, Uscc) else credit_code.strip()
        return cls(name, credit_code=code)

    @property
    def is_employer(self) -> bool:
        return bool(self.credit_code)

    def blocks(self) -> list[Block]:
        if self.is_employer:
            return [
                KeyValue("单位名称：", self.name),
                KeyValue("统一社会信用代码：", self.credit_code),
            ]
        blocks: list[Block] = [KeyValue("申请人：", self.name)]
        if self.id_masked:
            blocks.append(KeyValue("证件号码：", self.id_masked))
        return blocks


# A review level in words, as the customer reads it on the receipt.
REVIEW_LEVEL_ZH = {
    ReviewLevel.L1: "即办（窗口当场办结）",
    ReviewLevel.L2: "复核（窗口受理，经复核后办结）",
    ReviewLevel.L3: "审批（窗口受理，经复核、审批后办结）",
}


def review_level_text(level: ReviewLevel) -> str:
    return REVIEW_LEVEL_ZH[ReviewLevel(level)]


def return_by_text(return_by: Deadline | dt.date) -> str:
    """The date to come back by: ``2026年12月08日前``, provisional note included."""
    if isinstance(return_by, Deadline):
        text = f"{return_by.date:%Y年%m月%d日}前"
        return f"{text}（{PROVISIONAL_DEADLINE_NOTE}）" if return_by.provisional else text
    return f"{return_by:%Y年%m月%d日}前"


@dataclass(frozen=True)
class KeyFigure:
    """A label/value line of a result slip. A ``Decimal`` value is an amount in yuan, printed
    as on the payment receipt (``¥1,234.50``); an ``int`` or text is printed as given,
    followed by ``unit`` (``12`` and ``个月`` print as ``12 个月``)."""

    label_zh: str
    value: Decimal | int | str
    unit: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.value, (bool, float)):
            raise TypeError("a figure is a Decimal amount, an int or text, never a float")

    @property
    def value_text(self) -> str:
        if isinstance(self.value, Decimal):
            return format_yuan(self.value) + (f" {self.unit}" if self.unit else "")
        return f"{self.value} {self.unit}" if self.unit else str(self.value)


def _numbered(heading: str, materials: tuple[MaterialLine, ...]) -> list[Block]:
    blocks: list[Block] = [Text(f"{heading}（共 {len(materials)} 项）：", bold=True)]
    blocks.extend(Text(m.printed, marker=list_marker(i)) for i, m in enumerate(materials, 1))
    return blocks


def _footer(office: Office, contact: str, printed_at: dt.datetime) -> list[Block]:
    blocks: list[Block] = [
        Rule(),
        KeyValue("经办窗口：", f"{office.window} 号窗口"),
        KeyValue("经办人：", office.teller),
    ]
    if contact:
        blocks.append(KeyValue("咨询电话：", contact))
    blocks.append(KeyValue("打印时间：", f"{printed_at:%Y-%m-%d %H:%M}"))
    return blocks


def _heading(office: Office, title: str) -> list[Block]:
    return [
        Text(office.hall_name, align="center"),
        Text(title, align="center", bold=True, size=2),
        Rule(),
    ]


def _tuple(owner: object, name: str) -> None:
    """Store a sequence field as a tuple, so the frozen document holds no mutable list."""
    object.__setattr__(owner, name, tuple(getattr(owner, name)))


@dataclass(frozen=True)
class MissingMaterialsNotice:
    """一次性告知书: everything still missing for ``item``, told at once.

    ``case_no`` is the case's number when the case was accepted with materials to follow
    (容缺受理); ``notice_no`` the notice's own number otherwise. The QR code carries the
    case number (``COUNTER-CASE:``) or else the notice number (``COUNTER-NOTICE:``), so the
    next visit starts from a scan; without either the notice has no QR code. ``return_by`` is
    the time limit to come back, if the item sets one; ``legal_basis`` the basis the catalogue
    names for the item's materials; ``hall_contact`` the hall's telephone (咨询电话).
    ``printed_at`` defaults to ``issued_at`` (a reprint passes the time of printing).
    """

    office: Office
    issued_at: dt.datetime
    customer: Customer
    item: IntakeItem
    missing: tuple[MaterialLine, ...]
    optional: tuple[MaterialLine, ...] = ()
    case_no: str | None = None
    notice_no: str | None = None
    return_by: Deadline | dt.date | None = None
    legal_basis: str = ""
    hall_contact: str = ""
    printed_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        _tuple(self, "missing")
        _tuple(self, "optional")
        if not self.missing:
            raise ValueError("a one-time notification lists at least one missing material")

    @property
    def print_reference(self) -> str:
        """The reference the print log records with the job."""
        return self.case_no or self.notice_no or ""

    @property
    def qr_payload(self) -> str | None:
        if self.case_no:
            return case_qr_payload(self.case_no)
        if self.notice_no:
            return notice_qr_payload(self.notice_no)
        return None

    def to_doc(self, *, reprint: bool = False) -> Doc:
        doc = Doc(NOTICE_KIND, "一次性告知书", reprint=reprint).add(
            *_heading(self.office, "一次性告知书")
        )
        if self.notice_no:
            doc.add(KeyValue("告知书编号：", self.notice_no))
        if self.case_no:
            doc.add(KeyValue("受理编号：", self.case_no))
        doc.add(KeyValue("告知日期：", f"{self.issued_at:%Y-%m-%d}"))
        doc.add(*self.customer.blocks())
        doc.add(KeyValue("办理事项：", self.item.name_zh))
        if self.item.code:
            doc.add(KeyValue("事项编码：", self.item.code))
        doc.add(
            Rule(),
            Text(f"{self.customer.name}：", bold=True),
            Text(
                f"您申请办理的「{self.item.name_zh}」尚需补齐以下材料。"
                + ("请在补齐期限内" if self.return_by is not None else "请")
                + "一次备齐后再来办理，已交的材料无需重复提交。"
            ),
        )
        doc.add(*_numbered("需补齐的材料", self.missing))
        if self.optional:
            doc.add(Spacer())
            doc.add(*_numbered("如有以下材料，请一并携带", self.optional))
        doc.add(Spacer())
        if self.return_by is not None:
            doc.add(KeyValue("补齐期限：", return_by_text(self.return_by)))
        if self.legal_basis:
            doc.add(KeyValue("告知依据：", self.legal_basis))
        payload = self.qr_payload
        if payload is not None:
            doc.add(QrCode(payload, caption="再次办理时请出示本告知书，窗口扫码即可续办"))
        return doc.add(*_footer(self.office, self.hall_contact, self.printed_at or self.issued_at))


@dataclass(frozen=True)
class AcceptanceReceipt:
    """受理回执: a case accepted, with what was received and when it will be finished.

    ``items`` holds one item, or every item of a bundle (一件事一次办, named ``bundle_name``),
    all on this one receipt. ``promised_by`` is the promised completion date (承诺办结): a
    ``Deadline`` prints its provisional note when it is provisional; ``None`` prints none
    (an item finished on the spot). ``printed_at`` defaults to ``accepted_at`` (a reprint
    passes the time of printing).
    """

    office: Office
    case_no: str
    items: tuple[IntakeItem, ...]
    customer: Customer
    received: tuple[MaterialLine, ...]
    accepted_at: dt.datetime
    promised_by: Deadline | dt.date | None
    review_level: ReviewLevel
    bundle_name: str = ""
    hall_contact: str = ""
    printed_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        _tuple(self, "items")
        _tuple(self, "received")
        if not self.case_no.strip():
            raise ValueError("an acceptance receipt needs its case number")
        if not self.items:
            raise ValueError("an acceptance receipt names at least one item")
        object.__setattr__(self, "review_level", ReviewLevel(self.review_level))

    @property
    def print_reference(self) -> str:
        return self.case_no

    @property
    def is_bundle(self) -> bool:
        return len(self.items) > 1 or bool(self.bundle_name)

    @property
    def provisional(self) -> bool:
        """Whether the promised date is provisional (a year's holidays not yet published)."""
        return isinstance(self.promised_by, Deadline) and self.promised_by.provisional

    def to_doc(self, *, reprint: bool = False) -> Doc:
        doc = Doc(RECEIPT_KIND, "受理回执", reprint=reprint).add(
            *_heading(self.office, "受理回执"),
            KeyValue("受理编号：", self.case_no),
        )
        if self.is_bundle:
            if self.bundle_name:
                doc.add(KeyValue("一件事一次办：", self.bundle_name))
            doc.add(Text(f"办理事项（共 {len(self.items)} 项）：", bold=True))
            doc.add(
                *(Text(it.printed, marker=list_marker(i)) for i, it in enumerate(self.items, 1))
            )
        else:
            (item,) = self.items
            doc.add(KeyValue("办理事项：", item.name_zh))
            if item.code:
                doc.add(KeyValue("事项编码：", item.code))
        doc.add(*self.customer.blocks())
        doc.add(
            KeyValue("受理时间：", f"{self.accepted_at:%Y-%m-%d %H:%M}"),
            KeyValue("办理方式：", review_level_text(self.review_level)),
        )
        if self.promised_by is not None:
            doc.add(KeyValue("承诺办结：", promised_text(self.promised_by)))
        if self.received:
            doc.add(*_numbered("已收材料", self.received))
        doc.add(QrCode(case_qr_payload(self.case_no), caption="凭此码或受理编号查询办理进度"))
        return doc.add(
            *_footer(self.office, self.hall_contact, self.printed_at or self.accepted_at)
        )


@dataclass(frozen=True)
class ResultSlip:
    """办结单: an item finished on the spot (即办件), with the figures the teller worked out.

    ``figures`` are label/value lines (amounts as ``Decimal`` yuan); ``result`` is the result
    in a few words (``已办结``, ``参保登记成功``), printed when given.
    """

    office: Office
    case_no: str
    item: IntakeItem
    customer: Customer
    finished_at: dt.datetime
    figures: tuple[KeyFigure, ...] = ()
    result: str = ""
    hall_contact: str = ""
    printed_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        _tuple(self, "figures")
        if not self.case_no.strip():
            raise ValueError("a result slip needs its case number")

    @property
    def print_reference(self) -> str:
        return self.case_no

    def to_doc(self, *, reprint: bool = False) -> Doc:
        doc = Doc(RESULT_SLIP_KIND, "办结单", reprint=reprint).add(
            *_heading(self.office, "办结单"),
            KeyValue("受理编号：", self.case_no),
            KeyValue("办理事项：", self.item.name_zh),
        )
        if self.item.code:
            doc.add(KeyValue("事项编码：", self.item.code))
        doc.add(*self.customer.blocks())
        doc.add(KeyValue("办结时间：", f"{self.finished_at:%Y-%m-%d %H:%M}"))
        if self.result:
            doc.add(KeyValue("办理结果：", self.result))
        if self.figures:
            doc.add(Rule(), Text("办理结果明细：", bold=True))
            doc.add(*(KeyValue(f"  {f.label_zh}：", f.value_text) for f in self.figures))
        return doc.add(
            *_footer(self.office, self.hall_contact, self.printed_at or self.finished_at)
        )
