"""The demo e-card QR format: codes built in the test from the documented format are accepted;
expired, altered, foreign-key and damaged ones are refused with their reason."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

import pytest
from standards import gb11643_id

from counter_app.domain.ecard_qr import DemoEcardVerifier, looks_like_ecard, make_demo_code
from counter_app.domain.errors import ValidationError

KEY = b"hall-01-demo-key-0123456789"
PERSON = gb11643_id("44030519900307004")
NOW = dt.datetime(2026, 11, 30, 2, 0, tzinfo=dt.UTC)


def code(id_number: str, name: str, expires: str, key: bytes = KEY) -> str:
    """``ESSC1:<id>:<hex of the UTF-8 name>:<YYYYMMDDTHHMMSSZ>:<HMAC-SHA256 hex>``."""
    body = f"ESSC1:{id_number}:{name.encode('utf-8').hex()}:{expires}"
    return body + ":" + hmac.new(key, body.encode("ascii"), hashlib.sha256).hexdigest()


def refusal(scanned: str, now: dt.datetime = NOW) -> str:
    with pytest.raises(ValidationError) as caught:
        DemoEcardVerifier(KEY).verify(scanned, now)
    assert caught.value.field == "ecard"
    return caught.value.code


def test_a_valid_code_identifies_its_holder() -> None:
    scanned = code(PERSON, "赵敏", "20261130T020100Z")
    identity = DemoEcardVerifier(KEY).verify(scanned, NOW)
    assert (identity.id_number, identity.name) == (PERSON, "赵敏")
    assert identity.expires == dt.datetime(2026, 11, 30, 2, 1, tzinfo=dt.UTC)
    assert looks_like_ecard(scanned) and looks_like_ecard(" essc1:x")
    assert not looks_like_ecard(PERSON)


def test_the_generator_writes_the_documented_format() -> None:
    expires = dt.datetime(2026, 11, 30, 10, 1, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert make_demo_code(KEY, PERSON, "赵敏", expires) == code(PERSON, "赵敏", "20261130T020100Z")


def test_caps_lock_on_the_scanner_does_not_matter() -> None:
    scanned = code(PERSON, "赵敏", "20261130T020100Z")
    flipped = scanned.swapcase()
    assert DemoEcardVerifier(KEY).verify(flipped, NOW).name == "赵敏"


def test_an_expired_code_is_refused() -> None:
    assert refusal(code(PERSON, "赵敏", "20261130T020000Z")) == "expired"  # expires == now


def test_an_altered_or_foreign_code_is_refused() -> None:
    genuine = code(PERSON, "赵敏", "20261130T020100Z")
    other = gb11643_id("11010519851224002")
    assert refusal(genuine.replace(PERSON, other)) == "forged"
    assert refusal(genuine.replace("20261130T020100Z", "20271130T020100Z")) == "forged"
    assert (
        refusal(code(PERSON, "赵敏", "20261130T020100Z", key=b"another-hall-key-0000")) == "forged"
    )


def test_damaged_codes_and_bad_numbers() -> None:
    assert refusal("ESSC1:only:three") == "format"
    assert refusal("ESSC1:x:zz:20261130T020100Z:00") == "format"
    wrong_check = PERSON[:17] + ("0" if PERSON[17] != "0" else "1")
    assert refusal(code(wrong_check, "赵敏", "20261130T020100Z")) == "id_number"


def test_a_short_key_is_refused() -> None:
    with pytest.raises(ValueError):
        DemoEcardVerifier(b"short")
