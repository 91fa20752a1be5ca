"""Setting up a central database: halls, users and (for demos) synthetic reference data.

Halls and users go through the command spine as trusted ``system`` commands, so they are in
the journal and reach every workstation by pull. Bulk reference data (the existing registry
of persons and employers) is loaded in batches straight into the central tables, streamed so
that a million rows never sit in memory; workstations look such rows up on demand.

``bulk_load`` is the one path of such rows, for the demo seed and for ``counter-central
registry load``: an upsert on the primary key, one transaction per batch, that leaves a row
holding the same values untouched. Loading the same rows twice changes nothing, a crash
midway leaves whole batches, and running the load again finishes the job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Engine, Table, any_, bindparam, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
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


Row = Mapping[str, Any]
_KEYS_PER_LOOKUP = 900  # keys of one SQLite look-up


@dataclass(frozen=True)
class LoadCounts:
    """What loading reference rows did: rows new, rows changed, rows already as given."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.inserted + self.updated + self.unchanged

    def __add__(self, other: LoadCounts) -> LoadCounts:
        return LoadCounts(
            self.inserted + other.inserted,
            self.updated + other.updated,
            self.unchanged + other.unchanged,
        )


def _batches(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def bulk_load(
    central: Engine,
    model: type[PersonRow] | type[EmployerRow],
    rows: Iterable[Row],
    *,
    batch: int = 5000,
    on_batch: Callable[[LoadCounts], None] | None = None,
) -> LoadCounts:
    """Insert or update reference rows, ``batch`` rows per transaction.

    Every row of one call names the same columns (those of the first row); a column a row
    does not name keeps its stored value on an update and takes its default on an insert.
    The rows must not repeat a primary key within a batch, and give values as the database
    returns them (``datetime.date`` for dates), so that a row already stored as given is
    counted unchanged and not written. ``on_batch`` hears each committed batch's counts.
    """
    if batch < 1:
        raise ValueError("a batch holds at least one row")
    total = LoadCounts()
    for chunk in _batches(rows, batch):
        with central.begin() as connection:
            counts = _upsert(connection, model.__table__, chunk)  # type: ignore[arg-type]
        total += counts
        if on_batch is not None:
            on_batch(counts)
    return total


def _upsert(connection: Connection, table: Table, chunk: Sequence[Row]) -> LoadCounts:
    """Compare the batch with what is stored, then write the new and changed rows at once.

    Comparing first keeps a second load of the same rows read-only (no row locks, no dead
    row versions on PostgreSQL) and lets the rows go as one plain ``executemany``, which
    the PostgreSQL driver pipelines. The statement is still an upsert that only overwrites
    a differing row, so a row another writer adds in between does not make the batch fail
    (only the counts may then be off by that row).
    """
    (key,) = table.primary_key.columns
    named = [name for name in chunk[0] if name != key.name]
    stored = _stored(connection, table, named, [row[key.name] for row in chunk])
    new: list[Row] = []
    changed: list[Row] = []
    for row in chunk:
        values = stored.get(row[key.name])
        if values is None:
            new.append(row)
        elif values != tuple(row[name] for name in named):
            changed.append(row)
    if new or changed:
        postgres = connection.dialect.name == "postgresql"
        insert = postgresql.insert(table) if postgres else sqlite.insert(table)
        upsert = (
            insert.on_conflict_do_update(
                index_elements=[key],
                set_={name: insert.excluded[name] for name in named},
                where=or_(
                    *(table.c[name].is_distinct_from(insert.excluded[name]) for name in named)
                ),
            )
            if named
            else insert.on_conflict_do_nothing(index_elements=[key])
        )
        connection.execute(upsert, [*new, *changed])
    return LoadCounts(len(new), len(changed), len(chunk) - len(new) - len(changed))


def _stored(
    connection: Connection, table: Table, named: Sequence[str], keys: Sequence[Any]
) -> dict[Any, tuple[Any, ...]]:
    """The stored values of columns ``named`` of the rows with primary key ``keys``."""
    (key,) = table.primary_key.columns
    columns = [key, *(table.c[name] for name in named)]
    if connection.dialect.name == "postgresql":
        # One array parameter: PostgreSQL plans ``= ANY`` once whatever the batch size.
        wanted = bindparam("keys", list(keys), type_=postgresql.ARRAY(key.type))
        queries = [select(*columns).where(key == any_(wanted))]
    else:
        # SQLite allows 32,766 parameters in one statement: the keys go in slices.
        queries = [
            select(*columns).where(key.in_(keys[start : start + _KEYS_PER_LOOKUP]))
            for start in range(0, len(keys), _KEYS_PER_LOOKUP)
        ]
    stored: dict[Any, tuple[Any, ...]] = {}
    for query in queries:
        for found in connection.execute(query):
            stored[found[0]] = tuple(found[1:])
    return stored
