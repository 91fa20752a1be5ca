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

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from counter_app.catalogue.load import shipped_catalogue
from counter_app.catalogue.schema import Item
from counter_app.domain.cases import ITEM_INDIVIDUAL_ENROLLMENT
from counter_app.domain.commands import Command
from counter_app.domain.errors import Conflict
from counter_app.domain.insurance import Enrollment, EnrollmentCategory, EnrollmentForm
from counter_app.domain.roles import Permission
from counter_app.items.apply_context import ApplyContext
from counter_app.items.case_records import check_materials, open_case, require_complete
from counter_app.items.spec import UNKNOWN_EMPLOYER, Changes, ItemSpec, Text
from counter_app.storage.base import SharedBase
from counter_app.storage.shared_models import (
    CaseRow,
    EmployerRow,
    InsuranceStatusRow,
    InsuredPersonRow,
    PersonRow,
)

KIND = "person.enroll"


@dataclass(frozen=True)
class EnrollmentPayload:
    """What a ``person.enroll`` command carries (the journal keeps its JSON form)."""

    id_number: str
    name: str
    phone: str
    category: str
    insurance_types: tuple[str, ...]
    start_date: str
    address: str = ""
    employer_code: str = ""
    ticket: str = ""
    window_number: int = 0
    # The catalogue version the teller's screen showed, and the materials ticked; commands
    # queued before the catalogue existed carry neither (the shipped catalogue applies).
    catalogue_version: str = ""
    materials: tuple[str, ...] = ()


def enrollment_payload(
    enrollment: Enrollment,
    window_number: int,
    ticket: str | None = None,
    *,
    catalogue_version: str = "",
    materials: tuple[str, ...] = (),
) -> dict[str, Any]:
    """The JSON payload of a ``person.enroll`` command (what the journal keeps)."""
    return SPEC.encode(
        EnrollmentPayload(
            ticket=ticket or "",
            id_number=enrollment.id_number.value,
            name=enrollment.name,
            phone=enrollment.phone,
            address=enrollment.address,
            category=enrollment.category.value,
            insurance_types=tuple(t.value for t in enrollment.insurance_types),
            start_date=enrollment.start_date.isoformat(),
            employer_code=enrollment.employer_code.value if enrollment.employer_code else "",
            window_number=window_number,
            catalogue_version=catalogue_version,
            materials=materials,
        )
    )


def form_from_payload(payload: EnrollmentPayload) -> EnrollmentForm:
    return EnrollmentForm(
        id_number=payload.id_number,
        name=payload.name,
        phone=payload.phone,
        address=payload.address,
        category=payload.category,
        insurance_types=list(payload.insurance_types),
        start_date=payload.start_date,
        employer_code=payload.employer_code,
    )


def apply_enrollment(ctx: ApplyContext, command: Command, payload: EnrollmentPayload) -> None:
    enrollment = form_from_payload(payload).validate(today=ctx.now.date())
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
        ctx.new(
            PersonRow,
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
        ctx.new(
            InsuredPersonRow,
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
            ctx.new(
                InsuranceStatusRow,
                id_number=id_number,
                insurance_type=insurance_type.value,
                status="active",
                start_date=enrollment.start_date,
                employer_code=employer_code,
            )
        )
    catalogue = (
        ctx.catalogue(payload.catalogue_version)
        if payload.catalogue_version
        else shipped_catalogue()
    )
    item = catalogue.item(ITEM_INDIVIDUAL_ENROLLMENT)
    # The resident ID card is shown at the window; commands from before the checklist
    # existed count it as shown.
    materials = check_materials(
        [item], payload.materials if payload.catalogue_version else item_codes(item)
    )
    require_complete(materials)
    open_case(
        ctx,
        command,
        item=item,
        catalogue_version=catalogue.version,
        case_id=command.uuid,
        materials=materials,
        details={"category": enrollment.category.value},
        summary=f"个人参保登记 {enrollment.name}",
        id_number=id_number,
        credit_code=employer_code,
        ticket=payload.ticket,
        window_number=payload.window_number,
    )


def enrollment_reads(
    command: Command, payload: EnrollmentPayload
) -> Iterator[tuple[type[SharedBase], tuple[Any, ...]]]:
    """The rows an enrolment reads or writes (the centre loads them for a whole batch)."""
    id_number = payload.id_number
    yield InsuredPersonRow, (id_number,)
    yield PersonRow, (id_number,)
    if payload.employer_code:
        yield EmployerRow, (payload.employer_code,)
    for insurance_type in payload.insurance_types:
        yield InsuranceStatusRow, (id_number, insurance_type)
    yield CaseRow, (command.uuid,)


def item_codes(item: Item) -> tuple[str, ...]:
    return tuple(m.code for m in item.materials if m.required)


SPEC = ItemSpec(
    kind=KIND,
    payload_type=EnrollmentPayload,
    permission=Permission.ACCEPT_CASES,
    apply=apply_enrollment,
    label=Text("个人参保登记", "Individual enrollment"),
    codes=(ITEM_INDIVIDUAL_ENROLLMENT,),
    documents=("receipt", "result"),
    conflicts={
        "already_enrolled": Text("该人员已参保", "This person is already enrolled"),
        "unknown_employer": UNKNOWN_EMPLOYER,
        "name_mismatch": Text(
            "登记库中该身份证号码的姓名不同，需先办理关键信息更正",
            "The registry holds another name for this ID number",
        ),
    },
    changes=lambda p: Changes(
        persons=frozenset({p.id_number}),
        employers=frozenset({p.employer_code} - {""}),
        cases=True,
    ),
    batchable=True,
    reads=enrollment_reads,
)
