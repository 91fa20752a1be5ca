"""The catalogue a command is validated against: the published version it names.

A case records the catalogue version it was accepted under. Both sides read that version
from their own ``catalogue_versions`` table (the centre's truth, the cache's pulled copy); a
workstation that has not pulled any published version yet may use the shipped catalogue when
its version is the one named. At the centre only a published version counts: a command
naming anything else is rejected. Parsed catalogues are kept by content hash, so the JSON of
a version is validated once per process.
"""

from __future__ import annotations

import json
from functools import lru_cache

from sqlalchemy.orm import Session

from counter_app.catalogue.load import shipped_catalogue
from counter_app.catalogue.schema import Catalogue
from counter_app.domain.errors import Conflict
from counter_app.storage.shared_models import CatalogueVersionRow

UNKNOWN_VERSION = "catalogue_version_unknown"


@lru_cache(maxsize=8)
def _parsed(content_hash: str, content: str) -> Catalogue:
    return Catalogue.from_json(json.loads(content))


def catalogue_version(session: Session, version: str, *, side: str) -> Catalogue:
    """The catalogue ``version`` as this side holds it; ``Conflict`` when it does not."""
    row = session.get(CatalogueVersionRow, version)
    if row is not None:
        return _parsed(row.content_hash, row.content)
    if side == "local":
        shipped = shipped_catalogue()
        if shipped.version == version:
            return shipped
    raise Conflict(
        UNKNOWN_VERSION,
        f"catalogue version {version} has not been published; sync and accept the case again",
    )
