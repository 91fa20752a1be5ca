"""Baseline for the start-up benchmark: a bare PySide6 QMainWindow, shown, then reported."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.show()

    def ready() -> None:
        print(f"READY rss_kb={rss_kb()}", flush=True)
        app.quit()

    QTimer.singleShot(0, ready)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
