"""好差评 — the customer-facing rating window shown after each finished service.

With a second screen (the one facing the customer), it fills that screen. On a single screen
it must not get in the teller's way: a small window that does not take the keyboard focus,
never modal, in the bottom-right corner away from the form. Escape (or closing it) dismisses
it without a rating; calling the next ticket closes it too. The rating is linked to the ticket
(and so to window and teller) but never to the person; it is recorded by the central service,
on the session of the teller who served, and a bad rating opens a follow-up there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counter_app.client.workstation import Workstation
from counter_app.domain.queue import RATING_LEVELS
from counter_app.ui.errors import describe
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import rating_label

CORNER_MARGIN = 16


class RatingWindow(QWidget):
    rated = Signal(int)  # the level
    dismissed = Signal()  # closed without a rating: counted as no rating

    def __init__(self, ws: Workstation, ticket_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ws = ws
        self.ticket_id = ticket_id
        self.full_screen = False
        self._settled = False  # rated or dismissed: nothing more to report
        self.setObjectName("ratingWindow")
        self.setWindowTitle(self.tr("Please rate our service"))
        self.question = QLabel(self.tr("How satisfied are you with this service?"))
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.buttons: dict[int, QPushButton] = {}
        row = QHBoxLayout()
        for level in RATING_LEVELS:
            button = QPushButton(rating_label(level))
            button.setObjectName(f"rate_{level}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, lv=level: self.rate(lv))
            self.buttons[level] = button
            row.addWidget(button)
        self.message = QLabel()
        self.hint = QLabel(self.tr("Esc: close without a rating"))
        self.hint.setObjectName("ratingHint")
        self.hint.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)

    # -- where it appears --------------------------------------------------------------------
    def show_for_customer(self, teller_screen: QScreen | None = None) -> None:
        """Full screen on a screen other than the teller's, else small in a corner of theirs."""
        screens = QGuiApplication.screens()
        teller_screen = teller_screen or QGuiApplication.primaryScreen()
        others = [s for s in screens if s is not teller_screen]
        if others:
            self._show_full_screen(others[0])
        else:
            self._show_in_corner(teller_screen)

    def _show_full_screen(self, screen: QScreen) -> None:
        self.full_screen = True
        self._scale(question=14, buttons=160, label=8)
        self.hint.hide()  # the customer has no keyboard; the teller closes it with Esc
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def _show_in_corner(self, screen: QScreen | None) -> None:
        self.full_screen = False
        self.setWindowFlags(
            Qt.WindowType.Tool
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowTitleHint
            | Qt.WindowType.WindowCloseButtonHint
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self._scale(question=2, buttons=44, label=0)
        self.adjustSize()
        if screen is not None:
            area = screen.availableGeometry()
            size = self.sizeHint().expandedTo(self.minimumSizeHint())
            self.resize(size)
            self.move(
                area.right() - size.width() - CORNER_MARGIN,
                area.bottom() - size.height() - CORNER_MARGIN,
            )
        self.show()

    def _scale(self, *, question: int, buttons: int, label: int) -> None:
        font = self.question.font()
        font.setPointSize(max(9, font.pointSize()) + question)
        self.question.setFont(font)
        for button in self.buttons.values():
            button.setMinimumHeight(buttons)
            big = button.font()
            big.setPointSize(max(9, big.pointSize()) + label)
            button.setFont(big)

    # -- rating or not -----------------------------------------------------------------------
    def rate(self, level: int) -> None:
        if self._settled:
            return
        self._settled = True
        for button in self.buttons.values():
            button.setEnabled(False)
        ticket_id = self.ticket_id
        Op(lambda: self.ws.centre.rate(ticket_id, level), parent=self).success(
            lambda _id: self._done(level)
        ).failure(self._failed).run_in_background()

    def _failed(self, exc: BaseException) -> None:
        self._settled = False
        for button in self.buttons.values():
            button.setEnabled(True)
        self.message.setText(describe(exc))

    def _done(self, level: int) -> None:
        self.message.setText(self.tr("Thank you!"))
        self.rated.emit(level)
        self.close()

    def dismiss(self) -> None:
        """Close without a rating (Escape, the next ticket, logging out)."""
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._settled:
            self._settled = True
            self.dismissed.emit()
        super().closeEvent(event)
