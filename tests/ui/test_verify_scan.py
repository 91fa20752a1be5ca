"""核验 with a barcode scanner: what zbarimg reads off a printed certificate, typed into the
dialog's field followed by Enter (as a scanner in keyboard mode does), is confirmed genuine
by the central service; a code that is not confirmed is explained by its problem code, in
the UI language."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from readback import needs_zbarimg, scan_pdf
from sqlalchemy import text
from sqlalchemy.orm import Session

from counter_app.client.workstation import Workstation
from counter_app.items.person_enroll import KIND as ENROLL
from counter_app.printing import documents
from counter_app.printing.pdf import render_pdf
from counter_app.printing.verification import make_code
from counter_app.services.certificates import (
    CONTENT_DIFFERS,
    JOURNAL_MODIFIED,
    NO_JOURNAL_ENTRY,
    PERSONAL,
    PROBLEM_CODES,
    UNKNOWN_CODE,
    IssuedCertificate,
    Verification,
    issue_certificate,
)
from counter_app.services.document_printing import office
from counter_app.storage.shared_models import CertificateRow
from counter_app.ui.ops import wait_for_background
from counter_app.ui.verify_dialog import VerifyDialog

PERSON = "11010519491231002X"  # the example of GB 11643-1999


@pytest.fixture
def issued(ws: Workstation) -> IssuedCertificate:
    payload = {
        "id_number": PERSON,
        "name": "张三",
        "phone": "13800138000",
        "address": "",
        "category": "flexible",
        "insurance_types": ["pension", "medical"],
        "start_date": dt.date.today().isoformat(),
        "employer_code": "",
        "window_number": 3,
    }
    ws.execute(ws.command(ENROLL, payload, "teller1"))
    assert ws.sync_once().online
    return issue_certificate(ws, "teller1", PERSONAL, PERSON)


def scanned_payload(ws: Workstation, issued: IssuedCertificate, folder: Path) -> str:
    needs_zbarimg()
    doc = documents.proof_of_insurance_personal(
        office(ws, 3, "王柜员"), issued.content, issued.code, dt.datetime.now()
    )
    (scanned,) = scan_pdf(render_pdf(doc), folder, "certificate")
    return scanned


def scan_into(qtbot: Any, dialog: VerifyDialog, text: str) -> None:
    """Type ``text`` and Enter into the focused field, key by key, as a scanner does."""
    qtbot.keyClicks(dialog.code, text)
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)


def test_a_scanned_certificate_is_confirmed_genuine(
    qtbot: Any,
    ws: Workstation,
    issued: IssuedCertificate,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scanned = scanned_payload(ws, issued, tmp_path)
    assert scanned == f"COUNTER-VERIFY:{issued.code}"
    asked: list[str] = []
    ask_centre = ws.centre.verify_certificate

    def counted(code: str) -> Verification:
        asked.append(code)
        return ask_centre(code)

    monkeypatch.setattr(ws.centre, "verify_certificate", counted)
    dialog = VerifyDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    scan_into(qtbot, dialog, scanned)
    qtbot.waitUntil(lambda: "Genuine" in dialog.result.text(), timeout=10_000)
    assert "张三" in dialog.result.text()
    assert wait_for_background(10_000) and asked == [issued.code]  # Enter asks once

    # The text is selected after each check, so the next scan replaces it.
    scan_into(qtbot, dialog, "COUNTER-CASE:HALL01-20261124-00001")
    assert dialog.code.text() == "COUNTER-CASE:HALL01-20261124-00001"
    assert "HALL01-20261124-00001" in dialog.result.text()
    assert "Genuine" not in dialog.result.text()

    # Typed by hand: lower case, spaces instead of the hyphen, O for 0 and l for 1.
    typed = issued.code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    scan_into(qtbot, dialog, typed)
    qtbot.waitUntil(lambda: "Genuine" in dialog.result.text(), timeout=10_000)


def test_a_mistyped_code_is_refused_before_the_centre_is_asked(
    qtbot: Any, ws: Workstation, issued: IssuedCertificate
) -> None:
    dialog = VerifyDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    typo = issued.code[:-1] + ("0" if issued.code[-1] != "0" else "1")
    scan_into(qtbot, dialog, typo)
    assert "check character" in dialog.result.text()
    scan_into(qtbot, dialog, issued.code[:5])
    assert "11 characters" in dialog.result.text()


# -- a code that is not confirmed: the reason, by its problem code, in the UI language ------
def verify_in_dialog(qtbot: Any, ws: Workstation, code: str) -> str:
    dialog = VerifyDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    scan_into(qtbot, dialog, code)
    qtbot.waitUntil(lambda: "NOT genuine" in dialog.result.text(), timeout=10_000)
    return dialog.result.text()


def test_an_unknown_code_is_named_so(qtbot: Any, ws: Workstation) -> None:
    code = make_code(PERSONAL, "never-issued", "0" * 64)
    found = ws.centre.verify_certificate(code)
    assert not found.genuine and found.problem_code == UNKNOWN_CODE
    text = verify_in_dialog(qtbot, ws, code)
    assert "No certificate was issued with this verification code." in text
    assert found.problem not in text


def test_a_tampered_certificate_is_named_so(
    qtbot: Any, ws: Workstation, issued: IssuedCertificate, central_service: Any
) -> None:
    with central_service.db.owner.begin() as connection:  # as the database's owner could
        connection.execute(
            text("UPDATE certificates SET content = replace(content, '张三', '李四')")
        )
    found = ws.centre.verify_certificate(issued.code)
    assert found.problem_code == CONTENT_DIFFERS and found.journal_seq == issued.journal_seq
    text_shown = verify_in_dialog(qtbot, ws, issued.code)
    assert "differs from what was recorded" in text_shown and found.problem not in text_shown


def test_a_certificate_without_its_journal_entry_is_named_so(
    ws: Workstation, central_service: Any
) -> None:
    code = make_code(PERSONAL, "no-journal", "1" * 64)
    with Session(central_service.db.owner) as session, session.begin():
        session.add(
            CertificateRow(
                code=code, kind=PERSONAL, subject=PERSON, subject_name="张三", content="{}",
                content_hash="1" * 64, hall_code="HALL01", issued_by="teller1",
                issued_at=dt.datetime.now(), origin_command="00000000-0000-0000-0000-000000000000",
            )
        )  # fmt: skip
    assert ws.centre.verify_certificate(code).problem_code == NO_JOURNAL_ENTRY


def test_every_problem_has_a_text_in_each_language(qtbot: Any, ws: Workstation) -> None:
    dialog = VerifyDialog(ws)
    qtbot.addWidget(dialog)
    fallback = dialog.problem_text(Verification("X", False, "?", problem_code="new"))
    texts = {
        code: dialog.problem_text(
            Verification("X", False, "the English problem", journal_seq=7, problem_code=code)
        )
        for code in PROBLEM_CODES
    }
    assert fallback not in texts.values() and len(set(texts.values())) == len(PROBLEM_CODES)
    assert "7" in texts[JOURNAL_MODIFIED]
    assert all("English problem" not in t for t in texts.values())


def test_the_problems_read_in_chinese(qtbot: Any, ws: Workstation, chinese: None) -> None:
    dialog = VerifyDialog(ws)
    qtbot.addWidget(dialog)
    for code in [*PROBLEM_CODES, "new"]:
        shown = dialog.problem_text(
            Verification("X", False, "the English problem", journal_seq=7, problem_code=code)
        )
        assert re.search(r"[\u4e00-\u9fff]", shown) and not re.findall(r"[A-Za-z]{3,}", shown)
    code = make_code(PERSONAL, "never-issued", "0" * 64)
    dialog.show()
    scan_into(qtbot, dialog, code)
    qtbot.waitUntil(lambda: "核验未通过" in dialog.result.text(), timeout=10_000)
    assert not re.findall(r"[A-Za-z]{3,}", dialog.result.text())
