"""The request and response bodies of the HTTP API, as pydantic models.

Every request model forbids unknown fields and bounds every string, list and payload, so a
malformed or oversized field is refused with 422 and a reason before any service code runs.
The same models make the OpenAPI document the client is written against.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, JsonValue, field_validator

from counter_app.storage.rowcodec import canonical_json
from counter_app.wire import PUBLIC_KEY_PATTERN, WORKSTATION_ID_PATTERN

MAX_COMMANDS_PER_BATCH = 100
MAX_PAYLOAD_BYTES = 64 * 1024
MAX_PAYLOAD_DEPTH = 16

WorkstationId = Annotated[str, Field(pattern=WORKSTATION_ID_PATTERN, examples=["WS-HALL01-03"])]
Username = Annotated[str, Field(min_length=1, max_length=50, pattern=r"^[^\x00-\x1f\x7f]+$")]
Kind = Annotated[str, Field(max_length=50, pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")]
SessionToken = Annotated[str, Field(min_length=20, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")]


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class ErrorBody(BaseModel):
    error: str = Field(description="a stable machine-readable code")
    reason: str = Field(description="what was wrong, in plain words")


class TimeResponse(BaseModel):
    now: dt.datetime = Field(description="the service's clock, with its UTC offset")
    business_day: dt.date
    workday: bool = Field(description="whether the business day is a statutory working day")


class EnrolRequest(Request):
    workstation_id: WorkstationId
    code: str = Field(min_length=16, max_length=40, pattern=r"^[A-Za-z0-9 -]+$")
    public_key: str = Field(
        pattern=PUBLIC_KEY_PATTERN, description="the raw Ed25519 public key, base64url"
    )


class EnrolResponse(BaseModel):
    workstation_id: str
    hall_code: str
    anchor_public_key: str = Field(description="verifies the service's journal anchors")
    anchor_key_id: str
    server_time: dt.datetime


class LoginRequest(Request):
    username: Username
    password: str = Field(min_length=1, max_length=256, repr=False)


class SessionResponse(BaseModel):
    token: str = Field(description="shown once; send it with every command batch")
    username: str
    display_name: str
    role: str
    hall_code: str
    expires_at: dt.datetime


class LogoutRequest(Request):
    token: SessionToken


class CommandIn(Request):
    uuid: uuid.UUID
    kind: Kind
    payload: dict[str, JsonValue]
    actor: Username
    client_time: AwareDatetime
    auth_ref: str | None = Field(default=None, max_length=100)

    @field_validator("payload")
    @classmethod
    def _bounded(cls, payload: dict[str, Any]) -> dict[str, Any]:
        if len(canonical_json(payload).encode("utf-8")) > MAX_PAYLOAD_BYTES:
            raise ValueError(f"the payload is larger than {MAX_PAYLOAD_BYTES} bytes")
        if _depth(payload) > MAX_PAYLOAD_DEPTH:
            raise ValueError(f"the payload is nested deeper than {MAX_PAYLOAD_DEPTH} levels")
        return payload


def _depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


class CommandBatch(Request):
    session_token: SessionToken
    commands: list[CommandIn] = Field(min_length=1, max_length=MAX_COMMANDS_PER_BATCH)


class VerdictOut(BaseModel):
    command_uuid: str
    status: Literal["applied", "rejected"]
    seq: int | None = None
    reason_code: str | None = None
    reason: str | None = None
    duplicate: bool = False


class BatchResponse(BaseModel):
    verdicts: list[VerdictOut]


class JournalEntryOut(BaseModel):
    """One journal entry, every hashed field exactly as stored (``payload`` and ``effects``
    are canonical JSON text), so the receiver can recompute ``hash``."""

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


class JournalPageResponse(BaseModel):
    entries: list[JournalEntryOut]
    head_seq: int = Field(description="the newest entry in the whole journal")
    next_after: int = Field(description="the cursor for the next call")
    more: bool = Field(description="whether another call may return more entries now")


class AnchorOut(BaseModel):
    seq: int
    hash: str
    signed_at: str
    key_id: str
    signature: str = Field(description="Ed25519 over the anchor message, base64url")


class JournalCheckResponse(BaseModel):
    """A workstation's audit of the journal (``GET /v1/journal/check``)."""

    head_seq: int = Field(description="the newest entry in the whole journal")
    commands: dict[str, int] = Field(
        description="command uuid → seq, for the asked commands the journal holds in scope"
    )
    hashes: dict[str, str] = Field(
        description="seq → entry hash, for the asked seqs the journal holds"
    )
