"""核验 — confirm from the central journal that a certificate's code is genuine.

The code is checked here (length, check character) and then sent to the central service,
which looks it up in its journal; the dialog never touches a central database itself.

The field takes the code as typed or as a barcode scanner in keyboard mode types the QR code
(``COUNTER-VERIFY:…`` then Enter); after each check the text is selected, so the next scan
replaces it instead of being appended to it.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.client.workstation import Workstation
from counter_app.domain.errors import ValidationError
from counter_app.printing.verification import parse_code
from counter_app.services.certificates import (
    CONTENT_DIFFERS,
    JOURNAL_MODIFIED,
    NO_JOURNAL_ENTRY,
    UNKNOWN_CODE,
    Verification,
)
from counter_app.ui.errors import describe
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import category_label, insurance_label

log = logging.getLogger(__name__)


class VerifyDialog(QDialog):
    def __init__(self, ws: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.asked = 0
        self.setWindowTitle(self.tr("Verify a certificate"))
        self.resize(520, 360)
        self.code = QLineEdit()
        self.code.setObjectName("verifyCode")
        self.code.setPlaceholderText(self.tr("Type the code or scan the QR code"))
        self.code.returnPressed.connect(self.verify)
        self.button = QPushButton(self.tr("Verify"))
        # Enter in the field already verifies; as the dialog's default button it would verify
        # a second time.
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.verify)
        self.result = QLabel()
        self.result.setObjectName("verifyResult")
        self.result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.result, 1)

    def code_error_text(self, exc: ValidationError) -> str:
        """Why the typed or scanned text is not a verification code, in the UI language."""
        if exc.code == "length" and exc.params.get("actual") == "0":
            return self.tr("Type the verification code or scan the certificate's QR code.")
        if exc.code == "length":
            return (
                self.tr("A verification code has %1 characters; this one has %2.")
                .replace("%1", exc.params.get("expected", "11"))
                .replace("%2", exc.params.get("actual", "?"))
            )
        if exc.code == "check_digit":
            return self.tr(
                "The code is mistyped: its check character does not match. Please re-read it."
            )
        if exc.code == "wrong_document":
            return self.tr(
                "This QR code is on the acceptance receipt of case %1, not on a certificate."
            ).replace("%1", exc.params.get("case_no", ""))
        if exc.params.get("characters"):
            return self.tr("A verification code has no characters like %1.").replace(
                "%1", exc.params["characters"]
            )
        return self.tr("This is not a certificate's verification code.")

    def verify(self) -> None:
        self.code.selectAll()  # the next scan or typing replaces this code
        self.asked += 1  # an answer to an earlier question is no longer shown
        asked = self.asked
        try:
            code = parse_code(self.code.text())
        except ValidationError as exc:
            self.result.setText(self.code_error_text(exc))
            self.result.setStyleSheet("color: #b00020;")
            return
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Asking the central service…"))
        Op(lambda: self.ws.centre.verify_certificate(code), parent=self).success(
            lambda found: self._show(found) if asked == self.asked else None
        ).failure(
            lambda exc: self.result.setText(describe(exc)) if asked == self.asked else None
        ).run_in_background()

    def describe_content(self, content: dict[str, object]) -> list[str]:
        labels = {
            "name": self.tr("Name"),
            "id_number_masked": self.tr("ID number"),
            "insured_number": self.tr("Insured number"),
            "category": self.tr("Category"),
            "credit_code": self.tr("Credit code"),
            "address": self.tr("Address"),
            "insured_staff": self.tr("Insured staff"),
            "as_of": self.tr("Data as of"),
        }
        lines = []
        for key, label in labels.items():
            value = content.get(key)
            if value in (None, ""):
                continue
            text = category_label(str(value)) if key == "category" else str(value)
            lines.append(f"{label}: {text}")
        for item in content.get("insurance", []) or []:  # type: ignore[attr-defined]
            lines.append(
                f"{insurance_label(item['type'])}: "
                + self.tr("since %1").replace("%1", str(item["since"]))
            )
        return lines

    def problem_text(self, found: Verification) -> str:
        """Why ``found`` is not confirmed, in the UI language (by its problem code)."""
        if found.problem_code == UNKNOWN_CODE:
            return self.tr("No certificate was issued with this verification code.")
        if found.problem_code == NO_JOURNAL_ENTRY:
            return self.tr("The certificate is not recorded in the central journal.")
        if found.problem_code == JOURNAL_MODIFIED and found.journal_seq is not None:
            return self.tr("The journal entry %1 of this certificate has been altered.").replace(
                "%1", str(found.journal_seq)
            )
        if found.problem_code == CONTENT_DIFFERS:
            return self.tr(
                "The certificate's content differs from what was recorded when it was issued."
            )
        return self.tr("The central journal does not confirm this certificate.")

    def _show(self, found: Verification) -> None:
        if not found.genuine:
            log.warning("certificate %s not confirmed: %s", found.code, found.problem)
            self.result.setText(self.tr("NOT genuine: %1").replace("%1", self.problem_text(found)))
            self.result.setStyleSheet("color: #b00020; font-weight: bold;")
            return
        assert found.content is not None and found.issued_at is not None
        lines = [
            self.tr("Genuine. Journal entry %1.").replace("%1", str(found.journal_seq)),
            self.tr("Issued %1 by %2 in %3.")
            .replace("%1", f"{found.issued_at:%Y-%m-%d %H:%M}")
            .replace("%2", found.issued_by)
            .replace("%3", found.hall_code),
            "",
        ]
        lines += self.describe_content(found.content)
        self.result.setText("\n".join(lines))
        self.result.setStyleSheet("color: #1b7f3b;")
