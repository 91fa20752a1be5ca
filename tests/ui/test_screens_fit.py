"""Every window fits the screens of a service hall: 1366×768 and 1920×1080, at 100 % and 150 %.

Why subprocesses: the offscreen platform of the test session has a single 800×600 screen.
Each screen is therefore tested in a child pytest run of this module whose offscreen
platform is configured (its ``configfile``) with that one screen: 1366×768 or 1920×1080, at
96 dpi (100 %) or at 144 dpi (150 %). At 144 dpi Qt scales by exactly 1.5, as on a Windows
or X11 desktop set to 150 %, so the small screen offers 911×512 logical pixels. That checks
the real layouts at the real scale (fonts, frames, rounding) — stronger than comparing a
minimum size with 911×512 — and, unlike ``QT_SCALE_FACTOR``, Qt sees a 1366×768 screen, as
on the laptop. The child runs reuse the workstation fixtures of ``tests/ui/conftest.py``.

Each window is opened the way the application opens it, rendered to PNG under pytest's
``tmp_path`` (also copied to ``$COUNTER_SCREENSHOT_DIR`` when that is set, to look at), and
checked:

- its frame fits the screen's available geometry; a window that is neither maximized nor
  full-screen must also leave room for a real title bar and borders (``FRAME_ALLOWANCE``);
  a full-screen window covers its screen exactly;
- every visible child lies inside the window (content inside a scroll area is clipped by
  the scroll area's viewport by design and is exempt);
- no two visible buttons overlap (the tab bar's own scroll arrows are Qt's and exempt);
- the minimum size (with the frame allowance) fits, so the layout is never squeezed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

INSIDE = "COUNTER_SCREENS_OUT"  # set in the child run: where the PNGs go

SCREENS = [
    {"name": "1366x768@100", "width": 1366, "height": 768, "logicalDpi": 96},
    {"name": "1366x768@150", "width": 1366, "height": 768, "logicalDpi": 144},
    {"name": "1920x1080@100", "width": 1920, "height": 1080, "logicalDpi": 96},
    {"name": "1920x1080@150", "width": 1920, "height": 1080, "logicalDpi": 144},
]
WINDOWS = [
    "login",
    "teller",
    "teller_intake",
    "teller_certificate",
    "print_preview",
    "verify",
    "authorize",
    "kiosk",
    "hall_display",
    "rating",
]


def screen_config(screen: dict[str, object]) -> dict[str, object]:
    """The offscreen platform's configuration: this one screen, with window frames."""
    one = {**screen, "x": 0, "y": 0, "logicalBaseDpi": 96, "dpr": 1}
    return {"windowFrameMargins": True, "screens": [one]}


# (screen, language) runs: the default Chinese on every screen, English on the smallest.
RUNS = [(str(s["name"]), "zh_CN") for s in SCREENS] + [("1366x768@150", "en")]
# Known gaps, each checked strictly: the case must still fail exactly this way.
KNOWN_GAPS: dict[tuple[str, str, str], str] = {}


if not os.environ.get(INSIDE):

    @pytest.mark.slow
    @pytest.mark.parametrize(("screen_name", "language"), RUNS, ids=[f"{s}-{g}" for s, g in RUNS])
    def test_every_window_fits(screen_name: str, language: str, tmp_path: Path) -> None:
        screen = next(s for s in SCREENS if s["name"] == screen_name)
        config = tmp_path / "screen.json"
        config.write_text(json.dumps(screen_config(screen)), encoding="utf-8")
        out = tmp_path / "png"
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
            INSIDE: str(out),
            "COUNTER_SCREENS_LANG": language,
        }
        result = subprocess.run(
            [sys.executable, "-m", "pytest", __file__, "-q", "-p", "no:cacheprovider",
             "--basetemp", str(tmp_path / "child")],
            env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        pngs = sorted(out.glob("*.png"))
        if os.environ.get("COUNTER_SCREENSHOT_DIR"):
            keep = Path(os.environ["COUNTER_SCREENSHOT_DIR"])
            keep.mkdir(parents=True, exist_ok=True)
            for png in pngs:
                shutil.copy(png, keep / png.name)
        assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
        assert len(pngs) == len(WINDOWS), [p.name for p in pngs]

else:
    from PySide6.QtCore import QPoint, QRect, QSize, Qt
    from PySide6.QtGui import QGuiApplication, QScreen
    from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QTabBar, QWidget

    from counter_app.client.workstation import Workstation
    from counter_app.printing import documents
    from counter_app.services import queue
    from counter_app.services.auth import authenticate
    from counter_app.services.document_printing import DocumentPrinter
    from counter_app.ui.screen_fit import FRAME_ALLOWANCE

    Builder = Callable[[Any, Workstation, QScreen], QWidget]

    def clipped_by_scroll_area(widget: QWidget, window: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None and parent is not window:
            area = parent.parentWidget()
            if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
                return True
            parent = area
        return False

    def rect_in(widget: QWidget, window: QWidget) -> QRect:
        return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())

    def fits(size: QSize, room: QSize) -> bool:
        return size.width() <= room.width() and size.height() <= room.height()

    def describe(widget: QWidget, window: QWidget) -> str:
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        name = widget.objectName()
        return f"{type(widget).__name__}({name or text!r} at {rect_in(widget, window).getRect()})"

    def problems_of(window: QWidget, screen: QScreen) -> list[str]:
        problems = []
        area = screen.availableGeometry()
        state = window.windowState()
        full = bool(state & Qt.WindowState.WindowFullScreen)
        if full:
            if window.geometry() != screen.geometry():
                problems.append(f"full screen at {window.geometry()}, screen {screen.geometry()}")
            room, frame = screen.geometry().size(), QSize(0, 0)
        else:
            if not area.contains(window.frameGeometry()):
                problems.append(f"frame {window.frameGeometry()} outside {area}")
            room, frame = area.size(), FRAME_ALLOWANCE
            with_frame = window.size() + frame
            if not state & Qt.WindowState.WindowMaximized and not fits(with_frame, room):
                problems.append(f"size {window.size()} and a frame do not fit {room}")
        minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
        if not fits(minimum + frame, room):
            problems.append(f"minimum size {minimum} does not fit {room}")
        inside = window.rect()
        children = [
            w
            for w in window.findChildren(QWidget)
            if w.isVisible() and not w.isWindow() and not w.size().isEmpty()
            and not clipped_by_scroll_area(w, window)
        ]  # fmt: skip
        for child in children:
            if not inside.contains(rect_in(child, window)):
                problems.append(f"{describe(child, window)} leaves the window {inside.getRect()}")
        buttons = [
            c
            for c in children
            if isinstance(c, QAbstractButton) and not isinstance(c.parentWidget(), QTabBar)
        ]
        for a, b in combinations(buttons, 2):
            if rect_in(a, window).intersects(rect_in(b, window)):
                problems.append(f"buttons {describe(a, window)} and {describe(b, window)} overlap")
        return problems

    HOSTS: list[QWidget] = []

    def host_window(qtbot: Any, screen: QScreen) -> QWidget:
        """Stands in for the maximized teller window that dialogs open over."""
        host = QWidget()
        qtbot.addWidget(host)
        host.setGeometry(screen.availableGeometry())
        HOSTS.append(host)  # qtbot holds widgets weakly; the dialog dies with its host
        return host

    # -- how the application opens each window ----------------------------------------------
    def login(qtbot: Any, ws: Workstation, screen: QScreen) -> QWidget:
        from counter_app.ui.login_dialog import LoginDialog

        dialog = LoginDialog(ws)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    def teller(qtbot: Any, ws: Workstation, screen: QScreen) -> QWidget:
        from counter_app.ui.app import show_teller_window
        from counter_app.ui.main_window import TellerWindow

        user = authenticate(ws.local, "teller1", "demo-teller1")
        window = TellerWindow(ws, user, 3)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.synced, timeout=20_000):
            show_teller_window(window)
        return window

    def teller_intake(qtbot: Any, ws: Workstation, screen: QScreen) -> QWidget:
        """The teller window on a generic catalogue item: a long form, every field marked
        (nobody identified, nothing filled in) and the one-time notification offered."""
        window = teller(qtbot, ws, screen)
        form = window.show_item("INJ-MEDICAL-CLAIM")  # type: ignore[attr-defined]
        form.notify()  # refused at once: every error shown next to its field
        assert form.fields.errors["amount"].isVisible()
        return window

    def teller_certificate(qtbot: Any, ws: Workstation, screen: QScreen) -> QWidget:
        """The teller window on the proof of insurance: the ID card not ticked, so issuing is
        refused and the one-time notification offered — while a catalogue version published
        meanwhile waits for that form (the banner over the tabs)."""
        from counter_app.catalogue.load import shipped_catalogue
        from counter_app.centre import bootstrap

        window = teller(qtbot, ws, screen)
        tab = window.show_item("CERT-PERSON")  # type: ignore[attr-defined]
        tab.subject.setText("44030519900307004X")
        tab.issue()  # refused at once: the missing card named
        assert tab.notice_button.isVisible() and tab.result.text()
        draft = shipped_catalogue().model_copy(update={"version": "2026.9"})
        with qtbot.waitSignal(window.catalogue_changed, timeout=30_000):  # type: ignore[attr-defined]
            bootstrap.publish_catalogue(CENTRAL[0], draft)
        assert window.catalogue_notice.isVisible()  # type: ignore[attr-defined]
        return window

    def print_preview(qtbot: Any, ws: Workstation, screen: QScreen) -> QWidget:
        from counter_app.ui.print_preview import PrintPreviewDialog

        office = documents.Office("示范区社会保险经办服务大厅", 3, "王柜员")
        content = {
            "name": "赵敏", "id_number_masked": "440305********7004",
            "insured_number": "4403000000012345", "category": "flexible",
            "insurance": [{"type": "pension", "since": "2024-01-01"}],
            "as_of": "2024-05-01",
        }  # fmt: skip
        doc = documents.proof_of_insurance_personal(
            office, content, "ABCDE-FGHJKL", dt.datetime(2024, 5, 1, 9, 30)
        )
        reprint = dataclasses.replace(doc, reprint=True)
        host = host_window(qtbot, screen)
        dialog = PrintPreviewDialog(reprint, DocumentPrinter(ws), "R1", "陈科长", host)
        dialog.show()
        return dialog

    def verify(qtbot: Any, ws: Workstation, screen: QScreen) -> QWidget:
        from counter_app.ui.verify_dialog import VerifyDialog

        dialog = VerifyDialog(ws, host_window(qtbot, screen))
        dialog.show()
        return dialog

    def authorize(qtbot: Any, ws: Workstation, screen: QScreen) -> QWidget:
        from counter_app.ui.authorize_dialog import AuthorizeDialog

        reason = "A reprint (补打) needs a supervisor."
        dialog = AuthorizeDialog(ws, reason, "reprint:screen-check", host_window(qtbot, screen))
        dialog.show()
        return dialog

    def kiosk(qtbot: Any, ws: Workstation, screen: QScreen) -> QWidget:
        from counter_app.ui.kiosk import KioskWindow
        from counter_app.ui.screen_fit import show_full_screen

        window = KioskWindow(ws)
        qtbot.addWidget(window)
        show_full_screen(window)
        with qtbot.waitSignal(window.issued, timeout=10_000):
            window.buttons["A"].click()  # no printer: the longest message on screen
        return window

    def hall_display(qtbot: Any, ws: Workstation, screen: QScreen) -> QWidget:
        from counter_app.ui.hall_display import HallDisplay
        from counter_app.ui.screen_fit import show_full_screen

        central = CENTRAL[0]  # the hall as a busy day left it, set up behind the service
        for category in "AAAAABBVCA":
            queue.issue_ticket(central, "HALL01", category)
        calls = [
            queue.call_next(central, "HALL01", w, ["V", "A", "B"], "t", key=f"k{w}")
            for w in (1, 2, 3, 5, 6, 7)
        ]
        first, second = calls[0], calls[1]
        assert first is not None and second is not None
        queue.apply_event(central, first.id, queue.TicketEvent.START)
        queue.apply_event(central, first.id, queue.TicketEvent.FINISH)
        queue.apply_event(central, second.id, queue.TicketEvent.RECALL)

        class Silent:
            def speak(self, text: str) -> None:
                pass

        display = HallDisplay(ws, Silent())
        qtbot.addWidget(display)
        show_full_screen(display)
        qtbot.waitUntil(lambda: display.last_seq is not None, timeout=10_000)
        return display

    def rating(qtbot: Any, ws: Workstation, screen: QScreen) -> QWidget:
        from counter_app.ui.rating_window import RatingWindow

        host = host_window(qtbot, screen)
        window = RatingWindow(ws, 1, host)
        if hasattr(window, "show_for_customer"):
            window.show_for_customer(screen)
        else:
            window.show()
        return window

    BUILDERS: dict[str, Builder] = {
        "login": login,
        "teller": teller,
        "teller_intake": teller_intake,
        "teller_certificate": teller_certificate,
        "print_preview": print_preview,
        "verify": verify,
        "authorize": authorize,
        "kiosk": kiosk,
        "hall_display": hall_display,
        "rating": rating,
    }

    CENTRAL: list[Any] = []  # the central database of the running test's service

    @pytest.fixture(autouse=True)
    def language(qapp: Any) -> Iterator[str]:
        from counter_app.ui.i18n import install_translators

        chosen = os.environ.get("COUNTER_SCREENS_LANG", "zh_CN")
        install_translators(qapp, chosen)  # without a compiled .qm: English, as the app does
        yield chosen

    @pytest.mark.parametrize("name", WINDOWS)
    def test_window_fits(
        name: str, qtbot: Any, ws: Workstation, language: str, central_db: Any
    ) -> None:
        CENTRAL[:] = [central_db]
        out = Path(os.environ[INSIDE])
        out.mkdir(parents=True, exist_ok=True)
        screen = QGuiApplication.primaryScreen()
        screen_name = screen.name()
        assert screen_name in [str(s["name"]) for s in SCREENS]
        window = BUILDERS[name](qtbot, ws, screen)
        qtbot.wait(50)  # let queued layout requests settle
        window.grab().save(str(out / f"{screen_name}-{language}-{name}.png"))
        problems = problems_of(window, screen)
        window.close()
        HOSTS.clear()
        case = (name, screen_name, language)
        gap = KNOWN_GAPS.get(case)
        if gap is not None:
            too_small = [p for p in problems if p.startswith("minimum size")]
            assert too_small, f"fixed: remove {case} from KNOWN_GAPS"
            problems = [p for p in problems if p not in too_small]
        assert not problems, "\n".join(problems)
        if gap is not None:
            pytest.xfail(gap)
