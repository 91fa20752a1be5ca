"""The hash of one central journal entry: its own fields chained to the previous entry's hash.

Computed when the centre appends an entry, when the chain is verified and when a
certificate is checked against the entry that issued it, so it lives below all three —
together with ``JournalEntry``, an entry as plain values: what the centre appends and what a
workstation's pull reads.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from counter_app.storage.central_models import JournalRow
from counter_app.storage.rowcodec import canonical_json

HASHED_FIELDS = (
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
)


@dataclass(frozen=True)
class JournalEntry:
    """One journal entry as the centre keeps it (``payload`` and ``effects`` canonical JSON)."""

    seq: int
    command_uuid: str
    kind: str
    scope: str
    actor: str
    workstation: str
    client_time: str
    central_time: str
    auth_ref: str | None
    payload: str
    effects: str
    prev_hash: str
    hash: str


def entry_hash(row: JournalRow | JournalEntry) -> str:
    material = canonical_json([getattr(row, name) for name in HASHED_FIELDS])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()
