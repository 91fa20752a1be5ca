"""The statutory retirement age (法定退休年龄) and the minimum contribution period, as dated rules.

A normal retirement application (职工正常退休申请) is accepted only for a person who has reached
the statutory age and has paid long enough (社会保险法 art. 16: at least fifteen years). Both
figures changed on 2025-01-01, so they are kept here as rules with the day they took effect,
each citing its source:

- Until 2024-12-31: men 60, female cadres 55, female workers 50 (国发〔1978〕104号, as the
  Yuzhou retirement guide [D13 005-001] states them); fifteen years of contributions.
- From 2025-01-01: 《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》
  (2024-09-13) and the 《国务院关于渐进式延迟法定退休年龄的办法》 it adopted. Article 1 of the
  办法: men and the women whose original age was 55 retire one month later for every four
  months (counted by the month they would have retired under the old rule), up to 63 and 58;
  women whose original age was 50 one month later for every two months, up to 55. The
  办法's attachments 1–3 tabulate exactly this (e.g. men born January–April 1965: 60 years
  1 month, retiring February–May 2025; women of the 50 group born from November 1984 on:
  55). Article 2: from 2030-01-01 the minimum contribution period rises from 15 years by six
  months a year to 20 years (keyed by the year the statutory age is reached).

Not covered: the flexible early or late retirement the decision allows (弹性提前/延迟, up to
three years either way, by the insured person's choice), special types of work and illness
(提前退休, another item) and "国家另有规定" exceptions; the reviewer decides those.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class AgeGroup(StrEnum):
    """Whose original statutory age applies (原法定退休年龄)."""

    MALE = "male"  # men: 60
    FEMALE_CADRE = "female_cadre"  # women in management or technical posts: 55
    FEMALE_WORKER = "female_worker"  # women workers: 50


@dataclass(frozen=True)
class GroupRule:
    original_years: int  # 原法定退休年龄
    step_months: int  # one month later for every ``step_months`` months
    max_delay_months: int  # the target age minus the original age, in months


@dataclass(frozen=True)
class AgeRule:
    """The rule in force from ``effective``; ``groups`` maps each group to its figures."""

    effective: dt.date
    source: str
    groups: dict[AgeGroup, GroupRule]


# The dated table. The old rule has no delay; the 2025 reform's delay is counted from the
# month a person would have retired under the old rule (its first month: January 2025).
AGE_RULES: tuple[AgeRule, ...] = (
    AgeRule(
        dt.date(1978, 6, 2),
        "国发〔1978〕104号：男年满60周岁，女干部年满55周岁，女工人年满50周岁",
        {
            AgeGroup.MALE: GroupRule(60, 0, 0),
            AgeGroup.FEMALE_CADRE: GroupRule(55, 0, 0),
            AgeGroup.FEMALE_WORKER: GroupRule(50, 0, 0),
        },
    ),
    AgeRule(
        dt.date(2025, 1, 1),
        "全国人大常委会关于实施渐进式延迟法定退休年龄的决定（2024-09-13）；"
        "国务院关于渐进式延迟法定退休年龄的办法 第一条",
        {
            AgeGroup.MALE: GroupRule(60, 4, 36),
            AgeGroup.FEMALE_CADRE: GroupRule(55, 4, 36),
            AgeGroup.FEMALE_WORKER: GroupRule(50, 2, 60),
        },
    ),
)

# 国务院关于渐进式延迟法定退休年龄的办法 第二条: 15 years until 2029; from 2030 six months more
# each year, up to 20 years.
MINIMUM_BASE_MONTHS = 15 * 12
MINIMUM_RISE_FROM_YEAR = 2030
MINIMUM_RISE_PER_YEAR = 6
MINIMUM_TARGET_MONTHS = 20 * 12
MINIMUM_SOURCE = "国务院关于渐进式延迟法定退休年龄的办法 第二条；社会保险法 第十六条"


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months; the 29th–31st fall back to the month's
    last day (born 31 August: the birthday in a 30-day month is its 30th)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _months_between(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from ``start``'s month to ``end``'s month."""
    return (end.year - start.year) * 12 + (end.month - start.month)


@dataclass(frozen=True)
class StatutoryAge:
    group: AgeGroup
    years: int
    months: int  # beyond ``years``
    delay_months: int  # what the 2025 reform added
    reached_on: dt.date  # the day the person reaches it
    source: str

    @property
    def retirement_month(self) -> str:
        """The month of retirement, 'YYYY-MM' (the month the age is reached)."""
        return f"{self.reached_on:%Y-%m}"

    @property
    def pension_from(self) -> str:
        """The pension is paid from the month after retirement ([D13 005-001])."""
        return f"{add_months(self.reached_on.replace(day=1), 1):%Y-%m}"

    @property
    def text_zh(self) -> str:
        return f"{self.years}周岁" + (f"{self.months}个月" if self.months else "")


def statutory_age(birth_date: dt.date, group: AgeGroup) -> StatutoryAge:
    """The statutory retirement age of a person born on ``birth_date`` in ``group``."""
    base = AGE_RULES[0].groups[group]
    original_day = add_months(birth_date, base.original_years * 12)
    rule = AGE_RULES[0]
    for candidate in AGE_RULES:
        if candidate.effective <= original_day.replace(day=1):
            rule = candidate
    figures = rule.groups[group]
    delay = 0
    if figures.step_months:
        elapsed = _months_between(rule.effective, original_day)
        delay = min(elapsed // figures.step_months + 1, figures.max_delay_months)
    total = figures.original_years * 12 + delay
    return StatutoryAge(
        group,
        total // 12,
        total % 12,
        delay,
        add_months(birth_date, total),
        rule.source,
    )


def minimum_contribution_months(year_reached: int) -> int:
    """The months of contributions needed for a monthly pension by one who reaches the
    statutory age in ``year_reached``."""
    rise = max(0, year_reached - MINIMUM_RISE_FROM_YEAR + 1) * MINIMUM_RISE_PER_YEAR
    return min(MINIMUM_BASE_MONTHS + rise, MINIMUM_TARGET_MONTHS)


def age_group(male: bool, female_post: str) -> AgeGroup:
    """The group of a man (``male``) or a woman, whose ``female_post`` ('cadre' or 'worker')
    decides her original statutory age; ``ValueError`` for a woman without one."""
    if male:
        return AgeGroup.MALE
    if female_post == "cadre":
        return AgeGroup.FEMALE_CADRE
    if female_post == "worker":
        return AgeGroup.FEMALE_WORKER
    raise ValueError("a woman's post (cadre or worker) decides her original statutory age")
