"""A day at window 3 through the generic intake: catalogue items accepted from their data.

Customer after customer through the real teller window against an embedded centre:

1. an identified pensioner changes the account their pension is paid into — an L1 item,
   finished on the spot, whose result slip is printed and read back from the PDF;
2. a worker claims work-injury medical costs — an L2 item — without two of the mandatory
   papers: the one-time notification lists every missing one and the case waits in
   ``materials_pending``; they come back with the papers, the case moves on and the receipt
   promises a date counted in working days over the 2026 National Day holiday;
3. a retiree does the retirement life event (退休一件事): four items, one shared materials
   list, one receipt naming every item.

Between customers nothing of the previous one stays on the screen.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from readback import pdftotext
from sqlalchemy import select
from sqlalchemy.orm import Session
from standards import gb11643_check
from teller_windows import open_window, registered_persons

from counter_app.catalogue.load import shipped_catalogue
from counter_app.client.workstation import Workstation
from counter_app.domain.commands import Command
from counter_app.printing.jobs import PrintJob
from counter_app.services import command_bus
from counter_app.storage.shared_models import CaseRow
from counter_app.ui.item_forms.bundle_form import BundleForm
from counter_app.ui.item_forms.generic_form import GenericForm, IntakeOutcome
from counter_app.ui.main_window import TellerWindow
from counter_app.ui.print_preview import PrintPreviewDialog

PENSIONER = "44030519550307004" + gb11643_check("44030519550307004")
WORKER = "11010519851224002" + gb11643_check("11010519851224002")
RETIREE = "32010219660811003" + gb11643_check("32010219660811003")
PEOPLE = {PENSIONER: "孙立新", WORKER: "周大为", RETIREE: "吴秀兰"}

# 国务院办公厅关于2026年部分节假日安排的通知 (published November 2025): 国庆节 — 10月1日至7日
# 放假调休，共7天；9月20日（周日）、10月10日（周六）上班. Only the days the dates below cross.
NATIONAL_DAY_2026_OFF = {dt.date(2026, 10, 1) + dt.timedelta(days=n) for n in range(7)}
NATIONAL_DAY_2026_WORK = {dt.date(2026, 9, 20), dt.date(2026, 10, 10)}
CST = dt.timezone(dt.timedelta(hours=8))
FIRST_VISIT = dt.datetime(2026, 9, 28, 9, 30, tzinfo=CST)  # a Monday
SECOND_VISIT = dt.datetime(2026, 9, 30, 15, 0, tzinfo=CST)  # the Wednesday before the holiday


def working_days_after(start: dt.date, days: int) -> dt.date:
    """``days`` working days after ``start`` (the first is the next working day), on the
    2026 arrangement above; for dates in late September and October 2026 only."""
    day, counted = start, 0
    while counted < days:
        day += dt.timedelta(days=1)
        weekend = day.weekday() >= 5
        if day in NATIONAL_DAY_2026_WORK or (not weekend and day not in NATIONAL_DAY_2026_OFF):
            counted += 1
    return day


def test_the_holiday_count_of_this_test() -> None:
    # Read off the calendar of the notice: 10月8日 (Thu) is the first working day after the
    # holiday and 10月10日 (Sat) is worked; 5 days after 9月30日 end on 10月13日 (Tue).
    assert working_days_after(dt.date(2026, 9, 30), 1) == dt.date(2026, 10, 8)
    assert working_days_after(dt.date(2026, 9, 30), 3) == dt.date(2026, 10, 10)
    assert working_days_after(dt.date(2026, 9, 30), 5) == dt.date(2026, 10, 13)


# -- the window ------------------------------------------------------------------------------
def identify(qtbot: Any, window: TellerWindow, id_number: str) -> None:
    window.new_customer()
    with qtbot.waitSignal(window.customer.person_selected, timeout=10_000):
        window.customer.lookup(id_number)
    assert window.context.id_number == id_number


def settled(outcome: IntakeOutcome) -> bool:
    return outcome.settled


def print_out(qtbot: Any, outcome: IntakeOutcome, *, opened: bool = False) -> PrintJob:
    """Preview the outcome's document and print it on the PDF printer; the job printed."""
    if not opened:
        with qtbot.waitSignal(outcome.printed, timeout=10_000):
            outcome.print_document()
    preview = outcome.preview
    assert isinstance(preview, PrintPreviewDialog)
    preview.choice.setCurrentIndex(preview.choice.findData("a4"))
    with qtbot.waitSignal(preview.printed, timeout=20_000) as printed:
        preview.print_now()
    preview.close()
    job: PrintJob = printed.args[0]
    assert job.status == "printed"
    return job


def text_of_job(job: PrintJob, tmp_path: Any, name: str) -> str:
    """The printed PDF's text, read back by ``pdftotext``, without any white space."""
    return re.sub(r"\s+", "", pdftotext(job.data, tmp_path, name=name))


def central_case(central: Any, case_id: str) -> CaseRow:
    with Session(central) as session:
        case = session.get(CaseRow, case_id)
        assert case is not None
        session.expunge(case)
        return case


def dated(monkeypatch: pytest.MonkeyPatch, when: dt.datetime) -> None:
    """Commands are made at ``when`` on this workstation (as by a teller that day, sent later:
    the centre keeps a past acceptance day)."""
    real = REAL_EXECUTE

    def execute(local: Any, command: Command) -> command_bus.Accepted:
        return real(local, dataclasses.replace(command, client_time=when))

    monkeypatch.setattr(command_bus, "execute", execute)


REAL_EXECUTE = command_bus.execute


def assert_nothing_left(window: TellerWindow, *forms: GenericForm | BundleForm) -> None:
    """No field, tick or message of an earlier customer is on the screen."""
    assert window.context.id_number is None
    for form in forms:
        for part in form.parts:
            defaults = {n: f.default or "" for n, f in part.fields.items()}
            values = part.values()
            for name in part.fields:
                assert values[name] == defaults[name], (form.objectName(), name)
            assert not any(label.isVisible() for label in part.errors.values())
        assert form.checklist.received() == ()
        assert form.outcome.result.text() == "" and form.outcome.promise.text() == ""
        assert not form.outcome.print_button.isVisible()
        assert "F2" in form.subject.person_label.text()  # asks who the customer is
    pending = window.pending_materials
    assert pending is not None and pending.list.count() == 0 and not pending.boxes


# -- the day ---------------------------------------------------------------------------------
def test_a_day_of_generic_items_single_pending_and_a_life_event(
    qtbot: Any,
    ws: Workstation,
    tmp_path: Any,
    central_db: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws.config.printers = [
        {"name": "a4", "kind": "pdf", "connection": "file", "path": str(tmp_path / "pdf")}
    ]
    registered_persons(central_db, PEOPLE)
    catalogue = shipped_catalogue()
    window = open_window(qtbot, ws)
    assert window.catalogue.version == catalogue.version

    # -- customer 1: a new pension account, finished on the spot (L1). ---------------------
    identify(qtbot, window, PENSIONER)
    item = catalogue.item("CHG-PAY-ACCOUNT")
    assert item.review_level == 1 and item.handler is None
    form = window.show_item(item.code)
    assert isinstance(form, GenericForm) and form.isVisible()
    assert PEOPLE[PENSIONER] in form.subject.person_label.text()
    fields = form.fields
    fields.inputs["bank_name"].insert("中国工商银行深圳南山支行")  # from the input method
    qtbot.keyClicks(fields.inputs["account_number"], "62220212")  # too short: refused here
    fields.inputs["account_holder"].insert(PEOPLE[PENSIONER])  # committed by the input method
    form.checklist.tick_all()
    assert form.accept_button.isEnabled() and not form.notice_button.isVisible()
    form.accept_case()
    assert fields.errors["account_number"].isVisible()
    assert not fields.errors["bank_name"].isVisible()
    assert fields.values()["account_number"] == "62220212"  # what was typed is kept
    assert ws.outbox_counts()["pending"] == 0
    qtbot.keyClicks(fields.inputs["account_number"], "0012345678")
    with qtbot.waitSignal(form.submitted, timeout=10_000) as submitted:
        form.accept_case()
    first_case = submitted.args[0].command_uuid
    qtbot.waitUntil(lambda: settled(form.outcome), timeout=20_000)
    case = central_case(central_db, first_case)
    assert case.status == "completed" and case.case_no and case.review_level == 1
    assert case.case_no in form.outcome.result.text()
    assert "Finished on the spot" in form.outcome.result.text()
    assert form.outcome.print_button.text() == "Print result slip"
    # Today's business re-read itself from the change report.
    qtbot.waitUntil(lambda: window.cases_tab.model.rowCount() == 1, timeout=10_000)
    slip = text_of_job(print_out(qtbot, form.outcome), tmp_path, "slip")
    assert "办结单" in slip and case.case_no in slip
    assert item.name_zh in slip and "已办结" in slip
    assert "中国工商银行深圳南山支行" in slip and "622202120012345678" in slip
    assert PENSIONER[:6] + "********" + PENSIONER[-4:] in slip and PENSIONER not in slip

    # -- customer 2: a work-injury medical claim (L2) with two papers missing. ---------------
    window.new_customer()
    assert_nothing_left(window, form)
    dated(monkeypatch, FIRST_VISIT)
    identify(qtbot, window, WORKER)
    claim = catalogue.item("INJ-MEDICAL-CLAIM")
    assert claim.review_level == 2
    required = [m for m in claim.materials if m.required]
    brought_first = [required[-1]]
    missing = [m for m in required if m not in brought_first]
    assert len(missing) >= 2
    form2 = window.show_item(claim.code)
    assert isinstance(form2, GenericForm)
    fields2 = form2.fields
    multi = fields2.inputs["claim_items"]
    multi.boxes["medical"].setChecked(True)  # type: ignore[attr-defined]
    qtbot.keyClicks(fields2.inputs["amount"], "1234.5")
    fields2.inputs["amount"].editingFinished.emit()  # type: ignore[attr-defined]
    assert fields2.values()["amount"] == "1234.50"  # money is shown with two decimals
    qtbot.keyClicks(fields2.inputs["invoice_count"], "3")
    for material in brought_first:
        form2.checklist.boxes[material.code].setChecked(True)
    assert not form2.accept_button.isEnabled() and form2.notice_button.isVisible()
    with qtbot.waitSignal(form2.outcome.printed, timeout=30_000):  # opens once numbered
        form2.notify()
    pending_case = form2.outcome.command_uuid
    assert pending_case is not None
    case2 = central_case(central_db, pending_case)
    assert case2.status == "materials_pending" and case2.case_no
    assert case2.promised_date is None
    assert "Waiting for materials" in form2.outcome.result.text()
    notice = text_of_job(print_out(qtbot, form2.outcome, opened=True), tmp_path, "notice")
    assert "一次性告知书" in notice and case2.case_no in notice
    listed = notice.split("需补齐的材料")[1].split("补齐期限")[0].split("告知依据")[0]
    for material in missing:
        assert material.name_zh in listed, material.code
    for material in brought_first:
        assert material.name_zh not in listed.split("如有以下材料")[0]

    # The same customer comes back on the 30th with the papers.
    window.new_customer()
    assert_nothing_left(window, form, form2)
    dated(monkeypatch, SECOND_VISIT)
    identify(qtbot, window, WORKER)
    pending = window.pending_materials
    assert pending is not None
    window.tabs.setCurrentWidget(pending)
    qtbot.waitUntil(lambda: pending.list.count() == 1, timeout=10_000)
    chosen = pending.selected()
    assert chosen is not None and chosen.case_id == pending_case
    assert {m.code for m in chosen.missing} == {m.code for m in missing}
    for box in pending.boxes.values():
        box.setChecked(True)
    with qtbot.waitSignal(pending.submitted, timeout=10_000):
        pending.supplement()
    qtbot.waitUntil(lambda: settled(pending.outcome), timeout=20_000)
    qtbot.waitUntil(lambda: pending.list.count() == 0, timeout=10_000)
    expected = working_days_after(SECOND_VISIT.date(), claim.time_limit.promised)
    case2 = central_case(central_db, pending_case)
    assert case2.status == "in_review" and case2.promised_date == expected
    assert not case2.promised_provisional
    assert expected.isoformat() in pending.outcome.promise.text()
    receipt = text_of_job(print_out(qtbot, pending.outcome), tmp_path, "receipt")
    assert "受理回执" in receipt and case2.case_no in receipt
    assert f"承诺办结：{expected:%Y年%m月%d日}前" in receipt
    assert "受理时间：2026-09-30" in receipt  # the day the papers were complete
    for material in required:
        assert material.name_zh in receipt

    # -- customer 3: the retirement life event, one receipt for every item. ------------------
    monkeypatch.setattr(command_bus, "execute", REAL_EXECUTE)
    window.new_customer()
    assert_nothing_left(window, form, form2)
    identify(qtbot, window, RETIREE)
    events = window.life_events
    assert events is not None
    window.tabs.setCurrentWidget(events)
    bundle = catalogue.bundle("BUNDLE-RETIRE")
    life = events.choose(bundle.code)
    assert life.isVisible() and [i.code for i in life.items] == list(bundle.items)
    # One shared checklist: a material two items ask for is listed once.
    codes = [m.code for i in life.items for m in i.materials]
    assert sorted(life.checklist.boxes) == sorted(set(codes)) and len(set(codes)) < len(codes)
    values = {
        "PEN-RETIRE": {
            "staff_category": "worker",
            "first_work_date": "1986-07-01",
            "retirement_month": "2026-08",
            "deemed_months": "24",
        },
        "MED-RETIREE": {
            "retirement_month": "2026-08",
            "medical_months": "360",
            "shortfall": "not_applicable",
        },
        "CHG-PAY-ACCOUNT": {
            "bank_name": "中国建设银行南京分行",
            "account_number": "621700123456789012",
            "account_holder": PEOPLE[RETIREE],
        },
        "CARD-ACTIVATE": {"functions": "social,bank"},
    }
    for part in life.parts:
        for name, value in values[part.item.code].items():
            part.set_value(name, value)
    life.checklist.tick_all()
    with qtbot.waitSignal(life.submitted, timeout=10_000) as submitted:
        life.accept_case()
    bundle_uuid = submitted.args[0].command_uuid
    qtbot.waitUntil(lambda: settled(life.outcome), timeout=20_000)
    with Session(central_db) as session:
        cases = session.scalars(select(CaseRow).where(CaseRow.bundle_id == bundle_uuid)).all()
        assert sorted(c.item_code for c in cases) == sorted(bundle.items)
        numbers = {c.id: c.case_no for c in cases}
        latest = max(c.promised_date for c in cases if c.promised_date is not None)
    assert all(numbers.values())
    assert "4 items" in life.outcome.result.text()
    text = text_of_job(print_out(qtbot, life.outcome), tmp_path, "bundle")
    assert text.count("受理回执") == 1 and numbers[bundle_uuid] in text
    assert bundle.name_zh in text
    for code in bundle.items:
        assert catalogue.item(code).name_zh in text, code
    assert f"承诺办结：{latest:%Y年%m月%d日}前" in text

    # The next customer sees none of it.
    window.new_customer()
    assert_nothing_left(window, form, form2, life)
    assert QApplication.activeModalWidget() is None
