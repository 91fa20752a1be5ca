"""Contribution maths against published figures, each recomputed here by hand.

Every expected amount is computed in the test from the published base, rate or example with
``Decimal`` and ROUND_HALF_UP to the fen (``fen`` below), and compared with the figure as
published. Source tags are those of the shipped tables: [A1] 浙人社发〔2025〕52号 (Zhejiang
2025 limits), [A2] the Zhejiang tax bureau Q&A of 2024-12-20, [A3] 杭医保〔2022〕41号
(Hangzhou medical 9.5 %), [B1] 川人社办发〔2025〕39号 (Sichuan 2025 limits, flexible 20 %),
[B2] Chengdu's Q&A of 2025-04-16 (flexible medical example), [B] 成医保办〔2025〕17号 as quoted
(2025 base 6117), [C] 国发〔2005〕38号 (8 % personal account) and the credited rates,
[G] 人社部发〔2015〕71号 (work-injury class 1 at 0.2 %), [H]/[J] Social Insurance Law art. 86
(0.05 % a day, days counted from the day after the due date to the payment date), [I] the
pre-2011 rule (0.2 % a day to 2011-06-30), [L] the 2023 credited rate 3.97 %. Worked examples
E1–E5 follow the team's reference figures built from these sources.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.contribution_tables import (
    BaseLimits,
    NoTableForMonth,
    shipped_contribution_tables,
)
from counter_app.domain.contributions import (
    DueRule,
    account_refund,
    back_payment,
    clamp_base,
    fee_days,
    flexible_payment,
    late_fee,
    late_fee_by_schedule,
    monthly_contribution,
)
from counter_app.domain.errors import ValidationError
from counter_app.domain.insurance import InsuranceType

HZ = "zhejiang-hangzhou"
CD = "sichuan-chengdu"
EMPLOYEE_TYPES = ["pension", "medical", "unemployment", "work_injury"]
TABLES = shipped_contribution_tables()
# Binary floats, which every function must refuse (typed Any to get them past the checker).
FLOAT_RATE: Any = 0.0005
FLOAT_WAGE: Any = 5000.0


def fen(value: Decimal) -> Decimal:
    """Half up to the fen, as the agencies' receipts show."""
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def D(text: str) -> Decimal:
    return Decimal(text)


def lines_of(result: Any) -> dict[str, tuple[Decimal, Decimal]]:
    return {line.insurance_type.value: (line.employer, line.individual) for line in result.lines}


# --- employees: E1, E2 ---------------------------------------------------------------------


def test_e1_hangzhou_2025_wage_below_the_lower_limit() -> None:
    # [A1] lower limit 4986; the wage 3800 is contributed on it.
    base = max(D("3800"), D("4986"))
    result = monthly_contribution(TABLES, HZ, dt.date(2025, 3, 1), "3800", EMPLOYEE_TYPES)
    assert (result.base.base, result.base.clamped) == (base, "lower")
    # Individual: pension 8 % [Q], medical 2 % (unconfirmed), unemployment 0.5 % (unconfirmed).
    pension_i, medical_i, unemployment_i = (
        fen(base * D("0.08")),
        fen(base * D("0.02")),
        fen(base * D("0.005")),
    )
    assert (pension_i, medical_i, unemployment_i) == (D("398.88"), D("99.72"), D("24.93"))
    # Employer: pension 16 % [F], medical 9.5 % [A3], unemployment 0.5 %, class 1 at 0.2 % [G].
    pension_e, medical_e, unemployment_e, injury_e = (
        fen(base * D("0.16")),
        fen(base * D("0.095")),
        fen(base * D("0.005")),
        fen(base * D("0.002")),
    )
    assert base * D("0.002") == D("9.972") and injury_e == D("9.97")
    assert lines_of(result) == {
        "pension": (pension_e, pension_i),
        "medical": (medical_e, medical_i),
        "unemployment": (unemployment_e, unemployment_i),
        "work_injury": (injury_e, D("0")),
    }
    assert result.individual_total == pension_i + medical_i + unemployment_i == D("523.53")
    assert result.employer_total == pension_e + medical_e + unemployment_e + injury_e
    assert result.employer_total == D("1306.33")
    assert result.total == D("523.53") + D("1306.33")
    # Built on unconfirmed rates (individual medical, unemployment split, injury class rates).
    assert result.status == "unconfirmed"


def test_e2_hangzhou_2025_wage_above_the_upper_limit_and_the_half_even_trap() -> None:
    # [A1] upper limit 25299.
    base = min(D("30000"), D("25299"))
    result = monthly_contribution(TABLES, HZ, dt.date(2025, 12, 31), D("30000"), EMPLOYEE_TYPES)
    assert (result.base.base, result.base.clamped) == (base, "upper")
    assert base * D("0.005") == D("126.495")  # unemployment, each share → 126.50
    assert base * D("0.095") == D("2403.405")  # employer medical [A3] → 2403.41
    assert base * D("0.002") == D("50.598")  # work injury class 1 [G] → 50.60
    # The rounding trap: the banker's rounding would give 2403.40.
    assert D("2403.405").quantize(D("0.01"), rounding=ROUND_HALF_EVEN) == D("2403.40")
    assert lines_of(result) == {
        "pension": (D("4047.84"), D("2023.92")),
        "medical": (fen(D("2403.405")), D("505.98")),
        "unemployment": (fen(D("126.495")), fen(D("126.495"))),
        "work_injury": (fen(D("50.598")), D("0")),
    }
    assert result.individual_total == D("2023.92") + D("505.98") + D("126.50") == D("2656.40")
    assert result.employer_total == D("4047.84") + D("2403.41") + D("126.50") + D("50.60")
    assert result.employer_total == D("6628.35")


def test_maternity_is_part_of_medical_in_hangzhou() -> None:
    # [A3]: the 9.5 % includes maternity 0.6 %, so maternity has no line of its own.
    result = monthly_contribution(
        TABLES, HZ, dt.date(2025, 1, 1), "6000", ["medical", InsuranceType.MATERNITY]
    )
    medical, maternity = result.lines
    assert medical.employer == fen(D("6000") * D("0.095")) == D("570.00")
    assert (maternity.employer, maternity.individual) == (D("0"), D("0"))
    assert maternity.included_in is InsuranceType.MEDICAL
    assert result.employer_total == D("570.00")
    with pytest.raises(ValidationError) as caught:
        monthly_contribution(TABLES, HZ, dt.date(2025, 1, 1), "6000", ["maternity"])
    assert caught.value.code == "merged_type"


def test_the_limits_of_the_month_are_used() -> None:
    # 2024: lower limit 4812 [A2]; 2025: 4986 [A1].
    dec = monthly_contribution(TABLES, HZ, dt.date(2024, 12, 1), "4000", ["pension"])
    jan = monthly_contribution(TABLES, HZ, dt.date(2025, 1, 1), "4000", ["pension"])
    assert dec.base.base == D("4812") and dec.lines[0].individual == fen(D("4812") * D("0.08"))
    assert jan.base.base == D("4986")


def test_work_injury_class_uses_the_national_benchmark() -> None:
    # [G]: class 8 benchmark 1.9 %.
    result = monthly_contribution(
        TABLES, HZ, dt.date(2025, 1, 1), "10000", ["work_injury"], work_injury_class=8
    )
    assert result.lines[0].employer == fen(D("10000") * D("0.019")) == D("190.00")
    with pytest.raises(ValidationError) as caught:
        monthly_contribution(TABLES, HZ, dt.date(2025, 1, 1), "10000", ["work_injury"], 9)
    assert (caught.value.field, caught.value.code) == ("work_injury_class", "unknown_class")


# --- flexible workers: E3, the Chengdu and Zhejiang examples ---------------------------------


def test_e3_sichuan_2025_flexible_worker_at_the_lower_limit() -> None:
    # [B1]: lower limit 4588, pension 20 %; [C]: 8 % to the personal account, 12 % pooled.
    base = D("4588")
    payment = flexible_payment(TABLES, CD, dt.date(2025, 5, 1), base="4588")
    pension = payment.pension
    assert pension.amount == fen(base * D("0.20")) == D("917.60")
    assert pension.personal_account == fen(base * D("0.08")) == D("367.04")
    assert pension.pooled == fen(base * D("0.12")) == D("550.56")
    assert pension.personal_account + pension.pooled == pension.amount
    # Chengdu medical 2025 [B]: 6117 × 9.5 % = 581.115 → 581.12 = 535.24 + 45.88 [B2 rates].
    medical = payment.medical
    assert medical is not None and medical.base == D("6117")
    basic, serious = (part.amount for part in medical.parts)
    assert basic == fen(D("6117") * D("0.0875")) == D("535.24")
    assert serious == fen(D("6117") * D("0.0075")) == D("45.88")
    assert medical.total == fen(D("6117") * D("0.095")) == D("581.12") == basic + serious
    assert payment.total == D("917.60") + D("581.12")


def test_the_60_percent_grade_is_the_lower_limit() -> None:
    # [B] 2024 average 7646 a month: 7646 × 0.6 = 4587.6 → 4588, the [B1] lower limit.
    payment = flexible_payment(TABLES, CD, dt.date(2025, 5, 1), grade="60%")
    assert payment.pension.base == (D("7646") * D("0.6")).quantize(D("1"), ROUND_HALF_UP)
    assert payment.pension.base == D("4588")
    assert payment.pension.amount == D("917.60")
    top = flexible_payment(TABLES, CD, dt.date(2025, 5, 1), grade="300%")
    assert top.pension.base == D("7646") * 3 == D("22938")  # the [B1] upper limit
    # 60 % and 300 % are the limits (derived); the other grades are an unconfirmed menu.
    assert payment.pension.status == "derived"
    assert flexible_payment(TABLES, CD, dt.date(2025, 5, 1), grade="80%").status == "unconfirmed"


def test_chengdu_official_medical_example() -> None:
    # [B2]: 90220 / 12 × 80 % → 6015; 6015 × 8.75 % = 526.31; 6015 × 0.75 % = 45.11.
    base = (D("90220") / 12 * D("0.8")).quantize(D("1"), ROUND_HALF_UP)
    assert base == D("6015")
    payment = flexible_payment(TABLES, CD, dt.date(2024, 10, 1), base="4511")
    medical = payment.medical
    assert medical is not None and medical.base == base
    assert [part.amount for part in medical.parts] == [
        fen(base * D("0.0875")),
        fen(base * D("0.0075")),
    ]
    assert [part.amount for part in medical.parts] == [D("526.31"), D("45.11")]
    assert [part.status for part in medical.parts] == ["confirmed", "confirmed"]


def test_zhejiang_question_and_answer_example() -> None:
    # [A2]: 4462 × 20 % = 892.40 became 4812 × 20 % = 962.40 a month.
    assert fen(D("4462") * D("0.20")) == D("892.40")
    payment = flexible_payment(TABLES, HZ, dt.date(2024, 12, 1), base="4812")
    assert payment.pension.amount == fen(D("4812") * D("0.20")) == D("962.40")
    assert payment.medical is None  # Hangzhou's flexible medical base was not found
    # On the 2025 lower limit [A1]: 4986 × 20 % = 997.20 (derived).
    assert flexible_payment(TABLES, HZ, dt.date(2025, 1, 1), base="4986").total == D("997.20")


def test_flexible_refusals() -> None:
    with pytest.raises(ValidationError) as caught:
        flexible_payment(TABLES, CD, dt.date(2025, 5, 1), grade="70%")
    assert (caught.value.field, caught.value.code) == ("grade", "grade_not_offered")
    assert "70%" in caught.value.message and CD in caught.value.message
    with pytest.raises(ValidationError) as caught:
        flexible_payment(TABLES, HZ, dt.date(2025, 5, 1), grade="60%")  # Zhejiang: no grades
    assert caught.value.code == "grade_not_offered"
    with pytest.raises(ValidationError) as caught:
        flexible_payment(TABLES, CD, dt.date(2025, 5, 1), base="4587.99")
    assert (caught.value.field, caught.value.code) == ("base", "out_of_range")
    with pytest.raises(ValidationError) as caught:
        flexible_payment(TABLES, CD, dt.date(2025, 5, 1), base="-1")
    assert caught.value.code == "negative"
    with pytest.raises(NoTableForMonth):
        flexible_payment(TABLES, CD, dt.date(2023, 12, 1), base="5000")
    with pytest.raises(ValueError, match="either grade or base"):
        flexible_payment(TABLES, CD, dt.date(2025, 5, 1))


# --- late fees and back payment: E4 --------------------------------------------------------


def test_e4_hangzhou_back_payment_january_to_march_2025() -> None:
    base = D("4986")  # [A1]
    # Pension 8 % + 16 %, medical 2 % + 9.5 %, unemployment 0.5 % + 0.5 %, each share rounded.
    due_month = sum(
        (fen(base * D(r)) for r in ("0.08", "0.02", "0.005", "0.16", "0.095", "0.005")),
        D("0"),
    )
    assert due_month == D("398.88") + D("99.72") + D("24.93") + D("797.76") + D("473.67") + D(
        "24.93"
    )
    assert due_month == D("1819.89")
    paid_on = dt.date(2025, 6, 30)
    # Month M due by its last day (assumed); days from the 1st of M+1 to 06-30, both included.
    days = [
        (paid_on - dt.date(2025, 2, 1)).days + 1,
        (paid_on - dt.date(2025, 3, 1)).days + 1,
        (paid_on - dt.date(2025, 4, 1)).days + 1,
    ]
    assert days == [150, 122, 91]
    fees = [fen(due_month * n * D("0.0005")) for n in days]  # art. 86 [H]: 0.05 % a day
    assert due_month * 150 * D("0.0005") == D("136.49175")
    assert fees == [D("136.49"), D("111.01"), D("82.80")]

    result = back_payment(
        TABLES,
        HZ,
        [(dt.date(2025, m, 1), "4986") for m in (1, 2, 3)],
        paid_on,
        insurance_types=["pension", "medical", "unemployment"],
    )
    assert [m.principal for m in result.months] == [due_month] * 3
    assert [m.due_date for m in result.months] == [
        dt.date(2025, 1, 31),
        dt.date(2025, 2, 28),
        dt.date(2025, 3, 31),
    ]
    assert [m.days for m in result.months] == days
    assert [m.fee for m in result.months] == fees
    assert result.principal_total == 3 * due_month == D("5459.67")
    assert result.fee_total == sum(fees, D("0")) == D("330.30")
    assert result.total == D("5789.97")
    # Rounding the exact sum of the fees once would give 330.31: fees are rounded per month.
    assert fen(sum((due_month * n * D("0.0005") for n in days), D("0"))) == D("330.31")
    assert result.status == "unconfirmed"  # the due date rule is an assumption


def test_late_fee_across_a_month_boundary() -> None:
    # Due 2025-01-31, paid 2025-02-03: arrears on 02-01, 02-02 and 02-03.
    assert fee_days(dt.date(2025, 1, 31), dt.date(2025, 2, 3)) == 3
    assert late_fee(D("1000"), dt.date(2025, 1, 31), dt.date(2025, 2, 3), D("0.0005")) == fen(
        D("1000") * 3 * D("0.0005")
    )
    assert late_fee("1000", dt.date(2025, 1, 31), dt.date(2025, 1, 31), D("0.0005")) == 0
    assert late_fee("1000", dt.date(2025, 1, 31), dt.date(2025, 1, 2), D("0.0005")) == 0


def test_late_fee_in_a_leap_february() -> None:
    # February 2024 has 29 days: due 2024-02-29 by the default rule.
    assert DueRule().due_date(dt.date(2024, 2, 1)) == dt.date(2024, 2, 29)
    assert DueRule().due_date(dt.date(2023, 2, 1)) == dt.date(2023, 2, 28)
    # Due 2024-01-31, paid 2024-03-01: 29 days of February plus March 1st.
    assert fee_days(dt.date(2024, 1, 31), dt.date(2024, 3, 1)) == 29 + 1
    # February 2024 in Hangzhou at the 2024 lower limit 4812 [A2], pension only, paid 03-31.
    result = back_payment(
        TABLES,
        HZ,
        [(dt.date(2024, 2, 1), "3000")],
        dt.date(2024, 3, 31),
        insurance_types=["pension"],
    )
    (month,) = result.months
    principal = fen(D("4812") * D("0.16")) + fen(D("4812") * D("0.08"))
    assert month.principal == principal == D("1154.88")
    assert (month.due_date, month.days) == (dt.date(2024, 2, 29), 31)
    assert month.fee == fen(principal * 31 * D("0.0005")) == D("17.90")


def test_due_rule_in_the_next_month() -> None:
    # A rule "by the 15th of the next month", moved to the month's end when it is shorter.
    rule = DueRule(months_after=1, day=15)
    assert rule.due_date(dt.date(2025, 12, 1)) == dt.date(2026, 1, 15)
    assert DueRule(months_after=1, day=31).due_date(dt.date(2024, 1, 1)) == dt.date(2024, 2, 29)


def test_the_pre_2011_rate() -> None:
    # [I]: 0.2 % a day up to 2011-06-30, 0.05 % from 2011-07-01.
    schedule = TABLES.national.late_fee
    due, paid = dt.date(2011, 5, 31), dt.date(2011, 7, 10)
    # June: 30 days at 0.002; July 1–10: 10 days at 0.0005.
    expected = fen(D("1000") * (30 * D("0.002") + 10 * D("0.0005")))
    assert expected == D("65.00")
    assert late_fee_by_schedule(D("1000"), due, paid, schedule) == expected
    # Entirely after the change: the plain art. 86 rate.
    after = late_fee_by_schedule(D("1819.89"), dt.date(2025, 1, 31), dt.date(2025, 6, 30), schedule)
    assert after == late_fee(D("1819.89"), dt.date(2025, 1, 31), dt.date(2025, 6, 30), D("0.0005"))


def test_back_payment_refusals() -> None:
    with pytest.raises(ValidationError) as caught:
        back_payment(
            TABLES,
            HZ,
            [(dt.date(2025, 1, 1), "5000"), (dt.date(2025, 1, 20), "5000")],
            dt.date(2025, 6, 30),
            insurance_types=["pension"],
        )
    assert caught.value.code == "duplicate_month"
    with pytest.raises(NoTableForMonth) as no_table:
        back_payment(
            TABLES,
            HZ,
            [(dt.date(2023, 12, 1), "5000")],
            dt.date(2025, 6, 30),
            insurance_types=["pension"],
        )
    assert "2023-12" in str(no_table.value) and HZ in str(no_table.value)


# --- personal account refund: E5 -----------------------------------------------------------


E5_HISTORY = [(dt.date(y, m, 1), "480") for y in (2023, 2024) for m in range(1, 13)]


def test_e5_refund_with_months_13_minus_m() -> None:
    # 480 a month (6000 × 8 %) through 2023 and 2024; refund early 2025, before 2025 interest.
    assert D("6000") * D("0.08") == D("480")
    stored_months = sum(13 - m for m in range(1, 13))
    assert stored_months == 78
    interest_2023 = fen(D("480") * D("0.0397") * stored_months / 12)  # [L] 3.97 %
    assert D("480") * D("0.0397") * 78 / 12 == D("123.864") and interest_2023 == D("123.86")
    balance_2023 = 12 * D("480") + interest_2023
    assert balance_2023 == D("5883.86")
    carried_2024 = fen(balance_2023 * D("0.0262"))  # [C] 2.62 %
    assert balance_2023 * D("0.0262") == D("154.157132") and carried_2024 == D("154.16")
    interest_2024 = fen(D("480") * D("0.0262") * D("6.5"))
    assert interest_2024 == D("81.74")
    balance_2024 = balance_2023 + carried_2024 + 12 * D("480") + interest_2024
    assert balance_2024 == D("11879.76")

    refund = account_refund(
        E5_HISTORY, TABLES.national.credited_rate_fractions(), dt.date(2025, 2, 10)
    )
    y2023, y2024, y2025 = refund.years
    assert (y2023.interest_on_balance, y2023.interest_on_contributions) == (0, interest_2023)
    assert y2023.closing_balance == balance_2023
    assert (y2024.opening_balance, y2024.interest_on_balance) == (balance_2023, carried_2024)
    assert y2024.interest_on_contributions == interest_2024
    assert y2024.closing_balance == balance_2024
    assert not y2025.credited and y2025.closing_balance == balance_2024
    assert refund.balance == D("11879.76")
    assert refund.contributions_total == D("11520.00")
    assert refund.balance == refund.contributions_total + refund.interest_total


def test_e5_with_the_1083_coefficient() -> None:
    # The often cited (unconfirmed) "contributions × rate × 1.083 × ½".
    y2023 = fen(D("5760") * D("0.0397") * D("1.083") / 2)
    y2024 = fen(D("5760") * D("0.0262") * D("1.083") / 2)
    assert (y2023, y2024) == (D("123.83"), D("81.72"))
    refund = account_refund(
        E5_HISTORY,
        {2023: D("0.0397"), 2024: D("0.0262")},
        dt.date(2025, 2, 10),
        method="coefficient_1083",
    )
    assert [y.interest_on_contributions for y in refund.years[:2]] == [y2023, y2024]
    carried = fen((D("5760") + y2023) * D("0.0262"))
    assert refund.balance == D("5760") + y2023 + carried + D("5760") + y2024 == D("11879.71")


def test_refund_refusals() -> None:
    rates = TABLES.national.credited_rate_fractions()
    # The 2025 credited rate is not published: a refund in 2026 cannot be computed yet.
    with pytest.raises(ValidationError) as caught:
        account_refund(E5_HISTORY, rates, dt.date(2026, 3, 1))
    assert (caught.value.field, caught.value.code) == ("as_of", "no_credited_rate")
    assert "2025" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        account_refund([(dt.date(2025, 3, 1), "480")], rates, dt.date(2025, 2, 10))
    assert caught.value.code == "after_as_of"
    empty = account_refund([], rates, dt.date(2025, 2, 10))
    assert empty.balance == 0
    with pytest.raises(TypeError):
        account_refund(E5_HISTORY, {2023: FLOAT_RATE, 2024: D("0.0262")}, dt.date(2025, 2, 1))


# --- refusals ------------------------------------------------------------------------------


def test_refusals_of_monthly_contribution() -> None:
    with pytest.raises(NoTableForMonth) as no_table:
        monthly_contribution(TABLES, HZ, dt.date(2026, 2, 1), "5000", ["pension"])
    assert HZ in no_table.value.message and "2026-02" in no_table.value.message
    with pytest.raises(ValidationError) as caught:
        monthly_contribution(TABLES, HZ, dt.date(2025, 2, 1), "-1", ["pension"])
    assert (caught.value.field, caught.value.code) == ("wage", "negative")
    with pytest.raises(ValidationError) as caught:
        monthly_contribution(TABLES, HZ, dt.date(2025, 2, 1), "5000", ["pension", "dental"])
    assert (caught.value.field, caught.value.code) == ("insurance_types", "unknown_type")
    # Chengdu's employee medical rate was not found: refused, not guessed.
    with pytest.raises(ValidationError) as caught:
        monthly_contribution(TABLES, CD, dt.date(2025, 2, 1), "5000", ["pension", "medical"])
    assert caught.value.code == "no_rate" and "medical" in caught.value.message
    with pytest.raises(TypeError):
        monthly_contribution(TABLES, HZ, dt.date(2025, 2, 1), FLOAT_WAGE, ["pension"])
    with pytest.raises(TypeError):
        late_fee(D("100"), dt.date(2025, 1, 31), dt.date(2025, 2, 5), FLOAT_RATE)


# --- properties ----------------------------------------------------------------------------

money_values = st.decimals(
    min_value=D("0"), max_value=D("1000000"), places=2, allow_nan=False, allow_infinity=False
)
months = st.sampled_from([dt.date(y, m, 1) for y in (2024, 2025) for m in range(1, 13)])
regions = st.sampled_from([HZ, CD])


def _no_float(value: object) -> None:
    """Walk a result: every number is a Decimal (or an int count), never a float."""
    assert not isinstance(value, float), value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            _no_float(getattr(value, item.name))
    elif isinstance(value, tuple):
        for item in value:
            _no_float(item)


@given(wage=money_values, month=months, region=regions)
def test_the_base_is_always_within_the_limits(wage: Decimal, month: dt.date, region: str) -> None:
    limits = TABLES.period(region, month).limits
    assert isinstance(limits, BaseLimits)
    clamped = clamp_base(wage, limits)
    assert limits.lower_yuan <= clamped.base <= limits.upper_yuan
    assert (clamped.clamped is None) == (clamped.base == wage)
    assert isinstance(clamped.base, Decimal)


@given(wage=money_values, month=months)
def test_totals_are_the_sums_of_the_lines(wage: Decimal, month: dt.date) -> None:
    result = monthly_contribution(TABLES, HZ, month, wage, [*EMPLOYEE_TYPES, "maternity"])
    assert result.employer_total == sum((line.employer for line in result.lines), D("0"))
    assert result.individual_total == sum((line.individual for line in result.lines), D("0"))
    assert result.total == result.employer_total + result.individual_total
    for line in result.lines:
        assert line.employer.as_tuple().exponent == -2
        assert line.individual.as_tuple().exponent == -2
    _no_float(result)


@given(
    amount=money_values,
    first=st.integers(min_value=0, max_value=4000),
    extra=st.integers(min_value=0, max_value=4000),
)
def test_the_fee_is_monotone_in_days(amount: Decimal, first: int, extra: int) -> None:
    due = dt.date(2015, 1, 31)
    earlier = due + dt.timedelta(days=first)
    later = earlier + dt.timedelta(days=extra)
    rate = D("0.0005")
    assert late_fee(amount, due, earlier, rate) <= late_fee(amount, due, later, rate)
    schedule = TABLES.national.late_fee
    old_due = dt.date(2010, 12, 31)
    assert late_fee_by_schedule(amount, old_due, earlier, schedule) <= late_fee_by_schedule(
        amount, old_due, later, schedule
    )


@given(
    base=st.decimals(min_value=D("4588"), max_value=D("22938"), places=2),
    month=st.sampled_from([dt.date(2025, m, 1) for m in range(1, 13)]),
)
def test_flexible_shares_add_up(base: Decimal, month: dt.date) -> None:
    payment = flexible_payment(TABLES, CD, month, base=base)
    assert payment.pension.personal_account + payment.pension.pooled == payment.pension.amount
    assert payment.medical is not None
    assert payment.medical.total == sum((p.amount for p in payment.medical.parts), D("0"))
    assert payment.total == payment.pension.amount + payment.medical.total
    _no_float(payment)


@given(
    paid=st.lists(st.tuples(months, money_values.map(lambda v: fen(v / 100))), max_size=30),
)
def test_refund_balance_is_contributions_plus_interest(
    paid: list[tuple[dt.date, Decimal]],
) -> None:
    refund = account_refund(paid, TABLES.national.credited_rate_fractions(), dt.date(2025, 12, 31))
    assert refund.balance == refund.contributions_total + refund.interest_total
    assert refund.contributions_total == sum((amount for _, amount in paid), D("0"))
    _no_float(refund)
    back = back_payment(
        TABLES,
        HZ,
        {month: wage for month, wage in paid}.items(),
        dt.date(2026, 6, 30),
        insurance_types=["pension", "medical"],
    )
    assert back.total == back.principal_total + back.fee_total
    assert back.fee_total == sum((m.fee for m in back.months), D("0"))
    _no_float(back)
