"""The registry forms at window 3: a one-time notification between ordinary customers, and a
staff roster larger than one command declared in parts.

An employer comes without its business licence: the registration form offers the one-time
notification instead of Accept; the case is recorded as waiting for materials, numbered by
the centre, and the notification prints (read back from the PDF). The next employer is
registered as usual on the same form, nothing of the first one left. Then an employer hands
in a roster of 1,000 staff: it is declared in parts, each its own case, all on the staff at
the centre, and one document lists the parts; with one bad row and "nothing until fixed",
nothing is sent.

Credit codes come from GB 32100-2015 / GB 11714-1997 and ID numbers from GB 11643-1999
(``tests/standards.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from readback import pdftotext
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from standards import gb11643_id, gb32100_code
from teller_windows import open_window

from counter_app.client.workstation import Workstation
from counter_app.storage.employer_models import EmployerStaffRow
from counter_app.storage.shared_models import CaseRow
from counter_app.ui.item_forms.employer_register_form import EmployerRegisterForm
from counter_app.ui.item_forms.staff_change_form import StaffChangeForm
from counter_app.ui.main_window import TellerWindow

FIRST = gb32100_code("91440300", "MA5F2468")
SECOND = gb32100_code("91440300", "MA5F1357")
CHINESE_DIGITS = str.maketrans("0123456789", "零一二三四五六七八九")
HEADER = "姓名,身份证号码,户籍性质,户籍所在地/城市,缴费基数,变动日期,增减,减员原因\n"


def registration_window(
    qtbot: Any, ws: Workstation, tmp_path: Path
) -> tuple[TellerWindow, EmployerRegisterForm, Path]:
    """The teller window with a PDF printer, showing the registration form."""
    pdf = tmp_path / "pdf"
    ws.config.printers = [{"name": "a4", "kind": "pdf", "connection": "file", "path": str(pdf)}]
    window = open_window(qtbot, ws)
    form = window.show_item("REG-EMPLOYER")
    assert isinstance(form, EmployerRegisterForm)
    return window, form, pdf


def fill_registration(qtbot: Any, form: EmployerRegisterForm, code: str, name: str) -> None:
    qtbot.keyClicks(form.credit_code, code)
    form.credit_code.editingFinished.emit()
    form.employer_name.insert(name)  # typed through the input method
    form.industry.setCurrentIndex(form.industry.findData("I"))
    form.legal_representative.insert("李明")
    qtbot.keyClicks(form.established_on, "2020-05-01")
    form.address.insert("深圳市南山区科技园1号")
    form.contact_name.insert("王芳")
    qtbot.keyClicks(form.contact_phone, "0755-26000000")


def printed_text(qtbot: Any, preview: Any, folder: Path, tmp_path: Path) -> str:
    """Print the preview on the PDF printer; the text of the file written."""
    before = set(folder.glob("*.pdf")) if folder.exists() else set()
    preview.print_now()
    qtbot.waitUntil(lambda: preview.message.text() == "Printed.", timeout=10_000)
    preview.close()
    (written,) = set(folder.glob("*.pdf")) - before
    return re.sub(r"\s+", "", pdftotext(written.read_bytes(), tmp_path, name=written.stem))


def local_case(ws: Workstation, uuid: str) -> CaseRow:
    with Session(ws.local) as session:
        case = session.get(CaseRow, uuid)
        assert case is not None
        session.expunge(case)
        return case


def test_a_one_time_notification_between_two_ordinary_registrations(
    qtbot: Any, ws: Workstation, tmp_path: Path, central_db: Engine
) -> None:
    window, form, pdf = registration_window(qtbot, ws, tmp_path)

    # -- the first employer has no business licence with it ----------------------------------
    fill_registration(qtbot, form, FIRST, "深圳市甲乙科技有限公司")
    for code in form.checklist.boxes:
        form.checklist.boxes[code].setChecked(code != "business_licence")
    assert form.checklist.missing_required()
    assert form.notice_button.isVisible() and not form.accept_button.isEnabled()
    with (
        qtbot.waitSignal(form.outcome.printed, timeout=30_000) as opened,
        qtbot.waitSignal(form.submitted, timeout=10_000) as sent,
    ):
        form.notice_button.click()
    uuid = sent.args[0].command_uuid
    assert form.outcome.command_uuid == uuid and form.outcome.state is not None
    assert form.outcome.state.pending_materials
    case = local_case(ws, uuid)
    assert case.status == "materials_pending" and case.case_no and case.credit_code == FIRST
    text = printed_text(qtbot, opened.args[0], pdf, tmp_path)
    assert "一次性告知书" in text and case.case_no in text
    assert "营业执照" in text  # the material that is missing is listed
    assert "Waiting for materials" in form.outcome.result.text()
    with Session(central_db) as session:
        central = session.get(CaseRow, uuid)
        assert central is not None and central.status == "materials_pending"

    # -- the next employer: an empty form, registered as usual ---------------------------------
    window.new_customer()
    assert form.credit_code.text() == form.employer_name.text() == ""
    assert form.outcome.result.text() == "" and form.outcome.command_uuid is None
    assert not form.checklist.received() and not form.has_unsaved_input()
    fill_registration(qtbot, form, SECOND, "深圳市丙丁贸易有限公司")
    form.checklist.tick_all()
    assert form.accept_button.isEnabled() and not form.notice_button.isVisible()
    with qtbot.waitSignal(form.submitted, timeout=10_000) as sent:
        form.submit()
    second = sent.args[0].command_uuid
    assert second != uuid
    qtbot.waitUntil(lambda: "Finished on the spot" in form.outcome.result.text(), timeout=30_000)
    assert window.context.employer_code == SECOND
    assert local_case(ws, second).status == "completed"
    form.outcome.preview = None
    form.outcome.print_document()
    qtbot.waitUntil(lambda: form.outcome.preview is not None, timeout=10_000)
    text = printed_text(qtbot, form.outcome.preview, pdf, tmp_path)
    assert "办结单" in text and "深圳市丙丁贸易有限公司" in text
    assert "深圳市甲乙科技有限公司" not in text and "一次性告知书" not in text
    assert local_case(ws, uuid).status == "materials_pending"  # the first case waits on


def roster_file(path: Path, count: int, *, bad: bool = False) -> Path:
    """``count`` additions (born on consecutive days from 1970, Shenzhen Nanshan), and with
    ``bad`` one more row whose base is missing."""
    today = dt.date.today().isoformat()
    born = dt.date(1970, 1, 1)
    ids = [
        gb11643_id(f"440305{born + dt.timedelta(days=n):%Y%m%d}{101 + n % 800:03d}")
        for n in range(count)
    ]
    lines = [
        f"员工{str(n).translate(CHINESE_DIGITS)},{ids[n]},城镇,广东省深圳市南山区,{6000 + n}.00,"
        f"{today},增,"
        for n in range(count)
    ]
    if bad:
        lines.append(f"缺基数,{gb11643_id('44030519650101123')},城镇,深圳,,{today},增,")
    path.write_text("\ufeff" + HEADER + "".join(line + "\n" for line in lines), "utf-8")
    return path


def test_a_large_roster_is_declared_in_parts(
    qtbot: Any, ws: Workstation, tmp_path: Path, central_db: Engine
) -> None:
    window, register, pdf = registration_window(qtbot, ws, tmp_path)
    fill_registration(qtbot, register, FIRST, "深圳市甲乙科技有限公司")
    register.checklist.tick_all()
    with qtbot.waitSignal(register.submitted, timeout=10_000):
        register.submit()
    qtbot.waitUntil(lambda: "HALL01-" in register.outcome.result.text(), timeout=30_000)

    staff = window.show_item("STAFF-CHANGE")
    assert isinstance(staff, StaffChangeForm) and staff.credit_code.text() == FIRST
    staff.checklist.tick_all()

    # "nothing until fixed" with one bad row among 1,000: nothing is sent
    with qtbot.waitSignal(staff.report_shown, timeout=60_000):
        staff.load_file(roster_file(tmp_path / "名单一.csv", 1000, bad=True))
    staff.all_or_nothing.setChecked(True)
    staff.submit()
    assert staff.summary.text() == "1001 rows read: 1000 valid, 1 with problems, 0 blank."
    assert staff.outcome.result.text().startswith("1 rows have problems")
    assert ws.outbox_counts()["pending"] == 0

    # the valid rows: declared in parts
    with qtbot.waitSignal(staff.report_shown, timeout=60_000):
        staff.load_file(roster_file(tmp_path / "名单二.csv", 1000))
    assert staff.report is not None, staff.summary.text()
    assert len(staff.report.valid_rows) == 1000, staff.summary.text()
    with qtbot.waitSignal(staff.submitted, timeout=60_000):
        staff.submit()
    parts = staff.outcome.parts
    assert len(parts) >= 2  # a part holds about 700 rows
    qtbot.waitUntil(lambda: staff.outcome.settled, timeout=240_000)
    text = staff.outcome.result.text()
    numbers = [local_case(ws, uuid).case_no for uuid in parts]
    assert all(numbers)
    assert text.startswith(f"Declared in {len(parts)} parts (cases ")
    assert all(f"part {n}: case {number}" in text for n, number in enumerate(numbers, 1))
    with Session(central_db) as session:
        on_staff = session.scalars(
            select(EmployerStaffRow.id_number).where(EmployerStaffRow.credit_code == FIRST)
        ).all()
        assert len(set(on_staff)) == 1000
        assert all(session.get(CaseRow, uuid) is not None for uuid in parts)

    staff.outcome.preview = None
    staff.outcome.print_document()
    qtbot.waitUntil(lambda: staff.outcome.preview is not None, timeout=20_000)
    printed = printed_text(qtbot, staff.outcome.preview, pdf, tmp_path)
    for n, number in enumerate(numbers, 1):
        assert f"分批申报第{n}批（共{len(parts)}批）" in printed and number in printed
