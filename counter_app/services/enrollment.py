"""Individual enrollment (个人参保登记): the first transaction through the whole spine.

The teller's form is validated in the domain; the command then registers the person (or
updates their contact details), makes them insured for the chosen insurance types, records a
finished L1 case with its promised date (承诺办结), and — on the centre only — assigns the
insured number (参保编号) and the case number from central counters.

The promised date is counted from the day the teller accepted the case (the command's client
time, which travels unchanged to the centre, capped there at the centre's own day: a
workstation clock running ahead is recorded, not trusted), so the centre records the same
promise the receipt printed even when the command reaches it a day later.
"""

from __future__ import annotations

from typing import Any

from counter_app.domain.cases import (
    ITEM_INDIVIDUAL_ENROLLMENT,
    CaseStatus,
    ReviewLevel,
    promised_deadline,
)
from counter_app.domain.commands import Command
from counter_app.domain.errors import Conflict
from counter_app.domain.insurance import Enrollment, EnrollmentCategory, EnrollmentForm
from counter_app.domain.roles import Permission
from counter_app.services.apply_context import ApplyContext
from counter_app.services.handlers import Handler, register
from counter_app.storage.shared_models import (
    CaseRow,
    EmployerRow,
    InsuranceStatusRow,
    InsuredPersonRow,
    PersonRow,
)

KIND = "person.enroll"


def enrollment_payload(
    enrollment: Enrollment, window_number: int, ticket: str | None = None
) -> dict[str, Any]:
    """The JSON payload of a ``person.enroll`` command (what the journal keeps)."""
    return {
        "ticket": ticket or "",
        "id_number": enrollment.id_number.value,
        "name": enrollment.name,
        "phone": enrollment.phone,
        "address": enrollment.address,
        "category": enrollment.category.value,
        "insurance_types": [t.value for t in enrollment.insurance_types],
        "start_date": enrollment.start_date.isoformat(),
        "employer_code": enrollment.employer_code.value if enrollment.employer_code else "",
        "window_number": window_number,
    }


def form_from_payload(payload: dict[str, Any]) -> EnrollmentForm:
    return EnrollmentForm(
        id_number=payload["id_number"],
        name=payload["name"],
        phone=payload["phone"],
        address=payload.get("address", ""),
        category=payload["category"],
        insurance_types=list(payload["insurance_types"]),
        start_date=payload["start_date"],
        employer_code=payload.get("employer_code", ""),
    )


def apply_enrollment(ctx: ApplyContext, command: Command) -> None:
    enrollment = form_from_payload(command.payload).validate(today=ctx.now.date())
    id_number = enrollment.id_number.value

    insured = ctx.get(InsuredPersonRow, id_number)
    if insured is not None:
        number = insured.insured_number or "—"
        raise Conflict(
            "already_enrolled",
            f"{enrollment.id_number.masked()} is already enrolled (insured number {number})",
        )

    if enrollment.category is EnrollmentCategory.EMPLOYEE:
        assert enrollment.employer_code is not None
        employer = ctx.get(EmployerRow, enrollment.employer_code.value)
        # A workstation's cache need not hold every employer: only the centre may say "unknown".
        if employer is None and ctx.side == "central":
            raise Conflict(
                "unknown_employer",
                f"no insured employer has the credit code {enrollment.employer_code.value}",
            )

    person = ctx.get(PersonRow, id_number)
    if person is not None and person.name != enrollment.name:
        raise Conflict(
            "name_mismatch",
            "the registry holds another name for this ID number; "
            "a key-data correction (关键信息更正) is needed first",
        )
    ctx.put(
        PersonRow(
            id_number=id_number,
            name=enrollment.name,
            sex=enrollment.id_number.sex.value,
            birth_date=enrollment.id_number.birth_date,
            phone=enrollment.phone,
            address=enrollment.address or (person.address if person else ""),
            hukou_type=person.hukou_type if person else "",
        )
    )

    serial = ctx.next_number("insured_number")
    employer_code = enrollment.employer_code.value if enrollment.employer_code else None
    ctx.put(
        InsuredPersonRow(
            id_number=id_number,
            insured_number=None if serial is None else f"{ctx.now:%Y}{serial:08d}",
            category=enrollment.category.value,
            employer_code=employer_code,
            hall_code=command.hall_code,
            registered_at=ctx.now.replace(tzinfo=None),
            origin_command=command.uuid,
        )
    )
    for insurance_type in enrollment.insurance_types:
        ctx.put(
            InsuranceStatusRow(
                id_number=id_number,
                insurance_type=insurance_type.value,
                status="active",
                start_date=enrollment.start_date,
                employer_code=employer_code,
            )
        )
    promised = promised_deadline(
        ITEM_INDIVIDUAL_ENROLLMENT, ctx.acceptance_day(command.client_time)
    )
    case_serial = ctx.next_number(f"case:{command.hall_code}:{ctx.now:%Y%m%d}")
    ctx.put(
        CaseRow(
            id=command.uuid,
            case_no=None
            if case_serial is None
            else f"{command.hall_code}-{ctx.now:%Y%m%d}-{case_serial:05d}",
            item_code=ITEM_INDIVIDUAL_ENROLLMENT,
            review_level=int(ReviewLevel.L1),
            status=CaseStatus.COMPLETED.value,
            id_number=id_number,
            credit_code=employer_code,
            hall_code=command.hall_code,
            window_number=int(command.payload.get("window_number", 0)),
            accepted_by=command.actor,
            accepted_at=ctx.now.replace(tzinfo=None),
            summary=f"个人参保登记 {enrollment.name}",
            ticket=command.payload.get("ticket") or None,
            promised_date=promised.date,
            promised_provisional=promised.provisional,
        )
    )


register(Handler(kind=KIND, permission=Permission.ACCEPT_CASES, apply=apply_enrollment))
