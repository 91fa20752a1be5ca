"""What a workstation may ask of the centre: the ``CentralPort``.

The screens and use cases hold this port, never a database engine. Its one production
implementation is ``counter_app.remote.http_central.HttpCentral``, which speaks HTTPS to
``counter-central``; the service decides, from its own records and clock, who may do what.
The hall, the window's teller and the time are never parameters here: the service takes the
hall from the signing workstation, the user from the session and the time from its clock.

Every method either returns or raises ``CentralUnavailable`` (no answer, in time or at all:
the caller may retry later) or ``CentralRefused`` (the service answered no, with a stable
code and a reason; retrying the same request will not help). Business refusals keep their
domain types (``ValidationError``, ``Conflict``, ``PermissionDenied``, ``WindowPaused``) so the
screens word them as before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from counter_app.domain.errors import CentralRefused, CentralUnavailable
from counter_app.domain.queue import TicketEvent
from counter_app.services.records import CentralSession as CentralSession
from counter_app.services.records import (
    CertificateRecord,
    FollowUp,
    IssuedCertificate,
    PersonSummary,
    Ticket,
    Verification,
)
from counter_app.services.records import HallEvents as HallEvents
from counter_app.services.records import IssuedTicket as IssuedTicket
from counter_app.services.records import OfflineAuthorization as OfflineAuthorization
from counter_app.services.records import WindowStatus as WindowStatus

__all__ = ["CentralPort", "CentralRefused", "CentralUnavailable"]


class CentralPort(Protocol):
    # -- staff sessions ----------------------------------------------------------------------
    def login(self, username: str, password: str) -> CentralSession: ...

    def logout(self, username: str) -> None: ...

    def service_time(self) -> dt.datetime: ...

    # -- the queue (hall from the workstation, teller from the session) ----------------------
    def issue_ticket(self, category: str, id_number: str | None = None) -> IssuedTicket: ...

    def call_next(
        self, window: int, categories: Sequence[str], *, key: str, aging_minutes: int
    ) -> Ticket | None: ...

    def ticket_event(self, ticket_id: int, event: TicketEvent) -> Ticket: ...

    def set_paused(self, window: int, reason: str | None) -> None: ...

    def serve_walk_in(self, window: int) -> Ticket: ...

    def resume_held(self, ticket_id: int, window: int) -> Ticket: ...

    def transfer(
        self, ticket_id: int, *, category: str | None = None, window: int | None = None
    ) -> Ticket: ...

    def window_status(self, window: int) -> WindowStatus: ...

    def hall_events(self, after: int, *, wait_seconds: float = 0.0) -> HallEvents: ...

    def rate(self, ticket_id: int, level: int) -> int: ...

    def open_follow_ups(self) -> list[FollowUp]: ...

    def close_follow_up(self, follow_up_id: int, note: str) -> None: ...

    # -- certificates and the central registry ----------------------------------------------
    def issue_certificate(
        self, kind: str, subject: str, request_id: str | None = None
    ) -> IssuedCertificate: ...

    def verify_certificate(self, code: str) -> Verification: ...

    def find_certificate(self, code: str) -> CertificateRecord | None: ...

    def find_person(self, id_number: str) -> PersonSummary | None: ...

    # -- on-the-spot authorizations (授权) ----------------------------------------------------
    def authorize(self, supervisor: str, password: str, purpose: str, bound_to: str) -> str:
        """The supervisor's password checked by the centre; the ``auth_ref`` it recorded."""
        ...

    def offline_authorizations(self) -> list[OfflineAuthorization]: ...

    def confirm_authorization(self, authorization_id: str) -> None: ...
