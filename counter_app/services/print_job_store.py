"""The SQLite job store: print jobs logged in the workstation cache and kept for retry."""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counter_app.printing.jobs import JobStatus, PrintJob
from counter_app.storage.local_models import PrintJobRow

_FIELDS = [f.name for f in fields(PrintJob)]


def _job(row: PrintJobRow) -> PrintJob:
    return PrintJob(**{name: getattr(row, name) for name in _FIELDS})


class SqliteJobStore:
    def __init__(self, local: Engine) -> None:
        self.local = local

    def save(self, job: PrintJob) -> None:
        with Session(self.local) as session, session.begin():
            session.merge(PrintJobRow(**{name: getattr(job, name) for name in _FIELDS}))

    def get(self, job_id: str) -> PrintJob | None:
        with Session(self.local) as session:
            row = session.get(PrintJobRow, job_id)
            return _job(row) if row else None

    def failed(self) -> list[PrintJob]:
        with Session(self.local) as session:
            rows = session.scalars(
                select(PrintJobRow)
                .where(PrintJobRow.status == JobStatus.FAILED.value)
                .order_by(PrintJobRow.created_at)
            ).all()
            return [_job(r) for r in rows]

    def recent(self, limit: int = 100) -> list[PrintJob]:
        """Every job whatever its state (queued, printed, failed), newest first."""
        with Session(self.local) as session:
            rows = session.scalars(
                select(PrintJobRow)
                .order_by(PrintJobRow.created_at.desc(), PrintJobRow.id)
                .limit(limit)
            ).all()
            return [_job(r) for r in rows]
