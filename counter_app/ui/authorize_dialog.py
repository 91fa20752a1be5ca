"""On-the-spot authorization (授权): a supervisor types their own credentials at the window.

The credentials are checked by the central service, which records the authorization bound
to what it authorizes (``bound_to``); when the centre cannot be reached they are checked
against the cache and the authorization is an offline one, for a supervisor to confirm. An
account without the authority to authorize (a teller's) is told so in words, not by the name
of the missing permission.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.client.workstation import Workstation
from counter_app.domain.errors import PermissionDenied
from counter_app.services.document_printing import Authorization, authorize
from counter_app.ui.errors import describe
from counter_app.ui.ops import Op


class AuthorizeDialog(QDialog):
    def __init__(
        self, ws: Workstation, reason: str, bound_to: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.bound_to = bound_to
        self.authorized_by: str | None = None
        self.auth_ref: str | None = None
        self.setWindowTitle(self.tr("Supervisor authorization"))
        self.username = QLineEdit()
        self.username.setObjectName("authUser")
        self.password = QLineEdit()
        self.password.setObjectName("authPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("Supervisor"), self.username)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(reason))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def check(self) -> None:
        if not self.ok_button.isEnabled():
            return
        username, password = self.username.text().strip(), self.password.text()
        self.ok_button.setEnabled(False)
        bound_to = self.bound_to
        Op(lambda: authorize(self.ws, username, password, bound_to=bound_to), parent=self).success(
            self._ok
        ).failure(self._failed).run_in_background()

    def _ok(self, granted: Authorization) -> None:
        self.ok_button.setEnabled(True)
        self.authorized_by = granted.supervisor
        self.auth_ref = granted.auth_ref
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.password.clear()
        if isinstance(exc, PermissionDenied):
            self.message.setText(
                self.tr("This account may not authorize; a supervisor must enter their own.")
            )
        else:
            self.message.setText(describe(exc))
