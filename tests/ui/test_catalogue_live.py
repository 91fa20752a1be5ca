"""A catalogue version published during the day reaches the open teller window.

The administrator publishes a new version centrally while the teller is serving a customer
with a half-filled form; the pull brings it without a new login. Tabs whose forms hold
nothing show the new version at once (a new item, a life event renamed, Ctrl+K finds the new
item); the tab with the form in progress keeps it — with the version it was built from, which
its case records — and the banner says the new version takes effect there once that form is
finished. The next customer gets the new version everywhere, and their case records it.
Finally "Apply now" switches a form in use, after the teller agreed to discard its input.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy.orm import Session
from standards import gb11643_check
from teller_windows import open_window, registered_persons

from counter_app.catalogue.load import shipped_catalogue
from counter_app.catalogue.schema import Catalogue
from counter_app.centre import bootstrap
from counter_app.client.workstation import Workstation
from counter_app.storage.shared_models import CaseRow
from counter_app.ui.item_forms.generic_form import GenericForm
from counter_app.ui.main_window import TellerWindow

FIRST = "44030519550307004" + gb11643_check("44030519550307004")
SECOND = "11010519851224002" + gb11643_check("11010519851224002")
PEOPLE = {FIRST: "孙立新", SECOND: "周大为"}
RENAMED_ZH = "养老保险待遇领取账户变更"
RENAMED_EN = "Change of the bank account the pension is paid into"
NEW_ITEM = "UNEMP-TRAINING"
NEW_ITEM_EN = "Vocational training subsidy for the unemployed"
NEW_BUNDLE_EN = "Retirement, all in one visit"


def identify(qtbot: Any, window: TellerWindow, id_number: str) -> None:
    window.new_customer()
    with qtbot.waitSignal(window.customer.person_selected, timeout=10_000):
        window.customer.lookup(id_number)
    assert window.context.id_number == id_number


def next_version(base: Catalogue, version: str) -> Catalogue:
    """``base`` as version ``version``: CHG-PAY-ACCOUNT renamed, a new unemployment item,
    the retirement life event renamed."""
    data = base.to_json()
    data["version"] = version
    for group in data["groups"]:
        for item in group["items"]:
            if item["code"] == "CHG-PAY-ACCOUNT":
                item["name_zh"], item["name_en"] = RENAMED_ZH, RENAMED_EN
        if group["code"] == "unemployment" and all(i["code"] != NEW_ITEM for i in group["items"]):
            model = next(i for i in group["items"] if i["code"] == "UNEMP-REGISTER")
            group["items"].append(
                {
                    **model,
                    "code": NEW_ITEM,
                    "name_zh": "失业人员职业培训补贴申领",
                    "name_en": NEW_ITEM_EN,
                    "keywords": ["培训补贴"],
                }
            )
    for bundle in data["bundles"]:
        if bundle["code"] == "BUNDLE-RETIRE":
            bundle["name_en"] = NEW_BUNDLE_EN
    return Catalogue.from_json(data)


def central_case(central: Any, case_id: str) -> CaseRow:
    with Session(central) as session:
        case = session.get(CaseRow, case_id)
        assert case is not None
        session.expunge(case)
        return case


def fill_pay_account(form: GenericForm, holder: str) -> None:
    fields = form.fields
    fields.inputs["account_number"].insert("622202120012345678")  # type: ignore[attr-defined]
    fields.inputs["account_holder"].insert(holder)  # type: ignore[attr-defined]
    form.checklist.tick_all()


def list_names(window: TellerWindow, group: str) -> list[str]:
    tab = window.group_tabs[group]
    return [tab.list.item(row).text() for row in range(tab.list.count())]


def test_a_version_published_mid_day_reaches_the_open_window(
    qtbot: Any, ws: Workstation, central_db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    registered_persons(central_db, PEOPLE)
    shipped = shipped_catalogue()
    window = open_window(qtbot, ws)
    assert window.catalogue.version == shipped.version
    assert not window.catalogue_notice.isVisible()
    assert NEW_ITEM not in window.group_tabs["unemployment"].codes()

    # -- customer 1: the pension account form is half filled in when the version comes.
    identify(qtbot, window, FIRST)
    form = window.show_item("CHG-PAY-ACCOUNT")
    assert isinstance(form, GenericForm) and form.catalogue_version == shipped.version
    form.fields.inputs["bank_name"].insert("中国工商银行深圳南山支行")  # type: ignore[attr-defined]
    assert form.has_unsaved_input()
    change_tab = window.group_tabs["change"]
    unemployment_before = window.group_tabs["unemployment"]
    life_events_before = window.life_events

    v2 = next_version(shipped, "2026.2")
    with qtbot.waitSignal(window.catalogue_changed, timeout=30_000) as changed:
        bootstrap.publish_catalogue(central_db, v2)  # counter-admin catalogue publish
    assert changed.args == ["2026.2"] and window.catalogue.version == "2026.2"

    # Idle tabs follow at once: the new item is there, the life event renamed.
    unemployment = window.group_tabs["unemployment"]
    assert unemployment is not unemployment_before and unemployment.catalogue_version == "2026.2"
    assert NEW_ITEM in unemployment.codes()
    assert window.tabs.indexOf(unemployment) == [g.code for g in v2.groups].index("unemployment")
    events = window.life_events
    assert events is not None and events is not life_events_before
    assert any(NEW_BUNDLE_EN in events.list.item(row).text() for row in range(events.list.count()))
    # The certificates' tab was idle too: its forms are the new version's.
    certificates = window.certificates
    assert certificates is not None and certificates.catalogue_version == "2026.2"
    assert certificates.subject.text() == FIRST  # the customer at the counter is kept

    # The form in progress is untouched, on the version it was built from; the banner says so.
    assert window.group_tabs["change"] is change_tab and change_tab.catalogue_version == "2026.1"
    assert window.tabs.currentWidget() is change_tab and form.isVisible()
    assert form.fields.values()["bank_name"] == "中国工商银行深圳南山支行"
    assert all(RENAMED_EN not in name for name in list_names(window, "change"))
    notice = window.catalogue_notice
    title = shipped.group("change").name_en
    assert notice.isVisible() and notice.waiting == (title,)
    assert "2026.2" in notice.text.text() and f"“{title}”" in notice.text.text()

    # Ctrl+K searches the new version: its new item opens in the rebuilt tab.
    search = window.open_quick_search()
    assert search is not None
    search.query.setText("培训补贴")
    assert search.results.count() >= 1
    assert search.results.item(0).text().startswith(NEW_ITEM_EN)
    search.choose()
    new_form = unemployment.current_form()
    assert isinstance(new_form, GenericForm) and new_form.item.code == NEW_ITEM
    assert new_form.catalogue_version == "2026.2" and new_form.isVisible()
    assert notice.isVisible()  # another tab chosen: the form in progress still holds input

    # The teller finishes the form: the case records the version it was filled in under.
    form = window.show_item("CHG-PAY-ACCOUNT")
    assert isinstance(form, GenericForm) and window.group_tabs["change"] is change_tab
    fill_pay_account(form, PEOPLE[FIRST])
    with qtbot.waitSignal(form.submitted, timeout=10_000) as submitted:
        form.accept_case()
    first_case = submitted.args[0].command_uuid
    qtbot.waitUntil(lambda: form.outcome.settled, timeout=20_000)
    assert central_case(central_db, first_case).catalogue_version == "2026.1"
    # Its result slip is still to be printed: the tab waits for the customer to leave.
    assert window.group_tabs["change"] is change_tab and notice.isVisible()

    # -- customer 2: the new version everywhere, without logging in again.
    identify(qtbot, window, SECOND)
    qtbot.waitUntil(lambda: window.group_tabs["change"] is not change_tab, timeout=5_000)
    assert not notice.isVisible() and notice.waiting == ()
    assert "2026.2" in window.status.currentMessage()
    assert window.group_tabs["change"].catalogue_version == "2026.2"
    assert any(RENAMED_EN in name for name in list_names(window, "change"))
    assert window.tabs.currentWidget() is window.group_tabs["change"]  # where the teller was
    form2 = window.show_item("CHG-PAY-ACCOUNT")
    assert isinstance(form2, GenericForm) and form2 is not form
    assert form2.heading.text() == RENAMED_EN and form2.catalogue_version == "2026.2"
    assert form2.fields.values()["bank_name"] == ""  # nothing of customer 1
    assert PEOPLE[SECOND] in form2.subject.person_label.text()
    form2.fields.inputs["bank_name"].insert("中国建设银行北京西城支行")  # type: ignore[attr-defined]
    fill_pay_account(form2, PEOPLE[SECOND])
    with qtbot.waitSignal(form2.submitted, timeout=10_000) as submitted:
        form2.accept_case()
    second_case = submitted.args[0].command_uuid
    qtbot.waitUntil(lambda: form2.outcome.settled, timeout=20_000)
    assert central_case(central_db, second_case).catalogue_version == "2026.2"
    assert window.forms.count(form) == 0  # the old version's forms are gone from the window

    # -- "Apply now": the teller switches a half-filled form, after agreeing to discard it.
    identify(qtbot, window, FIRST)
    form3 = window.show_item("CHG-PAY-ACCOUNT")
    assert isinstance(form3, GenericForm)
    form3.fields.inputs["bank_name"].insert("招商银行")  # type: ignore[attr-defined]
    v3 = next_version(v2, "2026.3")
    with qtbot.waitSignal(window.catalogue_changed, timeout=30_000):
        bootstrap.publish_catalogue(central_db, v3)
    assert notice.isVisible() and window.group_tabs["change"].catalogue_version == "2026.2"
    asked: list[str] = []

    def answer(*args: Any, **_kw: Any) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return (
            QMessageBox.StandardButton.Cancel
            if len(asked) == 1
            else QMessageBox.StandardButton.Discard
        )

    monkeypatch.setattr(QMessageBox, "question", answer)
    notice.button.click()  # cancelled: the input stays
    assert len(asked) == 1 and "Discard it" in asked[0]
    assert window.group_tabs["change"].catalogue_version == "2026.2"
    assert form3.fields.values()["bank_name"] == "招商银行"
    notice.button.click()
    assert len(asked) == 2 and window.group_tabs["change"].catalogue_version == "2026.3"
    assert not notice.isVisible()
    form4 = window.show_item("CHG-PAY-ACCOUNT")
    assert isinstance(form4, GenericForm) and form4.catalogue_version == "2026.3"
    assert form4.fields.values()["bank_name"] == ""
