"""The command: the unit of every business write, made on the client with its own UUID.

The UUID is the idempotency key all the way to the centre (UNIQUE on the journal), so a
double click, a retry after a lost answer or a re-sent outbox never applies anything twice.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid as uuid_module
from dataclasses import dataclass, field
from typing import Any


def new_command_id() -> str:
    return str(uuid_module.uuid4())


@dataclass(frozen=True)
class Command:
    kind: str
    payload: dict[str, Any]
    actor: str
    workstation: str
    hall_code: str
    client_time: dt.datetime = field(default_factory=lambda: dt.datetime.now().astimezone())
    uuid: str = field(default_factory=new_command_id)
    auth_ref: str | None = None

    def payload_json(self) -> str:
        return json.dumps(self.payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True)
class Verdict:
    """The centre's answer for one command: applied with a sequence number, or rejected."""

    command_uuid: str
    applied: bool
    seq: int | None = None
    reason_code: str | None = None
    reason: str | None = None
    duplicate: bool = False
