"""The electronic social security card's QR code (电子社保卡二维码) as a way to identify a customer.

The real national code is dynamic (it changes every minute or so) and only the national
platform can verify it; its format and keys are not public. This module therefore defines
a ``EcardVerifier`` protocol the customer panel calls, so that a verifier asking the national
platform can replace the one here, and a **demo format** that shows the flow end to end:

    ESSC1:<ID number>:<name as hex of its UTF-8 bytes>:<expiry, UTC, YYYYMMDDTHHMMSSZ>:<MAC>

``MAC`` is the lower-case hex HMAC-SHA256, under the hall's demo key, of everything before the
last colon in that canonical form (prefix and ID number in capitals, name hex in lower case,
expiry as shown). The whole code is case-insensitive and plain ASCII on purpose: a
keyboard-wedge scanner types what it reads as key strokes into the panel's input field, it
cannot type Chinese characters, and Caps Lock may invert the case of every letter.

A code is refused, with a ``ValidationError`` on the field ``ecard`` whose ``code`` says why,
when it is malformed (``format``), carries an invalid ID number (``id_number``), has expired
(``expired``) or does not carry the MAC of this hall's key (``forged``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass
from typing import Protocol

from counter_app.domain.errors import ValidationError
from counter_app.domain.ids import IdNumber

PREFIX = "ESSC1"
FIELD = "ecard"
_EXPIRY_FORMAT = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True)
class EcardIdentity:
    """Who a verified code names, and until when it was valid."""

    id_number: str
    name: str
    expires: dt.datetime  # aware, UTC


class EcardVerifier(Protocol):
    """Checks a scanned code and says whom it identifies (or raises ``ValidationError``)."""

    def verify(self, scanned: str, now: dt.datetime) -> EcardIdentity: ...


def looks_like_ecard(text: str) -> bool:
    """Whether ``text`` (as typed by a scanner) is meant as an e-card code."""
    return text.strip().upper().startswith(PREFIX + ":")


def _refuse(code: str, message: str) -> ValidationError:
    return ValidationError(FIELD, code, message, {"kind": FIELD})


def _expiry_text(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("the expiry of an e-card code is an aware datetime")
    return moment.astimezone(dt.UTC).strftime(_EXPIRY_FORMAT)


def demo_body(id_number: str, name: str, expires: dt.datetime) -> str:
    """The signed part of a demo code, in its canonical form."""
    return ":".join((PREFIX, id_number.upper(), name.encode("utf-8").hex(), _expiry_text(expires)))


def demo_mac(key: bytes, body: str) -> str:
    return hmac.new(key, body.encode("ascii"), hashlib.sha256).hexdigest()


def make_demo_code(key: bytes, id_number: str, name: str, expires: dt.datetime) -> str:
    """A demo code for ``id_number`` and ``name`` valid until ``expires`` (what the demo's
    simulated phone shows)."""
    body = demo_body(id_number, name, expires)
    return f"{body}:{demo_mac(key, body)}"


class DemoEcardVerifier:
    """Verifies the demo format with the hall's key (see the module's docstring)."""

    def __init__(self, key: bytes) -> None:
        if len(key) < 16:
            raise ValueError("the e-card demo key has at least 16 bytes")
        self._key = key

    def verify(self, scanned: str, now: dt.datetime) -> EcardIdentity:
        parts = scanned.strip().split(":")
        if len(parts) != 5 or parts[0].upper() != PREFIX:
            raise _refuse("format", "this is not an electronic social security card code")
        _, raw_id, name_hex, raw_expiry, mac = parts
        try:
            name = bytes.fromhex(name_hex).decode("utf-8")
            expires = dt.datetime.strptime(raw_expiry.upper(), _EXPIRY_FORMAT).replace(
                tzinfo=dt.UTC
            )
        except ValueError:
            raise _refuse("format", "the code is damaged; ask the customer to refresh it") from None
        body = ":".join((PREFIX, raw_id.upper(), name_hex.lower(), raw_expiry.upper()))
        # The MAC is checked before anything the code says is believed.
        if not hmac.compare_digest(demo_mac(self._key, body), mac.lower()):
            raise _refuse("forged", "the code was not issued for this hall or was altered")
        if now.tzinfo is None:
            raise ValueError("e-card codes are checked against an aware time")
        if expires <= now:
            raise _refuse(
                "expired", "the code has expired; ask the customer to refresh it on the phone"
            )
        try:
            id_number = IdNumber.parse(raw_id, field=FIELD)
        except ValidationError:
            raise _refuse("id_number", "the code carries an invalid ID number") from None
        if not name.strip():
            raise _refuse("format", "the code carries no name")
        return EcardIdentity(id_number.value, name, expires)
