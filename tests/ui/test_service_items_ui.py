"""A day at window 3 with the six service items, form → validation → command → case → document.

Customer 1 asks for a pension transfer out; customer 2 reports a card lost and has it
replaced; customer 3 applies for retirement; customer 4 claims three invoices (the total is
read back from the printed receipt with ``pdftotext``); a visitor asks a question without
giving a name; a customer complains and a supervisor answers. Between customers the window
starts anew and nothing of the previous customer stays on any form. Everything goes through
the real forms, the command bus and a real ``counter-central`` process.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from readback import pdftotext
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from standards import gb11643_check

from counter_app.centre import bootstrap
from counter_app.client.workstation import Workstation
from counter_app.domain.ids import IdNumber
from counter_app.services.auth import authenticate
from counter_app.services.catalogue_view import current_catalogue
from counter_app.services.queries import find_person
from counter_app.services.records import PersonSummary
from counter_app.storage.service_item_models import ComplaintRow, SocialCardRow
from counter_app.storage.shared_models import PersonRow
from counter_app.ui.customer_context import CustomerContext, Outcome
from counter_app.ui.item_forms.card_status_form import CardStatusForm
from counter_app.ui.item_forms.complaint_form import ComplaintForm
from counter_app.ui.item_forms.consultation_form import ConsultationForm
from counter_app.ui.item_forms.medical_reimbursement_form import (
    COLUMNS,
    MedicalReimbursementForm,
)
from counter_app.ui.item_forms.pension_transfer_form import PensionTransferForm
from counter_app.ui.item_forms.retirement_form import RetirementForm
from counter_app.ui.item_forms.service_form import ServiceItemForm
from counter_app.ui.ops import wait_for_background
from counter_app.ui.print_preview import PrintPreviewDialog
from counter_app.ui.tabs.complaints_tab import ComplaintsTab


def valid_id(first17: str) -> str:
    return first17 + gb11643_check(first17)


FIRST = valid_id("44030519800307001")  # transfer out
SECOND = valid_id("32010219770811003")  # card loss and replacement
THIRD = valid_id("11010519600305001")  # retirement: a man born March 1960
FOURTH = valid_id("44030519900307004")  # reimbursement
PEOPLE = {
    FIRST: ("刘洋", "M", dt.date(1980, 3, 7), "13800000001"),
    SECOND: ("赵磊", "M", dt.date(1977, 8, 11), "13800000002"),
    THIRD: ("李建国", "M", dt.date(1960, 3, 5), "13800000003"),
    FOURTH: ("孙丽", "F", dt.date(1990, 3, 7), "13800000004"),
}


@pytest.fixture
def day(ws: Workstation, central_db: Engine, tmp_path: Path, qtbot: Any) -> dict[str, Any]:
    """The registry's persons and customer 2's card at the centre, a PDF printer, the forms."""
    bootstrap.bulk_load(
        central_db,
        PersonRow,
        (
            {"id_number": n, "name": p[0], "sex": p[1], "birth_date": p[2], "phone": p[3]}
            | {"address": ""}
            for n, p in PEOPLE.items()
        ),
    )
    with Session(central_db) as session, session.begin():
        session.add(
            SocialCardRow(
                id="card-second",
                id_number=SECOND,
                card_number="320100987654321",
                status="active",
                since=dt.date(2021, 6, 1),
                bank="中国工商银行",
            )
        )
    ws.config.printers = [
        {"name": "a4", "kind": "pdf", "connection": "file", "path": str(tmp_path / "pdf")}
    ]
    user = authenticate(ws.local, "teller1", "demo-teller1")
    context = CustomerContext()
    catalogue = current_catalogue(ws)
    forms: dict[str, ServiceItemForm] = {}
    for code, form_class in (
        ("TRANSFER-PENSION-OUT", PensionTransferForm),
        ("CARD-LOSS", CardStatusForm),
        ("CARD-REISSUE", CardStatusForm),
        ("PEN-RETIRE", RetirementForm),
        ("MED-REIMBURSE", MedicalReimbursementForm),
        ("SVC-CONSULT", ConsultationForm),
        ("SVC-COMPLAINT", ComplaintForm),
    ):
        form = form_class(ws, user, 3, context, catalogue.item(code))
        qtbot.addWidget(form)
        form.show()
        forms[code] = form
    return {"context": context, "forms": forms, "pdf": tmp_path / "pdf", "tmp": tmp_path}


def identify(ws: Workstation, context: CustomerContext, id_number: str) -> None:
    """The customer panel's look-up (cache, then the centre) and identification."""
    person = find_person(ws, IdNumber.parse(id_number))
    assert person is not None
    context.identify(id_number, person)


def submit(qtbot: Any, form: ServiceItemForm) -> str:
    with qtbot.waitSignal(form.submitted, timeout=10_000) as accepted:
        form.submit()
    uuid: str = accepted.args[0].command_uuid
    return uuid


def sync(qtbot: Any, ws: Workstation, context: CustomerContext, *forms: ServiceItemForm) -> None:
    """A sync round, reported to the screens as the window's sync worker does; waits until
    each form shows the centre's number (or its refusal)."""
    assert wait_for_background(10_000)
    report = ws.sync_once()
    assert report.online, report.error
    context.report(Outcome("sync"))
    for form in forms:
        qtbot.waitUntil(lambda form=form: form.outcome.settled, timeout=10_000)


def printed_text(qtbot: Any, form: ServiceItemForm, day: dict[str, Any], name: str) -> str:
    """Preview the form's document, print it on the PDF printer, read the PDF back."""
    folder: Path = day["pdf"]
    before = set(folder.glob("*.pdf")) if folder.exists() else set()
    form.outcome.print_button.click()
    qtbot.waitUntil(lambda: form.outcome.preview is not None, timeout=10_000)
    preview = form.outcome.preview
    assert preview is not None and preview.selected() == "a4"
    with qtbot.waitSignal(preview.printed, timeout=20_000):
        preview.print_now()
    (new,) = set(folder.glob("*.pdf")) - before
    preview.close()
    form.outcome.preview = None
    return pdftotext(new.read_bytes(), day["tmp"], name=name)


def assert_clean(forms: dict[str, ServiceItemForm]) -> None:
    """Nothing of an earlier customer on any form."""
    for form in forms.values():
        assert not form.has_unsaved_input()
        assert form.outcome.result.text() == "" and form.outcome.command_uuid is None
        assert not form.outcome.print_button.isVisible()
        assert form.checklist.received() == ()
    transfer = forms["TRANSFER-PENSION-OUT"]
    assert isinstance(transfer, PensionTransferForm)
    assert transfer.other_region.text() == transfer.phone.text() == ""
    assert "Identify the customer first" in transfer.subject.person_label.text()
    card = forms["CARD-LOSS"]
    assert isinstance(card, CardStatusForm) and card.card.text() == ""
    claim = forms["MED-REIMBURSE"]
    assert isinstance(claim, MedicalReimbursementForm)
    assert claim.model.rowCount() == 1 and claim.model.filled_rows() == []
    consult = forms["SVC-CONSULT"]
    assert isinstance(consult, ConsultationForm) and consult.visitor_id.text() == ""
    assert consult.question.toPlainText() == ""
    complaint = forms["SVC-COMPLAINT"]
    assert isinstance(complaint, ComplaintForm)
    assert complaint.contact_phone.text() == complaint.visitor_id.text() == ""


def test_a_day_of_service_items(
    qtbot: Any, qtmodeltester: Any, ws: Workstation, central_db: Engine, day: dict[str, Any]
) -> None:
    context: CustomerContext = day["context"]
    forms: dict[str, ServiceItemForm] = day["forms"]

    # -- customer 1: a pension transfer out; a missing region is marked, what was typed kept.
    identify(ws, context, FIRST)
    transfer = forms["TRANSFER-PENSION-OUT"]
    assert isinstance(transfer, PensionTransferForm)
    assert "刘洋" in transfer.subject.person_label.text()
    assert transfer.phone.text() == "13800000001"  # taken from the registry
    assert not transfer.has_unsaved_input()  # filled from the registry, nothing typed yet
    assert not transfer.accept_button.isEnabled()  # the ID card is not ticked yet
    assert transfer.missing_label.isVisible()
    transfer.checklist.boxes["id_card"].setChecked(True)
    assert transfer.accept_button.isEnabled()
    transfer.period_from.setText("2008-01")
    transfer.period_to.setText("2019-12")
    transfer.other_agency.setText("深圳市社会保险基金管理局")
    transfer.submit()
    qtbot.waitUntil(lambda: transfer.rows.errors["other_region"].isVisible(), timeout=10_000)
    assert transfer.period_from.text() == "2008-01"  # kept
    transfer.other_region.setText("广东省深圳市")
    assert transfer.has_unsaved_input()  # the window asks before the next customer
    submit(qtbot, transfer)
    assert not transfer.has_unsaved_input()
    sync(qtbot, ws, context, transfer)
    assert "HALL01-" in transfer.outcome.result.text()
    assert "Promised completion by" in transfer.outcome.promise.text()
    receipt = printed_text(qtbot, transfer, day, "transfer")
    assert "受理回执" in receipt and "养老保险关系转出" in receipt
    assert transfer.outcome.state is not None and transfer.outcome.state.case_no in receipt

    # -- customer 2: the card is reported lost, then replaced.
    context.new_customer()
    assert_clean(forms)
    identify(ws, context, SECOND)
    loss = forms["CARD-LOSS"]
    assert isinstance(loss, CardStatusForm)
    qtbot.waitUntil(lambda: "central database checks" in loss.card.text(), timeout=10_000)
    loss.checklist.boxes["id_card"].setChecked(True)
    loss.lost_on.setText((dt.date.today() - dt.timedelta(days=1)).isoformat())
    submit(qtbot, loss)
    sync(qtbot, ws, context, loss)
    assert "Finished on the spot" in loss.outcome.result.text()
    slip = printed_text(qtbot, loss, day, "loss")
    assert "办结单" in slip and "已正式挂失" in slip and "320*********321" in slip
    qtbot.waitUntil(lambda: "reported lost" in loss.card.text(), timeout=10_000)
    loss.submit()  # a second loss report: the window now knows better
    qtbot.waitUntil(lambda: "already reported lost" in loss.outcome.result.text(), timeout=10_000)

    reissue = forms["CARD-REISSUE"]
    assert isinstance(reissue, CardStatusForm)
    reissue.reason.setCurrentIndex(reissue.reason.findData("lost"))
    reissue.checklist.boxes["id_card"].setChecked(True)
    reissue.submit()  # no photo
    qtbot.waitUntil(lambda: "needs a photo" in reissue.outcome.result.text(), timeout=10_000)
    reissue.checklist.boxes["photo"].setChecked(True)
    submit(qtbot, reissue)
    sync(qtbot, ws, context, reissue)
    assert "Finished on the spot" in reissue.outcome.result.text()
    qtbot.waitUntil(lambda: "new card being made" in reissue.card.text(), timeout=10_000)

    # -- customer 3: retirement; the form shows the statutory age before sending.
    context.new_customer()
    assert_clean(forms)
    identify(ws, context, THIRD)
    retire = forms["PEN-RETIRE"]
    assert isinstance(retire, RetirementForm)
    # Born March 1960: 60 under the rule before 2025 (国发〔1978〕104号), reached 2020-03-05.
    assert "60 years, reached on 2020-03-05" in retire.age.text()
    assert not retire.female_post.isEnabled()
    retire.deemed_months.setValue(200)
    retire.checklist.tick_all()
    submit(qtbot, retire)
    sync(qtbot, ws, context, retire)
    assert "Accepted: case HALL01-" in retire.outcome.result.text()
    receipt = printed_text(qtbot, retire, day, "retire")
    assert "职工正常退休申请" in receipt and "人事档案" in receipt

    # -- customer 4: a claim of three invoices, a duplicate number first.
    context.new_customer()
    assert_clean(forms)
    identify(ws, context, FOURTH)
    claim = forms["MED-REIMBURSE"]
    assert isinstance(claim, MedicalReimbursementForm)
    qtmodeltester.check(claim.model)
    claim.visit_kind.setCurrentIndex(claim.visit_kind.findData("inpatient"))
    invoices = [
        ("44030012345601", "深圳市人民医院", "2026-01-05", "1234.56", "100.10"),
        ("44030012345602", "深圳市人民医院", "2026-01-06", "88.01", "8"),
        ("44030012345601", "北京大学深圳医院", "2026-01-09", "0.50", ""),  # typed twice
    ]
    for row, values in enumerate(invoices):
        if row >= claim.model.rowCount():
            claim.add_button.click()
        for column, value in zip(COLUMNS, values, strict=True):
            assert claim.model.setData(claim.model.index(row, COLUMNS.index(column)), value)
    qtmodeltester.check(claim.model)
    # 1234.56 + 88.01 + 0.50 = 1323.07; 100.10 + 8.00 = 108.10; 1323.07 − 108.10 = 1214.97
    assert claim.totals.text() == "Total ¥1,323.07 · self-paid ¥108.10 · for review ¥1,214.97"
    claim.checklist.tick_all()
    claim.submit()
    qtbot.waitUntil(lambda: claim.line_errors.isVisible(), timeout=10_000)
    assert "Invoice 3" in claim.line_errors.text() and "already line 1" in claim.line_errors.text()
    duplicate = claim.model.index(2, COLUMNS.index("invoice_number"))
    assert claim.model.data(duplicate, Qt.ItemDataRole.ForegroundRole) is not None
    claim.model.setData(duplicate, "44030012345603")
    submit(qtbot, claim)
    assert not claim.line_errors.isVisible()
    sync(qtbot, ws, context, claim)
    receipt = printed_text(qtbot, claim, day, "claim")
    total = re.search(r"申报金额合计\s*¥([\d,]+\.\d\d)", receipt)
    assert total is not None and total.group(1) == "1,323.07"
    assert "医疗费用发票：原件 3 份" in receipt and "其中自付 ¥108.10" in receipt

    # -- a visitor's question, without a name.
    context.new_customer()
    assert_clean(forms)
    consult = forms["SVC-CONSULT"]
    assert isinstance(consult, ConsultationForm)
    qtbot.waitUntil(lambda: consult.topic.count() > 2, timeout=10_000)
    consult.topic.setCurrentIndex(consult.topic.findData("medical"))
    consult.question.setPlainText("异地就医怎么备案？")
    consult.submit()  # no answer, not referred
    qtbot.waitUntil(lambda: consult.rows.errors["answer"].isVisible(), timeout=10_000)
    consult.answer.setPlainText("可在网上或窗口办理异地就医备案。")
    submit(qtbot, consult)
    sync(qtbot, ws, context, consult)
    slip = printed_text(qtbot, consult, day, "consult")
    assert "咨询登记" in slip and "来访群众" in slip and "医疗保险" in slip

    # -- a complaint, answered by the supervisor in the complaints tab.
    context.new_customer()
    assert_clean(forms)
    complaint = forms["SVC-COMPLAINT"]
    assert isinstance(complaint, ComplaintForm)
    complaint.kind.setCurrentIndex(complaint.kind.findData("complaint"))
    complaint.about.setCurrentIndex(complaint.about.findData("window"))
    complaint.about_detail.setText("3号窗口")
    complaint.content.setPlainText("排队时间太长。")
    complaint.contact_name.setText("周先生")
    complaint.contact_phone.setText("13900139000")
    complaint_id = submit(qtbot, complaint)
    sync(qtbot, ws, context, complaint)
    assert "Accepted: case HALL01-" in complaint.outcome.result.text()

    boss = authenticate(ws.local, "boss", "demo-supervisor")
    tab = ComplaintsTab(ws, boss, context=context)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10_000)
    assert tab.model.record(0).id == complaint_id
    qtmodeltester.check(tab.model)
    tab.view.selectRow(0)
    tab.answer.setPlainText("已增开窗口，并向您致歉。")
    with qtbot.waitSignal(tab.answered, timeout=10_000):
        tab.answer_button.click()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0, timeout=10_000)
    assert wait_for_background(10_000)
    assert ws.sync_once().online
    with Session(central_db) as session:
        row = session.get(ComplaintRow, complaint_id)
        assert row is not None and (row.status, row.answered_by) == ("answered", "boss")

    context.new_customer()
    assert_clean(forms)


def test_a_teller_cannot_answer_complaints(qtbot: Any, ws: Workstation) -> None:
    teller = authenticate(ws.local, "teller1", "demo-teller1")
    tab = ComplaintsTab(ws, teller)
    qtbot.addWidget(tab)
    assert not tab.answer_button.isEnabled()
    assert "Only a supervisor" in tab.message.text()


def test_a_retirement_before_the_statutory_age_is_explained(qtbot: Any, ws: Workstation) -> None:
    """Refused at the window from the ID number alone, in words, with the dates."""
    woman = valid_id("11010519900305002")  # born 1990-03-05, female (17th digit even)
    context = CustomerContext()
    user = authenticate(ws.local, "teller1", "demo-teller1")
    form = RetirementForm(ws, user, 3, context, current_catalogue(ws).item("PEN-RETIRE"))
    qtbot.addWidget(form)
    form.show()
    context.identify(
        woman, PersonSummary(woman, "王芳", "F", dt.date(1990, 3, 5), "13800000009", "")
    )
    assert form.female_post.isEnabled()
    form.checklist.tick_all()
    form.submit()  # no post chosen
    qtbot.waitUntil(lambda: form.rows.errors["female_post"].isVisible(), timeout=10_000)
    form.female_post.setCurrentIndex(form.female_post.findData("worker"))
    # Original age 50 (March 2040) is 60 months later under Article 1 of the 2024 办法: 55.
    assert "55 years, reached on 2045-03-05" in form.age.text()
    form.submit()
    qtbot.waitUntil(
        lambda: (
            "The statutory retirement age (55 years) is reached on 2045-03-05"
            in form.outcome.result.text()
        ),
        timeout=10_000,
    )
    assert "accepted from 2045-01-05" in form.outcome.result.text()


def test_a_missing_photo_gives_the_one_time_notice_from_the_items_own_form(
    qtbot: Any, ws: Workstation, central_db: Engine, day: dict[str, Any]
) -> None:
    """Replacement without the photo: the form cannot accept, but records the case as waiting
    for materials and prints the one-time notification listing what is missing."""
    from counter_app.storage.shared_models import CaseRow

    context: CustomerContext = day["context"]
    form = day["forms"]["CARD-REISSUE"]
    identify(ws, context, SECOND)
    missing = form.checklist.missing_required()
    assert missing and not form.accept_button.isEnabled()
    assert form.notice_button.isVisible()
    form.notice_button.click()
    try:
        qtbot.waitUntil(lambda: form.notice_outcome.command_uuid is not None, timeout=10_000)
    except Exception:
        raise AssertionError(form.notice_outcome.result.text()) from None
    case_id = form.notice_outcome.command_uuid
    assert wait_for_background(10_000)
    assert ws.sync_once().online
    with qtbot.waitSignal(form.notice_outcome.printed, timeout=20_000):
        context.report(Outcome("sync"))
    with Session(central_db) as session:
        case = session.get(CaseRow, case_id)
        assert case is not None and case.item_code == "CARD-REISSUE"
        assert case.status == "materials_pending" and case.case_no
        session.expunge(case)
    preview = form.notice_outcome.preview
    assert isinstance(preview, PrintPreviewDialog)
    preview.choice.setCurrentIndex(preview.choice.findData("a4"))
    with qtbot.waitSignal(preview.printed, timeout=20_000) as printed:
        preview.print_now()
    preview.close()
    text = re.sub(r"\s+", "", pdftotext(printed.args[0].data, day["tmp"], name="notice"))
    assert "一次性告知书" in text and case.case_no in text
    for material in missing:
        assert material.name_zh in text
    # The next customer sees nothing of it.
    context.new_customer()
    assert not form.notice_outcome.result.text()
