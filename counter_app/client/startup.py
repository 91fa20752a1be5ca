"""What every client does before the first login: reach the centre and learn the users.

On the embedded default the central SQLite file is created, migrated and — when demo mode
is on and the centre is empty — seeded. Then one sync round brings users and halls into the
cache. Offline is reported, not raised: logging in with cached users still works.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter_app.services.auth import user_count
from counter_app.centre.bootstrap import hall_count
from counter_app.services.holidays import use_installed_calendar
from counter_app.client.workstation import CentralUnavailable, SyncReport, Workstation

if TYPE_CHECKING:
    from counter_app.centre.demo_seed import DemoSeedReport


@dataclass(frozen=True)
class StartupReport:
    sync: SyncReport
    seeded: DemoSeedReport | None
    known_users: int


def prepare(ws: Workstation) -> StartupReport:
    use_installed_calendar()  # holiday files an administrator installed count from the start
    seeded = None
    if ws.config.demo and ws.config.central_is_embedded:
        try:
            central = ws.central()
        except CentralUnavailable:
            pass  # reported by the sync below
        else:
            if hall_count(central) == 0:
                from counter_app.centre.demo_seed import seed_demo

                seeded = seed_demo(central)
    report = ws.sync_once()
    return StartupReport(report, seeded, user_count(ws.local))
