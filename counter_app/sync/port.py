"""What the sync needs of the centre: send commands, read the journal after a cursor.

``counter_app.remote.http_central.HttpCentral`` implements it over HTTPS. A verdict is
final (applied with its journal ``seq``, or rejected with a reason); anything else — the
centre down, slow, or answering with a server error — raises ``CentralUnavailable`` and the
command stays pending. ``NoSession`` says that the command's actor has no session on the
centre from this workstation yet (logged in offline): the command waits for that user.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from counter_app.domain.commands import Command, Verdict
from counter_app.domain.errors import CentralRefused, CentralUnavailable
from counter_app.storage.journal_hash import JournalEntry

__all__ = ["CentralRefused", "CentralUnavailable", "JournalEntry", "NoSession", "SyncPort"]


class NoSession(Exception):
    """No central session for this actor on this workstation yet."""

    def __init__(self, actor: str) -> None:
        super().__init__(f"waiting for {actor} to log in while the centre is reachable")
        self.actor = actor


@dataclass(frozen=True)
class JournalPage:
    entries: list[JournalEntry]
    head_seq: int  # the newest entry of the whole journal
    next_after: int  # the cursor to ask with next
    more: bool


class SyncPort(Protocol):
    def submit(self, commands: Sequence[Command]) -> list[Verdict]:
        """One verdict per command, in order; all commands have the same actor."""
        ...

    def journal_page(
        self, after: int, *, limit: int = 500, wait_seconds: float = 0.0
    ) -> JournalPage:
        """Entries after ``after`` in this workstation's scope; with ``wait_seconds`` the
        centre holds the request until there is one or the time is up (long-poll)."""
        ...
