"""Preview a document before printing, then print it on a configured or the system printer.

The preview shows exactly what will come out: the raster image for a thermal printer, the
rendered PDF page for an A4 printer, scaled to the width of the viewer (so a right-aligned
补打 mark is always in view); the dialog is sized to its screen. Printing runs on the
database worker; a printer fault is reported in the dialog and the job stays in the log for
a retry — the business transaction that produced the document is never touched.

Through the system print dialog: "print to file (PDF)" writes our own vector PDF (text that
can be searched and copied, a few dozen kB) instead of a page-sized picture; a real printer
gets the pages as grey-scale images at 300 dpi, rendered and painted off the GUI thread
(Qt paints on a QPrinter from any thread). Once the file is written or the pages are painted,
the job is entered in the print log (打印记录) under the system printer, on the same worker
thread, and ``printed`` is emitted with it, as for a configured printer. A reprint (补打)
without the authorization it needs is refused before anything is printed.
"""

from __future__ import annotations

import io
import logging
import threading
from pathlib import Path

import pypdfium2
from PIL import Image
from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPagedPaintDevice, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import PermissionDenied
from counter_app.domain.roles import Permission
from counter_app.printing.escpos_render import render_raster_image
from counter_app.printing.fonts import find_font_chain
from counter_app.printing.jobs import PrintJob
from counter_app.printing.layout import Doc
from counter_app.printing.pdf import render_pdf
from counter_app.services.document_printing import DocumentPrinter, configured_printers
from counter_app.ui.errors import describe
from counter_app.ui.ops import Op
from counter_app.ui.screen_fit import fit_to_screen

SYSTEM_PRINTER = "__system__"
PREVIEW_SCALE = 2.0  # the PDF page rendered at 144 dpi, then scaled to the viewer
PRINT_DPI = 300
_PDFIUM = threading.Lock()  # pdfium is not thread-safe: the preview and a print may overlap

log = logging.getLogger(__name__)


def pil_to_qimage(image: Image.Image) -> QImage:
    rgb = image.convert("RGB")
    data = rgb.tobytes("raw", "RGB")
    return QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888).copy()


def pdf_page_images(pdf: bytes, scale: float = 1.5) -> list[QImage]:
    with _PDFIUM:
        document = pypdfium2.PdfDocument(io.BytesIO(pdf))
        try:
            return [pil_to_qimage(page.render(scale=scale).to_pil()) for page in document]
        finally:
            document.close()


def paint_pages(device: QPagedPaintDevice, doc: Doc, dpi: int = PRINT_DPI) -> int:
    """Paint ``doc``'s pages on a printer (any paged device) as grey-scale images; any thread.

    Each page is drawn into the printable area keeping its proportions; the device scales
    the image, so it is never enlarged in memory to the printer's resolution.
    """
    images = pdf_page_images(render_pdf(doc), scale=dpi / 72)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer could not be opened")
    try:
        for index, image in enumerate(images):
            if index:
                device.newPage()
            grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
            area = painter.viewport()
            size = QSize(grey.width(), grey.height()).scaled(
                area.size(), Qt.AspectRatioMode.KeepAspectRatio
            )
            painter.drawImage(QRectF(0, 0, size.width(), size.height()), grey)
    finally:
        painter.end()
    return len(images)


class PrintPreviewDialog(QDialog):
    printed = Signal(object)  # PrintJob

    def __init__(
        self,
        doc: Doc,
        printer: DocumentPrinter,
        reference: str = "",
        authorized_by: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.printer = printer
        self.reference = reference
        self.authorized_by = authorized_by
        self.setWindowTitle(self.tr("Print preview — %1").replace("%1", doc.title))
        fit_to_screen(self, 760, 900)
        self.image = QImage()  # the page as rendered; shown scaled to the viewer
        self.image_is_page = True  # an A4 page fills the width; a receipt is not enlarged
        self._system_printer: QPrinter | None = None

        self.choice = QComboBox()
        self.choice.setObjectName("printerChoice")
        for config in configured_printers(printer.ws):
            self.choice.addItem(config.name, config.name)
        self.choice.addItem(self.tr("System printer…"), SYSTEM_PRINTER)
        self.choice.currentIndexChanged.connect(self.render_preview)

        self.page = QLabel()
        self.page.setObjectName("previewPage")
        self.page.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = scroll = QScrollArea()
        scroll.setObjectName("previewScroll")
        scroll.setWidget(self.page)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.viewport().installEventFilter(self)

        self.message = QLabel()
        self.message.setObjectName("printMessage")
        self.message.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.print_now)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Printer")))
        top.addWidget(self.choice, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self.render_preview()

    def selected(self) -> str:
        return str(self.choice.currentData())

    def render_preview(self) -> None:
        name = self.selected()
        if name != SYSTEM_PRINTER and self.printer.printer(name).kind == "escpos":
            paper = self.printer.printer(name).paper_mm
            self.image = pil_to_qimage(render_raster_image(self.doc, paper, find_font_chain()))
            self.image_is_page = False
        else:
            self.image = pdf_page_images(render_pdf(self.doc), scale=PREVIEW_SCALE)[0]
            self.image_is_page = True
        self.show_page()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.scroll.viewport():
            self.show_page()
        return super().eventFilter(watched, event)

    def show_page(self) -> None:
        """The page scaled to the viewer's width (a receipt is only ever made smaller)."""
        if self.image.isNull():
            return
        ratio = self.devicePixelRatioF()
        width = max(50, self.scroll.viewport().width() - 8)
        if not self.image_is_page:
            width = min(width, round(self.image.width() / ratio))
        scaled = self.image.scaledToWidth(
            round(width * ratio), Qt.TransformationMode.SmoothTransformation
        )
        scaled.setDevicePixelRatio(ratio)
        self.page.setPixmap(QPixmap.fromImage(scaled))

    def print_now(self) -> None:
        name = self.selected()
        if name == SYSTEM_PRINTER:
            self._print_system()
            return
        self.print_button.setEnabled(False)
        self.message.setText(self.tr("Printing…"))
        Op(
            lambda: self.printer.print(
                self.doc, name, self.reference, authorized_by=self.authorized_by
            ),
            parent=self,
        ).success(self._done).failure(self._failed).run_in_background()

    def _done(self, job: PrintJob) -> None:
        self.print_button.setEnabled(True)
        if job.status == "printed":
            self.message.setText(self.tr("Printed."))
            self.message.setStyleSheet("color: #1b7f3b;")
        else:
            self.message.setText(
                self.tr(
                    "The printer failed: %1. The job is kept; retry or choose another printer."
                ).replace("%1", job.last_error or "")
            )
            self.message.setStyleSheet("color: #b00020;")
        self.printed.emit(job)

    def _failed(self, exc: BaseException) -> None:
        self._system_printer = None
        self.print_button.setEnabled(True)
        self.message.setText(describe(exc))
        self.message.setStyleSheet("color: #b00020;")

    def _refuse_unauthorized_reprint(self) -> bool:
        """Refuse (and say so) a reprint without the authorization it needs, as
        ``DocumentPrinter`` would when logging it — but before anything is printed."""
        if self.doc.reprint and self.printer.reprint_needs_authorization and not self.authorized_by:
            self._failed(PermissionDenied("-", Permission.AUTHORIZE.value))
            return True
        return False

    def _print_system(self) -> None:
        if self._refuse_unauthorized_reprint():
            return
        qprinter = QPrinter(QPrinter.PrinterMode.HighResolution)
        qprinter.setDocName(self.doc.title)
        dialog = QPrintDialog(qprinter, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(qprinter)

    def print_to(self, qprinter: QPrinter) -> None:
        """Print on what the system dialog chose (a PDF file gets our vector PDF), then log the
        job in the print log; called once the dialog has been accepted."""
        if self._refuse_unauthorized_reprint():
            return
        doc, printer = self.doc, self.printer
        reference, authorized_by = self.reference, self.authorized_by
        self.print_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Printing…"))
        pdf_file = qprinter.outputFileName()
        if qprinter.outputFormat() == QPrinter.OutputFormat.PdfFormat and pdf_file:
            done = self.tr("Saved as PDF: %1").replace("%1", pdf_file)

            def write() -> PrintJob | None:
                data = render_pdf(doc)
                Path(pdf_file).write_bytes(data)
                return record_system_print(printer, doc, reference, authorized_by, data)

            Op(write, parent=self).success(lambda job: self._system_done(done, job)).failure(
                self._failed
            ).run_in_background()
            return
        self._system_printer = qprinter  # alive until the worker has painted on it
        sent = self.tr("Sent to the system printer.")

        def paint() -> PrintJob | None:
            paint_pages(qprinter, doc)
            return record_system_print(printer, doc, reference, authorized_by)

        Op(paint, parent=self).success(lambda job: self._system_done(sent, job)).failure(
            self._failed
        ).run_in_background()

    def _system_done(self, text: str, job: PrintJob | None) -> None:
        self._system_printer = None
        self.print_button.setEnabled(True)
        if job is None:
            self.message.setText(text + "\n" + self.tr("It could not be entered in the print log."))
            self.message.setStyleSheet("color: #a15c00;")
            return
        self.message.setText(text)
        self.message.setStyleSheet("color: #1b7f3b;")
        self.printed.emit(job)


def record_system_print(
    printer: DocumentPrinter,
    doc: Doc,
    reference: str,
    authorized_by: str | None,
    data: bytes | None = None,
) -> PrintJob | None:
    """Log what the system printer took (worker thread). The document is already printed, so
    a failure to log it is logged and reported, never turned into a print failure."""
    try:
        return printer.record_system_print(doc, reference, authorized_by=authorized_by, data=data)
    except Exception:
        log.exception("a document printed through the system dialog could not be logged")
        return None
