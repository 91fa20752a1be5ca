"""Dispatch to the non-teller modes (kiosk, hall display) once they are available."""

from __future__ import annotations

import importlib

from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QMessageBox

MODE_MODULES = {"kiosk": "counter_app.ui.kiosk", "display": "counter_app.ui.hall_display"}


def run_mode(mode: str, ws: object, app: QApplication, screen: QScreen | None = None) -> int:
    """Run ``mode`` full screen on ``screen`` (default: the primary screen)."""
    try:
        module = importlib.import_module(MODE_MODULES[mode])
    except ModuleNotFoundError:
        QMessageBox.critical(None, "counter-app", f"mode {mode!r} is not installed")
        return 2
    return int(module.run(ws, app, screen))
