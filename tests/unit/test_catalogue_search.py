"""Finding a catalogue item by code, basic code, Chinese, pinyin or initials, in any width."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.catalogue import Item, search_items, shipped_catalogue

CATALOGUE = shipped_catalogue()


def codes(query: str, limit: int = 20) -> list[str]:
    return [item.code for item in search_items(CATALOGUE, query, limit)]


# 个人参保登记 read in Hanyu Pinyin without tones: gè rén cān bǎo dēng jì.
@pytest.mark.parametrize(
    "query",
    [
        "grcbdj",  # the initials
        "grcb",  # an initials prefix
        "gerencanbao",  # full pinyin, a prefix
        "gerencanbaodengji",  # full pinyin, whole
        "canbaodengji",  # full pinyin, a substring
        "ge ren can bao",  # typed with spaces
        "REG-PER",  # a code prefix
        "reg-person",  # any case
        "参保登记",  # a Chinese substring
        "个人参保登记",  # the whole name
        "ＧＲＣＢＤＪ",  # full-width input
    ],
)
def test_individual_enrolment_is_found(query: str) -> None:
    assert "REG-PERSON" in codes(query)


def test_the_exact_code_ranks_first() -> None:
    assert codes("REG-PERSON")[0] == "REG-PERSON"
    assert "REG-PERSON-STOP" in codes("REG-PERSON")
    assert codes("CARD-LOSS")[0] == "CARD-LOSS"
    assert codes("grcbdj")[0] == "REG-PERSON"
    assert codes("个人参保登记")[0] == "REG-PERSON"


@pytest.mark.parametrize("item", CATALOGUE.items, ids=lambda item: item.code)
def test_every_item_is_first_for_its_own_code_and_found_by_its_name(item: Item) -> None:
    assert search_items(CATALOGUE, item.code, 1) == [item]
    assert item in search_items(CATALOGUE, item.name_zh, 100)


def test_full_width_input_is_folded() -> None:
    found = codes("ＲＥＧ", 100)
    registration = [item.code for item in CATALOGUE.group("registration").items]
    # Every REG-… code first (code prefix); English names with "reg…" may follow.
    assert set(found[: len(registration)]) == set(registration)
    assert not any(code.startswith("REG-") for code in found[len(registration) :])
    assert codes("ｒｅｇ－ｐｅｒ") == codes("REG-PER")


def test_the_basic_code_finds_its_item() -> None:
    assert codes("002014003001")[0] == "STAFF-CHANGE"
    assert codes("００２０１４００６００８")[0] == "PEN-FUNERAL"
    assert set(codes("002014")) == {"STAFF-CHANGE", "PEN-FUNERAL"}


def test_ranking_puts_code_prefix_before_names_and_pinyin() -> None:
    found = codes("card", 100)
    card_items = [item.code for item in CATALOGUE.group("card").items]
    assert set(found[: len(card_items)]) == set(card_items)  # every CARD-… code leads
    # 参保单位注销 (canbaodanweizhuxiao) starts with the pinyin; in 个人参保登记 it is inside.
    found = codes("canbao", 100)
    assert found.index("REG-EMPLOYER-CANCEL") < found.index("REG-PERSON")
    # Within Chinese-name matches, a name starting with the query comes first.
    found = codes("参保", 100)
    assert found.index("REG-EMPLOYER-CANCEL") < found.index("REG-PERSON")
    found = codes("REG-PERSON")
    assert found.index("REG-PERSON") < found.index("REG-PERSON-STOP")


def test_keywords_are_searched() -> None:
    assert "REFUND-ACCOUNT" in codes("退保")
    assert "CARD-LOSS" in codes("解挂")
    assert "MED-MATERNITY" in codes("shengyujintie")


def test_limits_and_empty_queries() -> None:
    assert codes("") == [] and codes("   ") == [] and codes("\u3000") == []
    assert len(codes("REG", 3)) == 3
    assert codes("REG", 0) == [] and codes("REG", -1) == []
    assert codes("这个事项不存在的查询词") == []


RARE = ["𠮷", "䶮", "\u200f", "\u202e", "\u200b", "\x00", "\x1b", "\ufeff", "ﾃｽﾄ", "İ", "ß", "̈"]


@settings(max_examples=300, deadline=None)
@given(
    query=st.lists(st.one_of(st.text(), st.sampled_from(RARE)), max_size=8).map("".join),
    limit=st.integers(min_value=-2, max_value=30),
)
def test_search_never_raises_and_keeps_to_the_limit(query: str, limit: int) -> None:
    found = search_items(CATALOGUE, query, limit)
    assert len(found) <= max(limit, 0)
    assert all(isinstance(item, Item) for item in found)
    assert len({item.code for item in found}) == len(found)
