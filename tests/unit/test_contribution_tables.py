"""Contribution tables: the shipped files load with the published figures and their marks; a
broken file is refused naming the file, the region and period, and the field.

Figures are cited by the source tags of the shipped files ([A1] 浙人社发〔2025〕52号 via the
Zhejiang tax bureau, [A2] its 2024 Q&A, [A3] 杭医保〔2022〕41号, [B1] 川人社办发〔2025〕39号,
[B2] Chengdu's 2025-04-16 Q&A, [G] 人社部发〔2015〕71号, [H]/[J] Social Insurance Law art. 86
as explained in public guidance, [I] the pre-2011 rule, [K]/[L]/[C] credited rates).
"""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError as PydanticValidationError

from counter_app.domain.contribution_tables import (
    STATUSES,
    Amount,
    ContributionTableError,
    NoTableForMonth,
    Percent,
    base_from_average,
    load_contribution_tables,
    parse_national_file,
    parse_region_file,
    shipped_contribution_dir,
    shipped_contribution_tables,
    weakest,
)
from counter_app.domain.errors import ValidationError

ROOT = Path(__file__).resolve().parents[2]
HZ = "zhejiang-hangzhou"
CD = "sichuan-chengdu"


def whole_yuan(value: Decimal) -> Decimal:
    """Round to the whole yuan, half up — how the published limits relate to the averages."""
    return value.quantize(Decimal("1"), rounding=ROUND_HALF_UP)


# --- the shipped tables --------------------------------------------------------------------


def test_the_checkout_folder_is_the_shipped_one() -> None:
    assert shipped_contribution_dir() == ROOT / "resources" / "contributions"
    tables = shipped_contribution_tables()
    assert set(tables.regions) == {HZ, CD}


def test_zhejiang_limits_and_their_marks() -> None:
    tables = shipped_contribution_tables()
    y2025 = tables.period(HZ, dt.date(2025, 7, 1))
    assert y2025.limits is not None
    # [A1]: from 2025-01-01, upper 25299, lower 60 % of the 2023 average 8310 = 4986.
    assert (y2025.effective_from, y2025.effective_to) == (
        dt.date(2025, 1, 1),
        dt.date(2025, 12, 31),
    )
    assert y2025.limits.lower.yuan == whole_yuan(Decimal("8310") * Decimal("0.60")) == 4986
    assert y2025.limits.upper.yuan == 25299
    assert (y2025.limits.lower.source, y2025.limits.lower.status) == (("A1",), "confirmed")
    assert y2025.limits.upper.status == "confirmed"

    y2024 = tables.period(HZ, dt.date(2024, 12, 1))
    assert y2024.limits is not None
    # [A2] confirms 4812 (also in [E]); 24930 only in [E] (= 300 % of 8310, derived).
    assert y2024.limits.lower.yuan == 4812
    assert y2024.limits.lower.status == "confirmed"
    assert y2024.limits.upper.yuan == whole_yuan(Decimal("8310") * 3) == 24930
    assert (y2024.limits.upper.source, y2024.limits.upper.status) == (("E",), "secondary")
    # 4812 implies an average of 8020 (4812 / 0.6): derived, not published.
    assert y2024.limits.lower_from_average is not None
    assert y2024.limits.lower_from_average.yuan == Decimal("4812") / Decimal("0.6") == 8020
    assert y2024.limits.lower_from_average.status == "derived"
    assert y2024.status == "unconfirmed"  # the start date of the 2024 limits is not known


def test_hangzhou_rates_and_their_marks() -> None:
    rates = shipped_contribution_tables().period(HZ, dt.date(2025, 1, 1)).rates
    assert rates is not None and rates.medical is not None and rates.pension is not None
    # [A3]: employer medical incl. maternity 9.5 %, of which maternity 0.6 %, from 2023.
    assert rates.medical.employer.percent == Decimal("9.5")
    assert rates.medical.employer.status == "confirmed"
    assert rates.medical.of_which_maternity is not None
    assert rates.medical.of_which_maternity.percent == Decimal("0.6")
    assert rates.maternity_in_medical is not None and rates.maternity is None
    # Individual medical 2 % is not confirmed for Hangzhou; nothing was found.
    assert rates.medical.individual.percent == 2
    assert (rates.medical.individual.source, rates.medical.individual.status) == (
        ("none",),
        "unconfirmed",
    )
    # Pension 16 % / 8 %: secondary only for Zhejiang in 2024–25.
    assert rates.pension.employer.percent == 16 and rates.pension.employer.status == "secondary"
    assert rates.unemployment is not None
    assert rates.unemployment.employer.status == "unconfirmed"
    assert rates.work_injury is not None and rates.work_injury.classes == "national"
    assert rates.work_injury.status == "unconfirmed"


def test_sichuan_limits_and_the_60_percent_rounding() -> None:
    tables = shipped_contribution_tables()
    y2025 = tables.period(CD, dt.date(2025, 9, 1))
    assert y2025.limits is not None
    # [B1]: 2025 limits 4588 and 22938; the 2024 average 7646 a month is secondary [B].
    # 7646 × 0.6 = 4587.6 → 4588 (rounded to the whole yuan); 7646 × 3 = 22938.
    assert Decimal("7646") * Decimal("0.6") == Decimal("4587.6")
    assert y2025.limits.lower.yuan == whole_yuan(Decimal("4587.6")) == 4588
    assert y2025.limits.upper.yuan == Decimal("7646") * 3 == 22938
    assert base_from_average(Decimal("7646"), Decimal("60")) == 4588
    assert y2025.limits.lower.status == y2025.limits.upper.status == "confirmed"

    y2024 = tables.period(CD, dt.date(2024, 1, 1))
    assert y2024.limits is not None
    # [B2]: previous-year average 90220 yuan a year; 60 % and 300 % of 90220 / 12 give
    # 4511 and 22555 (derived; provice.ts of [E] agrees).
    assert y2024.limits.lower.yuan == whole_yuan(Decimal("90220") / 12 * Decimal("0.6")) == 4511
    assert y2024.limits.upper.yuan == whole_yuan(Decimal("90220") / 12 * 3) == 22555
    assert y2024.limits.lower.status == "derived"


def test_chengdu_flexible_medical_base_is_the_official_example() -> None:
    tables = shipped_contribution_tables()
    medical_2024 = tables.period(CD, dt.date(2024, 6, 1)).flexible_medical
    assert medical_2024 is not None and medical_2024.base is not None
    # [B2]: 90220 / 12 × 80 % → 6015, rate 9.5 % = 8.75 % + 0.75 %.
    assert whole_yuan(Decimal("90220") / 12 * Decimal("0.8")) == 6015
    assert medical_2024.base.yuan == 6015
    assert [p.percent for p in medical_2024.parts] == [Decimal("8.75"), Decimal("0.75")]
    assert medical_2024.rate.percent == Decimal("8.75") + Decimal("0.75")
    medical_2025 = tables.period(CD, dt.date(2025, 6, 1)).flexible_medical
    assert medical_2025 is not None and medical_2025.base is not None
    # [B] (secondary): 7646 × 80 % = 6116.8 → 6117.
    assert medical_2025.base.yuan == whole_yuan(Decimal("7646") * Decimal("0.8")) == 6117
    assert medical_2025.base.status == "secondary"


def test_national_facts() -> None:
    national = shipped_contribution_tables().national
    rates = national.credited_rate_fractions()
    # By accrual year: 2022 6.12 % [K], 2023 3.97 % [L], 2024 2.62 % [C]; 2025 not published.
    assert rates[2022] == Decimal("0.0612")
    assert rates[2023] == Decimal("0.0397")
    assert rates[2024] == Decimal("0.0262")
    assert 2025 not in rates
    marks = {r.accrual_year: r.status for r in national.credited_rates}
    assert marks == {
        2020: "unconfirmed",
        2021: "unconfirmed",
        2022: "secondary",
        2023: "secondary",
        2024: "confirmed",
    }
    # Art. 86: 万分之五 a day; before July 2011 0.2 % a day up to 2011-06-30 [I].
    old, current = national.late_fee
    assert current.fraction == Decimal("0.0005") and current.status == "confirmed"
    assert current.effective_from == dt.date(2011, 7, 1) and current.effective_to is None
    assert old.fraction == Decimal("0.002") and old.effective_to == dt.date(2011, 6, 30)
    assert old.status == "secondary"
    # [G] 人社部发〔2015〕71号: eight class benchmarks.
    assert [c.percent for c in national.work_injury.classes] == [
        Decimal(x) for x in ("0.2", "0.4", "0.7", "0.9", "1.1", "1.3", "1.6", "1.9")
    ]
    # 国发〔2014〕8号: 100 … 1000 in steps of 100, then 1500 and 2000 yuan a year.
    grades = national.resident_pension.grades.yuan_per_year
    assert list(grades) == [*range(100, 1001, 100), 1500, 2000]
    assert national.resident_pension.min_subsidy_lowest_grade.yuan == 30
    assert national.resident_pension.min_subsidy_from_500.yuan == 60


def test_every_shipped_figure_has_a_known_source_and_status() -> None:
    tables = shipped_contribution_tables()
    for table in tables.regions.values():
        assert table.sources, table.region
        for urls in table.sources.values():
            assert all(url.startswith(("http://", "https://")) for url in urls)
    assert weakest([]) == "confirmed"
    assert weakest(["secondary", "confirmed"]) == "secondary"
    assert weakest(["derived", "secondary"]) == "derived"
    assert STATUSES[-1] == "unconfirmed"


def test_a_month_outside_every_period_names_region_and_month() -> None:
    tables = shipped_contribution_tables()
    with pytest.raises(NoTableForMonth) as caught:
        tables.period(HZ, dt.date(2026, 1, 15))
    assert isinstance(caught.value, ValidationError)
    assert caught.value.field == "month"
    assert HZ in str(caught.value) and "2026-01" in str(caught.value)
    with pytest.raises(ValidationError) as unknown:
        tables.period("nowhere", dt.date(2025, 1, 1))
    assert (unknown.value.field, unknown.value.code) == ("region", "unknown_region")


# --- broken tables -------------------------------------------------------------------------


@pytest.fixture
def tables_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "contributions"
    shutil.copytree(shipped_contribution_dir(), folder)
    return folder


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _problems(path: Path) -> list[str]:
    with pytest.raises(ContributionTableError) as caught:
        if path.name == "national.toml":
            parse_national_file(path)
        else:
            parse_region_file(path)
    return caught.value.problems


def test_a_negative_limit_names_file_region_period_and_field(tables_dir: Path) -> None:
    path = tables_dir / "zhejiang-hangzhou.toml"
    _edit(path, "lower = { yuan = 4986,", "lower = { yuan = -4986,")
    (problem,) = _problems(path)
    assert problem.startswith(f"{path}: region zhejiang-hangzhou, period 2025-01-01 to 2025-12-31")
    assert "limits.lower.yuan" in problem
    # The whole folder refuses to load, naming the same.
    with pytest.raises(ContributionTableError, match=r"limits\.lower\.yuan"):
        load_contribution_tables(tables_dir)


def test_a_misspelt_field_is_refused(tables_dir: Path) -> None:
    path = tables_dir / "sichuan-chengdu.toml"
    _edit(path, "employer = { percent = 16,", "employr = { percent = 16,")
    problems = _problems(path)
    assert any(
        "period 2024-01-01 to 2024-12-31" in p and "rates.pension.employr" in p for p in problems
    )


def test_overlapping_periods_are_refused(tables_dir: Path) -> None:
    path = tables_dir / "zhejiang-hangzhou.toml"
    _edit(path, "effective_to = 2024-12-31", "effective_to = 2025-03-31")
    (problem,) = _problems(path)
    assert "period 2025-01-01 to 2025-12-31: effective_from: overlaps" in problem
    assert "2024-01-01 to 2025-03-31" in problem


def test_an_unknown_source_tag_and_a_misused_none_are_refused(tables_dir: Path) -> None:
    path = tables_dir / "zhejiang-hangzhou.toml"
    _edit(path, 'upper = { yuan = 25299, source = "A1"', 'upper = { yuan = 25299, source = "Z9"')
    _edit(
        path,
        'individual = { percent = 2, source = "none", status = "unconfirmed" }',
        'individual = { percent = 2, source = "none", status = "confirmed" }',
    )
    problems = _problems(path)
    assert any(
        "period 2025-01-01 to 2025-12-31: limits.upper.source: tag 'Z9'" in p for p in problems
    )
    assert any(
        "period 2024-01-01 to 2024-12-31: rates.medical.individual.source" in p for p in problems
    )


def test_a_limit_that_is_not_its_average_is_refused(tables_dir: Path) -> None:
    path = tables_dir / "sichuan-chengdu.toml"
    _edit(path, "lower = { yuan = 4588,", "lower = { yuan = 4587,")
    (problem,) = _problems(path)
    assert "period 2025-01-01 to 2025-12-31: limits.lower" in problem
    assert "4588" in problem  # what 60 % of 7646 gives


def test_medical_parts_must_add_up_and_the_base_match(tables_dir: Path) -> None:
    path = tables_dir / "sichuan-chengdu.toml"
    _edit(path, "base = { yuan = 6015,", "base = { yuan = 6016,")
    _edit(path, "percent = 0.75,", "percent = 0.7,")
    problems = _problems(path)
    assert any("2024-01-01 to 2024-12-31: flexible_medical.base: 6016" in p for p in problems)
    assert any("2024-01-01 to 2024-12-31: flexible_medical.parts" in p for p in problems)


def test_a_period_must_cover_whole_months(tables_dir: Path) -> None:
    path = tables_dir / "sichuan-chengdu.toml"
    _edit(path, "effective_from = 2025-01-01", "effective_from = 2025-01-02")
    (problem,) = _problems(path)
    assert "period 2025-01-02 to 2025-12-31: effective_from" in problem


def test_a_file_must_be_named_after_its_region(tables_dir: Path) -> None:
    moved = tables_dir / "sichuan.toml"
    (tables_dir / "sichuan-chengdu.toml").rename(moved)
    (problem,) = _problems(moved)
    assert "region sichuan-chengdu: region: the file must be named sichuan-chengdu.toml" in problem


def test_invalid_toml_names_the_file(tables_dir: Path) -> None:
    path = tables_dir / "sichuan-chengdu.toml"
    _edit(path, "region = ", "region == ")
    (problem,) = _problems(path)
    assert problem.startswith(f"{path}: is not valid TOML")


def test_broken_national_entries_are_named(tables_dir: Path) -> None:
    path = tables_dir / "national.toml"
    _edit(path, "effective_from = 2011-07-01", "effective_from = 2011-07-02")
    _edit(path, "accrual_year = 2021", "accrual_year = 2020")
    problems = _problems(path)
    assert any("late_fee #2: effective_from" in p for p in problems)
    assert any("credited_rates 2020: accrual_year: listed twice" in p for p in problems)
    _edit(path, "percent = 3.97", "percent = -3.97")
    assert any("credited_rates 2023: percent" in p for p in _problems(path))


def test_a_folder_without_national_facts_is_refused(tables_dir: Path) -> None:
    (tables_dir / "national.toml").unlink()
    with pytest.raises(ContributionTableError, match=r"national\.toml: is missing"):
        load_contribution_tables(tables_dir)


def test_a_binary_float_is_refused() -> None:
    with pytest.raises(PydanticValidationError, match="not an exact number"):
        Percent.model_validate({"percent": 9.5, "source": "A3", "status": "confirmed"})
    with pytest.raises(PydanticValidationError, match="not an exact number"):
        Amount.model_validate({"yuan": 4986.0, "source": "A1", "status": "confirmed"})
    exact = Percent.model_validate({"percent": "9.5", "source": "A3", "status": "confirmed"})
    assert exact.fraction == Decimal("0.095")
