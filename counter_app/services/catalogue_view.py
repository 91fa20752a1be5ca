"""The catalogue a workstation offers: the newest published version it has pulled.

Published versions reach the cache through the journal (``catalogue.publish``, scope ``*``).
Before the first pull a workstation offers the shipped catalogue — the version every new
centre publishes first — so a window is usable from its first start; a case names the
version it was accepted under either way.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.catalogue.load import shipped_catalogue
from counter_app.catalogue.schema import Catalogue
from counter_app.items.catalogue_access import catalogue_version
from counter_app.services.workstation_view import WorkstationView as Workstation
from counter_app.storage.shared_models import CatalogueVersionRow


def current_catalogue(ws: Workstation) -> Catalogue:
    with Session(ws.local) as session:
        newest = session.scalars(
            select(CatalogueVersionRow.version).order_by(
                CatalogueVersionRow.published_at.desc(), CatalogueVersionRow.version.desc()
            )
        ).first()
        if newest is None:
            return shipped_catalogue()
        return catalogue_version(session, newest, side="local")
