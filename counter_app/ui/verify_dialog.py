"""核验 — confirm from the central journal that a certificate's code is genuine."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import ValidationError
from counter_app.printing.verification import parse_code
from counter_app.services.certificates import Verification, verify_certificate
from counter_app.services.workstation import Workstation
from counter_app.ui.errors import describe, validation_text
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import category_label, insurance_label


class VerifyDialog(QDialog):
    def __init__(self, ws: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("Verify a certificate"))
        self.resize(520, 360)
        self.code = QLineEdit()
        self.code.setObjectName("verifyCode")
        self.code.setPlaceholderText("XXXXX-XXXXXX")
        self.code.returnPressed.connect(self.verify)
        self.button = QPushButton(self.tr("Verify"))
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

    def verify(self) -> None:
        try:
            code = parse_code(self.code.text())
        except ValidationError as exc:
            self.result.setText(validation_text(exc))
            self.result.setStyleSheet("color: #b00020;")
            return
        self.result.setText(self.tr("Asking the central database…"))
        Op(lambda: verify_certificate(self.ws.central(), code), parent=self).success(
            self._show
        ).failure(lambda exc: self.result.setText(describe(exc))).run_in_background()

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

    def _show(self, found: Verification) -> None:
        if not found.genuine:
            self.result.setText(self.tr("NOT genuine: %1").replace("%1", found.problem))
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
