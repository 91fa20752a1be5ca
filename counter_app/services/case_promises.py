"""The promised date (承诺办结) of a case as recorded, for the receipt and the screen.

The date is computed once, where the case is created (the command handler, on the workstation
and again on the centre), and stored on the case row. Screens and receipts read it from there
instead of recounting, so what the citizen is handed is what the record says.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter_app.domain.workdays import Deadline
from counter_app.services.workstation_view import WorkstationView as Workstation
from counter_app.storage.shared_models import CaseRow


def case_promise(ws: Workstation, case_id: str) -> Deadline | None:
    """The recorded promised date of a case (``None`` for a case recorded without one)."""
    with Session(ws.local) as session:
        case = session.get(CaseRow, case_id)
        if case is None or case.promised_date is None:
            return None
        return Deadline(case.promised_date, bool(case.promised_provisional))
