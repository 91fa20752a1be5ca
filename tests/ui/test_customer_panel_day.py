"""A day at the customer panel: customers identified every way the hall has, one after another.

Customers come to window 3 and are identified by a typed ID number, by their initials from
the result list, by the card reader (simulated) and by an electronic social security card
code (the demo format, built here from its documented definition). After each new customer
nothing of the previous one is on the panel. A teller cannot unmask an ID number; a
supervisor can, and the ``person.reveal`` command is in the outbox and then in the central
journal before the full number shows. Bad input is explained: full-width digits are
accepted, a wrong check digit (computed here from GB 11643-1999, ``tests/standards.py``) is
refused, forged and expired codes are refused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)
from service_harness import desk_login
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from standards import gb11643_check, gb11643_id

from counter_app.catalogue.load import shipped_catalogue
from counter_app.client.workstation import Workstation
from counter_app.devices.card_reader import CardRead, SimulatedCardReader
from counter_app.domain.ecard_qr import DemoEcardVerifier
from counter_app.items.flexible_payment import FlexiblePaymentPayload
from counter_app.items.person_enroll import KIND as ENROLL
from counter_app.items.person_reveal import KIND as REVEAL
from counter_app.services.auth import authenticate
from counter_app.services.contribution_items import pay_flexible
from counter_app.storage.central_models import JournalRow
from counter_app.storage.local_models import OutboxRow
from counter_app.ui.customer_panel import CustomerPanel
from counter_app.ui.main_window import TellerWindow

KEY = b"HALL01-demo-ecard-key-2026"
# (ID number, name, phone): each customer's data is distinct, so a leftover is recognisable.
TYPED = (gb11643_id("44030519900307004"), "张三", "13800138001")
BY_INITIALS = (gb11643_id("11010519770811002"), "周舒", "13900139002")
BY_CARD = (gb11643_id("32010219600229001"), "李四", "13700137003")
BY_CODE = (gb11643_id("44030519920512005"), "欧阳修", "13600136004")
CUSTOMERS = (TYPED, BY_INITIALS, BY_CARD, BY_CODE)
PASSWORDS = {"teller1": "demo-teller1", "boss": "demo-supervisor"}


def masked(id_number: str) -> str:
    return f"{id_number[:6]}********{id_number[-4:]}"


def ecard_code(id_number: str, name: str, expires: dt.datetime, key: bytes = KEY) -> str:
    """The demo format: ESSC1:<id>:<hex of the UTF-8 name>:<UTC YYYYMMDDTHHMMSSZ>:<HMAC hex>."""
    stamp = expires.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    body = f"ESSC1:{id_number}:{name.encode('utf-8').hex()}:{stamp}"
    return body + ":" + hmac.new(key, body.encode("ascii"), hashlib.sha256).hexdigest()


def enrolled(ws: Workstation) -> None:
    for id_number, name, phone in CUSTOMERS:
        payload = {
            "id_number": id_number,
            "name": name,
            "phone": phone,
            "address": "深圳市福田区1号",
            "category": "flexible",
            "insurance_types": ["pension", "medical"],
            "start_date": dt.date.today().isoformat(),
            "employer_code": "",
            "window_number": 3,
        }
        ws.execute(ws.command(ENROLL, payload, "teller1"))
    report = ws.sync_once()
    assert report.online, report.error


def paid_three_months(ws: Workstation) -> None:
    """张三, a flexible worker, pays April to June 2025 on the 60 % grade in Chengdu."""
    payload = FlexiblePaymentPayload(
        id_number=TYPED[0],
        region="sichuan-chengdu",
        from_month="2025-04",
        to_month="2025-06",
        grade="60%",
        channel="card",
        catalogue_version=shipped_catalogue().version,
        materials=("id_card",),
        window_number=3,
    )
    pay_flexible(ws, payload, "teller1")
    report = ws.sync_once()
    assert report.online, report.error


def open_window(qtbot: Any, ws: Workstation, username: str) -> TellerWindow:
    desk_login(ws, username)
    user = authenticate(ws.local, username, PASSWORDS[username])
    window = TellerWindow(ws, user, 3, lock_after_ms=0)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.synced, timeout=20_000):
        window.show()
    window.customer.use_devices(
        card_reader=SimulatedCardReader([CardRead(BY_CARD[0], BY_CARD[1], "id_card")]),
        ecard=DemoEcardVerifier(KEY),
    )
    return window


def shown_texts(panel: CustomerPanel) -> list[str]:
    """Every text a person at the counter could read on the panel."""
    texts: list[str] = []
    for widget in [panel, *panel.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
            texts.append(widget.text())
        elif isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        elif isinstance(widget, QAbstractItemView):
            model = widget.model()
            texts += [
                str(model.index(r, c).data() or "")
                for r in range(model.rowCount())
                for c in range(model.columnCount())
            ]
    return texts


def assert_nothing_of(panel: CustomerPanel, customer: tuple[str, str, str]) -> None:
    id_number, name, phone = customer
    traces = (id_number, masked(id_number), name, phone, f"{phone[:3]}****{phone[-4:]}")
    left = [t for t in shown_texts(panel) if any(trace in t for trace in traces)]
    assert left == [], f"still shown after a new customer: {left}"


def identified(qtbot: Any, panel: CustomerPanel, action: Any) -> Any:
    with qtbot.waitSignal(panel.person_selected, timeout=10_000) as selected:
        action()
    return selected.args[0]


def test_four_customers_identified_four_ways_and_nothing_carried_over(
    qtbot: Any, ws: Workstation
) -> None:
    enrolled(ws)
    paid_three_months(ws)
    window = open_window(qtbot, ws, "teller1")
    panel = window.customer

    # -- 1: the ID number typed (as a keyboard-wedge reader types it: digits, then Enter).
    qtbot.keyClicks(panel.id_input, TYPED[0])
    person = identified(qtbot, panel, lambda: qtbot.keyClick(panel.id_input, Qt.Key.Key_Return))
    assert person.name == "张三" and window.context.id_number == TYPED[0]
    assert panel.fields["id"].text() == masked(TYPED[0])
    assert panel.fields["phone"].text() == "138****8001"
    qtbot.waitUntil(lambda: "Held" in panel.insurance_rows["pension"].text(), timeout=10_000)
    assert "Held" in panel.insurance_rows["medical"].text()
    assert panel.insurance_rows["unemployment"].text() == "Not held"
    assert panel.open_cases.item(0).text() == "No open cases."  # enrolment is finished (L1)
    # Contributions, newest month first: June to April, pension and medical each. The 60 %
    # grade is Sichuan's 2025 lower limit of 4588 yuan (川人社办发〔2025〕39号); the pension
    # is 20 % of it: 4588 × 0.20 = 917.60.
    model = panel.contributions_model
    qtbot.waitUntil(lambda: model.rowCount() == 6, timeout=10_000)
    first = [str(model.index(0, c).data()) for c in range(model.columnCount())]
    assert first == ["2025-06", "Pension", "4,588.00", "0.00", "917.60", "Due"]
    assert [str(model.index(r, 0).data()) for r in range(6)] == [
        "2025-06",
        "2025-06",
        "2025-05",
        "2025-05",
        "2025-04",
        "2025-04",
    ]
    assert not panel.contributions_note.isVisible()
    assert panel.cases.count() == 2  # the enrolment and the payment
    window.new_customer()
    assert window.context.id_number is None
    assert_nothing_of(panel, TYPED)
    assert model.rowCount() == 0

    # -- 2: the initials, chosen from the list with the arrow keys.
    qtbot.keyClicks(panel.id_input, "zs")
    qtbot.waitUntil(lambda: panel.results.count() == 2, timeout=10_000)
    assert panel.results.isVisible() and panel.results.currentRow() == -1
    rows = [panel.results.item(i).text() for i in range(2)]
    assert rows[0].startswith("张三 · " + masked(TYPED[0]))  # enrolled first: index order
    assert rows[1].startswith("周舒 · " + masked(BY_INITIALS[0]))
    assert all(TYPED[0] not in r and BY_INITIALS[0] not in r for r in rows)  # masked only
    qtbot.keyClick(panel.id_input, Qt.Key.Key_Down)
    qtbot.keyClick(panel.id_input, Qt.Key.Key_Down)
    assert panel.results.currentRow() == 1
    person = identified(qtbot, panel, lambda: qtbot.keyClick(panel.id_input, Qt.Key.Key_Return))
    assert person.name == "周舒" and window.context.id_number == BY_INITIALS[0]
    assert panel.id_input.text() == "" and not panel.results.isVisible()
    assert panel.fields["id"].text() == masked(BY_INITIALS[0])
    window.new_customer()
    assert_nothing_of(panel, BY_INITIALS)

    # -- 3: the card on the reader.
    person = identified(
        qtbot,
        panel,
        lambda: qtbot.mouseClick(panel.read_card_button, Qt.MouseButton.LeftButton),
    )
    assert person.name == "李四" and window.context.id_number == BY_CARD[0]
    assert panel.id_input.text() == "" and panel.fields["id"].text() == masked(BY_CARD[0])
    window.new_customer()
    assert_nothing_of(panel, BY_CARD)
    qtbot.mouseClick(panel.read_card_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "no card" in panel.message.text(), timeout=10_000)
    assert window.context.id_number is None

    # -- 4: the electronic social security card's code, typed by the scanner.
    code = ecard_code(BY_CODE[0], BY_CODE[1], dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1))
    qtbot.keyClicks(panel.id_input, code)
    person = identified(qtbot, panel, lambda: qtbot.keyClick(panel.id_input, Qt.Key.Key_Return))
    assert person.name == "欧阳修" and window.context.id_number == BY_CODE[0]
    assert panel.id_input.text() == ""
    window.new_customer()
    assert_nothing_of(panel, BY_CODE)

    # A forged code (another hall's key) and an expired one identify nobody.
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    forged = ecard_code(BY_CODE[0], BY_CODE[1], later, key=b"another-hall-key-000000")
    qtbot.keyClicks(panel.id_input, forged)
    qtbot.keyClick(panel.id_input, Qt.Key.Key_Return)
    assert "not genuine" in panel.message.text() and window.context.id_number is None
    expired = ecard_code(BY_CODE[0], BY_CODE[1], dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1))
    qtbot.keyClicks(panel.id_input, expired)
    qtbot.keyClick(panel.id_input, Qt.Key.Key_Return)
    assert "has expired" in panel.message.text() and window.context.id_number is None

    # Recent customers: this window's, one click away.
    qtbot.mouseClick(panel.recent_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.recent.count() == 4, timeout=10_000)
    recent = [panel.recent.item(i).text() for i in range(4)]
    assert all(any(masked(c[0]) in r for c in CUSTOMERS) for r in recent)
    person = identified(qtbot, panel, lambda: panel.recent.itemActivated.emit(panel.recent.item(0)))
    assert not panel.recent.isVisible()  # folded away again
    window.new_customer()
    assert not panel.recent.isVisible()


def test_id_numbers_are_validated_as_typed(qtbot: Any, ws: Workstation) -> None:
    enrolled(ws)
    window = open_window(qtbot, ws, "teller1")
    panel = window.customer
    number = TYPED[0]

    # Full-width digits (an input method in full-width mode) are the same number.
    panel.id_input.insert("".join(chr(ord(c) + 0xFEE0) for c in number))  # as an IME commits
    person = identified(qtbot, panel, lambda: qtbot.keyClick(panel.id_input, Qt.Key.Key_Return))
    assert person.name == "张三"
    window.new_customer()

    # A wrong check digit is refused, whatever else is right.
    right = gb11643_check(number[:17])
    wrong = number[:17] + ("0" if right != "0" else "1")
    qtbot.keyClicks(panel.id_input, wrong)
    qtbot.keyClick(panel.id_input, Qt.Key.Key_Return)
    assert "check digit" in panel.message.text()
    assert window.context.id_number is None
    panel.id_input.clear()

    # Too short for a whole number, and nobody's number begins so: the panel says so.
    qtbot.keyClicks(panel.id_input, number[:12] + "9")
    qtbot.keyClick(panel.id_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Nobody" in panel.message.text(), timeout=10_000)
    panel.id_input.clear()
    qtbot.keyClicks(panel.id_input, "4403")
    qtbot.keyClick(panel.id_input, Qt.Key.Key_Return)
    assert "Type an ID number" in panel.message.text()
    panel.id_input.clear()

    # The full pinyin lists one person; a double click identifies them.
    qtbot.keyClicks(panel.id_input, "zhang")
    qtbot.waitUntil(lambda: panel.results.count() == 1, timeout=10_000)
    item = panel.results.item(0)
    centre = panel.results.visualItemRect(item).center()
    viewport = panel.results.viewport()

    def double_click() -> None:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)

    person = identified(qtbot, panel, double_click)
    assert person.name == "张三"


def reveal_rows(ws: Workstation) -> list[OutboxRow]:
    with Session(ws.local) as session:
        return list(session.scalars(select(OutboxRow).where(OutboxRow.kind == REVEAL)))


def test_a_teller_cannot_unmask_a_supervisor_can_and_it_is_journaled(
    qtbot: Any, ws: Workstation, central_db: Engine
) -> None:
    enrolled(ws)
    window = open_window(qtbot, ws, "teller1")
    panel = window.customer
    identified(qtbot, panel, lambda: panel.lookup(TYPED[0]))
    assert not panel.reveal_id_button.isEnabled() and not panel.reveal_phone_button.isEnabled()
    assert not panel.reveal_reason.isVisible()
    panel.reveal("id_number")  # even if asked: refused, and nothing is sent
    assert "Only reviewers and supervisors" in panel.message.text()
    assert panel.fields["id"].text() == masked(TYPED[0])
    assert reveal_rows(ws) == []
    window.close()

    window = open_window(qtbot, ws, "boss")
    panel = window.customer
    identified(qtbot, panel, lambda: panel.lookup(TYPED[0]))
    assert panel.reveal_id_button.isEnabled() and panel.reveal_phone_button.isEnabled()
    assert panel.fields["id"].text() == masked(TYPED[0])
    panel.reveal_reason.setEditText("核对纸质材料")
    qtbot.mouseClick(panel.reveal_id_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.fields["id"].text() == TYPED[0], timeout=10_000)
    assert panel.fields["phone"].text() == "138****8001"  # only what was asked for
    assert not panel.reveal_id_button.isEnabled()
    [row] = reveal_rows(ws)
    payload = json.loads(row.payload)
    assert (row.actor, payload) == (
        "boss",
        {"id_number": TYPED[0], "what": "id_number", "reason": "核对纸质材料"},
    )
    qtbot.mouseClick(panel.reveal_phone_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.fields["phone"].text() == TYPED[2], timeout=10_000)

    # The sync worker sends them; the centre journals who saw what, and why.
    def journaled() -> bool:
        with Session(central_db) as session:
            entries = session.scalars(select(JournalRow).where(JournalRow.kind == REVEAL)).all()
            return len(entries) == 2 and all(e.actor == "boss" for e in entries)

    qtbot.waitUntil(journaled, timeout=20_000)

    # A reason is required.
    window.new_customer()
    assert_nothing_of(panel, TYPED)
    identified(qtbot, panel, lambda: panel.lookup(TYPED[0]))
    assert panel.fields["id"].text() == masked(TYPED[0])  # masked again for a new customer
    panel.reveal_reason.setEditText("  ")
    panel.reveal("id_number")
    assert "Give the reason" in panel.message.text()
    assert len(reveal_rows(ws)) == 2
