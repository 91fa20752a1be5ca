"""Life events (一件事一次办): several catalogue items accepted together, one visit, one receipt.

A life event — retirement, a death in the family, starting a business — opens every item it
needs at once: each item's fields in a section of its own, ONE materials checklist over all of
them (a material two items ask for is handed in once), one Accept. That sends a single
``case.accept`` naming the bundle and every part, so the centre accepts the whole life event
or none of it, and the customer gets one acceptance receipt listing every item (or one
one-time notification listing everything missing for all of them).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.catalogue.schema import Bundle, Catalogue
from counter_app.client.workstation import Workstation
from counter_app.domain.people import StaffUser
from counter_app.ui.customer_context import CustomerContext
from counter_app.ui.item_forms.generic_form import IntakeForm, heading_label, item_line
from counter_app.ui.item_forms.group_tab import ListSplitter
from counter_app.ui.roles_text import text_of

translate = QCoreApplication.translate
CODE_ROLE = Qt.ItemDataRole.UserRole


class BundleForm(IntakeForm):
    """The items of one life event, accepted together."""

    def __init__(
        self,
        ws: Workstation,
        user: StaffUser,
        window_number: int,
        context: CustomerContext,
        catalogue: Catalogue,
        bundle: Bundle,
        parent: QWidget | None = None,
    ) -> None:
        items = [catalogue.item(code) for code in bundle.items]
        super().__init__(
            ws,
            user,
            window_number,
            context,
            items,
            parent,
            catalogue_version=catalogue.version,
            bundle=bundle.code,
        )
        self.bundle_def = bundle
        self.setObjectName(f"bundleForm_{bundle.code}")
        self.heading = heading_label(text_of(bundle.name_zh, bundle.name_en))
        self.heading.setObjectName("bundleHeading")
        self.body_layout.addWidget(self.heading)
        note = text_of(bundle.note_zh, bundle.note_en)
        if note:
            label = QLabel(note)
            label.setObjectName("bundleNote")
            label.setWordWrap(True)
            self.body_layout.addWidget(label)
        self.body_layout.addWidget(self.subject)
        self.sections: list[QGroupBox] = []
        for number, (item, part) in enumerate(zip(items, self.parts, strict=True), 1):
            box = QGroupBox(f"{number}. {text_of(item.name_zh, item.name_en)}")
            box.setObjectName(f"bundleItem_{item.code}")
            inner = QVBoxLayout(box)
            info = QLabel(item_line(item))
            info.setWordWrap(True)
            inner.addWidget(info)
            if item.fields:
                inner.addWidget(part)
            else:
                part.hide()
                none = QLabel(translate("ItemForms", "Nothing to fill in for this item."))
                none.setWordWrap(True)
                inner.addWidget(none)
            self.sections.append(box)
            self.body_layout.addWidget(box)
        self.checklist.setTitle(translate("ItemForms", "Materials for all items"))
        self._finish_layout()


class LifeEventsTab(QWidget):
    """一件事: the catalogue's life events on the left, the chosen one's form on the right."""

    def __init__(
        self,
        ws: Workstation,
        user: StaffUser,
        window_number: int,
        context: CustomerContext,
        catalogue: Catalogue,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.user = user
        self.window_number = window_number
        self.context = context
        self.catalogue = catalogue
        self.forms: dict[str, BundleForm] = {}
        self.list = QListWidget()
        self.list.setObjectName("lifeEvents")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(1)
        for bundle in catalogue.bundles:
            entry = QListWidgetItem(
                text_of(bundle.name_zh, bundle.name_en)
                + "\n"
                + translate("ItemForms", "%1 items").replace("%1", str(len(bundle.items)))
            )
            entry.setData(CODE_ROLE, bundle.code)
            self.list.addItem(entry)
        self.stack = QStackedWidget()
        self.empty = QLabel(
            translate("ItemForms", "Choose a life event on the left.")
            if catalogue.bundles
            else translate("ItemForms", "The catalogue has no life events.")
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)
        splitter = ListSplitter(self.list, self.stack)
        self.list.setMinimumWidth(120)
        QVBoxLayout(self).addWidget(splitter)
        self.list.currentItemChanged.connect(self._chosen)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _chosen(self, current: QListWidgetItem | None, _previous: object = None) -> None:
        if current is None:
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.form(str(current.data(CODE_ROLE))))

    def form(self, code: str) -> BundleForm:
        """The form of life event ``code`` (made the first time it is chosen)."""
        form = self.forms.get(code)
        if form is None:
            bundle = self.catalogue.bundle(code)
            form = BundleForm(
                self.ws, self.user, self.window_number, self.context, self.catalogue, bundle
            )
            self.forms[code] = form
            self.stack.addWidget(form)
        return form

    def choose(self, code: str) -> BundleForm:
        """Show life event ``code``."""
        for row in range(self.list.count()):
            if self.list.item(row).data(CODE_ROLE) == code:
                self.list.setCurrentRow(row)
                break
        form = self.form(code)
        self.stack.setCurrentWidget(form)
        return form

    def current_form(self) -> BundleForm | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, BundleForm) else None

    def has_unsaved_input(self) -> bool:
        return any(f.has_unsaved_input() for f in self.forms.values())
