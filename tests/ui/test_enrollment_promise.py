"""The enrollment tab shows the case's promised date (承诺办结) and the receipt prints it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session
from standards import gb11643_check

from counter_app.client.workstation import Workstation
from counter_app.domain import workdays
from counter_app.domain.workdays import HolidayCalendar
from counter_app.printing.documents import PROVISIONAL_DEADLINE_NOTE
from counter_app.printing.layout import KeyValue
from counter_app.services.auth import authenticate
from counter_app.storage.shared_models import CaseRow
from counter_app.ui.main_window import TellerWindow
from counter_app.ui.print_preview import PrintPreviewDialog
from counter_app.ui.tabs.enrollment_tab import EnrollmentTab

PERSON = "44030519880512004" + gb11643_check("44030519880512004")


@pytest.fixture
def calendar_without_arrangements() -> Iterator[None]:
    # No State Council arrangement for any year: every promise must come out provisional.
    workdays.set_default_calendar(HolidayCalendar(use_library=False))
    yield
    workdays.set_default_calendar(None)


def enroll_one(qtbot: Any, ws: Workstation) -> tuple[TellerWindow, EnrollmentTab]:
    """Log teller1 in and enroll PERSON through the tab, as a teller types it."""
    user = authenticate(ws.local, "teller1", "demo-teller1")
    window = TellerWindow(ws, user, 3)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.synced, timeout=20_000):
        window.show()
    tab = window.enrollment
    assert tab is not None
    qtbot.keyClicks(tab.id_number, PERSON)
    tab.name.insert("周芷若")
    qtbot.keyClicks(tab.phone, "13800138000")
    tab.insurance["pension"].setChecked(True)
    with qtbot.waitSignal(window.synced, timeout=20_000):
        tab.materials.tick_all()  # the ID card was shown
        tab.submit()
    return window, tab


def test_the_promise_is_shown_and_printed_as_recorded(qtbot: Any, ws: Workstation) -> None:
    _window, tab = enroll_one(qtbot, ws)
    assert tab.last_accepted is not None
    case_id = tab.last_accepted[0]

    def central_record() -> CaseRow | None:
        with Session(ws.local) as session:
            case = session.get(CaseRow, case_id)
            return case if case is not None and case.case_no else None

    # The centre's record (dated by the service's clock) reaches the cache with the pull.
    qtbot.waitUntil(lambda: central_record() is not None, timeout=20_000)
    case = central_record()
    assert case is not None and case.promised_date is not None
    promised, provisional = case.promised_date, case.promised_provisional
    # One working day after the day of acceptance: never the day itself.
    assert promised > case.accepted_at.date()

    qtbot.waitUntil(lambda: promised.isoformat() in tab.promise.text(), timeout=10_000)
    assert ("provisional" in tab.promise.text()) == provisional

    tab.print_receipt()
    qtbot.waitUntil(lambda: tab.findChild(PrintPreviewDialog) is not None, timeout=10_000)
    preview = tab.findChild(PrintPreviewDialog)
    assert preview is not None
    printed = [
        b.value for b in preview.doc.blocks if isinstance(b, KeyValue) and b.key == "承诺办结："
    ]
    note = f"（{PROVISIONAL_DEADLINE_NOTE}）" if provisional else ""
    assert printed == [f"{promised:%Y年%m月%d日}前{note}"]
    assert printed[0] != f"{dt.date.today():%Y年%m月%d日}前"
    preview.close()


def test_the_receipt_qr_brings_the_customer_back(
    qtbot: Any, ws: Workstation, tmp_path: Path
) -> None:
    """A customer returns with the acceptance receipt: the window scans its QR code into the
    panel (a scanner types what it reads) and is serving that person again."""
    from readback import needs_poppler, needs_zbarimg, scan_pdf

    from counter_app.printing.pdf import render_pdf

    needs_zbarimg()
    needs_poppler()
    window, tab = enroll_one(qtbot, ws)
    # The centre's case number reaches the cache with the pull.
    case_id = tab.last_accepted[0] if tab.last_accepted else ""

    def numbered() -> bool:
        with Session(ws.local) as session:
            case = session.get(CaseRow, case_id)
            return case is not None and bool(case.case_no)

    qtbot.waitUntil(numbered, timeout=20_000)
    tab.print_receipt()
    qtbot.waitUntil(lambda: tab.findChild(PrintPreviewDialog) is not None, timeout=10_000)
    preview = tab.findChild(PrintPreviewDialog)
    assert preview is not None
    scanned = scan_pdf(render_pdf(preview.doc, page="A5"), tmp_path, "receipt")
    preview.close()
    assert len(scanned) == 1 and scanned[0].startswith("COUNTER-CASE:")

    window.new_customer()
    panel = window.customer
    qtbot.waitUntil(lambda: window.context.id_number is None, timeout=5_000)
    qtbot.keyClicks(panel.id_input, scanned[0])
    panel.search()
    qtbot.waitUntil(lambda: window.context.id_number == PERSON, timeout=10_000)

    panel.id_input.clear()
    qtbot.keyClicks(panel.id_input, "COUNTER-CASE:NO-SUCH-CASE")
    panel.search()
    qtbot.waitUntil(lambda: panel.message.text() != "", timeout=10_000)
    assert window.context.id_number == PERSON  # an unknown receipt changes nobody
