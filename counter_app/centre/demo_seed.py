"""Filling an empty central database with the demo hall, users and synthetic registry data.

Used on the first start of the embedded default and by ``counter-admin seed-demo`` (which
also serves benchmarks: ``--persons 1000000`` streams rows in batches). The rows go through
``bootstrap.bulk_load``, the loading path of ``counter-central registry load`` too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import Engine

from counter_app.centre import bootstrap
from counter_app.demo.generator import demo_hall, demo_users, iter_employers, iter_persons
from counter_app.domain.roles import Role
from counter_app.storage.shared_models import EmployerRow, PersonRow

Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    display_name: str


@dataclass(frozen=True)
class DemoSeedReport:
    hall_code: str
    logins: list[DemoLogin]
    persons: int
    employers: int


def demo_logins() -> list[DemoLogin]:
    return [DemoLogin(u.username, u.password, u.role, u.display_name) for u in demo_users()]


def seed_demo(
    central: Engine,
    *,
    persons: int = 500,
    employers: int = 50,
    seed: int = 0,
    progress: Progress | None = None,
) -> DemoSeedReport:
    hall = demo_hall()
    bootstrap.create_hall(central, hall.code, hall.name, hall.windows)
    for user in demo_users():
        bootstrap.create_user(
            central, user.username, user.password, Role(user.role), hall.code, user.display_name
        )
    employer_counts = bootstrap.bulk_load(
        central,
        EmployerRow,
        (
            {
                "credit_code": e.credit_code,
                "name": e.name,
                "address": e.address,
                "contact_phone": e.contact_phone,
                "industry": e.industry,
            }
            for e in iter_employers(employers, seed=seed)
        ),
    )
    if progress:
        progress("employers", employer_counts.total)

    def person_rows() -> Iterator[dict[str, object]]:
        for i, p in enumerate(iter_persons(persons, seed=seed), start=1):
            if progress and i % 100_000 == 0:
                progress("persons", i)
            yield {
                "id_number": p.id_number,
                "name": p.name,
                "sex": p.sex,
                "birth_date": p.birth_date,
                "phone": p.phone,
                "address": p.address,
                "hukou_type": p.hukou_type,
            }

    person_counts = bootstrap.bulk_load(central, PersonRow, person_rows())
    if progress:
        progress("persons", person_counts.total)
    return DemoSeedReport(hall.code, demo_logins(), person_counts.total, employer_counts.total)
