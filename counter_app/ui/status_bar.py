"""The teller window's status bar: window number, user, online state, outbox count, clock.

It also carries the sync alarm (the central journal lost entries or was rewritten, as the
sync worker found): shown in red until someone acknowledges it on the Sync tab, because a
teller must not go on trusting a centre that forgot what it confirmed without knowing.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from counter_app.domain.people import StaffUser
from counter_app.ui.roles_text import role_label


class CounterStatusBar(QStatusBar):
    def __init__(self, user: StaffUser, window_number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_label = QLabel(self.tr("Window %1").replace("%1", str(window_number)))
        self.user_label = QLabel(
            self.tr("%1 (%2)").replace("%1", user.display_name).replace("%2", role_label(user.role))
        )
        self.online_label = QLabel()
        self.online_label.setObjectName("onlineState")
        self.outbox_label = QLabel()
        self.outbox_label.setObjectName("outboxCount")
        self.alarm_label = QLabel()
        self.alarm_label.setObjectName("syncAlarm")
        self.alarm_label.setStyleSheet(
            "color: white; background: #b00020; font-weight: bold; padding: 0 6px;"
        )
        self.alarm_label.hide()
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clock")
        for label in (
            self.window_label,
            self.user_label,
            self.alarm_label,
            self.online_label,
            self.outbox_label,
            self.clock_label,
        ):
            self.addPermanentWidget(label)
        self.set_online(None, "")
        self.set_outbox(0, 0)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(1000)
        self._tick()

    def set_online(self, online: bool | None, detail: str) -> None:
        if online is None:
            text, colour = self.tr("Connecting…"), "#666666"
        elif online:
            text, colour = self.tr("Online"), "#1b7f3b"
        else:
            text, colour = self.tr("Offline"), "#b00020"
        self.online_label.setText(f"● {text}")
        self.online_label.setStyleSheet(f"color: {colour};")
        self.online_label.setToolTip(detail)

    def set_outbox(
        self,
        pending: int,
        rejected: int,
        oldest: dt.timedelta | None = None,
        quarantined: int = 0,
    ) -> None:
        text = self.tr("Pending sync: %1").replace("%1", str(pending))
        if pending and oldest is not None:
            minutes = int(oldest.total_seconds() // 60)
            text += " " + self.tr("(oldest %1 min)").replace("%1", str(minutes))
        if rejected:
            text += "  " + self.tr("Rejected: %1").replace("%1", str(rejected))
        if quarantined:
            text += "  " + self.tr("Quarantined: %1").replace("%1", str(quarantined))
        self.outbox_label.setText(text)
        self.outbox_label.setStyleSheet("color: #b00020;" if rejected or quarantined else "")

    def set_alarm(self, details: list[str]) -> None:
        """Show the sync alarm (``details``: each open alarm in words) or hide it (empty)."""
        if not details:
            self.alarm_label.hide()
            self.alarm_label.setToolTip("")
            return
        self.alarm_label.setText("⚠ " + self.tr("Sync alarm — see the Sync tab"))
        self.alarm_label.setToolTip("\n\n".join(details))
        self.alarm_label.show()

    def _tick(self) -> None:
        self.clock_label.setText(dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S"))
