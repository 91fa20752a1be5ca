"""Printing through the configured printers: job log in the cache, retry, reprint authority.

The log keeps every job — printed, failed, reprinted, sent through the system print dialog —
newest first, so the print log tab shows them all.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from counter_app.client.workstation import Workstation
from counter_app.domain.errors import PermissionDenied, ValidationError
from counter_app.printing import documents as d
from counter_app.printing.jobs import FailureReason, JobStatus, failure_reason
from counter_app.services.auth import LoginFailed
from counter_app.services.document_printing import SYSTEM_PRINTER, DocumentPrinter, authorize

pytestmark = pytest.mark.parametrize("central_url", ["sqlite"], indirect=True)
WHEN = dt.datetime(2026, 11, 24, 9, 30)


@pytest.fixture
def ws(make_workstation: Any, tmp_path: Path) -> Workstation:
    ws: Workstation = make_workstation("WS-P")  # the centre has teller1 and boss
    assert ws.sync_once().online
    ws.config.printers = [
        {"name": "receipt", "connection": "file", "path": str(tmp_path / "receipt.bin"),
         "paper_mm": 58},
        {"name": "a4", "kind": "pdf", "connection": "file", "path": str(tmp_path / "pdf")},
        {"name": "offline", "host": "127.0.0.1", "port": 1, "timeout_s": 1.0},
    ]  # fmt: skip
    return ws


def ticket() -> d.Doc:
    return d.queue_ticket("示范大厅", "A012", "个人业务", 2, 6, WHEN)


def test_jobs_are_printed_and_logged(ws: Workstation, tmp_path: Path) -> None:
    printer = DocumentPrinter(ws)
    job = printer.print(ticket(), "receipt", "A012")
    assert job.status == "printed"
    assert (tmp_path / "receipt.bin").read_bytes() == job.data
    pdf_job = printer.print(ticket(), "a4", "A012")
    assert pdf_job.status == "printed"
    assert next((tmp_path / "pdf").glob("a4-*.pdf")).read_bytes().startswith(b"%PDF")
    assert [j.id for j in printer.store.recent()] == [pdf_job.id, job.id]


def test_a_printer_failure_keeps_the_job_for_retry(ws: Workstation) -> None:
    printer = DocumentPrinter(ws)
    job = printer.print(ticket(), "offline", "A012")
    assert job.status == "failed" and "127.0.0.1:1" in (job.last_error or "")
    assert [j.id for j in printer.store.failed()] == [job.id]
    # The printer is repaired by pointing its name elsewhere; the kept job prints.
    ws.config.printers[2] = {"name": "offline", "connection": "file", "path": str(
        Path(ws.config.printers[0]["path"]).with_name("repaired.bin"))}  # fmt: skip
    assert printer.retry(job.id).status == "printed"
    assert printer.store.failed() == []


def test_reprints_need_a_supervisor(ws: Workstation) -> None:
    printer = DocumentPrinter(ws)
    doc = ticket()
    doc.reprint = True
    with pytest.raises(PermissionDenied):
        printer.print(doc, "receipt")
    with pytest.raises(PermissionDenied):
        authorize(ws, "teller1", "demo-teller1", bound_to="reprint:A1")  # a teller cannot
    with pytest.raises(LoginFailed):
        authorize(ws, "boss", "wrong-password", bound_to="reprint:A1")
    granted = authorize(ws, "boss", "demo-supervisor", bound_to="reprint:A1")
    job = printer.print(doc, "receipt", authorized_by=granted.supervisor)
    assert job.is_reprint and job.authorized_by == "boss"
    assert "补打".encode("gb18030") in job.data


def test_unknown_printer_and_bad_settings_are_named(ws: Workstation) -> None:
    printer = DocumentPrinter(ws)
    with pytest.raises(ValidationError, match="no printer named"):
        printer.print(ticket(), "nope")
    ws.config.printers.append({"name": "bad", "encoding": "big5", "host": "h"})
    with pytest.raises(ValidationError) as caught:
        printer.print(ticket(), "receipt")
    assert caught.value.field == "printers.encoding"


def test_the_log_keeps_every_job_newest_first_whatever_its_state(ws: Workstation) -> None:
    printer = DocumentPrinter(ws)
    printed = printer.print(ticket(), "receipt", "A012")
    failed = printer.print(ticket(), "offline", "A013")
    doc = ticket()
    doc.reprint = True
    reprint = printer.print(doc, "a4", "A012", authorized_by="boss")
    jobs = printer.store.recent()
    assert [j.id for j in jobs] == [reprint.id, failed.id, printed.id]
    assert [j.status for j in jobs] == [JobStatus.PRINTED, JobStatus.FAILED, JobStatus.PRINTED]
    assert jobs[0].is_reprint and jobs[0].authorized_by == "boss"
    assert failure_reason(jobs[1].last_error) is FailureReason.UNREACHABLE
    assert failure_reason(jobs[0].last_error) is None

    # Retried on a repaired printer, the failed job stays in its place, printed, 2 attempts.
    ws.config.printers[2] = {"name": "offline", "connection": "file", "path": str(
        Path(ws.config.printers[0]["path"]).with_name("repaired.bin"))}  # fmt: skip
    printer.retry(failed.id)
    again = printer.store.recent()
    assert [j.id for j in again] == [reprint.id, failed.id, printed.id]
    assert (again[1].status, again[1].attempts, again[1].last_error) == ("printed", 2, None)


def test_a_print_through_the_system_dialog_is_logged(ws: Workstation) -> None:
    printer = DocumentPrinter(ws)
    job = printer.record_system_print(ticket(), "A012")
    assert (job.printer, job.status, job.attempts) == (SYSTEM_PRINTER, JobStatus.PRINTED, 1)
    assert job.data.startswith(b"%PDF")
    assert [j.id for j in printer.store.recent()] == [job.id]
    doc = ticket()
    doc.reprint = True
    with pytest.raises(PermissionDenied):
        printer.record_system_print(doc, "A012")  # a reprint needs its authorization here too
    reprint = printer.record_system_print(doc, "A012", authorized_by="boss", data=b"%PDF-1.4")
    assert reprint.is_reprint and reprint.data == b"%PDF-1.4"
    with pytest.raises(ValidationError):
        printer.retry(job.id)  # the dialog's printer is not ours to drive
