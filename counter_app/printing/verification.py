"""Verification codes printed on certificates: short, typeable, with a check character.

A code is ten Crockford base-32 characters derived from the document kind, number and content
hash, grouped as ``XXXXX-XXXXX``, plus a Luhn mod-32 check character, so a mistyped
code is caught before the centre is even asked.

The certificate's QR code carries ``COUNTER-VERIFY:<code>``. ``parse_code`` accepts what a
person types and what a scanner in keyboard mode types alike: the whole QR payload or the bare
code, in any case, with or without hyphens and spaces, full-width characters (an input method
left in full-width mode), and Crockford's substitutions (O → 0, I and L → 1).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from stdnum import luhn

from counter_app.domain.errors import ValidationError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
LENGTH = 10
VERIFY_PREFIX = "COUNTER-VERIFY:"  # the certificate's QR payload: prefix + code
CASE_PREFIX = "COUNTER-CASE:"  # an acceptance receipt's QR payload: prefix + case number
NOTICE_PREFIX = "COUNTER-NOTICE:"  # a one-time notification's (no case yet): prefix + number

# Separators people and scanners put inside codes: spaces of every kind, hyphens and dashes.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212\u30fc\uff0d_·.]+")
_CROCKFORD = str.maketrans("OIL", "011")


def make_code(kind: str, number: str, content_hash: str) -> str:
    digest = int.from_bytes(
        hashlib.sha256(f"{kind}|{number}|{content_hash}".encode()).digest()[:8], "big"
    )
    body = ""
    for _ in range(LENGTH):
        digest, index = divmod(digest, 32)
        body += ALPHABET[index]
    return f"{body[:5]}-{body[5:]}{luhn.calc_check_digit(body, ALPHABET)}"


def qr_payload(code: str) -> str:
    """What the certificate's QR code holds for ``code``."""
    return f"{VERIFY_PREFIX}{code}"


def case_qr_payload(case_no: str) -> str:
    """What an acceptance receipt's QR code holds for ``case_no``: prefixed, so a scanner's
    reading cannot be taken for a certificate's code; the customer panel finds the case by it."""
    return f"{CASE_PREFIX}{case_no}"


def notice_qr_payload(notice_no: str) -> str:
    """What a one-time notification's QR code holds when no case was opened: its number,
    prefixed, so it is taken neither for a case nor for a certificate's code."""
    return f"{NOTICE_PREFIX}{notice_no}"


def _compact(text: str) -> str:
    return _SEPARATORS.sub("", text)


def strip_payload(raw: str) -> str:
    """``raw`` in canonical form (NFKC, upper case, no separators) without a QR prefix.

    Raises ``ValidationError`` (code ``wrong_document``) for an acceptance receipt's QR code and
    (code ``format``) for any other prefixed payload: those are not certificate codes.
    """
    text = _compact(unicodedata.normalize("NFKC", raw).upper())
    verify, case = _compact(VERIFY_PREFIX), _compact(CASE_PREFIX)
    if text.startswith(verify):
        return text[len(verify) :]
    if text.startswith(case):
        found = re.search(r":\s*(\S+)", unicodedata.normalize("NFKC", raw))
        raise ValidationError(
            "code",
            "wrong_document",
            "this QR code is an acceptance receipt's case number, not a certificate's code",
            {"case_no": found.group(1) if found else ""},
        )
    if ":" in text:
        raise ValidationError("code", "format", "this QR code is not a certificate's code")
    return text


def parse_code(raw: str) -> str:
    """The canonical code (``XXXXX-XXXXXC``) in ``raw``, whose check character must match.

    ``raw`` may be the QR payload or the code as typed: see the module docstring.
    """
    text = strip_payload(raw).translate(_CROCKFORD)
    if len(text) != LENGTH + 1:
        raise ValidationError(
            "code",
            "length",
            f"a verification code has {LENGTH + 1} characters, this one has {len(text)}",
            {"expected": str(LENGTH + 1), "actual": str(len(text))},
        )
    body, check = text[:LENGTH], text[LENGTH]
    bad = sorted({c for c in text if c not in ALPHABET})
    if bad:
        raise ValidationError(
            "code",
            "format",
            f"the code holds characters no code has: {''.join(bad)}",
            {"characters": "".join(bad)},
        )
    if luhn.calc_check_digit(body, ALPHABET) != check:
        raise ValidationError("code", "check_digit", "the code is mistyped (check character)")
    return f"{body[:5]}-{body[5:]}{check}"
