"""What every client does before the first login: reach the centre and learn the users.

The centre is always ``counter-central``, reached over signed HTTP(S):

* **embedded** (``[central] embedded = true``, the single-PC default and the demo): this
  workstation starts the service itself on a loopback port, over a SQLite file in its data
  folder, seeded with demo data in demo mode (``embedded_centre``);
* **a hall's service** (``[central] service_url``): the workstation's key is loaded from the
  OS keyring and requests go to that URL, its certificate pinned to ``[central] ca_file``.

Then one sync round brings users and halls into the cache. A centre that cannot be used —
not running, not reachable, this workstation not enrolled, no keyring for its key — is
reported, not raised: logging in with users known in the cache still works.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from counter_app.client.embedded_centre import CentreNotReady
from counter_app.client.workstation import SyncReport, Workstation
from counter_app.config import WorkstationConfig, data_dir
from counter_app.remote.http_central import HttpCentral, InsecureServiceUrl, is_loopback_host
from counter_app.remote.identity import IdentityUnavailable
from counter_app.remote.key_store import KEY_FILE, key_store_for
from counter_app.services.auth import user_count
from counter_app.services.holidays import use_installed_calendar

if TYPE_CHECKING:
    from counter_app.centre.demo_seed import DemoSeedReport
    from counter_app.client.embedded_centre import EmbeddedCentre

log = logging.getLogger(__name__)


class NotEnrolled(CentreNotReady):
    """This workstation has no key for its central service yet; says how to enrol it."""


@dataclass(frozen=True)
class StartupReport:
    sync: SyncReport
    seeded: DemoSeedReport | None
    known_users: int


@dataclass
class CentreConnection:
    """What preparing the centre gave: the port (or why there is none), and for the
    embedded set-up the running service, to stop at exit."""

    centre: HttpCentral | None
    embedded: EmbeddedCentre | None = None
    seeded: DemoSeedReport | None = None
    problem: BaseException | None = None

    def stop(self) -> None:
        if self.embedded is not None:
            self.embedded.stop()


def service_centre(config: WorkstationConfig) -> HttpCentral:
    """The port to the hall's service at ``[central] service_url`` with this workstation's key.

    ``NotEnrolled`` when there is no key yet; ``IdentityUnavailable`` when there is no
    keyring to keep it in; ``CentreNotReady`` for a URL or CA file that cannot be used.
    """
    url = config.service_url
    host = urlsplit(url).hostname or ""
    store = key_store_for(
        data_dir() / KEY_FILE, config.workstation_id, loopback=is_loopback_host(host)
    )
    identity = store.load(config.workstation_id)
    if identity is None:
        ca = f" --ca {config.ca_file}" if config.ca_file is not None else ""
        raise NotEnrolled(
            f"workstation {config.workstation_id} is not enrolled with the central service at "
            f"{url}. The administrator registers it on the centre's host (counter-admin "
            f"workstation add {config.workstation_id} --hall {config.hall_code}) and enrols it "
            f"here with the code: counter-admin enrol --url {url} --code CODE{ca}"
        )
    if config.ca_file is not None and not config.ca_file.is_file():
        raise CentreNotReady(
            f"the hall CA file {config.ca_file} ([central] ca_file) does not exist"
        )
    try:
        return HttpCentral(url, identity, ca_file=config.ca_file)
    except InsecureServiceUrl as exc:
        raise CentreNotReady(str(exc)) from None
    except (OSError, ValueError) as exc:  # ssl.SSLError is an OSError
        raise CentreNotReady(f"the hall CA file {config.ca_file} cannot be used: {exc}") from None


def connect_centre(config: WorkstationConfig) -> CentreConnection:
    """Start (embedded) or reach (service) the centre; a failure is returned, not raised."""
    try:
        if config.embedded:
            from counter_app.client.embedded_centre import start_embedded_centre

            embedded = start_embedded_centre(config)
            return CentreConnection(embedded.centre, embedded, embedded.seeded)
        return CentreConnection(service_centre(config))
    except (CentreNotReady, IdentityUnavailable) as exc:
        log.warning("no central service for this workstation: %s", exc)
        return CentreConnection(None, problem=exc)
    except Exception as exc:  # anything else: logged in full, logging in offline still works
        log.exception("the central service could not be prepared")
        return CentreConnection(None, problem=exc)


def prepare(
    ws: Workstation,
    *,
    seeded: DemoSeedReport | None = None,
    problem: BaseException | None = None,
) -> StartupReport:
    """One sync round through the attached centre (or offline, saying ``problem``)."""
    use_installed_calendar()  # holiday files an administrator installed count from the start
    if ws.has_centre and ws.centre.anchor_key is not None:
        from counter_app.sync.anchors_seen import remember_anchor_key

        remember_anchor_key(ws.local, *ws.centre.anchor_key)
    if not ws.has_centre and problem is not None:
        sync = SyncReport(online=False, error=str(problem))
    else:
        sync = ws.sync_once()
    return StartupReport(sync, seeded, user_count(ws.local))
