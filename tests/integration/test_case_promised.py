"""The promised date is computed where the case is created, locally and again centrally,
from the day the teller accepted it, and the workstation shows what the record says."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy.orm import Session
from standards import gb11643_check

from counter_app.client.workstation import Workstation
from counter_app.domain import workdays
from counter_app.domain.commands import Command
from counter_app.domain.holiday_files import HolidayPeriod, HolidaySchedule
from counter_app.domain.workdays import Deadline, HolidayCalendar
from counter_app.items.person_enroll import KIND as ENROLL
from counter_app.services.case_promises import case_promise
from counter_app.storage.shared_models import CaseRow

CHINA = dt.timezone(dt.timedelta(hours=8))


def person(first17: str) -> str:
    return first17 + gb11643_check(first17)


def payload(id_number: str, start: dt.date) -> dict[str, Any]:
    return {
        "id_number": id_number,
        "name": "李四",
        "phone": "13800138000",
        "address": "北京市朝阳区建国路1号",
        "category": "flexible",
        "insurance_types": ["pension"],
        "start_date": start.isoformat(),
        "employer_code": "",
        "window_number": 1,
    }


@pytest.fixture
def calendar_without_2027() -> Any:
    # 国务院办公厅关于2026年部分节假日安排的通知 only (元旦 1月1日至3日, 1月4日 worked); no
    # arrangement for 2027, as before its notice is published.
    notice_2026 = HolidaySchedule(
        2026,
        "2026 notice (元旦 only)",
        (HolidayPeriod("元旦", dt.date(2026, 1, 1), dt.date(2026, 1, 3), (dt.date(2026, 1, 4),)),),
        "test",
    )
    workdays.set_default_calendar(HolidayCalendar([notice_2026], use_library=False))
    yield
    workdays.set_default_calendar(None)


def test_the_case_records_its_promise_on_both_sides(
    make_workstation: Any, central_service: Any, calendar_without_2027: None
) -> None:
    ws: Workstation = make_workstation("WS-A")
    ws.centre.login("teller1", "demo-teller1")
    assert ws.sync_once().online

    # Accepted "on 2026-12-31" by a workstation whose clock runs ahead. At the window the
    # promise counts from that day: 2027-01-01 is 元旦 by law and a Friday, so 1 working day
    # later is Monday 2027-01-04, provisional (no 2027 arrangement known here).
    accepted_at = dt.datetime(2026, 12, 31, 16, 30, tzinfo=CHINA)
    base = ws.command(ENROLL, payload(person("11010519900101002"), dt.date.today()), "teller1")
    command = Command(
        kind=base.kind,
        payload=base.payload,
        actor=base.actor,
        workstation=base.workstation,
        hall_code=base.hall_code,
        client_time=accepted_at,
    )
    ws.execute(command)
    expected_here = Deadline(dt.date(2027, 1, 4), provisional=True)
    assert case_promise(ws, command.uuid) == expected_here

    # The centre records the client's time but does not trust it: the case counts as
    # accepted on the service's own day, and the promise follows from that day.
    service_day = ws.centre.service_time().date()
    report = ws.sync_once()
    assert report.push is not None and report.push.applied == 1
    with Session(central_service.db.owner) as session:
        case = session.get(CaseRow, command.uuid)
        assert case is not None and case.case_no
        assert case.accepted_at.date() == service_day
        assert case.case_no.split("-")[1] == f"{service_day:%Y%m%d}"
        central_promise = Deadline(case.promised_date, case.promised_provisional)
    assert central_promise.date < expected_here.date
    assert case_promise(ws, command.uuid) == central_promise  # after the pull, the centre's row
