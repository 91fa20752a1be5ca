"""社会保障卡挂失 / 补换 — reporting a card lost, cancelling the report, replacing a card:
``card.status``.

A formal loss report (正式挂失) may be made at the counter and takes effect at once
(苏人社发〔2020〕150号 art. 18; Hongze's guide: legal and promised 1 working day, 即办件), so
the teller's command sets the card ``lost`` immediately and the case is finished on the spot
(L1). A replacement (补领、换领) needs a card to replace — one reported lost (reason "lost"),
or one in use that is damaged or expired — and a photo (brought, or taken at the window);
the old card becomes ``replaced`` and a new card is requested (status ``requested``, no
number until it is made).

Cards live in the shared ``social_cards`` table. A workstation's cache may not hold a
person's card (cards issued elsewhere never passed through its journal), so the window
refuses what its cache shows to be wrong — a second loss report, a replacement of a card
still in use for a "lost" reason — and the centre, which holds every card, refuses the rest
(a person without any card).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import inspect, select

from counter_app.domain.commands import Command
from counter_app.domain.errors import Conflict
from counter_app.domain.roles import Permission
from counter_app.items import service_support as check
from counter_app.items.apply_context import ApplyContext
from counter_app.items.case_records import check_materials, open_case, require_complete
from counter_app.items.spec import Changes, ItemSpec, Text
from counter_app.storage.service_item_models import SocialCardRow

KIND = "card.status"
LOSS_ITEM = "CARD-LOSS"
REISSUE_ITEM = "CARD-REISSUE"
REPORT_LOSS = "report_loss"
CANCEL_LOSS = "cancel_loss"
REISSUE = "reissue"
ACTIONS = {REPORT_LOSS: LOSS_ITEM, CANCEL_LOSS: LOSS_ITEM, REISSUE: REISSUE_ITEM}
# Why a card is replaced; the catalogue also lists a change of data and a new generation,
# which are other business (信息变更制卡).
REASONS = ("lost", "damaged", "expired")
PHOTO = "photo"
ACTIVE, LOST, REPLACED, REQUESTED = "active", "lost", "replaced", "requested"
IN_HAND = (ACTIVE, LOST)  # a card the person holds (or held until it was lost)
LOSS_BASIS = "苏人社发〔2020〕150号 第十八条：正式挂失可在线上或柜面办理"
_NEW_CARD = uuid.UUID("0b8a0a52-53f1-4c7e-9c44-2f5b8f1a7d10")


@dataclass(frozen=True)
class CardStatusPayload:
    """What a ``card.status`` command carries (the journal keeps its JSON form)."""

    catalogue_version: str
    action: str  # report_loss, cancel_loss or reissue
    id_number: str
    reason: str = ""  # reissue: lost, damaged or expired
    lost_on: str = ""  # report_loss: the day the card was lost, if known (ISO)
    name: str = ""
    materials: tuple[str, ...] = ()
    ticket: str = ""
    window_number: int = 0


def new_card_id(command_uuid: str) -> str:
    """The id of the card a replacement requests (the same at the window and the centre)."""
    return str(uuid.uuid5(_NEW_CARD, command_uuid))


def cards_of(ctx: ApplyContext, id_number: str) -> list[SocialCardRow]:
    """The person's cards as this side holds them, the newest first."""
    return list(
        ctx.session.scalars(
            select(SocialCardRow)
            .where(SocialCardRow.id_number == id_number)
            .order_by(SocialCardRow.since.desc(), SocialCardRow.id)
        )
    )


def _changed(card: SocialCardRow, **values: object) -> SocialCardRow:
    """A copy of ``card`` with ``values`` changed (``ctx.put`` writes it over the row)."""
    columns = {attr.key: getattr(card, attr.key) for attr in inspect(SocialCardRow).column_attrs}
    return SocialCardRow(**{**columns, **values})


def masked_card(number: str | None) -> str:
    if not number:
        return "—"
    return f"{number[:3]}{'*' * max(len(number) - 6, 0)}{number[-3:]}"


def apply_card_status(ctx: ApplyContext, command: Command, p: CardStatusPayload) -> None:
    today = ctx.now.date()
    checks = check.Checks()
    with checks.field():
        action = check.choice("action", p.action, tuple(ACTIONS))
    checks.done()
    catalogue, item = check.catalogue_item(ctx, p.catalogue_version, ACTIONS[action])

    id_number = None
    lost_on = None
    reason = ""
    with checks.field():
        id_number = check.person_id(p.id_number, today=today)
    if action == REPORT_LOSS:
        with checks.field():
            lost_on = check.day("lost_on", p.lost_on, required=False)
        if lost_on is not None and lost_on > today:
            checks.add("lost_on", "future", "the card cannot be lost on a day still to come")
    if action == REISSUE:
        with checks.field():
            reason = check.choice("reason", p.reason, REASONS)
    with checks.field():
        materials = check_materials([item], p.materials)
        require_complete(materials)
    if action == REISSUE and PHOTO not in p.materials:
        checks.add("materials", "photo_required", "a new card needs a photo (brought or taken)")
    checks.done()
    assert id_number is not None

    person = check.registered_person(ctx, id_number)
    cards = cards_of(ctx, id_number.value)
    held = next((c for c in cards if c.status in IN_HAND), None)
    pending = next((c for c in cards if c.status == REQUESTED), None)
    # Only the centre holds every card: the window refuses what its cache shows, no more.
    knows = ctx.side == "central" or bool(cards)
    details: dict[str, object] = {"action": action, "name": check.subject_name(person, p.name)}

    if held is None:
        if knows:
            if pending is not None and action == REISSUE:
                raise Conflict("replacement_pending", "a new card is already being made")
            raise Conflict(
                "no_card",
                f"{id_number.masked()} holds no social security card; "
                "a first card is applied for (社会保障卡申领)",
            )
    elif action == REPORT_LOSS:
        if held.status == LOST:
            raise Conflict(
                "already_lost",
                f"card {masked_card(held.card_number)} was already reported lost on "
                f"{held.since.isoformat()}",
            )
        ctx.put(_changed(held, status=LOST, since=today, origin_command=command.uuid))
        details.update(
            card=masked_card(held.card_number),
            lost_on=lost_on.isoformat() if lost_on else "",
            basis=LOSS_BASIS,
        )
    elif action == CANCEL_LOSS:
        if held.status != LOST:
            raise Conflict("not_lost", "this card is not reported lost")
        ctx.put(_changed(held, status=ACTIVE, since=today, origin_command=command.uuid))
        details.update(card=masked_card(held.card_number))
    else:
        if pending is not None:
            raise Conflict("replacement_pending", "a new card is already being made")
        if reason == "lost" and held.status != LOST:
            raise Conflict(
                "loss_not_reported",
                "the card is still in use: report the loss first, then replace it",
            )
        ctx.put(_changed(held, status=REPLACED, since=today, origin_command=command.uuid))
        ctx.put(
            SocialCardRow(
                id=new_card_id(command.uuid),
                id_number=id_number.value,
                card_number=None,
                status=REQUESTED,
                since=today,
                bank=held.bank,
                replaces=held.id,
                origin_command=command.uuid,
            )
        )
        details.update(card=masked_card(held.card_number), reason=reason, new_card=REQUESTED)

    open_case(
        ctx,
        command,
        item=item,
        catalogue_version=catalogue.version,
        case_id=command.uuid,
        materials=materials,
        details=details,
        summary=f"{item.name_zh} {details['name']}".strip(),
        id_number=id_number.value,
        ticket=p.ticket,
        window_number=p.window_number,
    )


SPEC = ItemSpec(
    kind=KIND,
    payload_type=CardStatusPayload,
    permission=Permission.ACCEPT_CASES,
    apply=apply_card_status,
    label=Text("社会保障卡挂失/补换", "Card loss report or replacement"),
    codes=(LOSS_ITEM, REISSUE_ITEM),
    documents=("result",),
    conflicts={
        "unknown_person": Text(
            "登记库中没有该身份证号码的人员", "The registry holds no person with this ID number"
        ),
        "no_card": Text(
            "该人员没有社会保障卡，请先办理社会保障卡申领",
            "This person holds no social security card; apply for a first card",
        ),
        "already_lost": Text("该卡已经挂失", "This card is already reported lost"),
        "not_lost": Text("该卡未挂失", "This card is not reported lost"),
        "loss_not_reported": Text(
            "该卡仍在使用，请先办理挂失再补领", "The card is still in use: report the loss first"
        ),
        "replacement_pending": Text("新卡正在制作中", "A new card is already being made"),
    },
    changes=lambda p: Changes(persons=frozenset({p.id_number.strip().upper()} - {""}), cases=True),
)
