"""Administrative commands: halls, windows and staff users travel through the journal too.

That way a workstation learns its users by pulling (and can log them in while offline), and
every change to who may do what is in the hash-chained audit trail. Password *hashes* travel,
never passwords.
"""

from __future__ import annotations

from counter_app.domain.commands import Command
from counter_app.domain.errors import ValidationError
from counter_app.domain.roles import Permission, Role
from counter_app.services.apply_context import ApplyContext
from counter_app.services.handlers import Handler, register
from counter_app.storage.shared_models import HallRow, UserRow, WindowRow

USER_UPSERT = "admin.user_upsert"
HALL_UPSERT = "admin.hall_upsert"


def apply_user_upsert(ctx: ApplyContext, command: Command) -> None:
    p = command.payload
    username = str(p.get("username", "")).strip()
    if not username or len(username) > 50:
        raise ValidationError("username", "format", "a username has 1 to 50 characters")
    try:
        role = Role(str(p.get("role")))
    except ValueError:
        raise ValidationError("role", "choice", f"unknown role {p.get('role')!r}") from None
    password_hash = str(p.get("password_hash", ""))
    if not password_hash.startswith("$argon2id$"):
        raise ValidationError("password_hash", "format", "users need an argon2id password hash")
    if ctx.get(HallRow, p["hall_code"]) is None:
        raise ValidationError("hall_code", "unknown", f"no hall {p['hall_code']!r}")
    ctx.put(
        UserRow(
            username=username,
            display_name=str(p.get("display_name") or username),
            role=role.value,
            hall_code=str(p["hall_code"]),
            password_hash=password_hash,
            active=bool(p.get("active", True)),
        )
    )


def apply_hall_upsert(ctx: ApplyContext, command: Command) -> None:
    p = command.payload
    code = str(p.get("code", "")).strip()
    if not code:
        raise ValidationError("code", "required", "a hall needs a code")
    ctx.put(HallRow(code=code, name=str(p.get("name") or code)))
    for window in p.get("windows", []):
        number = int(window["number"])
        if not 1 <= number <= 999:
            raise ValidationError("windows", "range", "window numbers run from 1 to 999")
        ctx.put(WindowRow(hall_code=code, number=number, label=str(window.get("label", ""))))


register(
    Handler(
        kind=USER_UPSERT, permission=Permission.MANAGE_USERS, apply=apply_user_upsert, scope="*"
    )
)
register(
    Handler(
        kind=HALL_UPSERT, permission=Permission.MANAGE_USERS, apply=apply_hall_upsert, scope="*"
    )
)
