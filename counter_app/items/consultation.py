"""咨询登记 — the consultation log: ``service.consultation``.

A consultation window answers questions so that teller windows stay free; every question is
logged with its topic (a group of the service catalogue, or "other"), what was asked, the
answer given and whether it was referred on (to the back office, another department). No
materials are needed and the visitor may stay anonymous: the ID number is recorded only when
the teller has one. The entry is finished on the spot (L1) and counts as a case like any
other, so the day's figures and the look-back include it.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.commands import Command
from counter_app.domain.roles import Permission
from counter_app.items import service_support as check
from counter_app.items.apply_context import ApplyContext
from counter_app.items.case_records import check_materials, open_case
from counter_app.items.spec import Changes, ItemSpec, Text
from counter_app.storage.service_item_models import ConsultationRow
from counter_app.storage.shared_models import PersonRow

KIND = "service.consultation"
ITEM_CODE = "SVC-CONSULT"
OTHER = "other"
MAX_TEXT = 2000


@dataclass(frozen=True)
class ConsultationPayload:
    """What a ``service.consultation`` command carries (the journal keeps its JSON form)."""

    catalogue_version: str
    topic: str  # a catalogue group code, or "other"
    question: str
    answer: str = ""
    referred: bool = False
    id_number: str = ""  # empty: an anonymous visitor
    name: str = ""
    materials: tuple[str, ...] = ()
    ticket: str = ""
    window_number: int = 0


def apply_consultation(ctx: ApplyContext, command: Command, p: ConsultationPayload) -> None:
    today = ctx.now.date()
    catalogue, item = check.catalogue_item(ctx, p.catalogue_version, ITEM_CODE)
    topics = [group.code for group in catalogue.groups] + [OTHER]
    checks = check.Checks()
    id_number = None
    topic = question = answer = ""
    with checks.field():
        topic = check.choice("topic", p.topic, topics)
    with checks.field():
        question = check.text("question", p.question, max_length=MAX_TEXT, area=True, today=today)
    with checks.field():
        # The answer given at the window; one referred on may not have one yet.
        answer = check.text(
            "answer", p.answer, max_length=MAX_TEXT, area=True, required=not p.referred, today=today
        )
    with checks.field():
        id_number = check.person_id(p.id_number, today=today, required=False)
    with checks.field():
        materials = check_materials([item], p.materials)
    checks.done()

    person = ctx.get(PersonRow, id_number.value) if id_number is not None else None
    ctx.put(
        ConsultationRow(
            id=command.uuid,
            topic=topic,
            question=question,
            answer=answer,
            referred=p.referred,
            id_number=id_number.value if id_number is not None else None,
            hall_code=command.hall_code,
            window_number=p.window_number,
            logged_by=command.actor,
            logged_at=ctx.now.replace(tzinfo=None),
        )
    )
    topic_zh = next((g.name_zh for g in catalogue.groups if g.code == topic), "其他")
    name = check.subject_name(person, p.name) if id_number is not None else ""
    open_case(
        ctx,
        command,
        item=item,
        catalogue_version=catalogue.version,
        case_id=command.uuid,
        materials=materials,
        details={"topic": topic, "referred": p.referred, "name": name},
        summary=f"{item.name_zh} {topic_zh} {name}".strip(),
        id_number=id_number.value if id_number is not None else None,
        ticket=p.ticket,
        window_number=p.window_number,
    )


SPEC = ItemSpec(
    batchable=True,  # reads through ctx.get, writes through ctx.put only
    kind=KIND,
    payload_type=ConsultationPayload,
    permission=Permission.ACCEPT_CASES,
    apply=apply_consultation,
    label=Text("咨询登记", "Consultation log"),
    codes=(ITEM_CODE,),
    documents=("result",),
    changes=lambda p: Changes(persons=frozenset({p.id_number.strip().upper()} - {""}), cases=True),
)
