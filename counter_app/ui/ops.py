"""Background operations: run a function on the one database worker, report back on the GUI.

``Op(fn).success(cb).failure(cb).run_in_background()`` — the function runs on a single,
serialised worker thread (so database work never races itself and never stalls the event
loop); the callbacks run on the GUI thread. Without a failure callback, the default handler
shows the error to the user in one consistent dialog.

Results travel through one long-lived dispatcher object: no QObject is made or destroyed
per operation, which keeps object lifetimes simple (a QObject must never die inside one of
its own slots). The worker never holds the last reference to anything of an operation: the
function, its result or its exception (whose traceback keeps the frames and their widgets
alive) are stored on the ``Op``, which the GUI thread owns until it delivers it, and the
worker drops its own references before it signals. Otherwise, when the GUI thread was quick
to deliver, the worker's late release would destroy a closed dialog's widgets on the worker
thread ("QBasicTimer::stop: Failed … from a different thread", then a crash).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

_pool: QThreadPool | None = None
_dispatcher: _Dispatcher | None = None
_pending: dict[int, Op] = {}
_ids = itertools.count(1)


def worker_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        # Owned by the application object, so Qt (not Python's shutdown order) deletes it.
        _pool = QThreadPool(QCoreApplication.instance())
        _pool.setMaxThreadCount(1)
        _pool.setObjectName("database-worker")
    return _pool


def wait_for_background(msecs: int = 30_000) -> bool:
    """Block until queued operations are done (used at shutdown and by tests)."""
    return worker_pool().waitForDone(msecs)


class _Dispatcher(QObject):
    done = Signal(int)  # the id of an operation whose outcome is stored on it

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self.done.connect(_deliver)


def dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()  # created on the GUI thread by the first Op
    return _dispatcher


class _Job(QRunnable):
    def __init__(self, op_id: int) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._op_id = op_id

    def run(self) -> None:
        op = _pending[self._op_id]  # stays there until the GUI thread delivers it
        try:
            op.outcome = (True, op.fn())
        except Exception as exc:  # reported to the GUI thread, never swallowed
            log.debug("background operation failed", exc_info=True)
            op.outcome = (False, exc)
        del op  # nothing of the operation is released on this thread
        dispatcher().done.emit(self._op_id)


def _deliver(op_id: int) -> None:
    op = _pending.pop(op_id, None)
    if op is not None and op.outcome is not None:
        ok, value = op.outcome
        op.deliver(ok, value)


class Op:
    """One background operation with success and failure callbacks."""

    def __init__(self, fn: Callable[[], Any], *, parent: QWidget | None = None) -> None:
        self.fn = fn
        self.outcome: tuple[bool, object] | None = None  # set by the worker: (ok, value)
        self._parent = parent
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None

    def success(self, callback: Callable[[Any], None]) -> Op:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op:
        self._on_failure = callback
        return self

    def run_in_background(self) -> Op:
        dispatcher()
        op_id = next(_ids)
        _pending[op_id] = self
        worker_pool().start(_Job(op_id))
        return self

    def deliver(self, ok: bool, value: object) -> None:
        if self._parent is not None and not shiboken6.isValid(self._parent):
            # The widget that asked is gone (dialog closed, window logged out): the result
            # has nobody to go to. Failures are still logged.
            if not ok:
                log.warning("background operation failed after its window closed: %s", value)
            return
        if ok:
            if self._on_success is not None:
                self._on_success(value)
        elif self._on_failure is not None:
            self._on_failure(value)  # type: ignore[arg-type]
        else:
            from counter_app.ui.errors import show_error

            show_error(self._parent, value)  # type: ignore[arg-type]
