"""The four money items through the real command path: window → outbox → counter-central.

Base declaration (缴费基数申报), flexible-employment payment (灵活就业人员缴费), back-payment
with late fee (社会保险费补缴) and the personal-account refund (个人账户一次性支付). Every
expected figure is worked out here by hand from the published figures, each with its source
(``contributions.md`` is the team's reference compilation; its sources are cited there):

- Zhejiang 2025 base limits 4986 / 25299 (浙人社发〔2025〕52号, contributions.md §1 [A1]);
  Zhejiang 2024 lower limit 4812 (浙人社发〔2024〕61号, §1 [A2]).
- Rates: pension 16 % / 8 %, Hangzhou medical 9.5 % / 2 %, unemployment 0.5 % / 0.5 %,
  work injury class 1 at 0.2 % (§2; the worked examples E1 and E2 of §7 use exactly these).
- Flexible pension 20 %, of which 8 % to the personal account (国发〔2005〕38号, §3 [C]);
  Sichuan 2025 lower limit 4588 (川人社办发〔2025〕39号, §1 [B1]); Chengdu flexible medical base
  6117 at 8.75 % + 0.75 % (§3 [B2], example E3).
- Late fee 0.05 % a day (Social Insurance Law art. 86, §5 [H][J]), days counted inclusively
  from the 1st of the next month to the payment date, rounded per month (example E4).
- Credited rates 2023 3.97 % and 2024 2.62 % (§6 [L][C]); the current-year interest of month
  m's contribution for 13 − m months (example E5).

Amounts are rounded to the fen HALF_UP at each line, as the examples do.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from standards import gb11643_id, gb32100_code

from counter_app.catalogue.load import shipped_catalogue
from counter_app.centre import bootstrap
from counter_app.client.workstation import Workstation
from counter_app.domain.errors import ValidationError, ValidationErrors
from counter_app.items.back_payment import SPEC as BACK_PAYMENT
from counter_app.items.person_enroll import KIND as ENROLL
from counter_app.services import contribution_items as money
from counter_app.services.contribution_records import contribution_history
from counter_app.services.counter_lookups import command_state
from counter_app.storage.contribution_models import ContributionRow
from counter_app.storage.local_models import OutboxRow
from counter_app.storage.shared_models import CaseRow, EmployerRow, InsuranceStatusRow

EMPLOYER = gb32100_code("91330100", "MA2KQ7L3")
LOW_PAID = gb11643_id("33010619900101001")  # wage 3800: below the lower limit
HIGH_PAID = gb11643_id("33010619800202002")  # wage 30000: above the upper limit
FLEXIBLE = gb11643_id("51010619850303003")
DECEASED = gb11643_id("33010619600404004")
HEIR = gb11643_id("33010619650505005")
VERSION = shipped_catalogue().version
FEN = Decimal("0.01")


def fen(value: Decimal) -> Decimal:
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


@pytest.fixture
def ws(make_workstation: Any, central_db: Engine) -> Workstation:
    ws: Workstation = make_workstation("WS-M", window=2)
    ws.centre.login("teller1", "demo-teller1")
    bootstrap.bulk_load(
        central_db, EmployerRow, [{"credit_code": EMPLOYER, "name": "杭州示范科技有限公司"}]
    )
    assert ws.sync_once().online
    return ws


def synced(ws: Workstation) -> None:
    report = ws.sync_once()
    assert report.online, report.error


def central_case(central_db: Engine, case_id: str) -> CaseRow:
    with Session(central_db) as session:
        case = session.get(CaseRow, case_id)
        assert case is not None
        session.expunge(case)
        return case


def enroll(ws: Workstation, id_number: str, name: str, category: str = "flexible") -> None:
    payload = {
        "id_number": id_number,
        "name": name,
        "phone": "13800138000",
        "address": "",
        "category": category,
        "insurance_types": ["pension", "medical"],
        "start_date": "2024-01-01",
        "employer_code": "",
        "window_number": 2,
    }
    ws.execute(ws.command(ENROLL, payload, "teller1"))
    synced(ws)


# -- 1. contribution base declaration ---------------------------------------------------------


def declaration(effective_month: str = "2025-01", **changes: Any) -> money.BaseDeclarationPayload:
    staff = (
        money.StaffWage(LOW_PAID, Decimal("3800"), "赵一"),
        money.StaffWage(HIGH_PAID, Decimal("30000"), "钱二"),
    )
    values: dict[str, Any] = {
        "credit_code": EMPLOYER,
        "region": "zhejiang-hangzhou",
        "effective_month": effective_month,
        "staff": staff,
        "catalogue_version": VERSION,
        "materials": ("base_form", "staff_confirmation"),
        "window_number": 2,
    }
    values.update(changes)
    return money.BaseDeclarationPayload(**values)


def test_a_base_declaration_clamps_each_wage_and_records_the_year(
    ws: Workstation, central_db: Engine
) -> None:
    accepted = money.declare_bases(ws, declaration(), "teller1")
    synced(ws)
    assert command_state(ws, accepted.command_uuid).status == "applied"  # type: ignore[union-attr]

    # E1: 3800 is below the 2025 lower limit 4986 [A1], so the base is 4986.
    low = Decimal(4986)
    low_individual = (
        fen(low * Decimal("0.08")) + fen(low * Decimal("0.02")) + fen(low * Decimal("0.005"))
    )
    low_employer = (
        fen(low * Decimal("0.16"))
        + fen(low * Decimal("0.095"))
        + fen(low * Decimal("0.005"))
        + fen(low * Decimal("0.002"))
    )
    assert (low_individual, low_employer) == (Decimal("523.53"), Decimal("1306.33"))
    # E2: 30000 is above the upper limit 25299 [A1]; HALF_UP gives 2403.41 for medical.
    high = Decimal(25299)
    high_individual = (
        fen(high * Decimal("0.08")) + fen(high * Decimal("0.02")) + fen(high * Decimal("0.005"))
    )
    high_employer = (
        fen(high * Decimal("0.16"))
        + fen(high * Decimal("0.095"))
        + fen(high * Decimal("0.005"))
        + fen(high * Decimal("0.002"))
    )
    assert (high_individual, high_employer) == (Decimal("2656.40"), Decimal("6628.35"))

    case = central_case(central_db, accepted.command_uuid)
    assert (case.item_code, case.review_level, case.status) == ("CONTRIB-BASE", 1, "completed")
    assert case.credit_code == EMPLOYER and case.case_no
    details = json.loads(case.details)
    by_id = {s["id_number"]: s for s in details["staff"]}
    low_row = by_id[LOW_PAID]
    assert (low_row["wage"], low_row["base"], low_row["clamped"]) == ("3800.00", "4986.00", "lower")
    assert (low_row["individual"], low_row["employer"]) == (str(low_individual), str(low_employer))
    assert (by_id[HIGH_PAID]["base"], by_id[HIGH_PAID]["clamped"]) == ("25299.00", "upper")
    assert by_id[HIGH_PAID]["individual"] == str(high_individual)
    assert by_id[HIGH_PAID]["employer"] == str(high_employer)
    assert details["months"] == 12
    assert Decimal(details["year_total"]) == 12 * (
        low_individual + low_employer + high_individual + high_employer
    )

    with Session(central_db) as session:
        rows = session.scalars(
            select(ContributionRow).where(ContributionRow.origin_case == accepted.command_uuid)
        ).all()
        # 2 staff × 12 months × 4 types (maternity is inside Hangzhou medical [A3]).
        assert len(rows) == 2 * 12 * 4
        assert {r.status for r in rows} == {"declared"}
        medical = next(
            r for r in rows if r.id_number == HIGH_PAID and r.insurance_type == "medical"
        )
        assert (medical.base, medical.employer, medical.individual) == (
            Decimal("25299.00"),
            Decimal("2403.41"),
            Decimal("505.98"),
        )

    # The customer panel's history: newest month first, ``limit`` months, from the cache.
    history = contribution_history(ws, LOW_PAID, limit=2)
    assert [(line.month, line.insurance_type) for line in history] == [
        ("2025-12", "pension"),
        ("2025-12", "medical"),
        ("2025-12", "unemployment"),
        ("2025-12", "work_injury"),
        ("2025-11", "pension"),
        ("2025-11", "medical"),
        ("2025-11", "unemployment"),
        ("2025-11", "work_injury"),
    ]
    first = history[0]
    assert (first.base, first.employer, first.individual) == (
        Decimal("4986.00"),
        Decimal("797.76"),
        Decimal("398.88"),
    )
    assert first.status == "declared" and first.credit_code == EMPLOYER
    assert len(contribution_history(ws, LOW_PAID)) == 12 * 4

    # The result slip prints the recorded figures, clamped ones marked.
    document = money.money_document(ws, accepted.command_uuid, 2, "王柜员")
    assert document is not None and document.kind == "result_slip"
    text = document.doc.plain_text()
    assert "¥4,986.00（低于下限，按下限）" in text and "高于上限，按上限" in text
    assert f"¥{low_individual + high_individual:,.2f}" in text


def test_a_month_outside_every_table_is_refused_with_a_clear_message(
    ws: Workstation,
) -> None:
    # The shipped Zhejiang table ends with 2025 (the 2026 limits are not published, §1).
    with pytest.raises(ValidationError) as refused:
        money.declare_bases(ws, declaration("2026-01"), "teller1")
    assert refused.value.field == "effective_month" and refused.value.code == "no_table"
    assert refused.value.message == (
        "no contribution table of region zhejiang-hangzhou covers 2026-01"
    )
    # Before the first table (2024) too; nothing was saved either time.
    with pytest.raises(ValidationError) as before:
        money.declare_bases(ws, declaration("2023-06"), "teller1")
    assert before.value.params == {"region": "zhejiang-hangzhou", "month": "2023-06"}
    with Session(ws.local) as session:
        assert session.scalar(select(func.count()).select_from(OutboxRow)) == 0
        assert session.scalar(select(func.count()).select_from(ContributionRow)) == 0


def test_every_bad_row_of_a_declaration_is_named(ws: Workstation) -> None:
    broken = declaration(
        staff=(
            money.StaffWage(LOW_PAID, Decimal("3800")),
            money.StaffWage(LOW_PAID[:-1] + ("0" if LOW_PAID[-1] != "0" else "1"), Decimal(1)),
            money.StaffWage(LOW_PAID, Decimal("-5")),
        )
    )
    with pytest.raises(ValidationErrors) as refused:
        money.declare_bases(ws, broken, "teller1")
    assert [(e.field, e.code) for e in refused.value.errors] == [
        ("staff.1.id_number", "check_digit"),
        ("staff.2.wage", "negative"),
        ("staff.2.id_number", "duplicate"),
    ]


# -- 2. flexible-employment payment -----------------------------------------------------------


def test_a_flexible_worker_pays_a_grade_for_three_months(
    ws: Workstation, central_db: Engine
) -> None:
    enroll(ws, FLEXIBLE, "孙三")
    payload = money.FlexiblePaymentPayload(
        id_number=FLEXIBLE,
        region="sichuan-chengdu",
        from_month="2025-04",
        to_month="2025-06",
        grade="60%",
        channel="card",
        catalogue_version=VERSION,
        materials=("id_card",),
        window_number=2,
    )
    accepted = money.pay_flexible(ws, payload, "teller1")
    synced(ws)

    # E3: the 60 % grade is the Sichuan 2025 lower limit 4588 [B1]; 20 % of it, 8 % of it to
    # the personal account, the rest pooled; Chengdu medical on 6117 at 8.75 % + 0.75 % [B2].
    pension = fen(Decimal(4588) * Decimal("0.20"))
    account = fen(Decimal(4588) * Decimal("0.08"))
    medical = fen(Decimal(6117) * Decimal("0.0875")) + fen(Decimal(6117) * Decimal("0.0075"))
    assert (pension, account, pension - account, medical) == (
        Decimal("917.60"),
        Decimal("367.04"),
        Decimal("550.56"),
        Decimal("581.12"),
    )
    case = central_case(central_db, accepted.command_uuid)
    assert (case.item_code, case.status, case.id_number) == ("CONTRIB-FLEX", "completed", FLEXIBLE)
    details = json.loads(case.details)
    assert details["total"] == str(3 * (pension + medical))
    assert [m["month"] for m in details["months"]] == ["2025-04", "2025-05", "2025-06"]
    assert details["months"][0]["pooled"] == "550.56"

    history = contribution_history(ws, FLEXIBLE)
    assert [(line.month, line.insurance_type, line.individual) for line in history[:2]] == [
        ("2025-06", "pension", pension),
        ("2025-06", "medical", medical),
    ]
    assert {line.status for line in history} == {"due"} and history[0].credit_code is None
    with Session(central_db) as session:
        row = session.scalars(
            select(ContributionRow).where(
                ContributionRow.id_number == FLEXIBLE, ContributionRow.insurance_type == "pension"
            )
        ).first()
        assert row is not None and row.personal_account == account

    document = money.money_document(ws, accepted.command_uuid, 2, "王柜员")
    assert document is not None
    assert f"¥{3 * (pension + medical):,.2f}" in document.doc.plain_text()


def test_a_grade_the_table_does_not_offer_is_refused(ws: Workstation) -> None:
    payload = money.FlexiblePaymentPayload(
        id_number=FLEXIBLE,
        region="sichuan-chengdu",
        from_month="2024-11",  # the 2024 Sichuan table has no grades: the base is chosen
        to_month="2025-01",
        grade="60%",
        catalogue_version=VERSION,
        materials=("id_card",),
    )
    with pytest.raises(ValidationError) as refused:
        money.pay_flexible(ws, payload, "teller1")
    assert (refused.value.field, refused.value.code) == ("grade", "grade_not_offered")


# -- 3. back-payment with late fee --------------------------------------------------------------


def back_payment(paid_on: str, **changes: Any) -> money.BackPaymentPayload:
    values: dict[str, Any] = {
        "credit_code": EMPLOYER,
        "region": "zhejiang-hangzhou",
        "paid_on": paid_on,
        "lines": tuple(
            money.ArrearsMonth(LOW_PAID, f"2025-0{m}", Decimal("4986")) for m in (1, 2, 3)
        ),
        "insurance_types": ("pension", "medical", "unemployment"),
        "catalogue_version": VERSION,
        "materials": ("backpay_form", "employment_proof"),
        "window_number": 2,
    }
    values.update(changes)
    return money.BackPaymentPayload(**values)


def test_a_back_payment_carries_the_late_fee_of_each_month(
    ws: Workstation, central_db: Engine
) -> None:
    accepted = money.declare_back_payment(ws, back_payment("2025-06-30"), "teller1")
    synced(ws)

    # E4: the month's principal (both shares of pension, medical, unemployment on 4986) …
    base = Decimal(4986)
    principal = sum(
        (fen(base * Decimal(rate)) for rate in ("0.08", "0.02", "0.005", "0.16", "0.095", "0.005")),
        Decimal(0),
    )
    assert principal == Decimal("1819.89")
    # … and 0.05 % a day (art. 86) from the 1st of the next month to 2025-06-30, inclusive.
    paid_on = dt.date(2025, 6, 30)
    days = [(paid_on - dt.date(2025, m, 1)).days + 1 for m in (2, 3, 4)]
    assert days == [150, 122, 91]
    fees = [fen(principal * Decimal("0.0005") * d) for d in days]
    assert fees == [Decimal("136.49"), Decimal("111.01"), Decimal("82.80")]
    assert 3 * principal + sum(fees) == Decimal("5789.97")

    case = central_case(central_db, accepted.command_uuid)
    # L2 per the catalogue: the case waits for the reviewer, with its promised date.
    assert (case.item_code, case.review_level, case.status) == ("CONTRIB-BACKPAY", 2, "in_review")
    assert case.promised_date is not None
    details = json.loads(case.details)
    months = details["persons"][0]["months"]
    assert [(m["days"], m["fee"]) for m in months] == [
        (150, "136.49"),
        (122, "111.01"),
        (91, "82.80"),
    ]
    assert (details["principal"], details["fees"], details["total"]) == (
        "5459.67",
        "330.30",
        "5789.97",
    )
    with Session(central_db) as session:
        rows = session.scalars(
            select(ContributionRow).where(ContributionRow.origin_case == accepted.command_uuid)
        ).all()
        assert {r.status for r in rows} == {"arrears"} and len(rows) == 3 * 3
        assert sum((r.late_fee for r in rows), Decimal(0)) == sum(fees)
        assert sum((r.employer + r.individual for r in rows), Decimal(0)) == 3 * principal

    document = money.money_document(ws, accepted.command_uuid, 2, "王柜员")
    assert document is not None and document.kind == "acceptance_receipt"
    text = document.doc.plain_text()
    assert "2025-01 滞纳金（150天）：¥136.49" in text and "应缴总额：¥5,789.97" in text


def test_a_future_payment_date_is_refused_at_the_window_and_at_the_centre(
    ws: Workstation,
) -> None:
    today = dt.date.today()
    tomorrow = today + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        money.declare_back_payment(ws, back_payment(tomorrow.isoformat()), "teller1")
    assert (refused.value.field, refused.value.code) == ("paid_on", "future_date")

    # A workstation whose clock runs two days ahead lets it through; the centre's day does not.
    command = ws.command(
        BACK_PAYMENT.kind, BACK_PAYMENT.encode(back_payment(str(tomorrow))), "teller1"
    )
    ahead = replace(command, client_time=command.client_time + dt.timedelta(days=2))
    ws.execute(ahead)
    synced(ws)
    state = command_state(ws, ahead.uuid)
    assert state is not None and state.status == "rejected"
    assert state.reason_code == "future_date"


# -- 4. refund of the personal account ----------------------------------------------------------


def refund(**changes: Any) -> money.AccountRefundPayload:
    values: dict[str, Any] = {
        "id_number": DECEASED,
        "reason": "death",
        "event_date": "2025-02-10",
        "source": "entered",
        "yearly": (money.YearlySum(2023, Decimal("5760")), money.YearlySum(2024, Decimal("5760"))),
        "heir": money.Heir("周五", HEIR, "spouse"),
        "account_number": "6222020200112233445",
        "catalogue_version": VERSION,
        "materials": (
            "termination_form",
            "death_proof",
            "consequences_notice",
            "payee_card",
            "heir_proof",
        ),
        "window_number": 2,
    }
    values.update(changes)
    return money.AccountRefundPayload(**values)


def test_a_refund_on_death_is_worked_out_year_by_year_and_waits_for_approval(
    ws: Workstation, central_db: Engine
) -> None:
    enroll(ws, DECEASED, "吴四", category="flexible")
    accepted = money.request_refund(ws, refund(), "teller1")
    synced(ws)

    # E5: 480 a month (6000 × 8 %) through 2023 and 2024, refunded early in 2025.
    stored = sum(Decimal(480) * (13 - m) for m in range(1, 13)) / 12  # 78/12 months of 480
    interest_2023 = fen(stored * Decimal("0.0397"))
    balance_2023 = Decimal(5760) + interest_2023
    carried_2024 = fen(balance_2023 * Decimal("0.0262"))
    interest_2024 = fen(stored * Decimal("0.0262"))
    balance = balance_2023 + carried_2024 + Decimal(5760) + interest_2024
    assert (interest_2023, carried_2024, interest_2024) == (
        Decimal("123.86"),
        Decimal("154.16"),
        Decimal("81.74"),
    )
    assert balance == Decimal("11879.76")

    case = central_case(central_db, accepted.command_uuid)
    assert (case.item_code, case.review_level, case.status) == ("REFUND-ACCOUNT", 3, "in_review")
    details = json.loads(case.details)
    assert details["amount"] == "11879.76"
    assert details["heir"] == {"name": "周五", "id_number": HEIR, "relation": "spouse"}
    assert [(y["year"], y["closing"], y["credited"]) for y in details["years"]] == [
        (2023, "5883.86", True),
        (2024, "11879.76", True),
        (2025, "11879.76", False),
    ]
    # The person's insurance is untouched until the refund is approved.
    with Session(central_db) as session:
        statuses = session.scalars(
            select(InsuranceStatusRow.status).where(InsuranceStatusRow.id_number == DECEASED)
        ).all()
        assert sorted(statuses) == ["active", "active"]

    document = money.money_document(ws, accepted.command_uuid, 2, "王柜员")
    assert document is not None and document.kind == "acceptance_receipt"
    assert "应支付金额：¥11,879.76" in document.doc.plain_text()

    # A second request for the same account is refused by the centre's records.
    with pytest.raises(Exception) as again:
        money.request_refund(ws, refund(), "teller1")
    assert getattr(again.value, "code", "") == "refund_requested"


def test_a_refund_on_death_needs_the_certificate_and_the_heir(ws: Workstation) -> None:
    without_proof = refund(
        materials=("termination_form", "consequences_notice", "payee_card", "heir_proof")
    )
    with pytest.raises(ValidationError) as refused:
        money.request_refund(ws, without_proof, "teller1")
    assert (refused.value.field, refused.value.params) == ("materials", {"missing": "death_proof"})
    with pytest.raises(ValidationError) as no_heir:
        money.request_refund(ws, refund(heir=None), "teller1")
    assert (no_heir.value.field, no_heir.value.code) == ("heir_name", "required")


def test_a_refund_reads_the_contributions_on_record(ws: Workstation, central_db: Engine) -> None:
    # The employer declares 6000 for all of 2024: 8 % = 480 a month into the account.
    enroll(ws, DECEASED, "吴四", category="flexible")
    staff = (money.StaffWage(DECEASED, Decimal("6000"), "吴四"),)
    money.declare_bases(ws, declaration("2024-01", staff=staff), "teller1")
    synced(ws)
    accepted = money.request_refund(ws, refund(source="records", yearly=()), "teller1")
    synced(ws)
    # E5's method for one year: 480 × 2.62 % × 78/12 = 81.744 → 81.74 (§6 [C]).
    interest = fen(Decimal(480) * Decimal("0.0262") * 78 / 12)
    details = json.loads(central_case(central_db, accepted.command_uuid).details)
    assert details["source"] == "records"
    assert details["amount"] == str(Decimal(5760) + interest) == "5841.74"


def test_yearly_sums_are_spread_to_the_fen_and_add_up() -> None:
    from counter_app.items.account_refund import spread_yearly

    months = spread_yearly(
        (money.YearlySum(2024, Decimal("1000")), money.YearlySum(2025, Decimal("100"))),
        dt.date(2025, 3, 15),
    )
    by_year: dict[int, list[Decimal]] = {}
    for month, value in months:
        by_year.setdefault(month.year, []).append(value)
    # 1000 over 12 months: 83.33 eleven times, the remainder 83.37 in December.
    assert by_year[2024] == [Decimal("83.33")] * 11 + [Decimal("83.37")]
    # The year of the event: only its months up to March (100 / 3 → 33.33, 33.33, 33.34).
    assert by_year[2025] == [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]
    assert sum(by_year[2024]) == 1000 and sum(by_year[2025]) == 100
