"""Proofs of insurance: issued only when the centre confirms, verifiable from the journal,
also from what a scanner reads off the printed QR code."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from counter_app.domain.errors import Conflict
from counter_app.domain.roles import Role
from counter_app.centre import bootstrap
from counter_app.services.certificates import (
    KIND,
    PERSONAL,
    issue_certificate,
    verify_certificate,
)
from counter_app.domain.commands import Command
from counter_app.services.enrollment import KIND as ENROLL
from counter_app.client.workstation import CentralUnavailable, Workstation
from counter_app.centre.apply import apply_centrally

PERSON = "11010519491231002X"  # the example of GB 11643-1999


def simple_code(kind: str, number: str, digest: str) -> str:
    return hashlib.sha256(f"{kind}{number}{digest}".encode()).hexdigest()[:12].upper()


@pytest.fixture
def ws(make_workstation: Any) -> Workstation:
    ws: Workstation = make_workstation("WS-A")
    central = ws.central()
    bootstrap.create_hall(central, "HALL01", "示范大厅")
    bootstrap.create_user(central, "teller1", "demo-teller1", Role.TELLER, "HALL01")
    ws.sync_once()
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
    issued = issue_certificate(ws, "teller1", PERSONAL, PERSON, simple_code)
    assert issued.content["name"] == "张三"
    assert [i["type"] for i in issued.content["insurance"]] == ["medical", "pension"]
    assert issued.content["id_number_masked"] == "110105********002X"

    result = verify_certificate(ws.central(), issued.code.lower())
    assert result.genuine and result.journal_seq == issued.journal_seq
    assert result.content == issued.content and result.issued_by == "teller1"

    assert not verify_certificate(ws.central(), "NOSUCHCODE").genuine


def test_a_tampered_certificate_row_fails_verification(ws: Workstation) -> None:
    issued = issue_certificate(ws, "teller1", PERSONAL, PERSON, simple_code)
    with ws.central().begin() as connection:
        connection.execute(
            text("UPDATE certificates SET content = replace(content, '张三', '李四')")
        )
    result = verify_certificate(ws.central(), issued.code)
    assert not result.genuine and "differs" in result.problem


def test_the_centre_refuses_facts_it_does_not_hold(ws: Workstation) -> None:
    content = {
        "name": "张三",
        "id_number_masked": "110105********002X",
        "insured_number": "999",
        "category": "flexible",
        "employer_code": "",
        "insurance": [],
        "as_of": dt.date.today().isoformat(),
    }
    command = Command(
        kind=KIND,
        payload={"kind": PERSONAL, "subject": PERSON, "content": content, "code": "X1"},
        actor="teller1",
        workstation="WS-A",
        hall_code="HALL01",
    )
    verdict = apply_centrally(ws.central(), command)
    assert not verdict.applied and verdict.reason_code == "stale_content"


def test_no_proof_for_someone_not_insured(ws: Workstation) -> None:
    with pytest.raises(Conflict) as caught:
        issue_certificate(ws, "teller1", PERSONAL, "310115198507150032", simple_code)
    assert caught.value.code == "not_insured"


def test_no_proof_while_the_centre_is_unreachable(ws: Workstation) -> None:
    ws.forget_central()
    ws.config.central_url = "postgresql://nobody@127.0.0.1:1/none"
    with pytest.raises(CentralUnavailable):
        issue_certificate(ws, "teller1", PERSONAL, PERSON, simple_code)
    assert ws.outbox_counts()["pending"] == 0


def test_certificates_reach_the_cache_of_the_issuing_workstation(ws: Workstation) -> None:
    from counter_app.storage.shared_models import CertificateRow

    issued = issue_certificate(ws, "teller1", PERSONAL, PERSON, simple_code)
    with Session(ws.local) as session:
        assert session.get(CertificateRow, issued.code) is not None


def test_the_default_code_is_typeable_and_checked(ws: Workstation) -> None:
    from counter_app.printing.verification import parse_code

    issued = issue_certificate(ws, "teller1", PERSONAL, PERSON)
    assert parse_code(issued.code) == issued.code and len(issued.code) == 12
    assert verify_certificate(ws.central(), issued.code).genuine


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
        result = verify_certificate(ws.central(), scanned)
        assert result.genuine and result.code == issued.code, scanned
        assert result.journal_seq == issued.journal_seq

    # counter-admin verify, the real program, reads the same payload.
    def admin_verify(code: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "COUNTER_APP_HOME": str(tmp_path / "admin")}
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        url = ws.config.central_url
        return subprocess.run(
            [sys.executable, "-m", "counter_app.cli", "verify", "--central-url", url,
             "--no-password", code],
            env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip

    done = admin_verify(from_pdf)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"genuine: {issued.code}" in done.stdout and "张三" in done.stdout
    typo = from_pdf[:-1] + ("0" if from_pdf[-1] != "0" else "1")
    refused = admin_verify(typo)
    assert refused.returncode != 0 and "NOT GENUINE" in refused.stdout
