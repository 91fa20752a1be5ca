"""医保零星报销 — a manual reimbursement claim for medical bills: ``medical.reimbursement``.

The customer hands in the original invoices of treatment that was not settled directly; the
teller types each invoice (its number as printed, the hospital, the date, the amount and the
part paid by the person alone, 自费) and the claim goes to review (L2). Amounts are
``Decimal`` yuan: each line is rounded to the fen (ROUND_HALF_UP) and the totals are the sums
of the rounded lines (``money.sum_rounded``), so the receipt's figures add up; what goes to
review is the total less the self-paid part. The reimbursable share depends on the region's
policy and is decided in review, not here.

An invoice can be claimed once. An invoice number twice in one claim is a typing error,
refused at once; one already claimed before is refused by whichever side knows it: the window
when its cache holds the earlier claim, and always the centre, which holds every claim (the
invoice number is the key of ``medical_claim_lines``).

No deadline for handing in invoices is enforced: the period allowed is regional and no
published figure was found.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from counter_app.domain.commands import Command
from counter_app.domain.errors import Conflict, ValidationError
from counter_app.domain.money import money, sum_rounded
from counter_app.domain.roles import Permission
from counter_app.items import service_support as check
from counter_app.items.apply_context import ApplyContext
from counter_app.items.case_records import check_materials, open_case, require_complete
from counter_app.items.spec import Changes, ItemSpec, Text
from counter_app.storage.service_item_models import MedicalClaimLineRow, MedicalClaimRow

KIND = "medical.reimbursement"
ITEM_CODE = "MED-REIMBURSE"
SUBMITTED = "submitted"
MAX_LINES = 50
_INVOICE = re.compile(r"^[0-9A-Z]{6,40}$")


@dataclass(frozen=True)
class InvoiceLine:
    """One invoice as typed; amounts in yuan."""

    invoice_number: str
    hospital: str
    invoice_date: str  # ISO date
    amount: Decimal
    self_paid: Decimal = Decimal("0")


@dataclass(frozen=True)
class ReimbursementPayload:
    """What a ``medical.reimbursement`` command carries (the journal keeps its JSON form)."""

    catalogue_version: str
    id_number: str
    lines: tuple[InvoiceLine, ...]
    visit_kind: str = ""  # a choice of the catalogue item's ``visit_kind`` field
    name: str = ""
    materials: tuple[str, ...] = ()
    ticket: str = ""
    window_number: int = 0


@dataclass(frozen=True)
class ClaimTotals:
    total: Decimal
    self_paid: Decimal

    @property
    def eligible(self) -> Decimal:
        """What goes to review: the total less the part paid by the person alone."""
        return money(self.total - self.self_paid)


def claim_totals(lines: tuple[InvoiceLine, ...] | list[InvoiceLine]) -> ClaimTotals:
    """The claim's totals: each line rounded to the fen, then added."""
    return ClaimTotals(
        sum_rounded(line.amount for line in lines),
        sum_rounded(line.self_paid for line in lines),
    )


def invoice_number(raw: str, field: str = "invoice_number") -> str:
    """An invoice number as printed: full-width forms folded, spaces and hyphens dropped."""
    folded = unicodedata.normalize("NFKC", raw or "").upper()
    folded = "".join(c for c in folded if c not in " -\t")
    if not folded:
        raise ValidationError(field, "required", "the invoice number is required")
    if not _INVOICE.match(folded):
        raise ValidationError(
            field, "format", f"{raw} is not an invoice number (6–40 digits or letters)"
        )
    return folded


@dataclass(frozen=True)
class CheckedLine:
    number: str
    hospital: str
    day: dt.date
    amount: Decimal
    self_paid: Decimal


def check_lines(
    lines: tuple[InvoiceLine, ...], *, today: dt.date, checks: check.Checks
) -> list[CheckedLine]:
    """Every line checked; errors name ``lines.<row>.<column>`` (rows from 0)."""
    if not lines:
        checks.add("lines", "required", "enter at least one invoice")
    elif len(lines) > MAX_LINES:
        checks.add("lines", "too_many", f"at most {MAX_LINES} invoices in one claim")
    checked: list[CheckedLine] = []
    first_row: dict[str, int] = {}
    for row, line in enumerate(lines[:MAX_LINES]):
        prefix = f"lines.{row}."
        number = hospital = ""
        day: dt.date | None = None
        amount = self_paid = None
        with checks.field():
            number = invoice_number(line.invoice_number, prefix + "invoice_number")
        if number in first_row:
            checks.add(
                prefix + "invoice_number",
                "duplicate",
                f"invoice {number} is already line {first_row[number] + 1} of this claim",
                {"row": str(first_row[number] + 1), "invoice": number},
            )
        elif number:
            first_row[number] = row
        with checks.field():
            hospital = check.text(prefix + "hospital", line.hospital, max_length=100, today=today)
        with checks.field():
            day = check.day(prefix + "invoice_date", line.invoice_date)
        if day is not None and day > today:
            checks.add(prefix + "invoice_date", "future", "an invoice cannot be dated later")
        with checks.field():
            amount = money(line.amount, field=prefix + "amount")
        if amount is not None and amount <= 0:
            checks.add(
                prefix + "amount", "range", "the amount must be more than 0", {"min": "0.01"}
            )
        with checks.field():
            self_paid = money(line.self_paid, field=prefix + "self_paid")
        if amount is not None and self_paid is not None and self_paid > amount:
            checks.add(
                prefix + "self_paid",
                "more_than_amount",
                "the self-paid part cannot exceed the invoice amount",
            )
        if number and hospital and day and amount is not None and self_paid is not None:
            checked.append(CheckedLine(number, hospital, day, amount, self_paid))
    return checked


def apply_reimbursement(ctx: ApplyContext, command: Command, p: ReimbursementPayload) -> None:
    today = ctx.acceptance_day(command.client_time)
    catalogue, item = check.catalogue_item(ctx, p.catalogue_version, ITEM_CODE)
    checks = check.Checks()
    id_number = None
    with checks.field():
        id_number = check.person_id(p.id_number, today=today)
    visit = next((f for f in item.fields if f.name == "visit_kind"), None)
    if visit is not None and visit.choices:
        with checks.field():
            check.choice("visit_kind", p.visit_kind, [c.value for c in visit.choices])
    lines = check_lines(p.lines, today=today, checks=checks)
    with checks.field():
        materials = check_materials([item], p.materials)
        require_complete(materials)
    checks.done()
    assert id_number is not None

    person = check.registered_person(ctx, id_number)
    for line in lines:
        earlier = ctx.get(MedicalClaimLineRow, line.number)
        if earlier is not None and earlier.claim_id != command.uuid:
            raise Conflict(
                "invoice_claimed",
                f"invoice {line.number} was already claimed (claim {earlier.claim_id[:8]})",
            )

    totals = ClaimTotals(
        sum_rounded(line.amount for line in lines), sum_rounded(line.self_paid for line in lines)
    )
    ctx.put(
        MedicalClaimRow(
            id=command.uuid,
            id_number=id_number.value,
            lines=len(lines),
            total=totals.total,
            self_paid=totals.self_paid,
            eligible=totals.eligible,
            status=SUBMITTED,
            hall_code=command.hall_code,
            submitted_by=command.actor,
            submitted_at=ctx.now.replace(tzinfo=None),
        )
    )
    for row, line in enumerate(lines, start=1):
        ctx.put(
            MedicalClaimLineRow(
                invoice_number=line.number,
                claim_id=command.uuid,
                line_no=row,
                hospital=line.hospital,
                invoice_date=line.day,
                amount=line.amount,
                self_paid=line.self_paid,
            )
        )
    name = check.subject_name(person, p.name)
    open_case(
        ctx,
        command,
        item=item,
        catalogue_version=catalogue.version,
        case_id=command.uuid,
        materials=materials,
        details={
            "name": name,
            "visit_kind": p.visit_kind,
            "invoices": [line.number for line in lines],
            "lines": len(lines),
            "total": str(totals.total),
            "self_paid": str(totals.self_paid),
            "eligible": str(totals.eligible),
        },
        summary=f"{item.name_zh} {name}".strip(),
        id_number=id_number.value,
        ticket=p.ticket,
        window_number=p.window_number,
    )


SPEC = ItemSpec(
    batchable=True,  # reads through ctx.get, writes through ctx.put only
    kind=KIND,
    payload_type=ReimbursementPayload,
    permission=Permission.ACCEPT_CASES,
    apply=apply_reimbursement,
    label=Text("医保零星报销", "Medical reimbursement"),
    codes=(ITEM_CODE,),
    documents=("receipt",),
    conflicts={
        "unknown_person": Text(
            "登记库中没有该身份证号码的人员", "The registry holds no person with this ID number"
        ),
        "invoice_claimed": Text(
            "该发票已申报过报销，不能重复报销", "This invoice was already claimed"
        ),
    },
    changes=lambda p: Changes(persons=frozenset({p.id_number.strip().upper()} - {""}), cases=True),
)
