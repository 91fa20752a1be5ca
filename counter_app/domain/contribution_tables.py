"""Contribution tables: the dated rates, base limits and national facts as data files.

Rates, base limits and average wages change per year and region and are often published late
in the year they govern, so they are not code: each region has one TOML file in
``resources/contributions/`` (``zhejiang-hangzhou.toml``, ``sichuan-chengdu.toml``) with
periods bounded by ``effective_from`` / ``effective_to``, and ``national.toml`` holds the facts
set for the whole country (credited interest rates by accrual year, the late-fee rate, the
work-injury class benchmarks, the resident pension grades). ``resources/contributions/README.md``
describes the format.

Every figure carries ``source`` (tags resolved by the file's ``[sources]`` table, or ``"none"``
when nothing was found) and ``status`` — ``confirmed``, ``secondary``, ``derived`` or
``unconfirmed`` — so a result computed from an unconfirmed figure can say so. A file is checked
strictly when loaded, and a broken one is refused with the file, the region and period, and the
field named: a typo must never change what a citizen pays.

Numbers are read exactly: TOML floats are parsed as ``Decimal`` (``9.5`` is ``Decimal("9.5")``)
and a binary float handed to a model from code is refused.
"""

from __future__ import annotations

import calendar
import datetime as dt
import importlib.resources
import itertools
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic import ValidationError as PydanticValidationError

from counter_app.domain.errors import ValidationError
from counter_app.domain.holiday_files import PlainDate

Status = Literal["confirmed", "secondary", "derived", "unconfirmed"]
#: From the strongest to the weakest. A derived figure ranks below a secondary one: our own
#: arithmetic has not been seen in any source.
STATUSES: tuple[Status, ...] = ("confirmed", "secondary", "derived", "unconfirmed")
#: The source tag of a figure for which no source was found (status must be "unconfirmed").
NO_SOURCE = "none"
NATIONAL_FILE = "national.toml"
YUAN = Decimal("1")
HUNDRED = Decimal(100)
MONTHS_PER_YEAR = Decimal(12)


def weakest(statuses: Iterable[Status]) -> Status:
    """The weakest of ``statuses`` ("confirmed" for none): what a result built from them is."""
    return max(statuses, key=STATUSES.index, default="confirmed")


def base_from_average(average_per_month: Decimal, percent: Decimal) -> Decimal:
    """Rounding point R1: a base derived from an average wage (a limit, a flexible grade,
    Chengdu's flexible medical base) is ``percent`` of the monthly average rounded to the
    whole yuan, ROUND_HALF_UP — 7646 × 60 % = 4587.6 → 4588; 90220 / 12 × 80 % → 6015."""
    return (average_per_month * percent / HUNDRED).quantize(YUAN, rounding=ROUND_HALF_UP)


# --- value types ---------------------------------------------------------------------------


def _exact(value: Any) -> Any:
    # A binary float has already lost the figure (0.1 is not one tenth); bool is an int.
    if isinstance(value, (float, bool)):
        raise ValueError(f"{value!r} is not an exact number; write it as 9.5 in TOML or as text")
    return value


Exact = Annotated[Decimal, BeforeValidator(_exact)]
NonNegative = Annotated[Decimal, BeforeValidator(_exact), Field(ge=0, le=10**9)]
PercentValue = Annotated[Decimal, BeforeValidator(_exact), Field(ge=0, le=100)]
# A percentage of an average wage or of a benchmark rate (300 % of the average, 150 %).
PercentOf = Annotated[Decimal, BeforeValidator(_exact), Field(gt=0, le=1000)]


def _tags(value: Any) -> Any:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(value)
    return value


Tag = Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_-]*$", max_length=20)]
SourceTags = Annotated[tuple[Tag, ...], BeforeValidator(_tags), Field(min_length=1)]


def _urls(value: Any) -> Any:
    return (
        (value,) if isinstance(value, str) else tuple(value) if isinstance(value, list) else value
    )


Url = Annotated[str, Field(pattern=r"^https?://\S+$", max_length=500)]
SourceUrls = Annotated[tuple[Url, ...], BeforeValidator(_urls), Field(min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sourced(_Model):
    """Where a figure comes from and how far it is confirmed."""

    source: SourceTags
    status: Status
    note: str | None = Field(default=None, max_length=400)


class Percent(Sourced):
    """A rate in percent of the base (``9.5`` means 9.5 %)."""

    percent: PercentValue

    @property
    def fraction(self) -> Decimal:
        return self.percent / HUNDRED


class Amount(Sourced):
    """An amount in yuan."""

    yuan: NonNegative


class AverageWage(Sourced):
    """A published average wage (全口径城镇单位就业人员平均工资), per month or per year."""

    yuan: Annotated[Decimal, BeforeValidator(_exact), Field(gt=0, le=10**8)]
    per: Literal["month", "year"] = "month"
    of_year: int | None = Field(default=None, ge=1990, le=2100)

    @property
    def per_month(self) -> Decimal:
        """Exact monthly figure (not rounded: 90220 / 12 stays 7518.333…)."""
        return self.yuan if self.per == "month" else self.yuan / MONTHS_PER_YEAR


class AverageBasis(AverageWage):
    """The average a limit was set from and the percentage applied (60 % or 300 %)."""

    percent: PercentOf


class BaseLimits(_Model):
    """Contribution base limits (缴费基数上下限) in yuan a month. Both limits are stored: a
    region may take them from averages of different years, so one is never derived from the
    other."""

    lower: Amount
    upper: Amount
    lower_from_average: AverageBasis | None = None
    upper_from_average: AverageBasis | None = None

    @property
    def lower_yuan(self) -> Decimal:
        return self.lower.yuan

    @property
    def upper_yuan(self) -> Decimal:
        return self.upper.yuan


class RateShares(_Model):
    """An insurance type's rates: employer (单位) and individual (个人) shares."""

    employer: Percent
    individual: Percent
    of_which_maternity: Percent | None = None


class ClassRate(Sourced):
    """The rate of one work-injury industry class (行业类别 1–8)."""

    industry_class: int = Field(ge=1, le=8)
    percent: PercentValue

    @property
    def fraction(self) -> Decimal:
        return self.percent / HUNDRED


def _classes(value: Any) -> Any:
    # One clear message instead of one per member of the union.
    if isinstance(value, str) and value != "national":
        raise ValueError(f'{value!r}: write "national" or a list of classes')
    return value


class WorkInjuryRates(Sourced):
    """Employer-only work-injury rates: the national benchmarks or the region's own list."""

    classes: Annotated[Literal["national"] | tuple[ClassRate, ...], BeforeValidator(_classes)]


class Rates(_Model):
    """Employee rates by insurance type; a type the region's notices do not give is absent."""

    pension: RateShares | None = None
    medical: RateShares | None = None
    unemployment: RateShares | None = None
    maternity: RateShares | None = None
    work_injury: WorkInjuryRates | None = None
    # Maternity is merged into medical (Hangzhou from 2023): no separate maternity rate.
    maternity_in_medical: Sourced | None = None


class BaseChoice(Sourced):
    """How a flexible worker's pension base is chosen: any base between the limits, or only
    one of the listed grades."""

    rule: Literal["within_limits", "grades_only"]


class FlexibleGrade(Sourced):
    """A contribution grade (档次): a percentage of the average, or a fixed amount."""

    name: str = Field(min_length=1, max_length=20)
    percent_of_average: PercentOf | None = None
    yuan: NonNegative | None = None


class FlexiblePension(_Model):
    """Pension of flexible workers (灵活就业): one rate paid by the worker, of which the
    personal-account share; the rest goes to the pooled fund."""

    rate: Percent
    personal_account: Percent
    base_choice: BaseChoice
    average: AverageWage | None = None
    grades: tuple[FlexibleGrade, ...] = ()


class MedicalPart(Percent):
    """One part of a flexible medical rate (Chengdu: basic 8.75 %, serious illness 0.75 %)."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)
    label: str = Field(min_length=1, max_length=40)


class FlexibleMedical(_Model):
    """Medical insurance of flexible workers on a set base (Chengdu: 80 % of the average)."""

    average: AverageWage | None = None
    base_percent_of_average: Percent | None = None
    base: Amount | None = None
    rate: Percent
    parts: tuple[MedicalPart, ...] = Field(min_length=1)


class Period(Sourced):
    """What applies from ``effective_from`` to ``effective_to`` (whole months, both days
    included). ``source`` and ``status`` are those of the dates."""

    effective_from: PlainDate
    effective_to: PlainDate
    notice: str | None = Field(default=None, max_length=200)
    limits: BaseLimits | None = None
    rates: Rates | None = None
    flexible_pension: FlexiblePension | None = None
    flexible_medical: FlexibleMedical | None = None

    def covers(self, day: dt.date) -> bool:
        return self.effective_from <= day <= self.effective_to

    @property
    def label(self) -> str:
        return f"{self.effective_from.isoformat()} to {self.effective_to.isoformat()}"


class RegionFile(_Model):
    """A region's file as written."""

    region: str = Field(pattern=r"^[a-z]+(-[a-z]+)*$", max_length=60)
    name: str = Field(min_length=1, max_length=60)
    name_en: str = Field(min_length=1, max_length=60)
    sources: dict[Tag, SourceUrls]
    periods: tuple[Period, ...] = Field(min_length=1)


class CreditedRate(Sourced):
    """The credited interest rate (记账利率) of the personal pension account for one year."""

    accrual_year: int = Field(ge=1990, le=2100)
    percent: PercentValue

    @property
    def fraction(self) -> Decimal:
        return self.percent / HUNDRED


class LateFeeRate(Sourced):
    """The daily late-fee rate for days of arrears within the dates (open at either end)."""

    effective_from: PlainDate | None = None
    effective_to: PlainDate | None = None
    percent_per_day: Annotated[Decimal, BeforeValidator(_exact), Field(gt=0, le=1)]

    @property
    def fraction(self) -> Decimal:
        return self.percent_per_day / HUNDRED


class WorkInjuryFloating(Sourced):
    """How far a class's rate may float from its benchmark (percent of the benchmark)."""

    class_1_up_percent: tuple[PercentOf, ...]
    up_percent: tuple[PercentOf, ...]
    down_percent: tuple[PercentOf, ...]


class WorkInjuryBenchmarks(_Model):
    """The national industry-class benchmarks and how far a rate may float from them."""

    notice: str = Field(min_length=1, max_length=200)
    classes: tuple[ClassRate, ...] = Field(min_length=8, max_length=8)
    floating: WorkInjuryFloating


class ResidentGrades(Sourced):
    """Contribution grades of the resident pension, yuan a year."""

    yuan_per_year: tuple[NonNegative, ...] = Field(min_length=1)


class ResidentPension(_Model):
    """The national resident pension grades and the minimum government subsidies."""

    notice: str = Field(min_length=1, max_length=200)
    grades: ResidentGrades
    min_subsidy_lowest_grade: Amount
    min_subsidy_from_500: Amount


class NationalFile(_Model):
    """``national.toml`` as written."""

    sources: dict[Tag, SourceUrls]
    credited_rates: tuple[CreditedRate, ...] = ()
    late_fee: tuple[LateFeeRate, ...] = Field(min_length=1)
    work_injury: WorkInjuryBenchmarks
    resident_pension: ResidentPension


# --- loaded tables -------------------------------------------------------------------------


class ContributionTableError(ValueError):
    """A contribution table cannot be used; each problem names the file, the region and period
    (or the national entry) and the field."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class NoTableForMonth(ValidationError):
    """No period of the region's table covers the month (the figures are not known yet)."""

    def __init__(self, region: str, month: dt.date) -> None:
        super().__init__(
            "month",
            "no_table",
            f"no contribution table of region {region} covers {month:%Y-%m}",
            {"region": region, "month": f"{month:%Y-%m}"},
        )
        self.region = region
        self.month = month


@dataclass(frozen=True)
class RegionTable:
    """One region's file, its periods in date order."""

    region: str
    name: str
    periods: tuple[Period, ...]
    sources: Mapping[str, tuple[str, ...]]
    path: Path
    name_en: str = ""

    def period(self, month: dt.date) -> Period:
        """The period covering ``month`` (any day of it); ``NoTableForMonth`` if none."""
        first = month.replace(day=1)
        for period in self.periods:
            if period.covers(first):
                return period
        raise NoTableForMonth(self.region, first)


@dataclass(frozen=True)
class NationalTable:
    credited_rates: tuple[CreditedRate, ...]
    late_fee: tuple[LateFeeRate, ...]
    work_injury: WorkInjuryBenchmarks
    resident_pension: ResidentPension
    sources: Mapping[str, tuple[str, ...]]
    path: Path

    def credited_rate_fractions(self) -> dict[int, Decimal]:
        """Accrual year → credited rate as a fraction (2024 → Decimal("0.0262"))."""
        return {rate.accrual_year: rate.fraction for rate in self.credited_rates}

    def work_injury_benchmark(self, industry_class: int) -> ClassRate:
        for rate in self.work_injury.classes:
            if rate.industry_class == industry_class:
                return rate
        raise ValidationError(
            "work_injury_class",
            "unknown_class",
            f"work-injury industry class {industry_class} does not exist (classes 1 to 8)",
            {"class": str(industry_class)},
        )


@dataclass(frozen=True)
class ContributionTables:
    """Every region's table and the national facts."""

    regions: Mapping[str, RegionTable]
    national: NationalTable

    def region(self, region: str) -> RegionTable:
        try:
            return self.regions[region]
        except KeyError:
            raise ValidationError(
                "region",
                "unknown_region",
                f"there is no contribution table for region {region!r}",
                {"region": region},
            ) from None

    def period(self, region: str, month: dt.date) -> Period:
        """The period of ``region`` covering ``month``: ``NoTableForMonth`` names both when
        there is none, ``ValidationError`` (``unknown_region``) for an unknown region."""
        return self.region(region).period(month)


# --- checking ------------------------------------------------------------------------------


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ContributionTableError([f"{path}: cannot be read: {exc.strerror or exc}"]) from None
    except UnicodeDecodeError as exc:
        raise ContributionTableError([f"{path}: is not UTF-8 text (byte {exc.start})"]) from None
    try:
        # parse_float keeps 9.5 exact: it is never a binary float on the way in.
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise ContributionTableError([f"{path}: is not valid TOML: {exc}"]) from None


def _field(parts: tuple[int | str, ...] | list[int | str]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"


def _pydantic_errors(exc: PydanticValidationError) -> list[Any]:
    """The errors worth reading: "too short" of a list is dropped when one of its items has an
    error of its own (pydantic then counts the list without the broken item)."""
    errors = exc.errors()
    locs = [tuple(error["loc"]) for error in errors]
    return [
        error
        for error, loc in zip(errors, locs, strict=True)
        if not (
            error["type"] == "too_short"
            and any(len(other) > len(loc) and other[: len(loc)] == loc for other in locs)
        )
    ]


def _raw_period_label(raw: dict[str, Any], index: int) -> str:
    periods = raw.get("periods")
    if isinstance(periods, list) and index < len(periods) and isinstance(periods[index], dict):
        start, end = periods[index].get("effective_from"), periods[index].get("effective_to")
        if isinstance(start, dt.date) and isinstance(end, dt.date):
            return f"period {start.isoformat()} to {end.isoformat()}"
    return f"period #{index + 1}"


def _raw_entry_label(raw: dict[str, Any], key: str, index: int) -> str:
    entries = raw.get(key)
    if isinstance(entries, list) and index < len(entries) and isinstance(entries[index], dict):
        entry = entries[index]
        if "accrual_year" in entry:
            return f"{key} {entry['accrual_year']}"
    return f"{key} #{index + 1}"


def _walk(
    value: object, path: tuple[int | str, ...]
) -> Iterator[tuple[tuple[int | str, ...], Sourced]]:
    """Every sourced figure inside ``value`` with its field path."""
    if isinstance(value, Sourced):
        yield path, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), (*path, name))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index))


def _source_problems(
    value: object, sources: Mapping[str, object], where: str, path: tuple[int | str, ...] = ()
) -> list[str]:
    problems = []
    for field_path, figure in _walk(value, path):
        field = _field(field_path) if field_path else "(period)"
        for tag in figure.source:
            if tag == NO_SOURCE:
                if figure.status != "unconfirmed" or len(figure.source) > 1:
                    problems.append(
                        f"{where}: {field}.source: '{NO_SOURCE}' is only for a figure with "
                        f"status 'unconfirmed' and no other source"
                    )
            elif tag not in sources:
                problems.append(f"{where}: {field}.source: tag {tag!r} is not in [sources]")
    return problems


def _check_basis(where: str, field: str, limit: Amount, basis: AverageBasis | None) -> list[str]:
    if basis is None:
        return []
    expected = base_from_average(basis.per_month, basis.percent)
    if expected != limit.yuan:
        return [
            f"{where}: limits.{field}: {limit.yuan} is not {basis.percent} % of the average "
            f"{basis.yuan} a {basis.per} (that gives {expected})"
        ]
    return []


def grade_base(pension: FlexiblePension, grade: FlexibleGrade) -> Decimal:
    """The base of a flexible grade: its fixed amount, or its percentage of the average (R1)."""
    if grade.yuan is not None:
        return grade.yuan
    if grade.percent_of_average is None or pension.average is None:
        raise ValueError(f"grade {grade.name} has no amount")  # excluded by the file check
    return base_from_average(pension.average.per_month, grade.percent_of_average)


def medical_base(medical: FlexibleMedical) -> Decimal:
    """The flexible medical base: the published one, else the percentage of the average (R1)."""
    if medical.base is not None:
        return medical.base.yuan
    if medical.average is None or medical.base_percent_of_average is None:
        raise ValueError("flexible medical has no base")  # excluded by the file check
    return base_from_average(medical.average.per_month, medical.base_percent_of_average.percent)


def _period_problems(where: str, period: Period) -> list[str]:
    problems: list[str] = []
    start, end = period.effective_from, period.effective_to
    if start.day != 1:
        problems.append(f"{where}: effective_from: {start.isoformat()} is not the first of a month")
    if end.day != calendar.monthrange(end.year, end.month)[1]:
        problems.append(f"{where}: effective_to: {end.isoformat()} is not the last day of a month")
    if end < start:
        problems.append(f"{where}: effective_to: {end.isoformat()} is before effective_from")

    limits = period.limits
    if limits is not None:
        if limits.lower.yuan > limits.upper.yuan:
            problems.append(
                f"{where}: limits.lower: {limits.lower.yuan} is above the upper limit "
                f"{limits.upper.yuan}"
            )
        problems += _check_basis(where, "lower", limits.lower, limits.lower_from_average)
        problems += _check_basis(where, "upper", limits.upper, limits.upper_from_average)

    rates = period.rates
    if rates is not None:
        if rates.maternity is not None and rates.maternity_in_medical is not None:
            problems.append(
                f"{where}: rates.maternity: given although maternity_in_medical says it is "
                f"part of medical"
            )
        if rates.maternity_in_medical is not None and rates.medical is None:
            problems.append(f"{where}: rates.maternity_in_medical: there is no medical rate")
        medical = rates.medical
        share = medical.of_which_maternity if medical is not None else None
        if medical is not None and share is not None and share.percent > medical.employer.percent:
            problems.append(
                f"{where}: rates.medical.of_which_maternity: {share.percent} % is more than "
                f"the employer's {medical.employer.percent} %"
            )
        for name in ("pension", "unemployment", "maternity"):
            shares = getattr(rates, name)
            if shares is not None and shares.of_which_maternity is not None:
                problems.append(
                    f"{where}: rates.{name}.of_which_maternity: only the medical rate may "
                    f"include maternity"
                )
        if rates.work_injury is not None and not isinstance(rates.work_injury.classes, str):
            seen = [rate.industry_class for rate in rates.work_injury.classes]
            if len(seen) != len(set(seen)):
                problems.append(f"{where}: rates.work_injury.classes: a class is listed twice")

    pension = period.flexible_pension
    if pension is not None:
        if pension.personal_account.percent > pension.rate.percent:
            problems.append(
                f"{where}: flexible_pension.personal_account: {pension.personal_account.percent}"
                f" % is more than the rate {pension.rate.percent} %"
            )
        if pension.base_choice.rule == "grades_only" and not pension.grades:
            problems.append(f"{where}: flexible_pension.grades: 'grades_only' needs grades")
        if pension.base_choice.rule == "within_limits" and limits is None:
            problems.append(f"{where}: flexible_pension.base_choice: 'within_limits' needs limits")
        names: set[str] = set()
        for index, grade in enumerate(pension.grades):
            field = f"flexible_pension.grades[{index}] ({grade.name})"
            if grade.name in names:
                problems.append(f"{where}: {field}.name: listed twice")
            names.add(grade.name)
            if (grade.yuan is None) == (grade.percent_of_average is None):
                problems.append(f"{where}: {field}: give either percent_of_average or yuan")
                continue
            if grade.percent_of_average is not None and pension.average is None:
                problems.append(
                    f"{where}: {field}.percent_of_average: flexible_pension.average is missing"
                )
                continue
            base = grade_base(pension, grade)
            if limits is not None and not limits.lower.yuan <= base <= limits.upper.yuan:
                problems.append(
                    f"{where}: {field}: base {base} is outside the limits "
                    f"{limits.lower.yuan} to {limits.upper.yuan}"
                )

    medical_flex = period.flexible_medical
    if medical_flex is not None:
        has_average = (
            medical_flex.average is not None and medical_flex.base_percent_of_average is not None
        )
        if medical_flex.base is None and not has_average:
            problems.append(
                f"{where}: flexible_medical.base: give the base, or average and "
                f"base_percent_of_average"
            )
        elif medical_flex.base is not None and has_average:
            assert medical_flex.average is not None
            assert medical_flex.base_percent_of_average is not None
            expected = base_from_average(
                medical_flex.average.per_month, medical_flex.base_percent_of_average.percent
            )
            if expected != medical_flex.base.yuan:
                problems.append(
                    f"{where}: flexible_medical.base: {medical_flex.base.yuan} is not "
                    f"{medical_flex.base_percent_of_average.percent} % of the average "
                    f"{medical_flex.average.yuan} a {medical_flex.average.per} "
                    f"(that gives {expected})"
                )
        total = sum((part.percent for part in medical_flex.parts), Decimal(0))
        if total != medical_flex.rate.percent:
            problems.append(
                f"{where}: flexible_medical.parts: they add up to {total} %, "
                f"not the rate {medical_flex.rate.percent} %"
            )
        part_names = [part.name for part in medical_flex.parts]
        if len(part_names) != len(set(part_names)):
            problems.append(f"{where}: flexible_medical.parts: a name is listed twice")
    return problems


def parse_region_file(path: Path) -> RegionTable:
    """Read and check one region's file; ``ContributionTableError`` names every fault."""
    raw = _read_toml(path)
    region_name = raw.get("region") if isinstance(raw.get("region"), str) else path.stem
    head = f"{path}: region {region_name}"
    try:
        model = RegionFile.model_validate(raw)
    except PydanticValidationError as exc:
        problems = []
        for error in _pydantic_errors(exc):
            loc = tuple(error["loc"])
            if len(loc) >= 2 and loc[0] == "periods" and isinstance(loc[1], int):
                where = f"{head}, {_raw_period_label(raw, loc[1])}"
                field = _field(loc[2:]) if len(loc) > 2 else "(period)"
            else:
                where, field = head, _field(loc)
            problems.append(f"{where}: {field}: {error['msg']}")
        raise ContributionTableError(problems) from None

    problems = []
    if model.region != path.stem:
        problems.append(f"{head}: region: the file must be named {model.region}.toml")
    for period in model.periods:
        where = f"{head}, period {period.label}"
        problems += _period_problems(where, period)
        problems += _source_problems(period, model.sources, where)
    ordered = sorted(model.periods, key=lambda p: p.effective_from)
    for before, after in itertools.pairwise(ordered):
        if after.effective_from <= before.effective_to:
            problems.append(
                f"{head}, period {after.label}: effective_from: overlaps period {before.label}"
            )
    if problems:
        raise ContributionTableError(problems)
    return RegionTable(
        model.region, model.name, tuple(ordered), dict(model.sources), path, model.name_en
    )


def parse_national_file(path: Path) -> NationalTable:
    """Read and check ``national.toml``; ``ContributionTableError`` names every fault."""
    raw = _read_toml(path)
    head = f"{path}: national"
    try:
        model = NationalFile.model_validate(raw)
    except PydanticValidationError as exc:
        problems = []
        for error in _pydantic_errors(exc):
            loc = tuple(error["loc"])
            if len(loc) >= 2 and isinstance(loc[0], str) and isinstance(loc[1], int):
                where = f"{head}, {_raw_entry_label(raw, loc[0], loc[1])}"
                field = _field(loc[2:]) if len(loc) > 2 else "(entry)"
            else:
                where, field = head, _field(loc)
            problems.append(f"{where}: {field}: {error['msg']}")
        raise ContributionTableError(problems) from None

    problems = _source_problems(model, model.sources, head)
    years = [rate.accrual_year for rate in model.credited_rates]
    for year in sorted({y for y in years if years.count(y) > 1}):
        problems.append(f"{head}, credited_rates {year}: accrual_year: listed twice")
    fees = model.late_fee
    if fees[0].effective_from is not None:
        problems.append(f"{head}, late_fee #1: effective_from: the first rate must be open")
    if fees[-1].effective_to is not None:
        problems.append(f"{head}, late_fee #{len(fees)}: effective_to: the last rate must be open")
    for index, (before, after) in enumerate(itertools.pairwise(fees), start=2):
        if (
            before.effective_to is None
            or after.effective_from is None
            or after.effective_from != before.effective_to + dt.timedelta(days=1)
        ):
            problems.append(
                f"{head}, late_fee #{index}: effective_from: must be the day after the "
                f"previous rate's effective_to"
            )
    classes = sorted(rate.industry_class for rate in model.work_injury.classes)
    if classes != list(range(1, 9)):
        problems.append(f"{head}: work_injury.classes: must list classes 1 to 8 once each")
    if problems:
        raise ContributionTableError(problems)
    return NationalTable(
        model.credited_rates,
        model.late_fee,
        model.work_injury,
        model.resident_pension,
        dict(model.sources),
        path,
    )


def shipped_contribution_dir() -> Path:
    """The shipped tables: ``counter_app/_data/contributions`` in a wheel or a frozen bundle
    (copied there from ``resources/contributions`` at build time), else
    ``resources/contributions`` of the checkout."""
    packaged = Path(str(importlib.resources.files("counter_app") / "_data" / "contributions"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources" / "contributions"


def load_contribution_tables(directory: Path | None = None) -> ContributionTables:
    """Load ``national.toml`` and every region file of ``directory`` (the shipped folder by
    default). Any broken file refuses the whole load: ``ContributionTableError`` lists the
    faults of every file, each naming the file."""
    folder = directory if directory is not None else shipped_contribution_dir()
    problems: list[str] = []
    national: NationalTable | None = None
    regions: dict[str, RegionTable] = {}
    national_path = folder / NATIONAL_FILE
    if not national_path.is_file():
        problems.append(f"{national_path}: is missing")
    else:
        try:
            national = parse_national_file(national_path)
        except ContributionTableError as exc:
            problems += exc.problems
    region_paths = sorted(p for p in folder.glob("*.toml") if p.name != NATIONAL_FILE)
    for path in region_paths:
        try:
            table = parse_region_file(path)
        except ContributionTableError as exc:
            problems += exc.problems
            continue
        regions[table.region] = table
    if problems or national is None:
        raise ContributionTableError(problems)
    return ContributionTables(regions, national)


@cache
def shipped_contribution_tables() -> ContributionTables:
    """The shipped tables, loaded once."""
    return load_contribution_tables()
