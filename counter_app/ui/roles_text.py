"""Translated names of roles, categories and insurance types for display."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.domain.roles import Role


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def role_label(role: Role) -> str:
    return {
        Role.TELLER: _tr("Teller"),
        Role.REVIEWER: _tr("Reviewer"),
        Role.SUPERVISOR: _tr("Supervisor"),
        Role.ADMIN: _tr("Administrator"),
    }[role]


def insurance_label(code: str) -> str:
    return {
        "pension": _tr("Pension"),
        "medical": _tr("Medical"),
        "unemployment": _tr("Unemployment"),
        "work_injury": _tr("Work injury"),
        "maternity": _tr("Maternity"),
    }.get(code, code)


def category_label(code: str) -> str:
    return {
        "employee": _tr("Employee"),
        "flexible": _tr("Flexible employment"),
        "resident": _tr("Urban and rural resident"),
    }.get(code, code)


def sex_label(code: str) -> str:
    return {"M": _tr("Male"), "F": _tr("Female")}.get(code, code)


def outbox_status_label(code: str) -> str:
    return {
        "pending": _tr("Pending sync"),
        "applied": _tr("Confirmed"),
        "rejected": _tr("Rejected"),
    }.get(code, code)


def case_status_label(code: str) -> str:
    return {
        "accepted": _tr("Accepted"),
        "in_review": _tr("In review"),
        "in_approval": _tr("In approval"),
        "returned": _tr("Returned"),
        "completed": _tr("Completed"),
        "rejected": _tr("Rejected"),
    }.get(code, code)


def kind_label(kind: str) -> str:
    return {
        "person.enroll": _tr("Individual enrollment"),
        "admin.user_upsert": _tr("User account"),
        "admin.hall_upsert": _tr("Hall set-up"),
    }.get(kind, kind)
