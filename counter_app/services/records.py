"""The records the centre answers with: tickets, hall events, certificates, persons, sessions.

Plain frozen dataclasses, shared by the use cases that make them (``queue``, ``certificates``,
``queries`` …), the port that carries them (``central_port``) and the screens that show them.
Kept apart so that none of those has to import another only for its result types.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from counter_app.domain.ids import IdNumber


@dataclass(frozen=True)
class Ticket:
    id: int
    display: str
    category: str
    state: str
    issued_at: dt.datetime
    window_number: int | None
    teller: str | None
    recalls: int = 0
    id_number: str | None = None  # typed at the kiosk, if the customer did


@dataclass(frozen=True)
class HallEvent:
    seq: int
    kind: str
    payload: dict[str, object]
    created_at: dt.datetime


@dataclass(frozen=True)
class FollowUp:
    """An open follow-up of a bad rating, named by the ticket the customer held."""

    id: int
    ticket: str  # the ticket number as printed, e.g. "A012"
    business_day: dt.date
    window: int
    teller: str | None
    level: int
    opened_at: dt.datetime
    teller_name: str | None = None  # the teller's display name, when the centre knows it


@dataclass(frozen=True)
class TellerFigures:
    teller: str
    served: int
    average_service: dt.timedelta | None
    ratings: dict[int, int]


@dataclass(frozen=True)
class Call:
    """One call on the display: ticket number, window and the event number of the call."""

    ticket: str
    window: int
    seq: int


@dataclass(frozen=True)
class HallSnapshot:
    current: list[Call]  # one per window, newest call first
    recent: list[Call]  # each ticket once, newest first (current ones included)
    waiting: dict[str, int]
    last_seq: int


@dataclass(frozen=True)
class Verification:
    """The answer for one code. A code that is not confirmed has a ``problem_code`` (one of
    ``PROBLEM_CODES``) and an English ``problem`` for logs and the command line."""

    code: str
    genuine: bool
    problem: str = ""
    kind: str = ""
    subject_name: str = ""
    content: dict[str, Any] | None = None
    issued_at: dt.datetime | None = None
    issued_by: str = ""
    hall_code: str = ""
    journal_seq: int | None = None
    problem_code: str = ""


@dataclass(frozen=True)
class IssuedCertificate:
    code: str
    kind: str
    subject: str
    content: dict[str, Any]
    journal_seq: int
    command_uuid: str


@dataclass(frozen=True)
class CertificateRecord:
    """A certificate as issued, enough to print it again."""

    code: str
    kind: str
    subject: str
    subject_name: str
    content: dict[str, Any]
    issued_at: dt.datetime
    issued_by: str
    hall_code: str
    issued_by_name: str = ""  # the teller's display name, when known


@dataclass(frozen=True)
class PersonSummary:
    id_number: str
    name: str
    sex: str
    birth_date: dt.date
    phone: str
    address: str
    insured_number: str | None = None
    category: str | None = None
    insurance_types: tuple[str, ...] = ()
    pending_sync: bool = False
    source: str = "local"  # "local" cache or "central" registry
    cases: tuple[CaseSummary, ...] = field(default_factory=tuple)

    @property
    def enrolled(self) -> bool:
        return self.category is not None

    @property
    def masked_id(self) -> str:
        return IdNumber(self.id_number).masked()


@dataclass(frozen=True)
class CaseSummary:
    id: str
    case_no: str | None
    item_code: str
    status: str
    summary: str
    accepted_by: str
    accepted_at: dt.datetime
    window_number: int
    subject_name: str = ""  # the person's name (``summary`` is stored text, in Chinese)


@dataclass(frozen=True)
class CentralSession:
    """A staff session the service opened after checking the password centrally."""

    username: str
    display_name: str
    role: str
    hall_code: str
    expires_at: dt.datetime


@dataclass(frozen=True)
class IssuedTicket:
    """A kiosk's new ticket with what the kiosk prints under it."""

    ticket: Ticket
    waiting_ahead: int
    estimated_wait: dt.timedelta | None


@dataclass(frozen=True)
class WindowStatus:
    """What the queue dock shows: waiting counts, the teller's figures, the longest wait and
    the tickets this window holds."""

    waiting: dict[str, int]
    figures: TellerFigures
    longest_wait: dt.timedelta | None
    held: list[Ticket]


@dataclass(frozen=True)
class HallEvents:
    """A page of the hall's numbered event stream. ``snapshot`` is set when the page does not
    follow on from ``after`` (a hole, the first call, a new business day): rebuild from it."""

    events: list[HallEvent]
    waiting: dict[str, int]
    snapshot: HallSnapshot | None
    last_seq: int


@dataclass(frozen=True)
class OfflineAuthorization:
    """An authorization a supervisor gave while the centre could not be reached, recorded
    when its command arrived and waiting for a supervisor of the hall to confirm it."""

    id: str
    created_at: dt.datetime  # naive local time
    workstation_id: str
    requested_by: str
    supervisor: str
    purpose: str
    bound_to: str
    detail: str
