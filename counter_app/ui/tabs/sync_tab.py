"""同步 — what this workstation has sent to the centre, and what the centre said.

Pending commands show their attempts and last error; rejected ones stay visible in red with
the centre's reason until the teller has dealt with them (no silent retry loop). Quarantined
ones — a command the push could not read or send for a reason of its own — are shown with
that reason in words and can be put back to pending with "Retry" once repaired; a pending
command held back behind a quarantined one says so. Every cell
is in the UI language: the business by its label (never the command kind), the reason by its
code; the centre's own wording and the connection error stay available as tooltips.

Above the list, the sync alarm: when the sync worker found that the central journal lost
entries (a restore from an old backup) or was rewritten, it says so here in red, with what
was done about it (commands offered again), until someone presses "Alarm noted".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from counter_app.client.workstation import Workstation
from counter_app.domain.errors import ValidationError
from counter_app.services.queries import OutboxItem, outbox_items
from counter_app.sync.anchors_seen import (
    ANCHOR_INVALID,
    COMMANDS_MISSING,
    JOURNAL_BEHIND,
    JOURNAL_REWRITTEN,
    Alarm,
    acknowledge_alarms,
    open_alarms,
)
from counter_app.sync.push import (
    DATA_REFUSED,
    HANDLER_FAILED,
    QUARANTINED,
    UNKNOWN_KIND,
    UNREADABLE,
    WAITS_FOR_QUARANTINED,
    release_quarantined,
)
from counter_app.ui.errors import conflict_text, validation_text
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import kind_label, outbox_status_label
from counter_app.ui.table_model import Column, RecordTableModel, replace_keeping_selection


def _colour(item: OutboxItem) -> str | None:
    if item.acknowledged:
        return "#777777"
    return {"rejected": "#b00020", "pending": "#a15c00", QUARANTINED: "#6a1b9a"}.get(item.status)


def _state(item: OutboxItem) -> str:
    label = outbox_status_label(item.status)
    return f"{label} ✓" if item.acknowledged else label


# Reason codes of a field-level rejection (see domain.errors.ValidationError.code).
_VALIDATION_CODES = frozenset(
    {"required", "length", "format", "birth_date", "range", "age", "not_allowed", "choice"}
)


def rejection_text(code: str | None, message: str | None) -> str:
    """The centre's reason for a rejection, translated by its code (one line)."""
    translate = QCoreApplication.translate
    code, message = code or "", message or ""
    if code == "PermissionDenied":
        return translate("SyncTab", "The user is not allowed to do this.")
    if code in _VALIDATION_CODES:
        return validation_text(ValidationError("", code, message))
    # Without the English message, conflict_text gives only what it knows how to translate.
    known = conflict_text(code, "").strip()
    if known:
        return known.splitlines()[0]
    return translate("SyncTab", "The central database refused this command.")


def quarantine_text(code: str | None) -> str:
    """Why the push set a command aside (or holds a pending one back), in words."""
    translate = QCoreApplication.translate
    texts = {
        UNREADABLE: translate(
            "SyncTab", "Quarantined: the saved command is damaged and cannot be read."
        ),
        UNKNOWN_KIND: translate(
            "SyncTab", "Quarantined: this program version does not know this kind of business."
        ),
        HANDLER_FAILED: translate(
            "SyncTab", "Quarantined: an unexpected error occurred while sending this command."
        ),
        DATA_REFUSED: translate(
            "SyncTab", "Quarantined: the central database refused the data of this command."
        ),
        WAITS_FOR_QUARANTINED: translate(
            "SyncTab", "Waiting: an earlier command it depends on is quarantined."
        ),
    }
    return texts.get(code or "") or translate(
        "SyncTab", "Quarantined: this command could not be sent."
    )


def alarm_text(alarm: Alarm) -> str:
    """One sync alarm in words, with when it was raised."""
    translate = QCoreApplication.translate
    if alarm.code == JOURNAL_BEHIND:
        text = (
            translate(
                "SyncTab",
                "The central journal now ends at entry %1, but this workstation had already "
                "received %2 entries more: the central database has lost entries (restored "
                "from an old backup?). Inform the system administrator.",
            )
            .replace("%1", str(alarm.seq))
            .replace("%2", str(alarm.count))
        )
    elif alarm.code == COMMANDS_MISSING:
        text = translate(
            "SyncTab",
            "%1 command(s) the central database had confirmed are no longer in its journal; "
            "they have been sent again.",
        ).replace("%1", str(alarm.count))
    elif alarm.code == JOURNAL_REWRITTEN:
        text = translate(
            "SyncTab",
            "Central journal entries this workstation saw signed have been changed (from "
            "entry %1). Inform the system administrator.",
        ).replace("%1", str(alarm.seq))
    elif alarm.code == ANCHOR_INVALID:
        text = translate(
            "SyncTab",
            "The central service sent a journal head that is not signed with its key (entry "
            "%1). Inform the system administrator.",
        ).replace("%1", str(alarm.seq))
    else:
        text = translate("SyncTab", "The central journal does not match what this workstation saw.")
    raised = alarm.raised_at.replace("T", " ")
    return translate("SyncTab", "%1 (raised %2)").replace("%1", text).replace("%2", raised)


def _reason(item: OutboxItem) -> str:
    if item.status == "rejected":
        return rejection_text(item.reason_code, item.reason)
    if item.status == QUARANTINED:
        return quarantine_text(item.quarantine_code)
    if item.status == "pending" and item.quarantine_code == WAITS_FOR_QUARANTINED:
        return quarantine_text(item.quarantine_code)
    if item.status == "pending" and item.last_error:
        return QCoreApplication.translate(
            "SyncTab", "Not sent yet: the central database could not be reached."
        )
    return ""


def _tooltip(item: OutboxItem) -> str:
    if item.status == "rejected":
        return item.reason or ""
    if item.status == QUARANTINED:
        return item.quarantine_detail or ""
    return item.last_error or ""


class SyncTab(QWidget):
    acknowledged = Signal()  # also after a retry: the outbox counts changed either way
    alarm_acknowledged = Signal()

    def __init__(self, ws: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.model: RecordTableModel[OutboxItem] = RecordTableModel(
            [
                Column(self.tr("Time"), lambda i: f"{i.created_at:%m-%d %H:%M:%S}"),
                Column(self.tr("Business"), lambda i: kind_label(i.kind, i.detail_kind)),
                Column(self.tr("Details"), lambda i: i.summary),
                Column(self.tr("State"), _state),
                Column(self.tr("Journal no."), lambda i: str(i.seq or "")),
                Column(self.tr("Attempts"), lambda i: str(i.attempts)),
                Column(
                    self.tr("Reason / last error"),
                    _reason,
                    tooltip=_tooltip,
                ),
            ],
            colour=_colour,
            parent=self,
        )
        self.view = QTableView()
        self.view.setObjectName("outboxView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.sync_button = QPushButton(self.tr("Sync now (F5)"))
        self.sync_button.setObjectName("syncNow")
        self.ack_button = QPushButton(self.tr("Rejection handled"))
        self.ack_button.setObjectName("acknowledgeRejection")
        self.ack_button.setEnabled(False)
        self.ack_button.clicked.connect(self.acknowledge_selected)
        self.retry_button = QPushButton(self.tr("Retry quarantined"))
        self.retry_button.setObjectName("retryQuarantined")
        self.retry_button.setToolTip(
            self.tr("Put the command back in the queue once its cause has been repaired.")
        )
        self.retry_button.setEnabled(False)
        self.retry_button.clicked.connect(self.retry_selected)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.alarms: list[Alarm] = []
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.alarm_label = QLabel()
        self.alarm_label.setObjectName("syncAlarmText")
        self.alarm_label.setWordWrap(True)
        self.alarm_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.alarm_button = QPushButton(self.tr("Alarm noted"))
        self.alarm_button.setObjectName("acknowledgeAlarm")
        self.alarm_button.setToolTip(
            self.tr("The alarm has been seen and passed on; stop showing it.")
        )
        self.alarm_button.clicked.connect(self.acknowledge_alarm)
        alarm_row = QHBoxLayout()
        alarm_row.addWidget(self.alarm_label, 1)
        alarm_row.addWidget(self.alarm_button)
        self.alarm_label.hide()
        self.alarm_button.hide()
        # The summary above the buttons: side by side they would not fit a small screen.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ack_button)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.sync_button)
        layout = QVBoxLayout(self)
        layout.addLayout(alarm_row)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)

    def _selected(self) -> OutboxItem | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        item = self._selected()
        self.ack_button.setEnabled(item is not None and item.status == "rejected")
        self.retry_button.setEnabled(item is not None and item.status == QUARANTINED)

    def acknowledge_selected(self) -> None:
        item = self._selected()
        if item is None or item.status != "rejected":
            return
        Op(lambda: self.ws.acknowledge_rejection(item.uuid), parent=self).success(
            self._acknowledged
        ).run_in_background()

    def retry_selected(self) -> None:
        item = self._selected()
        if item is None or item.status != QUARANTINED:
            return
        local = self.ws.local
        Op(lambda: release_quarantined(local, item.uuid), parent=self).success(
            self._acknowledged
        ).run_in_background()

    def _acknowledged(self, _result: object) -> None:
        self.acknowledged.emit()
        self.refresh()

    def acknowledge_alarm(self) -> None:
        local = self.ws.local
        Op(lambda: acknowledge_alarms(local), parent=self).success(
            self._alarm_acknowledged
        ).run_in_background()

    def _alarm_acknowledged(self, _count: object) -> None:
        self.show_alarms([])
        self.alarm_acknowledged.emit()

    def show_alarms(self, alarms: Sequence[Alarm]) -> None:
        """The open sync alarms (none: the panel is hidden)."""
        self.alarms = list(alarms)
        self.alarm_label.setText("\n".join(alarm_text(a) for a in alarms))
        self.alarm_label.setVisible(bool(alarms))
        self.alarm_button.setVisible(bool(alarms))

    def refresh(self) -> None:
        ws = self.ws
        Op(lambda: (outbox_items(ws), open_alarms(ws.local)), parent=self).success(
            self._show_all
        ).run_in_background()

    def _show_all(self, found: tuple[list[OutboxItem], list[Alarm]]) -> None:
        items, alarms = found
        self.show_alarms(alarms)
        self._show(items)

    def _show(self, items: list[OutboxItem]) -> None:
        replace_keeping_selection(self.view, self.model, items, lambda i: i.uuid)
        self.view.resizeColumnsToContents()
        pending = sum(1 for i in items if i.status == "pending")
        rejected = sum(1 for i in items if i.status == "rejected" and not i.acknowledged)
        quarantined = sum(1 for i in items if i.status == QUARANTINED)
        text = (
            self.tr("%1 waiting for the central database, %2 rejected")
            .replace("%1", str(pending))
            .replace("%2", str(rejected))
        )
        if quarantined:
            text += self.tr(", %1 quarantined").replace("%1", str(quarantined))
        self.summary.setText(text)
        self._selection_changed()
