"""``ItemSpec``: everything the system needs to know about one kind of command, in one place.

A spec names the command kind, the catalogue items it serves, its typed payload (a frozen
dataclass, validated and (de)serialised by pydantic's ``TypeAdapter`` so a handler never reads
a ``dict`` back with ``.get``), the permission it needs, the ``apply`` that runs on both sides
(optimistically against the cache, then for real at the centre), the documents it prints, its
labels and the texts of the conflicts it may raise, and how the centre may apply it in a pushed
batch (``batchable``, ``reads``). Specs are collected in one explicit tuple
(``counter_app.items.registry``) — no registration by import side effects — and the teller
window's tabs, the labels, the frozen bundle's hidden imports and the completeness tests all
iterate that tuple.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Generic, Literal, TypeVar

from pydantic import TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from counter_app.domain.commands import Command
from counter_app.domain.roles import Permission
from counter_app.items.apply_context import ApplyContext
from counter_app.storage.base import SharedBase

P = TypeVar("P")

Document = Literal["receipt", "notice", "result", "certificate"]


class MalformedPayload(ValueError):
    """A command's payload does not fit its kind's payload type (never a business error)."""


@dataclass(frozen=True)
class Text:
    """A label in both languages (the screens pick one by the current language)."""

    zh: str
    en: str


# Conflicts several items raise, worded once.
UNKNOWN_EMPLOYER = Text(
    "没有该统一社会信用代码的参保单位", "No insured employer has this credit code"
)
UNKNOWN_PERSON = Text(
    "登记库中没有该身份证号码的人员", "The registry holds no person with this ID number"
)


@dataclass(frozen=True)
class Changes:
    """What a completed operation changed (as Anki's ``OpChanges``): screens showing any of
    it re-read their data instead of being told by hand-wired calls."""

    persons: frozenset[str] = frozenset()  # ID numbers
    employers: frozenset[str] = frozenset()  # credit codes
    cases: bool = False
    certificates: bool = False
    catalogue: bool = False
    contributions: bool = False


@dataclass(frozen=True)
class ItemSpec(Generic[P]):
    kind: str
    payload_type: type[P]
    permission: Permission
    apply: Callable[[ApplyContext, Command, P], None]
    label: Text
    # Catalogue item codes this spec serves; () for commands that are not catalogue items
    # (administration, catalogue publishing, …). The generic intake serves every item of the
    # catalogue that names no handler of its own; it lists none here.
    codes: tuple[str, ...] = ()
    generic: bool = False
    # "hall": journal entries go to the workstations of the command's hall; "*": to all.
    scope: Literal["hall", "*"] = "hall"
    documents: tuple[Document, ...] = ()
    conflicts: Mapping[str, Text] = field(default_factory=dict)
    changes: Callable[[P], Changes] = field(default=lambda _p: Changes())
    # Whether the centre may apply the command in its batch's shared write set, without a
    # savepoint of its own: true only for an ``apply`` that reads shared rows only through
    # ``ctx.get`` (and ``ctx.catalogue``) and writes only through ``ctx.put`` and
    # ``ctx.next_number`` — never ``ctx.session``, whose queries would not see the batch's
    # writes. False (the default) keeps the savepoint per command.
    batchable: bool = False
    # The rows (model, primary key) the command will read or put, if known from its payload:
    # the centre loads them for a whole batch with one query per model. A key missed here is
    # looked up when it is asked for; one listed but not used costs nothing more.
    reads: Callable[[Command, P], Iterable[tuple[type[SharedBase], tuple[Any, ...]]]] | None = None

    @cached_property
    def _adapter(self) -> TypeAdapter[P]:
        return TypeAdapter(self.payload_type)

    def scope_of(self, command: Command) -> str:
        return "*" if self.scope == "*" else f"hall:{command.hall_code}"

    def decode(self, payload: Mapping[str, Any]) -> P:
        """The typed payload of a command. One that does not fit its type is not a business
        refusal but a damaged or foreign command: ``MalformedPayload`` (the service answers
        ``malformed_payload`` and records nothing; the workstation sets the row aside)."""
        try:
            return self._adapter.validate_python(dict(payload))
        except PydanticValidationError as exc:
            where = ", ".join(
                ".".join(str(part) for part in err["loc"]) or "payload" for err in exc.errors()
            )
            raise MalformedPayload(
                f"{self.kind} payload does not fit its type at: {where}"
            ) from None

    def encode(self, payload: P) -> dict[str, Any]:
        """The JSON form of ``payload`` (what the outbox and the journal keep)."""
        data = self._adapter.dump_python(payload, mode="json")
        assert isinstance(data, dict)
        return data

    def run(self, ctx: ApplyContext, command: Command) -> None:
        """Decode the command's payload and apply it."""
        self.apply(ctx, command, self.decode(command.payload))

    def keys_read(self, command: Command) -> list[tuple[type[SharedBase], tuple[Any, ...]]]:
        """The rows ``reads`` names for ``command`` (none when it has no hook or the payload
        does not decode: the handler will tell)."""
        if self.reads is None:
            return []
        try:
            return list(self.reads(command, self.decode(command.payload)))
        except Exception:  # a bad payload is answered when it is applied
            return []

    def command_changes(self, command: Command) -> Changes:
        return self.changes(self.decode(command.payload))
