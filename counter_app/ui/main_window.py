"""The teller window: customer panel on the left, transaction tabs on the right.

It owns the workstation's sync worker (``sync.worker.SyncWorker``, its own background
threads, never the GUI thread): started when the window opens after a login, woken right
after each accepted command and by F5, stopped when the window closes (which also ends the
user's central session). Its reports arrive on the GUI thread through a queued signal and
keep the status bar truthful: online or offline, what is pending, and the sync alarm. Which
tabs appear depends on the logged-in role's permissions; the services check the same
permissions again.

It also owns the ``CustomerContext`` — who is at the counter — shared by the customer panel
and the tabs: a newly called ticket (or Ctrl+N) starts a clean customer, a kiosk ticket's ID
number identifies its holder, a held ticket's customer comes back when it is resumed, and a
sync that changed something is reported so the screens re-read what they show.

The catalogue's tabs follow the newest published version: after a pull that brought
something the window asks the cache for a newer version (off the GUI thread). Tabs whose
forms hold no work — nothing typed, no accepted case on screen — are rebuilt from it at once;
a tab whose form is in use keeps the version it was built with (so the case records the
version it was filled in under) and the banner above the tabs says the new version takes
effect there once the form is finished; it is rebuilt on the next check after that (a new
customer, another tab chosen, an operation reported) or when the teller applies it now.
Quick search and the life events follow the new version too.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app import __version__
from counter_app.catalogue.schema import Catalogue, Group, Item
from counter_app.client.workstation import Workstation
from counter_app.domain.errors import CentralUnavailable
from counter_app.domain.people import StaffUser
from counter_app.domain.roles import Permission, permissions_of
from counter_app.services.catalogue_view import current_catalogue, newer_catalogue
from counter_app.services.queue import Ticket
from counter_app.sync.anchors_seen import HttpAudit
from counter_app.sync.port import NoSession
from counter_app.sync.worker import INTERVAL_SECONDS, SyncRound, SyncWorker
from counter_app.ui.catalogue_notice import CatalogueNotice
from counter_app.ui.customer_context import Change, CustomerContext, Outcome
from counter_app.ui.customer_panel import CustomerPanel
from counter_app.ui.idle_lock import IdleWatcher, LockDialog
from counter_app.ui.item_forms import custom_forms
from counter_app.ui.item_forms.bundle_form import LifeEventsTab
from counter_app.ui.item_forms.generic_form import GenericForm, IntakeOutcome
from counter_app.ui.item_forms.group_tab import GroupTab
from counter_app.ui.item_forms.pending_materials import PendingMaterialsTab
from counter_app.ui.ops import Op
from counter_app.ui.queue_dock import QueueDock
from counter_app.ui.quick_search import QuickSearch
from counter_app.ui.roles_text import role_label, text_of
from counter_app.ui.status_bar import CounterStatusBar
from counter_app.ui.tabs.authorizations_tab import AuthorizationsTab
from counter_app.ui.tabs.cases_tab import CasesTab
from counter_app.ui.tabs.certificate_tab import CertificateTab
from counter_app.ui.tabs.complaints_tab import ComplaintsTab
from counter_app.ui.tabs.enrollment_tab import EnrollmentTab
from counter_app.ui.tabs.follow_ups_tab import FollowUpsTab
from counter_app.ui.tabs.print_jobs_tab import PrintJobsTab
from counter_app.ui.tabs.sync_tab import SyncTab, alarm_text
from counter_app.ui.verify_dialog import VerifyDialog

SYNC_INTERVAL_MS = int(INTERVAL_SECONDS * 1000)
LOCK_AFTER_MS = 5 * 60_000

log = logging.getLogger(__name__)


def holds_work(form: QWidget) -> bool:
    """Whether ``form`` holds work for the customer at the counter: input not accepted yet,
    or the outcome of an accepted case (its receipt or notification still to print)."""
    check = getattr(form, "has_unsaved_input", None)
    if callable(check) and check():
        return True
    shows = getattr(form, "shows_result", None)
    if callable(shows):
        return bool(shows())
    return any(o.command_uuid is not None for o in form.findChildren(IntakeOutcome))


class TellerWindow(QMainWindow):
    synced = Signal(object)  # SyncRound, on the GUI thread
    catalogue_changed = Signal(str)  # the version the window offers now
    _report_arrived = Signal(object)  # SyncRound, emitted on the worker's threads

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
        self.worker: SyncWorker | None = None
        self.setWindowTitle(
            self.tr("Social Insurance Integrated Counter — Window %1 — %2 (%3)")
            .replace("%1", str(window_number))
            .replace("%2", user.display_name)
            .replace("%3", role_label(user.role))
        )
        from counter_app.ui.screen_fit import fit_to_screen  # restored size; shown maximized

        fit_to_screen(self, 1280, 800)

        self.status = CounterStatusBar(user, window_number)
        self.setStatusBar(self.status)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("transactionTabs")
        self.tabs.setUsesScrollButtons(True)
        self.context = CustomerContext(self)
        self.context.reported.connect(self._reported)
        self.customer = CustomerPanel(ws, self.context, user=user)
        self.customer.command_sent.connect(self._after_command)
        # The catalogue this window offers: one read of the cache before the window shows;
        # newer versions come with the pulls (``_check_catalogue``).
        self.catalogue = current_catalogue(ws)
        self.catalogue_notice = CatalogueNotice()
        self.catalogue_notice.apply_now.connect(self.apply_catalogue_now)
        self._catalogue_check_running = False
        self._catalogue_check_again = False  # a pull came while the check was running
        self.group_tabs: dict[str, GroupTab] = {}
        self.forms: list[QWidget] = []  # every item form made so far
        self.enrollment: EnrollmentTab | None = None
        self.certificates: CertificateTab | None = None
        self.life_events: LifeEventsTab | None = None
        self.pending_materials: PendingMaterialsTab | None = None
        self.quick_search: QuickSearch | None = None
        if Permission.ACCEPT_CASES in self.permissions:
            self._add_business_tabs()
        self.cases_tab = CasesTab(ws)
        self.tabs.addTab(self.cases_tab, self.tr("Today's business"))
        self.sync_tab = SyncTab(ws)
        self.sync_tab.sync_button.clicked.connect(lambda: self.sync_now())
        self.sync_tab.acknowledged.connect(self._after_command)  # a retry: send it now
        self.sync_tab.alarm_acknowledged.connect(lambda: self.status.set_alarm([]))
        self.tabs.addTab(self.sync_tab, self.tr("Sync"))
        self.print_jobs_tab = PrintJobsTab(ws)
        self.tabs.addTab(self.print_jobs_tab, self.tr("Print log"))
        self.follow_ups: FollowUpsTab | None = None
        self.complaints_tab = None
        if Permission.APPROVE_CASES in self.permissions:
            self.follow_ups = FollowUpsTab(ws, user)
            self.tabs.addTab(self.follow_ups, self.tr("Rating follow-ups"))
            self.follow_ups.closed.connect(self._after_command)
            self.complaints_tab: ComplaintsTab | None = ComplaintsTab(
                ws, user, context=self.context
            )
            self.tabs.addTab(self.complaints_tab, self.tr("Complaints"))
            self.complaints_tab.answered.connect(self._after_command)
            self.authorizations_tab = AuthorizationsTab(ws)
            self.tabs.addTab(self.authorizations_tab, self.tr("Offline authorizations"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        if Permission.SERVE_CUSTOMERS in self.permissions:
            splitter.addWidget(self.customer)
        else:
            self.customer.hide()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(2)
        right_layout.addWidget(self.catalogue_notice)
        right_layout.addWidget(self.tabs, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(splitter.count() - 1, 1)
        splitter.setSizes([360, 920][-splitter.count() :])
        self.setCentralWidget(splitter)
        self.queue_dock: QueueDock | None = None
        if Permission.SERVE_CUSTOMERS in self.permissions:
            self.queue_dock = QueueDock(ws, user, window_number, self)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.queue_dock)
            self.queue_dock.ticket_changed.connect(self._ticket_changed)
            self.queue_dock.released.connect(self._ticket_released)
            self.queue_dock.may_start_new_customer = self._may_start_new_customer
        self._build_menu()

        self._report_arrived.connect(self._synced, Qt.ConnectionType.QueuedConnection)
        QTimer.singleShot(0, self.start_sync)
        QTimer.singleShot(0, self.refresh_views)
        self.lock_dialog: LockDialog | None = None
        self.idle: IdleWatcher | None = None
        if lock_after_ms > 0:
            self.idle = IdleWatcher(lock_after_ms, self)
            self.idle.idle.connect(self.lock)

    # -- the catalogue's items ---------------------------------------------------------------
    def _add_business_tabs(self) -> None:
        """One tab per catalogue group, then the life events and the materials pending.

        Items with a form of their own get it from ``custom_forms()`` (made now, so they follow
        the customer from the start); every other item gets the generic form when first chosen.
        """
        self._custom = custom_forms()
        for group in sorted(self.catalogue.groups, key=lambda g: g.order):
            tab = self._group_tab(group, self.catalogue)
            self.group_tabs[group.code] = tab
            self.tabs.addTab(tab, text_of(group.name_zh, group.name_en))
        self.life_events = self._life_events_tab(self.catalogue)
        self.tabs.addTab(self.life_events, self.tr("Life events"))
        self.pending_materials = PendingMaterialsTab(
            self.ws, self.user, self.window_number, self.context
        )
        self.tabs.addTab(self.pending_materials, self.tr("Materials pending"))
        self.context.changed.connect(lambda _change: self._recheck_catalogue())
        self.context.reported.connect(lambda _outcome: self._recheck_catalogue())
        self.tabs.currentChanged.connect(lambda _index: self._recheck_catalogue())

    def _group_tab(self, group: Group, catalogue: Catalogue) -> GroupTab:
        """The tab of ``group`` as version ``catalogue`` has it, its custom forms made."""
        tab = GroupTab(
            group,
            partial(self._make_form, catalogue=catalogue),
            catalogue_version=catalogue.version,
        )
        for item in group.items:
            if item.handler in self._custom:
                tab.form(item.code)
        return tab

    def _life_events_tab(self, catalogue: Catalogue) -> LifeEventsTab:
        return LifeEventsTab(self.ws, self.user, self.window_number, self.context, catalogue)

    def _make_form(self, item: Item, catalogue: Catalogue) -> QWidget:
        """The form of ``item`` of ``catalogue``: it keeps that version for its cases."""
        factory = self._custom.get(item.handler or "")
        form: QWidget
        if factory is not None:
            if getattr(factory, "takes_catalogue", False):  # told its catalogue version
                form = factory(
                    self.ws, self.user, self.window_number, self.context, item, catalogue=catalogue
                )
            else:
                form = factory(self.ws, self.user, self.window_number, self.context, item)
        else:
            form = GenericForm(
                self.ws,
                self.user,
                self.window_number,
                self.context,
                item,
                catalogue_version=catalogue.version,
            )
        if factory is not None:
            self._take_customer(form)
        if isinstance(form, EnrollmentTab) and self.enrollment is None:
            self.enrollment = form
        if isinstance(form, CertificateTab) and self.certificates is None:
            self.certificates = form
        self.forms.append(form)
        return form

    def _take_customer(self, form: QWidget) -> None:
        """A custom form made while a customer is at the counter (a tab rebuilt for a new
        catalogue version) takes them in as the context's signals gave them to the others."""
        slot = getattr(form, "_context_changed", None)
        if not callable(slot):
            return
        if self.context.id_number is not None:
            slot(Change.PERSON)
        if self.context.employer_code is not None:
            slot(Change.EMPLOYER)

    # -- a newer catalogue version ----------------------------------------------------------
    def _check_catalogue(self) -> None:
        """After a pull that brought something: is there a newer catalogue version? (One
        read at a time; a pull during it asks again once it is done.)"""
        if not self.group_tabs:
            return
        if self._catalogue_check_running:
            self._catalogue_check_again = True
            return
        self._catalogue_check_running = True
        self._catalogue_check_again = False
        shown = self.catalogue.version

        def done() -> None:
            self._catalogue_check_running = False
            if self._catalogue_check_again:
                self._check_catalogue()

        def found(catalogue: Catalogue | None) -> None:
            if catalogue is not None:
                self.offer_catalogue(catalogue)
            done()

        def failed(exc: BaseException) -> None:
            log.warning("the catalogue version was not read: %s", exc)
            done()

        Op(lambda: newer_catalogue(self.ws, shown), parent=self).success(found).failure(
            failed
        ).run_in_background()

    def offer_catalogue(self, catalogue: Catalogue) -> None:
        """Offer ``catalogue`` from now on: idle tabs at once, the others once finished."""
        if catalogue.version == self.catalogue.version or not self.group_tabs:
            return
        log.info("catalogue version %s arrived", catalogue.version)
        self.catalogue = catalogue
        if self.quick_search is not None:
            self.quick_search.set_catalogue(catalogue)
        self._apply_catalogue(force=False, announce=True)
        self.catalogue_changed.emit(catalogue.version)

    def stale_tabs(self) -> list[QWidget]:
        """The catalogue tabs still built from an earlier version than the one offered."""
        stale: list[QWidget] = [
            tab
            for tab in self.group_tabs.values()
            if tab.catalogue_version != self.catalogue.version
        ]
        if (
            self.life_events is not None
            and self.life_events.catalogue.version != self.catalogue.version
        ):
            stale.append(self.life_events)
        return stale

    def _tab_holds_work(self, tab: QWidget) -> bool:
        forms = getattr(tab, "forms", {})
        return any(holds_work(form) for form in forms.values())

    def _recheck_catalogue(self) -> None:
        """A moment a form in use may have been finished: switch the tabs now idle (later, so
        no form is replaced inside one of its own signals)."""
        if self.catalogue_notice.waiting:
            QTimer.singleShot(0, lambda: self._apply_catalogue(force=False, announce=False))

    def apply_catalogue_now(self) -> None:
        """ "Apply now": switch every tab, after asking when input would be discarded."""
        busy = [tab for tab in self.stale_tabs() if self._tab_holds_work(tab)]
        unsaved = [
            tab
            for tab in busy
            if any(
                callable(getattr(f, "has_unsaved_input", None)) and f.has_unsaved_input()
                for f in getattr(tab, "forms", {}).values()
            )
        ]
        if unsaved:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved input"),
                self.tr(
                    "A form holds input that was not accepted. Discard it and switch to the "
                    "new catalogue version?"
                ),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self._apply_catalogue(force=True, announce=False)

    def _apply_catalogue(self, *, force: bool, announce: bool) -> None:
        """Bring the tabs to ``self.catalogue``: replace each stale tab that holds no work
        (every one with ``force``), add new groups, drop groups the version no longer has."""
        if not self.group_tabs:
            return
        catalogue = self.catalogue
        current = self.tabs.currentWidget()
        groups = sorted(catalogue.groups, key=lambda g: g.order)
        codes = {g.code for g in groups}
        replaced = 0
        for group in groups:
            old = self.group_tabs.get(group.code)
            if old is not None and old.catalogue_version == catalogue.version:
                continue
            if old is not None and not force and self._tab_holds_work(old):
                continue
            tab = self._group_tab_replacing(old, group, catalogue)
            self.group_tabs[group.code] = tab
            title = text_of(group.name_zh, group.name_en)
            if old is None:
                self.tabs.insertTab(len(self.group_tabs) - 1, tab, title)
            else:
                index = self.tabs.indexOf(old)
                self.tabs.insertTab(index, tab, title)
                self.tabs.removeTab(self.tabs.indexOf(old))
                if current is old:
                    self.tabs.setCurrentWidget(tab)
                    code = old.current_code()
                    if code is not None and code in tab.items:
                        tab.select(code)
                old.deleteLater()
            replaced += 1
        for code in [c for c in self.group_tabs if c not in codes]:
            old = self.group_tabs[code]
            if not force and self._tab_holds_work(old):
                continue
            self._forget_forms(old.forms.values())
            del self.group_tabs[code]
            self.tabs.removeTab(self.tabs.indexOf(old))
            old.deleteLater()
            replaced += 1
        events = self.life_events
        if (
            events is not None
            and events.catalogue.version != catalogue.version
            and (force or not self._tab_holds_work(events))
        ):
            self.life_events = self._life_events_tab(catalogue)
            index = self.tabs.indexOf(events)
            self.tabs.insertTab(index, self.life_events, self.tr("Life events"))
            self.tabs.removeTab(self.tabs.indexOf(events))
            if current is events:
                self.tabs.setCurrentWidget(self.life_events)
            events.deleteLater()
            replaced += 1
        self._order_group_tabs(groups)
        self._find_special_forms()
        waiting = self.stale_tabs()
        if waiting:
            titles = [self.tabs.tabText(self.tabs.indexOf(tab)) for tab in waiting]
            self.catalogue_notice.show_waiting(catalogue.version, titles)
        elif self.catalogue_notice.waiting or announce:
            self.catalogue_notice.clear()
            self.status.showMessage(
                self.tr("The service catalogue was updated to version %1.").replace(
                    "%1", catalogue.version
                ),
                15_000,
            )
        if replaced:
            log.info("%d catalogue tabs switched to version %s", replaced, catalogue.version)

    def _group_tab_replacing(
        self, old: GroupTab | None, group: Group, catalogue: Catalogue
    ) -> GroupTab:
        if old is not None:
            self._forget_forms(old.forms.values())
        return self._group_tab(group, catalogue)

    def _forget_forms(self, forms: Iterable[QWidget]) -> None:
        gone = {id(form) for form in forms}
        self.forms = [f for f in self.forms if id(f) not in gone]
        if self.enrollment is not None and id(self.enrollment) in gone:
            self.enrollment = None
        if self.certificates is not None and id(self.certificates) in gone:
            self.certificates = None

    def _order_group_tabs(self, groups: list[Group]) -> None:
        """Group tabs first, in the catalogue's order (groups a form still holds after)."""
        ordered: list[QWidget] = [
            self.group_tabs[g.code] for g in groups if g.code in self.group_tabs
        ]
        ordered += [t for c, t in self.group_tabs.items() if c not in {g.code for g in groups}]
        bar = self.tabs.tabBar()
        for position, tab in enumerate(ordered):
            index = self.tabs.indexOf(tab)
            if index != position:
                bar.moveTab(index, position)

    def _find_special_forms(self) -> None:
        """The first enrollment and certificate forms, in the tabs' order."""
        self.enrollment = self.certificates = None
        for tab in sorted(self.group_tabs.values(), key=self.tabs.indexOf):
            for form in tab.forms.values():
                if isinstance(form, EnrollmentTab) and self.enrollment is None:
                    self.enrollment = form
                if isinstance(form, CertificateTab) and self.certificates is None:
                    self.certificates = form

    def show_item(self, code: str) -> QWidget | None:
        """Open catalogue item ``code``: its group's tab, the item chosen, its form shown."""
        item = self.catalogue.find(code)
        tab = self.group_tabs.get(item.group) if item is not None else None
        if tab is None:
            return None
        if code not in tab.items:  # new in a version this tab waits for
            self.status.showMessage(
                self.tr(
                    "This item comes with catalogue version %1: finish the form in progress "
                    "on its tab first, or apply the new version now."
                ).replace("%1", self.catalogue.version),
                15_000,
            )
            return None
        self.tabs.setCurrentWidget(tab)
        return tab.select(code)

    def open_quick_search(self) -> QuickSearch | None:
        """Ctrl+K: find an item by name, code or pinyin initials and jump to it."""
        if not self.group_tabs:
            return None
        if self.quick_search is None:
            self.quick_search = QuickSearch(self.catalogue, self)
            self.quick_search.chosen.connect(self._item_chosen)
        self.quick_search.open_over(self.tabs)
        return self.quick_search

    def _item_chosen(self, code: str) -> None:
        form = self.show_item(code)
        if form is not None:
            form.setFocus()
            form.focusNextChild()

    def lock(self, *, session_ended: bool = False) -> None:
        """Hide the window's content until the user types their password again
        (``session_ended``: the centre no longer holds a session for them)."""
        if self.lock_dialog is not None:
            return
        self.centralWidget().setVisible(False)
        self.lock_dialog = LockDialog(self.ws, self.user, self, session_ended=session_ended)
        self.lock_dialog.unlocked.connect(self._unlocked)
        self.lock_dialog.open()

    def _unlocked(self) -> None:
        self.centralWidget().setVisible(True)
        self.lock_dialog = None
        if self.idle is not None:
            self.idle.timer.start()
        self.sync_now()  # commands held for want of a session go now

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Counter"))
        identify = QAction(self.tr("Identify customer"), self)
        identify.setShortcut(QKeySequence("F2"))
        identify.triggered.connect(self.customer.focus_search)
        file_menu.addAction(identify)
        new_customer = QAction(self.tr("New customer"), self)
        new_customer.setShortcut(QKeySequence("Ctrl+N"))
        new_customer.triggered.connect(self.new_customer)
        file_menu.addAction(new_customer)
        find = QAction(self.tr("Find an item…"), self)
        find.setShortcut(QKeySequence("Ctrl+K"))
        find.triggered.connect(self.open_quick_search)
        find.setEnabled(bool(self.group_tabs))
        file_menu.addAction(find)
        sync = QAction(self.tr("Sync now"), self)
        sync.setShortcut(QKeySequence("F5"))
        sync.triggered.connect(lambda: self.sync_now())
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

    # -- the customer at the counter ------------------------------------------------------
    def new_customer(self) -> None:
        """Ctrl+N: forget the customer everywhere (the ticket being served stays)."""
        self.context.new_customer()
        self.customer.focus_search()

    def _unsaved_forms(self) -> list[QWidget]:
        forms: list[QWidget] = [*self.forms]
        if self.life_events is not None:
            forms.append(self.life_events)
        unsaved = []
        for form in forms:
            check = getattr(form, "has_unsaved_input", None)
            if callable(check) and check():
                unsaved.append(form)
        return unsaved

    def _may_start_new_customer(self) -> bool:
        """Before the next ticket: no form may silently lose typed input."""
        if not self._unsaved_forms():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved input"),
            self.tr(
                "A form holds input that was not accepted. "
                "Discard it and go on to the next customer?"
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _ticket_changed(self, ticket: Ticket | None) -> None:
        """A ticket new to this window brings a new customer; cases link to the ticket."""
        current = self.context.ticket
        if ticket is None:
            if current is not None:
                self.context.set_ticket(None)  # finished: the person stays shown until the next
            return
        if current is not None and current.id == ticket.id:
            self.context.set_ticket(ticket)
            return
        self.context.start(ticket)
        parked = self.context.unpark(ticket.id)
        id_number = parked.id_number if parked is not None else ticket.id_number
        if parked is not None and parked.employer_code:
            self.context.set_employer(parked.employer_code)
        if id_number:
            self.customer.lookup(id_number)

    def _ticket_released(self, ticket: Ticket, action: str) -> None:
        """The ticket left the window: a held one keeps its customer for later."""
        if action == "hold":
            self.context.park(ticket.id)
        elif action != "finish":
            self.context.start(None)

    # -- sync ------------------------------------------------------------------------------
    def start_sync(self) -> None:
        """Start the sync worker (once); without a centre the window says it is offline."""
        if self.worker is not None:
            return
        if not self.ws.has_centre:
            try:
                self.ws.centre  # noqa: B018 (raises, saying why there is none)
            except CentralUnavailable as exc:
                self.status.set_online(False, str(exc))
            return
        centre = self.ws.centre
        try:  # the queue and certificate calls of this window are made for its user
            centre.act_as(self.user.username)
        except NoSession:
            log.info("%s has no central session here yet", self.user.username)
        self.worker = SyncWorker(
            self.ws.local,
            centre,
            audit_port=HttpAudit(centre),
            on_report=self._report_arrived.emit,
            name=f"sync-{self.ws.config.workstation_id}",
        )
        self.worker.start()

    def stop_sync(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None and not worker.stop():
            log.info("the sync worker is finishing a request on its own")

    def _after_command(self, _accepted: object = None) -> None:
        self.refresh_views()
        self.sync_now(urgent=True)

    def _reported(self, outcome: Outcome) -> None:
        """An operation finished: send what it queued, and re-read the views it changed."""
        if outcome.what == "sync":
            return  # the sync's own report: ``_synced`` refreshed already
        self.sync_now(urgent=True)
        self._refresh_outbox()
        self.sync_tab.refresh()
        changes = outcome.changes
        if outcome.cases_changed or (changes is not None and changes.certificates):
            self.cases_tab.refresh()

    def sync_now(self, *, urgent: bool = False) -> None:
        """Send what is pending now (F5, or a command was just accepted): wakes the worker,
        which also retries at once if it was waiting out a back-off. ``urgent`` is kept for
        callers of the former timer-driven sync; every wake is immediate now."""
        del urgent
        if self.worker is not None:
            self.worker.wake()

    def _synced(self, report: SyncRound) -> None:
        if self.worker is None:
            return  # a report that crossed the window's closing
        self.status.set_online(report.online, report.error or "")
        if self.user.username in report.push.no_session:
            # The central session expired (or was ended elsewhere): ask for the password;
            # the unlock logs in at the centre again and the held commands go.
            self.lock(session_ended=True)
        self.status.set_alarm([alarm_text(a) for a in report.alarms])
        self.sync_tab.show_alarms(report.alarms)
        if report.moved or report.error or report.new_alarms:
            self.refresh_views()
        else:
            self._refresh_outbox()
        if report.moved:
            self.context.report(Outcome("sync"))
        if report.pull.entries:
            self._check_catalogue()
        self.synced.emit(report)

    def _refresh_outbox(self) -> None:
        Op(lambda: (self.ws.outbox_counts(), self.ws.oldest_pending_age()), parent=self).success(
            lambda r: self.status.set_outbox(
                r[0]["pending"], r[0]["rejected"], r[1], r[0].get("quarantined", 0)
            )
        ).run_in_background()

    def refresh_views(self) -> None:
        self._refresh_outbox()
        self.sync_tab.refresh()
        self.cases_tab.refresh()
        self.print_jobs_tab.refresh()
        if self.follow_ups is not None:
            self.follow_ups.refresh()
            self.authorizations_tab.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_sync()
        self._end_central_session()
        if self.queue_dock is not None:
            self.queue_dock.timer.stop()
            self.queue_dock.close_rating()
        if self.idle is not None:
            self.idle.stop()
        super().closeEvent(event)

    def _end_central_session(self) -> None:
        """Log the user out at the centre, off the GUI thread (the launcher waits for it)."""
        if not self.ws.has_centre:
            return
        centre, username = self.ws.centre, self.user.username
        token = centre.release(username)  # now: a login after this keeps its own session
        if token is None:
            return

        def end() -> None:
            try:
                centre.end_session(token)
            except Exception:  # leaving must not fail on the way out
                log.warning("the central session of %s was not ended", username, exc_info=True)

        Op(end).run_in_background()
