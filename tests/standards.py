"""Check characters as the published standards define them, for tests only.

This module is deliberately independent of ``counter_app``: it is written from the texts of
the standards (weights and code tables copied from them, in their own tabular form), so the
tests compare our validators with the standards rather than with themselves.

* GB 11643-1999 《公民身份号码》 §8.2 (ISO 7064:1983 MOD 11-2): weights
  Wi = 2^(i-1) mod 11 for positions 18..2 counted from the right, i.e. 7 9 10 5 8 4 2 1 6 3 7
  9 10 5 8 4 2 from the left; the check character is read from the table of S mod 11 →
  0:1 1:0 2:X 3:9 4:8 5:7 6:6 7:5 8:4 9:3 10:2.
  The standard's own examples are 11010519491231002X and 440524188001010014.
* GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》 §5 and Appendix A: the 31-character
  set 0-9 A-H J-N P-R T U W-Y (no I, O, S, V, Z) with values 0..30 in that order, weights
  1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28, check = 31 - (S mod 31), 31 written as 0.
* GB 11714-1997 《全国组织机构代码编制规则》 §5: 8-character body of digits and capital
  letters (A=10 ... Z=35), weights 3 7 9 10 5 8 4 2, check = 11 - (S mod 11), 10 written X
  and 11 written 0.
"""

from __future__ import annotations

# GB 11643-1999: weights of the 17 body digits, from the left.
GB11643_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
# GB 11643-1999: check character for S mod 11 = 0, 1, ..., 10.
GB11643_CHECK_TABLE = ("1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2")

# GB 32100-2015: the code's characters in the order of their values 0..30.
GB32100_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
GB32100_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# GB 11714-1997: weights of the 8-character body.
GB11714_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
GB11714_VALUES = {**{str(d): d for d in range(10)}, **{chr(65 + i): 10 + i for i in range(26)}}


def gb11643_check(first17: str) -> str:
    """GB 11643-1999 check character of a 17-digit body."""
    assert len(first17) == 17 and first17.isascii() and first17.isdigit(), first17
    total = sum(int(d) * w for d, w in zip(first17, GB11643_WEIGHTS, strict=True))
    return GB11643_CHECK_TABLE[total % 11]


def gb11643_valid(number: str) -> bool:
    return (
        len(number) == 18
        and number[:17].isascii()
        and number[:17].isdigit()
        and gb11643_check(number[:17]) == number[17]
    )


def gb11643_id(first17: str) -> str:
    """The 18-character ID number with the check character the standard gives ``first17``."""
    return first17 + gb11643_check(first17)


def gb11714_check(body8: str) -> str:
    """GB 11714-1997 check character of an organisation code body."""
    assert len(body8) == 8 and all(c in GB11714_VALUES for c in body8), body8
    total = sum(GB11714_VALUES[c] * w for c, w in zip(body8, GB11714_WEIGHTS, strict=True))
    c9 = 11 - total % 11
    return {10: "X", 11: "0"}.get(c9, str(c9))


def gb11714_valid(code9: str) -> bool:
    return (
        len(code9) == 9
        and all(c in GB11714_VALUES for c in code9[:8])
        and (gb11714_check(code9[:8]) == code9[8])
    )


def gb32100_check(first17: str) -> str:
    """GB 32100-2015 check character of the first 17 characters of a credit code."""
    assert len(first17) == 17 and all(c in GB32100_CHARSET for c in first17), first17
    total = sum(GB32100_CHARSET.index(c) * w for c, w in zip(first17, GB32100_WEIGHTS, strict=True))
    c18 = 31 - total % 31
    return GB32100_CHARSET[0 if c18 == 31 else c18]


def gb32100_valid(code: str) -> bool:
    """The check character and the embedded organisation code (characters 9-17) both hold."""
    return (
        len(code) == 18
        and all(c in GB32100_CHARSET for c in code)
        and gb32100_check(code[:17]) == code[17]
        and gb11714_valid(code[8:17])
    )


def gb32100_code(first8: str, org_body8: str) -> str:
    """A credit code from its first 8 characters and an organisation code body."""
    first17 = first8 + org_body8 + gb11714_check(org_body8)
    return first17 + gb32100_check(first17)
