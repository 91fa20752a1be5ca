"""Where the rating window appears with a second (customer-facing) screen, and with one.

The test session's application has a single offscreen screen, so the two-screen hall runs in
a child process whose offscreen platform is configured with two screens. The last test rates
through a real counter-central process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from counter_app.client.workstation import Workstation

SCRIPT = r"""
import json, sys
from PySide6.QtWidgets import QApplication, QLineEdit
from counter_app.ui.rating_window import RatingWindow

app = QApplication([])
teller = next(s for s in app.screens() if s.name() == "teller")
window = QLineEdit()
window.setScreen(teller)
window.setGeometry(teller.geometry().adjusted(0, 0, -200, -200))
window.show()
rating = RatingWindow(None, 1, window)  # the workstation is used only to record a rating
rating.show_for_customer(window.screen())
app.processEvents()
print(json.dumps({
    "screen": rating.screen().name(),
    "full_screen": rating.full_screen and rating.isFullScreen(),
    "geometry": rating.geometry().getRect(),
    "modal": rating.isModal(),
}))
"""


def _run(tmp_path: Path, screens: list[dict[str, object]]) -> dict[str, object]:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"windowFrameMargins": False, "screens": screens}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def screen(name: str, x: int, width: int, height: int) -> dict[str, object]:
    return {"name": name, "x": x, "y": 0, "width": width, "height": height, "logicalDpi": 96}


def test_with_a_customer_screen_the_rating_fills_it(tmp_path: Path) -> None:
    shown = _run(tmp_path, [screen("teller", 0, 1366, 768), screen("customer", 1366, 1024, 600)])
    assert shown["screen"] == "customer" and shown["full_screen"] is True
    assert shown["geometry"] == [1366, 0, 1024, 600]
    assert shown["modal"] is False


def test_on_the_tellers_only_screen_it_is_small_and_in_the_corner(tmp_path: Path) -> None:
    shown = _run(tmp_path, [screen("teller", 0, 1366, 768)])
    x, y, width, height = shown["geometry"]  # type: ignore[misc]
    assert shown["screen"] == "teller" and shown["full_screen"] is False
    assert width < 1366 / 2 and height < 768 / 2
    assert x + width > 1366 - 40 and y + height > 768 - 40  # bottom-right corner
    assert shown["modal"] is False


def test_a_rating_is_recorded_by_the_service_once(qtbot: Any, ws: Workstation) -> None:
    """The customer's rating goes to the centre on the serving teller's session; a second
    rating of the same service is refused there and the window says so."""
    from counter_app.domain.queue import TicketEvent
    from counter_app.ui.rating_window import RatingWindow

    centre = ws.centre
    ticket = centre.issue_ticket("A").ticket
    centre.act_as("teller1")
    assert centre.call_next(3, ["A"], key="rating-1", aging_minutes=30) is not None
    centre.ticket_event(ticket.id, TicketEvent.START)
    centre.ticket_event(ticket.id, TicketEvent.FINISH)
    first = RatingWindow(ws, ticket.id)
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.rated, timeout=10_000) as rated:
        first.buttons[5].click()
    assert rated.args == [5]
    assert centre.window_status(3).figures.ratings == {5: 1}

    again = RatingWindow(ws, ticket.id)
    qtbot.addWidget(again)
    again.buttons[1].click()
    qtbot.waitUntil(lambda: again.buttons[1].isEnabled(), timeout=10_000)
    assert "not possible" in again.message.text()
    assert centre.window_status(3).figures.ratings == {5: 1}
