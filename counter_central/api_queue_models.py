"""The request and response bodies of the queue endpoints (``routes_queue``).

Kept apart from ``api_models`` because the queue has many small bodies of its own. Like
those, every request model forbids unknown fields and bounds every string, number and list,
so a malformed request is refused with 422 before any queue code runs. Times travel as ISO
8601 text in the hall's local time (the form the queue tables keep), durations as seconds.
Nothing here lets a client name its hall, its user, a role or the time: the service takes
them from the signing workstation, the staff session and its own clock.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, Field, JsonValue

from counter_central.api_models import Request

MAX_CATEGORIES = 10
MAX_WINDOW = 999
MAX_AGING_MINUTES = 240
MAX_WAIT_SECONDS = 25.0

Category = Annotated[str, Field(pattern=r"^[A-Z]$", examples=["A"])]
WindowNumber = Annotated[int, Field(ge=1, le=MAX_WINDOW)]
TicketId = Annotated[int, Field(ge=1, le=2**62)]

# The ticket events a window may send; calling, resuming and closing the day have their own
# endpoints (or none: the day is closed by the centre's operator).
WindowEvent = Literal["recall", "start", "hold", "return", "finish", "no_show", "leave"]
PauseReason = Literal["lunch", "meeting", "back_office", "other"]


class IssueRequest(Request):
    category: Category
    id_number: str | None = Field(
        default=None,
        min_length=1,
        max_length=18,
        pattern=r"^[0-9A-Za-z]+$",
        description="the customer's ID number, if typed at the kiosk (checked, never shown)",
    )


class CallNextRequest(Request):
    window: WindowNumber
    categories: list[Category] = Field(max_length=MAX_CATEGORIES)
    key: str = Field(
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="one per click: the same key again returns the ticket it claimed",
    )
    aging_minutes: int = Field(ge=1, le=MAX_AGING_MINUTES)


class EventRequest(Request):
    event: WindowEvent


class PauseRequest(Request):
    reason: PauseReason | None = Field(description="why the window pauses; null resumes it")


class WindowRequest(Request):
    window: WindowNumber


class TransferRequest(Request):
    category: Category | None = None
    window: WindowNumber | None = None


class RateRequest(Request):
    level: int = Field(ge=1, le=5)


class CloseFollowUpRequest(Request):
    note: str = Field(max_length=2000, description="what was done; an empty note is refused")


class TicketOut(BaseModel):
    id: int
    display: str
    category: str
    state: str
    issued_at: str = Field(description="hall local time, ISO 8601 without offset")
    window_number: int | None
    teller: str | None
    recalls: int
    id_number: str | None


class IssuedTicketOut(BaseModel):
    ticket: TicketOut
    waiting_ahead: int
    estimated_wait_seconds: float | None


class CallNextResponse(BaseModel):
    ticket: TicketOut | None = Field(description="null when nobody waits for this window")


class TellerFiguresOut(BaseModel):
    teller: str
    served: int
    average_service_seconds: float | None
    ratings: dict[str, int] = Field(description="rating level → how many")


class WindowStatusOut(BaseModel):
    waiting: dict[str, int] = Field(description="category → tickets waiting")
    figures: TellerFiguresOut
    longest_wait_seconds: float | None
    held: list[TicketOut]


class HallEventOut(BaseModel):
    seq: int
    kind: str
    payload: dict[str, JsonValue]
    created_at: str


class CallOut(BaseModel):
    ticket: str
    window: int
    seq: int


class HallSnapshotOut(BaseModel):
    current: list[CallOut]
    recent: list[CallOut]
    waiting: dict[str, int]
    last_seq: int


class HallEventsOut(BaseModel):
    events: list[HallEventOut]
    waiting: dict[str, int]
    snapshot: HallSnapshotOut | None = Field(
        description="set when the page does not follow on from `after`: rebuild from it"
    )
    last_seq: int = Field(description="the cursor for the next call")


class RatingOut(BaseModel):
    rating_id: int


class FollowUpOut(BaseModel):
    id: int
    ticket: str
    business_day: dt.date
    window: int
    teller: str | None
    level: int
    opened_at: str
    teller_name: str | None


class FollowUpsOut(BaseModel):
    follow_ups: list[FollowUpOut]
