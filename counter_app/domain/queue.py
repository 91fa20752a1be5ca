"""Hall queue rules: ticket states and their transitions, ticket numbers, who is called next.

The central claim (``services/queue.py``) implements ``choose_next`` in SQL; this pure version
is the specification the SQL is tested against.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from counter_app.domain.errors import DomainError, ValidationError


class TicketState(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    ON_HOLD = "on_hold"
    FINISHED = "finished"
    NO_SHOW = "no_show"
    LEFT = "left"
    CLOSED = "closed"  # closed unfinished at the end of the business day


class TicketEvent(StrEnum):
    CALL = "call"
    RECALL = "recall"
    START = "start"
    HOLD = "hold"
    RESUME = "resume"  # a held ticket is served again at the window that held it
    RETURN = "return"  # back to the queue (after hold, or transferred)
    FINISH = "finish"
    NO_SHOW = "no_show"
    LEAVE = "leave"
    CLOSE_DAY = "close_day"


FINAL = frozenset({TicketState.FINISHED, TicketState.NO_SHOW, TicketState.LEFT, TicketState.CLOSED})

TRANSITIONS: dict[TicketEvent, tuple[frozenset[TicketState], TicketState]] = {
    TicketEvent.CALL: (frozenset({TicketState.WAITING}), TicketState.CALLED),
    TicketEvent.RECALL: (frozenset({TicketState.CALLED}), TicketState.CALLED),
    TicketEvent.START: (frozenset({TicketState.CALLED}), TicketState.SERVING),
    TicketEvent.HOLD: (frozenset({TicketState.SERVING}), TicketState.ON_HOLD),
    TicketEvent.RESUME: (frozenset({TicketState.ON_HOLD}), TicketState.SERVING),
    TicketEvent.RETURN: (
        frozenset({TicketState.ON_HOLD, TicketState.CALLED, TicketState.SERVING}),
        TicketState.WAITING,
    ),
    TicketEvent.FINISH: (frozenset({TicketState.SERVING}), TicketState.FINISHED),
    TicketEvent.NO_SHOW: (frozenset({TicketState.CALLED}), TicketState.NO_SHOW),
    TicketEvent.LEAVE: (frozenset({TicketState.WAITING, TicketState.ON_HOLD}), TicketState.LEFT),
    TicketEvent.CLOSE_DAY: (
        frozenset(set(TicketState) - FINAL),
        TicketState.CLOSED,
    ),
}


class InvalidTransition(DomainError):
    def __init__(self, state: TicketState, event: TicketEvent) -> None:
        super().__init__(f"a ticket that is {state.value} cannot take the event {event.value}")
        self.code = "invalid_transition"
        self.message = str(self)
        self.state = state
        self.event = event


def next_state(state: TicketState, event: TicketEvent) -> TicketState:
    allowed, target = TRANSITIONS[event]
    if state not in allowed:
        raise InvalidTransition(state, event)
    return target


def format_ticket_number(category: str, number: int) -> str:
    """``("A", 12)`` → ``"A012"``; numbers past 999 keep all their digits."""
    return f"{category}{number:03d}"


@dataclass(frozen=True)
class WaitingTicket:
    id: int
    category: str
    issued_at: dt.datetime
    target_window: int | None = None


def choose_next(
    window: int,
    categories: Sequence[str],
    waiting: Sequence[WaitingTicket],
    now: dt.datetime,
    aging: dt.timedelta,
) -> WaitingTicket | None:
    """The ticket a window calls next.

    Only tickets of a category the window serves (or transferred to this very window) are
    candidates; a ticket transferred to another window is never taken. Any ticket waiting
    longer than ``aging`` goes first (so priority categories cannot starve the others);
    otherwise a ticket transferred to this window comes first, then the window's category
    order decides; ties go by the original issue time.
    """
    rank = {code: index for index, code in enumerate(categories)}
    candidates = [
        t
        for t in waiting
        if (t.target_window == window) or (t.target_window is None and t.category in rank)
    ]
    if not candidates:
        return None

    def key(t: WaitingTicket) -> tuple[int, int, dt.datetime, int]:
        if now - t.issued_at >= aging:
            return (0, 0, t.issued_at, t.id)
        return (1, -1 if t.target_window == window else rank[t.category], t.issued_at, t.id)

    return min(candidates, key=key)


@dataclass(frozen=True)
class QueueCategory:
    code: str
    name: str


DEFAULT_CATEGORIES = (
    QueueCategory("V", "优先"),
    QueueCategory("A", "个人业务"),
    QueueCategory("B", "单位业务"),
    QueueCategory("C", "咨询"),
    QueueCategory("Y", "预约"),
)


def announcement(display: str, window: int) -> str:
    """The text shown and spoken for a call: 请 A012 号到 3 号窗口办理."""
    return f"请 {display} 号到 {window} 号窗口办理"


PAUSE_REASONS = ("lunch", "meeting", "back_office", "other")

# GB/T 39734 five-level satisfaction scale: score → label.
RATING_LEVELS = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}


def needs_follow_up(level: int) -> bool:
    """不满意 and 非常不满意 open a follow-up that a supervisor must close."""
    return level <= 2


@dataclass(frozen=True)
class QueueSettings:
    """A hall's queue set-up, read from the ``[queue]`` table of the workstation file.

    ``categories`` = [{code = "A", name = "个人业务"}, …]; ``windows`` = {"3" = ["V", "A"]};
    ``aging_minutes``; ``no_show_after_recalls``; ``priority_age``; ``voice_command``.
    """

    categories: tuple[QueueCategory, ...] = DEFAULT_CATEGORIES
    windows: dict[str, tuple[str, ...]] | None = None
    aging: dt.timedelta = dt.timedelta(minutes=30)
    no_show_after_recalls: int = 2
    priority_age: int = 65
    voice_command: tuple[str, ...] = ("espeak-ng", "-v", "cmn")

    @classmethod
    def from_dict(cls, raw: dict[str, object]) -> QueueSettings:
        def bad(key: str, message: str) -> ValidationError:
            return ValidationError(f"queue.{key}", "invalid", message)

        categories: tuple[QueueCategory, ...] = DEFAULT_CATEGORIES
        if "categories" in raw:
            items = raw["categories"]
            if not isinstance(items, list) or not items:
                raise bad("categories", "categories must be a non-empty list of {code, name}")
            parsed = []
            for item in items:
                if not isinstance(item, dict) or not str(item.get("code", "")).isalpha():
                    raise bad("categories", "each category needs a letter code and a name")
                parsed.append(QueueCategory(str(item["code"]).upper(), str(item.get("name", ""))))
            categories = tuple(parsed)
        codes = {c.code for c in categories}
        windows_raw = raw.get("windows", {})
        if not isinstance(windows_raw, dict):
            raise bad("windows", "windows maps a window number to its categories")
        windows = {}
        for number, served in windows_raw.items():
            if not isinstance(served, list) or not set(map(str, served)) <= codes:
                raise bad("windows", f"window {number} names an unknown category")
            windows[str(number)] = tuple(map(str, served))

        def whole(key: str, default: int) -> int:
            value = raw.get(key, default)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise bad(key, f"{key} must be a whole number")
            return value

        command = raw.get("voice_command", list(cls.voice_command))
        if not isinstance(command, list) or not command:
            raise bad("voice_command", "voice_command is a list such as ['espeak-ng', '-v', 'cmn']")
        return cls(
            categories=categories,
            windows=windows or None,
            aging=dt.timedelta(minutes=whole("aging_minutes", 30)),
            no_show_after_recalls=whole("no_show_after_recalls", 2),
            priority_age=whole("priority_age", 65),
            voice_command=tuple(map(str, command)),
        )

    def served_by(self, window: int) -> tuple[str, ...]:
        if self.windows and str(window) in self.windows:
            return self.windows[str(window)]
        return tuple(c.code for c in self.categories)

    def name_of(self, code: str) -> str:
        return next((c.name for c in self.categories if c.code == code), code)
