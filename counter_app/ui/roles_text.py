"""Translated names of roles, categories and insurance types for display."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.domain.roles import Role

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
    }.get(code, code)


def category_label(code: str) -> str:
    return {
        "employee": translate("Labels", "Employee"),
        "flexible": translate("Labels", "Flexible employment"),
        "resident": translate("Labels", "Urban and rural resident"),
    }.get(code, code)


def sex_label(code: str) -> str:
    return {"M": translate("Labels", "Male"), "F": translate("Labels", "Female")}.get(code, code)


def outbox_status_label(code: str) -> str:
    return {
        "pending": translate("Labels", "Pending sync"),
        "applied": translate("Labels", "Confirmed"),
        "rejected": translate("Labels", "Rejected"),
    }.get(code, code)


def case_status_label(code: str) -> str:
    return {
        "accepted": translate("Labels", "Accepted"),
        "in_review": translate("Labels", "In review"),
        "in_approval": translate("Labels", "In approval"),
        "returned": translate("Labels", "Returned"),
        "completed": translate("Labels", "Completed"),
        "rejected": translate("Labels", "Rejected"),
    }.get(code, code)


def kind_label(kind: str) -> str:
    return {
        "person.enroll": translate("Labels", "Individual enrollment"),
        "admin.user_upsert": translate("Labels", "User account"),
        "admin.hall_upsert": translate("Labels", "Hall set-up"),
    }.get(kind, kind)
