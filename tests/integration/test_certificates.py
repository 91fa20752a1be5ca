"""Proofs of insurance: issued by the centre (counter-central) only, verifiable from its
journal, also from what a scanner reads off the printed QR code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from counter_app.client.workstation import Workstation
from counter_app.domain.errors import CentralUnavailable, Conflict
from counter_app.items.person_enroll import KIND as ENROLL
from counter_app.services.certificates import (
    CONTENT_DIFFERS,
    KIND,
    PERSONAL,
    UNKNOWN_CODE,
    issue_certificate,
)
from counter_app.services.counter_lookups import command_state
from counter_app.storage.shared_models import CertificateRow

PERSON = "11010519491231002X"  # the example of GB 11643-1999


@pytest.fixture
def ws(make_workstation: Any) -> Workstation:
    ws: Workstation = make_workstation("WS-A")
    ws.centre.login("teller1", "demo-teller1")
    assert ws.sync_once().online
    payload = {
        "id_number": PERSON,
        "name": "张三",
        "phone": "13800138000",
        "address": "",
        "category": "flexible",
        "insurance_types": ["pension", "medical"],
        "start_date": dt.date.today().isoformat(),
        "employer_code": "",
        "window_number": 1,
    }
    ws.execute(ws.command(ENROLL, payload, "teller1"))
    assert ws.sync_once().online
    return ws


def test_issue_and_verify_a_personal_proof(ws: Workstation) -> None:
    issued = issue_certificate(ws, "teller1", PERSONAL, PERSON.lower())
    assert issued.subject == PERSON
    assert issued.content["name"] == "张三"
    assert [i["type"] for i in issued.content["insurance"]] == ["medical", "pension"]
    assert issued.content["id_number_masked"] == "110105********002X"
    assert issued.content["as_of"] == ws.centre.service_time().date().isoformat()

    result = ws.centre.verify_certificate(issued.code.lower())
    assert result.genuine and result.journal_seq == issued.journal_seq
    assert result.content == issued.content and result.issued_by == "teller1"

    unknown = ws.centre.verify_certificate("NOSUCHCODE")
    assert not unknown.genuine and unknown.problem_code == UNKNOWN_CODE


def test_a_tampered_certificate_row_fails_verification(
    ws: Workstation, central_service: Any
) -> None:
    issued = issue_certificate(ws, "teller1", PERSONAL, PERSON)
    with central_service.db.owner.begin() as connection:
        connection.execute(
            text("UPDATE certificates SET content = replace(content, '张三', '李四')")
        )
    result = ws.centre.verify_certificate(issued.code)
    assert not result.genuine and result.problem_code == CONTENT_DIFFERS
    assert "differs" in result.problem


def test_the_centre_refuses_facts_it_does_not_hold(ws: Workstation) -> None:
    """A workstation that sends a certificate command of its own making is rejected."""
    content = {
        "name": "张三",
        "id_number_masked": "110105********002X",
        "insured_number": "999",
        "category": "flexible",
        "employer_code": "",
        "insurance": [],
        "as_of": dt.date.today().isoformat(),
    }
    forged = ws.command(
        KIND, {"kind": PERSONAL, "subject": PERSON, "content": content, "code": "X1"}, "teller1"
    )
    ws.execute(forged)
    assert ws.sync_once().online
    state = command_state(ws, forged.uuid)
    assert state is not None and state.status == "rejected"
    assert state.reason_code == "stale_content"


def test_no_proof_for_someone_not_insured(ws: Workstation) -> None:
    with pytest.raises(Conflict) as caught:
        issue_certificate(ws, "teller1", PERSONAL, "310115198507150032")
    assert caught.value.code == "not_insured"


def test_no_proof_while_the_centre_is_unreachable(ws: Workstation, central_service: Any) -> None:
    central_service.stop()
    with pytest.raises(CentralUnavailable):
        issue_certificate(ws, "teller1", PERSONAL, PERSON)
    assert ws.outbox_counts()["pending"] == 0


def test_certificates_reach_the_cache_of_the_issuing_workstation(ws: Workstation) -> None:
    issued = issue_certificate(ws, "teller1", PERSONAL, PERSON)
    assert ws.sync_once().online  # the normal pull brings the centre's row
    with Session(ws.local) as session:
        row = session.get(CertificateRow, issued.code)
    assert row is not None and row.origin_command == issued.command_uuid


def test_the_code_is_typeable_and_checked(ws: Workstation) -> None:
    from counter_app.printing.verification import parse_code

    issued = issue_certificate(ws, "teller1", PERSONAL, PERSON)
    assert parse_code(issued.code) == issued.code and len(issued.code) == 12
    assert ws.centre.verify_certificate(issued.code).genuine


# ---- the printed QR code, read back by a scanner, verifies (tests/readback.py) ----


def print_certificate(ws: Workstation, issued: Any, folder: Path) -> dict[str, bytes]:
    """Print ``issued`` as the certificate tab does, on a PDF, a raster and a text printer."""
    from counter_app.printing import documents
    from counter_app.services.document_printing import DocumentPrinter, office

    ws.config.printers = [
        {"name": "a4", "kind": "pdf", "connection": "file", "path": str(folder / "pdf")},
        {"name": "raster", "connection": "file", "path": str(folder / "raster.bin"),
         "raster": True, "paper_mm": 80},
        {"name": "text", "connection": "file", "path": str(folder / "text.bin")},
    ]  # fmt: skip
    doc = documents.proof_of_insurance_personal(
        office(ws, 1, "王柜员"), issued.content, issued.code, dt.datetime.now()
    )
    printer = DocumentPrinter(ws)
    for name in ("a4", "raster", "text"):
        assert printer.print(doc, name, issued.code).status == "printed"
    (pdf,) = (folder / "pdf").glob("a4-*.pdf")
    return {
        "pdf": pdf.read_bytes(),
        "raster": (folder / "raster.bin").read_bytes(),
        "text": (folder / "text.bin").read_bytes(),
    }


def test_the_scanned_qr_code_of_an_issued_certificate_verifies(
    ws: Workstation, tmp_path: Path
) -> None:
    from readback import decode_escpos, needs_zbarimg, scan_image, scan_pdf

    from counter_app.printing.fonts import find_font_chain
    from counter_app.printing.verification import parse_code

    needs_zbarimg()
    if not find_font_chain().fonts:
        pytest.skip("no CJK TrueType font installed (raster printing needs one)")
    issued = issue_certificate(ws, "teller1", PERSONAL, PERSON)
    printed = print_certificate(ws, issued, tmp_path)

    (from_pdf,) = scan_pdf(printed["pdf"], tmp_path, "certificate")
    raster = decode_escpos(printed["raster"]).raster_image()
    (from_receipt,) = scan_image(raster, tmp_path, "receipt")
    (from_text_mode,) = [data.decode() for data in decode_escpos(printed["text"]).qr_data]
    assert from_pdf == from_receipt == from_text_mode == f"COUNTER-VERIFY:{issued.code}"

    assert parse_code(from_pdf) == issued.code
    for scanned in (from_pdf, from_pdf.lower(), f" {from_pdf}\r\n", issued.code.replace("-", "")):
        result = ws.centre.verify_certificate(scanned)
        assert result.genuine and result.code == issued.code, scanned
        assert result.journal_seq == issued.journal_seq
