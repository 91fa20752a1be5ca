"""Setting up a central database: halls, users and (for demos) synthetic reference data.

Halls and users go through the command spine as trusted ``system`` commands, so they are in
the journal and reach every workstation by pull. Bulk reference data (the existing registry
of persons and employers) is loaded in batches straight into the central tables, streamed so
that a million rows never sit in memory; workstations look such rows up on demand.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session

from counter_app.catalogue.load import shipped_catalogue
from counter_app.catalogue.schema import Catalogue
from counter_app.centre.apply import SYSTEM_ACTOR, apply_centrally
from counter_app.domain.commands import Command, Verdict
from counter_app.domain.roles import Role
from counter_app.items.admin import HALL_UPSERT, USER_UPSERT
from counter_app.items.catalogue_publish import PUBLISH, publication
from counter_app.items.catalogue_publish import SPEC as PUBLISH_SPEC
from counter_app.services.auth import hash_password
from counter_app.storage.shared_models import (
    CatalogueVersionRow,
    EmployerRow,
    HallRow,
    PersonRow,
)

BOOTSTRAP_WORKSTATION = "admin-cli"


class BootstrapError(Exception):
    pass


def _system(kind: str, payload: dict[str, Any], hall_code: str) -> Command:
    return Command(
        kind=kind,
        payload=payload,
        actor=SYSTEM_ACTOR,
        workstation=BOOTSTRAP_WORKSTATION,
        hall_code=hall_code,
    )


def _checked(verdict: Verdict) -> Verdict:
    if not verdict.applied:
        raise BootstrapError(f"{verdict.reason_code}: {verdict.reason}")
    return verdict


def create_hall(
    central: Engine, code: str, name: str, windows: Iterable[int] = range(1, 9)
) -> Verdict:
    payload = {"code": code, "name": name, "windows": [{"number": n} for n in windows]}
    verdict = _checked(apply_centrally(central, _system(HALL_UPSERT, payload, code), trusted=True))
    # A centre without any published catalogue gets the shipped one, so that its windows can
    # accept items from the start; an administrator publishes newer versions later.
    if not published_versions(central):
        publish_catalogue(central, shipped_catalogue(), hall_code=code)
    return verdict


def published_versions(central: Engine) -> list[str]:
    with Session(central) as session:
        return list(session.scalars(select(CatalogueVersionRow.version)))


def publish_catalogue(central: Engine, catalogue: Catalogue, *, hall_code: str = "*") -> Verdict:
    """Publish ``catalogue`` as a new version (a ``catalogue.publish`` system command)."""
    payload = PUBLISH_SPEC.encode(publication(catalogue))
    return _checked(apply_centrally(central, _system(PUBLISH, payload, hall_code), trusted=True))


def create_user(
    central: Engine,
    username: str,
    password: str,
    role: Role,
    hall_code: str,
    display_name: str = "",
) -> Verdict:
    payload = {
        "username": username,
        "display_name": display_name or username,
        "role": role.value,
        "hall_code": hall_code,
        "password_hash": hash_password(password),
        "active": True,
    }
    return _checked(
        apply_centrally(central, _system(USER_UPSERT, payload, hall_code), trusted=True)
    )


def hall_count(central: Engine) -> int:
    with Session(central) as session:
        return int(session.scalar(select(func.count()).select_from(HallRow)) or 0)


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def bulk_load(
    central: Engine,
    model: type[PersonRow] | type[EmployerRow],
    rows: Iterable[dict[str, Any]],
    *,
    batch: int = 5000,
) -> int:
    """Insert reference rows in batches of ``batch``; returns how many were written."""
    written = 0
    for chunk in _batches(rows, batch):
        with central.begin() as connection:
            connection.execute(insert(model), chunk)
        written += len(chunk)
    return written
