"""Every command kind the system knows, in one explicit tuple.

No registration by import side effects: a new item package adds its ``SPEC`` here (and, if
it declares tables, its models module to ``storage.model_registry``). The command bus, the
centre's apply, the service's intake, the teller window's tabs, the labels, the frozen
bundle's hidden imports and the completeness tests all read this tuple.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from counter_app.items import (
    account_refund,
    admin,
    back_payment,
    base_declaration,
    card_status,
    catalogue_publish,
    certificate_issue,
    complaint,
    consultation,
    employer_register,
    flexible_payment,
    generic_case,
    medical_reimbursement,
    pension_transfer,
    person_change,
    person_enroll,
    person_reveal,
    retirement,
    staff_change,
)
from counter_app.items.spec import ItemSpec

# Catalogue items with a form and handler of their own (each names its catalogue codes).
ITEM_SPECS: tuple[ItemSpec[Any], ...] = (
    person_enroll.SPEC,
    certificate_issue.SPEC,
    employer_register.SPEC,
    person_change.SPEC,
    staff_change.SPEC,
    base_declaration.SPEC,
    flexible_payment.SPEC,
    back_payment.SPEC,
    account_refund.SPEC,
    pension_transfer.SPEC,
    card_status.SPEC,
    retirement.SPEC,
    medical_reimbursement.SPEC,
    consultation.SPEC,
    complaint.SPEC,
)

# Every command kind: the items above, the generic intake (every other catalogue item, from
# its data) and the commands that are not catalogue items.
COMMAND_SPECS: tuple[ItemSpec[Any], ...] = (
    *ITEM_SPECS,
    generic_case.ACCEPT_SPEC,
    generic_case.SUPPLEMENT_SPEC,
    complaint.ANSWER_SPEC,
    catalogue_publish.SPEC,
    admin.USER_SPEC,
    admin.HALL_SPEC,
    person_reveal.SPEC,
)


def _index(specs: Iterable[ItemSpec[Any]]) -> dict[str, ItemSpec[Any]]:
    index: dict[str, ItemSpec[Any]] = {}
    for spec in specs:
        if spec.kind in index:
            raise ValueError(f"command kind {spec.kind!r} is listed twice")
        index[spec.kind] = spec
    return index


_BY_KIND = _index(COMMAND_SPECS)


def spec_for(kind: str) -> ItemSpec[Any]:
    """The spec of command ``kind``; ``LookupError`` for a kind nobody declared."""
    try:
        return _BY_KIND[kind]
    except KeyError:
        raise LookupError(f"unknown command kind {kind!r}") from None


def spec_for_item(item_code: str, handler: str | None) -> ItemSpec[Any]:
    """The spec that accepts catalogue item ``item_code`` (its own or the generic intake)."""
    if handler:
        return spec_for(handler)
    return generic_case.ACCEPT_SPEC


def item_modules() -> tuple[str, ...]:
    """The modules holding the specs (the frozen bundle's hidden imports)."""
    return tuple(sorted({spec.apply.__module__ for spec in COMMAND_SPECS}))
