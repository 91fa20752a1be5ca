"""职工正常退休申请 — a normal retirement application: ``benefit.retirement``.

The teller accepts the application when the person has reached the statutory retirement age
(or will within the two months a retirement may be booked ahead, [D13 005-001]) and has
contributed long enough (社会保险法 art. 16: at least 15 years, deemed years included). The
age comes from the birth date in the ID number and, for a woman, the post she holds (the
original age of female cadres and female workers differs); the figures and the 2025 gradual
rise are the dated rules of ``counter_app.domain.retirement_age``.

Contribution months are the person's paid pension months in the contribution records plus the
deemed months (视同缴费) the personnel file shows. A workstation's cache may lack records made
elsewhere, so only the centre refuses a person for too few months; the window refuses only
what the ID number alone decides (the age). The case (L2) records every figure it was accepted
on; the reviewer checks the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from counter_app.domain.cases import CaseStatus
from counter_app.domain.commands import Command
from counter_app.domain.errors import Conflict, ValidationError
from counter_app.domain.ids import IdNumber, Sex, Uscc
from counter_app.domain.retirement_age import (
    MINIMUM_SOURCE,
    add_months,
    age_group,
    minimum_contribution_months,
    statutory_age,
)
from counter_app.domain.roles import Permission
from counter_app.items import service_support as check
from counter_app.items.apply_context import ApplyContext
from counter_app.items.case_records import check_materials, open_case, require_complete
from counter_app.items.spec import Changes, ItemSpec, Text
from counter_app.storage.contribution_models import ContributionRow
from counter_app.storage.shared_models import CaseRow

KIND = "benefit.retirement"
ITEM_CODE = "PEN-RETIRE"
FEMALE_POSTS = ("cadre", "worker")
BOOKING_MONTHS = 2  # an application may be booked up to two months ahead ([D13 005-001])
MAX_DEEMED_MONTHS = 600
# A case in these states still stands: no second application.
_STANDING = (
    CaseStatus.MATERIALS_PENDING.value,
    CaseStatus.ACCEPTED.value,
    CaseStatus.IN_REVIEW.value,
    CaseStatus.IN_APPROVAL.value,
    CaseStatus.COMPLETED.value,
)


@dataclass(frozen=True)
class RetirementPayload:
    """What a ``benefit.retirement`` command carries (the journal keeps its JSON form)."""

    catalogue_version: str
    id_number: str
    female_post: str = ""  # a woman's post: "cadre" or "worker"; empty for a man
    deemed_months: int = 0  # 视同缴费月数 from the personnel file
    employer_code: str = ""  # the employer applying for the person; empty for a flexible worker
    name: str = ""
    materials: tuple[str, ...] = ()
    ticket: str = ""
    window_number: int = 0


def paid_pension_months(ctx: ApplyContext, id_number: str) -> int:
    """The distinct months of paid pension contributions this side's records hold."""
    count = ctx.session.scalar(
        select(func.count(func.distinct(ContributionRow.month))).where(
            ContributionRow.id_number == id_number,
            ContributionRow.insurance_type == "pension",
            ContributionRow.status == "paid",
        )
    )
    return int(count or 0)


def apply_retirement(ctx: ApplyContext, command: Command, p: RetirementPayload) -> None:
    today = ctx.acceptance_day(command.client_time)
    catalogue, item = check.catalogue_item(ctx, p.catalogue_version, ITEM_CODE)
    checks = check.Checks()
    id_number: IdNumber | None = None
    employer = ""
    with checks.field():
        id_number = check.person_id(p.id_number, today=today)
    male = id_number is not None and id_number.sex is Sex.MALE
    if id_number is not None and not male:
        with checks.field():
            check.choice("female_post", p.female_post, FEMALE_POSTS)
    if not 0 <= p.deemed_months <= MAX_DEEMED_MONTHS:
        checks.add(
            "deemed_months",
            "range",
            f"deemed months are between 0 and {MAX_DEEMED_MONTHS}",
            {"min": "0", "max": str(MAX_DEEMED_MONTHS)},
        )
    if p.employer_code.strip():
        with checks.field():
            employer = Uscc.parse(p.employer_code, field="employer_code").value
    with checks.field():
        materials = check_materials([item], p.materials)
        require_complete(materials)
    checks.done()
    assert id_number is not None

    age = statutory_age(id_number.birth_date, age_group(male, p.female_post))
    latest = add_months(today, BOOKING_MONTHS)
    if age.reached_on > latest:
        raise ValidationError(
            "id_number",
            "not_of_age",
            f"the statutory retirement age {age.text_zh} is reached on "
            f"{age.reached_on.isoformat()}; an application is accepted from "
            f"{add_months(age.reached_on, -BOOKING_MONTHS).isoformat()}",
            {
                "kind": "retirement",
                "date": age.reached_on.isoformat(),
                "age": age.text_zh,
                "years": str(age.years),
                "months": str(age.months),
                "from": add_months(age.reached_on, -BOOKING_MONTHS).isoformat(),
            },
        )

    person = check.registered_person(ctx, id_number)
    standing = ctx.session.scalars(
        select(CaseRow.id).where(
            CaseRow.item_code == ITEM_CODE,
            CaseRow.id_number == id_number.value,
            CaseRow.status.in_(_STANDING),
            CaseRow.id != command.uuid,
        )
    ).first()
    if standing is not None:
        raise Conflict(
            "already_applied",
            f"a retirement application of {id_number.masked()} is already recorded",
        )

    recorded = paid_pension_months(ctx, id_number.value)
    total = recorded + p.deemed_months
    minimum = minimum_contribution_months(age.reached_on.year)
    if total < minimum and ctx.side == "central":
        raise Conflict(
            "contributions_short",
            f"{total} months of contributions (paid {recorded}, deemed {p.deemed_months}); "
            f"a monthly pension needs {minimum} months",
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
            "birth_date": id_number.birth_date.isoformat(),
            "age_group": age.group.value,
            "statutory_age": age.text_zh,
            "delay_months": age.delay_months,
            "retirement_month": age.retirement_month,
            "pension_from": age.pension_from,
            "paid_months": recorded,
            "deemed_months": p.deemed_months,
            "contribution_months": total,
            "minimum_months": minimum,
            "age_rule": age.source,
            "minimum_rule": MINIMUM_SOURCE,
        },
        summary=f"{item.name_zh} {name}".strip(),
        id_number=id_number.value,
        credit_code=employer or None,
        ticket=p.ticket,
        window_number=p.window_number,
    )


SPEC = ItemSpec(
    kind=KIND,
    payload_type=RetirementPayload,
    permission=Permission.ACCEPT_CASES,
    apply=apply_retirement,
    label=Text("职工正常退休申请", "Retirement application"),
    codes=(ITEM_CODE,),
    documents=("receipt",),
    conflicts={
        "unknown_person": Text(
            "登记库中没有该身份证号码的人员", "The registry holds no person with this ID number"
        ),
        "already_applied": Text(
            "该人员已有退休申请", "A retirement application of this person is already recorded"
        ),
        "contributions_short": Text(
            "累计缴费年限不足，不能按月领取基本养老金",
            "Too few contribution months for a monthly pension",
        ),
    },
    changes=lambda p: Changes(
        persons=frozenset({p.id_number.strip().upper()} - {""}),
        employers=frozenset({p.employer_code.strip().upper()} - {""}),
        cases=True,
    ),
)
