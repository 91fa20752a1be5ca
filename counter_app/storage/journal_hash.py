"""The hash of one central journal entry: its own fields chained to the previous entry's hash.

Computed when the centre appends an entry, when the chain is verified and when a
certificate is checked against the entry that issued it, so it lives below all three.
"""

from __future__ import annotations

import hashlib

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


def entry_hash(row: JournalRow) -> str:
    material = canonical_json([getattr(row, name) for name in HASHED_FIELDS])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()
