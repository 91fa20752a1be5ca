"""Login against the workstation cache: argon2id hashes, lock-out after five failures."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from counter_app.centre import bootstrap
from counter_app.client.workstation import Workstation
from counter_app.domain.roles import Role
from counter_app.services.auth import LOCKOUT, MAX_FAILURES, LoginFailed, authenticate


@pytest.fixture
def ws(make_workstation: Any, central_service: Any) -> Workstation:
    ws: Workstation = make_workstation("WS-A")
    central = central_service.db.owner
    bootstrap.create_user(central, "teller1", "demo-teller1", Role.TELLER, "HALL01", "张柜员")
    assert ws.sync_once().online
    return ws


@pytest.mark.parametrize("central_url", ["sqlite"], indirect=True)
def test_login_and_lockout(ws: Workstation) -> None:
    user = authenticate(ws.local, "teller1", "demo-teller1")
    assert user.role is Role.TELLER and user.display_name == "张柜员"

    now = dt.datetime(2026, 11, 24, 9, 0)
    for attempt in range(1, MAX_FAILURES):
        with pytest.raises(LoginFailed) as caught:
            authenticate(ws.local, "teller1", "wrong", now=now)
        assert caught.value.code == "bad_credentials"
        assert f"{MAX_FAILURES - attempt} attempts left" in caught.value.message
    with pytest.raises(LoginFailed) as caught:
        authenticate(ws.local, "teller1", "wrong", now=now)
    assert caught.value.code == "locked" and caught.value.locked_until == now + LOCKOUT
    # Even the right password is refused while locked, and accepted afterwards.
    with pytest.raises(LoginFailed, match="locked"):
        authenticate(ws.local, "teller1", "demo-teller1", now=now + dt.timedelta(minutes=1))
    assert (
        authenticate(ws.local, "teller1", "demo-teller1", now=now + LOCKOUT).username == "teller1"
    )


@pytest.mark.parametrize("central_url", ["sqlite"], indirect=True)
def test_unknown_users_get_the_same_answer(ws: Workstation) -> None:
    with pytest.raises(LoginFailed) as caught:
        authenticate(ws.local, "nobody", "whatever")
    assert caught.value.code == "bad_credentials"


@pytest.mark.parametrize("central_url", ["sqlite"], indirect=True)
def test_password_hashes_are_argon2id(ws: Workstation) -> None:
    from sqlalchemy.orm import Session

    from counter_app.storage.shared_models import UserRow

    with Session(ws.local) as s:
        row = s.get(UserRow, "teller1")
        assert row is not None and row.password_hash.startswith("$argon2id$")
