"""The pinyin keys a teller searches a person by: 张三 → ``zhangsan`` (full) and ``zs`` (initials).

A teller at the counter often hears a name rather than reads it, and types its pinyin or the
initials of its syllables on an ordinary keyboard. The person search index keeps both keys for
every cached person, computed here, without Qt or a database, so the index, the search and the
tests agree on one rule:

* each Han character becomes pypinyin's default reading (its phrase dictionaries decide among
  a character's readings, so a surname read differently from the common word — 单 shàn,
  曾 zēng — gets the common reading: 单 → ``dan``, 曾 → ``ceng``);
* no tones, lower case, nothing between the syllables; ü is written ``v`` as on a keyboard
  (吕 → ``lv``, 略 → ``lve``), which is how pypinyin writes it by default;
* Latin letters and digits in a name are kept in lower case (a word's first letter is its
  initial); separators such as the middle dot of transcribed names (·), spaces and hyphens
  are dropped;
* a character pypinyin has no reading for (rare characters of the extension planes, or
  anything that is not Han) is kept as it is, so a key never loses a person's character and
  nothing raises.
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin

_CACHE_SIZE = 65_536  # names repeat a lot; a pull or a bulk fill computes each one once


def _is_han(c: str) -> bool:
    code = ord(c)
    return (
        code == 0x3007  # 〇, the ideographic zero (líng)
        or 0x3400 <= code <= 0x4DBF  # extension A
        or 0x4E00 <= code <= 0x9FFF  # unified ideographs
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0x20000 <= code <= 0x3134F  # extensions B to G
    )


def _kept_as_is(c: str) -> bool:
    """A character that has no reading but belongs to the name (not a separator)."""
    return c.isalnum()


def _syllable_of(c: str, reading: str) -> str:
    """The reading pypinyin gave one character, or the character itself when it gave none."""
    reading = reading.strip().lower()
    if reading and reading.isascii() and reading.isalpha():
        return reading
    return c.lower() if _kept_as_is(c) else ""


@lru_cache(maxsize=_CACHE_SIZE)
def _syllables(name: str) -> tuple[str, ...]:
    """One entry per syllable (Han character) or word (run of other name characters)."""
    out: list[str] = []
    word = ""
    han_run = ""

    def flush_han() -> None:
        nonlocal han_run
        if not han_run:
            return
        try:
            readings = lazy_pinyin(han_run, style=Style.NORMAL)
        except Exception:  # a reading table that cannot cope: the characters stay as they are
            readings = list(han_run)
        if len(readings) == len(han_run):
            out.extend(_syllable_of(c, r) for c, r in zip(han_run, readings, strict=True))
        else:  # pypinyin grouped differently than one reading per character
            for c in han_run:
                alone = lazy_pinyin(c, style=Style.NORMAL)
                out.append(_syllable_of(c, alone[0] if alone else ""))
        han_run = ""

    for c in name:
        if _is_han(c):
            if word:
                out.append(word)
                word = ""
            han_run += c
        else:
            flush_han()
            if _kept_as_is(c):
                word += c.lower()
            elif word:
                out.append(word)
                word = ""
    flush_han()
    if word:
        out.append(word)
    return tuple(s for s in out if s)


def full_pinyin(name: str) -> str:
    """The toneless pinyin of ``name`` run together in lower case: 张三 → ``zhangsan``."""
    return "".join(_syllables(name))


def initials(name: str) -> str:
    """The first letter of each syllable of ``name``: 张三 → ``zs``; 𠮷 stays ``𠮷``."""
    return "".join(s[0] for s in _syllables(name))
