"""Background operations: run a function on the one database worker, report back on the GUI.

``Op(fn).success(cb).failure(cb).run_in_background()`` — the function runs on a single,
serialised worker thread (so database work never races itself and never stalls the event
loop); the callbacks run on the GUI thread. Without a failure callback, the default handler
shows the error to the user in one consistent dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

_pool: QThreadPool | None = None
_running: set[Op] = set()


def worker_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
        _pool.setObjectName("database-worker")
    return _pool


def wait_for_background(msecs: int = 30_000) -> bool:
    """Block until queued operations are done (used at shutdown and by tests)."""
    return worker_pool().waitForDone(msecs)


class _Relay(QObject):
    done = Signal(bool, object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # reported to the GUI thread, never swallowed
            log.debug("background operation failed", exc_info=True)
            self._relay.done.emit(False, exc)
        else:
            self._relay.done.emit(True, result)


class Op(QObject):
    """One background operation with success and failure callbacks."""

    finished = Signal()

    def __init__(self, fn: Callable[[], Any], *, parent: QWidget | None = None) -> None:
        super().__init__()
        self._fn = fn
        self._parent = parent
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._relay = _Relay()
        self._relay.done.connect(self._deliver)

    def success(self, callback: Callable[[Any], None]) -> Op:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op:
        self._on_failure = callback
        return self

    def run_in_background(self) -> Op:
        _running.add(self)
        worker_pool().start(_Job(self._fn, self._relay))
        return self

    def _deliver(self, ok: bool, value: object) -> None:
        try:
            if ok:
                if self._on_success is not None:
                    self._on_success(value)
            elif self._on_failure is not None:
                self._on_failure(value)  # type: ignore[arg-type]
            else:
                from counter_app.ui.errors import show_error

                show_error(self._parent, value)  # type: ignore[arg-type]
        finally:
            _running.discard(self)
            self.finished.emit()
