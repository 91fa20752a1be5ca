"""The customer being served at this window, shared by every screen of the teller window.

One ``CustomerContext`` per teller window holds who is at the counter: the person (their ID
number, and what the registry says about them), the employer being dealt with, and the queue
ticket. Screens never wire themselves to each other; they read the context and refresh when
it says ``changed``:

- ``NEW_CUSTOMER`` — a new ticket was called (or a walk-in served), or the teller pressed
  Ctrl+N: every form forgets the previous customer.
- ``PERSON`` — a (different) person was identified: forms take them in.
- ``REFRESHED`` — the same person, re-read after an operation changed them: views update,
  forms keep what the teller typed.
- ``EMPLOYER`` — the employer being dealt with changed.
- ``TICKET`` — the same customer's ticket moved (started, finished …).

A completed operation calls ``report(Outcome(...))`` with what it changed; the customer panel
re-reads the person when the outcome touches them, and a tab whose message depends on the
centre's verdict re-checks it after a sync.

Answers of background look-ups are matched against ``serial`` (bumped whenever the customer
changes), so an answer about the previous customer never lands on the next one.

A held ticket's customer is parked (``park``) and comes back with the ticket (``unpark``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, Signal

from counter_app.items.spec import Changes
from counter_app.services.queries import PersonSummary
from counter_app.services.queue import Ticket


class Change(StrEnum):
    NEW_CUSTOMER = "new_customer"
    PERSON = "person"
    REFRESHED = "refreshed"
    EMPLOYER = "employer"
    TICKET = "ticket"


@dataclass(frozen=True)
class Outcome:
    """What a completed operation changed.

    ``what`` names the operation (``"enrollment"``, ``"certificate"``, ``"sync"``);
    ``command_uuid`` is the command it sent, when it sent one.
    """

    what: str
    id_numbers: frozenset[str] = frozenset()
    employer_codes: frozenset[str] = frozenset()
    command_uuid: str | None = None
    changes: Changes | None = None  # what the command's ItemSpec says it changed

    @classmethod
    def of(cls, what: str, changes: Changes, command_uuid: str | None = None) -> Outcome:
        """The outcome of a command, from the change report its ``ItemSpec`` makes."""
        return cls(
            what,
            id_numbers=changes.persons,
            employer_codes=changes.employers,
            command_uuid=command_uuid,
            changes=changes,
        )

    def touches(self, id_number: str | None) -> bool:
        return id_number is not None and id_number in self.id_numbers

    @property
    def cases_changed(self) -> bool:
        return self.changes is None or self.changes.cases


@dataclass(frozen=True)
class Parked:
    """Who was served under a ticket put on hold."""

    id_number: str | None
    employer_code: str | None


class CustomerContext(QObject):
    changed = Signal(object)  # Change
    reported = Signal(object)  # Outcome

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.id_number: str | None = None
        self.person: PersonSummary | None = None
        self.employer_code: str | None = None
        self.ticket: Ticket | None = None
        self.serial = 0
        self._parked: dict[int, Parked] = {}

    # -- who is at the counter ----------------------------------------------------------------
    def start(self, ticket: Ticket | None) -> None:
        """A new customer: the one holding ``ticket`` (``None``: the window is free)."""
        self.ticket = ticket
        self._forget_customer()

    def new_customer(self) -> None:
        """Ctrl+N: forget the person and employer; the ticket being served stays."""
        self._forget_customer()

    def _forget_customer(self) -> None:
        self.id_number = None
        self.person = None
        self.employer_code = None
        self.serial += 1
        self.changed.emit(Change.NEW_CUSTOMER)

    def identify(self, id_number: str, person: PersonSummary | None) -> None:
        """The person with ``id_number`` is served (``person`` is None: not in the registry)."""
        if id_number == self.id_number:
            self.person = person
            self.changed.emit(Change.REFRESHED)
            return
        self.id_number = id_number
        self.person = person
        self.serial += 1
        self.changed.emit(Change.PERSON)

    def set_employer(self, credit_code: str | None) -> None:
        if credit_code != self.employer_code:
            self.employer_code = credit_code
            self.changed.emit(Change.EMPLOYER)

    def set_ticket(self, ticket: Ticket | None) -> None:
        """The same customer's ticket moved on (``None``: it ended, the person stays shown)."""
        self.ticket = ticket
        self.changed.emit(Change.TICKET)

    @property
    def ticket_reference(self) -> str | None:
        """How cases name the ticket they were accepted under: ``A012#<ticket id>``."""
        if self.ticket is None:
            return None
        return f"{self.ticket.display}#{self.ticket.id}"

    # -- holding -------------------------------------------------------------------------------
    def park(self, ticket_id: int) -> None:
        """Remember who is served under ``ticket_id`` (put on hold), then free the window."""
        self._parked[ticket_id] = Parked(self.id_number, self.employer_code)
        self.start(None)

    def unpark(self, ticket_id: int) -> Parked | None:
        return self._parked.pop(ticket_id, None)

    # -- operations ----------------------------------------------------------------------------
    def report(self, outcome: Outcome) -> None:
        """An operation finished and changed ``outcome``: screens showing it re-read it."""
        self.reported.emit(outcome)
