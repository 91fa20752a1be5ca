"""Print jobs: sent through a connection, logged, and kept for retry when a printer fails.

A printer fault never raises out of the spooler and never touches the business transaction
that produced the document: the job is stored with its error and the teller can retry or
print elsewhere. Every job, first print or reprint (补打), is recorded in the job store.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass, field, replace
from typing import Protocol

from counter_app.devices.printers import Connection, PrinterFault

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrintJob:
    document_kind: str
    printer: str
    data: bytes
    reference: str = ""  # case number, certificate code …
    is_reprint: bool = False
    authorized_by: str | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    created_at: dt.datetime = field(default_factory=dt.datetime.now)
    status: str = "queued"  # queued | printed | failed
    attempts: int = 0
    last_error: str | None = None


class JobStore(Protocol):
    def save(self, job: PrintJob) -> None: ...

    def get(self, job_id: str) -> PrintJob | None: ...

    def failed(self) -> list[PrintJob]: ...


class MemoryJobStore:
    def __init__(self) -> None:
        self.jobs: dict[str, PrintJob] = {}

    def save(self, job: PrintJob) -> None:
        self.jobs[job.id] = job

    def get(self, job_id: str) -> PrintJob | None:
        return self.jobs.get(job_id)

    def failed(self) -> list[PrintJob]:
        return [j for j in self.jobs.values() if j.status == "failed"]


class PrintSpooler:
    def __init__(self, store: JobStore) -> None:
        self.store = store

    def submit(self, job: PrintJob, connection: Connection) -> PrintJob:
        self.store.save(job)
        return self._send(job, connection)

    def retry(self, job_id: str, connection: Connection) -> PrintJob:
        job = self.store.get(job_id)
        if job is None:
            raise KeyError(f"no print job {job_id}")
        return self._send(job, connection)

    def _send(self, job: PrintJob, connection: Connection) -> PrintJob:
        try:
            connection.send(job.data)
        except PrinterFault as exc:
            log.warning("print job %s on %s failed: %s", job.id, job.printer, exc)
            done = replace(job, status="failed", attempts=job.attempts + 1, last_error=str(exc))
        else:
            done = replace(job, status="printed", attempts=job.attempts + 1, last_error=None)
        self.store.save(done)
        return done
