"""Display labels of the codes the screens show: roles, categories, statuses, kinds, states.

Every label exists in English (the ``translate()`` source) and in Chinese (the ``.ts`` file);
a code must never reach the screen as it is stored. Labels that come from configuration
(queue categories) carry their own forms per language and are picked with ``i18n.localized``.
An unknown code gets a generic translated label, never the raw code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from counter_app.catalogue.load import shipped_catalogue
from counter_app.config import queue_category_names
from counter_app.domain.roles import Role
from counter_app.items.registry import spec_for
from counter_app.printing.jobs import FailureReason, JobStatus
from counter_app.services.queries import BusinessItem, CaseSummary
from counter_app.ui.i18n import current_language, localized

translate = QCoreApplication.translate


def role_label(role: Role) -> str:
    return {
        Role.TELLER: translate("Labels", "Teller"),
        Role.REVIEWER: translate("Labels", "Reviewer"),
        Role.SUPERVISOR: translate("Labels", "Supervisor"),
        Role.ADMIN: translate("Labels", "Administrator"),
    }[role]


def insurance_label(code: str) -> str:
    return {
        "pension": translate("Labels", "Pension"),
        "medical": translate("Labels", "Medical"),
        "unemployment": translate("Labels", "Unemployment"),
        "work_injury": translate("Labels", "Work injury"),
        "maternity": translate("Labels", "Maternity"),
    }.get(code) or translate("Labels", "Other insurance")


def category_label(code: str) -> str:
    return {
        "employee": translate("Labels", "Employee"),
        "flexible": translate("Labels", "Flexible employment"),
        "resident": translate("Labels", "Urban and rural resident"),
    }.get(code) or translate("Labels", "Other category")


def sex_label(code: str) -> str:
    return {"M": translate("Labels", "Male"), "F": translate("Labels", "Female")}.get(code, code)


def outbox_status_label(code: str) -> str:
    return {
        "pending": translate("Labels", "Pending sync"),
        "applied": translate("Labels", "Confirmed"),
        "rejected": translate("Labels", "Rejected"),
        "quarantined": translate("Labels", "Quarantined"),
    }.get(code) or translate("Labels", "Unknown state")


def case_status_label(code: str) -> str:
    return {
        "materials_pending": translate("Labels", "Materials pending"),
        "accepted": translate("Labels", "Accepted"),
        "in_review": translate("Labels", "In review"),
        "in_approval": translate("Labels", "In approval"),
        "returned": translate("Labels", "Returned"),
        "completed": translate("Labels", "Completed"),
        "rejected": translate("Labels", "Rejected"),
    }.get(code) or translate("Labels", "Unknown state")


def certificate_label(kind: str) -> str:
    """A certificate kind (``proof_personal`` …)."""
    return {
        "proof_personal": translate("Labels", "Personal proof of insurance"),
        "proof_employer": translate("Labels", "Employer proof of insurance"),
    }.get(kind) or translate("Labels", "Proof of insurance")


def kind_label(kind: str, detail_kind: str = "") -> str:
    """A command kind as the Sync tab names it (from its ``ItemSpec``); ``detail_kind``
    refines a certificate."""
    if kind == "certificate.issue" and detail_kind:
        return certificate_label(detail_kind)
    try:
        label = spec_for(kind).label
    except LookupError:
        return translate("Labels", "Other business")
    return text_of(label.zh, label.en)


def item_label(item_code: str) -> str:
    """A case's catalogue item (``REG-PERSON`` …), named by the shipped catalogue."""
    item = shipped_catalogue().find(item_code)
    if item is None:
        return translate("Labels", "Other business")
    return text_of(item.name_zh, item.name_en)


def text_of(zh: str, en: str) -> str:
    """Pick the form of a data label (catalogue, item spec) for the UI language."""
    return zh if current_language().startswith("zh") else en


def business_type_label(business_type: str) -> str:
    """The type column of today's business: a case or a certificate."""
    return {
        "case": translate("Labels", "Case"),
        "certificate": translate("Labels", "Certificate"),
    }.get(business_type) or translate("Labels", "Other business")


def business_label(item: BusinessItem) -> str:
    """What was done: the case's item, or the certificate's kind."""
    if item.type == "certificate":
        return certificate_label(item.item)
    return item_label(item.item)


def business_status_label(item: BusinessItem) -> str:
    if item.type == "certificate":
        return {
            "issued": translate("Labels", "Issued"),
            "pending": translate("Labels", "Pending sync"),
        }.get(item.status) or translate("Labels", "Unknown state")
    return case_status_label(item.status)


def case_line(case: CaseSummary) -> str:
    """One line of a person's case history: date, item, name, state and number."""
    number = case.case_no or translate("Labels", "number pending")
    parts = [
        f"{case.accepted_at:%Y-%m-%d}",
        " ".join(p for p in (item_label(case.item_code), case.subject_name) if p),
        case_status_label(case.status),
        number,
    ]
    return " · ".join(parts)


def document_label(kind: str) -> str:
    """A printed document's kind (``acceptance_receipt`` …)."""
    return {
        "queue_ticket": translate("Labels", "Queue ticket"),
        "acceptance_receipt": translate("Labels", "Acceptance receipt"),
        "one_time_notice": translate("Labels", "One-time notice of missing materials"),
        "proof_personal": translate("Labels", "Personal proof of insurance"),
        "proof_employer": translate("Labels", "Employer proof of insurance"),
        "result_notice": translate("Labels", "Result notice"),
        "result_slip": translate("Labels", "Result slip"),
        "payment_receipt": translate("Labels", "Payment receipt"),
        "day_summary": translate("Labels", "Teller's day summary"),
    }.get(kind) or translate("Labels", "Other document")


def print_state_label(status: str) -> str:
    """A print job's state."""
    return {
        JobStatus.QUEUED.value: translate("Labels", "Queued"),
        JobStatus.PRINTED.value: translate("Labels", "Printed"),
        JobStatus.FAILED.value: translate("Labels", "Failed"),
    }.get(status) or translate("Labels", "Unknown state")


def print_failure_text(reason: FailureReason | None) -> str:
    """Why a print job failed, in words a teller can act on ("" when it did not fail)."""
    if reason is None:
        return ""
    return {
        FailureReason.TIMEOUT: translate("Labels", "The printer did not answer in time."),
        FailureReason.UNREACHABLE: translate(
            "Labels", "The printer cannot be reached: is it on, connected and online?"
        ),
        FailureReason.CANNOT_WRITE: translate("Labels", "The print file cannot be written."),
        FailureReason.DEVICE: translate("Labels", "The USB or serial printer reported an error."),
        FailureReason.OTHER: translate("Labels", "The printer reported an error."),
    }[reason]


def rating_label(level: int) -> str:
    """A satisfaction rating on the five-level scale (GB/T 39734)."""
    return {
        5: translate("Labels", "Very satisfied"),
        4: translate("Labels", "Satisfied"),
        3: translate("Labels", "Fairly satisfied"),
        2: translate("Labels", "Dissatisfied"),
        1: translate("Labels", "Very dissatisfied"),
    }.get(level) or translate("Labels", "Unknown rating")


def queue_category_label(queue: Mapping[str, Any], code: str) -> str:
    """A queue category's name in the UI language, from the workstation's ``[queue]`` table."""
    forms = queue_category_names(dict(queue)).get(code)
    return localized(forms, code) if forms else code


def join_labels(labels: Iterable[str]) -> str:
    """A list of labels joined the way the UI language writes lists (顿号 in Chinese)."""
    return ("、" if current_language().startswith("zh") else ", ").join(labels)
