"""Showing a customer's ID number or phone in full (``person.reveal``): a journaled permission.

Screens show ID numbers and phones masked (110105********002X, 138****8000). Seeing one in
full is allowed to roles holding ``VIEW_FULL_ID`` (reviewers and supervisors) and is recorded:
the window sends this command, with the reason given, before it shows the value. The command
writes no row; its journal entry — who, at which workstation, when, whose number and why — is
the record. At the centre it is refused for a person the registry does not hold (a workstation
may show someone found only centrally, so the cache cannot say "unknown").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from counter_app.domain.commands import Command
from counter_app.domain.errors import Conflict, ValidationError
from counter_app.domain.ids import IdNumber
from counter_app.domain.roles import Permission
from counter_app.items.apply_context import ApplyContext
from counter_app.items.spec import ItemSpec, Text
from counter_app.storage.shared_models import PersonRow

KIND = "person.reveal"
WHATS = ("id_number", "phone")
MAX_REASON = 200


@dataclass(frozen=True)
class RevealPayload:
    id_number: str
    what: Literal["id_number", "phone"]
    reason: str


def apply_reveal(ctx: ApplyContext, command: Command, payload: RevealPayload) -> None:
    IdNumber.parse(payload.id_number)
    reason = payload.reason.strip()
    if not reason:
        raise ValidationError("reason", "required", "say why the full value is needed")
    if len(reason) > MAX_REASON:
        raise ValidationError("reason", "length", "the reason is too long")
    if ctx.side == "central" and ctx.get(PersonRow, payload.id_number) is None:
        raise Conflict("unknown_person", "the registry holds no person with this ID number")


SPEC = ItemSpec(
    batchable=True,  # reads through ctx.get, writes through ctx.put only
    kind=KIND,
    payload_type=RevealPayload,
    permission=Permission.VIEW_FULL_ID,
    apply=apply_reveal,
    label=Text("查看完整证件号码或电话", "Full ID number or phone shown"),
    conflicts={
        "unknown_person": Text("登记库中没有该身份证号码的人员", "No person with this ID number"),
    },
)
