"""A few customers to try the teller window with: persons and employers from the registry.

``counter-admin demo customers`` prints them, so a new user of the demo finds an ID number
to type into the customer panel (F2) and a credit code for an employee enrollment without
reading the database. Each person says whether they are insured already (then a proof of
insurance can be issued) or not yet (then they can be enrolled).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counter_app.storage.shared_models import EmployerRow, InsuredPersonRow, PersonRow


@dataclass(frozen=True)
class DemoPerson:
    id_number: str
    name: str
    insured: bool


@dataclass(frozen=True)
class DemoEmployer:
    credit_code: str
    name: str


@dataclass(frozen=True)
class DemoCustomers:
    persons: list[DemoPerson]
    employers: list[DemoEmployer]


def demo_customers(central: Engine, limit: int = 5) -> DemoCustomers:
    """The first ``limit`` persons and employers of the central registry, in a stable order."""
    limit = max(1, limit)
    with Session(central) as session:
        persons = session.execute(
            select(PersonRow.id_number, PersonRow.name, InsuredPersonRow.id_number)
            .outerjoin(InsuredPersonRow, InsuredPersonRow.id_number == PersonRow.id_number)
            .order_by(PersonRow.id_number)
            .limit(limit)
        ).all()
        employers = session.execute(
            select(EmployerRow.credit_code, EmployerRow.name)
            .order_by(EmployerRow.credit_code)
            .limit(limit)
        ).all()
    return DemoCustomers(
        persons=[DemoPerson(str(i), str(n), insured is not None) for i, n, insured in persons],
        employers=[DemoEmployer(str(code), str(name)) for code, name in employers],
    )
