"""The service's clock: the one time every signed request, session, anchor and journal entry uses.

Workstation clocks drift and can be set by whoever sits at them; the service's is the
reference. ``apply_centrally`` stamps ``central_time`` with the clock of the process that
runs it, which is now always a service process. Stored times are naive UTC (see ``models``);
the business day is the date on the service host's local calendar.
"""

from __future__ import annotations

import datetime as dt

from counter_app.domain.workdays import is_workday


class ServiceClock:
    """The system clock of the service host; subclass and override ``now`` to shift it."""

    def now(self) -> dt.datetime:
        """The current moment, time-zone aware, in the host's local zone."""
        return dt.datetime.now().astimezone()

    def utc(self) -> dt.datetime:
        """The current moment as naive UTC, the form stored in the service's tables."""
        return to_utc_naive(self.now())

    def business_day(self) -> dt.date:
        return self.now().date()

    def is_workday(self) -> bool:
        return is_workday(self.business_day())


def to_utc_naive(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def utc_iso(naive_utc: dt.datetime) -> str:
    """Render a stored naive-UTC time for the wire, with its offset."""
    return naive_utc.replace(tzinfo=dt.UTC).isoformat()
