"""The login dialog: user, password and window number, with start-up status underneath.

While it is shown, the start-up operation reaches the centre and pulls the users; the dialog
tells whether the centre is reachable and, on a fresh workstation with no known users, why
nobody can log in yet. The connection error's own (English) wording goes to the log and to the
status line's tooltip, not onto the screen.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.people import StaffUser
from counter_app.services.auth import authenticate
from counter_app.services.workstation import Workstation
from counter_app.ui.errors import describe
from counter_app.ui.ops import Op

if TYPE_CHECKING:
    from counter_app.services.startup import StartupReport

log = logging.getLogger(__name__)


class LoginDialog(QDialog):
    logged_in = Signal(object)

    def __init__(self, ws: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.user: StaffUser | None = None
        self.setWindowTitle(self.tr("Social Insurance Counter — Log in"))
        self.setMinimumWidth(420)

        title = QLabel(self.tr("Social Insurance Integrated Counter"))
        title.setObjectName("loginTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = title.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        title.setFont(font)

        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.window_number = QSpinBox()
        self.window_number.setObjectName("windowNumber")
        self.window_number.setRange(1, 999)
        self.window_number.setValue(ws.config.window_number)

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Window"), self.window_number)

        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.status = QLabel(self.tr("Connecting to the central database…"))
        self.status.setObjectName("startupStatus")
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.login_button = self.buttons.addButton(
            self.tr("Log in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.login_button.setObjectName("loginButton")
        self.login_button.setDefault(True)
        self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addSpacing(12)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        layout.addWidget(self.status)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.try_login)
        self.username.setFocus()

    def show_startup(self, report: StartupReport) -> None:
        if report.sync.online:
            text = self.tr("Central database connected.")
        else:
            text = self.tr("Offline: the central database cannot be reached.")
            log.warning("central database unreachable at start-up: %s", report.sync.error)
        self.status.setToolTip("" if report.sync.online else (report.sync.error or ""))
        if report.known_users == 0:
            text += "\n" + self.tr(
                "No users are known on this workstation yet; it must reach the central "
                "database once before anyone can log in."
            )
        self.status.setText(text)

    def show_startup_failure(self, exc: BaseException) -> None:
        self.status.setText(describe(exc))

    def try_login(self) -> None:
        if not self.login_button.isEnabled():
            return  # a login is already being checked
        username = self.username.text().strip()
        password = self.password.text()
        if not username or not password:
            self.message.setText(self.tr("Enter your user name and password."))
            return
        self.login_button.setEnabled(False)
        self.message.setText("")
        Op(lambda: authenticate(self.ws.local, username, password), parent=self).success(
            self._logged_in
        ).failure(self._failed).run_in_background()

    def _logged_in(self, user: StaffUser) -> None:
        self.user = user
        self.login_button.setEnabled(True)
        self.logged_in.emit(user)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.login_button.setEnabled(True)
        self.message.setText(describe(exc))
        self.password.clear()
        self.password.setFocus()
