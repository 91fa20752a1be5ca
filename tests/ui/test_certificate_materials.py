"""参保证明 with its materials checklist: customer after customer at window 3.

The proof of insurance is a catalogue item (CERT-PERSON, CERT-EMPLOYER) with mandatory
materials like any other: without them no certificate is issued, and the one-time
notification (一次性告知书) records the case as waiting for materials. Against a real centre:

1. a person without their ID card: issuing is refused on the spot, the notification's case
   waits for materials at the centre, under the catalogue version the tab was built from;
2. the next person shows the card: the proof is issued — nothing of the first one's ticks,
   messages or notification is left;
3. an employer's agent without the letter of introduction, then with it;
4. a new customer finds an empty tab.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session
from standards import gb11643_check, gb32100_code
from teller_windows import open_window

from counter_app.centre import bootstrap
from counter_app.client.workstation import Workstation
from counter_app.domain.insurance import EnrollmentForm
from counter_app.items.person_enroll import KIND as ENROLL_KIND
from counter_app.items.person_enroll import enrollment_payload
from counter_app.services.certificates import EMPLOYER, PERSONAL
from counter_app.storage.shared_models import CaseRow, EmployerRow
from counter_app.ui.main_window import TellerWindow
from counter_app.ui.print_preview import PrintPreviewDialog
from counter_app.ui.tabs.certificate_tab import CertificateTab

FORGETFUL = "44030519900307004" + gb11643_check("44030519900307004")
PREPARED = "11010519851224002" + gb11643_check("11010519851224002")
NAMES = {FORGETFUL: "赵敏", PREPARED: "钱多多"}
COMPANY = gb32100_code("91110105", "MA01B2C3")


def enroll(ws: Workstation, id_number: str) -> None:
    today = dt.date.today()
    enrollment = EnrollmentForm(
        id_number=id_number,
        name=NAMES[id_number],
        phone="13800138000",
        address="深圳市南山区科技园",
        category="flexible",
        insurance_types=["pension", "medical"],
        start_date=today.isoformat(),
    ).validate(today)
    ws.execute(ws.command(ENROLL_KIND, enrollment_payload(enrollment, 3), "teller1"))


def identify(qtbot: Any, window: TellerWindow, id_number: str) -> None:
    window.new_customer()
    with qtbot.waitSignal(window.customer.person_selected, timeout=10_000):
        window.customer.lookup(id_number)


def assert_clean(tab: CertificateTab) -> None:
    """Nothing of an earlier customer: no ticks, no message, no notification."""
    assert tab.materials.received() == ()
    assert tab.result.text() == "" and tab.notice_outcome.result.text() == ""
    assert tab.notice_outcome.command_uuid is None and tab.last is None
    assert not tab.notice_outcome.print_button.isVisible()
    assert tab.notice_button.isVisible()  # nothing shown yet: the card is missing again
    assert not tab.has_unsaved_input()


def central_case(central: Any, case_id: str) -> CaseRow:
    with Session(central) as session:
        case = session.get(CaseRow, case_id)
        assert case is not None
        session.expunge(case)
        return case


def close_previews(tab: CertificateTab) -> None:
    for preview in tab.findChildren(PrintPreviewDialog):
        preview.close()
        preview.deleteLater()


def test_no_proof_without_the_mandatory_materials_and_nothing_carried_over(
    qtbot: Any, ws: Workstation, central_db: Any, tmp_path: Any
) -> None:
    ws.config.printers = [
        {"name": "a4", "kind": "pdf", "connection": "file", "path": str(tmp_path / "pdf")}
    ]
    for id_number in NAMES:
        enroll(ws, id_number)
    assert ws.sync_once().push.applied == 2  # type: ignore[union-attr]
    bootstrap.bulk_load(
        central_db, EmployerRow, [{"credit_code": COMPANY, "name": "示范科技有限公司"}]
    )
    window = open_window(qtbot, ws)
    tab = window.show_item("CERT-PERSON")
    assert isinstance(tab, CertificateTab) and tab is window.certificates and tab.isVisible()
    assert tab.catalogue_item.code == "CERT-PERSON"
    assert tab.catalogue_version == window.catalogue.version
    # The item's own materials: the ID card is mandatory, an agent's papers are optional.
    assert set(tab.materials.boxes) == {"id_card", "authorisation"}
    assert [m.code for m in tab.materials.missing_required()] == ["id_card"]
    assert tab.materials.isVisible() and tab.notice_button.isVisible()

    # -- customer 1 forgot the ID card: no proof, the one-time notification instead.
    identify(qtbot, window, FORGETFUL)
    assert tab.subject.text() == FORGETFUL and not tab.has_unsaved_input()
    tab.materials.boxes["authorisation"].setChecked(True)  # optional: does not help
    assert tab.has_unsaved_input()
    tab.issue()
    assert "Mandatory materials are missing" in tab.result.text()
    assert "Resident ID card or social security card" in tab.result.text()
    assert tab.last is None and tab.issue_button.isEnabled()
    assert tab.findChild(PrintPreviewDialog) is None  # nothing was asked of the centre
    with qtbot.waitSignal(tab.notice_outcome.printed, timeout=30_000) as printed:
        tab.notice_button.click()  # opens once the centre numbered the case
    preview = printed.args[0]
    assert isinstance(preview, PrintPreviewDialog) and preview.isVisible()
    notice_case = tab.notice_outcome.command_uuid
    assert notice_case is not None
    case = central_case(central_db, notice_case)
    assert case.status == "materials_pending" and case.item_code == "CERT-PERSON"
    assert case.id_number == FORGETFUL and case.case_no
    assert case.catalogue_version == tab.catalogue_version
    assert "Waiting for materials" in tab.notice_outcome.result.text()
    assert case.case_no in tab.notice_outcome.result.text()
    close_previews(tab)

    # -- customer 2 shows the card: the proof is issued, nothing of customer 1 is left.
    identify(qtbot, window, PREPARED)
    assert tab.subject.text() == PREPARED
    assert tab.materials.received() == () and tab.result.text() == ""
    assert tab.notice_outcome.result.text() == "" and tab.notice_outcome.command_uuid is None
    assert tab.notice_button.isVisible()
    tab.materials.boxes["id_card"].setChecked(True)
    assert not tab.notice_button.isVisible() and tab.missing_text() is None
    with qtbot.waitSignal(tab.issued, timeout=20_000) as issued:
        tab.issue()
    certificate = issued.args[0]
    assert certificate.kind == PERSONAL and certificate.subject == PREPARED
    assert certificate.code in tab.result.text()
    assert tab.findChild(PrintPreviewDialog) is not None
    assert not tab.has_unsaved_input() and tab.shows_result()
    close_previews(tab)

    # -- customer 3: an employer's agent, first without the letter of introduction.
    window.new_customer()
    assert_clean(tab)
    assert tab.subject.text() == ""
    tab.kind.setCurrentIndex(tab.kind.findData(EMPLOYER))
    assert tab.catalogue_item.code == "CERT-EMPLOYER"
    assert set(tab.materials.boxes) == {"agent_id", "introduction"}
    assert tab.materials.received() == ()
    tab.subject.setText(COMPANY)
    tab.materials.boxes["agent_id"].setChecked(True)
    assert tab.notice_button.isVisible()
    tab.issue()
    assert "Employer's letter of introduction (sealed)" in tab.result.text()
    assert "Agent's ID card" not in tab.result.text() and tab.last is None
    tab.materials.boxes["introduction"].setChecked(True)
    with qtbot.waitSignal(tab.issued, timeout=20_000) as issued:
        tab.issue()
    assert issued.args[0].kind == EMPLOYER and issued.args[0].subject == COMPANY
    close_previews(tab)
    assert window.context.employer_code == COMPANY  # the employer being dealt with

    # -- customer 4: an empty tab (the kind chosen stays, its materials unticked).
    window.new_customer()
    assert tab.subject.text() == "" and tab.materials.received() == ()
    assert tab.result.text() == "" and tab.last is None
    assert set(tab.materials.boxes) == {"agent_id", "introduction"}
    tab.kind.setCurrentIndex(tab.kind.findData(PERSONAL))
    assert_clean(tab)
