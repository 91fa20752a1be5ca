"""The login dialog: user, password and window number, with start-up status underneath.

The dialog is the first window and opens before the workstation is prepared: made without a
workstation it says "preparing…", its fields take input at once and the login button waits.
``set_workstation`` activates it (a login already entered with Enter is then checked, with
what the fields hold by then); ``show_preparation_failure`` says in words why nobody can log
in. While it is shown, the start-up operation reaches the central service and pulls the
users; the dialog tells whether the centre is reachable and, on a fresh workstation with no
known users, why nobody can log in yet. The connection error's own (English) wording goes to
the log and to the status line's tooltip, not onto the screen.

Who checks the password is decided in ``client/login.check_login`` (the service first; the
cache only when the service does not answer); the dialog runs it on the background worker.

This module imports nothing heavy at load time (no SQLAlchemy): the services are imported
when they are first needed, after the workstation is prepared.
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

from counter_app.ui.ops import Op

if TYPE_CHECKING:
    from counter_app.client.login import CentralLoginRefused
    from counter_app.client.startup import StartupReport
    from counter_app.client.workstation import Workstation
    from counter_app.domain.people import StaffUser

log = logging.getLogger(__name__)


class LoginDialog(QDialog):
    logged_in = Signal(object)

    def __init__(
        self,
        ws: Workstation | None = None,
        parent: QWidget | None = None,
        *,
        window_number: int = 1,
    ) -> None:
        super().__init__(parent)
        self.ws: Workstation | None = None
        self.user: StaffUser | None = None
        self._checking = False  # a login is being checked
        self._login_waiting = False  # Enter was pressed before the workstation was ready
        self._window_edited = False
        self._unusable = False  # the workstation could not be prepared
        self._status_reported = False
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
        self.window_number.setValue(window_number)
        self.window_number.valueChanged.connect(self._window_number_edited)

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Window"), self.window_number)

        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.status = QLabel(self.tr("Preparing the workstation…"))
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
        self.login_button.setEnabled(False)
        if ws is not None:
            self.set_workstation(ws)

    def _window_number_edited(self) -> None:
        self._window_edited = True

    def set_workstation(self, ws: Workstation) -> None:
        """The workstation is prepared: logging in is possible now."""
        self.ws = ws
        self._unusable = False
        if not self._status_reported:
            self.status.setText(self.tr("Connecting to the central service…"))
        if not self._window_edited:  # what the teller set is kept
            self.window_number.blockSignals(True)
            self.window_number.setValue(ws.config.window_number)
            self.window_number.blockSignals(False)
        self.login_button.setEnabled(not self._checking)
        if self._login_waiting:
            self._login_waiting = False
            self.message.setText("")
            self.try_login()

    def show_preparation_failure(self, text: str, detail: str = "") -> None:
        """The workstation cannot be prepared; say why (``detail`` goes to the tooltip)."""
        self._unusable = True
        self._status_reported = True
        self.status.setText(text)
        self.status.setToolTip(detail)
        self.login_button.setEnabled(False)
        if self._login_waiting:
            self._login_waiting = False
            self.message.setText(self.tr("Logging in is not possible on this workstation now."))

    def show_cache_failure(self, detail: str) -> None:
        """The local cache cannot be opened (``detail``, in English, goes to the tooltip)."""
        self.show_preparation_failure(
            self.tr("The local cache of this workstation cannot be opened.")
            + "\n"
            + self.tr("Please contact the administrator; the details are in the log."),
            detail,
        )

    def show_startup(self, report: StartupReport) -> None:
        self._status_reported = True
        if report.sync.online:
            text = self.tr("Central service connected.")
        else:
            text = self.tr("Offline: the central service cannot be reached.")
            log.warning("central service unreachable at start-up: %s", report.sync.error)
        self.status.setToolTip("" if report.sync.online else (report.sync.error or ""))
        if report.known_users == 0:
            text += "\n" + self.tr(
                "No users are known on this workstation yet; it must reach the central "
                "service once before anyone can log in."
            )
        self.status.setText(text)

    def show_centre_problem(self, problem: BaseException) -> None:
        """Why this workstation has no central service (after ``show_startup``); the English
        details go to the tooltip and the log."""
        from counter_app.client.embedded_centre import EmbeddedCentreFailed
        from counter_app.client.startup import NotEnrolled
        from counter_app.remote.identity import IdentityUnavailable

        self._status_reported = True
        if isinstance(problem, NotEnrolled):
            text = self.tr(
                "This workstation is not enrolled with the central service yet; the "
                "administrator enrols it with counter-admin enrol."
            )
        elif isinstance(problem, IdentityUnavailable):
            text = self.tr("The key of this workstation cannot be read: no usable system keyring.")
        elif isinstance(problem, EmbeddedCentreFailed):
            text = self.tr("The central service of this PC did not start.")
        else:
            text = self.tr("The central service cannot be used.")
        text += "\n" + self.tr("Please contact the administrator; the details are in the log.")
        previous = self.status.text()
        self.status.setText(f"{previous}\n{text}" if previous else text)
        self.status.setToolTip(str(problem))

    def show_startup_failure(self, exc: BaseException) -> None:
        from counter_app.ui.errors import describe

        self._status_reported = True
        self.status.setText(describe(exc))

    def try_login(self) -> None:
        if self._checking:
            return  # a login is already being checked
        username = self.username.text().strip()
        password = self.password.text()
        if not username or not password:
            self.message.setText(self.tr("Enter your user name and password."))
            return
        ws = self.ws
        if ws is None:
            if self._unusable:
                self.message.setText(self.tr("Logging in is not possible on this workstation now."))
                return
            # still preparing: check this login as soon as the workstation is ready
            self._login_waiting = True
            self.message.setText(
                self.tr("The workstation is still being prepared; you will be logged in then.")
            )
            return
        self._checking = True
        self.login_button.setEnabled(False)
        self.message.setText("")

        def check() -> StaffUser:
            from counter_app.client.login import check_login

            return check_login(ws, username, password)

        Op(check, parent=self).success(self._logged_in).failure(self._failed).run_in_background()

    def _logged_in(self, user: StaffUser) -> None:
        self.user = user
        self._checking = False
        self.login_button.setEnabled(True)
        self.logged_in.emit(user)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from counter_app.client.login import CentralLoginRefused
        from counter_app.ui.errors import describe

        self._checking = False
        self.login_button.setEnabled(True)
        self.message.setText(
            self.refusal_text(exc) if isinstance(exc, CentralLoginRefused) else describe(exc)
        )
        self.password.clear()
        self.password.setFocus()

    def refusal_text(self, exc: CentralLoginRefused) -> str:
        if exc.code == "user_not_in_hall":
            return self.tr("This user belongs to another hall and cannot log in here.")
        return self.tr(
            "The central service refused this workstation; please contact the administrator."
        )
