"""Ctrl+K: jump to any catalogue item by typing its name, code or pinyin initials.

A teller with a customer waiting should not hunt through a dozen tabs: the popup takes
whatever comes first — ``参保``, ``REG-PER``, ``grcbdj`` — and lists the best matches
(``catalogue.search.search_items``); Enter opens the first (or the one chosen with the
arrow keys) in its group's tab, Esc closes the popup. When a newer catalogue version
arrives the window hands it over (``set_catalogue``) and the popup searches that one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.catalogue.schema import Catalogue
from counter_app.catalogue.search import search_items
from counter_app.ui.item_forms.generic_form import item_line
from counter_app.ui.roles_text import text_of

CODE_ROLE = Qt.ItemDataRole.UserRole
LIMIT = 20


class QuickSearch(QDialog):
    chosen = Signal(str)  # the item code

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.setObjectName("quickSearch")
        self.setWindowTitle(self.tr("Find an item"))
        self.setWindowFlag(Qt.WindowType.Popup, True)
        self.query = QLineEdit()
        self.query.setObjectName("quickSearchQuery")
        self.query.setPlaceholderText(self.tr("Item name, code or pinyin initials"))
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(self.search)
        self.query.installEventFilter(self)
        self.results = QListWidget()
        self.results.setObjectName("quickSearchResults")
        self.results.setWordWrap(True)
        self.results.itemActivated.connect(lambda entry: self.choose(entry))
        self.hint = QLabel()
        self.hint.setObjectName("quickSearchHint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.hint)
        layout.addWidget(self.results, 1)
        self.resize(460, 360)
        self.search("")

    def set_catalogue(self, catalogue: Catalogue) -> None:
        """Search ``catalogue`` from now on (the results shown are searched again)."""
        self.catalogue = catalogue
        self.search(self.query.text())

    def open_over(self, anchor: QWidget) -> None:
        """Show the popup at the top of ``anchor``, centred, with an empty query."""
        self.query.clear()
        width = min(max(320, anchor.width() // 2), anchor.width())
        height = min(360, max(200, anchor.height() - 40))
        self.resize(width, height)
        top_left = anchor.mapToGlobal(anchor.rect().topLeft())
        self.move(top_left.x() + (anchor.width() - width) // 2, top_left.y() + 20)
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus()

    def search(self, text: str) -> None:
        self.results.clear()
        if not text.strip():
            self.hint.setText(self.tr("Type a name, a code or pinyin initials (e.g. grcbdj)."))
            return
        found = search_items(self.catalogue, text, LIMIT)
        for item in found:
            entry = QListWidgetItem(f"{text_of(item.name_zh, item.name_en)}\n{item_line(item)}")
            entry.setData(CODE_ROLE, item.code)
            self.results.addItem(entry)
        if found:
            self.results.setCurrentRow(0)
            self.hint.setText(self.tr("Enter opens the chosen item; Esc closes."))
        else:
            self.hint.setText(self.tr("No item matches."))

    def choose(self, entry: QListWidgetItem | None = None) -> None:
        entry = entry or self.results.currentItem()
        if entry is None:
            return
        code = str(entry.data(CODE_ROLE))
        self.hide()
        self.chosen.emit(code)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = (self.results.currentRow() + step) % self.results.count()
                self.results.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose()
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
        return super().eventFilter(watched, event)
