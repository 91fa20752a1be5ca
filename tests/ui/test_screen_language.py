"""What the screens say: a Chinese screen shows no English words, an English one no Chinese.

The real windows are rendered offscreen with real data on them — the teller window of a
supervisor with every tab (an enrollment, a certificate issued and another one still pending
in the Sync tab, printed, failed and reprinted jobs in the print log, a queue with a waiting
ticket and a bad rating to follow up, the customer panel showing a person and their cases,
the enrollment form with its field errors), the login and authorization dialogs, the ticket
kiosk and the hall display. Every visible text is collected: window and dock titles, menus,
labels, buttons, group boxes, tab titles, combo box items, placeholders, table headers and
cells, list items. User data (names, the hall, numbers, codes, printer names) is removed
first; then

* in Simplified Chinese no ASCII word of three or more letters may remain, except the
  tokens in ``ALLOWED_WORDS`` (ID, PDF, QR, key names);
* in English no Han character may remain.

The Chinese run compiles ``resources/translations/counter_app_zh_CN.ts`` into a temporary
``.qm``; set ``COUNTER_TEST_TS`` to check another ``.ts`` file instead (a merged copy, say).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QTabWidget,
    QWidget,
)
from sqlalchemy.orm import Session
from standards import gb11643_check

from counter_app.catalogue.load import shipped_catalogue
from counter_app.client.workstation import Workstation
from counter_app.domain.commands import Command, new_command_id
from counter_app.domain.insurance import EnrollmentForm
from counter_app.domain.queue import TicketEvent
from counter_app.items.person_enroll import KIND as ENROLL_KIND
from counter_app.items.person_enroll import enrollment_payload
from counter_app.printing import documents
from counter_app.printing.documents import Office
from counter_app.services import queue
from counter_app.services.auth import authenticate
from counter_app.services.certificates import (
    KIND as CERTIFICATE_KIND,
)
from counter_app.services.certificates import (
    PERSONAL,
    content_hash,
    facts_for,
    issue_certificate,
)
from counter_app.services.document_printing import DocumentPrinter
from counter_app.storage.shared_models import CaseRow
from counter_app.ui import errors as errors_module
from counter_app.ui import i18n
from counter_app.ui.authorize_dialog import AuthorizeDialog
from counter_app.ui.hall_display import HallDisplay
from counter_app.ui.item_forms.generic_form import GenericForm
from counter_app.ui.kiosk import KioskWindow
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.main_window import TellerWindow
from counter_app.ui.ops import wait_for_background

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "counter_app_zh_CN.ts"
PERSON = "44030519900307004" + gb11643_check("44030519900307004")
PERSON_NAME = "赵敏"
HALL_NAME = "示范区社会保险经办服务大厅"
# ASCII words a Chinese screen may show: abbreviations and key names.
# (file formats a Chinese screen names as they are: PDF, Excel, CSV)
ALLOWED_WORDS = {"ID", "PDF", "QR", "USB", "Ctrl", "Enter", "Shift", "Esc", "Tab", "Excel", "CSV"}
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
ASCII_WORD = re.compile(r"[A-Za-z]{3,}")


class SilentSpeaker:
    def speak(self, text: str) -> None:
        pass


# -- language ------------------------------------------------------------------------------
def _lrelease(ts: Path, qm: Path) -> None:
    tool = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    if not Path(tool).exists():
        pytest.skip("pyside6-lrelease is not installed")
    subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)


@pytest.fixture(params=["zh_CN", "en"])
def language(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    lang = str(request.param)
    if lang == "zh_CN":
        folder = tmp_path / "translations"
        folder.mkdir()
        _lrelease(
            Path(os.environ.get("COUNTER_TEST_TS", str(TS))), folder / f"counter_app_{lang}.qm"
        )
        monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", folder)
    assert i18n.install_translators(app, lang)
    assert i18n.current_language() == lang
    try:
        yield lang
    finally:
        wait_for_background()
        i18n.install_translators(app, "en")


@pytest.fixture(autouse=True)
def unexpected_errors(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[BaseException]]:
    """A background failure nobody handles would open a modal box: record it instead."""
    errors: list[BaseException] = []
    monkeypatch.setattr(errors_module, "show_error", lambda _parent, exc: errors.append(exc))
    yield errors
    assert errors == [], f"background operations failed: {errors!r}"


# -- collecting what a screen says ---------------------------------------------------------
def _strip(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)  # rich text
    return re.sub(r"&(?=\w)", "", text)  # mnemonics


def _view_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts = []
    for column in range(model.columnCount()):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        texts.append(str(header or ""))
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            texts.append(str(model.data(model.index(row, column)) or ""))
    return texts


def screen_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything visible on ``root`` and its menus."""
    found: list[tuple[str, str]] = [(type(root).__name__, root.windowTitle())]
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            found.append(("menu", action.text()))
            menu = action.menu()
            if menu is not None:
                found += [("menu", a.text()) for a in menu.actions()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        where = f"{type(widget).__name__}#{widget.objectName() or '?'}"
        texts: list[str] = []
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts = [widget.text()]
        elif isinstance(widget, QLineEdit):
            texts = [widget.placeholderText()]  # the typed text is user data
        elif isinstance(widget, QComboBox):
            texts = [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QGroupBox):
            texts = [widget.title()]
        elif isinstance(widget, QTabWidget):
            texts = [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QDockWidget):
            texts = [widget.windowTitle()]
        elif isinstance(widget, QListWidget):
            texts = [widget.item(i).text() for i in range(widget.count())]
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            texts = _view_texts(widget)  # a header view's model is its table's: seen there
        found += [(where, _strip(t)) for t in texts if t and t.strip()]
    return found


def problems(texts: list[tuple[str, str]], language: str, user_data: set[str]) -> list[str]:
    """The texts that show the other language, with the offending words."""
    bad = []
    for where, text in texts:
        cleaned = text
        for data in sorted(user_data, key=len, reverse=True):
            cleaned = cleaned.replace(data, " ")
        if language == "en":
            offending = sorted(set(HAN.findall(cleaned)))
        else:
            offending = sorted(set(ASCII_WORD.findall(cleaned)) - ALLOWED_WORDS)
        if offending:
            bad.append(f"{where}: {text!r} → {' '.join(offending)}")
    return bad


def report(language: str, bad: list[str]) -> str:
    return f"in {language} the screens show:\n" + "\n".join(sorted(set(bad)))


# -- the data on the screens ---------------------------------------------------------------
@pytest.fixture
def hall_day(ws: Workstation, tmp_path: Path, central_db: Any) -> set[str]:
    """A day's work in the hall; returns the user data the screens may show as it is."""
    ws.config.printers = [
        {"name": "a4", "kind": "pdf", "connection": "file", "path": str(tmp_path / "pdf")},
        {"name": "counter", "host": "127.0.0.1", "port": 1, "timeout_s": 0.5},
    ]
    today = dt.date.today()
    enrollment = EnrollmentForm(
        id_number=PERSON,
        name=PERSON_NAME,
        phone="13800138000",
        address="深圳市南山区科技园",
        category="flexible",
        insurance_types=["pension", "medical"],
        start_date=today.isoformat(),
    ).validate(today)
    accepted = ws.execute(ws.command(ENROLL_KIND, enrollment_payload(enrollment, 3), "boss"))
    ws.sync_once()
    issued = issue_certificate(ws, "boss", PERSONAL, PERSON)

    printer = DocumentPrinter(ws)
    where = Office(HALL_NAME, 3, "陈科长")
    proof = documents.proof_of_insurance_personal(
        where, issued.content, issued.code, dt.datetime.now()
    )
    printer.print(proof, "a4", accepted.command_uuid)  # a case's id: shown as its number
    printer.print(proof, "a4", issued.code)
    printer.print(proof, "counter", issued.code)  # the printer is off: kept as failed
    proof.reprint = True
    printer.print(proof, "a4", issued.code, authorized_by="boss")

    central = central_db
    served = queue.issue_ticket(central, "HALL01", "A")
    queue.call_next(central, "HALL01", 3, ["A"], "teller1", key="screen-language")
    queue.apply_event(central, served.id, TicketEvent.START)
    queue.apply_event(central, served.id, TicketEvent.FINISH)
    queue.rate(central, served.id, 1)  # opens a follow-up for the supervisor
    queue.issue_ticket(central, "HALL01", "A")
    queue.issue_ticket(central, "HALL01", "B")

    with Session(ws.local) as session:
        case_numbers = {c.case_no for c in session.query(CaseRow).all() if c.case_no}
    return {
        *(item.code for item in shipped_catalogue().items),  # catalogue codes, as printed
        PERSON_NAME,
        HALL_NAME,
        "王柜员",
        "李复核",
        "管理员",
        "陈科长",
        "HALL01",
        ws.config.workstation_id,
        "a4",
        "counter",
        issued.code,
        *case_numbers,
    }


def pend_a_certificate(ws: Workstation, central_db: Any) -> str:
    """A ``certificate.issue`` accepted on this workstation and not yet sent to the centre."""
    with Session(central_db) as session:
        content = facts_for(session, PERSONAL, PERSON, dt.date.today())
    command_uuid = new_command_id()
    code = f"PEND{content_hash(content)[:4].upper()}"
    ws.execute(
        Command(
            kind=CERTIFICATE_KIND,
            payload={"kind": PERSONAL, "subject": PERSON, "content": content, "code": code},
            actor="boss",
            workstation=ws.config.workstation_id,
            hall_code=ws.config.hall_code,
            uuid=command_uuid,
        )
    )
    return code


# -- the screens ---------------------------------------------------------------------------
def test_the_teller_window_speaks_one_language(
    qtbot: Any, ws: Workstation, hall_day: set[str], language: str, central_db: Any
) -> None:
    user = authenticate(ws.local, "boss", "demo-supervisor")
    window = TellerWindow(ws, user, 3, lock_after_ms=0)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.synced, timeout=20_000):
        window.show()
    window.stop_sync()  # what follows stays pending, as offline
    assert wait_for_background(20_000)
    hall_day.add(pend_a_certificate(ws, central_db))
    window.refresh_views()

    window.customer.id_input.setText(PERSON)
    with qtbot.waitSignal(window.customer.person_selected, timeout=10_000):
        window.customer.search()
    assert window.enrollment is not None and window.follow_ups is not None
    window.enrollment.clear()
    window.enrollment.submit()  # an empty form: every field error is shown
    generic = window.show_item("INJ-MEDICAL-CLAIM")  # a generic form, its errors shown too
    assert isinstance(generic, GenericForm)
    generic.notify()
    assert generic.fields.errors["amount"].isVisible()
    # the enrollment and the pending certificate (an issued one never goes through the outbox)
    qtbot.waitUntil(lambda: window.sync_tab.model.rowCount() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: window.cases_tab.model.rowCount() == 3, timeout=10_000)
    qtbot.waitUntil(lambda: window.print_jobs_tab.model.rowCount() == 4, timeout=10_000)
    qtbot.waitUntil(lambda: window.follow_ups.model.rowCount() == 1, timeout=10_000)
    assert window.queue_dock is not None
    qtbot.waitUntil(lambda: bool(window.queue_dock.waiting_label.text()), timeout=10_000)
    assert window.customer.cases.count() == 1

    everything = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda i=index: window.tabs.currentWidget().isVisible())
        everything += screen_texts(window)
    bad = problems(everything, language, hall_day)
    assert bad == [], report(language, bad)


def test_the_dialogs_speak_one_language(
    qtbot: Any, ws: Workstation, hall_day: set[str], language: str
) -> None:
    login = LoginDialog(ws)
    qtbot.addWidget(login)
    login.show()
    login.username.setText("teller1")
    login.password.setText("wrong-password")
    login.login_button.click()
    qtbot.waitUntil(lambda: bool(login.message.text()), timeout=10_000)
    bad = problems(screen_texts(login), language, hall_day)

    authorize = AuthorizeDialog(ws, "", "reprint:language-check")
    qtbot.addWidget(authorize)
    authorize.show()
    authorize.username.setText("teller1")
    authorize.password.setText("demo-teller1")
    authorize.check()  # a teller may not authorize
    qtbot.waitUntil(lambda: bool(authorize.message.text()), timeout=10_000)
    bad += problems(screen_texts(authorize), language, hall_day)
    assert bad == [], report(language, bad)


def test_the_kiosk_and_the_hall_display_speak_one_language(
    qtbot: Any,
    ws: Workstation,
    hall_day: set[str],
    language: str,
    central_db: Any,
) -> None:
    kiosk = KioskWindow(ws)
    qtbot.addWidget(kiosk)
    kiosk.show()
    bad = problems(screen_texts(kiosk), language, hall_day)

    display = HallDisplay(ws, SilentSpeaker())
    qtbot.addWidget(display)
    display.show()
    qtbot.waitUntil(lambda: display.last_seq is not None, timeout=10_000)
    seen = display.last_seq
    queue.call_next(central_db, "HALL01", 3, ["A"], "teller1", key="display-call")
    qtbot.waitUntil(lambda: display.last_seq != seen, timeout=10_000)  # the call is shown
    bad += problems(screen_texts(display), language, hall_day)
    assert bad == [], report(language, bad)
