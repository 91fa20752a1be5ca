"""Identity numbers: the 18-digit resident ID number and the unified social credit code.

Both are validated here, from the published standards, and wrapped in small immutable value
objects so that an unvalidated string cannot reach a service:

* the resident ID number (公民身份号码, GB 11643-1999): six-digit address code (GB/T 2260),
  eight-digit birth date, three-digit sequence (odd: male, even: female) and an
  ISO 7064 MOD 11-2 check character (``0``-``9`` or ``X``);
* the unified social credit code (统一社会信用代码, GB 32100-2015): registration authority,
  organisation category, six-digit region code, a nine-character organisation code that is
  itself checked (GB 11714-1997) and a MOD 31 check character.

Every refusal is a ``ValidationError`` whose ``code`` names the part that is wrong
(``character``, ``length``, ``format``, ``region``, ``birth_date``, ``check_digit``,
``authority``, ``category``, ``org_code_check``) and whose ``params`` carry the details, with
``params["kind"]`` saying which number it was (``id_number`` or ``credit_code``), so the UI can
word the message for the number the person typed whatever the form field is called.

Input is normalised before it is checked: full-width characters (an input method left in
full-width mode) are folded to their ASCII forms, spaces, hyphens and invisible format
characters are dropped, and letters are upper-cased. Other look-alike characters such as
superscript or circled digits are refused, naming the character and its position.

The checksums are computed here with the ISO 7064 recursive form rather than with
python-stdnum: its ``cn.ric.calc_check_digit`` expects the number *with* its check digit,
and its ``cn.uscc.validate`` refuses the registration authorities ``A``, ``N`` and ``Y``.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from counter_app.domain.errors import ValidationError

DIGITS = "0123456789"

# Province-level codes of GB/T 2260 (the first two digits of every address code):
# 11-15 North, 21-23 North-East, 31-37 East, 41-46 Central-South, 50-54 South-West,
# 61-65 North-West, 71 Taiwan, 81 Hong Kong, 82 Macao.
MAINLAND_PROVINCES = frozenset({
    "11", "12", "13", "14", "15",
    "21", "22", "23",
    "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46",
    "50", "51", "52", "53", "54",
    "61", "62", "63", "64", "65",
})  # fmt: skip
PROVINCES = MAINLAND_PROVINCES | {"71", "81", "82"}

# Residence permits for residents of Hong Kong, Macao and Taiwan (港澳台居民居住证, State
# Council rules of 2018) carry ID numbers in the GB 11643 format with the address codes
# 810000 (Hong Kong), 820000 (Macao) and 830000 (Taiwan); 83 is not in GB/T 2260 itself.
PERMIT_PREFIXES = frozenset({"81", "82", "83"})

# The 2023 foreigners' permanent residence ID card (外国人永久居留身份证, issued from
# 1 December 2023) has an 18-character number in the GB 11643 layout and with its check digit:
# first digit 9 (foreigner), digits 2-3 the province of the issuing office, digits 4-6 the
# nationality code, then birth date, sequence (odd: male, even: female) and check digit.
# Such numbers are accepted when digits 2-3 are a mainland province code.
FOREIGNER_MARK = "9"

# GB 32100-2015 character set: digits and capital letters except I, O, S, V and Z.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"

# Registration authorities (登记管理部门代码, first character of a credit code): 1 机构编制,
# 5 民政, 9 工商 and Y 其他 in GB 32100-2015; 2 外交, 3 司法行政, 4 文化, 6 旅游, 7 宗教,
# 8 工会, A 中央军委改革和编制办公室 and N 农业 assigned since. The category (second character)
# is a digit whose meaning depends on the authority; its tables grow with new kinds of
# registration, so only "a digit from 1 to 9" is checked.
USCC_AUTHORITIES = frozenset("123456789ANY")

# Region codes of credit codes: a GB/T 2260 code, or 100000 for bodies registered nationally.
USCC_REGION_PREFIXES = PROVINCES | {"10"}

_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_DROPPED = frozenset(" -")


class Sex(StrEnum):
    """Sex as recorded on the resident ID (the 17th digit: odd male, even female)."""

    MALE = "M"
    FEMALE = "F"


class Holder(StrEnum):
    """Which card an ID number in the GB 11643 layout belongs to (from its first digits)."""

    RESIDENT = "resident"  # 居民身份证
    HMT_RESIDENCE_PERMIT = "hmt_residence_permit"  # 港澳台居民居住证
    FOREIGN_PERMANENT_RESIDENT = "foreign_permanent_resident"  # 外国人永久居留身份证


def normalise(raw: str) -> str:
    """Fold full-width forms to ASCII and drop spaces, hyphens and invisible characters.

    Letters keep their case; callers upper-case after checking the characters, so that an
    error can name the character exactly as it was typed.
    """
    if not isinstance(raw, str):
        raise TypeError(f"an identity number is text, not {type(raw).__name__}")
    folded = raw.translate(_FULL_WIDTH)
    return "".join(
        c
        for c in folded
        if c not in _DROPPED and not c.isspace() and unicodedata.category(c) != "Cf"
    )


def resident_check_digit(first17: str) -> str:
    """The GB 11643-1999 check character of 17 digits (ISO 7064 MOD 11-2)."""
    if len(first17) != 17 or any(c not in DIGITS for c in first17):
        raise ValueError("a resident ID check digit is computed from 17 ASCII digits")
    # ISO 7064 pure system MOD 11-2, recursive form: equivalent to the weights 2^(18-j) mod 11.
    p = 0
    for c in first17:
        p = (p + int(c)) * 2 % 11
    check = (1 - p) % 11  # so that the weighted sum including the check is 1 mod 11
    return "X" if check == 10 else str(check)


def organisation_check_character(body8: str) -> str:
    """The GB 11714-1997 check character of an 8-character organisation code body."""
    if len(body8) != 8 or any(c not in DIGITS and not ("A" <= c <= "Z") for c in body8):
        raise ValueError("an organisation code body is 8 digits or capital letters")
    # Weights 3 7 9 10 5 8 4 2 are 2^(9-i) mod 11; letters count A=10 ... Z=35.
    s = 0
    for c in body8:
        s = (s + int(c, 36)) * 2 % 11
    check = (11 - s) % 11  # 11 - (sum mod 11); 11 is written 0 and 10 is written X
    return "X" if check == 10 else str(check)


def uscc_check_character(first17: str) -> str:
    """The GB 32100-2015 check character of the first 17 characters of a credit code."""
    if len(first17) != 17 or any(c not in USCC_ALPHABET for c in first17):
        raise ValueError("a credit code check is computed from 17 characters of its alphabet")
    # Weights 3^(i-1) mod 31, summed from the right by Horner's rule.
    s = 0
    for c in reversed(first17):
        s = (s * 3 + USCC_ALPHABET.index(c)) % 31
    return USCC_ALPHABET[(31 - s) % 31]


def _refuse_characters(text: str, allowed: str, field: str, kind: str, what: str) -> None:
    for position, c in enumerate(text, start=1):
        if c not in allowed:
            raise ValidationError(
                field,
                "character",
                f"character {position} ({c!r}, U+{ord(c):04X}) cannot appear in {what}",
                {
                    "kind": kind,
                    "char": c,
                    "codepoint": f"U+{ord(c):04X}",
                    "position": str(position),
                },
            )


def _refuse_length(text: str, field: str, kind: str, what: str) -> None:
    if len(text) != 18:
        raise ValidationError(
            field,
            "length",
            f"{what} has 18 characters, {len(text)} were given",
            {"kind": kind, "expected": "18", "actual": str(len(text))},
        )


def _birth_date(value: str) -> dt.date:
    return dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))


@dataclass(frozen=True, slots=True)
class IdNumber:
    """A valid 18-character resident identity number (居民身份证号码, GB 11643-1999).

    Residence permits of Hong Kong, Macao and Taiwan residents and the 2023 foreigners'
    permanent residence ID card use the same layout and check digit and are accepted too
    (see ``holder``).
    """

    value: str

    @classmethod
    def parse(cls, raw: str, *, field: str = "id_number", today: dt.date | None = None) -> IdNumber:
        """Validate ``raw`` and return an ``IdNumber``; raise ``ValidationError`` naming why."""
        kind = "id_number"
        text = normalise(raw or "")
        if not text:
            raise ValidationError(field, "required", "the ID number is required", {"kind": kind})
        _refuse_characters(text, DIGITS + "Xx", field, kind, "an ID number")
        text = text.upper()
        _refuse_length(text, field, kind, "an ID number")
        if "X" in text[:17]:
            raise ValidationError(
                field,
                "format",
                "only the last character of an ID number may be X",
                {"kind": kind, "position": str(text.index("X") + 1)},
            )
        if text[0] == FOREIGNER_MARK:
            prefix, province = text[:3], text[1:3]
            known = province in MAINLAND_PROVINCES
        else:
            prefix = province = text[:2]
            known = province in PROVINCES or province in PERMIT_PREFIXES
        if not known:
            raise ValidationError(
                field,
                "region",
                f"the ID number begins with {prefix}, which is not a province code",
                {"kind": kind, "prefix": prefix, "region": text[:6]},
            )
        try:
            birth = _birth_date(text)
        except ValueError:
            raise ValidationError(
                field,
                "birth_date",
                f"the birth date {text[6:14]} in the ID number is impossible",
                {"kind": kind, "date": text[6:14], "reason": "impossible"},
            ) from None
        if birth > (today or dt.date.today()) or birth.year < 1880:
            raise ValidationError(
                field,
                "birth_date",
                f"the birth date {birth.isoformat()} is out of range",
                {"kind": kind, "date": text[6:14], "reason": "range"},
            )
        expected = resident_check_digit(text[:17])
        if expected != text[17]:
            raise ValidationError(
                field,
                "check_digit",
                f"the check digit is {text[17]} but the other digits call for {expected}; "
                "a digit is probably mistyped, please re-read the number from the card",
                {"kind": kind, "given": text[17], "expected": expected},
            )
        return cls(text)

    @property
    def birth_date(self) -> dt.date:
        return _birth_date(self.value)

    @property
    def sex(self) -> Sex:
        return Sex.MALE if int(self.value[16]) % 2 else Sex.FEMALE

    @property
    def holder(self) -> Holder:
        if self.value[0] == FOREIGNER_MARK:
            return Holder.FOREIGN_PERMANENT_RESIDENT
        if self.value[:2] in PERMIT_PREFIXES:
            return Holder.HMT_RESIDENCE_PERMIT
        return Holder.RESIDENT

    @property
    def region_code(self) -> str:
        """The six-digit administrative division code of the place of first registration.

        For a foreigners' permanent residence ID this is 9, the issuing province and the
        nationality code, not a GB/T 2260 code.
        """
        return self.value[:6]

    def age_on(self, day: dt.date) -> int:
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def masked(self) -> str:
        """The form printed on receipts and shown in lists: first 6 and last 4 characters."""
        return f"{self.value[:6]}********{self.value[-4:]}"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Uscc:
    """A valid unified social credit code (统一社会信用代码, GB 32100-2015)."""

    value: str

    @classmethod
    def parse(cls, raw: str, *, field: str = "credit_code") -> Uscc:
        """Validate ``raw`` and return a ``Uscc``; raise ``ValidationError`` naming the part."""
        kind = "credit_code"
        text = normalise(raw or "")
        if not text:
            raise ValidationError(field, "required", "the credit code is required", {"kind": kind})
        allowed = USCC_ALPHABET + USCC_ALPHABET[10:].lower()
        _refuse_characters(text, allowed, field, kind, "a credit code (never I, O, S, V, Z)")
        text = text.upper()
        _refuse_length(text, field, kind, "a credit code")
        if text[0] not in USCC_AUTHORITIES:
            raise ValidationError(
                field,
                "authority",
                f"the first character {text[0]} is not a registration authority code",
                {"kind": kind, "authority": text[0]},
            )
        if text[1] not in DIGITS[1:]:
            raise ValidationError(
                field,
                "category",
                f"the second character {text[1]} is not an organisation category code",
                {"kind": kind, "category": text[1]},
            )
        region = text[2:8]
        if any(c not in DIGITS for c in region) or region[:2] not in USCC_REGION_PREFIXES:
            raise ValidationError(
                field,
                "region",
                f"characters 3 to 8 ({region}) are not an administrative division code",
                {"kind": kind, "region": region},
            )
        org = text[8:17]
        org_expected = organisation_check_character(org[:8])
        if org[8] != org_expected:
            raise ValidationError(
                field,
                "org_code_check",
                f"the organisation code {org} (characters 9 to 17) ends in {org[8]} "
                f"but its other characters call for {org_expected}",
                {"kind": kind, "org_code": org, "given": org[8], "expected": org_expected},
            )
        expected = uscc_check_character(text[:17])
        if expected != text[17]:
            raise ValidationError(
                field,
                "check_digit",
                f"the check character is {text[17]} but the other characters call for "
                f"{expected}; a character is probably mistyped",
                {"kind": kind, "given": text[17], "expected": expected},
            )
        return cls(text)

    @property
    def organisation_code(self) -> str:
        """Characters 9 to 17: the GB 11714 organisation code, printed as ``XXXXXXXX-C``."""
        return f"{self.value[8:16]}-{self.value[16]}"

    def __str__(self) -> str:
        return self.value
