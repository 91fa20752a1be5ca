"""Roles and what each may do.

Authority in the hall is graded: a teller accepts and finishes routine items, a reviewer does
the second check, a supervisor approves and authorizes, an admin manages users and set-up.
Services check ``Permission`` before acting; the UI only uses the same table to decide what
to offer, so hiding a button is never the only guard.
"""

from __future__ import annotations

from enum import StrEnum

from counter_app.domain.errors import PermissionDenied


class Role(StrEnum):
    TELLER = "teller"
    REVIEWER = "reviewer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Permission(StrEnum):
    SERVE_CUSTOMERS = "serve_customers"  # call tickets, identify customers
    ACCEPT_CASES = "accept_cases"  # accept any front-office item
    REVIEW_CASES = "review_cases"  # second-level check (二级复核)
    APPROVE_CASES = "approve_cases"  # third-level approval (三级审批)
    AUTHORIZE = "authorize"  # on-the-spot authorization (授权)
    VIEW_FULL_ID = "view_full_id"  # unmasked ID numbers (logged)
    MANAGE_USERS = "manage_users"
    SYNC = "sync"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.TELLER: frozenset({Permission.SERVE_CUSTOMERS, Permission.ACCEPT_CASES, Permission.SYNC}),
    Role.REVIEWER: frozenset({Permission.REVIEW_CASES, Permission.VIEW_FULL_ID, Permission.SYNC}),
    Role.SUPERVISOR: frozenset(
        {
            Permission.REVIEW_CASES,
            Permission.APPROVE_CASES,
            Permission.AUTHORIZE,
            Permission.VIEW_FULL_ID,
            Permission.SERVE_CUSTOMERS,
            Permission.ACCEPT_CASES,
            Permission.SYNC,
        }
    ),
    Role.ADMIN: frozenset({Permission.MANAGE_USERS, Permission.SYNC}),
}


def permissions_of(role: Role) -> frozenset[Permission]:
    return ROLE_PERMISSIONS[role]


def require(actor: str, role: Role, permission: Permission) -> None:
    """Raise ``PermissionDenied`` unless ``role`` grants ``permission``."""
    if permission not in ROLE_PERMISSIONS[role]:
        raise PermissionDenied(actor, permission.value)
