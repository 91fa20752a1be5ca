"""A day at window 3 with employers and personal data changes, through the real teller window.

An employer registers (a mistyped credit code marked first), then declares staff from a
roster workbook with bad rows (the report lists each row, the valid ones are declared);
then a person changes their telephone (finished on the spot) and the next one asks for a name
correction (a case in review, the registry unchanged). Each form prints its document, and
nothing of one customer is left on any form for the next.

Credit codes are built from GB 32100-2015 / GB 11714-1997 and ID numbers from GB 11643-1999
in ``tests/standards.py``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from PySide6.QtCore import Qt
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from standards import GB11643_CHECK_TABLE, gb11643_check, gb11643_id, gb32100_code
from teller_windows import open_window

from counter_app.client.workstation import Workstation
from counter_app.items.person_enroll import KIND as ENROLL
from counter_app.storage.employer_models import EmployerDetailsRow
from counter_app.storage.shared_models import CaseRow, InsuredPersonRow, PersonRow
from counter_app.ui.item_forms.employer_register_form import EmployerRegisterForm
from counter_app.ui.item_forms.person_change_form import PersonChangeForm
from counter_app.ui.item_forms.staff_change_form import StaffChangeForm
from counter_app.ui.print_preview import PrintPreviewDialog

EMPLOYER = gb32100_code("91440300", "MA5F1234")
PERSON_A = gb11643_id("44030519900307004")
PERSON_B = gb11643_id("11010519851224002")
STAFF = [gb11643_id(f"44030519880101{n:03d}") for n in range(1, 6)]


def wrong_check(number: str, table: str = "".join(GB11643_CHECK_TABLE)) -> str:
    right = gb11643_check(number[:17])
    return number[:17] + next(c for c in table if c != right)


def enrol(ws: Workstation, id_number: str, name: str) -> None:
    payload = {
        "id_number": id_number,
        "name": name,
        "phone": "13800138000",
        "address": "深圳市福田区1号",
        "category": "flexible",
        "insurance_types": ["pension", "medical"],
        "start_date": dt.date.today().isoformat(),
        "employer_code": "",
        "window_number": 3,
    }
    ws.execute(ws.command(ENROLL, payload, "teller1"))
    assert ws.sync_once().online


def roster_workbook(path: Path) -> Path:
    today = dt.date.today()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "身份证号码", "户籍性质", "户籍所在地/城市", "缴费基数", "变动日期",
                  "增减", "减员原因"])  # fmt: skip
    sheet.append(["钱一", STAFF[0], "城镇", "深圳", 6000, today, "增", None])
    sheet.append(["孙二", wrong_check(STAFF[1]), "城镇", "深圳", 5000, today, "增", None])
    sheet.append(["李三", STAFF[2], "农村", "湖南邵阳", 4500.5, today, "增", None])
    sheet.append(["周四", STAFF[3], "城镇", "深圳", None, today, "增", None])
    sheet.append(["吴五", STAFF[4], "城镇", "深圳", 7000, today, "增", None])
    book.save(path)
    return path


def preview_of(qtbot: Any, outcome: Any) -> PrintPreviewDialog:
    outcome.preview = None
    outcome.print_document()
    qtbot.waitUntil(lambda: outcome.preview is not None, timeout=10_000)
    preview: PrintPreviewDialog = outcome.preview
    return preview


def print_it(qtbot: Any, preview: PrintPreviewDialog, folder: Path) -> None:
    before = set(folder.glob("*.pdf")) if folder.exists() else set()
    preview.print_now()
    qtbot.waitUntil(lambda: preview.message.text() == "Printed.", timeout=10_000)
    assert len(set(folder.glob("*.pdf")) - before) == 1
    preview.close()


def test_employers_and_personal_changes_through_a_day(
    qtbot: Any, qtmodeltester: Any, ws: Workstation, tmp_path: Path, central_db: Engine
) -> None:
    pdf = tmp_path / "pdf"
    ws.config.printers = [{"name": "a4", "kind": "pdf", "connection": "file", "path": str(pdf)}]
    enrol(ws, PERSON_A, "赵敏")
    enrol(ws, PERSON_B, "钱多多")
    window = open_window(qtbot, ws)
    context, panel = window.context, window.customer

    # -- an employer registers; a mistyped credit code is marked, what was typed stays ----------
    form = window.show_item("REG-EMPLOYER")
    assert isinstance(form, EmployerRegisterForm)
    mistyped = EMPLOYER[:17] + ("0" if EMPLOYER[17] != "0" else "1")
    qtbot.keyClicks(form.credit_code, mistyped)
    form.credit_code.editingFinished.emit()
    assert form.employer_type.currentData() == "enterprise"  # 9 1: 工商 · 企业 (GB 32100)
    form.employer_name.insert("深圳市示范科技有限公司")  # typed through the input method
    form.industry.setCurrentIndex(form.industry.findData("I"))
    form.legal_representative.insert("李明")  # typed through the input method
    qtbot.keyClicks(form.established_on, "2020-05-01")
    form.address.insert("深圳市南山区科技园1号")  # typed through the input method
    form.contact_name.insert("王芳")  # typed through the input method
    qtbot.keyClicks(form.contact_phone, "0755-26000000")
    assert form.notice_button.isVisible() and not form.accept_button.isEnabled()
    form.checklist.tick_all()
    assert form.accept_button.isEnabled()
    form.submit()
    assert form.rows.errors["credit_code"].isVisible()
    assert "check character" in form.rows.errors["credit_code"].text()
    assert form.employer_name.text() == "深圳市示范科技有限公司"
    form.credit_code.setText(EMPLOYER)
    with qtbot.waitSignal(form.submitted, timeout=10_000):
        form.submit()
    qtbot.waitUntil(lambda: "HALL01-" in form.outcome.result.text(), timeout=20_000)
    assert "Finished on the spot" in form.outcome.result.text()
    assert context.employer_code == EMPLOYER
    with Session(central_db) as session:
        details = session.get(EmployerDetailsRow, EMPLOYER)
        assert details is not None and details.employer_number
        number = details.employer_number
    slip = preview_of(qtbot, form.outcome)
    text = slip.doc.plain_text()
    assert "办结单" in text and number in text and "深圳市示范科技有限公司" in text
    print_it(qtbot, slip, pdf)
    assert not form.has_unsaved_input()

    # -- the employer declares staff from a roster with bad rows ------------------------------
    staff = window.show_item("STAFF-CHANGE")
    assert isinstance(staff, StaffChangeForm)
    assert staff.credit_code.text() == EMPLOYER  # the employer being served
    path = roster_workbook(tmp_path / "增员名单.xlsx")
    with qtbot.waitSignal(staff.report_shown, timeout=10_000):
        staff.load_file(path)
    qtmodeltester.check(staff.model)
    assert staff.model.rowCount() == 5
    assert staff.summary.text() == "5 rows read: 3 valid, 2 with problems, 0 blank."
    results = [staff.model.index(r, 4).data() for r in range(5)]
    assert results[0] == results[2] == results[4] == "OK"
    assert "check digit" in results[1] and results[3] == "Contribution base: missing"
    staff.problems_only.setChecked(True)
    assert [staff.model.index(r, 0).data() for r in range(staff.model.rowCount())] == ["3", "5"]
    qtmodeltester.check(staff.model)
    staff.problems_only.setChecked(False)
    staff.all_or_nothing.setChecked(True)
    staff.checklist.tick_all()
    staff.submit()
    assert "2 rows have problems" in staff.outcome.result.text()
    staff.valid_only.setChecked(True)  # the default: valid rows are not held up
    with qtbot.waitSignal(staff.submitted, timeout=10_000):
        staff.submit()
    qtbot.waitUntil(lambda: "HALL01-" in staff.outcome.result.text(), timeout=20_000)
    with Session(central_db) as session:
        for n in (0, 2, 4):
            insured = session.get(InsuredPersonRow, STAFF[n])
            assert insured is not None and insured.employer_code == EMPLOYER
        assert session.get(InsuredPersonRow, STAFF[3]) is None
    slip = preview_of(qtbot, staff.outcome)
    assert "增员：3 人" in slip.doc.plain_text()
    print_it(qtbot, slip, pdf)

    # -- the next customer: nothing of the employer stays -------------------------------------
    window.new_customer()
    assert context.employer_code is None
    assert form.credit_code.text() == form.employer_name.text() == ""
    assert form.outcome.result.text() == "" and not form.checklist.received()
    assert staff.credit_code.text() == staff.file.text() == staff.summary.text() == ""
    assert staff.model.rowCount() == 0 and staff.report is None

    # -- a person changes their telephone: finished on the spot --------------------------------
    change = window.show_item("CHG-PERSON")
    assert isinstance(change, PersonChangeForm)
    qtbot.keyClicks(panel.id_input, PERSON_A)
    with qtbot.waitSignal(panel.person_selected, timeout=10_000):
        qtbot.keyClick(panel.id_input, Qt.Key.Key_Return)
    assert change.id_number.text() == PERSON_A and "赵敏" in change.current.text()
    qtbot.keyClicks(change.new_phone, "13912345678")
    change.checklist.boxes["id_card"].setChecked(True)
    change.checklist.boxes["change_form"].setChecked(True)
    with qtbot.waitSignal(change.submitted, timeout=10_000):
        change.submit()
    qtbot.waitUntil(lambda: "HALL01-" in change.outcome.result.text(), timeout=20_000)
    assert "Finished on the spot" in change.outcome.result.text()
    with Session(central_db) as session:
        person = session.get(PersonRow, PERSON_A)
        assert person is not None and person.phone == "13912345678"
    qtbot.waitUntil(lambda: "139****5678" in change.current.text(), timeout=10_000)
    slip = preview_of(qtbot, change.outcome)
    assert "办结单" in slip.doc.plain_text() and "13912345678" in slip.doc.plain_text()
    print_it(qtbot, slip, pdf)

    # -- the next person asks for a name correction: to approval, the registry unchanged --------
    window.new_customer()
    assert change.id_number.text() == change.new_phone.text() == change.current.text() == ""
    assert change.outcome.result.text() == "" and change.contact_mode.isChecked()
    panel.id_input.clear()
    qtbot.keyClicks(panel.id_input, PERSON_B)
    with qtbot.waitSignal(panel.person_selected, timeout=10_000):
        qtbot.keyClick(panel.id_input, Qt.Key.Key_Return)
    assert change.id_number.text() == PERSON_B and "钱多多" in change.current.text()
    change.key_mode.setChecked(True)
    assert not change.contact_box.isEnabled() and change.key_box.isEnabled()
    change.new_name.insert("钱多")  # typed through the input method
    change.reason.insert("户籍登记姓名变更")  # typed through the input method
    for code in ("id_card", "change_form", "household_register"):
        change.checklist.boxes[code].setChecked(True)
    change.submit()  # the proof of the change is missing
    assert "proof" in change.outcome.result.text()
    change.checklist.boxes["change_proof"].setChecked(True)
    with qtbot.waitSignal(change.submitted, timeout=10_000) as sent:
        change.submit()
    uuid = sent.args[0].command_uuid
    qtbot.waitUntil(lambda: "HALL01-" in change.outcome.result.text(), timeout=20_000)
    assert "Accepted: case" in change.outcome.result.text()
    with Session(central_db) as session:
        person = session.get(PersonRow, PERSON_B)
        case = session.get(CaseRow, uuid)
        assert person is not None and person.name == "钱多多"
        assert case is not None and case.status == "in_review" and case.review_level == 3
        assert json.loads(case.details)["requested"] == {"name": "钱多"}
    receipt = preview_of(qtbot, change.outcome)
    assert "受理回执" in receipt.doc.plain_text()
    print_it(qtbot, receipt, pdf)

    window.new_customer()
    for each in (form, staff, change):
        assert not each.has_unsaved_input()
    assert change.new_name.text() == change.reason.text() == "" and change.contact_mode.isChecked()
