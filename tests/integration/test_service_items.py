"""Six counter items through the real command path and a real ``counter-central`` process:
pension transfers, card loss and replacement, retirement, medical reimbursement, the
consultation log and complaints with their answer.

Each item is accepted at the window (handler against the cache, outbox row), pushed, applied
by the centre and pulled back; the refusals are checked where they belong — at the window
when its cache knows enough, at the centre when only the centre does (a card issued
elsewhere, an invoice claimed in another hall, contribution records made elsewhere).
The registry's persons and their cards are loaded straight into the central database, as a
bulk load does, so the workstation's cache does not hold them.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from standards import gb11643_check

from counter_app.centre import bootstrap
from counter_app.client.workstation import Workstation
from counter_app.domain.errors import (
    Conflict,
    PermissionDenied,
    ValidationError,
    ValidationErrors,
)
from counter_app.items.card_status import CardStatusPayload, new_card_id
from counter_app.items.complaint import ComplaintPayload
from counter_app.items.consultation import ConsultationPayload
from counter_app.items.medical_reimbursement import InvoiceLine, ReimbursementPayload
from counter_app.items.pension_transfer import PensionTransferPayload
from counter_app.items.retirement import RetirementPayload
from counter_app.printing.intake_documents import AcceptanceReceipt, ResultSlip
from counter_app.services import service_items as items
from counter_app.services.counter_lookups import CommandState, command_state
from counter_app.storage.service_item_models import (
    ComplaintRow,
    ConsultationRow,
    MedicalClaimLineRow,
    MedicalClaimRow,
    PensionTransferRow,
    SocialCardRow,
)
from counter_app.storage.shared_models import CaseRow, PersonRow

PASSWORDS = {"teller1": "demo-teller1", "boss": "demo-supervisor"}


def valid_id(first17: str) -> str:
    return first17 + gb11643_check(first17)


# Birth dates chosen against the rules (see tests/unit/test_retirement_age.py for the ages).
MAN_1960 = valid_id("11010519600305001")  # male (17th digit odd): 60 in March 2020
WOMAN_1990 = valid_id("11010519900305002")  # female worker: far from retirement
CARD_HOLDER = valid_id("32010219770811003")
NO_CARD = valid_id("32010219800101004")
PATIENT = valid_id("44030519900307004")
PERSONS = {
    MAN_1960: ("李建国", "M", dt.date(1960, 3, 5)),
    WOMAN_1990: ("王芳", "F", dt.date(1990, 3, 5)),
    CARD_HOLDER: ("赵磊", "M", dt.date(1977, 8, 11)),
    NO_CARD: ("钱敏", "F", dt.date(1980, 1, 1)),
    PATIENT: ("孙丽", "F", dt.date(1990, 3, 7)),
}


@pytest.fixture
def ws(make_workstation: Any, central_db: Engine) -> Workstation:
    bootstrap.bulk_load(
        central_db,
        PersonRow,
        (
            {
                "id_number": n,
                "name": name,
                "sex": sex,
                "birth_date": born,
                "phone": "",
                "address": "",
            }
            for n, (name, sex, born) in PERSONS.items()
        ),
    )
    with Session(central_db) as session, session.begin():
        session.add(
            SocialCardRow(
                id="card-zhao-1",
                id_number=CARD_HOLDER,
                card_number="320100123456789",
                status="active",
                since=dt.date(2020, 5, 1),
                bank="中国银行",
                replaces=None,
                origin_command=None,
            )
        )
    ws: Workstation = make_workstation("WS-A")
    for user, password in PASSWORDS.items():
        ws.centre.login(user, password)
    assert ws.sync_once().online
    return ws


def sync(ws: Workstation) -> None:
    report = ws.sync_once()
    assert report.online, report.error


def state(ws: Workstation, uuid: str) -> CommandState:
    found = command_state(ws, uuid)
    assert found is not None
    return found


def central_row(engine: Engine, model: Any, key: Any) -> Any:
    with Session(engine) as session:
        row = session.get(model, key)
        if row is not None:
            session.expunge(row)
        return row


def local_row(ws: Workstation, model: Any, key: Any) -> Any:
    return central_row(ws.local, model, key)


# -- pension transfers -------------------------------------------------------------------------
def transfer(direction: str, **changes: Any) -> PensionTransferPayload:
    values: dict[str, Any] = {
        "catalogue_version": "",
        "direction": direction,
        "id_number": MAN_1960,
        "other_region": "广东省深圳市",
        "other_agency": "深圳市社会保险基金管理局",
        "period_from": "2005-01",
        "period_to": "2015-12",
        "phone": "13800138000",
        "materials": ("id_card",),
        "window_number": 1,
    }
    values.update(changes)
    return PensionTransferPayload(**values)


def test_a_transfer_out_is_recorded_as_requested_with_an_l2_case(
    ws: Workstation, central_db: Engine
) -> None:
    accepted = items.request_pension_transfer(ws, "teller1", transfer("out"))
    sync(ws)
    assert state(ws, accepted.command_uuid).status == "applied"
    row = central_row(central_db, PensionTransferRow, accepted.command_uuid)
    assert (row.direction, row.status, row.other_region) == ("out", "requested", "广东省深圳市")
    assert (row.period_from, row.period_to, row.contact_letter_no) == ("2005-01", "2015-12", None)
    case = central_row(central_db, CaseRow, accepted.command_uuid)
    assert case.item_code == "TRANSFER-PENSION-OUT" and case.status == "in_review"
    assert case.review_level == 2 and case.promised_date is not None
    assert case.case_no.startswith("HALL01-")
    # The case reached the cache, so the receipt carries the central number.
    receipt = items.case_document(ws, accepted.command_uuid, "王柜员", 1)
    assert isinstance(receipt, AcceptanceReceipt) and receipt.case_no == case.case_no
    assert receipt.promised_by is not None and receipt.promised_by.date == case.promised_date

    with pytest.raises(Conflict) as caught:  # the same direction is still being handled
        items.request_pension_transfer(ws, "teller1", transfer("out"))
    assert caught.value.code == "transfer_pending"


def test_a_transfer_in_needs_its_contact_letter_number(ws: Workstation, central_db: Engine) -> None:
    with pytest.raises(ValidationErrors) as caught:
        items.request_pension_transfer(
            ws, "teller1", transfer("in", period_from="2016-01", period_to="2015-01")
        )
    fields = {e.field: e.code for e in caught.value.errors}
    assert fields == {"contact_letter_no": "required", "period_to": "order"}
    accepted = items.request_pension_transfer(
        ws, "teller1", transfer("in", contact_letter_no="lh-4403-2026-0001")
    )
    sync(ws)
    row = central_row(central_db, PensionTransferRow, accepted.command_uuid)
    assert (row.direction, row.contact_letter_no, row.status) == (
        "in",
        "LH-4403-2026-0001",
        "requested",
    )
    assert (
        central_row(central_db, CaseRow, accepted.command_uuid).item_code == "TRANSFER-PENSION-IN"
    )


# -- social security cards ---------------------------------------------------------------------
def card(action: str, id_number: str = CARD_HOLDER, **changes: Any) -> CardStatusPayload:
    values: dict[str, Any] = {
        "catalogue_version": "",
        "action": action,
        "id_number": id_number,
        "materials": ("id_card",),
        "window_number": 1,
    }
    values.update(changes)
    return CardStatusPayload(**values)


def test_a_loss_report_takes_effect_at_once_and_a_replacement_follows(
    ws: Workstation, central_db: Engine
) -> None:
    loss = items.change_card_status(ws, "teller1", card("report_loss", lost_on="2026-01-02"))
    sync(ws)
    assert state(ws, loss.command_uuid).status == "applied"
    lost = central_row(central_db, SocialCardRow, "card-zhao-1")
    assert lost.status == "lost"
    case = central_row(central_db, CaseRow, loss.command_uuid)
    assert (case.item_code, case.status, case.review_level) == ("CARD-LOSS", "completed", 1)
    assert lost.since == case.accepted_at.date()  # the centre's day
    # The centre's row came back with the journal: the window now knows the card is lost.
    assert local_row(ws, SocialCardRow, "card-zhao-1").status == "lost"
    with pytest.raises(Conflict) as again:
        items.change_card_status(ws, "teller1", card("report_loss"))
    assert again.value.code == "already_lost"
    slip = items.case_document(ws, loss.command_uuid, "王柜员", 1)
    assert isinstance(slip, ResultSlip) and slip.figures[0].value == "320*********789"

    with pytest.raises(ValidationErrors) as no_photo:
        items.change_card_status(ws, "teller1", card("reissue", reason="lost"))
    assert [(e.field, e.code) for e in no_photo.value.errors] == [("materials", "photo_required")]
    reissue = items.change_card_status(
        ws, "teller1", card("reissue", reason="lost", materials=("id_card", "photo"))
    )
    sync(ws)
    assert state(ws, reissue.command_uuid).status == "applied"
    assert central_row(central_db, SocialCardRow, "card-zhao-1").status == "replaced"
    new = central_row(central_db, SocialCardRow, new_card_id(reissue.command_uuid))
    assert (new.status, new.card_number, new.replaces, new.bank) == (
        "requested",
        None,
        "card-zhao-1",
        "中国银行",
    )
    with pytest.raises(Conflict) as pending:
        items.change_card_status(
            ws, "teller1", card("reissue", reason="damaged", materials=("id_card", "photo"))
        )
    assert pending.value.code == "replacement_pending"


def test_a_card_in_use_is_not_replaced_as_lost(ws: Workstation, central_db: Engine) -> None:
    first = items.change_card_status(ws, "teller1", card("cancel_loss"))
    sync(ws)  # the centre refuses (the card is not lost) and the cache learns nothing new
    assert state(ws, first.command_uuid).reason_code == "not_lost"
    lost_reason = items.change_card_status(
        ws, "teller1", card("reissue", reason="lost", materials=("id_card", "photo"))
    )
    sync(ws)
    refused = state(ws, lost_reason.command_uuid)
    assert (refused.status, refused.reason_code) == ("rejected", "loss_not_reported")
    assert central_row(central_db, SocialCardRow, "card-zhao-1").status == "active"


def test_no_replacement_for_a_person_without_a_card(ws: Workstation, central_db: Engine) -> None:
    """The window cannot know (a card may have been issued elsewhere); the centre refuses."""
    accepted = items.change_card_status(
        ws, "teller1", card("reissue", NO_CARD, reason="damaged", materials=("id_card", "photo"))
    )
    sync(ws)
    refused = state(ws, accepted.command_uuid)
    assert (refused.status, refused.reason_code) == ("rejected", "no_card")
    assert "no social security card" in (refused.reason or "")
    assert local_row(ws, CaseRow, accepted.command_uuid) is None  # undone at the window
    with Session(central_db) as session:
        assert (
            session.scalars(select(SocialCardRow).where(SocialCardRow.id_number == NO_CARD)).all()
            == []
        )


# -- retirement --------------------------------------------------------------------------------
def test_a_retirement_application_records_the_statutory_age_and_months(
    ws: Workstation, central_db: Engine
) -> None:
    payload = RetirementPayload(
        catalogue_version="",
        id_number=MAN_1960,
        deemed_months=200,
        materials=("personnel_file", "id_card", "retirement_form", "bank_card"),
        window_number=1,
    )
    accepted = items.apply_for_retirement(ws, "teller1", payload)
    sync(ws)
    assert state(ws, accepted.command_uuid).status == "applied"
    case = central_row(central_db, CaseRow, accepted.command_uuid)
    details = json.loads(case.details)
    # Born March 1960: 60 under the rule before 2025 (国发〔1978〕104号), reached March 2020.
    assert details["statutory_age"] == "60周岁" and details["retirement_month"] == "2020-03"
    assert details["pension_from"] == "2020-04" and details["delay_months"] == 0
    assert (details["paid_months"], details["contribution_months"]) == (0, 200)
    assert details["minimum_months"] == 180  # 社会保险法 art. 16: fifteen years
    assert case.status == "in_review" and case.review_level == 2

    with pytest.raises(Conflict) as twice:
        items.apply_for_retirement(ws, "teller1", payload)
    assert twice.value.code == "already_applied"


def test_retirement_is_refused_before_the_age_and_without_enough_months(ws: Workstation) -> None:
    young = RetirementPayload(
        catalogue_version="",
        id_number=WOMAN_1990,
        female_post="worker",
        deemed_months=300,
        materials=("personnel_file", "id_card", "retirement_form", "bank_card"),
    )
    with pytest.raises(ValidationError) as caught:
        items.apply_for_retirement(ws, "teller1", young)
    error = caught.value
    assert (error.field, error.code) == ("id_number", "not_of_age")
    # Born March 1990, original age 50 (March 2040): 60 months later under the 2024 decision.
    assert error.params["date"] == "2045-03-05" and error.params["age"] == "55周岁"

    with pytest.raises(ValidationErrors) as no_post:
        items.apply_for_retirement(
            ws, "teller1", RetirementPayload(catalogue_version="", id_number=WOMAN_1990)
        )
    assert ("female_post", "required") in {(e.field, e.code) for e in no_post.value.errors}

    short = RetirementPayload(
        catalogue_version="",
        id_number=MAN_1960,
        deemed_months=100,
        materials=("personnel_file", "id_card", "retirement_form", "bank_card"),
    )
    accepted = items.apply_for_retirement(ws, "teller1", short)  # the cache may lack records
    sync(ws)
    refused = state(ws, accepted.command_uuid)
    assert (refused.status, refused.reason_code) == ("rejected", "contributions_short")


# -- medical reimbursement ---------------------------------------------------------------------
def line(number: str, amount: str, self_paid: str = "0", day: str = "2026-01-05") -> InvoiceLine:
    return InvoiceLine(number, "深圳市人民医院", day, Decimal(amount), Decimal(self_paid))


def claim(*lines: InvoiceLine) -> ReimbursementPayload:
    return ReimbursementPayload(
        catalogue_version="",
        id_number=PATIENT,
        lines=lines,
        visit_kind="outpatient",
        materials=("id_card", "invoices", "itemised_bill"),
        window_number=1,
    )


def test_a_claim_totals_its_invoices_to_the_fen(ws: Workstation, central_db: Engine) -> None:
    accepted = items.claim_reimbursement(
        ws,
        "teller1",
        claim(
            line("44030012345601", "1234.56", "100.10"),
            line("44030012345602", "88.005", "8.004"),  # rounds half up to 88.01 and 8.00
            line("44030012345603", "0.50"),
        ),
    )
    sync(ws)
    assert state(ws, accepted.command_uuid).status == "applied"
    row = central_row(central_db, MedicalClaimRow, accepted.command_uuid)
    # 1234.56 + 88.01 + 0.50 = 1323.07; 100.10 + 8.00 + 0.00 = 108.10; 1323.07 − 108.10 = 1214.97
    assert (row.total, row.self_paid, row.eligible) == (
        Decimal("1323.07"),
        Decimal("108.10"),
        Decimal("1214.97"),
    )
    assert row.lines == 3 and row.status == "submitted"
    second = central_row(central_db, MedicalClaimLineRow, "44030012345602")
    assert (second.line_no, second.amount, second.self_paid) == (
        2,
        Decimal("88.01"),
        Decimal("8.00"),
    )
    receipt = items.case_document(ws, accepted.command_uuid, "王柜员", 1)
    assert isinstance(receipt, AcceptanceReceipt)
    invoices = next(m for m in receipt.received if m.name_zh == "医疗费用发票")
    assert invoices.count == 3 and "¥1,323.07" in invoices.note and "¥108.10" in invoices.note


def test_duplicate_invoices_are_refused(ws: Workstation, central_db: Engine) -> None:
    with pytest.raises(ValidationErrors) as twice:
        items.claim_reimbursement(
            ws, "teller1", claim(line("5500001", "10.00"), line("55 00 001", "12.00", "13.00"))
        )
    assert {(e.field, e.code) for e in twice.value.errors} == {
        ("lines.1.invoice_number", "duplicate"),
        ("lines.1.self_paid", "more_than_amount"),
    }
    # An invoice claimed in another hall: the centre holds it, this cache does not.
    with Session(central_db) as session, session.begin():
        session.add(
            MedicalClaimRow(
                id="claim-elsewhere",
                id_number=PATIENT,
                lines=1,
                total=Decimal("300.00"),
                self_paid=Decimal("0.00"),
                eligible=Decimal("300.00"),
                status="submitted",
                hall_code="HALL02",
                submitted_by="teller2",
                submitted_at=dt.datetime(2026, 1, 10, 9, 0),
            )
        )
        session.add(
            MedicalClaimLineRow(
                invoice_number="66000099",
                claim_id="claim-elsewhere",
                line_no=1,
                hospital="南京市第一医院",
                invoice_date=dt.date(2026, 1, 6),
                amount=Decimal("300.00"),
                self_paid=Decimal("0.00"),
            )
        )
    accepted = items.claim_reimbursement(
        ws, "teller1", claim(line("77000001", "20.00"), line("66000099", "300.00"))
    )
    assert local_row(ws, MedicalClaimRow, accepted.command_uuid) is not None  # the cache agreed
    sync(ws)
    refused = state(ws, accepted.command_uuid)
    assert (refused.status, refused.reason_code) == ("rejected", "invoice_claimed")
    assert central_row(central_db, MedicalClaimLineRow, "77000001") is None
    assert local_row(ws, MedicalClaimRow, accepted.command_uuid) is None  # undone


# -- consultation and complaints ---------------------------------------------------------------
def test_an_anonymous_consultation_is_logged_and_finished(
    ws: Workstation, central_db: Engine
) -> None:
    with pytest.raises(ValidationErrors) as caught:
        items.log_consultation(
            ws, "teller1", ConsultationPayload(catalogue_version="", topic="weather", question="")
        )
    assert {(e.field, e.code) for e in caught.value.errors} == {
        ("topic", "choice"),
        ("question", "required"),
        ("answer", "required"),
    }
    accepted = items.log_consultation(
        ws,
        "teller1",
        ConsultationPayload(
            catalogue_version="",
            topic="transfer",
            question="跨省转移养老保险需要多久？",
            answer="按国办发〔2009〕66号，一般不超过45个工作日。",
            window_number=1,
        ),
    )
    referred = items.log_consultation(
        ws,
        "teller1",
        ConsultationPayload(
            catalogue_version="", topic="other", question="异地就医备案？", referred=True
        ),
    )
    sync(ws)
    row = central_row(central_db, ConsultationRow, accepted.command_uuid)
    assert (row.topic, row.id_number, row.referred) == ("transfer", None, False)
    case = central_row(central_db, CaseRow, accepted.command_uuid)
    assert (case.item_code, case.status, case.id_number) == ("SVC-CONSULT", "completed", None)
    assert central_row(central_db, ConsultationRow, referred.command_uuid).referred is True
    slip = items.case_document(ws, accepted.command_uuid, "王柜员", 1)
    assert isinstance(slip, ResultSlip) and slip.customer.name == "来访群众"
    assert [(f.label_zh, f.value) for f in slip.figures] == [
        ("咨询类别", "关系转移"),
        ("是否转办", "否"),
    ]


def test_a_complaint_is_answered_by_a_supervisor(ws: Workstation, central_db: Engine) -> None:
    payload = ComplaintPayload(
        catalogue_version="",
        kind="complaint",
        about="window",
        about_detail="3号窗口",
        content="等候时间过长。",
        contact_name="周先生",
        contact_phone="13900139000",
        window_number=1,
    )
    accepted = items.receive_complaint(ws, "teller1", payload)
    sync(ws)
    row = central_row(central_db, ComplaintRow, accepted.command_uuid)
    case = central_row(central_db, CaseRow, accepted.command_uuid)
    assert row.status == "open" and row.due_date == case.promised_date
    assert case.item_code == "SVC-COMPLAINT" and case.status == "in_review"
    listed = items.open_complaints(ws)
    assert [c.id for c in listed] == [accepted.command_uuid]
    assert listed[0].received_by_name == "王柜员" and listed[0].case_no == case.case_no

    with pytest.raises(PermissionDenied):  # a teller does not answer complaints
        items.answer_complaint(ws, "teller1", accepted.command_uuid, "已改进")
    with pytest.raises(ValidationErrors):
        items.receive_complaint(ws, "teller1", ComplaintPayload("", "complaint", "window", "", ""))
    answer = items.answer_complaint(ws, "boss", accepted.command_uuid, "已增开窗口，并向您致歉。")
    sync(ws)
    assert state(ws, answer.command_uuid).status == "applied"
    row = central_row(central_db, ComplaintRow, accepted.command_uuid)
    assert (row.status, row.answered_by, row.answer) == (
        "answered",
        "boss",
        "已增开窗口，并向您致歉。",
    )
    assert central_row(central_db, CaseRow, accepted.command_uuid).status == "completed"
    assert items.open_complaints(ws) == []
    with pytest.raises(Conflict) as again:
        items.answer_complaint(ws, "boss", accepted.command_uuid, "再次答复")
    assert again.value.code == "already_answered"


def test_the_receiver_of_a_complaint_does_not_answer_it(ws: Workstation) -> None:
    accepted = items.receive_complaint(
        ws,
        "boss",
        ComplaintPayload(
            "", "suggestion", "item", "医保零星报销", "希望增加网上办理。", "", "13900139000"
        ),
    )
    with pytest.raises(Conflict) as caught:
        items.answer_complaint(ws, "boss", accepted.command_uuid, "收到")
    assert caught.value.code == "own_complaint"
