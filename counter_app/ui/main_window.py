"""The teller window: customer panel on the left, transaction tabs on the right.

It owns the periodic sync (every ``SYNC_INTERVAL_MS`` and right after each accepted command,
on the database worker) and keeps the status bar truthful. Which tabs appear depends on the
logged-in role's permissions; the services check the same permissions again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QTabWidget, QWidget

from counter_app import __version__
from counter_app.domain.people import StaffUser
from counter_app.domain.roles import Permission, permissions_of
from counter_app.services.workstation import SyncReport, Workstation
from counter_app.ui.customer_panel import CustomerPanel
from counter_app.ui.idle_lock import IdleWatcher, LockDialog
from counter_app.ui.ops import Op
from counter_app.ui.queue_dock import QueueDock
from counter_app.ui.roles_text import role_label
from counter_app.ui.status_bar import CounterStatusBar
from counter_app.ui.tabs.cases_tab import CasesTab
from counter_app.ui.tabs.certificate_tab import CertificateTab
from counter_app.ui.tabs.enrollment_tab import EnrollmentTab
from counter_app.ui.tabs.follow_ups_tab import FollowUpsTab
from counter_app.ui.tabs.print_jobs_tab import PrintJobsTab
from counter_app.ui.tabs.sync_tab import SyncTab
from counter_app.ui.verify_dialog import VerifyDialog

SYNC_INTERVAL_MS = 10_000
LOCK_AFTER_MS = 5 * 60_000


class TellerWindow(QMainWindow):
    synced = Signal(object)  # SyncReport

    def __init__(
        self,
        ws: Workstation,
        user: StaffUser,
        window_number: int,
        parent: QWidget | None = None,
        *,
        lock_after_ms: int = LOCK_AFTER_MS,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.user = user
        self.window_number = window_number
        self.permissions = permissions_of(user.role)
        self._sync_running = False
        self.setWindowTitle(
            self.tr("Social Insurance Integrated Counter — Window %1 — %2 (%3)")
            .replace("%1", str(window_number))
            .replace("%2", user.display_name)
            .replace("%3", role_label(user.role))
        )
        self.resize(1280, 800)

        self.status = CounterStatusBar(user, window_number)
        self.setStatusBar(self.status)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("transactionTabs")
        self.customer = CustomerPanel(ws)
        self.enrollment: EnrollmentTab | None = None
        if Permission.ACCEPT_CASES in self.permissions:
            self.enrollment = EnrollmentTab(ws, user, window_number)
            self.tabs.addTab(self.enrollment, self.tr("Individual enrollment"))
            self.customer.id_number_entered.connect(self._prefill_id)
            self.customer.person_selected.connect(self._prefill_person)
            self.enrollment.submitted.connect(self._after_command)
            self.certificates: CertificateTab | None = CertificateTab(ws, user, window_number)
            self.tabs.addTab(self.certificates, self.tr("Proof of insurance"))
            self.certificates.issued.connect(self._after_command)
        else:
            self.certificates = None
        self.cases_tab = CasesTab(ws)
        self.tabs.addTab(self.cases_tab, self.tr("Today's cases"))
        self.sync_tab = SyncTab(ws)
        self.sync_tab.sync_button.clicked.connect(self.sync_now)
        self.sync_tab.acknowledged.connect(self.refresh_views)
        self.tabs.addTab(self.sync_tab, self.tr("Sync"))
        self.print_jobs_tab = PrintJobsTab(ws)
        self.tabs.addTab(self.print_jobs_tab, self.tr("Print log"))
        self.follow_ups: FollowUpsTab | None = None
        if Permission.APPROVE_CASES in self.permissions:
            self.follow_ups = FollowUpsTab(ws, user)
            self.tabs.addTab(self.follow_ups, self.tr("Rating follow-ups"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        if Permission.SERVE_CUSTOMERS in self.permissions:
            splitter.addWidget(self.customer)
        else:
            self.customer.hide()
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(splitter.count() - 1, 1)
        splitter.setSizes([360, 920][-splitter.count() :])
        self.setCentralWidget(splitter)
        self.queue_dock: QueueDock | None = None
        if Permission.SERVE_CUSTOMERS in self.permissions:
            self.queue_dock = QueueDock(ws, user, window_number, self)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.queue_dock)
            self.queue_dock.ticket_changed.connect(self._ticket_changed)
        self._build_menu()

        self._last_id = ""
        self.sync_timer = QTimer(self)
        self.sync_timer.timeout.connect(self.sync_now)
        self.sync_timer.start(SYNC_INTERVAL_MS)
        QTimer.singleShot(0, self.sync_now)
        QTimer.singleShot(0, self.refresh_views)
        self.lock_dialog: LockDialog | None = None
        self.idle: IdleWatcher | None = None
        if lock_after_ms > 0:
            self.idle = IdleWatcher(lock_after_ms, self)
            self.idle.idle.connect(self.lock)

    def lock(self) -> None:
        """Hide the window's content until the user types their password again."""
        if self.lock_dialog is not None:
            return
        self.centralWidget().setVisible(False)
        self.lock_dialog = LockDialog(self.ws, self.user, self)
        self.lock_dialog.unlocked.connect(self._unlocked)
        self.lock_dialog.open()

    def _unlocked(self) -> None:
        self.centralWidget().setVisible(True)
        self.lock_dialog = None
        if self.idle is not None:
            self.idle.timer.start()

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Counter"))
        identify = QAction(self.tr("Identify customer"), self)
        identify.setShortcut(QKeySequence("F2"))
        identify.triggered.connect(self.customer.focus_search)
        file_menu.addAction(identify)
        sync = QAction(self.tr("Sync now"), self)
        sync.setShortcut(QKeySequence("F5"))
        sync.triggered.connect(self.sync_now)
        file_menu.addAction(sync)
        verify = QAction(self.tr("Verify a certificate…"), self)
        verify.triggered.connect(lambda: VerifyDialog(self.ws, self).exec())
        file_menu.addAction(verify)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("Log out and quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("About"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)
        for index in range(min(self.tabs.count(), 9)):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            self.addAction(action)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr("Social Insurance Integrated Counter %1\nWorkstation %2, hall %3")
            .replace("%1", __version__)
            .replace("%2", self.ws.config.workstation_id)
            .replace("%3", self.ws.config.hall_code),
        )

    def _ticket_changed(self, ticket: object) -> None:
        """Cases accepted while a ticket is served are linked to that ticket."""
        if self.enrollment is not None:
            display = getattr(ticket, "display", None)
            ticket_id = getattr(ticket, "id", None)
            self.enrollment.current_ticket = f"{display}#{ticket_id}" if display else None

    # -- customer → form -------------------------------------------------------------------
    def _prefill_id(self, id_number: str) -> None:
        self._last_id = id_number
        if self.certificates is not None:
            self.certificates.prefill(id_number)

    def _prefill_person(self, person: object) -> None:
        if self.enrollment is not None and self._last_id:
            self.enrollment.prefill(self._last_id, person)  # type: ignore[arg-type]

    # -- sync ------------------------------------------------------------------------------
    def _after_command(self, _accepted: object) -> None:
        self.refresh_views()
        self.sync_now()

    def sync_now(self) -> None:
        if self._sync_running:
            return
        self._sync_running = True
        Op(self.ws.sync_once, parent=self).success(self._synced).failure(
            self._sync_failed
        ).run_in_background()

    def _synced(self, report: SyncReport) -> None:
        self._sync_running = False
        self.status.set_online(report.online, report.error or "")
        self.refresh_views()
        self.synced.emit(report)

    def _sync_failed(self, exc: BaseException) -> None:
        self._sync_running = False
        self.status.set_online(False, str(exc))

    def refresh_views(self) -> None:
        Op(lambda: (self.ws.outbox_counts(), self.ws.oldest_pending_age()), parent=self).success(
            lambda r: self.status.set_outbox(r[0]["pending"], r[0]["rejected"], r[1])
        ).run_in_background()
        self.sync_tab.refresh()
        self.cases_tab.refresh()
        self.print_jobs_tab.refresh()
        if self.follow_ups is not None:
            self.follow_ups.refresh()
        if self.customer.current is not None:
            self.customer.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sync_timer.stop()
        if self.queue_dock is not None:
            self.queue_dock.timer.stop()
        if self.idle is not None:
            self.idle.stop()
        super().closeEvent(event)
