"""The documents the hall prints, as templates from plain data to a ``Doc``.

Queue ticket, acceptance receipt (受理回执), one-time notification (一次性告知书), proof of
insurance (参保证明, personal and employer), result notice (办理结果通知), payment receipt
(缴费凭证) and the teller's day summary (柜员日结单). ID numbers are printed masked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from counter_app.domain.money import format_yuan, money, sum_rounded
from counter_app.domain.workdays import Deadline
from counter_app.printing.layout import Doc, KeyValue, QrCode, Rule, Spacer, Text
from counter_app.printing.verification import case_qr_payload, qr_payload

INSURANCE_NAMES = {
    "pension": "养老保险",
    "medical": "医疗保险",
    "unemployment": "失业保险",
    "work_injury": "工伤保险",
    "maternity": "生育保险",
}
CATEGORY_NAMES = {"employee": "职工", "flexible": "灵活就业", "resident": "城乡居民"}


@dataclass(frozen=True)
class Office:
    hall_name: str
    window: int
    teller: str


def _footer(doc: Doc, office: Office, when: dt.datetime) -> Doc:
    return doc.add(
        Rule(),
        KeyValue("经办窗口：", f"{office.window} 号窗口"),
        KeyValue("经办人：", office.teller),
        KeyValue("打印时间：", f"{when:%Y-%m-%d %H:%M}"),
    )


def queue_ticket(
    hall_name: str,
    number: str,
    category_name: str,
    people_ahead: int,
    estimated_wait_min: int,
    issued_at: dt.datetime,
) -> Doc:
    return Doc("queue_ticket", hall_name).add(
        Text(hall_name, align="center", bold=True),
        Rule(),
        Text(number, align="center", bold=True, size=2),
        Text(category_name, align="center"),
        Spacer(),
        KeyValue("前面等候：", f"{people_ahead} 人"),
        KeyValue("预计等候：", f"约 {estimated_wait_min} 分钟"),
        KeyValue("取号时间：", f"{issued_at:%Y-%m-%d %H:%M:%S}"),
        Rule(),
        Text("请留意叫号，过号请重新取号", align="center"),
    )


# Printed after a promised date counted over days whose holiday arrangement is not yet published.
PROVISIONAL_DEADLINE_NOTE = "暂按法定节假日推算，以国务院公布的放假安排为准"


def promised_text(promised_by: Deadline | dt.date) -> str:
    """承诺办结 as printed: "2027年01月08日前", with the provisional note when it applies."""
    if isinstance(promised_by, Deadline):
        text = f"{promised_by.date:%Y年%m月%d日}前"
        return f"{text}（{PROVISIONAL_DEADLINE_NOTE}）" if promised_by.provisional else text
    return f"{promised_by:%Y年%m月%d日}前"


def acceptance_receipt(
    office: Office,
    case_no: str,
    item_name: str,
    applicant: str,
    id_masked: str,
    materials: Sequence[str],
    promised_by: Deadline | dt.date | None,
    when: dt.datetime,
) -> Doc:
    doc = Doc("acceptance_receipt", "受理回执").add(
        Text(office.hall_name, align="center"),
        Text("受理回执", align="center", bold=True, size=2),
        Rule(),
        KeyValue("受理编号：", case_no),
        KeyValue("办理事项：", item_name),
        KeyValue("申请人：", applicant),
        KeyValue("证件号码：", id_masked),
    )
    if materials:
        doc.add(Text("已收材料：", bold=True))
        doc.add(*(Text(f"  {i}. {m}") for i, m in enumerate(materials, start=1)))
    if promised_by is not None:
        doc.add(KeyValue("承诺办结：", promised_text(promised_by)))
    doc.add(QrCode(case_qr_payload(case_no), caption="凭此码或受理编号到任一窗口查询办理进度"))
    return _footer(doc, office, when)


def one_time_notification(
    office: Office,
    item_name: str,
    applicant: str,
    missing: Sequence[str],
    when: dt.datetime,
) -> Doc:
    doc = Doc("one_time_notice", "一次性告知书").add(
        Text(office.hall_name, align="center"),
        Text("一次性告知书", align="center", bold=True, size=2),
        Rule(),
        Text(f"{applicant}：", bold=True),
        Text(f"您申请办理的「{item_name}」尚需补齐以下材料，请一次备齐后再来办理："),
    )
    doc.add(*(Text(f"  {i}. {m}") for i, m in enumerate(missing, start=1)))
    return _footer(doc, office, when)


def proof_of_insurance_personal(
    office: Office, content: dict[str, object], code: str, when: dt.datetime
) -> Doc:
    doc = Doc("proof_personal", "参保证明").add(
        Text("社会保险参保证明（个人）", align="center", bold=True, size=2),
        Text(office.hall_name, align="center"),
        Rule(),
        KeyValue("姓名：", str(content["name"])),
        KeyValue("证件号码：", str(content["id_number_masked"])),
        KeyValue("个人参保编号：", str(content["insured_number"])),
        KeyValue("参保类别：", CATEGORY_NAMES.get(str(content["category"]), "")),
        Text("参保险种：", bold=True),
    )
    for item in content.get("insurance", []):  # type: ignore[attr-defined]
        name = INSURANCE_NAMES.get(item["type"], item["type"])
        doc.add(KeyValue(f"  {name}", f"  {item['since']} 起  参保缴费"))
    return _certificate_tail(doc, office, content, code, when)


def proof_of_insurance_employer(
    office: Office, content: dict[str, object], code: str, when: dt.datetime
) -> Doc:
    doc = Doc("proof_employer", "参保证明").add(
        Text("社会保险参保证明（单位）", align="center", bold=True, size=2),
        Text(office.hall_name, align="center"),
        Rule(),
        KeyValue("单位名称：", str(content["name"])),
        KeyValue("统一社会信用代码：", str(content["credit_code"])),
        KeyValue("单位地址：", str(content["address"])),
        KeyValue("在册参保人数：", f"{content['insured_staff']} 人"),
    )
    return _certificate_tail(doc, office, content, code, when)


def _certificate_tail(
    doc: Doc, office: Office, content: dict[str, object], code: str, when: dt.datetime
) -> Doc:
    doc.add(
        Spacer(),
        Text(f"特此证明。数据截至 {content['as_of']}。"),
        Spacer(),
        KeyValue("验证码：", code),
        QrCode(qr_payload(code), caption="扫码或凭验证码核验本证明真伪"),
    )
    return _footer(doc, office, when)


def result_notice(
    office: Office, case_no: str, item_name: str, applicant: str, result: str, when: dt.datetime
) -> Doc:
    doc = Doc("result_notice", "办理结果通知书").add(
        Text("办理结果通知书", align="center", bold=True, size=2),
        Rule(),
        KeyValue("受理编号：", case_no),
        KeyValue("办理事项：", item_name),
        KeyValue("申请人：", applicant),
        KeyValue("办理结果：", result),
    )
    return _footer(doc, office, when)


def payment_receipt(
    office: Office,
    receipt_no: str,
    payer: str,
    lines: Sequence[tuple[str, Decimal]],
    when: dt.datetime,
) -> Doc:
    # Each line is rounded to the fen (ROUND_HALF_UP) where the rules round it, and the total
    # is the sum of the printed lines, so the receipt always adds up.
    rounded = [(label, money(amount)) for label, amount in lines]
    total = sum_rounded(amount for _, amount in lines)
    doc = Doc("payment_receipt", "缴费凭证").add(
        Text("社会保险费缴费凭证", align="center", bold=True, size=2),
        Rule(),
        KeyValue("凭证号：", receipt_no),
        KeyValue("缴费人：", payer),
    )
    doc.add(*(KeyValue(f"  {label}", format_yuan(amount)) for label, amount in rounded))
    doc.add(Rule(), KeyValue("合计：", format_yuan(total)))
    return _footer(doc, office, when)


def teller_day_summary(
    office: Office, day: dt.date, counts: Sequence[tuple[str, int]], when: dt.datetime
) -> Doc:
    doc = Doc("day_summary", "柜员日结单").add(
        Text("柜员日结单", align="center", bold=True, size=2),
        KeyValue("日期：", f"{day:%Y-%m-%d}"),
        Rule(),
    )
    doc.add(*(KeyValue(f"  {item}", f"{count} 笔") for item, count in counts))
    doc.add(Rule(), KeyValue("合计：", f"{sum(c for _, c in counts)} 笔"))
    return _footer(doc, office, when)
