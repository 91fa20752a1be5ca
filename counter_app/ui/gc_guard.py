"""Python's cyclic garbage collector runs on the GUI thread only.

The collector runs in whichever thread happens to allocate when a generation's threshold is
crossed — often a worker thread: the database worker, the sync threads, the printer's. When
the garbage it finds holds a Qt object (a form, a signal connection, a wrapper left in a
reference cycle), that object is destroyed on the worker thread. Qt then takes its
connection lock there while PySide waits for the interpreter lock, and the GUI thread,
holding the interpreter lock, waits for the same Qt lock: the window freezes for good. Or a
widget is torn down off its thread and the process crashes. Both were seen: a teller window
frozen in ``setStyleSheet`` while a worker thread's collection sat in ``QObject::disconnect``.

So ``install`` switches the automatic collector off and a timer on the GUI thread checks the
same thresholds (``gc.get_threshold``) and collects there. Reference counting still frees
everything that is not in a cycle at once, on any thread; only cycles wait for the timer.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500
_installed: GuiThreadCollector | None = None


class GuiThreadCollector(QObject):
    """Collects cyclic garbage on the thread it lives on (the GUI thread)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.timeout.connect(collect_due)
        self.timer.start(interval_ms)


def collect_due() -> int:
    """Collect, on the calling thread, the oldest generation whose count passed its
    threshold (what the automatic collector would have done); how much was found."""
    generation = -1
    for index, (count, threshold) in enumerate(
        zip(gc.get_count(), gc.get_threshold(), strict=True)
    ):
        if count > threshold:
            generation = index
    if generation < 0:
        return 0
    return gc.collect(generation)


def install(app: QObject) -> GuiThreadCollector:
    """Collect on ``app``'s thread from now on (once per process; later calls return the
    collector already installed)."""
    global _installed
    if _installed is None:
        gc.disable()
        _installed = GuiThreadCollector(app)
    return _installed
