"""Reading the service's JSON answers into the workstation's own types.

Kept apart from ``http_central`` so each group of calls (sync, queue, certificates) decodes
its answers in one place; a malformed answer raises ``CentralUnavailable`` (the service is
not behaving as one), never a ``KeyError`` deep inside a screen.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from counter_app.domain.errors import CentralUnavailable
from counter_app.services.central_port import CentralSession
from counter_app.sync.port import JournalEntry, JournalPage

ENTRY_FIELDS = (
    "seq",
    "command_uuid",
    "kind",
    "scope",
    "actor",
    "workstation",
    "client_time",
    "central_time",
    "auth_ref",
    "payload",
    "effects",
    "prev_hash",
    "hash",
)


def malformed(what: str, exc: BaseException) -> CentralUnavailable:
    return CentralUnavailable(f"the central service sent a malformed {what} ({type(exc).__name__})")


def parse_session(answer: Any) -> tuple[CentralSession, str]:
    try:
        session = CentralSession(
            username=str(answer["username"]),
            display_name=str(answer["display_name"]),
            role=str(answer["role"]),
            hall_code=str(answer["hall_code"]),
            expires_at=dt.datetime.fromisoformat(answer["expires_at"]),
        )
        return session, str(answer["token"])
    except (KeyError, TypeError, ValueError) as exc:
        raise malformed("session", exc) from None


def parse_journal_page(answer: Any) -> JournalPage:
    try:
        entries = [
            JournalEntry(**{name: item[name] for name in ENTRY_FIELDS})
            for item in answer["entries"]
        ]
        return JournalPage(
            entries=entries,
            head_seq=int(answer["head_seq"]),
            next_after=int(answer["next_after"]),
            more=bool(answer["more"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise malformed("journal page", exc) from None
