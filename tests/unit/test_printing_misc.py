"""Verification codes, printer settings, documents and the spooler's failure handling."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.devices.printers import PrinterConfig, PrinterFault
from counter_app.domain.errors import ValidationError
from counter_app.printing import documents as d
from counter_app.printing.jobs import MemoryJobStore, PrintJob, PrintSpooler
from counter_app.printing.verification import (
    ALPHABET,
    case_qr_payload,
    make_code,
    parse_code,
    qr_payload,
)

WHEN = dt.datetime(2026, 11, 24, 9, 30)
OFFICE = d.Office("示范大厅", 1, "王柜员")


@given(st.text(min_size=1, max_size=20), st.text(min_size=1, max_size=40))
def test_codes_parse_back_in_any_case(number: str, digest: str) -> None:
    code = make_code("proof_personal", number, digest)
    assert parse_code(code) == code
    assert parse_code(code.lower().replace("-", " ")) == code


def crockford_confusable(code: str) -> str:
    """``code`` as someone might type it: 0 read as O, 1 read as I or L."""
    return code.replace("0", "O").replace("1", "l")


@given(
    st.text(min_size=1, max_size=20),
    st.sampled_from(["", " ", "-", "  ", " - ", "\t", "\u3000", "－", "–"]),
    st.booleans(),
    st.booleans(),
)
def test_what_a_scanner_or_a_person_types_parses_to_the_code(
    number: str, separator: str, as_payload: bool, lower: bool
) -> None:
    code = make_code("proof_personal", number, "h")
    compact = code.replace("-", "")
    typed = separator.join([compact[:3], compact[3:7], compact[7:]])
    typed = crockford_confusable(typed)
    if as_payload:
        typed = f"COUNTER-VERIFY:{typed}"
    if lower:
        typed = typed.lower()
    assert parse_code(typed) == code
    assert parse_code(f"  {typed}\r\n") == code


def test_the_qr_payload_of_a_certificate_parses() -> None:
    code = make_code("proof_personal", "n", "h")
    assert qr_payload(code) == f"COUNTER-VERIFY:{code}"
    assert parse_code(qr_payload(code)) == code
    assert parse_code(qr_payload(code).lower()) == code
    # An input method left in full-width mode types full-width letters and a full-width colon.
    full_width = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in qr_payload(code))
    assert parse_code(full_width) == code


def test_what_is_not_a_certificate_code_is_refused_with_a_reason() -> None:
    code = make_code("proof_personal", "n", "h")
    cases = {
        "": "length",
        code[:-1]: "length",
        code + "7": "length",
        "COUNTER-CASE:HALL01-20261124-00001": "wrong_document",
        "https://example.org/x": "format",
        code[:-1] + "U": "format",  # U is not in Crockford's alphabet
        code[:-1] + ("0" if code[-1] != "0" else "1"): "check_digit",
    }
    for raw, reason in cases.items():
        with pytest.raises(ValidationError) as caught:
            parse_code(raw)
        assert caught.value.code == reason, raw
    with pytest.raises(ValidationError) as caught:
        parse_code(case_qr_payload("HALL01-20261124-00001"))
    assert caught.value.params["case_no"] == "HALL01-20261124-00001"


@given(st.integers(min_value=0, max_value=10), st.sampled_from(ALPHABET))
def test_a_single_mistyped_character_is_caught(position: int, replacement: str) -> None:
    code = make_code("proof_personal", "n", "h").replace("-", "")
    if code[position] == replacement:
        return
    typo = code[:position] + replacement + code[position + 1 :]
    with pytest.raises(ValidationError):
        parse_code(typo)


def test_printer_settings_name_the_bad_key() -> None:
    ok = PrinterConfig.from_dict({"name": "receipt", "host": "10.0.0.9", "paper_mm": 58})
    assert ok.escpos_options().paper_mm == 58
    for raw, key in [
        ({"name": "p", "connection": "network"}, "printers.host"),
        ({"name": "p", "host": "h", "encoding": "big5"}, "printers.encoding"),
        ({"name": "p", "host": "h", "paper_mm": 76}, "printers.paper_mm"),
        ({"name": "p", "host": "h", "colour": True}, "printers.colour"),
        ({"name": "p", "connection": "usb"}, "printers.usb_vendor"),
        ({"host": "h"}, "printers.name"),
    ]:
        with pytest.raises(ValidationError) as caught:
            PrinterConfig.from_dict(raw)
        assert caught.value.field == key


class FailingConnection:
    def send(self, data: bytes) -> None:
        raise PrinterFault("printer 10.0.0.9:9100 is unreachable (Connection refused)")


class RecordingConnection:
    def __init__(self) -> None:
        self.sent: list[bytes] = []

    def send(self, data: bytes) -> None:
        self.sent.append(data)


def test_a_failed_job_is_kept_for_retry_and_never_raises() -> None:
    store = MemoryJobStore()
    spooler = PrintSpooler(store)
    job = spooler.submit(
        PrintJob("acceptance_receipt", "receipt", b"\x1b@data"), FailingConnection()
    )
    assert job.status == "failed" and "unreachable" in (job.last_error or "")
    assert store.failed() == [job]
    printer = RecordingConnection()
    again = spooler.retry(job.id, printer)
    assert again.status == "printed" and again.attempts == 2 and printer.sent == [b"\x1b@data"]
    assert store.failed() == []


def test_every_document_template_renders_its_title() -> None:
    docs = [
        d.queue_ticket("示范大厅", "A012", "个人业务", 3, 9, WHEN),
        d.one_time_notification(OFFICE, "个人参保登记", "张三", ["户口簿"], WHEN),
        d.proof_of_insurance_employer(
            OFFICE,
            {"name": "某公司", "credit_code": "91350100M000100Y43", "address": "福州",
             "insured_staff": 12, "as_of": "2026-11-24"},
            "3RJ3Q-7YM38N",
            WHEN,
        ),
        d.payment_receipt(OFFICE, "R1", "张三", [("养老", Decimal("456.78"))], WHEN),
        d.teller_day_summary(OFFICE, WHEN.date(), [("个人参保登记", 12)], WHEN),
    ]  # fmt: skip
    texts = [doc.plain_text() for doc in docs]
    assert "A012" in texts[0] and "户口簿" in texts[1] and "12 人" in texts[2]
    assert "¥456.78" in texts[3] and "12 笔" in texts[4]
