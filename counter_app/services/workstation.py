"""The workstation: its configuration, its local cache and its (possibly absent) centre.

Everything a client (the GUI, the CLI, a test) needs to act as one workstation is here:
open the cache (migrated on open), reach the centre (migrated on first contact), execute
commands and run one sync round. Being offline is a normal state, reported, not raised
from ``sync_once``.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from counter_app.config import WorkstationConfig
from counter_app.keyring_store import SecretStoreUnavailable, get_central_password
from counter_app.services import command_bus
from counter_app.services.commands import Command
from counter_app.storage import migrate
from counter_app.storage.engines import make_engine
from counter_app.storage.local_models import OutboxRow
from counter_app.sync.pull import PullResult, pull
from counter_app.sync.push import PushResult, push


class CentralUnavailable(Exception):
    """The central database cannot be reached or opened; the message says which and why."""


@dataclass(frozen=True)
class SyncReport:
    online: bool
    push: PushResult | None = None
    pull: PullResult | None = None
    error: str | None = None


def safe_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


class Workstation:
    def __init__(self, config: WorkstationConfig, *, local: Engine | None = None) -> None:
        self.config = config
        if local is None:
            Path(make_url(config.local_url).database or ".").parent.mkdir(
                parents=True, exist_ok=True
            )
            local = make_engine(config.local_url)
        self.local = local
        migrate.upgrade(self.local, "local")
        self._central: Engine | None = None
        self._central_lock = threading.Lock()

    # -- the centre ------------------------------------------------------------------------
    def central(self) -> Engine:
        """The central engine, connected and migrated; raises ``CentralUnavailable``."""
        with self._central_lock:
            if self._central is not None:
                return self._central
            url = self.config.central_url
            try:
                password = (
                    get_central_password(url)
                    if self.config.central_auth == "keyring" and not url.startswith("sqlite")
                    else None
                )
            except SecretStoreUnavailable as exc:
                raise CentralUnavailable(str(exc)) from None
            if url.startswith("sqlite"):
                database = make_url(url).database
                if database:
                    Path(database).parent.mkdir(parents=True, exist_ok=True)
            engine = make_engine(url, password=password)
            try:
                with engine.connect() as connection:
                    connection.execute(text("SELECT 1"))
                migrate.upgrade(engine, "central")
            except (OperationalError, DBAPIError, OSError) as exc:
                engine.dispose()
                first_line = str(getattr(exc, "orig", exc)).strip().splitlines()
                raise CentralUnavailable(
                    f"the central database {safe_url(url)} does not answer: "
                    f"{first_line[0] if first_line else type(exc).__name__}"
                ) from None
            self._central = engine
            return engine

    def forget_central(self) -> None:
        with self._central_lock:
            if self._central is not None:
                self._central.dispose()
            self._central = None

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
        try:
            central = self.central()
        except CentralUnavailable as exc:
            return SyncReport(online=False, error=str(exc))
        try:
            pushed = push(self.local, central)
            pulled = pull(self.local, central, self.config.hall_code)
        except (OperationalError, DBAPIError, OSError) as exc:
            self.forget_central()
            return SyncReport(online=False, error=f"sync failed: {type(exc).__name__}: {exc}")
        if pushed.error:
            self.forget_central()
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
        self.forget_central()
        self.local.dispose()
