"""好差评 — the customer-facing rating window shown after each finished service.

It opens on the second screen when there is one. The rating is linked to the ticket (and so
to window and teller) but never to the person; a bad rating opens a follow-up in the centre.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counter_app.domain.queue import RATING_LEVELS
from counter_app.services import queue
from counter_app.services.workstation import Workstation
from counter_app.ui.errors import describe
from counter_app.ui.ops import Op


class RatingWindow(QWidget):
    rated = Signal(int)  # the level

    def __init__(self, ws: Workstation, ticket_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ticket_id = ticket_id
        self.setWindowTitle(self.tr("Please rate our service"))
        question = QLabel(self.tr("How satisfied are you with this service?"))
        font = question.font()
        font.setPointSize(font.pointSize() + 8)
        question.setFont(font)
        self.buttons: dict[int, QPushButton] = {}
        row = QHBoxLayout()
        for level, label in RATING_LEVELS.items():
            button = QPushButton(label)
            button.setObjectName(f"rate_{level}")
            button.setMinimumHeight(80)
            button.clicked.connect(lambda _=False, lv=level: self.rate(lv))
            self.buttons[level] = button
            row.addWidget(button)
        self.message = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(row)
        layout.addWidget(self.message)
        screens = QGuiApplication.screens()
        if len(screens) > 1:  # the customer faces the second screen
            self.setScreen(screens[1])
            self.move(screens[1].geometry().topLeft())

    def rate(self, level: int) -> None:
        for button in self.buttons.values():
            button.setEnabled(False)
        Op(lambda: queue.rate(self.ws.central(), self.ticket_id, level), parent=self).success(
            lambda _id: self._done(level)
        ).failure(lambda exc: self.message.setText(describe(exc))).run_in_background()

    def _done(self, level: int) -> None:
        self.message.setText(self.tr("Thank you!"))
        self.rated.emit(level)
        self.close()
