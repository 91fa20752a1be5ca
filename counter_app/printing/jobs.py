"""Print jobs: sent through a connection, logged, and kept for retry when a printer fails.

A printer fault never raises out of the spooler and never touches the business transaction
that produced the document: the job is stored with its error and the teller can retry or
print elsewhere. Every job, first print or reprint (补打), is recorded in the job store, and
the print log lists them all, newest first, whatever their state.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import uuid
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Protocol

from counter_app.printing.connection import Connection, PrinterFault

log = logging.getLogger(__name__)


class JobStatus(StrEnum):
    """Where a print job stands; stored as its value in ``print_jobs.status``."""

    QUEUED = "queued"  # logged, not yet through the connection (or interrupted while sending)
    PRINTED = "printed"  # the printer took the bytes
    FAILED = "failed"  # the printer refused or was unreachable; kept for a retry


class FailureReason(StrEnum):
    """Why a job failed, read from the printer fault's message, so a screen can explain it."""

    TIMEOUT = "timeout"
    UNREACHABLE = "unreachable"
    CANNOT_WRITE = "cannot_write"
    DEVICE = "device"
    OTHER = "other"


_FAILURE_PATTERNS = (
    (re.compile(r"\btimed out\b"), FailureReason.TIMEOUT),
    (re.compile(r"\bunreachable\b"), FailureReason.UNREACHABLE),
    (re.compile(r"^cannot write\b"), FailureReason.CANNOT_WRITE),
    (re.compile(r"^(usb|serial) printer failed\b"), FailureReason.DEVICE),
)


def failure_reason(last_error: str | None) -> FailureReason | None:
    """The kind of failure a job's ``last_error`` describes (None for a job without error)."""
    if not last_error:
        return None
    for pattern, reason in _FAILURE_PATTERNS:
        if pattern.search(last_error):
            return reason
    return FailureReason.OTHER


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
    status: str = JobStatus.QUEUED.value  # a JobStatus value
    attempts: int = 0
    last_error: str | None = None


class JobStore(Protocol):
    def save(self, job: PrintJob) -> None: ...

    def get(self, job_id: str) -> PrintJob | None: ...

    def failed(self) -> list[PrintJob]: ...

    def recent(self, limit: int = 100) -> list[PrintJob]: ...


class MemoryJobStore:
    def __init__(self) -> None:
        self.jobs: dict[str, PrintJob] = {}

    def save(self, job: PrintJob) -> None:
        self.jobs[job.id] = job

    def get(self, job_id: str) -> PrintJob | None:
        return self.jobs.get(job_id)

    def failed(self) -> list[PrintJob]:
        return [j for j in self.jobs.values() if j.status == JobStatus.FAILED]

    def recent(self, limit: int = 100) -> list[PrintJob]:
        """Every job whatever its state, newest first."""
        return sorted(self.jobs.values(), key=lambda j: j.created_at, reverse=True)[:limit]


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
            done = replace(
                job, status=JobStatus.FAILED.value, attempts=job.attempts + 1, last_error=str(exc)
            )
        else:
            done = replace(
                job, status=JobStatus.PRINTED.value, attempts=job.attempts + 1, last_error=None
            )
        self.store.save(done)
        return done
