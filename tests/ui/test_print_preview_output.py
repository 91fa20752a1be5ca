"""The print preview: the page fits the viewer, and the system dialog's output is sensible.

Printing to a PDF file through the system dialog writes our vector PDF (searchable text, a
few dozen kB) instead of a page-sized picture; a real printer gets its pages painted on the
worker thread, never on the GUI thread. Either way the job is then entered in the print log
under the system printer, and the preview says so with its ``printed`` signal.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from PySide6.QtGui import QPagedPaintDevice, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from counter_app.client.workstation import Workstation
from counter_app.printing import documents
from counter_app.printing.jobs import JobStatus, PrintJob
from counter_app.printing.layout import Doc
from counter_app.services.document_printing import SYSTEM_PRINTER, DocumentPrinter
from counter_app.services.print_job_store import SqliteJobStore
from counter_app.ui import print_preview
from counter_app.ui.ops import wait_for_background
from counter_app.ui.print_preview import PrintPreviewDialog, paint_pages


def certificate(reprint: bool = True) -> Doc:
    office = documents.Office("示范区社会保险经办服务大厅", 3, "王柜员")
    content = {
        "name": "赵敏", "id_number_masked": "440305********7004",
        "insured_number": "4403000000012345", "category": "flexible",
        "insurance": [{"type": "pension", "since": "2024-01-01"}], "as_of": "2024-05-01",
    }  # fmt: skip
    doc = documents.proof_of_insurance_personal(
        office, content, "ABCDE-FGHJKL", dt.datetime(2024, 5, 1, 9, 30)
    )
    return dataclasses.replace(doc, reprint=reprint)


def test_the_page_is_scaled_to_the_viewer(qtbot: Any, ws: Workstation) -> None:
    dialog = PrintPreviewDialog(certificate(), DocumentPrinter(ws), "R1", "陈科长")
    qtbot.addWidget(dialog)
    dialog.show()
    viewer = dialog.scroll.viewport()
    for width in (480, 700):
        dialog.resize(width, 500)

        def fits() -> None:
            pixmap = dialog.page.pixmap()
            shown = pixmap.width() / pixmap.devicePixelRatio()
            assert viewer.width() - 20 <= shown <= viewer.width()  # the whole width, 补打 too

        qtbot.waitUntil(fits)


def test_print_to_pdf_through_the_system_dialog_writes_our_vector_pdf(
    qtbot: Any, ws: Workstation, tmp_path: Path
) -> None:
    target = tmp_path / "proof.pdf"
    dialog = PrintPreviewDialog(certificate(), DocumentPrinter(ws), "R1", "陈科长")
    qtbot.addWidget(dialog)
    qprinter = QPrinter()  # as the system dialog leaves it for "print to file (PDF)"
    qprinter.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    qprinter.setOutputFileName(str(target))
    dialog.print_to(qprinter)
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=20_000)
    assert str(target) in dialog.message.text()
    assert target.stat().st_size < 200_000  # a picture of the page was 4.5 MB
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(target), "-"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    else:  # pdftotext (poppler-utils) is what CI uses; pdfplumber reads the same text
        with pdfplumber.open(target) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "补打" in text and "ABCDE-FGHJKL" in text
    assert "参保证明" in text.replace(" ", "")


def test_a_system_printer_is_painted_off_the_gui_thread(
    qtbot: Any, ws: Workstation, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []

    def recording(device: QPagedPaintDevice, doc: Doc, dpi: int = 300) -> int:
        threads.append(threading.current_thread())
        return 1

    monkeypatch.setattr(print_preview, "paint_pages", recording)
    dialog = PrintPreviewDialog(certificate(), DocumentPrinter(ws), "R1", "陈科长")
    qtbot.addWidget(dialog)
    dialog.print_to(QPrinter())  # a printer, not a PDF file
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=20_000)
    assert threads and threads[0] is not threading.main_thread()
    assert dialog.message.text() == "Sent to the system printer."


def test_pages_paint_on_a_printer_from_a_worker_thread(tmp_path: Path) -> None:
    target = tmp_path / "raster.pdf"
    pages: list[int] = []

    def work() -> None:
        writer = QPdfWriter(str(target))  # stands in for a printer: a paged paint device
        writer.setResolution(300)
        pages.append(paint_pages(writer, certificate(), dpi=150))
        del writer  # finishes the file

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(60)
    assert pages == [1]
    with pdfplumber.open(target) as pdf:
        assert len(pdf.pages) == 1


# -- the print log holds what the system printer took ---------------------------------------
def logged_system_jobs(ws: Workstation) -> list[PrintJob]:
    return [job for job in SqliteJobStore(ws.local).recent() if job.printer == SYSTEM_PRINTER]


def test_a_pdf_through_the_system_dialog_is_entered_in_the_print_log(
    qtbot: Any, ws: Workstation, tmp_path: Path
) -> None:
    target = tmp_path / "proof.pdf"
    dialog = PrintPreviewDialog(certificate(), DocumentPrinter(ws), "R1", "boss")
    qtbot.addWidget(dialog)
    qprinter = QPrinter()  # as the system dialog leaves it for "print to file (PDF)"
    qprinter.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    qprinter.setOutputFileName(str(target))
    with qtbot.waitSignal(dialog.printed, timeout=20_000) as printed:
        dialog.print_to(qprinter)
    (job,) = printed.args
    assert isinstance(job, PrintJob)
    assert job.printer == SYSTEM_PRINTER and job.status == JobStatus.PRINTED.value
    assert job.reference == "R1" and job.is_reprint and job.authorized_by == "boss"
    assert job.document_kind == "proof_personal"
    assert job.data == target.read_bytes()  # what was written is what is logged
    assert [j.id for j in logged_system_jobs(ws)] == [job.id]
    assert str(target) in dialog.message.text() and dialog.print_button.isEnabled()


def test_a_system_printer_job_is_logged_after_the_pages_are_painted(
    qtbot: Any, ws: Workstation, monkeypatch: pytest.MonkeyPatch
) -> None:
    order: list[str] = []
    threads: list[threading.Thread] = []
    record = DocumentPrinter.record_system_print

    def painting(device: QPagedPaintDevice, doc: Doc, dpi: int = 300) -> int:
        order.append("painted")
        return 1

    def recording(self: DocumentPrinter, *args: Any, **kwargs: Any) -> PrintJob:
        order.append("logged")
        threads.append(threading.current_thread())
        return record(self, *args, **kwargs)

    monkeypatch.setattr(print_preview, "paint_pages", painting)
    monkeypatch.setattr(DocumentPrinter, "record_system_print", recording)
    dialog = PrintPreviewDialog(certificate(reprint=False), DocumentPrinter(ws), "R2")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.printed, timeout=20_000) as printed:
        dialog.print_to(QPrinter())  # a printer, not a PDF file
    assert order == ["painted", "logged"]
    assert threads[0] is not threading.main_thread()  # on the worker, with the painting
    (job,) = printed.args
    assert job.reference == "R2" and not job.is_reprint and job.authorized_by is None
    assert [j.id for j in logged_system_jobs(ws)] == [job.id]
    assert dialog.message.text() == "Sent to the system printer."


def test_a_failed_print_is_not_logged_as_printed(
    qtbot: Any, ws: Workstation, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(device: QPagedPaintDevice, doc: Doc, dpi: int = 300) -> int:
        raise OSError("the printer could not be opened")

    monkeypatch.setattr(print_preview, "paint_pages", failing)
    dialog = PrintPreviewDialog(certificate(reprint=False), DocumentPrinter(ws), "R3")
    qtbot.addWidget(dialog)
    emitted: list[object] = []
    dialog.printed.connect(emitted.append)
    dialog.print_to(QPrinter())
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=20_000)
    assert emitted == [] and logged_system_jobs(ws) == []


def test_an_unauthorized_reprint_is_refused_before_printing(
    qtbot: Any, ws: Workstation, monkeypatch: pytest.MonkeyPatch
) -> None:
    painted: list[Doc] = []
    monkeypatch.setattr(
        print_preview, "paint_pages", lambda device, doc, dpi=300: painted.append(doc)
    )
    dialog = PrintPreviewDialog(certificate(reprint=True), DocumentPrinter(ws), "R4")
    qtbot.addWidget(dialog)
    dialog.print_to(QPrinter())
    assert wait_for_background(10_000)
    assert painted == [] and logged_system_jobs(ws) == []
    assert "authorize on the spot" in dialog.message.text()


def test_a_print_the_log_cannot_take_is_still_reported_as_sent(
    qtbot: Any, ws: Workstation, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: DocumentPrinter, *args: Any, **kwargs: Any) -> PrintJob:
        raise OSError("disk full")

    monkeypatch.setattr(print_preview, "paint_pages", lambda device, doc, dpi=300: 1)
    monkeypatch.setattr(DocumentPrinter, "record_system_print", broken)
    dialog = PrintPreviewDialog(certificate(reprint=False), DocumentPrinter(ws), "R5")
    qtbot.addWidget(dialog)
    emitted: list[object] = []
    dialog.printed.connect(emitted.append)
    dialog.print_to(QPrinter())
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=20_000)
    assert dialog.message.text() == (
        "Sent to the system printer.\nIt could not be entered in the print log."
    )
    assert emitted == []
