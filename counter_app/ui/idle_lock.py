"""Screen lock when idle: after a quiet period the window hides its content behind a lock.

Tellers step away from the counter; personal data must not stay readable. Any keyboard or
mouse input restarts the countdown. Unlocking takes the logged-in user's password, checked
on the background worker exactly like a login (``client/login.check_login``): by the central
service when it answers — its refusal and its lock-out are final — and by the cache only
when it cannot be reached.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.client.login import CentralLoginRefused, check_login
from counter_app.client.workstation import Workstation
from counter_app.domain.people import StaffUser
from counter_app.ui.errors import describe
from counter_app.ui.ops import Op

INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


class IdleWatcher(QObject):
    """Emits ``idle`` after ``timeout_ms`` without user input anywhere in the application."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(timeout_ms)
        self.timer.timeout.connect(self.idle)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self.timer.isActive():
            self.timer.start()
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockDialog(QDialog):
    unlocked = Signal()

    def __init__(
        self,
        ws: Workstation,
        user: StaffUser,
        parent: QWidget | None = None,
        *,
        session_ended: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.user = user
        self.setWindowTitle(self.tr("Log in again") if session_ended else self.tr("Screen locked"))
        self.setModal(True)
        text = (
            self.tr(
                "Your session at the central service has ended. %1, enter your password to "
                "continue; your work is kept and is sent as soon as you are logged in."
            )
            if session_ended
            else self.tr("The screen is locked. %1, enter your password to continue.")
        )
        info = QLabel(text.replace("%1", user.display_name))
        info.setObjectName("lockInfo")
        info.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.try_unlock)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.button = QPushButton(self.tr("Unlock"))
        self.button.clicked.connect(self.try_unlock)
        layout = QVBoxLayout(self)
        for widget in (info, self.password, self.message, self.button):
            layout.addWidget(widget)

    def try_unlock(self) -> None:
        if not self.button.isEnabled():
            return
        password = self.password.text()
        self.button.setEnabled(False)
        ws, username = self.ws, self.user.username
        Op(lambda: check_login(ws, username, password), parent=self).success(self._ok).failure(
            self._failed
        ).run_in_background()

    def _ok(self, _user: object) -> None:
        self.button.setEnabled(True)
        self.unlocked.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        self.password.clear()
        if isinstance(exc, CentralLoginRefused):
            self.message.setText(
                self.tr("The central service refused this login; please contact the administrator.")
            )
        else:
            self.message.setText(describe(exc))

    def reject(self) -> None:  # Escape must not unlock
        return
