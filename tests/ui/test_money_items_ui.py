"""A day of money business at window 3: form → validation → command → case → document.

An employer declares its staff's bases, a flexible worker pays at a grade, an employer
back-pays three months with the late fee shown, and a family asks for the personal account
of a deceased member (L3, the case goes to approval). Each form is the real one in the real
teller window against a real ``counter-central``; each printed document is read back from
the PDF with ``pdftotext`` and its total found; between customers nothing stays on any form.

Expected amounts are worked out here from the published figures (sources in
``tests/integration/test_money_items.py``): Zhejiang 2025 limits 4986 / 25299 (浙人社发〔2025〕
52号), Sichuan 2025 lower limit 4588 (川人社办发〔2025〕39号), Chengdu flexible medical base 6117
at 9.5 %, the late fee of 0.05 % a day (Social Insurance Law art. 86), the credited rates of
2023 (3.97 %) and 2024 (2.62 %).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from readback import pdftotext
from sqlalchemy.orm import Session
from standards import gb11643_id, gb32100_code
from teller_windows import open_window

from counter_app.centre import bootstrap
from counter_app.client.workstation import Workstation
from counter_app.items.person_enroll import KIND as ENROLL
from counter_app.storage.shared_models import CaseRow, EmployerRow, InsuranceStatusRow
from counter_app.ui.item_forms.back_payment_form import BackPaymentForm
from counter_app.ui.item_forms.base_declaration_form import BaseDeclarationForm
from counter_app.ui.item_forms.flexible_payment_form import FlexiblePaymentForm
from counter_app.ui.item_forms.money_form import MoneyForm
from counter_app.ui.item_forms.refund_form import RefundForm
from counter_app.ui.main_window import TellerWindow

DECLARING = gb32100_code("91330100", "MA2KQ7L3")
BACK_PAYING = gb32100_code("91330100", "MA2LR8M4")
LOW_PAID = gb11643_id("33010619900101001")
HIGH_PAID = gb11643_id("33010619800202002")
FLEXIBLE = gb11643_id("51010619850303003")
DECEASED = gb11643_id("33010619600404004")
HEIR = gb11643_id("33010619650505005")
FEN = Decimal("0.01")


def fen(value: Decimal) -> Decimal:
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def enroll(ws: Workstation, id_number: str, name: str) -> None:
    payload = {
        "id_number": id_number,
        "name": name,
        "phone": "13800138000",
        "address": "",
        "category": "flexible",
        "insurance_types": ["pension", "medical"],
        "start_date": "2024-01-01",
        "employer_code": "",
        "window_number": 3,
    }
    ws.execute(ws.command(ENROLL, payload, "teller1"))
    assert ws.sync_once().online


def money_form(window: TellerWindow, code: str) -> Any:
    form = window.show_item(code)
    assert isinstance(form, MoneyForm), code
    return form


def accept_and_print(qtbot: Any, form: MoneyForm, pdf_folder: Path, tmp_path: Path) -> str:
    """Accept, wait until the centre has numbered the case, print its document on the PDF
    printer and read the text back."""
    with qtbot.waitSignal(form.submitted, timeout=10_000):
        form.accept_case()
    qtbot.waitUntil(lambda: form.outcome.settled, timeout=20_000)
    assert form.outcome.state is not None and form.outcome.state.status == "applied"
    assert form.outcome.print_button.isEnabled()
    before = set(pdf_folder.glob("*.pdf")) if pdf_folder.exists() else set()
    with qtbot.waitSignal(form.outcome.printed, timeout=10_000) as opened:
        form.outcome.print_button.click()
    preview = opened.args[0]
    preview.choice.setCurrentIndex(preview.choice.findData("a4"))
    with qtbot.waitSignal(preview.printed, timeout=20_000):
        preview.print_now()
    preview.close()
    (written,) = set(pdf_folder.glob("*.pdf")) - before
    return pdftotext(written.read_bytes(), tmp_path, name=written.stem)


def assert_empty(window: TellerWindow, forms: list[MoneyForm]) -> None:
    """Nothing of an earlier customer on any money form."""
    assert window.context.id_number is None and window.context.employer_code is None
    for form in forms:
        assert form.preview.rowCount() == 0, type(form).__name__
        assert form.outcome.result.text() == "" and form.outcome.print_button.isHidden()
        assert form.checklist.received() == ()
        assert all(label.text() == "" and label.isHidden() for label in form.errors.values())
        assert not form.has_unsaved_input()  # the next ticket may be called without a question
    base, flexible, back, refund = forms
    assert isinstance(base, BaseDeclarationForm)
    assert base.credit_code.text() == "" and base.staff.rowCount() == 1
    assert not any(base._cell(0, c) for c in range(3))
    assert isinstance(flexible, FlexiblePaymentForm) and flexible.id_number.text() == ""
    assert isinstance(back, BackPaymentForm)
    assert back.credit_code.text() == "" and back.lines.rowCount() == 0
    assert isinstance(refund, RefundForm)
    assert (refund.id_number.text(), refund.heir_name.text(), refund.heir_id.text()) == ("", "", "")
    assert refund.yearly.rowCount() == 0 and refund.recorded == []


def test_a_day_of_money_business(
    qtbot: Any, ws: Workstation, tmp_path: Path, central_db: Any
) -> None:
    pdf_folder = tmp_path / "pdf"
    ws.config.printers = [
        {"name": "a4", "kind": "pdf", "connection": "file", "path": str(pdf_folder)}
    ]
    bootstrap.bulk_load(
        central_db,
        EmployerRow,
        [
            {"credit_code": DECLARING, "name": "杭州示范科技有限公司"},
            {"credit_code": BACK_PAYING, "name": "杭州补缴贸易有限公司"},
        ],
    )
    enroll(ws, FLEXIBLE, "孙三")
    enroll(ws, DECEASED, "吴四")
    window = open_window(qtbot, ws)
    base = money_form(window, "CONTRIB-BASE")
    flexible = money_form(window, "CONTRIB-FLEX")
    back = money_form(window, "CONTRIB-BACKPAY")
    refund = money_form(window, "REFUND-ACCOUNT")
    forms = [base, flexible, back, refund]
    assert isinstance(base, BaseDeclarationForm) and isinstance(flexible, FlexiblePaymentForm)
    assert isinstance(back, BackPaymentForm) and isinstance(refund, RefundForm)

    # -- 1. An employer declares its staff's bases for 2025 (Hangzhou). -------------------------
    window.show_item("CONTRIB-BASE")
    window.context.set_employer(DECLARING)
    assert base.credit_code.text() == DECLARING and not base.has_unsaved_input()
    base.region.setCurrentIndex(base.region.findData("zhejiang-hangzhou"))
    base.effective_month.setDate(QDate(2026, 1, 1))
    base.set_staff(0, LOW_PAID, "赵一", "3800")
    # 2026 has no published limits: the preview says so, and Accept is refused with the month.
    assert "2026-01" in base.preview_note.text() and base.preview.rowCount() == 0
    base.checklist.tick_all()
    base.accept_case()
    qtbot.waitUntil(lambda: base.errors["effective_month"].text() != "", timeout=5_000)
    assert "2026-01" in base.errors["effective_month"].text()
    base.effective_month.setDate(QDate(2025, 1, 1))
    row = base.add_staff()
    base.set_staff(row, HIGH_PAID, "钱二", "30000")
    assert base.has_unsaved_input()
    # E1/E2: 3800 → 4986 (lower limit), 30000 → 25299 (upper limit), HALF_UP per line.
    low_individual = sum(
        (fen(Decimal(4986) * Decimal(r)) for r in ("0.08", "0.02", "0.005")), Decimal(0)
    )
    high_individual = sum(
        (fen(Decimal(25299) * Decimal(r)) for r in ("0.08", "0.02", "0.005")), Decimal(0)
    )
    assert (low_individual, high_individual) == (Decimal("523.53"), Decimal("2656.40"))
    shown = base.preview_text()
    assert "below the lower limit: clamped" in shown and "above the upper limit" in shown
    assert "¥4,986.00" in shown and "¥25,299.00" in shown
    assert f"¥{low_individual + high_individual:,.2f}" in shown  # the staff's share a month
    text = accept_and_print(qtbot, base, pdf_folder, tmp_path)
    assert "办结单" in text and "缴费基数申报" in text
    assert "低于下限，按下限" in text and "高于上限，按上限" in text
    year_total = 12 * (
        low_individual
        + high_individual
        + sum(
            (fen(Decimal(4986) * Decimal(r)) for r in ("0.16", "0.095", "0.005", "0.002")),
            Decimal(0),
        )
        + sum(
            (fen(Decimal(25299) * Decimal(r)) for r in ("0.16", "0.095", "0.005", "0.002")),
            Decimal(0),
        )
    )
    assert f"¥{year_total:,.2f}" in text  # 申报期缴费总额

    window.new_customer()
    assert_empty(window, forms)

    # -- 2. A flexible worker pays three months at the 60 % grade (Chengdu). ---------------------
    window.show_item("CONTRIB-FLEX")
    window.context.identify(FLEXIBLE, None)
    assert flexible.id_number.text() == FLEXIBLE
    flexible.region.setCurrentIndex(flexible.region.findData("sichuan-chengdu"))
    flexible.from_month.setDate(QDate(2025, 4, 1))
    flexible.to_month.setDate(QDate(2025, 6, 1))
    flexible.choose_grade("60%")
    # E3: 4588 × 20 % = 917.60 (367.04 to the account); medical 535.24 + 45.88 on 6117.
    month_total = fen(Decimal(4588) * Decimal("0.2")) + fen(Decimal(6117) * Decimal("0.0875"))
    month_total += fen(Decimal(6117) * Decimal("0.0075"))
    assert month_total == Decimal("1498.72")
    shown = flexible.preview_text()
    assert "¥367.04" in shown and "¥550.56" in shown and f"¥{3 * month_total:,.2f}" in shown
    flexible.checklist.tick_all()
    text = accept_and_print(qtbot, flexible, pdf_folder, tmp_path)
    assert "灵活就业人员缴费" in text and "¥917.60" in text
    assert f"¥{3 * month_total:,.2f}" in text  # 应缴总额

    window.new_customer()
    assert_empty(window, forms)

    # -- 3. An employer back-pays January to March 2025 with the late fee. ------------------------
    window.show_item("CONTRIB-BACKPAY")
    window.context.set_employer(BACK_PAYING)
    back.region.setCurrentIndex(back.region.findData("zhejiang-hangzhou"))
    back.paid_on.setDate(QDate(2025, 6, 30))
    back.fill_id.setText(LOW_PAID)
    back.fill_from.setDate(QDate(2025, 1, 1))
    back.fill_to.setDate(QDate(2025, 3, 1))
    back.fill_wage.setText("4986")
    back.fill_months()
    assert back.lines.rowCount() == 3
    # E4: 1819.89 a month; 150, 122 and 91 days at 0.05 % a day (art. 86).
    principal = sum(
        (
            fen(Decimal(4986) * Decimal(r))
            for r in ("0.08", "0.02", "0.005", "0.16", "0.095", "0.005")
        ),
        Decimal(0),
    )
    days = [(dt.date(2025, 6, 30) - dt.date(2025, m, 1)).days + 1 for m in (2, 3, 4)]
    fees = [fen(principal * Decimal("0.0005") * d) for d in days]
    total = 3 * principal + sum(fees)
    assert (fees, total) == (
        [Decimal("136.49"), Decimal("111.01"), Decimal("82.80")],
        Decimal("5789.97"),
    )
    shown = back.preview_text()
    assert all(f"¥{fee:,.2f}" in shown for fee in fees) and "150 days" in shown
    assert f"Total due: ¥{total:,.2f}" in shown
    # A payment date after the centre's day cannot even be typed.
    back.paid_on.setDate(QDate.currentDate().addDays(3))
    assert back.paid_on.date() <= QDate.currentDate()
    back.paid_on.setDate(QDate(2025, 6, 30))
    back.checklist.tick_all()
    text = accept_and_print(qtbot, back, pdf_folder, tmp_path)
    assert "受理回执" in text and "复核" in text
    assert "¥136.49" in text and "¥111.01" in text and "¥82.80" in text
    assert f"¥{total:,.2f}" in text  # 应缴总额
    with Session(central_db) as session:
        case = session.get(CaseRow, back.outcome.command_uuid)
        assert case is not None and (case.review_level, case.status) == (2, "in_review")

    window.new_customer()
    assert_empty(window, forms)

    # -- 4. A family asks for the account of a member who died early in 2025. ---------------------
    window.show_item("REFUND-ACCOUNT")
    window.context.identify(DECEASED, None)
    assert refund.id_number.text() == DECEASED and not refund.has_unsaved_input()
    refund.choose(refund.reason, "death")
    assert refund.heir.isVisibleTo(refund)
    refund.event_date.setDate(QDate(2025, 2, 10))
    refund.heir_name.setText("周五")
    refund.heir_id.setText(HEIR)
    refund.choose(refund.heir_relation, "spouse")
    refund.account_number.setText("6222020200112233445")
    qtbot.waitUntil(lambda: refund.source.currentData() == "entered", timeout=5_000)  # no records
    refund.add_year("2023", "5760")
    refund.add_year("2024", "5760")
    # E5: 480 a month through 2023 and 2024 at 3.97 % and 2.62 % → 11879.76.
    stored = sum(Decimal(480) * (13 - m) for m in range(1, 13)) / 12
    balance_2023 = Decimal(5760) + fen(stored * Decimal("0.0397"))
    balance = (
        balance_2023
        + fen(balance_2023 * Decimal("0.0262"))
        + Decimal(5760)
        + fen(stored * Decimal("0.0262"))
    )
    assert balance == Decimal("11879.76")
    assert f"Amount to pay (after approval): ¥{balance:,.2f}" in refund.preview_text()
    # Without the death certificate the case is not accepted.
    for code, box in refund.checklist.boxes.items():
        box.setChecked(code not in ("death_proof", "emigration_proof"))
    refund.accept_case()
    assert "Mandatory materials are missing" in refund.outcome.result.text()
    refund.checklist.boxes["death_proof"].setChecked(True)
    text = accept_and_print(qtbot, refund, pdf_folder, tmp_path)
    assert "受理回执" in text and "审批" in text and f"¥{balance:,.2f}" in text
    with Session(central_db) as session:
        case = session.get(CaseRow, refund.outcome.command_uuid)
        assert case is not None and (case.review_level, case.status) == (3, "in_review")
        assert json.loads(case.details)["heir"]["name"] == "周五"
        statuses = session.query(InsuranceStatusRow.status).filter_by(id_number=DECEASED).all()
        assert sorted(s for (s,) in statuses) == ["active", "active"]  # unchanged until approved

    window.new_customer()
    assert_empty(window, forms)
