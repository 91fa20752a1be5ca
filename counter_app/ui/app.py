"""Start the application: configuration, language, workstation, login, then the chosen mode.

``counter-app`` (or ``python -m counter_app``) runs the teller window, maximized; ``--mode
kiosk`` and ``--mode display`` start the ticket kiosk and the hall display full screen (on
the screen named by ``--screen N``, 1 = the first). ``--exit-when-ready`` prints ``SHOWN
platform=<name> windows=[<titles>]`` and ``READY rss_kb=<n>`` once the login window is on
screen, and quits (used by the start-up benchmark and the end-to-end tests).
"""

from __future__ import annotations

import argparse
import json
import logging
import logging.handlers
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from counter_app.config import ConfigError, data_dir, load_config

log = logging.getLogger(__name__)
CJK_FONTS = ("Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans CJK SC")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="counter-app")
    parser.add_argument("--mode", choices=["teller", "kiosk", "display"], default="teller")
    parser.add_argument("--lang", choices=["zh_CN", "en"])
    parser.add_argument(
        "--screen", type=int, metavar="N", help="kiosk and display: the screen to fill (1 = first)"
    )
    parser.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def setup_logging() -> None:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder / "counter-app.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    logging.basicConfig(level=logging.INFO, handlers=[handler, console])


def pick_font(app: QApplication) -> None:
    families = set(QFontDatabase.families())
    for family in CJK_FONTS:
        if family in families:
            font = QFont(family)
            font.setPointSize(11)
            app.setFont(font)
            return
    log.warning("no CJK font found (install fonts-wqy-microhei); Chinese may not render")


def rss_kb() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def announce_ready() -> None:
    print(f"READY rss_kb={rss_kb()}", flush=True)
    QApplication.quit()


def announce_when_shown(window: QWidget, tries: int = 500) -> None:
    """Once ``window`` is exposed on the screen (or after about 5 s): say what is shown, quit."""
    handle = window.windowHandle()
    exposed = handle is not None and handle.isExposed()
    if not exposed and tries > 0:
        QTimer.singleShot(10, lambda: announce_when_shown(window, tries - 1))
        return
    titles = [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]
    print(
        f"SHOWN platform={QGuiApplication.platformName()} exposed={str(exposed).lower()} "
        f"windows={json.dumps(titles, ensure_ascii=False)}",
        flush=True,
    )
    announce_ready()


def chosen_screen(number: int | None) -> QScreen | None:
    """The screen ``--screen N`` names (1 = the first), or None for the default."""
    if number is None:
        return None
    screens = QGuiApplication.screens()
    if not 1 <= number <= len(screens):
        log.warning("there is no screen %s (%s found); using the first", number, len(screens))
        return None
    return screens[number - 1]


def print_demo_logins() -> None:
    from counter_app.services.demo_seed import demo_logins

    print("Demo logins (user / password / role):", flush=True)
    for login in demo_logins():
        print(f"  {login.username:<12} {login.password:<18} {login.role}", flush=True)


def fatal(title: str, message: str, *, interactive: bool) -> None:
    """Report a start-up failure on stderr and, for a person at the screen, in a dialog."""
    print(f"{title}: {message}", file=sys.stderr, flush=True)
    if interactive:
        QMessageBox.critical(None, title, message)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("counter-app")
    try:
        config = load_config()
    except ConfigError as exc:
        fatal("configuration error / 配置错误", str(exc), interactive=not args.exit_when_ready)
        return 2
    setup_logging()
    from counter_app.ui.i18n import install_translators

    install_translators(app, args.lang or config.language)
    pick_font(app)

    from counter_app.services.workstation import Workstation

    try:
        ws = Workstation(config)
    except Exception as exc:  # the local cache must open; say why it did not
        log.exception("cannot open the local cache")
        fatal(
            "local cache error / 本地缓存错误",
            f"{config.local_url}: {exc}",
            interactive=not args.exit_when_ready,
        )
        return 1
    if args.mode != "teller":
        from counter_app.ui.modes import run_mode

        return run_mode(args.mode, ws, app, chosen_screen(args.screen))
    return run_teller(ws, app, exit_when_ready=args.exit_when_ready)


def run_teller(ws: object, app: QApplication, *, exit_when_ready: bool = False) -> int:
    from counter_app.services.startup import prepare
    from counter_app.services.workstation import Workstation
    from counter_app.ui.login_dialog import LoginDialog
    from counter_app.ui.ops import Op, wait_for_background

    assert isinstance(ws, Workstation)
    if ws.config.demo and not exit_when_ready:
        print_demo_logins()
    login = LoginDialog(ws)
    Op(lambda: prepare(ws), parent=login).success(login.show_startup).failure(
        login.show_startup_failure
    ).run_in_background()
    if exit_when_ready:
        login.show()
        QTimer.singleShot(0, lambda: announce_when_shown(login))
        code = app.exec()
        wait_for_background()
        ws.close()
        return leave(code)
    if login.exec() != QDialog.DialogCode.Accepted or login.user is None:
        wait_for_background()
        ws.close()
        return leave(0)
    from counter_app.ui.main_window import TellerWindow  # heavy (printing); after login

    window = TellerWindow(ws, login.user, login.window_number.value())
    show_teller_window(window)
    code = app.exec()
    wait_for_background()
    ws.close()
    return leave(code)


def show_teller_window(window: QWidget) -> None:
    """Open the teller window maximized; its restored size fits the screen it is on, too."""
    from counter_app.ui.screen_fit import fit_to_screen

    fit_to_screen(window, window.width(), window.height())
    window.showMaximized()


def leave(code: int) -> int:
    """Exit without Python's finalisation of Qt objects, once everything is closed.

    The databases are closed and the logs flushed by now; letting the interpreter tear down
    the remaining PySide objects in arbitrary order can abort an orderly logout.
    """
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    os.environ.setdefault("QT_API", "pyside6")
    raise SystemExit(main())
