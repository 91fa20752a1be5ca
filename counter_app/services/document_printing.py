"""Printing a document on one of the workstation's configured printers, logged and retryable.

The configured ``[[printers]]`` are validated once; a document is rendered for the chosen
printer (ESC/POS bytes for a thermal printer, PDF for a PDF printer) and handed to the
spooler, which logs the job in the cache and keeps it when the printer fails. A document sent
to the operating system's printer (through its print dialog) is logged too, under the name
``SYSTEM_PRINTER``, so the print log holds every job. Reprints (补打) need an authorization
when ``[printing] reprint_needs_authorization`` is on: the supervisor's user name is recorded
with the job. The supervisor's password is checked by the centre, which records the
authorization bound to what it authorizes; only when the centre cannot be reached is it
checked against the cache, and the authorization is then an offline one (``offline:<name>``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from counter_app.devices.printers import (
    Connection,
    PrinterConfig,
    PrinterFault,
    open_connection,
)
from counter_app.domain.errors import (
    CentralRefused,
    CentralUnavailable,
    PermissionDenied,
    ValidationError,
)
from counter_app.domain.roles import Permission, require
from counter_app.printing.documents import Office
from counter_app.printing.escpos_render import render_escpos
from counter_app.printing.intake_documents import (
    AcceptanceReceipt,
    MissingMaterialsNotice,
    ResultSlip,
)
from counter_app.printing.jobs import JobStatus, PrintJob, PrintSpooler
from counter_app.printing.layout import Doc
from counter_app.printing.pdf import render_pdf
from counter_app.services.auth import LoginFailed, authenticate
from counter_app.services.print_job_store import SqliteJobStore
from counter_app.services.queries import hall_name
from counter_app.services.workstation_view import WorkstationView as Workstation

SYSTEM_PRINTER = "__system__"  # the printer name logged for a job sent through the OS dialog


class PdfFolderConnection:
    """A 'PDF printer': each job becomes a new file in a folder."""

    def __init__(self, folder: Path, name: str) -> None:
        self.folder = folder
        self.name = name

    def send(self, data: bytes) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            target = self.folder / f"{self.name}-{dt.datetime.now():%Y%m%d-%H%M%S-%f}.pdf"
            target.write_bytes(data)
        except OSError as exc:
            raise PrinterFault(
                f"cannot write the PDF into {self.folder} ({exc.strerror})"
            ) from None


def configured_printers(ws: Workstation) -> list[PrinterConfig]:
    return [PrinterConfig.from_dict(dict(raw)) for raw in ws.config.printers]


def ticket_printer(ws: Workstation) -> str | None:
    """The kiosk's ticket printer: the thermal printer named "kiosk", else the first one."""
    thermal = [p.name for p in configured_printers(ws) if p.kind == "escpos"]
    return "kiosk" if "kiosk" in thermal else (thermal[0] if thermal else None)


def office(ws: Workstation, window_number: int, teller_name: str) -> Office:
    """The hall, window and teller printed on a document (reads the cache: not on the GUI)."""
    return Office(hall_name(ws), window_number, teller_name)


OFFLINE_PREFIX = "offline:"  # an authorization checked only by this workstation's cache
# The centre's refusals of a supervisor's credentials, worded like a login's.
_LOGIN_REFUSALS = {
    "bad_credentials": "bad_credentials",
    "login_locked": "locked",
    "user_inactive": "inactive",
}


@dataclass(frozen=True)
class Authorization:
    """A supervisor's on-the-spot authorization: who gave it and the reference to keep."""

    supervisor: str
    auth_ref: str

    @property
    def offline(self) -> bool:
        return self.auth_ref.startswith(OFFLINE_PREFIX)


def authorize(
    ws: Workstation, username: str, password: str, *, bound_to: str, purpose: str = "reprint"
) -> Authorization:
    """On-the-spot authorization (授权): a supervisor's own credentials, checked by the centre.

    The centre records it bound to ``bound_to`` (a command UUID or a reprint's reference).
    When the centre cannot be reached the credentials are checked against the cache and the
    reference is ``offline:<supervisor>``, for a supervisor to confirm later. Refusals
    are raised as a login's are (``LoginFailed``), or ``PermissionDenied`` for an account
    that may not authorize here.
    """
    try:
        return Authorization(username, ws.centre.authorize(username, password, purpose, bound_to))
    except CentralUnavailable:
        pass
    except CentralRefused as exc:
        login_code = _LOGIN_REFUSALS.get(exc.code)
        if login_code is not None:
            raise LoginFailed(login_code, exc.reason) from None
        if exc.code in ("self_authorization", "user_not_in_hall"):
            raise PermissionDenied(username, Permission.AUTHORIZE.value) from None
        raise
    user = authenticate(ws.local, username, password)
    require(user.username, user.role, Permission.AUTHORIZE)
    return Authorization(user.username, f"{OFFLINE_PREFIX}{user.username}")


class DocumentPrinter:
    def __init__(self, ws: Workstation, *, reprint_needs_authorization: bool = True) -> None:
        self.ws = ws
        self.store = SqliteJobStore(ws.local)
        self.spooler = PrintSpooler(self.store)
        self.reprint_needs_authorization = reprint_needs_authorization

    def printer(self, name: str) -> PrinterConfig:
        for config in configured_printers(self.ws):
            if config.name == name:
                return config
        raise ValidationError("printer", "unknown", f"no printer named {name!r} is configured")

    def render(self, doc: Doc, config: PrinterConfig) -> bytes:
        if config.kind == "pdf":
            return render_pdf(doc, page="A4")
        return render_escpos(doc, config.escpos_options()).data

    def connection(self, config: PrinterConfig) -> Connection:
        if config.kind == "pdf" and config.connection == "file":
            return PdfFolderConnection(Path(config.path), config.name)
        return open_connection(config)

    def print(
        self,
        doc: Doc,
        printer_name: str,
        reference: str = "",
        *,
        authorized_by: str | None = None,
    ) -> PrintJob:
        self._check_reprint(doc, authorized_by)
        config = self.printer(printer_name)
        job = PrintJob(
            document_kind=doc.kind,
            printer=config.name,
            data=self.render(doc, config),
            reference=reference,
            is_reprint=doc.reprint,
            authorized_by=authorized_by,
        )
        return self.spooler.submit(job, self.connection(config))

    def _check_reprint(self, doc: Doc, authorized_by: str | None) -> None:
        if doc.reprint and self.reprint_needs_authorization and not authorized_by:
            raise PermissionDenied("-", Permission.AUTHORIZE.value)

    def record_system_print(
        self,
        doc: Doc,
        reference: str = "",
        *,
        authorized_by: str | None = None,
        data: bytes | None = None,
    ) -> PrintJob:
        """Log a document the operating system's print dialog has taken (as printed).

        ``data`` is what was sent (the PDF by default). A reprint needs its authorization here
        just as on a configured printer (the preview refuses an unauthorized reprint before the
        dialog opens); call this once the system printer has taken the document.
        """
        self._check_reprint(doc, authorized_by)
        job = PrintJob(
            document_kind=doc.kind,
            printer=SYSTEM_PRINTER,
            data=render_pdf(doc, page="A4") if data is None else data,
            reference=reference,
            is_reprint=doc.reprint,
            authorized_by=authorized_by,
            status=JobStatus.PRINTED.value,
            attempts=1,
        )
        self.store.save(job)
        return job

    def retry(self, job_id: str) -> PrintJob:
        job = self.store.get(job_id)
        if job is None:
            raise ValidationError("job", "unknown", f"no print job {job_id}")
        if job.printer == SYSTEM_PRINTER:
            raise ValidationError(
                "printer", "unknown", "a job of the system printer is printed from its preview"
            )
        return self.spooler.retry(job.id, self.connection(self.printer(job.printer)))


# -- the intake documents (一次性告知书, 受理回执, 办结单) -------------------------------------
IntakeDocument = MissingMaterialsNotice | AcceptanceReceipt | ResultSlip


def intake_doc(document: IntakeDocument, *, reprint: bool = False) -> tuple[Doc, str]:
    """The ``Doc`` of an intake document and the reference its print job is logged with,
    as the print preview takes them (``PrintPreviewDialog(doc, printer, reference, …)``)."""
    return document.to_doc(reprint=reprint), document.print_reference


def _print_intake(
    printer: DocumentPrinter,
    document: IntakeDocument,
    printer_name: str,
    reprint: bool,
    authorized_by: str | None,
) -> PrintJob:
    doc, reference = intake_doc(document, reprint=reprint)
    return printer.print(doc, printer_name, reference, authorized_by=authorized_by)


def print_missing_materials_notice(
    printer: DocumentPrinter,
    notice: MissingMaterialsNotice,
    printer_name: str,
    *,
    reprint: bool = False,
    authorized_by: str | None = None,
) -> PrintJob:
    """Print a one-time notification (一次性告知书) on a configured printer, logged under its
    case or notice number; a reprint needs ``authorized_by`` as any reprint does."""
    return _print_intake(printer, notice, printer_name, reprint, authorized_by)


def print_acceptance_receipt(
    printer: DocumentPrinter,
    receipt: AcceptanceReceipt,
    printer_name: str,
    *,
    reprint: bool = False,
    authorized_by: str | None = None,
) -> PrintJob:
    """Print an acceptance receipt (受理回执) on a configured printer, logged under its case
    number."""
    return _print_intake(printer, receipt, printer_name, reprint, authorized_by)


def print_result_slip(
    printer: DocumentPrinter,
    slip: ResultSlip,
    printer_name: str,
    *,
    reprint: bool = False,
    authorized_by: str | None = None,
) -> PrintJob:
    """Print the result slip (办结单) of an item finished on the spot, logged under its case
    number."""
    return _print_intake(printer, slip, printer_name, reprint, authorized_by)
