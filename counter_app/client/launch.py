"""Everything a workstation does before the first login (or the kiosk's first ticket).

``launch`` loads the configuration, opens (and migrates) the local cache, prepares the
centre — starts the embedded service on loopback, or loads the key for the hall's service —
attaches it and runs one sync round. The GUI runs it in the background while the login
window is already shown, so the heavy imports (SQLAlchemy, Alembic, httpx) happen here and
not before the first window.

A failure that makes logging in impossible (configuration, local cache) is raised as
``LaunchFailed`` naming its stage. A centre that cannot be used is returned as ``problem``
beside the open workstation, because users known in the cache can still log in.
``Launched.close`` closes the workstation and stops an embedded service.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from counter_app.client.embedded_centre import EmbeddedCentre
    from counter_app.client.startup import StartupReport
    from counter_app.client.workstation import Workstation
    from counter_app.config import WorkstationConfig

log = logging.getLogger(__name__)

Stage = Literal["config", "cache"]


class LaunchFailed(Exception):
    """The workstation cannot be used: its configuration or its local cache failed."""

    def __init__(self, stage: Stage, cause: BaseException, where: str = "") -> None:
        super().__init__(f"{stage}: {where + ': ' if where else ''}{cause}")
        self.stage = stage
        self.cause = cause
        self.where = where


@dataclass
class Launched:
    config: WorkstationConfig
    ws: Workstation
    report: StartupReport | None
    problem: BaseException | None = None  # why there is no centre, or why ``prepare`` failed
    embedded: EmbeddedCentre | None = None  # the service this workstation started

    def close(self) -> None:
        """Close the cache and the port; stop the embedded service (it must not outlive us)."""
        try:
            self.ws.close()
        finally:
            if self.embedded is not None:
                self.embedded.stop()


def launch() -> Launched:
    from counter_app.config import ConfigError, load_config

    try:
        config = load_config()
    except ConfigError as exc:
        raise LaunchFailed("config", exc) from exc

    from counter_app.client.workstation import Workstation

    try:
        ws = Workstation(config)
    except Exception as exc:  # the local cache must open; say why it did not
        log.exception("cannot open the local cache")
        raise LaunchFailed("cache", exc, config.local_url) from exc

    from counter_app.client.startup import connect_centre, prepare

    connection = connect_centre(config)
    if connection.centre is not None:
        ws.attach_centre(connection.centre)
    try:
        report = prepare(ws, seeded=connection.seeded, problem=connection.problem)
    except Exception as exc:  # logging in with cached users still works
        log.exception("start-up preparation failed")
        return Launched(config, ws, None, exc, connection.embedded)
    return Launched(config, ws, report, connection.problem, connection.embedded)
