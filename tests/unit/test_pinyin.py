"""The pinyin keys of a name: full pinyin without tones, and the initials of its syllables.

Expected keys are derived in the test from the standard tone-marked readings of each
character (as the 《现代汉语词典》 and the 《通用规范汉字表》 give them, written by the rules of
the 《汉语拼音方案》), by dropping the tone marks and writing ü as ``v`` (the keyboard
convention, which is also pypinyin's default: 吕 lǚ → ``lv``).
"""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.pinyin import full_pinyin, initials

# Standard readings, with tone marks.
READINGS = {
    "张": "zhāng",
    "三": "sān",
    "李": "lǐ",
    "四": "sì",
    "王": "wáng",
    "小": "xiǎo",
    "明": "míng",
    "吕": "lǚ",
    "布": "bù",
    "女": "nǚ",
    "欧": "ōu",
    "阳": "yáng",
    "修": "xiū",
    "䶮": "yǎn",  # U+4DAE, CJK extension A (刘䶮, founder of the Southern Han)
}


def toneless(syllable: str) -> str:
    """A tone-marked syllable as typed on a keyboard: no tone marks, ü written v."""
    decomposed = unicodedata.normalize("NFD", syllable).replace("u\u0308", "v")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def expected(name: str) -> tuple[str, str]:
    syllables = [toneless(READINGS[c]) for c in name]
    return "".join(syllables), "".join(s[0] for s in syllables)


def test_toneless_helper_follows_the_scheme() -> None:
    assert toneless("zhāng") == "zhang" and toneless("lǚ") == "lv" and toneless("nǚ") == "nv"


def test_zhang_san() -> None:
    assert expected("张三") == ("zhangsan", "zs")
    assert (full_pinyin("张三"), initials("张三")) == ("zhangsan", "zs")


def test_names_from_their_standard_readings() -> None:
    for name in ("李四", "王小明", "吕布", "欧阳修", "张小女"):
        assert (full_pinyin(name), initials(name)) == expected(name), name


def test_u_umlaut_is_written_v() -> None:
    # pypinyin writes ü as v by default; the index and the search use that form.
    assert full_pinyin("吕") == "lv"
    assert initials("吕") == "l"


def test_extension_a_character_has_its_reading() -> None:
    assert (full_pinyin("䶮"), initials("䶮")) == expected("䶮") == ("yan", "y")


def test_a_character_without_a_reading_stays_as_it_is() -> None:
    # 𠮷 (U+20BB7, extension B; the 𠮷 of 𠮷野家) has no reading in pypinyin's tables.
    assert full_pinyin("𠮷") == "𠮷"
    assert initials("𠮷") == "𠮷"
    assert full_pinyin("𠮷张三") == "𠮷zhangsan"
    assert initials("𠮷张三") == "𠮷zs"


def test_separators_and_latin_letters() -> None:
    assert full_pinyin("王·小明") == "wangxiaoming" and initials("王·小明") == "wxm"
    assert full_pinyin("Zhang San") == "zhangsan" and initials("Zhang San") == "zs"
    assert full_pinyin("") == "" and initials("  ") == ""


def test_heteronym_surnames_take_the_default_reading() -> None:
    # 单 is read shàn as a surname and dān as a word; the default (dān) is indexed.
    assert full_pinyin("单") == "dan"


@given(st.text(max_size=40))
def test_never_raises_and_keys_are_search_ready(name: str) -> None:
    full, short = full_pinyin(name), initials(name)
    assert isinstance(full, str) and isinstance(short, str)
    assert not any(c.isspace() for c in full + short)
    assert full == full.lower() and short == short.lower()
    assert len(short) <= len(full)


# CJK extension A (U+3400–4DBF) and the unified ideographs (U+4E00–9FFF); the block between
# them (U+4DC0–4DFF) holds the Yijing hexagram symbols, which are not characters of a name.
HAN = st.one_of(
    st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
)


@given(st.text(alphabet=HAN, max_size=8))
def test_every_common_han_character_gives_a_syllable_or_itself(name: str) -> None:
    short = initials(name)
    assert len(short) == len(name)  # one initial per character
    assert all(c.isascii() or c in name for c in short)
