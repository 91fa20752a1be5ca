"""One tab per catalogue group (一级事项): its items on the left, the chosen item's form beside.

Each entry names the item, its code, its review level (L1 finished on the spot, L2 review, L3
approval) and its time limit, so the teller tells the customer how long it takes before
filling anything in. Forms are made the first time their item is chosen (a custom form made
earlier by the window is used as it is) and kept, so switching items keeps what was typed;
every form forgets the customer on its own when the next one comes.

A tab is built from one catalogue version (``catalogue_version``) and stays with it: when a
newer version arrives the window replaces the whole tab once none of its forms holds work,
so a form never mixes items of two versions.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.catalogue.schema import Group, Item
from counter_app.ui.item_forms.generic_form import item_line
from counter_app.ui.roles_text import text_of

CODE_ROLE = Qt.ItemDataRole.UserRole
FormMaker = Callable[[Item], QWidget]


class ListSplitter(QSplitter):
    """A list beside a form: the list gets about a third of the width (never below what a
    name needs, never more than it needs), the form the rest, however large the screen."""

    def __init__(self, left: QWidget, right: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.addWidget(left)
        self.addWidget(right)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)
        self._balanced = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._balance()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._balance()

    def _balance(self) -> None:
        width = self.width()
        if self._balanced or width <= 0 or not self.isVisible():
            return
        self._balanced = True  # once: afterwards the teller's own dragging counts
        left = max(130, min(230, width * 3 // 10))
        self.setSizes([left, max(1, width - left - self.handleWidth())])


class GroupTab(QWidget):
    def __init__(
        self,
        group: Group,
        make_form: FormMaker,
        parent: QWidget | None = None,
        *,
        catalogue_version: str = "",
    ) -> None:
        super().__init__(parent)
        self.group = group
        self.catalogue_version = catalogue_version  # the version its items come from
        self.setObjectName(f"group_{group.code}")
        self._make_form = make_form
        self.forms: dict[str, QWidget] = {}
        self.pages: dict[str, QWidget] = {}  # the form, or the scroll area holding it
        self.items = {item.code: item for item in group.items}
        self.list = QListWidget()
        self.list.setObjectName("groupItems")
        self.list.setWordWrap(True)
        self.list.setMinimumWidth(120)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(1)
        for item in group.items:
            entry = QListWidgetItem(f"{text_of(item.name_zh, item.name_en)}\n{item_line(item)}")
            entry.setData(CODE_ROLE, item.code)
            entry.setToolTip(text_of(item.name_zh, item.name_en))
            self.list.addItem(entry)
        self.stack = QStackedWidget()
        self.stack.setObjectName("itemForms")
        splitter = ListSplitter(self.list, self.stack)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(splitter)
        self.list.currentItemChanged.connect(self._chosen)
        if self.list.count():
            self.list.setCurrentRow(0)

    def codes(self) -> list[str]:
        """The item codes the list offers, in its order."""
        return [str(self.list.item(row).data(CODE_ROLE)) for row in range(self.list.count())]

    def _chosen(self, current: QListWidgetItem | None, _previous: object = None) -> None:
        if current is not None:
            code = str(current.data(CODE_ROLE))
            self.form(code)
            self.stack.setCurrentWidget(self.pages[code])

    def form(self, code: str) -> QWidget:
        """The form of item ``code`` (made the first time it is asked for)."""
        form = self.forms.get(code)
        if form is None:
            form = self._make_form(self.items[code])
            self.forms[code] = form
            self.pages[code] = page = scrolled(form)
            self.stack.addWidget(page)
        return form

    def select(self, code: str) -> QWidget:
        """Choose item ``code`` in the list and show its form."""
        for row in range(self.list.count()):
            if self.list.item(row).data(CODE_ROLE) == code:
                self.list.setCurrentRow(row)
                break
        form = self.form(code)
        self.stack.setCurrentWidget(self.pages[code])
        return form

    def current_code(self) -> str | None:
        """The item chosen in the list."""
        entry = self.list.currentItem()
        return str(entry.data(CODE_ROLE)) if entry is not None else None

    def current_form(self) -> QWidget | None:
        page = self.stack.currentWidget()
        return next((self.forms[c] for c, p in self.pages.items() if p is page), None)


def scrolled(form: QWidget) -> QWidget:
    """``form`` inside a scroll area, so no form's minimum size widens the window; a form
    that scrolls its own content (the generic forms) is used as it is."""
    if form.findChild(QScrollArea, "intakeScroll") is not None:
        return form
    area = QScrollArea()
    area.setObjectName("formScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(form)
    return area
