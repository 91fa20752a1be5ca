"""转移 — send the ticket being served to another category or to one particular window.

Nothing is preselected: the teller chooses a category (the ticket goes back to the queue
under it, keeping its original place) or a window (only that window will call it), sees what
will happen, and confirms.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.client.workstation import Workstation
from counter_app.domain.queue import QueueCategory
from counter_app.services.counter_lookups import hall_windows
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import queue_category_label


class TransferDialog(QDialog):
    def __init__(
        self,
        ws: Workstation,
        ticket_display: str,
        categories: Sequence[QueueCategory],
        own_window: int,
        known_windows: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ticket_display = ticket_display
        self.own_window = own_window
        self.chosen_category: str | None = None
        self.chosen_window: int | None = None
        self.setObjectName("transferDialog")
        self.setWindowTitle(self.tr("Transfer ticket %1").replace("%1", ticket_display))
        self.setMinimumWidth(460)

        self.to_category = QRadioButton(self.tr("To a category"))
        self.to_category.setObjectName("transferToCategory")
        self.to_window = QRadioButton(self.tr("To a window"))
        self.to_window.setObjectName("transferToWindow")
        group = QButtonGroup(self)
        group.addButton(self.to_category)
        group.addButton(self.to_window)
        self.category_choice = QComboBox()
        self.category_choice.setObjectName("transferCategory")
        self.category_choice.addItem(self.tr("Choose a category…"), None)
        for category in categories:
            label = queue_category_label(ws.config.queue, category.code)
            self.category_choice.addItem(f"{category.code} {label}", category.code)
        self.window_choice = QComboBox()
        self.window_choice.setObjectName("transferWindow")
        self._fill_windows(known_windows)

        self.summary = QLabel()
        self.summary.setObjectName("transferSummary")
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = buttons.addButton(
            self.tr("Transfer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm_button.setObjectName("transferConfirm")
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.addWidget(self.to_category, 0, 0)
        grid.addWidget(self.category_choice, 0, 1)
        grid.addWidget(self.to_window, 1, 0)
        grid.addWidget(self.window_choice, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Where should ticket %1 go?").replace("%1", ticket_display))
        )
        layout.addLayout(grid)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)

        for widget in (self.to_category, self.to_window):
            widget.toggled.connect(self._update)
        self.category_choice.currentIndexChanged.connect(self._category_picked)
        self.window_choice.currentIndexChanged.connect(self._window_picked)
        self._update()
        Op(lambda: hall_windows(ws), parent=self).success(self._windows_loaded).failure(
            lambda exc: None
        ).run_in_background()

    def _fill_windows(self, numbers: Sequence[int]) -> None:
        chosen = self.window_choice.currentData()
        self.window_choice.blockSignals(True)
        self.window_choice.clear()
        self.window_choice.addItem(self.tr("Choose a window…"), None)
        for number in sorted(set(numbers) - {self.own_window}):
            self.window_choice.addItem(self.tr("Window %1").replace("%1", str(number)), number)
        index = self.window_choice.findData(chosen)
        self.window_choice.setCurrentIndex(max(0, index))
        self.window_choice.blockSignals(False)

    def _windows_loaded(self, numbers: list[int]) -> None:
        known = {int(self.window_choice.itemData(i)) for i in range(1, self.window_choice.count())}
        self._fill_windows(sorted(known | set(numbers)))
        self._update()

    def _category_picked(self) -> None:
        if self.category_choice.currentData() is not None:
            self.to_category.setChecked(True)
        self._update()

    def _window_picked(self) -> None:
        if self.window_choice.currentData() is not None:
            self.to_window.setChecked(True)
        self._update()

    def choice(self) -> tuple[str | None, int | None]:
        """(category, window) as chosen now; both ``None`` while nothing valid is chosen."""
        if self.to_category.isChecked() and self.category_choice.currentData() is not None:
            return str(self.category_choice.currentData()), None
        if self.to_window.isChecked() and self.window_choice.currentData() is not None:
            return None, int(self.window_choice.currentData())
        return None, None

    def _update(self) -> None:
        has_windows = self.window_choice.count() > 1
        self.to_window.setEnabled(has_windows)
        self.window_choice.setEnabled(has_windows)
        if not has_windows:
            self.to_window.setToolTip(self.tr("No other window of this hall is known yet."))
        category, window = self.choice()
        if category is not None:
            self.summary.setText(
                self.tr("%1 goes back to the queue as %2 and keeps its original place.")
                .replace("%1", self.ticket_display)
                .replace("%2", self.category_choice.currentText())
            )
        elif window is not None:
            self.summary.setText(
                self.tr("%1 goes back to the queue; only window %2 will call it.")
                .replace("%1", self.ticket_display)
                .replace("%2", str(window))
            )
        else:
            self.summary.setText(self.tr("Choose a category or a window."))
        self.confirm_button.setEnabled(category is not None or window is not None)

    def confirm(self) -> None:
        self.chosen_category, self.chosen_window = self.choice()
        if self.chosen_category is None and self.chosen_window is None:
            self.summary.setText(self.tr("Choose a category or a window."))
            return
        self.accept()
