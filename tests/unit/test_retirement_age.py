"""The statutory retirement age and the minimum contribution period, against the published
rules — the expected figures are worked out here from the texts, never by our module.

Sources:
- Before 2025: men 60, female cadres 55, female workers 50 (国发〔1978〕104号; the Yuzhou
  retirement guide, 《社会保险领域基层政务公开标准目录》 copy [D13 005-001], states the same).
- 《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》 (2024-09-13) and the
  《国务院关于渐进式延迟法定退休年龄的办法》 it adopted, effective 2025-01-01:
  Article 1 — "从2025年1月1日起，男职工和原法定退休年龄为五十五周岁的女职工，法定退休年龄每四个
  月延迟一个月，分别逐步延迟至六十三周岁和五十八周岁；原法定退休年龄为五十周岁的女职工，法定退休
  年龄每二个月延迟一个月，逐步延迟至五十五周岁。"
  Article 2 — "从2030年1月1日起，将职工按月领取基本养老金最低缴费年限由十五年逐步提高至二十年，
  每年提高六个月。" (人社部 policy note, e.g. jsychrss.yancheng.gov.cn 2024-09-24: until
  2029-12-31 the minimum stays 15 years.)
- Rows of the 办法's attachments (对照表), as published: men born January–April 1965 retire at
  60 years 1 month in February–May 2025; women of the 50 group born from November 1984 on
  retire at 55.
"""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.domain.retirement_age import (
    AgeGroup,
    age_group,
    minimum_contribution_months,
    statutory_age,
)

# (original age in years, one month later for every N months, target age in years): Article 1.
ARTICLE_1 = {
    AgeGroup.MALE: (60, 4, 63),
    AgeGroup.FEMALE_CADRE: (55, 4, 58),
    AgeGroup.FEMALE_WORKER: (50, 2, 55),
}


def expected_months(born: dt.date, group: AgeGroup) -> int:
    """The statutory age in months, read straight from Article 1: a person whose original
    retirement month is the k-th month from January 2025 (k = 0, 1, …) is in the
    (k // N + 1)-th batch and retires that many months later, never beyond the target age."""
    original, every, target = ARTICLE_1[group]
    year, month = born.year + original, born.month  # the month of the original retirement
    k = (year - 2025) * 12 + (month - 1)
    if k < 0:
        return original * 12  # retired under the old rule
    return min(original * 12 + k // every + 1, target * 12)


@pytest.mark.parametrize(
    ("born", "group", "years", "months", "retire"),
    [
        # Attachment 1, first row: born 1965-01 … 1965-04 → 60 years 1 month, 2025-02 … 2025-05.
        (dt.date(1965, 1, 10), AgeGroup.MALE, 60, 1, "2025-02"),
        (dt.date(1965, 4, 30), AgeGroup.MALE, 60, 1, "2025-05"),
        # Second row: born 1965-05 … 1965-08 → 60 years 2 months, 2025-07 … 2025-10.
        (dt.date(1965, 5, 1), AgeGroup.MALE, 60, 2, "2025-07"),
        (dt.date(1965, 8, 31), AgeGroup.MALE, 60, 2, "2025-10"),
        # Last row: born 1976-09 … 1976-12 → 63, 2039-09 … 2039-12; later births stay at 63.
        (dt.date(1976, 9, 1), AgeGroup.MALE, 63, 0, "2039-09"),
        (dt.date(1990, 6, 15), AgeGroup.MALE, 63, 0, "2053-06"),
        # Attachment 2 (original 55): born 1970-01 … 1970-04 → 55 years 1 month.
        (dt.date(1970, 2, 14), AgeGroup.FEMALE_CADRE, 55, 1, "2025-03"),
        (dt.date(1981, 12, 1), AgeGroup.FEMALE_CADRE, 58, 0, "2039-12"),
        # Attachment 3 (original 50): born 1975-01 … 1975-02 → 50 years 1 month, 2025-02 … 03.
        (dt.date(1975, 1, 20), AgeGroup.FEMALE_WORKER, 50, 1, "2025-02"),
        (dt.date(1975, 2, 28), AgeGroup.FEMALE_WORKER, 50, 1, "2025-03"),
        (dt.date(1975, 3, 1), AgeGroup.FEMALE_WORKER, 50, 2, "2025-05"),
        # "From November 1984 on, 55" (the note under attachment 3).
        (dt.date(1984, 10, 5), AgeGroup.FEMALE_WORKER, 54, 11, "2039-09"),
        (dt.date(1984, 11, 5), AgeGroup.FEMALE_WORKER, 55, 0, "2039-11"),
        # The old rule: reached before 2025, no delay.
        (dt.date(1964, 12, 31), AgeGroup.MALE, 60, 0, "2024-12"),
        (dt.date(1969, 7, 1), AgeGroup.FEMALE_CADRE, 55, 0, "2024-07"),
        (dt.date(1974, 12, 1), AgeGroup.FEMALE_WORKER, 50, 0, "2024-12"),
    ],
)
def test_published_rows(
    born: dt.date, group: AgeGroup, years: int, months: int, retire: str
) -> None:
    age = statutory_age(born, group)
    assert (age.years, age.months, age.retirement_month) == (years, months, retire)
    assert age.delay_months == max(0, years * 12 + months - ARTICLE_1[group][0] * 12)


@pytest.mark.parametrize("group", list(AgeGroup))
def test_every_birth_month_follows_article_1(group: AgeGroup) -> None:
    for year in range(1955, 1995):
        for month in range(1, 13):
            born = dt.date(year, month, 15)
            age = statutory_age(born, group)
            assert age.years * 12 + age.months == expected_months(born, group), born


def test_the_day_is_the_birthday_and_a_missing_day_is_the_month_end() -> None:
    # Born 31 August 1965: 60 years 2 months is reached in October, on its 31st …
    assert statutory_age(dt.date(1965, 8, 31), AgeGroup.MALE).reached_on == dt.date(2025, 10, 31)
    # … and born 31 January 1970 (female cadre, 55 years 1 month): February has no 31st.
    cadre = statutory_age(dt.date(1970, 1, 31), AgeGroup.FEMALE_CADRE)
    assert cadre.reached_on == dt.date(2025, 2, 28)
    assert cadre.pension_from == "2025-03"  # paid from the following month ([D13 005-001])


@pytest.mark.parametrize(
    ("year", "months"),
    [
        (2025, 15 * 12),
        (2029, 15 * 12),  # unchanged until 2029-12-31
        (2030, 15 * 12 + 6),  # "每年提高六个月" from 2030-01-01
        (2031, 16 * 12),
        (2035, 18 * 12),
        (2039, 20 * 12),
        (2045, 20 * 12),  # "提高至二十年": no further
    ],
)
def test_minimum_contribution_period(year: int, months: int) -> None:
    assert minimum_contribution_months(year) == months


def test_a_womans_post_decides_her_group() -> None:
    assert age_group(True, "") is AgeGroup.MALE
    assert age_group(False, "cadre") is AgeGroup.FEMALE_CADRE
    assert age_group(False, "worker") is AgeGroup.FEMALE_WORKER
    with pytest.raises(ValueError):
        age_group(False, "")
