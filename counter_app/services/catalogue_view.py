"""The catalogue a workstation offers: the newest published version it has pulled.

Published versions reach the cache through the journal (``catalogue.publish``, scope ``*``).
Before the first pull a workstation offers the shipped catalogue — the version every new
centre publishes first — so a window is usable from its first start; a case names the
version it was accepted under either way.

A window that is open when a pull brings a newer version asks ``newer_catalogue`` after
each pull that moved something: one indexed read while nothing changed, the new version's
catalogue when one arrived.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.catalogue.load import shipped_catalogue
from counter_app.catalogue.schema import Catalogue
from counter_app.items.catalogue_access import catalogue_version
from counter_app.services.workstation_view import WorkstationView as Workstation
from counter_app.storage.shared_models import CatalogueVersionRow


def _newest_version(session: Session) -> str | None:
    return session.scalars(
        select(CatalogueVersionRow.version).order_by(
            CatalogueVersionRow.published_at.desc(), CatalogueVersionRow.version.desc()
        )
    ).first()


def current_catalogue(ws: Workstation) -> Catalogue:
    with Session(ws.local) as session:
        newest = _newest_version(session)
        if newest is None:
            return shipped_catalogue()
        return catalogue_version(session, newest, side="local")


def newer_catalogue(ws: Workstation, shown: str) -> Catalogue | None:
    """The catalogue to offer when it is not version ``shown`` any more; ``None`` while
    ``shown`` is still the newest (or nothing was pulled yet and ``shown`` is the shipped
    version). Reads the cache: call it off the GUI thread."""
    with Session(ws.local) as session:
        newest = _newest_version(session)
        if newest is None:
            return None if shown == shipped_catalogue().version else shipped_catalogue()
        if newest == shown:
            return None
        return catalogue_version(session, newest, side="local")
