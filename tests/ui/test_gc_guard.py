"""Cycles holding Qt objects are freed on the GUI thread, never on a worker thread.

A worker thread that allocates a lot (the database worker reading rows, the sync threads)
used to run the cyclic collector itself, and with it the destruction of whatever Qt objects
the garbage held — which froze the teller window (a Qt lock against the interpreter lock) or
crashed it. ``gc_guard.install`` moves every collection to the GUI thread.
"""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app.ui import gc_guard


class Holder:
    """Half of a reference cycle that also holds a Qt object; notes the thread that frees it."""

    freed_on: ClassVar[list[int]] = []

    def __init__(self) -> None:
        self.qt_object = QObject()
        self.myself = self

    def __del__(self) -> None:
        Holder.freed_on.append(threading.get_ident())


def churn() -> None:
    """What a busy worker does: many allocations, some of them cycles of its own."""
    for _ in range(50_000):
        node: dict[str, object] = {}
        node["self"] = node


def test_a_cycle_is_freed_on_the_gui_thread_not_by_a_busy_worker(
    qapp: QApplication, qtbot: QtBot
) -> None:
    collector = gc_guard.install(qapp)
    assert gc_guard.install(qapp) is collector  # once per process
    assert not gc.isenabled()
    Holder.freed_on.clear()
    Holder()  # unreachable at once, but only a collection frees a cycle
    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()
    assert Holder.freed_on == []  # the worker crossed every threshold and collected nothing
    qtbot.waitUntil(lambda: bool(Holder.freed_on), timeout=5_000)  # the timer's collection
    assert Holder.freed_on == [threading.get_ident()]
    assert threading.get_ident() == threading.main_thread().ident


def test_nothing_is_collected_before_a_threshold_is_passed(qapp: QApplication) -> None:
    gc_guard.install(qapp)
    gc.collect()
    assert gc_guard.collect_due() == 0
