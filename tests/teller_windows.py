"""The teller window the UI tests open: logged in as the demo teller at window 3 (a central
session on the workstation, the password checked by the cache), shown and synced once; and
the insured persons a test puts in the central registry before the window opens."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from service_harness import desk_login
from sqlalchemy import Engine

from counter_app.centre import bootstrap
from counter_app.client.workstation import Workstation
from counter_app.services.auth import authenticate
from counter_app.storage.shared_models import PersonRow
from counter_app.ui.main_window import TellerWindow


def open_window(qtbot: Any, ws: Workstation) -> TellerWindow:
    desk_login(ws, "teller1")
    user = authenticate(ws.local, "teller1", "demo-teller1")
    window = TellerWindow(ws, user, 3)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.synced, timeout=20_000):
        window.show()
    return window


def registered_persons(central_db: Engine, people: Mapping[str, str]) -> None:
    """``people`` (ID number → name) in the central registry, sex and birth date read from the
    ID number as GB 11643 lays it out (digits 7–14 the birth date, digit 17 odd for men)."""
    bootstrap.bulk_load(
        central_db,
        PersonRow,
        [
            {
                "id_number": id_number,
                "name": name,
                "sex": "M" if int(id_number[16]) % 2 else "F",
                "birth_date": dt.date.fromisoformat(
                    f"{id_number[6:10]}-{id_number[10:12]}-{id_number[12:14]}"
                ),
            }
            for id_number, name in people.items()
        ],
    )
