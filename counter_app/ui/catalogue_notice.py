"""The banner above the teller's tabs while a newer service catalogue waits for a form.

A catalogue version published during the day reaches the window with the next pull. Tabs
whose forms hold nothing are rebuilt at once; a tab whose form the teller is filling in (or
whose accepted case is still on screen) keeps its version until that form is finished, and
this banner says so — non-modal, so the customer at the counter is served without a click.
"Apply now" switches those tabs too (the window asks before input is discarded).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class CatalogueNotice(QFrame):
    apply_now = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogueNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#catalogueNotice { background: #fff4d6; border: 1px solid #d9a400; }"
            " #catalogueNotice QLabel { color: #5c4300; }"
        )
        self.text = QLabel()
        self.text.setObjectName("catalogueNoticeText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(self.tr("Apply now"))
        self.button.setObjectName("applyCatalogue")
        self.button.setToolTip(
            self.tr("Switch the forms still in use to the new catalogue version now.")
        )
        self.button.clicked.connect(self.apply_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.version = ""
        self.waiting: tuple[str, ...] = ()
        self.hide()

    def show_waiting(self, version: str, tabs: Sequence[str]) -> None:
        """Version ``version`` is offered; the tabs titled ``tabs`` still hold a form."""
        self.version, self.waiting = version, tuple(tabs)
        self.text.setText(
            self.tr(
                "The service catalogue was updated to version %1; it takes effect in %2 once "
                "the form in progress there is finished."
            )
            .replace("%1", version)
            .replace("%2", self.tr(", ").join(f"“{tab}”" for tab in tabs))
        )
        self.show()

    def clear(self) -> None:
        self.version, self.waiting = "", ()
        self.text.clear()
        self.hide()
