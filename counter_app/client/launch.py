"""Everything a teller workstation does before the first login, in one call.

``launch`` loads the configuration, opens (and migrates) the local cache and runs
``startup.prepare`` (central database, demo seed, first sync). The GUI runs it in the
background while the login window is already shown, so the heavy imports (SQLAlchemy,
Alembic) happen here and not before the first window.

A failure that makes logging in impossible (configuration, local cache) is raised as
``LaunchFailed`` naming its stage; a failure of the preparation proper is returned beside
the open workstation, because users known in the cache can still log in.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from counter_app.config import WorkstationConfig
    from counter_app.client.startup import StartupReport
    from counter_app.client.workstation import Workstation

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
    problem: BaseException | None = None  # why ``prepare`` failed, if it did


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

    from counter_app.client.startup import prepare

    try:
        report = prepare(ws)
    except Exception as exc:  # logging in with cached users still works
        log.exception("start-up preparation failed")
        return Launched(config, ws, None, exc)
    return Launched(config, ws, report)
