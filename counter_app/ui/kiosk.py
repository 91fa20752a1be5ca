"""取号机 — the ticket kiosk: one large button per category, then the number on screen.

The number comes from the central service (the hall is the kiosk workstation's own, the time
the service's). The ticket is printed on the printer named ``kiosk`` (or the first thermal printer
configured); if printing fails the number stays on screen large enough to note down.

The kiosk runs full screen on touch screens of any size and orientation: every font and
button height is a fraction of the screen, and the message area keeps a fixed height, so a
ticket's message never pushes the buttons into each other.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent, QScreen
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counter_app.client.workstation import Workstation
from counter_app.domain.errors import ValidationError
from counter_app.domain.ids import IdNumber
from counter_app.domain.queue import QueueSettings
from counter_app.printing import documents
from counter_app.services import queue
from counter_app.services.document_printing import DocumentPrinter, ticket_printer
from counter_app.services.queries import hall_name
from counter_app.ui.errors import describe, validation_text
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import queue_category_label
from counter_app.ui.screen_fit import fitting_px, pixel_font, show_full_screen

MESSAGE_LINES = 2  # under the number: room for two lines of advice


class KioskWindow(QWidget):
    issued = Signal(object)  # (queue.Ticket, print status)

    def __init__(self, ws: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("Take a number"))
        self.setObjectName("kiosk")
        self.title = QLabel(self.tr("Please choose your business"))
        self.title.setObjectName("kioskTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        self.settings = QueueSettings.from_dict(ws.config.queue)
        for index, category in enumerate(self.settings.categories):
            label = queue_category_label(ws.config.queue, category.code)
            button = QPushButton(f"{category.code}  {label}")
            button.setObjectName(f"kiosk_{category.code}")
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, c=category.code: self.take(c))
            self.buttons[category.code] = button
            grid.addWidget(button, index // 2, index % 2)
        self.grid = grid
        self.id_input = QLineEdit()
        self.id_input.setObjectName("kioskIdNumber")
        self.id_input.setMaxLength(18)
        self.id_input.setPlaceholderText(
            self.tr("Optional: ID number (seniors are served with priority)")
        )
        self.priority_age = self.settings.priority_age
        self.result = QLabel()
        self.result.setObjectName("kioskResult")
        self.result.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        # A fixed height (set with the fonts): a message never squeezes the buttons.
        self.result.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        self.main_layout = layout
        layout.addWidget(self.title)
        layout.addWidget(self.id_input)
        layout.addLayout(grid, 1)
        layout.addWidget(self.result)
        self.clear_timer = QTimer(self)
        self.clear_timer.setSingleShot(True)
        self.clear_timer.timeout.connect(lambda: self.show_result("", ""))
        self.result_number = ""  # the ticket number, shown large
        self.result_message = ""
        self.number_px = 40
        self.scale_fonts()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.scale_fonts()
        super().resizeEvent(event)

    def scale_fonts(self) -> None:
        """Fonts, button heights and spacing as fractions of the window's shorter side."""
        unit = max(240, min(self.width(), self.height()))
        room = max(200, self.width()) * 0.9
        base = self.font()
        title_px = fitting_px(base, self.title.text(), unit // 18, room)
        self.title.setFont(pixel_font(base, title_px, bold=True))
        self.id_input.setFont(pixel_font(base, unit // 34))
        button_px = min(
            (fitting_px(base, b.text(), unit // 18, room / 2 * 0.9) for b in self.buttons.values()),
            default=unit // 18,
        )
        big = pixel_font(base, button_px, bold=True)
        rows = (len(self.buttons) + 1) // 2
        for button in self.buttons.values():
            button.setFont(big)
            button.setMinimumHeight(QFontMetrics(big).height() + unit // 60)
        message = pixel_font(base, unit // 30, bold=True)
        self.result.setFont(message)
        sample = self.tr("Your number: %1").replace("%1", "A888")
        self.number_px = fitting_px(base, sample, unit // 9, room)
        number = pixel_font(base, self.number_px, bold=True)
        self.result.setFixedHeight(
            QFontMetrics(number).lineSpacing()
            + QFontMetrics(message).lineSpacing() * MESSAGE_LINES
            + 8
        )
        self._show_result()
        spacing = max(4, unit // (40 + 4 * rows))
        self.grid.setSpacing(spacing)
        self.main_layout.setSpacing(spacing)
        self.main_layout.setContentsMargins(spacing * 2, spacing, spacing * 2, spacing)

    def show_result(self, number: str, message: str) -> None:
        """The number in large type above a message (either may be empty)."""
        self.result_number, self.result_message = number, message
        self._show_result()

    def _show_result(self) -> None:
        parts = []
        if self.result_number:
            number = html.escape(self.result_number)
            parts.append(f'<div style="font-size: {self.number_px}px;">{number}</div>')
        if self.result_message:
            parts.append(f"<div>{html.escape(self.result_message)}</div>")
        self.result.setText("".join(parts))

    def take(self, category: str) -> None:
        for button in self.buttons.values():
            button.setEnabled(False)
        printer_name = ticket_printer(self.ws)
        raw_id = self.id_input.text().strip()
        self.id_input.clear()
        if raw_id:
            try:
                number = IdNumber.parse(raw_id)
            except ValidationError as exc:
                self.show_result("", validation_text(exc))
                for button in self.buttons.values():
                    button.setEnabled(True)
                return
            if category in ("A", "C") and number.age_on(dt.date.today()) >= self.priority_age:
                category = "V"  # priority raised automatically by age

        def run() -> tuple[queue.Ticket, str]:
            issued = self.ws.centre.issue_ticket(category, id_number=raw_id or None)
            ticket, wait = issued.ticket, issued.estimated_wait
            if printer_name is None:
                return ticket, "no printer"
            minutes = round(wait.total_seconds() / 60) if wait is not None else 0
            doc = documents.queue_ticket(
                hall_name(self.ws), ticket.display, self.settings.name_of(category),
                issued.waiting_ahead, minutes, ticket.issued_at,
            )  # fmt: skip
            job = DocumentPrinter(self.ws).print(doc, printer_name, ticket.display)
            return ticket, job.status

        Op(run, parent=self).success(self._issued).failure(self._failed).run_in_background()

    def _issued(self, result: tuple[queue.Ticket, str]) -> None:
        ticket, status = result
        for button in self.buttons.values():
            button.setEnabled(True)
        number = self.tr("Your number: %1").replace("%1", ticket.display)
        message = self.tr("Please wait to be called.")
        if status == "no printer":
            message = self.tr("No ticket printer is set up; please remember your number.")
        elif status != "printed":
            message = self.tr("The ticket could not be printed; please remember your number.")
        self.show_result(number, message)
        self.clear_timer.start(15_000)
        self.issued.emit(result)

    def _failed(self, exc: BaseException) -> None:
        for button in self.buttons.values():
            button.setEnabled(True)
        self.show_result("", describe(exc))


def run(ws: Workstation, app: QApplication, screen: QScreen | None = None) -> int:
    window = KioskWindow(ws)
    show_full_screen(window, screen)
    return app.exec()
