"""The workstation's sync in the background: push at once, pull by long-poll, watch the centre.

A teller's command is committed to the local cache first; getting it to the centre and
getting everyone else's changes back is this worker's job, off the GUI thread, so saving a
form or printing never waits for the network.

**Two threads, by design.** A long-poll (``journal_page`` with ``wait``) blocks its thread
for up to ``long_poll`` seconds inside an HTTP request that cannot be interrupted from
outside. If pushes ran on the same thread, a command written during a long-poll would wait
for it to end. So one worker owns two daemon threads:

* the *push* thread sleeps until :meth:`SyncWorker.wake` (called right after a command is
  written, or by "Sync now"), the timer (``interval``, 10 s), or the back-off delay runs out,
  then sends what is pending. While the centre cannot be reached it retries after an
  exponentially growing delay with jitter (``backoff_base`` doubling up to ``backoff_cap``,
  each delay drawn between half and all of that), reset by success; a ``wake`` during a
  back-off tries at once. A push never waits behind a long-poll.
* the *pull* thread long-polls the journal, so an entry committed at another workstation is
  applied here as soon as the centre has it (well within a second). After each pull it
  audits the centre (``anchors_seen.audit``: head behind the cursor, applied commands
  missing from the journal, signed heads no longer matching) and has the new head signed and
  kept as evidence. Commands found missing are offered again and the push thread is woken.
  While the centre is away it backs off like the push thread.

Neither thread holds a write transaction of the cache across a network call: push and pull
commit per row or per page, before or after their requests.

Every round's outcome (:class:`SyncRound`) goes to ``on_report``, called on the worker's
threads: a GUI marshals it to its own thread (a queued signal).

:meth:`SyncWorker.stop` returns within ``join_seconds`` even during a long-poll: a thread
still inside a request when it returns finishes that request on its own (it is a daemon)
and then touches nothing — after ``stop`` no answer is applied and nothing is reported, and
no new request is started.
"""

from __future__ import annotations

import collections
import logging
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from counter_app.domain.commands import Command, Verdict
from counter_app.domain.errors import CentralRefused, CentralUnavailable
from counter_app.storage.local_models import OutboxRow
from counter_app.sync.anchors_seen import (
    Alarm,
    AuditPort,
    anchor_key,
    audit,
    keep_signed_head,
    open_alarms,
)
from counter_app.sync.port import JournalPage, SyncPort
from counter_app.sync.pull import PullResult, pull, read_cursor
from counter_app.sync.push import QUARANTINED, PushResult, push

log = logging.getLogger(__name__)

INTERVAL_SECONDS = 10.0
LONG_POLL_SECONDS = 20.0
BACKOFF_BASE_SECONDS = 2.0
BACKOFF_CAP_SECONDS = 60.0
AUDIT_EVERY_SECONDS = 30.0
ANCHOR_EVERY_SECONDS = 60.0
JOIN_SECONDS = 2.0

PUSH = "push"
PULL = "pull"


@dataclass(frozen=True)
class SyncRound:
    """One round of the push or the pull thread, and the outbox as it stands after it."""

    kind: str  # PUSH or PULL
    online: bool | None  # None: not known yet (nothing was asked of the centre)
    push: PushResult = field(default_factory=PushResult)
    pull: PullResult = field(default_factory=lambda: PullResult(0, 0))
    error: str | None = None
    pending: int = 0
    rejected: int = 0  # not yet acknowledged
    quarantined: int = 0
    alarms: tuple[Alarm, ...] = ()  # every alarm not yet acknowledged
    new_alarms: tuple[Alarm, ...] = ()  # raised in this round
    offered_again: int = 0

    @property
    def alarm(self) -> str | None:
        """The open alarms in words (English, for logs); ``None`` without any."""
        return "; ".join(a.text for a in self.alarms) or None

    @property
    def moved(self) -> bool:
        """Whether this round changed the cache (screens showing it should re-read)."""
        return self.push.sent > 0 or self.pull.entries > 0 or self.offered_again > 0


class _Stopped(Exception):
    """The worker was stopped while a request was under way: drop its answer."""


class _Gate:
    """The centre, but refusing to start a request, or to hand over a journal page, once the
    worker is stopping (a submitted command's verdict is still recorded)."""

    def __init__(self, centre: SyncPort, stopping: threading.Event) -> None:
        self.centre = centre
        self.stopping = stopping

    def submit(self, commands: Sequence[Command]) -> list[Verdict]:
        if self.stopping.is_set():
            raise _Stopped
        return self.centre.submit(commands)

    def journal_page(
        self, after: int, *, limit: int = 500, wait_seconds: float = 0.0
    ) -> JournalPage:
        if self.stopping.is_set():
            raise _Stopped
        page = self.centre.journal_page(after, limit=limit, wait_seconds=wait_seconds)
        if self.stopping.is_set():
            raise _Stopped
        return page


def backoff_delay(failures: int, base: float, cap: float, jitter: Callable[[], float]) -> float:
    """The wait after ``failures`` failed attempts in a row: ``base`` doubling up to ``cap``,
    drawn between half and all of it (so workstations cut off together do not return in
    step)."""
    ceiling = min(cap, base * 2.0 ** max(failures - 1, 0))
    return ceiling / 2 + ceiling / 2 * jitter()


class SyncWorker:
    def __init__(
        self,
        local: Engine,
        centre: SyncPort,
        *,
        audit_port: AuditPort | None = None,
        on_report: Callable[[SyncRound], None] | None = None,
        interval: float = INTERVAL_SECONDS,
        long_poll: float = LONG_POLL_SECONDS,
        backoff_base: float = BACKOFF_BASE_SECONDS,
        backoff_cap: float = BACKOFF_CAP_SECONDS,
        audit_every: float = AUDIT_EVERY_SECONDS,
        anchor_every: float = ANCHOR_EVERY_SECONDS,
        join_seconds: float = JOIN_SECONDS,
        jitter: Callable[[], float] = random.random,
        name: str = "sync",
    ) -> None:
        self.local = local
        self.audit_port = audit_port
        self.on_report = on_report
        self.interval = interval
        self.long_poll = long_poll
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.audit_every = audit_every
        self.anchor_every = anchor_every
        self.join_seconds = join_seconds
        self.jitter = jitter
        self.name = name
        self._stopping = threading.Event()
        self._centre = _Gate(centre, self._stopping)
        self._push_due = threading.Event()
        self._pull_due = threading.Event()
        self._online: bool | None = None
        self._threads: list[threading.Thread] = []
        # The back-off delays chosen, newest last (monotonic time, seconds): for diagnosis.
        self.push_backoffs: collections.deque[tuple[float, float]] = collections.deque(maxlen=50)
        self.pull_backoffs: collections.deque[tuple[float, float]] = collections.deque(maxlen=50)
        self._last_audit = -float("inf")
        self._audited_head: int | None = None
        self._last_anchor = -float("inf")
        self._anchored_head: int | None = None
        self._no_key_logged = False

    # -- control ---------------------------------------------------------------------------
    def start(self) -> None:
        if self._threads:
            raise RuntimeError("the sync worker was already started")
        self._push_due.set()  # a first round at once
        for target, role in ((self._push_loop, PUSH), (self._pull_loop, PULL)):
            thread = threading.Thread(target=target, name=f"{self.name}-{role}", daemon=True)
            self._threads.append(thread)
            thread.start()

    def wake(self) -> None:
        """Push now (a command was just written, or "Sync now"); a pull thread that is
        backing off tries again at once too."""
        self._push_due.set()
        self._pull_due.set()

    def stop(self) -> bool:
        """Stop both threads; returns within ``join_seconds``, ``True`` if both have ended
        (a thread still inside a request ends with it, touching nothing)."""
        self._stopping.set()
        self._push_due.set()
        self._pull_due.set()
        deadline = time.monotonic() + self.join_seconds
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(thread.is_alive() for thread in self._threads)

    @property
    def running(self) -> bool:
        return bool(self._threads) and not self._stopping.is_set()

    @property
    def online(self) -> bool | None:
        return self._online

    # -- the push thread -------------------------------------------------------------------
    def _push_loop(self) -> None:
        failures = 0
        delay = self.interval
        while not self._stopping.is_set():
            woken = self._push_due.wait(delay)
            if self._stopping.is_set():
                return
            self._push_due.clear()
            try:
                result = push(self.local, self._centre)
            except _Stopped:
                return
            except Exception as exc:  # a bug or a failing cache: report it, try again later
                log.exception("push failed")
                result = PushResult(error=f"{type(exc).__name__}: {exc}")
            if self._stopping.is_set():
                return
            contacted = result.sent > 0 or result.error is not None
            if result.error is None:
                if failures:
                    self._pull_due.set()  # the centre is back: the puller need not wait
                failures = 0
                delay = self.interval
                if contacted:
                    self._online = True
            else:
                failures += 1
                delay = backoff_delay(failures, self.backoff_base, self.backoff_cap, self.jitter)
                self.push_backoffs.append((time.monotonic(), delay))
                self._online = False
                log.info("push: the centre is unreachable; next attempt in %.1f s", delay)
            known = self._online is not None  # else the pull thread's first answer says it
            if contacted or result.quarantined or (known and (woken or result.held)):
                self._report(PUSH, push=result, error=result.error)

    # -- the pull thread -------------------------------------------------------------------
    def _pull_loop(self) -> None:
        failures = 0
        fresh = True  # the first pull after a start or an outage: no waiting, then an audit
        while not self._stopping.is_set():
            try:
                result = pull(
                    self.local, self._centre, wait_seconds=0.0 if fresh else self.long_poll
                )
            except _Stopped:
                return
            except Exception as exc:
                if self._stopping.is_set():
                    return
                if not isinstance(exc, CentralUnavailable | CentralRefused):
                    log.exception("pull failed")
                failures += 1
                delay = backoff_delay(failures, self.backoff_base, self.backoff_cap, self.jitter)
                self.pull_backoffs.append((time.monotonic(), delay))
                self._online = False
                self._report(PULL, online=False, error=str(exc) or type(exc).__name__)
                self._pull_due.wait(delay)
                self._pull_due.clear()
                fresh = True
                continue
            if self._stopping.is_set():
                return
            if failures:
                self._push_due.set()  # the centre is back: pending commands go now
            failures = 0
            self._online = True
            new_alarms, offered, cursor_reset = self._witness(result, fresh)
            if offered:
                self._push_due.set()
            if result.entries or fresh or new_alarms or offered or cursor_reset:
                self._report(PULL, pull=result, new_alarms=new_alarms, offered=offered)
            fresh = cursor_reset

    def _witness(self, result: PullResult, fresh: bool) -> tuple[tuple[Alarm, ...], int, bool]:
        """Audit the centre and have its head signed, when due. Returns the new alarms, the
        commands offered again and whether the cursor was moved back."""
        port = self.audit_port
        if port is None:
            return (), 0, False
        now = time.monotonic()
        head = result.head_seq
        alarms: list[Alarm] = []
        offered = 0
        reset = False
        due = (
            fresh
            or head < result.cursor
            or (head != self._audited_head and now - self._last_audit >= self.audit_every)
        )
        try:
            if due:
                outcome = audit(self.local, port, head)
                self._audited_head, self._last_audit = head, now
                alarms.extend(outcome.alarms)
                offered = outcome.offered_again
                reset = outcome.cursor_reset_to is not None
            key = anchor_key(self.local)
            if key is None:
                if not self._no_key_logged:
                    log.warning("no anchor key is kept: the centre's signed heads are not checked")
                    self._no_key_logged = True
            elif (
                head > 0
                and head != self._anchored_head
                and now - self._last_anchor >= self.anchor_every
                and not reset
            ):
                signed = port.sign_head()
                self._anchored_head, self._last_anchor = signed.seq, now
                alarm = keep_signed_head(self.local, signed, key)
                if alarm is not None:
                    alarms.append(alarm)
        except (CentralUnavailable, CentralRefused) as exc:
            log.info("the journal audit was not completed: %s", exc)
        return tuple(alarms), offered, reset

    # -- reports ---------------------------------------------------------------------------
    def _counts(self) -> tuple[int, int, int]:
        with Session(self.local) as session:
            rows = session.execute(
                select(OutboxRow.status, func.count())
                .where((OutboxRow.status != "rejected") | (OutboxRow.acknowledged == 0))
                .group_by(OutboxRow.status)
            ).all()
        counts = {str(status): int(n) for status, n in rows}
        return counts.get("pending", 0), counts.get("rejected", 0), counts.get(QUARANTINED, 0)

    def _report(
        self,
        kind: str,
        *,
        online: bool | None = None,
        push: PushResult | None = None,
        pull: PullResult | None = None,
        error: str | None = None,
        new_alarms: tuple[Alarm, ...] = (),
        offered: int = 0,
    ) -> None:
        if self.on_report is None or self._stopping.is_set():
            return
        try:
            pending, rejected, quarantined = self._counts()
            alarms = tuple(open_alarms(self.local))
            if pull is None:
                with Session(self.local) as session:
                    pull = PullResult(0, read_cursor(session))
            report = SyncRound(
                kind=kind,
                online=self._online if online is None else online,
                push=push or PushResult(),
                pull=pull,
                error=error,
                pending=pending,
                rejected=rejected,
                quarantined=quarantined,
                alarms=alarms,
                new_alarms=new_alarms,
                offered_again=offered,
            )
            self.on_report(report)
        except Exception:  # a report must never end the worker
            log.exception("the sync report could not be made or delivered")
