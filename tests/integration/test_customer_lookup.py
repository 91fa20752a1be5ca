"""Finding customers in a workstation's cache, filled through the real command and pull path.

Persons reach the cache the way they do at a window: enrolled at this workstation (the
handler on the cache, then the centre) or at another window of the hall (the pull brings
them). The search index (``person_search``) follows every change by itself; a pull that
changes a cached person's name, and the undo of a rejected enrolment, change it too.

ID numbers are built from GB 11643-1999 and credit codes from GB 32100-2015 / GB 11714-1997
in ``tests/standards.py``; expected pinyin keys are written from the standard readings of
the characters (张 zhāng, 三 sān, 周 zhōu, 舒 shū, 李 lǐ, 四 sì, 欧 ōu, 阳 yáng, 修 xiū, 孙 sūn,
立 lì, 丽 lì, 华 huá, 杰 jié, 洁 jié, 小 xiǎo, 明 míng).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from standards import gb11643_id, gb32100_code

from counter_app.client.workstation import Workstation
from counter_app.domain.errors import ValidationError
from counter_app.domain.people import StaffUser
from counter_app.domain.roles import Role
from counter_app.items.employer_register import EmployerRegistration
from counter_app.items.person_enroll import KIND as ENROLL
from counter_app.services.customer_lookup import (
    QueryKind,
    classify,
    find_employer,
    insurance_summary,
    open_cases,
    recent_customers,
    search_persons,
)
from counter_app.services.registry_changes import register_employer
from counter_app.storage.search_models import PersonSearchRow
from counter_app.sync.pull import pull

ZHANG_SAN = gb11643_id("44030519900307004")
ZHANG_XIAOMING = gb11643_id("44030519850101003")
ZHOU_SHU = gb11643_id("11010519770811002")
LI_SI = gb11643_id("32010219600229001")  # 1960 was a leap year
OUYANG_XIU = gb11643_id("44030519920512005")  # enrolled at the other window
SUN = gb11643_id("11010519881231006")  # enrolled at both windows with different names
ZHOU = gb11643_id("11010519660606007")

EMPLOYER = gb32100_code("91440300", "MA5F1234")
OTHER_EMPLOYER = gb32100_code("91440300", "MA5F5678")
TELLER = StaffUser("teller1", "王柜员", Role.TELLER, "HALL01")


def enroll(ws: Workstation, id_number: str, name: str, *, window: int = 1) -> None:
    payload = {
        "id_number": id_number,
        "name": name,
        "phone": "13800138000",
        "address": "深圳市福田区1号",
        "category": "flexible",
        "insurance_types": ["pension", "medical"],
        "start_date": dt.date.today().isoformat(),
        "employer_code": "",
        "window_number": window,
    }
    ws.execute(ws.command(ENROLL, payload, "teller1"))


def synced(ws: Workstation) -> None:
    report = ws.sync_once()
    assert report.online, report.error


@pytest.fixture
def windows(make_workstation: Any) -> tuple[Workstation, Workstation]:
    a: Workstation = make_workstation("WS-A", window=1)
    b: Workstation = make_workstation("WS-B", window=2)
    for ws in (a, b):
        ws.centre.login("teller1", "demo-teller1")
        synced(ws)
    return a, b


@pytest.fixture
def hall(windows: tuple[Workstation, Workstation]) -> Workstation:
    """Window A's cache: four persons enrolled there, one pulled from window B."""
    a, b = windows
    for id_number, name in (
        (ZHANG_SAN, "张三"),
        (ZHANG_XIAOMING, "张小明"),
        (ZHOU_SHU, "周舒"),
        (LI_SI, "李四"),
    ):
        enroll(a, id_number, name)
    enroll(b, OUYANG_XIU, "欧阳修", window=2)
    synced(b)
    synced(a)
    return a


def names(hits: list[Any]) -> list[str]:
    return [h.name for h in hits]


def index_row(ws: Workstation, id_number: str) -> tuple[str, str, str] | None:
    with Session(ws.local) as session:
        row = session.get(PersonSearchRow, id_number)
        return None if row is None else (row.name, row.pinyin, row.initials)


def test_the_index_holds_every_cached_person(hall: Workstation) -> None:
    assert index_row(hall, ZHANG_SAN) == ("张三", "zhangsan", "zs")
    assert index_row(hall, OUYANG_XIU) == ("欧阳修", "ouyangxiu", "oyx")  # pulled
    with Session(hall.local) as session:
        assert len(session.scalars(select(PersonSearchRow)).all()) == 5


def test_search_by_id_number(hall: Workstation) -> None:
    [hit] = search_persons(hall, ZHANG_SAN)
    assert (hit.id_number, hit.name, hit.sex) == (ZHANG_SAN, "张三", "F")  # 17th digit 4: even
    assert hit.masked_id == ZHANG_SAN[:6] + "********" + ZHANG_SAN[-4:]
    assert hit.birth_date == dt.date(1990, 3, 7)
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in ZHANG_SAN)  # an input method's digits
    assert names(search_persons(hall, full_width)) == ["张三"]
    assert names(search_persons(hall, ZHANG_SAN[:6] + " " + ZHANG_SAN[6:])) == ["张三"]
    with pytest.raises(ValidationError) as wrong:
        search_persons(hall, ZHANG_SAN[:17] + ("0" if ZHANG_SAN[17] != "0" else "1"))
    assert wrong.value.code == "check_digit"


def test_search_by_id_prefix(hall: Workstation) -> None:
    # 440305: the same district; in the order of the numbers.
    assert names(search_persons(hall, "440305")) == ["张小明", "张三", "欧阳修"]
    assert names(search_persons(hall, "4403051990")) == ["张三"]
    assert search_persons(hall, "44030") == []  # fewer than six digits list nobody
    assert classify("44030").kind is QueryKind.NONE


def test_search_by_name(hall: Workstation) -> None:
    assert sorted(names(search_persons(hall, "张"))) == ["张三", "张小明"]
    assert names(search_persons(hall, "张三")) == ["张三"]
    assert names(search_persons(hall, "小明")) == ["张小明"]  # the given name, anywhere
    assert names(search_persons(hall, "欧阳")) == ["欧阳修"]
    assert search_persons(hall, "王") == []


def test_search_by_initials_and_full_pinyin(hall: Workstation) -> None:
    assert sorted(names(search_persons(hall, "zs"))) == ["周舒", "张三"]
    assert names(search_persons(hall, "ZXM")) == ["张小明"]  # capitals, as typed
    assert sorted(names(search_persons(hall, "zhang"))) == ["张三", "张小明"]
    assert names(search_persons(hall, "zhangs")) == ["张三"]
    assert names(search_persons(hall, "zhoushu")) == ["周舒"]
    assert names(search_persons(hall, "oyx")) == ["欧阳修"]
    assert names(search_persons(hall, "l")) == ["李四"]
    assert search_persons(hall, "zs", limit=1) != [] and len(search_persons(hall, "z", 1)) == 1
    assert search_persons(hall, "qq") == []


def test_the_index_follows_a_pull_that_changes_a_name(
    windows: tuple[Workstation, Workstation],
) -> None:
    a, b = windows
    # Window A enrols 孙立 and cannot reach the centre before window B enrols the same
    # number as 孙丽华; A's pull thread brings B's entry first (it runs apart from the push).
    enroll(a, SUN, "孙立")
    assert names(search_persons(a, "sl")) == ["孙立"]
    enroll(b, SUN, "孙丽华", window=2)
    synced(b)
    pulled = pull(a.local, a.centre)
    assert pulled.entries >= 1
    assert index_row(a, SUN) == ("孙丽华", "sunlihua", "slh")
    assert names(search_persons(a, "slh")) == ["孙丽华"]
    assert search_persons(a, "孙立") == [] and search_persons(a, "sunli") != []
    # A's own enrolment is then rejected; the changed row stays, and so does its index row.
    synced(a)
    assert a.outbox_counts()["rejected"] == 1
    assert index_row(a, SUN) == ("孙丽华", "sunlihua", "slh")


def test_the_index_follows_the_undo_of_a_rejected_enrolment(
    windows: tuple[Workstation, Workstation],
) -> None:
    a, b = windows
    enroll(a, ZHOU, "周杰")
    enroll(b, ZHOU, "周洁", window=2)
    synced(b)
    # A pushes first: the centre refuses, A's optimistic row (and its index row) goes, and
    # the pull of the same round brings the centre's 周洁 back in.
    synced(a)
    assert a.outbox_counts()["rejected"] == 1
    assert index_row(a, ZHOU) == ("周洁", "zhoujie", "zj")
    assert search_persons(a, "周杰") == []
    assert names(search_persons(a, "周洁")) == ["周洁"]


def test_employers_by_code_and_by_name(windows: tuple[Workstation, Workstation]) -> None:
    a, _b = windows
    for code, name in (
        (EMPLOYER, "深圳市示范科技有限公司"),
        (OTHER_EMPLOYER, "深圳市远航物流有限公司"),
    ):
        register_employer(
            a,
            TELLER,
            1,
            EmployerRegistration(
                credit_code=code,
                employer_name=name,
                employer_type="enterprise",
                industry="I",
                legal_representative="李明",
                address="深圳市南山区科技园1号",
                contact_name="王芳",
                contact_phone="0755-26000000",
                established_on=dt.date(2020, 5, 1),
                materials=("registration_form", "business_licence", "legal_rep_id"),
            ),
        )
    synced(a)
    [found] = find_employer(a, EMPLOYER.lower())
    assert (found.credit_code, found.name) == (EMPLOYER, "深圳市示范科技有限公司")
    assert [e.name for e in find_employer(a, "远航")] == ["深圳市远航物流有限公司"]
    assert len(find_employer(a, "深圳市")) == 2
    # Both codes begin 91440300MA5F: the first twelve characters list both, in code order.
    assert [e.credit_code for e in find_employer(a, EMPLOYER[:12])] == sorted(
        [EMPLOYER, OTHER_EMPLOYER]
    )
    assert find_employer(a, "不存在的单位") == []
    with pytest.raises(ValidationError) as wrong:
        find_employer(a, EMPLOYER[:17] + ("0" if EMPLOYER[17] != "0" else "1"))
    assert wrong.value.code == "check_digit"


def test_insurance_cases_and_recent_customers(hall: Workstation, central_db: Engine) -> None:
    lines = {line.insurance_type: line for line in insurance_summary(hall, ZHANG_SAN)}
    assert list(lines) == ["pension", "medical", "unemployment", "work_injury", "maternity"]
    assert lines["pension"].held and lines["pension"].since == dt.date.today()
    assert lines["medical"].held and not lines["unemployment"].held
    assert lines["unemployment"].status is None
    # Enrolment is finished at the window (L1): no open case.
    assert open_cases(hall, ZHANG_SAN) == []
    recent = recent_customers(hall, TELLER)
    # Window 1's enrolments, newest first; 欧阳修 was served at window 2.
    assert [r.name for r in recent] == ["李四", "周舒", "张小明", "张三"]
    assert recent[0].masked_id == LI_SI[:6] + "********" + LI_SI[-4:]
    assert recent_customers(hall, TELLER, limit=2)[-1].name == "周舒"
