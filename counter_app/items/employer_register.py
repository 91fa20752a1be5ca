"""Employer registration (单位参保登记): an employer becomes insured at the window.

The teller captures the credit code (checked by its GB 32100 check character and the GB 11714
organisation code inside it), the name, type, industry, legal representative, date of
establishment, office address and contact; the command registers the employer
(``employers`` and ``employer_details``), assigns — at the centre only — the employer number
(单位编号) from a central counter, and opens the case. An employer already registered is
refused on both sides; only the centre knows every employer, so a workstation whose cache
does not hold it accepts optimistically and the centre decides.

The field checks live here (``check_registration``) so that the form marks every bad field
before sending and the centre checks the same again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from counter_app.catalogue.schema import Choice, FormField, Item
from counter_app.domain.commands import Command
from counter_app.domain.errors import Conflict, ValidationError, ValidationErrors
from counter_app.domain.ids import Uscc
from counter_app.domain.people import validate_person_name, validate_phone
from counter_app.domain.roles import Permission
from counter_app.items.apply_context import ApplyContext
from counter_app.items.case_records import check_materials, open_case, require_complete
from counter_app.items.form_values import check_value
from counter_app.items.spec import Changes, ItemSpec, Text
from counter_app.storage.employer_models import EmployerDetailsRow
from counter_app.storage.shared_models import EmployerRow

KIND = "employer.register"
ITEM_CODE = "REG-EMPLOYER"

# GB/T 4754-2017 《国民经济行业分类》: the 20 sections (门类), letter → (Chinese, English).
INDUSTRIES: dict[str, tuple[str, str]] = {
    "A": ("农、林、牧、渔业", "Agriculture, forestry, animal husbandry and fishery"),
    "B": ("采矿业", "Mining"),
    "C": ("制造业", "Manufacturing"),
    "D": (
        "电力、热力、燃气及水生产和供应业",
        "Production and supply of electricity, heat, gas and water",
    ),
    "E": ("建筑业", "Construction"),
    "F": ("批发和零售业", "Wholesale and retail trade"),
    "G": ("交通运输、仓储和邮政业", "Transport, storage and post"),
    "H": ("住宿和餐饮业", "Accommodation and catering"),
    "I": (
        "信息传输、软件和信息技术服务业",
        "Information transmission, software and information technology services",
    ),
    "J": ("金融业", "Finance"),
    "K": ("房地产业", "Real estate"),
    "L": ("租赁和商务服务业", "Leasing and business services"),
    "M": ("科学研究和技术服务业", "Scientific research and technical services"),
    "N": (
        "水利、环境和公共设施管理业",
        "Management of water conservancy, environment and public facilities",
    ),
    "O": ("居民服务、修理和其他服务业", "Resident, repair and other services"),
    "P": ("教育", "Education"),
    "Q": ("卫生和社会工作", "Health and social work"),
    "R": ("文化、体育和娱乐业", "Culture, sports and entertainment"),
    "S": (
        "公共管理、社会保障和社会组织",
        "Public management, social security and social organisations",
    ),
    "T": ("国际组织", "International organisations"),
}

INDUSTRY_FIELD = FormField(
    name="industry",
    label_zh="行业类别",
    label_en="Industry",
    type="choice",
    choices=tuple(Choice(value=k, label_zh=zh, label_en=en) for k, (zh, en) in INDUSTRIES.items()),
)

# Used when the catalogue item declares no such field (the shipped one declares them).
EMPLOYER_TYPES: dict[str, tuple[str, str]] = {
    "enterprise": ("企业", "Enterprise"),
    "public_institution": ("事业单位", "Public institution"),
    "government": ("机关", "Government agency"),
    "social_organisation": ("社会团体", "Social organisation"),
    "private_non_enterprise": ("民办非企业单位", "Private non-enterprise unit"),
    "individual_business": ("有雇工的个体工商户", "Sole trader with employees"),
}
_DEFAULT_FIELDS = {
    "employer_name": FormField(
        name="employer_name", label_zh="单位名称", label_en="Employer name", type="text",
        max_length=100,
    ),
    "employer_type": FormField(
        name="employer_type", label_zh="单位类型", label_en="Type of employer", type="choice",
        choices=tuple(
            Choice(value=k, label_zh=zh, label_en=en) for k, (zh, en) in EMPLOYER_TYPES.items()
        ),
    ),
    "established_on": FormField(
        name="established_on", label_zh="成立日期", label_en="Date of establishment", type="date"
    ),
    "address": FormField(
        name="address", label_zh="办公地址", label_en="Office address", type="text", max_length=200
    ),
}  # fmt: skip

# GB 32100-2015 appendix: the registration authority and organisation category (the first two
# characters of a credit code) of the kinds of employer the form offers; the form proposes
# the type from them (the teller may still choose another).
TYPE_BY_CODE_PREFIX = {
    "11": "government",  # 机构编制 · 机关
    "12": "public_institution",  # 机构编制 · 事业单位
    "51": "social_organisation",  # 民政 · 社会团体
    "52": "private_non_enterprise",  # 民政 · 民办非企业单位
    "91": "enterprise",  # 工商 · 企业
    "92": "individual_business",  # 工商 · 个体工商户
}


@dataclass(frozen=True)
class EmployerRegistration:
    """What an ``employer.register`` command carries (the journal keeps its JSON form)."""

    credit_code: str
    employer_name: str
    employer_type: str
    industry: str
    legal_representative: str
    address: str
    contact_name: str
    contact_phone: str
    established_on: dt.date | None = None
    catalogue_version: str = ""
    materials: tuple[str, ...] = ()
    ticket: str = ""
    window_number: int = 0


def item_field(item: Item | None, name: str) -> FormField:
    """The catalogue's declaration of field ``name`` (our default when it declares none)."""
    if item is not None:
        for declared in item.fields:
            if declared.name == name:
                return declared
    if name == "industry":
        return INDUSTRY_FIELD
    return _DEFAULT_FIELDS[name]


def check_registration(
    payload: EmployerRegistration, item: Item | None, *, today: dt.date
) -> EmployerRegistration:
    """The registration with every field checked and normalised; ``ValidationErrors`` lists
    every bad field at once (field names as on the form)."""
    errors: list[ValidationError] = []
    values: dict[str, str] = {}

    def check(name: str, raw: str) -> None:
        try:
            values[name] = check_value(item_field(item, name), raw, today=today)
        except ValidationError as exc:
            errors.append(exc)

    try:
        values["credit_code"] = Uscc.parse(payload.credit_code, field="credit_code").value
    except ValidationError as exc:
        errors.append(exc)
    check("employer_name", payload.employer_name)
    check("employer_type", payload.employer_type)
    check("industry", payload.industry)
    check("address", payload.address)
    for name, raw in (
        ("legal_representative", payload.legal_representative),
        ("contact_name", payload.contact_name),
    ):
        try:
            values[name] = validate_person_name(raw, field=name)
        except ValidationError as exc:
            errors.append(exc)
    try:
        values["contact_phone"] = validate_phone(payload.contact_phone, field="contact_phone")
    except ValidationError as exc:
        errors.append(exc)
    established = payload.established_on
    if established is None:
        errors.append(ValidationError("established_on", "required", "this field is required"))
    elif established > today or established.year < 1900:
        errors.append(
            ValidationError(
                "established_on",
                "range",
                "the date of establishment is in the future or before 1900",
            )
        )
    if errors:
        raise ValidationErrors(errors)
    return replace(
        payload,
        credit_code=values["credit_code"],
        employer_name=values["employer_name"],
        employer_type=values["employer_type"],
        industry=values["industry"],
        legal_representative=values["legal_representative"],
        address=values["address"],
        contact_name=values["contact_name"],
        contact_phone=values["contact_phone"],
    )


def apply_registration(ctx: ApplyContext, command: Command, payload: EmployerRegistration) -> None:
    catalogue = ctx.catalogue(payload.catalogue_version)
    item = catalogue.item(ITEM_CODE)
    checked = check_registration(payload, item, today=ctx.now.date())
    code = checked.credit_code
    existing = ctx.get(EmployerRow, code)
    if existing is not None:
        raise Conflict(
            "already_registered",
            f"the employer with the credit code {code} is already registered ({existing.name})",
        )
    materials = check_materials([item], checked.materials)
    require_complete(materials)

    ctx.put(
        EmployerRow(
            credit_code=code,
            name=checked.employer_name,
            address=checked.address,
            contact_phone=checked.contact_phone,
            industry=checked.industry,
        )
    )
    serial = ctx.next_number("employer_number")
    number = None if serial is None else f"{ctx.now:%Y}{serial:06d}"
    ctx.put(
        EmployerDetailsRow(
            credit_code=code,
            employer_number=number,
            employer_type=checked.employer_type,
            legal_representative=checked.legal_representative,
            established_on=checked.established_on,
            contact_name=checked.contact_name,
            hall_code=command.hall_code,
            registered_at=ctx.now.replace(tzinfo=None),
            origin_command=command.uuid,
        )
    )
    open_case(
        ctx,
        command,
        item=item,
        catalogue_version=catalogue.version,
        case_id=command.uuid,
        materials=materials,
        details={
            # The item's declared fields, as the generic documents print them.
            "fields": {
                "employer_name": checked.employer_name,
                "credit_code": code,
                "employer_type": checked.employer_type,
                "established_on": (
                    checked.established_on.isoformat() if checked.established_on else ""
                ),
                "address": checked.address,
                "contact_name": checked.contact_name,
                "contact_phone": checked.contact_phone,
            },
            "industry": checked.industry,
            "legal_representative": checked.legal_representative,
            "employer_number": number,
        },
        summary=f"单位参保登记 {checked.employer_name}",
        credit_code=code,
        ticket=checked.ticket,
        window_number=checked.window_number,
    )


SPEC = ItemSpec(
    batchable=True,  # reads through ctx.get, writes through ctx.put only
    kind=KIND,
    payload_type=EmployerRegistration,
    permission=Permission.ACCEPT_CASES,
    apply=apply_registration,
    label=Text("单位参保登记", "Employer registration"),
    codes=(ITEM_CODE,),
    documents=("receipt", "result"),
    conflicts={
        "already_registered": Text(
            "该统一社会信用代码的单位已参保登记", "This employer is already registered"
        ),
        "catalogue_version_unknown": Text(
            "该事项目录版本尚未发布，请同步后重新受理",
            "This catalogue version has not been published; sync and accept again",
        ),
    },
    changes=lambda p: Changes(employers=frozenset({p.credit_code}), cases=True),
)
