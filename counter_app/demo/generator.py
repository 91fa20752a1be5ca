"""Streamed generators of demo persons and employers, deterministic for a given seed.

Persons are produced one at a time (``--persons 1000000`` keeps memory flat). Uniqueness of
ID numbers comes from construction, not from a set: the i-th person's (district, birth day,
sequence) triple is a bijective scramble of i, so no two indices share an ID number. Their
check digits are the GB 11643-1999 ones, so every demo person passes the counter's validation.

Employers get credit codes of GB 32100-2015 whose characters 9 to 17 are organisation codes
with their GB 11714-1997 check character; most are enterprises (authority 9, category 1), with
a few farmers' cooperatives (93) for variety; the organisation code bodies are, like the
persons, a bijective scramble of the index, so no two employers share a code.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from counter_app.demo.names import FEMALE_CHARS, MALE_CHARS, NEUTRAL_CHARS, SURNAMES
from counter_app.demo.regions import DISTRICTS, STREETS
from counter_app.domain.ids import (
    USCC_ALPHABET,
    organisation_check_character,
    resident_check_digit,
    uscc_check_character,
)

MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "155",
    "157",
    "158",
    "159",
    "166",
    "176",
    "177",
    "180",
    "181",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
)
INDUSTRIES = (
    "软件和信息技术服务业",
    "批发业",
    "零售业",
    "餐饮业",
    "建筑业",
    "制造业",
    "交通运输业",
    "教育",
    "卫生",
    "物业管理",
)
COMPANY_WORDS = (
    "华信",
    "中科",
    "宏达",
    "鑫源",
    "恒通",
    "嘉禾",
    "瑞丰",
    "天成",
    "博远",
    "东方",
    "新世纪",
    "金桥",
    "长城",
    "远航",
    "星辰",
    "同创",
)
COMPANY_TRADES = ("科技", "贸易", "建设", "餐饮管理", "物流", "电子", "医药", "教育咨询")
COOPERATIVE_TRADES = ("蔬菜种植", "果品", "茶叶", "畜禽养殖", "农机服务")


@dataclass(frozen=True, slots=True)
class DemoPerson:
    id_number: str
    name: str
    sex: str
    birth_date: dt.date
    phone: str
    address: str
    hukou_type: str


@dataclass(frozen=True, slots=True)
class DemoEmployer:
    credit_code: str
    name: str
    address: str
    contact_phone: str
    industry: str


@dataclass(frozen=True, slots=True)
class DemoUser:
    username: str
    display_name: str
    role: str
    password: str
    window: int | None


@dataclass(frozen=True, slots=True)
class DemoHall:
    code: str
    name: str
    windows: tuple[int, ...]


def _surname(rng: random.Random) -> str:
    total = sum(w for _, w in SURNAMES)
    pick = rng.uniform(0, total)
    for surname, weight in SURNAMES:
        pick -= weight
        if pick <= 0:
            return surname
    return SURNAMES[0][0]


def _given(rng: random.Random, male: bool) -> str:
    pool = MALE_CHARS if male else FEMALE_CHARS
    if rng.random() < 0.3:
        return rng.choice(pool)
    return rng.choice(pool + NEUTRAL_CHARS) + rng.choice(pool)


def _phone(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def iter_persons(count: int, seed: int = 0, today: dt.date | None = None) -> Iterator[DemoPerson]:
    """Yield ``count`` distinct persons aged 16 to 85."""
    today = today or dt.date.today()
    oldest = dt.date(today.year - 85, 1, 1)
    days = (dt.date(today.year - 16, 1, 1) - oldest).days
    space = len(DISTRICTS) * days * 1000
    if count > space:
        raise ValueError(f"at most {space} distinct demo persons can be made")
    stride = 2_654_435_761  # odd and not a multiple of the space's small factors
    while _gcd(stride, space) != 1:
        stride += 2
    offset = random.Random(seed).randrange(space)
    rng = random.Random(seed * 7919 + 1)
    for index in range(count):
        key = (index * stride + offset) % space
        district_index, rest = key % len(DISTRICTS), key // len(DISTRICTS)
        sequence, day = rest % 1000, rest // 1000
        code, district, city = DISTRICTS[district_index]
        born = oldest + dt.timedelta(days=day)
        first17 = f"{code}{born:%Y%m%d}{sequence:03d}"
        male = sequence % 2 == 1
        yield DemoPerson(
            id_number=first17 + resident_check_digit(first17),
            name=_surname(rng) + _given(rng, male),
            sex="M" if male else "F",
            birth_date=born,
            phone=_phone(rng),
            address=f"{city}{district}{rng.choice(STREETS)}{rng.randrange(1, 300)}号",
            hukou_type="城镇" if rng.random() < 0.7 else "农村",
        )


def _gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


def organisation_code(body8: str) -> str:
    """Append the GB 11714-1997 check character to an 8-character organisation code body."""
    return body8 + organisation_check_character(body8)


# Organisation code bodies: "MA" and six characters of the credit code alphabet (the form
# assigned since 2015) or, every fifth employer, eight digits (the older numeric form).
_NEW_BODIES = len(USCC_ALPHABET) ** 6
_OLD_BODIES = 10**8
_BODY_STRIDE = 7_368_787  # prime, so coprime to both 31^6 and 10^8


def _organisation_body(index: int, seed: int) -> str:
    if index % 5 == 4:
        return f"{(index // 5 * _BODY_STRIDE + seed) % _OLD_BODIES:08d}"
    n = ((index - index // 5) * _BODY_STRIDE + seed) % _NEW_BODIES
    tail = ""
    for _ in range(6):
        n, digit = divmod(n, len(USCC_ALPHABET))
        tail = USCC_ALPHABET[digit] + tail
    return "MA" + tail


def iter_employers(count: int, seed: int = 0) -> Iterator[DemoEmployer]:
    """Yield ``count`` employers with distinct, valid credit codes (at most 10^8)."""
    if count > _OLD_BODIES:
        raise ValueError(f"at most {_OLD_BODIES} distinct demo employers can be made")
    rng = random.Random(seed * 104729 + 3)
    for index in range(count):
        code, district, city = DISTRICTS[index % len(DISTRICTS)]
        cooperative = index % 10 == 7
        first17 = (
            ("93" if cooperative else "91")
            + code
            + organisation_code(_organisation_body(index, seed))
        )
        if cooperative:
            suffix = f"{rng.choice(COOPERATIVE_TRADES)}专业合作社"
        else:
            suffix = f"{rng.choice(COMPANY_TRADES)}有限公司"
        name = f"{city}{district}{rng.choice(COMPANY_WORDS)}{suffix}"
        yield DemoEmployer(
            credit_code=first17 + uscc_check_character(first17),
            name=name,
            address=f"{city}{district}{rng.choice(STREETS)}{rng.randrange(1, 500)}号",
            contact_phone=_phone(rng),
            industry="农业" if cooperative else rng.choice(INDUSTRIES),
        )


def demo_users() -> list[DemoUser]:
    return [
        DemoUser("teller1", "王柜员", "teller", "demo-teller1", 1),
        DemoUser("teller2", "李柜员", "teller", "demo-teller2", 2),
        DemoUser("teller3", "张柜员", "teller", "demo-teller3", 3),
        DemoUser("reviewer1", "赵复核", "reviewer", "demo-reviewer1", None),
        DemoUser("supervisor1", "陈科长", "supervisor", "demo-supervisor1", None),
        DemoUser("admin", "系统管理员", "admin", "demo-admin", None),
    ]


def demo_hall() -> DemoHall:
    return DemoHall("HALL01", "示范区社会保险经办服务大厅", tuple(range(1, 9)))
