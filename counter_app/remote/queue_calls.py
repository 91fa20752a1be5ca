"""The queue's calls to counter-central (part of ``HttpCentral``).

Each queue method of ``services.central_port.CentralPort`` is one signed request to
``/v1/queue/…`` (``counter_central.routes_queue``); the answers are decoded here into the
queue's own types (``services.queue.Ticket``, ``TellerFigures``, ``HallEvent``, ``FollowUp``
and ``services.hall_display_queries.HallSnapshot``), so the screens never see JSON. Times
arrive as ISO 8601 text, durations as seconds. An answer that does not decode raises
``CentralUnavailable``: the service is not behaving as one.

The window's calls carry the session of the user logged in at this workstation
(``HttpCentral.user``); the kiosk's and the hall display's calls carry none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from counter_app.domain.queue import TicketEvent
from counter_app.remote.calls_base import CallsBase
from counter_app.remote.wire_models import malformed
from counter_app.services.central_port import HallEvents, IssuedTicket, WindowStatus
from counter_app.services.hall_display_queries import Call, HallSnapshot
from counter_app.services.queue import FollowUp, HallEvent, TellerFigures, Ticket

T = TypeVar("T")

# The longest a hall display waits for news in one request (the service allows 25 s).
MAX_WAIT_SECONDS = 25.0


def _decoded(what: str, answer: Any, decode: Callable[[Any], T]) -> T:
    try:
        return decode(answer)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise malformed(what, exc) from None


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _span(seconds: Any) -> dt.timedelta | None:
    return None if seconds is None else dt.timedelta(seconds=float(seconds))


def _counts(raw: Any) -> dict[str, int]:
    if not isinstance(raw, Mapping):
        raise TypeError("counts are an object")
    return {str(code): int(n) for code, n in raw.items()}


def ticket_from(raw: Any) -> Ticket:
    return Ticket(
        id=int(raw["id"]),
        display=str(raw["display"]),
        category=str(raw["category"]),
        state=str(raw["state"]),
        issued_at=dt.datetime.fromisoformat(raw["issued_at"]),
        window_number=_optional_int(raw["window_number"]),
        teller=_optional_str(raw["teller"]),
        recalls=int(raw.get("recalls") or 0),
        id_number=_optional_str(raw.get("id_number")),
    )


def figures_from(raw: Any) -> TellerFigures:
    return TellerFigures(
        teller=str(raw["teller"]),
        served=int(raw["served"]),
        average_service=_span(raw["average_service_seconds"]),
        ratings={int(level): int(n) for level, n in raw["ratings"].items()},
    )


def _calls(raw: Any) -> list[Call]:
    return [Call(str(c["ticket"]), int(c["window"]), int(c["seq"])) for c in raw]


def snapshot_from(raw: Any) -> HallSnapshot:
    return HallSnapshot(
        current=_calls(raw["current"]),
        recent=_calls(raw["recent"]),
        waiting=_counts(raw["waiting"]),
        last_seq=int(raw["last_seq"]),
    )


def event_from(raw: Any) -> HallEvent:
    payload = raw["payload"]
    if not isinstance(payload, dict):
        raise TypeError("an event's payload is an object")
    return HallEvent(
        seq=int(raw["seq"]),
        kind=str(raw["kind"]),
        payload=dict(payload),
        created_at=dt.datetime.fromisoformat(raw["created_at"]),
    )


def hall_events_from(raw: Any) -> HallEvents:
    snapshot = raw["snapshot"]
    return HallEvents(
        events=[event_from(e) for e in raw["events"]],
        waiting=_counts(raw["waiting"]),
        snapshot=snapshot_from(snapshot) if snapshot is not None else None,
        last_seq=int(raw["last_seq"]),
    )


def follow_up_from(raw: Any) -> FollowUp:
    return FollowUp(
        id=int(raw["id"]),
        ticket=str(raw["ticket"]),
        business_day=dt.date.fromisoformat(raw["business_day"]),
        window=int(raw["window"]),
        teller=_optional_str(raw["teller"]),
        level=int(raw["level"]),
        opened_at=dt.datetime.fromisoformat(raw["opened_at"]),
        teller_name=_optional_str(raw.get("teller_name")),
    )


class QueueCalls(CallsBase):
    """Queue methods of ``CentralPort`` over HTTP; mixed into ``HttpCentral``."""

    def _as_window_user(self, method: str, path: str, body: object | None = None) -> Any:
        """A request on behalf of the user logged in at this workstation."""
        return self.request(method, path, body=body, user=self.user())

    # -- the kiosk ---------------------------------------------------------------------------
    def issue_ticket(self, category: str, id_number: str | None = None) -> IssuedTicket:
        body: dict[str, object] = {"category": category}
        if id_number:
            body["id_number"] = id_number
        answer = self.request("POST", "/v1/queue/tickets", body=body)
        return _decoded(
            "ticket",
            answer,
            lambda a: IssuedTicket(
                ticket=ticket_from(a["ticket"]),
                waiting_ahead=int(a["waiting_ahead"]),
                estimated_wait=_span(a["estimated_wait_seconds"]),
            ),
        )

    # -- a window ----------------------------------------------------------------------------
    def call_next(
        self, window: int, categories: Sequence[str], *, key: str, aging_minutes: int
    ) -> Ticket | None:
        answer = self._as_window_user(
            "POST",
            "/v1/queue/call-next",
            {
                "window": window,
                "categories": list(categories),
                "key": key,
                "aging_minutes": aging_minutes,
            },
        )
        return _decoded(
            "ticket", answer, lambda a: None if a["ticket"] is None else ticket_from(a["ticket"])
        )

    def ticket_event(self, ticket_id: int, event: TicketEvent) -> Ticket:
        answer = self._as_window_user(
            "POST", f"/v1/queue/tickets/{int(ticket_id)}/events", {"event": event.value}
        )
        return _decoded("ticket", answer, ticket_from)

    def set_paused(self, window: int, reason: str | None) -> None:
        self._as_window_user("POST", f"/v1/queue/windows/{int(window)}/pause", {"reason": reason})

    def serve_walk_in(self, window: int) -> Ticket:
        answer = self._as_window_user("POST", "/v1/queue/walk-ins", {"window": window})
        return _decoded("ticket", answer, ticket_from)

    def resume_held(self, ticket_id: int, window: int) -> Ticket:
        answer = self._as_window_user(
            "POST", f"/v1/queue/tickets/{int(ticket_id)}/resume", {"window": window}
        )
        return _decoded("ticket", answer, ticket_from)

    def transfer(
        self, ticket_id: int, *, category: str | None = None, window: int | None = None
    ) -> Ticket:
        answer = self._as_window_user(
            "POST",
            f"/v1/queue/tickets/{int(ticket_id)}/transfer",
            {"category": category, "window": window},
        )
        return _decoded("ticket", answer, ticket_from)

    def window_status(self, window: int) -> WindowStatus:
        answer = self._as_window_user("GET", f"/v1/queue/windows/{int(window)}/status")
        return _decoded(
            "window status",
            answer,
            lambda a: WindowStatus(
                waiting=_counts(a["waiting"]),
                figures=figures_from(a["figures"]),
                longest_wait=_span(a["longest_wait_seconds"]),
                held=[ticket_from(t) for t in a["held"]],
            ),
        )

    # -- the hall display --------------------------------------------------------------------
    def hall_events(self, after: int, *, wait_seconds: float = 0.0) -> HallEvents:
        wait = min(max(0.0, wait_seconds), MAX_WAIT_SECONDS)
        params: dict[str, Any] = {"after": max(0, int(after))}
        if wait > 0:
            params["wait"] = round(wait, 1)
        answer = self.request("GET", "/v1/queue/events", params=params, timeout=self.timeout + wait)
        return _decoded("page of hall events", answer, hall_events_from)

    # -- ratings and follow-ups --------------------------------------------------------------
    def rate(self, ticket_id: int, level: int) -> int:
        answer = self._as_window_user(
            "POST", f"/v1/queue/tickets/{int(ticket_id)}/rating", {"level": level}
        )
        return _decoded("rating", answer, lambda a: int(a["rating_id"]))

    def open_follow_ups(self) -> list[FollowUp]:
        answer = self._as_window_user("GET", "/v1/queue/follow-ups")
        return _decoded(
            "list of follow-ups", answer, lambda a: [follow_up_from(f) for f in a["follow_ups"]]
        )

    def close_follow_up(self, follow_up_id: int, note: str) -> None:
        self._as_window_user(
            "POST", f"/v1/queue/follow-ups/{int(follow_up_id)}/close", {"note": note}
        )
