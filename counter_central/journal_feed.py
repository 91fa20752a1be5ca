"""The journal as a workstation may read it: entries after a cursor, within its scope.

A workstation sees the entries for everyone (``*``: halls, users) and those of its own hall,
exactly the scopes ``counter_app.sync.pull`` applies. Because ``seq`` is gap-free and commit
order equals ``seq`` order, "after N, in order" never skips an entry that commits late.

``wait_for_page`` is the long-poll behind ``GET /v1/journal?wait=``. Waiting requests do not
query the database themselves: one watcher thread per process and database re-reads the
one-row journal head every ``POLL_SECONDS`` while anyone waits (and not at all otherwise), so
the load on the database does not grow with the number of waiting workstations. A waiting
request reads its page again only when the head has moved. Commands applied by this same
process wake the waiting requests at once (:func:`journal_moved`); the polling is for those
applied by the other processes serving the database. It answers as soon
as an entry in scope exists, when the time is up, or when the process is shutting down, so
a waiting workstation neither delays a restart nor waits past its own HTTP timeout. A cursor
beyond the head (the journal lost entries the workstation has) is answered at once.

``check`` answers a workstation's audit of the journal: which of the commands it holds as
applied the journal really has, and the hash of the entries at the seqs it saw anchored.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counter_app.storage.central_models import JournalHeadRow, JournalRow

log = logging.getLogger(__name__)

POLL_SECONDS = 0.075
MAX_WAIT_SECONDS = 25.0
STOP_CHECK_SECONDS = 0.25


class HeadWatcher:
    """Watches one database's journal head for the requests waiting on it.

    ``version`` grows whenever the head moved (or this process appended): a waiter compares
    it with the one it started from.
    """

    def __init__(self, engine: Engine, poll_seconds: float) -> None:
        self.engine = engine
        self.poll_seconds = poll_seconds
        self.changed = threading.Condition()
        self.version = 0
        self.waiters = 0
        self._head: int | None = None
        self._thread = threading.Thread(target=self._run, name="journal-head", daemon=True)
        self._thread.start()

    def bump(self) -> None:
        with self.changed:
            self.version += 1
            self.changed.notify_all()

    def _run(self) -> None:
        while True:
            with self.changed:
                while self.waiters == 0:
                    self._head = None  # unwatched meanwhile: the next look counts as news
                    self.changed.wait()
            try:
                head: int | None = head_seq(self.engine)
            except Exception:  # the database away for a moment: the waiters time out
                log.warning("the journal head could not be read", exc_info=True)
                head = None
            if head is not None and head != self._head:
                self._head = head
                self.bump()
            time.sleep(self.poll_seconds)


_watchers: dict[int, HeadWatcher] = {}
_watchers_lock = threading.Lock()


def _watcher(engine: Engine, poll_seconds: float) -> HeadWatcher:
    with _watchers_lock:
        watcher = _watchers.get(id(engine))
        if watcher is None or watcher.engine is not engine:
            watcher = _watchers[id(engine)] = HeadWatcher(engine, poll_seconds)
        return watcher


def journal_moved() -> None:
    """This process appended to the journal: waiting long-polls look again now."""
    with _watchers_lock:
        watchers = list(_watchers.values())
    for watcher in watchers:
        watcher.bump()


@dataclass(frozen=True)
class JournalPage:
    entries: Sequence[JournalRow]
    head_seq: int


@dataclass(frozen=True)
class JournalCheck:
    head_seq: int
    commands: dict[str, int]  # command uuid → seq, for the asked uuids the journal holds
    hashes: dict[int, str]  # seq → entry hash, for the asked seqs the journal holds


def scopes_of(hall_code: str) -> list[str]:
    return ["*", f"hall:{hall_code}"]


def head_seq(engine: Engine) -> int:
    with Session(engine) as session:
        head = session.get(JournalHeadRow, 1)
        return head.last_seq if head is not None else 0


def read_page(engine: Engine, hall_code: str, after: int, limit: int) -> JournalPage:
    with Session(engine) as session:
        rows = session.scalars(
            select(JournalRow)
            .where(JournalRow.seq > after, JournalRow.scope.in_(scopes_of(hall_code)))
            .order_by(JournalRow.seq)
            .limit(limit)
        ).all()
        head = session.get(JournalHeadRow, 1)
        session.expunge_all()
    return JournalPage(rows, head.last_seq if head is not None else 0)


def wait_for_page(
    engine: Engine,
    hall_code: str,
    after: int,
    limit: int,
    wait_seconds: float,
    *,
    stopping: threading.Event | None = None,
    poll_seconds: float = POLL_SECONDS,
) -> JournalPage:
    """``read_page``, but when the page is empty wait up to ``wait_seconds`` for an entry."""
    page = read_page(engine, hall_code, after, limit)
    if page.entries or wait_seconds <= 0 or after > page.head_seq:
        return page  # (a cursor past the head: the caller must learn that at once)
    deadline = time.monotonic() + min(wait_seconds, MAX_WAIT_SECONDS)
    watcher = _watcher(engine, poll_seconds)
    with watcher.changed:
        watcher.waiters += 1
        watcher.changed.notify_all()  # an idle watcher starts looking
        seen = watcher.version
    try:
        page = read_page(engine, hall_code, after, limit)  # anything committed meanwhile
        if page.entries:
            return page
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return page
            with watcher.changed:
                if watcher.version == seen:
                    watcher.changed.wait(min(remaining, STOP_CHECK_SECONDS))
                moved, seen = watcher.version != seen, watcher.version
            if stopping is not None and stopping.is_set():
                return page
            if moved:  # perhaps only in another hall's scope: look again
                page = read_page(engine, hall_code, after, limit)
                if page.entries:
                    return page
    finally:
        with watcher.changed:
            watcher.waiters -= 1


def check(
    engine: Engine, hall_code: str, uuids: Sequence[str], seqs: Sequence[int]
) -> JournalCheck:
    """Which of ``uuids`` (in this hall's scope) the journal holds, and the hashes at ``seqs``.

    A hash says nothing about the entry's content, so every seq may be asked: an anchor covers
    the head of the whole journal, which may be another hall's entry.
    """
    with Session(engine) as session:
        commands: dict[str, int] = {}
        if uuids:
            for command_uuid, seq in session.execute(
                select(JournalRow.command_uuid, JournalRow.seq).where(
                    JournalRow.command_uuid.in_(list(uuids)),
                    JournalRow.scope.in_(scopes_of(hall_code)),
                )
            ):
                commands[str(command_uuid)] = int(seq)
        hashes: dict[int, str] = {}
        if seqs:
            for seq, entry_hash in session.execute(
                select(JournalRow.seq, JournalRow.hash).where(JournalRow.seq.in_(list(seqs)))
            ):
                hashes[int(seq)] = str(entry_hash)
        head = session.get(JournalHeadRow, 1)
    return JournalCheck(head.last_seq if head is not None else 0, commands, hashes)
