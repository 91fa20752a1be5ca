"""Finding an item the way a teller types: a code, a number, Chinese, pinyin or its initials.

A teller with a customer waiting types whatever comes first: ``REG-PER``, the national
basic code ``002014003001``, ``参保登记``, the full pinyin ``gerencanbao`` or the initials
``grcbdj`` — often on an input method still in full-width mode (``ＲＥＧ``). Text is folded
(NFKC, which turns full-width forms into ASCII, then case-folded) before comparing. Pinyin
is pypinyin's default reading of each character, without tones; characters it does not know
and punctuation drop out.

Results are ranked: exact code (or basic code), code prefix, pinyin or initials prefix,
Chinese-name substring, pinyin or initials substring, then keywords, the English name and a
code fragment; within a rank the earlier match in the name, then the shorter name, then the
catalogue's order.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from counter_app.catalogue.schema import Catalogue, Item

EXACT, CODE_PREFIX, PINYIN_PREFIX, NAME, PINYIN, OTHER = range(6)
SEPARATORS = re.compile(r"[\s'’·_\-]+")
NOT_ASCII_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Full-width folded and case-folded text, as both sides of a comparison see it."""
    return unicodedata.normalize("NFKC", text).casefold()


def pinyin_of(text: str) -> str:
    """The toneless pinyin of ``text`` run together: 个人参保登记 → gerencanbaodengji."""
    return NOT_ASCII_ALNUM.sub("", fold("".join(lazy_pinyin(text))))


def initials_of(text: str) -> str:
    """The pinyin initials of ``text``: 个人参保登记 → grcbdj."""
    return NOT_ASCII_ALNUM.sub("", fold("".join(lazy_pinyin(text, style=Style.FIRST_LETTER))))


@dataclass(frozen=True)
class _Keys:
    code: str
    code_compact: str
    basic_code: str
    name: str
    name_en: str
    pinyin: str
    initials: str
    keywords: tuple[str, ...]
    keyword_sounds: tuple[str, ...]


@lru_cache(maxsize=4096)
def _keys(
    code: str, basic_code: str, name_zh: str, name_en: str, keywords: tuple[str, ...]
) -> _Keys:
    folded_code = fold(code)
    return _Keys(
        code=folded_code,
        code_compact=SEPARATORS.sub("", folded_code),
        basic_code=basic_code,
        name=fold(name_zh),
        name_en=fold(name_en),
        pinyin=pinyin_of(name_zh),
        initials=initials_of(name_zh),
        keywords=tuple(fold(keyword) for keyword in keywords),
        keyword_sounds=tuple(
            sound
            for keyword in keywords
            for sound in (pinyin_of(keyword), initials_of(keyword))
            if sound
        ),
    )


def _rank(keys: _Keys, query: str, compact: str, sounds: bool) -> tuple[int, int] | None:
    """(rank, position of the match in the name) of an item, or ``None`` if it does not match."""
    if query == keys.code or (keys.basic_code and compact == keys.basic_code):
        return EXACT, 0
    if keys.code.startswith(query) or (compact and keys.code_compact.startswith(compact)):
        return CODE_PREFIX, 0
    if keys.basic_code and compact and keys.basic_code.startswith(compact):
        return CODE_PREFIX, 0
    if sounds and (keys.initials.startswith(compact) or keys.pinyin.startswith(compact)):
        return PINYIN_PREFIX, 0
    position = keys.name.find(query)
    if position >= 0:
        return NAME, position
    if sounds:
        positions = [p for p in (keys.pinyin.find(compact), keys.initials.find(compact)) if p >= 0]
        if positions:
            return PINYIN, min(positions)
    if any(query in keyword for keyword in keys.keywords):
        return OTHER, 0
    if sounds and any(compact in sound for sound in keys.keyword_sounds):
        return OTHER, 1
    if len(query) >= 3 and (query in keys.name_en or query in keys.code):
        return OTHER, 2
    return None


def search_items(catalogue: Catalogue, query: str, limit: int = 20) -> list[Item]:
    """The items matching ``query``, best first, at most ``limit`` of them."""
    if limit <= 0:
        return []
    folded = fold(query).strip()
    if not folded:
        return []
    compact = SEPARATORS.sub("", folded)
    sounds = bool(compact) and compact.isascii() and compact.isalnum()
    found: list[tuple[tuple[int, int, int, int], Item]] = []
    for order, item in enumerate(catalogue.items):
        keys = _keys(item.code, item.basic_code or "", item.name_zh, item.name_en, item.keywords)
        rank = _rank(keys, folded, compact, sounds)
        if rank is not None:
            found.append(((rank[0], rank[1], len(item.name_zh), order), item))
    found.sort(key=lambda pair: pair[0])
    return [item for _key, item in found[:limit]]
