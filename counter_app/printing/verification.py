"""Verification codes printed on certificates: short, typeable, with a check character.

A code is ten Crockford base-32 characters derived from the document kind, number and content
hash, grouped as ``XXXXX-XXXXX``, plus a Luhn mod-32 check character, so a mistyped
code is caught before the centre is even asked.
"""

from __future__ import annotations

import hashlib

from stdnum import luhn

from counter_app.domain.errors import ValidationError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
LENGTH = 10


def make_code(kind: str, number: str, content_hash: str) -> str:
    digest = int.from_bytes(
        hashlib.sha256(f"{kind}|{number}|{content_hash}".encode()).digest()[:8], "big"
    )
    body = ""
    for _ in range(LENGTH):
        digest, index = divmod(digest, 32)
        body += ALPHABET[index]
    return f"{body[:5]}-{body[5:]}{luhn.calc_check_digit(body, ALPHABET)}"


def parse_code(raw: str) -> str:
    """Normalise a typed code (case, spaces, O→0, I/L→1) and check its check character."""
    text = raw.strip().upper().replace(" ", "").replace("-", "")
    text = text.translate(str.maketrans("OIL", "011"))
    if len(text) != LENGTH + 1:
        raise ValidationError("code", "length", "a verification code has 11 characters")
    body, check = text[:LENGTH], text[LENGTH]
    if any(c not in ALPHABET for c in body):
        raise ValidationError("code", "format", "the code holds an invalid character")
    if check not in ALPHABET or luhn.calc_check_digit(body, ALPHABET) != check:
        raise ValidationError("code", "check_digit", "the code is mistyped (check character)")
    return f"{body[:5]}-{body[5:]}{check}"
