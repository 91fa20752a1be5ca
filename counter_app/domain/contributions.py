"""Contribution maths: what an employee, a flexible worker or an employer in arrears pays, and
what a personal pension account refunds.

Pure functions over the dated tables of ``contribution_tables`` — no I/O, no clock: the month,
the payment date and the refund date are always arguments. Money is ``Decimal`` in and out; a
binary float is refused with ``TypeError``.

Rounding is to the fen (0.01 yuan), ROUND_HALF_UP (2403.405 → 2403.41, where the banker's
HALF_EVEN would give 2403.40), at these named points and nowhere else:

* R1 — a base derived from an average wage is rounded to the whole yuan
  (``contribution_tables.base_from_average``: 7646 × 60 % = 4587.6 → 4588).
* R2 — the wage is taken to the fen before it is clamped to the limits.
* R3 — each contribution line, each share separately: employer and individual amount of every
  insurance type (4986 × 0.2 % = 9.972 → 9.97). Totals are sums of rounded lines.
* R4 — flexible pension: the amount (base × rate) and the personal-account share are rounded;
  the pooled share is their difference, so the two shares always add up to the amount.
* R5 — flexible medical: each part (Chengdu: basic, serious illness) is rounded; the total is
  their sum.
* R6 — a late fee is rounded once per month of arrears, on the exact product amount × rate ×
  days (the monthly fees are then added; rounding the exact sum instead can differ by a fen).
* R7 — account refund: per accrual year, the interest on the carried balance and the interest
  on that year's contributions are each rounded.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from counter_app.domain.contribution_tables import (
    BaseLimits,
    ContributionTables,
    LateFeeRate,
    Period,
    RateShares,
    Status,
    grade_base,
    medical_base,
    weakest,
)
from counter_app.domain.errors import ValidationError
from counter_app.domain.insurance import InsuranceType
from counter_app.domain.money import CENT, MoneyInput, money

ZERO = Decimal("0.00")
HUNDRED = Decimal(100)
TWELVE = Decimal(12)
Clamp = Literal["lower", "upper"]
RefundMethod = Literal["months_13_minus_m", "coefficient_1083"]
REFUND_METHODS: tuple[RefundMethod, ...] = ("months_13_minus_m", "coefficient_1083")
#: The often cited "current-year interest = contributions × rate × 1.083 × ½" (not confirmed).
COEFFICIENT_1083 = Decimal("1.083") / 2


def round_fen(value: Decimal) -> Decimal:
    """To the fen, ROUND_HALF_UP (the rounding of every point R2–R7)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP) + ZERO


def _decimal(value: Decimal, name: str) -> Decimal:
    if not isinstance(value, Decimal):
        raise TypeError(f"{name} must be a Decimal, not {type(value).__name__}")
    return value


def _month(value: dt.date) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise TypeError(f"a month is given as a date, not {type(value).__name__}")
    return value.replace(day=1)


# --- employees -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ClampedBase:
    """The contribution base of a wage and whether a limit applied."""

    wage: Decimal
    base: Decimal
    clamped: Clamp | None


def clamp_base(wage: MoneyInput, limits: BaseLimits) -> ClampedBase:
    """Clamp ``wage`` (R2: to the fen) to the limits: below the lower limit the lower limit is
    the base, above the upper limit the upper limit. A negative wage is a ``ValidationError``
    (field ``wage``, code ``negative``)."""
    amount = money(wage, field="wage")
    if amount < limits.lower_yuan:
        return ClampedBase(amount, limits.lower_yuan + ZERO, "lower")
    if amount > limits.upper_yuan:
        return ClampedBase(amount, limits.upper_yuan + ZERO, "upper")
    return ClampedBase(amount, amount, None)


@dataclass(frozen=True)
class ContributionLine:
    """One insurance type of a month: rates as fractions, amounts rounded (R3).

    ``included_in`` names the type this one is part of (maternity in medical in Hangzhou):
    its amounts are then zero, and the other line holds them."""

    insurance_type: InsuranceType
    employer_rate: Decimal
    individual_rate: Decimal
    employer: Decimal
    individual: Decimal
    status: Status
    included_in: InsuranceType | None = None

    @property
    def total(self) -> Decimal:
        return self.employer + self.individual


@dataclass(frozen=True)
class MonthlyContribution:
    region: str
    month: dt.date
    base: ClampedBase
    lines: tuple[ContributionLine, ...]
    employer_total: Decimal
    individual_total: Decimal
    total: Decimal
    #: The weakest status of the figures used (limits, rates, period dates).
    status: Status


def insurance_types_of(values: Iterable[InsuranceType | str]) -> tuple[InsuranceType, ...]:
    """The types in the order given, once each; an unknown one is a ``ValidationError``
    (field ``insurance_types``, code ``unknown_type``)."""
    found: list[InsuranceType] = []
    for value in values:
        try:
            kind = InsuranceType(value)
        except ValueError:
            raise ValidationError(
                "insurance_types",
                "unknown_type",
                f"{value!r} is not an insurance type",
                {"value": str(value)},
            ) from None
        if kind not in found:
            found.append(kind)
    if not found:
        raise ValidationError("insurance_types", "required", "choose at least one insurance type")
    return tuple(found)


def _no_rate(region: str, period: Period, kind: InsuranceType) -> ValidationError:
    return ValidationError(
        "insurance_types",
        "no_rate",
        f"the table of region {region} for {period.label} has no rate for {kind.value}",
        {"region": region, "insurance_type": kind.value, "period": period.label},
    )


def _share_line(kind: InsuranceType, shares: RateShares, base: Decimal) -> ContributionLine:
    employer_rate, individual_rate = shares.employer.fraction, shares.individual.fraction
    return ContributionLine(
        kind,
        employer_rate,
        individual_rate,
        round_fen(base * employer_rate),  # R3
        round_fen(base * individual_rate),  # R3
        weakest([shares.employer.status, shares.individual.status]),
    )


def monthly_contribution(
    tables: ContributionTables,
    region: str,
    month: dt.date,
    wage: MoneyInput,
    insurance_types: Iterable[InsuranceType | str],
    work_injury_class: int = 1,
) -> MonthlyContribution:
    """An employee's contributions for ``month`` at the table in force that month: the wage
    clamped to the limits, one line per insurance type (employer and individual share, each
    rounded, R3), and the totals as sums of the lines.

    Refused with ``ValidationError``: a month no period covers (``NoTableForMonth``), a
    negative wage, an unknown insurance type or one the table has no rate for, an unknown
    work-injury class."""
    first = _month(month)
    kinds = insurance_types_of(insurance_types)
    period = tables.period(region, first)
    if period.limits is None or period.rates is None:
        raise ValidationError(
            "month",
            "no_table",
            f"the table of region {region} for {period.label} has no employee limits or rates",
            {"region": region, "month": f"{first:%Y-%m}"},
        )
    clamped = clamp_base(wage, period.limits)
    base = clamped.base
    rates = period.rates
    # The limits decide the base whether or not they clamp it: both count.
    statuses: list[Status] = [period.status, period.limits.lower.status, period.limits.upper.status]
    lines: list[ContributionLine] = []
    for kind in kinds:
        if kind is InsuranceType.WORK_INJURY:
            injury = rates.work_injury
            if injury is None:
                raise _no_rate(region, period, kind)
            if isinstance(injury.classes, str):
                class_rate = tables.national.work_injury_benchmark(work_injury_class)
            else:
                matches = [r for r in injury.classes if r.industry_class == work_injury_class]
                if not matches:
                    raise ValidationError(
                        "work_injury_class",
                        "unknown_class",
                        f"the table of region {region} has no work-injury class "
                        f"{work_injury_class}",
                        {"class": str(work_injury_class), "region": region},
                    )
                class_rate = matches[0]
            lines.append(
                ContributionLine(
                    kind,
                    class_rate.fraction,
                    Decimal(0),
                    round_fen(base * class_rate.fraction),  # R3; no individual share
                    ZERO,
                    weakest([injury.status, class_rate.status]),
                )
            )
        elif kind is InsuranceType.MATERNITY and rates.maternity_in_medical is not None:
            if InsuranceType.MEDICAL not in kinds:
                raise ValidationError(
                    "insurance_types",
                    "merged_type",
                    f"in region {region} maternity is part of medical insurance: "
                    f"choose medical insurance",
                    {"region": region},
                )
            lines.append(
                ContributionLine(
                    kind,
                    Decimal(0),
                    Decimal(0),
                    ZERO,
                    ZERO,
                    rates.maternity_in_medical.status,
                    included_in=InsuranceType.MEDICAL,
                )
            )
        else:
            shares: RateShares | None = getattr(rates, kind.value)
            if shares is None:
                raise _no_rate(region, period, kind)
            lines.append(_share_line(kind, shares, base))
    employer = sum((line.employer for line in lines), ZERO)
    individual = sum((line.individual for line in lines), ZERO)
    return MonthlyContribution(
        region,
        first,
        clamped,
        tuple(lines),
        employer,
        individual,
        employer + individual,
        weakest([*statuses, *(line.status for line in lines)]),
    )


# --- flexible workers ----------------------------------------------------------------------


@dataclass(frozen=True)
class FlexiblePensionPayment:
    """Pension of a flexible worker: the amount, split into personal account and pooled fund."""

    base: Decimal
    grade: str | None
    rate: Decimal
    amount: Decimal
    personal_account_rate: Decimal
    personal_account: Decimal
    pooled: Decimal
    status: Status


@dataclass(frozen=True)
class MedicalPartPayment:
    name: str
    label: str
    rate: Decimal
    amount: Decimal
    status: Status


@dataclass(frozen=True)
class FlexibleMedicalPayment:
    base: Decimal
    rate: Decimal
    parts: tuple[MedicalPartPayment, ...]
    total: Decimal
    status: Status


@dataclass(frozen=True)
class FlexiblePayment:
    """A flexible worker's month: pension, and medical where the table has a flexible medical
    base (``None`` otherwise, or when not asked for)."""

    region: str
    month: dt.date
    pension: FlexiblePensionPayment
    medical: FlexibleMedicalPayment | None
    total: Decimal
    status: Status


def flexible_payment(
    tables: ContributionTables,
    region: str,
    month: dt.date,
    *,
    grade: str | None = None,
    base: MoneyInput | None = None,
    include_medical: bool = True,
) -> FlexiblePayment:
    """A flexible worker's payment for ``month`` on a grade of the table (``grade="60%"``) or on
    a chosen ``base`` (where the table lets the base be chosen between the limits).

    Pension: base × rate (20 %) rounded, of which the personal account (8 %) rounded and the
    pooled fund the rest (R4). Medical (Chengdu): each part of the rate on the table's base,
    rounded (R5). Refused with ``ValidationError``: a month no period covers, a grade the table
    does not offer (code ``grade_not_offered``), a base outside the limits (``out_of_range``)
    or where only grades may be chosen (``grades_only``), a negative base."""
    first = _month(month)
    if (grade is None) == (base is None):
        raise ValueError("give either grade or base")
    period = tables.period(region, first)
    pension_table = period.flexible_pension
    if pension_table is None:
        raise ValidationError(
            "month",
            "no_table",
            f"the table of region {region} for {period.label} has no flexible pension",
            {"region": region, "month": f"{first:%Y-%m}"},
        )
    statuses: list[Status] = [period.status, pension_table.rate.status]
    if grade is not None:
        chosen = [g for g in pension_table.grades if g.name == grade]
        if not chosen:
            offered = ", ".join(g.name for g in pension_table.grades) or "none"
            raise ValidationError(
                "grade",
                "grade_not_offered",
                f"grade {grade!r} is not offered by region {region} in {period.label} "
                f"(offered: {offered})",
                {"grade": grade, "region": region, "offered": offered},
            )
        pension_base = grade_base(pension_table, chosen[0]) + ZERO
        statuses.append(chosen[0].status)
    else:
        assert base is not None
        pension_base = money(base, field="base")
        if pension_table.base_choice.rule == "grades_only":
            raise ValidationError(
                "base",
                "grades_only",
                f"in region {region} a flexible worker chooses one of the grades",
                {"region": region},
            )
        limits = period.limits
        assert limits is not None  # the file check requires limits for "within_limits"
        if not limits.lower_yuan <= pension_base <= limits.upper_yuan:
            raise ValidationError(
                "base",
                "out_of_range",
                f"the base {pension_base} is outside the limits {limits.lower_yuan} to "
                f"{limits.upper_yuan} of region {region}",
                {
                    "base": str(pension_base),
                    "lower": str(limits.lower_yuan),
                    "upper": str(limits.upper_yuan),
                },
            )
        statuses += [pension_table.base_choice.status, limits.lower.status, limits.upper.status]
    rate = pension_table.rate.fraction
    account_rate = pension_table.personal_account.fraction
    amount = round_fen(pension_base * rate)  # R4
    personal = round_fen(pension_base * account_rate)  # R4
    pension_status = weakest([*statuses, pension_table.personal_account.status])
    pension = FlexiblePensionPayment(
        pension_base,
        grade,
        rate,
        amount,
        account_rate,
        personal,
        amount - personal,
        pension_status,
    )

    medical: FlexibleMedicalPayment | None = None
    medical_table = period.flexible_medical
    if include_medical and medical_table is not None:
        medical_on = medical_base(medical_table) + ZERO
        parts = tuple(
            MedicalPartPayment(
                part.name,
                part.label,
                part.fraction,
                round_fen(medical_on * part.fraction),  # R5
                part.status,
            )
            for part in medical_table.parts
        )
        if medical_table.base is not None:
            base_status = medical_table.base.status
        else:
            assert medical_table.average is not None
            assert medical_table.base_percent_of_average is not None
            base_status = weakest(
                [medical_table.average.status, medical_table.base_percent_of_average.status]
            )
        medical = FlexibleMedicalPayment(
            medical_on,
            medical_table.rate.fraction,
            parts,
            sum((part.amount for part in parts), ZERO),
            weakest([period.status, base_status, *(part.status for part in parts)]),
        )
    total = pension.amount + (medical.total if medical is not None else ZERO)
    status = weakest([pension.status] + ([medical.status] if medical is not None else []))
    return FlexiblePayment(region, first, pension, medical, total, status)


# --- late fees and back payments -----------------------------------------------------------


def fee_days(due_date: dt.date, paid_on: dt.date) -> int:
    """Days of arrears: from the day after the due date to the payment date, both included
    (zero when paid on or before the due date)."""
    return max(0, (paid_on - due_date).days)


def late_fee(amount: MoneyInput, due_date: dt.date, paid_on: dt.date, rate: Decimal) -> Decimal:
    """The late fee of one month's arrears at a daily ``rate`` (a fraction: 0.0005 for the
    0.05 % of Social Insurance Law art. 86): amount × rate × days, rounded once (R6)."""
    principal = money(amount, field="amount")
    daily = _decimal(rate, "rate")
    if daily < 0:
        raise ValueError("a late-fee rate cannot be negative")
    return round_fen(principal * daily * fee_days(due_date, paid_on))


def late_fee_by_schedule(
    amount: MoneyInput, due_date: dt.date, paid_on: dt.date, schedule: Sequence[LateFeeRate]
) -> Decimal:
    """Like ``late_fee`` when the daily rate changed during the arrears (0.2 % a day up to
    2011-06-30, 0.05 % after): each day at the rate in force that day, the month's fee rounded
    once (R6). ``schedule`` is the national table's ``late_fee`` (contiguous, open-ended)."""
    principal = money(amount, field="amount")
    first_day = due_date + dt.timedelta(days=1)
    if paid_on < first_day:
        return ZERO
    weighted = Decimal(0)
    covered = 0
    for rate in schedule:
        start = max(first_day, rate.effective_from or first_day)
        end = min(paid_on, rate.effective_to or paid_on)
        if end >= start:
            days = (end - start).days + 1
            covered += days
            weighted += rate.fraction * days
    if covered != fee_days(due_date, paid_on):
        raise ValueError("the late-fee schedule does not cover every day of the arrears")
    return round_fen(principal * weighted)


@dataclass(frozen=True)
class DueRule:
    """When month M's contributions are due: on ``day`` (``None``: the last day) of the month
    ``months_after`` months after M, moved back to that month's last day if it is shorter.

    The default (month M due by its last day) is an assumption: local due dates were not
    found, hence ``status`` "unconfirmed"."""

    months_after: int = 0
    day: int | None = None
    status: Status = "unconfirmed"

    def due_date(self, month: dt.date) -> dt.date:
        if self.months_after < 0 or (self.day is not None and not 1 <= self.day <= 31):
            raise ValueError("a due rule needs months_after >= 0 and a day from 1 to 31")
        index = month.year * 12 + month.month - 1 + self.months_after
        year, month_number = divmod(index, 12)
        last = calendar.monthrange(year, month_number + 1)[1]
        return dt.date(year, month_number + 1, min(self.day or last, last))


DEFAULT_DUE_RULE = DueRule()


@dataclass(frozen=True)
class BackPaymentMonth:
    month: dt.date
    contribution: MonthlyContribution
    principal: Decimal
    due_date: dt.date
    days: int
    fee: Decimal


@dataclass(frozen=True)
class BackPayment:
    region: str
    paid_on: dt.date
    due_rule: DueRule
    months: tuple[BackPaymentMonth, ...]
    principal_total: Decimal
    fee_total: Decimal
    total: Decimal
    status: Status


def back_payment(
    tables: ContributionTables,
    region: str,
    months: Iterable[tuple[dt.date, MoneyInput]],
    paid_on: dt.date,
    due_rule: DueRule = DEFAULT_DUE_RULE,
    *,
    insurance_types: Iterable[InsuranceType | str],
    work_injury_class: int = 1,
) -> BackPayment:
    """Arrears paid on ``paid_on``: for each (month, wage) the contribution at that month's
    table (employer and individual shares), due by ``due_rule``, with its late fee at the
    national daily rate(s) rounded per month (R6); totals are sums of the months."""
    kinds = insurance_types_of(insurance_types)
    schedule = tables.national.late_fee
    lines: list[BackPaymentMonth] = []
    seen: set[dt.date] = set()
    for month, wage in months:
        first = _month(month)
        if first in seen:
            raise ValidationError(
                "months",
                "duplicate_month",
                f"the month {first:%Y-%m} is listed twice",
                {"month": f"{first:%Y-%m}"},
            )
        seen.add(first)
        contribution = monthly_contribution(tables, region, first, wage, kinds, work_injury_class)
        due = due_rule.due_date(first)
        fee = late_fee_by_schedule(contribution.total, due, paid_on, schedule)
        lines.append(
            BackPaymentMonth(
                first, contribution, contribution.total, due, fee_days(due, paid_on), fee
            )
        )
    lines.sort(key=lambda line: line.month)
    principal = sum((line.principal for line in lines), ZERO)
    fees = sum((line.fee for line in lines), ZERO)
    used_rates = [
        rate.status
        for rate in schedule
        for line in lines
        if line.days and _overlaps(rate, line.due_date + dt.timedelta(days=1), paid_on)
    ]
    status = weakest([due_rule.status, *used_rates, *(line.contribution.status for line in lines)])
    return BackPayment(
        region, paid_on, due_rule, tuple(lines), principal, fees, principal + fees, status
    )


def _overlaps(rate: LateFeeRate, first_day: dt.date, last_day: dt.date) -> bool:
    """Whether ``rate`` is in force on any day from ``first_day`` to ``last_day``."""
    starts, ends = rate.effective_from or first_day, rate.effective_to or last_day
    return starts <= last_day and first_day <= ends


# --- personal account refund ---------------------------------------------------------------


@dataclass(frozen=True)
class RefundYear:
    """One accrual year of a personal account. ``credited`` is false for the year of the
    refund: its interest is credited only once the year has closed."""

    year: int
    opening_balance: Decimal
    rate: Decimal | None
    interest_on_balance: Decimal
    contributions: Decimal
    interest_on_contributions: Decimal
    closing_balance: Decimal
    credited: bool


@dataclass(frozen=True)
class AccountRefund:
    as_of: dt.date
    method: RefundMethod
    years: tuple[RefundYear, ...]
    contributions_total: Decimal
    interest_total: Decimal
    balance: Decimal


def account_refund(
    contributions: Iterable[tuple[dt.date, MoneyInput]],
    rates: Mapping[int, Decimal],
    as_of: dt.date,
    method: RefundMethod = "months_13_minus_m",
) -> AccountRefund:
    """The personal-account balance refunded on ``as_of``: the individual contributions with
    the credited interest of every accrual year closed before ``as_of``'s year.

    ``rates`` maps accrual year → credited rate as a fraction
    (``NationalTable.credited_rate_fractions()``). Per closed year (R7): the carried balance
    earns balance × rate; the year's contributions earn, by ``method``,

    * ``"months_13_minus_m"`` — each month m's contribution × rate × (13 − m) / 12 (a January
      contribution is stored 12 months, a December one 1 month), summed, then rounded;
    * ``"coefficient_1083"`` — the year's contributions × rate × 1.083 / 2 (unconfirmed).

    Refused with ``ValidationError``: a contribution after ``as_of`` (field ``contributions``)
    or a closed year without a credited rate (field ``as_of``, code ``no_credited_rate``)."""
    if method not in REFUND_METHODS:
        raise ValueError(f"unknown refund method {method!r}")
    by_year: dict[int, list[tuple[int, Decimal]]] = {}
    for month, amount in contributions:
        first = _month(month)
        if first > as_of:
            raise ValidationError(
                "contributions",
                "after_as_of",
                f"a contribution of {first:%Y-%m} is after the refund date {as_of.isoformat()}",
                {"month": f"{first:%Y-%m}", "as_of": as_of.isoformat()},
            )
        by_year.setdefault(first.year, []).append((first.month, money(amount, field="amount")))
    years: list[RefundYear] = []
    balance = ZERO
    interest_total = ZERO
    contributions_total = ZERO
    for year in range(min(by_year, default=as_of.year), as_of.year + 1):
        entries = by_year.get(year, [])
        paid = sum((amount for _, amount in entries), ZERO)
        credited = year < as_of.year
        rate: Decimal | None = None
        on_balance = on_contributions = ZERO
        if credited:
            if year not in rates:
                raise ValidationError(
                    "as_of",
                    "no_credited_rate",
                    f"the credited rate of {year} is not in the table",
                    {"year": str(year)},
                )
            rate = _decimal(rates[year], f"the credited rate of {year}")
            on_balance = round_fen(balance * rate)  # R7
            if method == "months_13_minus_m":
                stored = sum((amount * (13 - m) for m, amount in entries), Decimal(0))
                on_contributions = round_fen(stored * rate / TWELVE)  # R7
            else:
                on_contributions = round_fen(paid * rate * COEFFICIENT_1083)  # R7
        closing = balance + on_balance + paid + on_contributions
        years.append(
            RefundYear(year, balance, rate, on_balance, paid, on_contributions, closing, credited)
        )
        balance = closing
        interest_total += on_balance + on_contributions
        contributions_total += paid
    return AccountRefund(as_of, method, tuple(years), contributions_total, interest_total, balance)
