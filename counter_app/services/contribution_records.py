"""A person's contribution history as the workstation's cache holds it (缴费记录).

The contribution lines are written by the money items (base declaration, flexible payment,
back-payment) and reach every workstation of the hall through the journal; the customer
panel shows the newest months. Answers are plain frozen dataclasses, amounts ``Decimal``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.services.workstation_view import WorkstationView as Workstation
from counter_app.storage.contribution_models import ContributionRow

#: The order of the types within a month (as the insurance types are listed everywhere).
TYPE_ORDER = ("pension", "medical", "unemployment", "work_injury", "maternity")


@dataclass(frozen=True)
class ContributionLine:
    """One insurance type of one month: the base, the employer's and the individual's share
    and the line's state (``declared``, ``due``, ``paid``, ``arrears``)."""

    month: str  # 'YYYY-MM'
    insurance_type: str
    base: Decimal
    employer: Decimal
    individual: Decimal
    status: str
    credit_code: str | None  # the employer that declared it; None for a flexible worker


def _type_rank(insurance_type: str) -> int:
    return TYPE_ORDER.index(insurance_type) if insurance_type in TYPE_ORDER else len(TYPE_ORDER)


def contribution_history(
    ws: Workstation, id_number: str, limit: int = 24
) -> list[ContributionLine]:
    """The lines of the person's ``limit`` newest months, newest month first (within a month,
    pension, medical, unemployment, work injury, maternity). ``limit`` counts months, not
    lines: a month shows all its types."""
    if limit <= 0:
        return []
    with Session(ws.local) as session:
        months = list(
            session.scalars(
                select(ContributionRow.month)
                .where(ContributionRow.id_number == id_number)
                .distinct()
                .order_by(ContributionRow.month.desc())
                .limit(limit)
            )
        )
        if not months:
            return []
        rows = session.scalars(
            select(ContributionRow).where(
                ContributionRow.id_number == id_number, ContributionRow.month.in_(months)
            )
        ).all()
        lines = [
            ContributionLine(
                month=row.month,
                insurance_type=row.insurance_type,
                base=Decimal(row.base),
                employer=Decimal(row.employer),
                individual=Decimal(row.individual),
                status=row.status,
                credit_code=row.credit_code,
            )
            for row in rows
        ]
    lines.sort(key=lambda line: _type_rank(line.insurance_type))
    lines.sort(key=lambda line: line.month, reverse=True)
    return lines
