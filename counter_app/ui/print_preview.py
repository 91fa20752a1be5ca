"""Preview a document before printing, then print it on a configured or the system printer.

The preview shows exactly what will come out: the raster image for a thermal printer, the
rendered PDF page for an A4 printer. Printing runs on the database worker; a printer fault
is reported in the dialog and the job stays in the log for a retry — the business
transaction that produced the document is never touched.
"""

from __future__ import annotations

import io

import pypdfium2
from PIL import Image
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
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

from counter_app.printing.escpos_render import render_raster_image
from counter_app.printing.fonts import find_font_chain
from counter_app.printing.jobs import PrintJob
from counter_app.printing.layout import Doc
from counter_app.printing.pdf import render_pdf
from counter_app.services.document_printing import DocumentPrinter, configured_printers
from counter_app.ui.errors import describe
from counter_app.ui.ops import Op

SYSTEM_PRINTER = "__system__"


def pil_to_qimage(image: Image.Image) -> QImage:
    rgb = image.convert("RGB")
    data = rgb.tobytes("raw", "RGB")
    return QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888).copy()


def pdf_page_images(pdf: bytes, scale: float = 1.5) -> list[QImage]:
    document = pypdfium2.PdfDocument(io.BytesIO(pdf))
    try:
        return [pil_to_qimage(page.render(scale=scale).to_pil()) for page in document]
    finally:
        document.close()


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
        self.resize(760, 900)

        self.choice = QComboBox()
        self.choice.setObjectName("printerChoice")
        for config in configured_printers(printer.ws):
            self.choice.addItem(config.name, config.name)
        self.choice.addItem(self.tr("System printer…"), SYSTEM_PRINTER)
        self.choice.currentIndexChanged.connect(self.render_preview)

        self.page = QLabel()
        self.page.setObjectName("previewPage")
        self.page.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(self.page)
        scroll.setWidgetResizable(True)

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
            image = pil_to_qimage(render_raster_image(self.doc, paper, find_font_chain()))
        else:
            image = pdf_page_images(render_pdf(self.doc))[0]
        self.page.setPixmap(QPixmap.fromImage(image))

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
        self.print_button.setEnabled(True)
        self.message.setText(describe(exc))
        self.message.setStyleSheet("color: #b00020;")

    def _print_system(self) -> None:
        qprinter = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(qprinter, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter(qprinter)
        try:
            for index, image in enumerate(pdf_page_images(render_pdf(self.doc), scale=4.0)):
                if index:
                    qprinter.newPage()
                target = painter.viewport()
                scaled = image.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(0, 0, scaled)
        finally:
            painter.end()
        self.message.setText(self.tr("Sent to the system printer."))
