"""Administrative commands: halls, windows and staff users travel through the journal too.

That way a workstation learns its users by pulling (and can log them in while offline), and
every change to who may do what is in the hash-chained audit trail. Password *hashes* travel,
never passwords.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.commands import Command
from counter_app.domain.errors import ValidationError
from counter_app.domain.roles import Permission, Role
from counter_app.items.apply_context import ApplyContext
from counter_app.items.spec import Changes, ItemSpec, Text
from counter_app.storage.shared_models import HallRow, UserRow, WindowRow

USER_UPSERT = "admin.user_upsert"
HALL_UPSERT = "admin.hall_upsert"


@dataclass(frozen=True)
class UserUpsert:
    username: str
    role: str
    hall_code: str
    password_hash: str
    display_name: str = ""
    active: bool = True


@dataclass(frozen=True)
class WindowSetting:
    number: int
    label: str = ""


@dataclass(frozen=True)
class HallUpsert:
    code: str
    name: str = ""
    windows: tuple[WindowSetting, ...] = ()


def apply_user_upsert(ctx: ApplyContext, command: Command, p: UserUpsert) -> None:
    username = p.username.strip()
    if not username or len(username) > 50:
        raise ValidationError("username", "format", "a username has 1 to 50 characters")
    try:
        role = Role(p.role)
    except ValueError:
        raise ValidationError("role", "choice", f"unknown role {p.role!r}") from None
    if not p.password_hash.startswith("$argon2id$"):
        raise ValidationError("password_hash", "format", "users need an argon2id password hash")
    if ctx.get(HallRow, p.hall_code) is None:
        raise ValidationError("hall_code", "unknown", f"no hall {p.hall_code!r}")
    ctx.put(
        UserRow(
            username=username,
            display_name=p.display_name or username,
            role=role.value,
            hall_code=p.hall_code,
            password_hash=p.password_hash,
            active=p.active,
        )
    )


def apply_hall_upsert(ctx: ApplyContext, command: Command, p: HallUpsert) -> None:
    code = p.code.strip()
    if not code:
        raise ValidationError("code", "required", "a hall needs a code")
    ctx.put(HallRow(code=code, name=p.name or code))
    for window in p.windows:
        if not 1 <= window.number <= 999:
            raise ValidationError("windows", "range", "window numbers run from 1 to 999")
        ctx.put(WindowRow(hall_code=code, number=window.number, label=window.label))


USER_SPEC = ItemSpec(
    kind=USER_UPSERT,
    payload_type=UserUpsert,
    permission=Permission.MANAGE_USERS,
    apply=apply_user_upsert,
    label=Text("用户设置", "User account set"),
    scope="*",
)
HALL_SPEC = ItemSpec(
    kind=HALL_UPSERT,
    payload_type=HallUpsert,
    permission=Permission.MANAGE_USERS,
    apply=apply_hall_upsert,
    label=Text("大厅设置", "Hall set up"),
    scope="*",
    changes=lambda _p: Changes(),
)
