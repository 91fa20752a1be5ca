"""Every catalogue item can be reached from the teller window, and Ctrl+K finds any of them.

The window offers one tab per catalogue group, in the catalogue's order, each listing the
group's items; choosing an item shows its form — the custom form registered for its handler,
else the generic form built from its data. The quick search (Ctrl+K) takes pinyin initials,
worked out here by hand from the item's Chinese name (standard Hanyu Pinyin readings).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from teller_windows import open_window

from counter_app.catalogue.load import shipped_catalogue
from counter_app.client.workstation import Workstation
from counter_app.ui.item_forms import custom_forms
from counter_app.ui.item_forms.generic_form import GenericForm


def test_every_item_is_listed_in_its_group_and_shows_a_form(qtbot: Any, ws: Workstation) -> None:
    catalogue = shipped_catalogue()
    window = open_window(qtbot, ws)
    forms = custom_forms()
    groups = sorted(catalogue.groups, key=lambda g: g.order)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[: len(groups)] == [g.name_en for g in groups]  # in the catalogue's order
    reached: set[str] = set()
    for group in groups:
        tab = window.group_tabs[group.code]
        window.tabs.setCurrentWidget(tab)
        assert tab.codes() == [item.code for item in group.items]
        for row, item in enumerate(group.items):
            entry = tab.list.item(row).text()
            assert item.name_en in entry and item.code in entry
            assert f"L{item.review_level}" in entry
            tab.list.setCurrentRow(row)  # as a click does
            form = tab.current_form()
            assert form is not None and form.isVisible(), item.code
            assert form is window.show_item(item.code)
            factory = forms.get(item.handler or "")
            if factory is not None:
                assert type(form) is factory, item.code
            else:
                assert isinstance(form, GenericForm) and form.item == item
            reached.add(item.code)
    assert reached == {item.code for item in catalogue.items}


def test_ctrl_k_finds_an_item_by_its_initials_and_jumps_to_it(qtbot: Any, ws: Workstation) -> None:
    window = open_window(qtbot, ws)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    search = window.quick_search
    assert search is not None and search.isVisible()
    # 养老保险待遇发放账户维护申请: yǎng lǎo bǎo xiǎn dài yù fā fàng zhàng hù wéi hù shēn qǐng.
    qtbot.keyClicks(search.query, "ylbxdyffzh")
    assert search.results.count() >= 1
    assert search.results.item(0).data(Qt.ItemDataRole.UserRole) == "CHG-PAY-ACCOUNT"
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    assert not search.isVisible()
    tab = window.group_tabs["change"]
    assert window.tabs.currentWidget() is tab
    form = tab.current_form()
    assert isinstance(form, GenericForm) and form.item.code == "CHG-PAY-ACCOUNT"
    assert form.isVisible()

    # By code, typed in lower case and full-width: the arrow keys choose, Esc closes.
    window.open_quick_search()
    assert search.isVisible() and search.query.text() == ""
    search.query.insert("ｃｅｒｔ－")  # an input method left in full-width mode
    codes = [search.results.item(i).data(Qt.ItemDataRole.UserRole) for i in range(2)]
    assert all(code.startswith("CERT-") for code in codes)
    qtbot.keyClick(search.query, Qt.Key.Key_Down)
    assert search.results.currentRow() == 1
    qtbot.keyClick(search.query, Qt.Key.Key_Escape)
    assert not search.isVisible()
    assert window.tabs.currentWidget() is tab  # nothing was opened
