"""The central password lives in the keyring; every keyring failure gets advice, not a trace."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from counter_app.keyring_store import (
    SecretStoreUnavailable,
    get_central_password,
    set_central_password,
)

URL = "postgresql://counter@db.example.org:5432/counter"


def test_round_trip_through_the_selected_backend(memory_keyring: object) -> None:
    set_central_password(URL, "s3cret")
    assert get_central_password(URL) == "s3cret"
    with pytest.raises(SecretStoreUnavailable):  # another account has no password
        get_central_password(URL.replace("counter@", "other@"))


def test_missing_password_says_how_to_store_it() -> None:
    with pytest.raises(SecretStoreUnavailable, match="set-central-password"):
        get_central_password(URL)


def test_no_keyring_at_all_gives_advice() -> None:
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(SecretStoreUnavailable, match="No usable system keyring"):
        get_central_password(URL)
    with pytest.raises(SecretStoreUnavailable, match="No usable system keyring"):
        set_central_password(URL, "x")
