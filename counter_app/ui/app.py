"""Start the application: language, login window, workstation, then the chosen mode.

``counter-app`` (or ``python -m counter_app``) runs the teller window, maximized; ``--mode
kiosk`` and ``--mode display`` start the ticket kiosk and the hall display full screen (on
the screen named by ``--screen N``, 1 = the first).

The teller's login window comes first: it is shown before anything heavy is imported (the
language and window number are read cheaply, see ``early_config``). Once it is on screen,
the workstation is prepared on the background worker (``client.launch``: configuration,
local cache and its migrations, the central service — on the embedded default, started here
as a child process on loopback — and the first sync); the dialog's fields take input
meanwhile, and its login button becomes active when preparation is done. A failure is shown
in the dialog in words.

The kiosk and the hall display have no staff user: they are launched the same way before
their window opens, and their calls to the centre are signed by the workstation alone.

Whatever the mode, leaving ends the central session of the user logged in and stops an
embedded service (which also stops by itself should this process be killed).

``--exit-when-ready`` prints ``SHOWN platform=<name> windows=[<titles>]`` and ``READY
rss_kb=<n>`` once the login window is on screen, lets the preparation finish, prints
``CENTRE …`` (the embedded service's pid and URL, or ``none``) and ``PREPARED
login=<enabled|disabled> ...`` and quits (used by the start-up benchmark and the end-to-end
tests); a preparation that fails is reported on stderr with exit status 2 (configuration) or
1 (local cache).
"""

from __future__ import annotations

import argparse
import json
import logging
import logging.handlers
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from counter_app.ui import gc_guard
from counter_app.ui.early_config import data_dir, read_early_settings

if TYPE_CHECKING:
    from counter_app.client.launch import Launched
    from counter_app.client.workstation import Workstation
    from counter_app.ui.login_dialog import LoginDialog

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


class BriefFormatter(logging.Formatter):
    """One line per record for the console: tracebacks go to the log file only."""

    def format(self, record: logging.LogRecord) -> str:
        text = f"{record.levelname} {record.name}: {record.getMessage()}"
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            text += f" ({type(exc).__name__}: {exc})"
        return text


def setup_logging() -> None:
    """Log to a rotating file in the data folder (and warnings to stderr).

    Called before the workstation is prepared: a data folder that cannot be written is not a
    reason to fail here; the log then goes to stderr only and the local cache names the problem.
    """
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    folder = data_dir() / "logs"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "counter-app.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as exc:
        logging.basicConfig(level=logging.INFO, handlers=[console])
        log.warning("cannot write the log in %s (%s); logging to stderr only", folder, exc)
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    console.setFormatter(BriefFormatter())
    logging.basicConfig(level=logging.INFO, handlers=[handler, console])
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request otherwise


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


def when_shown(window: QWidget, then: Callable[[bool], None], tries: int = 500) -> None:
    """Call ``then(exposed)`` once ``window`` is exposed on the screen (or after about 5 s)."""
    handle = window.windowHandle()
    exposed = handle is not None and handle.isExposed()
    if not exposed and tries > 0:
        QTimer.singleShot(10, lambda: when_shown(window, then, tries - 1))
        return
    then(exposed)


def announce_shown(exposed: bool) -> None:
    """Say what is on the screen and how much memory the process holds now."""
    titles = [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]
    print(
        f"SHOWN platform={QGuiApplication.platformName()} exposed={str(exposed).lower()} "
        f"windows={json.dumps(titles, ensure_ascii=False)}",
        flush=True,
    )
    print(f"READY rss_kb={rss_kb()}", flush=True)


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
    from counter_app.centre.demo_seed import demo_logins

    print("Demo logins (user / password / role):", flush=True)
    for login in demo_logins():
        print(f"  {login.username:<12} {login.password:<18} {login.role}", flush=True)


def fatal(title: str, message: str, *, interactive: bool) -> None:
    """Report a start-up failure on stderr and, for a person at the screen, in a dialog."""
    print(f"{title}: {message}", file=sys.stderr, flush=True)
    if interactive:
        QMessageBox.critical(None, title, message)


def quit_on_signals(app: QApplication) -> None:
    """Leave in order (central logout, embedded service stopped) on SIGTERM and Ctrl+C.

    Python runs a signal handler only between bytecodes, so a timer wakes the interpreter
    while Qt's event loop waits.
    """

    def leave_loop(_signum: int, _frame: object) -> None:
        log.info("signal %s: leaving", _signum)
        QApplication.exit(0)

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, leave_loop)
    waker = QTimer(app)
    waker.timeout.connect(lambda: None)
    waker.start(250)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("counter-app")
    gc_guard.install(app)  # cycles holding Qt objects are freed on this thread only
    quit_on_signals(app)
    if args.mode != "teller":
        return run_other_mode(args, app)
    setup_logging()
    early = read_early_settings()
    from counter_app.ui.i18n import install_translators

    install_translators(app, args.lang or early.language)
    pick_font(app)
    return run_teller(app, window_number=early.window_number, exit_when_ready=args.exit_when_ready)


def run_other_mode(args: argparse.Namespace, app: QApplication) -> int:
    """The kiosk and the hall display: no login, so the workstation is launched first."""
    setup_logging()
    early = read_early_settings()
    from counter_app.ui.i18n import install_translators

    install_translators(app, args.lang or early.language)
    pick_font(app)

    from counter_app.client.launch import LaunchFailed, launch

    try:
        launched = launch()
    except LaunchFailed as exc:
        if exc.stage == "config":
            fatal(
                "configuration error / 配置错误",
                str(exc.cause),
                interactive=not args.exit_when_ready,
            )
            return 2
        fatal(
            "local cache error / 本地缓存错误",
            f"{exc.where}: {exc.cause}",
            interactive=not args.exit_when_ready,
        )
        return 1
    if launched.problem is not None:
        log.warning("%s mode starts without the central service: %s", args.mode, launched.problem)
    if args.exit_when_ready:
        announce_centre(launched)
        launched.close()
        return 0
    from counter_app.ui.modes import run_mode

    try:
        return run_mode(args.mode, launched.ws, app, chosen_screen(args.screen))
    finally:
        wait_for_background_work()
        launched.close()


def wait_for_background_work() -> None:
    from counter_app.ui.ops import wait_for_background

    wait_for_background()


def announce_centre(launched: Launched) -> None:
    """``CENTRE embedded pid=<n> url=<url> online=<bool>``, or ``CENTRE none …``."""
    online = launched.report is not None and launched.report.sync.online
    if launched.embedded is not None:
        service = launched.embedded.service
        print(
            f"CENTRE embedded pid={service.process.pid} url={service.url} "
            f"online={str(online).lower()}",
            flush=True,
        )
    else:
        print(f"CENTRE none online={str(online).lower()}", flush=True)


class Preparation:
    """The workstation's preparation behind the login window, and what came of it."""

    def __init__(self, login: LoginDialog, *, print_logins: bool) -> None:
        self.login = login
        self.print_logins = print_logins
        self.launched: Launched | None = None
        self.exit_code = 0  # 2: configuration error, 1: the local cache cannot be opened
        self.finished = False
        self.on_finished: Callable[[], None] | None = None

    def start(self) -> None:
        from counter_app.ui.ops import Op

        Op(self._run, parent=self.login).success(self._done).failure(
            self._failed
        ).run_in_background()

    def _run(self) -> Launched:  # on the background worker
        from counter_app.client.launch import launch

        launched = launch()
        self.launched = launched  # closed at exit even if the dialog never hears of it
        if launched.config.demo and launched.config.embedded and self.print_logins:
            print_demo_logins()
        return launched

    def _done(self, launched: Launched) -> None:
        self.launched = launched
        if launched.report is not None:
            self.login.show_startup(launched.report)
            if launched.problem is not None:
                self.login.show_centre_problem(launched.problem)
        elif launched.problem is not None:
            self.login.show_startup_failure(launched.problem)
        self.login.set_workstation(launched.ws)
        self._finish()

    def _failed(self, exc: BaseException) -> None:
        from counter_app.client.launch import LaunchFailed
        from counter_app.ui.errors import describe

        if isinstance(exc, LaunchFailed) and exc.stage == "config":
            self.exit_code = 2
            text = describe(exc.cause)
            print(f"configuration error / 配置错误: {exc.cause}", file=sys.stderr, flush=True)
            self.login.show_preparation_failure(text)
        elif isinstance(exc, LaunchFailed):
            self.exit_code = 1
            detail = f"{exc.where}: {exc.cause}"
            print(f"local cache error / 本地缓存错误: {detail}", file=sys.stderr, flush=True)
            self.login.show_cache_failure(detail)
        else:  # not expected: launch() reports its own failures as LaunchFailed
            self.exit_code = 1
            print(f"start-up error: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
            self.login.show_preparation_failure(describe(exc))
        self._finish()

    def _finish(self) -> None:
        self.finished = True
        if self.on_finished is not None:
            self.on_finished()


def run_teller(app: QApplication, *, window_number: int = 1, exit_when_ready: bool = False) -> int:
    from counter_app.ui.login_dialog import LoginDialog
    from counter_app.ui.ops import wait_for_background

    login = LoginDialog(window_number=window_number)
    preparation = Preparation(login, print_logins=not exit_when_ready)

    def close_workstation() -> None:
        wait_for_background()
        launched = preparation.launched
        if launched is None:
            return
        if login.user is not None:
            end_central_session(launched.ws, login.user.username)
        launched.close()

    if exit_when_ready:

        def shown(exposed: bool) -> None:
            announce_shown(exposed)
            preparation.start()

        def prepared() -> None:
            if preparation.launched is not None:
                announce_centre(preparation.launched)
            print(
                f"PREPARED login={'enabled' if login.login_button.isEnabled() else 'disabled'} "
                f"exit={preparation.exit_code}",
                flush=True,
            )
            QApplication.quit()

        preparation.on_finished = prepared
        login.show()
        QTimer.singleShot(0, lambda: when_shown(login, shown))
        code = app.exec()
        close_workstation()
        return leave(code or preparation.exit_code)
    QTimer.singleShot(0, lambda: when_shown(login, lambda _exposed: preparation.start()))
    accepted = login.exec() == QDialog.DialogCode.Accepted
    if not accepted or login.user is None or preparation.launched is None:
        close_workstation()
        return leave(preparation.exit_code if preparation.finished else 0)
    from counter_app.ui.main_window import TellerWindow  # heavy (printing); after login

    ws = preparation.launched.ws
    window = TellerWindow(ws, login.user, login.window_number.value())
    show_teller_window(window)
    code = app.exec()
    close_workstation()
    return leave(code)


def end_central_session(ws: Workstation, username: str) -> None:
    """Log ``username`` out at the central service (a no-op without one; never raises)."""
    if not ws.has_centre:
        return
    try:
        ws.centre.logout(username)
    except Exception:  # leaving must not fail on the way out
        log.warning("the central session of %s was not ended", username, exc_info=True)


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
