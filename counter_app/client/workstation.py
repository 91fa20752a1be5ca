"""The workstation: its configuration, its local cache and its port to the centre.

Everything a client (the GUI, the CLI, a test) needs to act as one workstation is here:
open the cache (migrated on open), execute commands into it, and run one sync round through
the centre's port. It hands out no database engine of the centre — it has none: the centre
is ``counter-central``, reached through ``centre`` (``remote.http_central.HttpCentral``).
Being offline is a normal state, reported, not raised, from ``sync_once``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

import counter_app.storage.search_models  # noqa: F401  (keeps the person search index current)
from counter_app.config import WorkstationConfig
from counter_app.domain.commands import Command
from counter_app.domain.errors import CentralRefused, CentralUnavailable
from counter_app.remote.http_central import HttpCentral
from counter_app.services import command_bus
from counter_app.storage import migrate
from counter_app.storage.engines import make_engine
from counter_app.storage.local_models import OutboxRow
from counter_app.sync.pull import PullResult, pull
from counter_app.sync.push import PushResult, push

__all__ = ["CentralUnavailable", "SyncReport", "Workstation"]


@dataclass(frozen=True)
class SyncReport:
    online: bool
    push: PushResult | None = None
    pull: PullResult | None = None
    error: str | None = None


class Workstation:
    def __init__(
        self,
        config: WorkstationConfig,
        *,
        local: Engine | None = None,
        centre: HttpCentral | None = None,
    ) -> None:
        self.config = config
        if local is None:
            Path(make_url(config.local_url).database or ".").parent.mkdir(
                parents=True, exist_ok=True
            )
            local = make_engine(config.local_url)
        self.local = local
        migrate.upgrade(self.local, "local")
        self._centre = centre

    # -- the centre ------------------------------------------------------------------------
    @property
    def centre(self) -> HttpCentral:
        """The port to counter-central; ``CentralUnavailable`` when this workstation has none
        (not enrolled yet, or its key cannot be read)."""
        if self._centre is None:
            raise CentralUnavailable(
                "this workstation is not connected to a central service (not enrolled, or its "
                "key cannot be read); see the log"
            )
        return self._centre

    def attach_centre(self, centre: HttpCentral) -> None:
        self._centre = centre

    @property
    def has_centre(self) -> bool:
        return self._centre is not None

    # -- commands and sync -----------------------------------------------------------------
    def command(self, kind: str, payload: dict[str, object], actor: str) -> Command:
        return Command(
            kind=kind,
            payload=payload,
            actor=actor,
            workstation=self.config.workstation_id,
            hall_code=self.config.hall_code,
        )

    def execute(self, command: Command) -> command_bus.Accepted:
        return command_bus.execute(self.local, command)

    def sync_once(self) -> SyncReport:
        """One round: push what is pending, then pull the journal after the cursor."""
        try:
            centre = self.centre
            pushed = push(self.local, centre)
            pulled = pull(self.local, centre)
        except (CentralUnavailable, CentralRefused) as exc:
            return SyncReport(online=False, error=str(exc))
        if pushed.error:
            return SyncReport(online=False, push=pushed, pull=pulled, error=pushed.error)
        return SyncReport(online=True, push=pushed, pull=pulled)

    def outbox_counts(self) -> dict[str, int]:
        """Outbox rows by status; ``rejected`` counts only those not yet acknowledged."""
        with Session(self.local) as session:
            rows = session.execute(
                select(OutboxRow.status, func.count())
                .where((OutboxRow.status != "rejected") | (OutboxRow.acknowledged == 0))
                .group_by(OutboxRow.status)
            ).all()
        counts = {"pending": 0, "applied": 0, "rejected": 0}
        counts.update({status: int(n) for status, n in rows})
        return counts

    def oldest_pending_age(self, now: dt.datetime | None = None) -> dt.timedelta | None:
        """How long the oldest unconfirmed command has waited (the outbox monitor)."""
        with Session(self.local) as session:
            oldest = session.scalar(
                select(func.min(OutboxRow.created_at)).where(OutboxRow.status == "pending")
            )
        return None if oldest is None else (now or dt.datetime.now()) - oldest

    def acknowledge_rejection(self, command_uuid: str) -> None:
        """The teller has dealt with a rejected command; stop counting it as open."""
        with Session(self.local) as session, session.begin():
            row = session.get(OutboxRow, command_uuid)
            if row is not None and row.status == "rejected":
                row.acknowledged = 1

    def close(self) -> None:
        if self._centre is not None:
            self._centre.close()
        self.local.dispose()
