"""Chinese search terms and similarity (app/core/text.py).

The FTS expressions are checked by behaviour: texts are indexed with ``index_terms`` into a
throw-away in-memory FTS5 table of the same shape as the real one, and what ``fts_query``
finds is compared with a plain Python substring scan.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.text import fts_query, fts_widened, index_terms, similarity
from app.store import sqlite_driver

TEXTS = [
    "青石村村口有流动摊贩占道经营，影响行人通行",
    "锦绣社区烧烤摊每晚在人行道上摆放桌椅，占道严重",
    "王家疃村养鸡场楼道内堆放纸箱杂物，堵塞消防通道",
    "建筑工地夜间施工噪音扰民",
    "道路破损，有坑",
    "A栋3单元门口堆放建筑垃圾",
    "B区停车场有大货车占用消防车道",
    "经营户将货物堆放到人行道上经营",
]


def search(texts: list[str], query: str, expression=fts_query) -> set[int]:
    """Indices of ``texts`` that the FTS expression for ``query`` matches."""
    conn = sqlite_driver.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE s USING fts5 (unigrams, bigrams, content='', "
        "tokenize='unicode61', detail='full')"
    )
    for i, text in enumerate(texts):
        terms = index_terms(text)
        conn.execute(
            "INSERT INTO s (rowid, unigrams, bigrams) VALUES (?,?,?)",
            (i, terms.unigrams, terms.bigrams),
        )
    match = expression(query)
    assert match is not None
    rows = conn.execute("SELECT rowid FROM s WHERE s MATCH ?", [match]).fetchall()
    conn.close()
    return {row[0] for row in rows}


def scan(texts: list[str], query: str) -> set[int]:
    return {i for i, text in enumerate(texts) if query in text}


@pytest.mark.parametrize(
    "query",
    ["占", "道", "噪", "占道", "堆放", "消防", "人行道", "占道经营", "消防通道", "施工噪音扰民"],
)
def test_cjk_queries_of_every_length_find_exactly_the_texts_holding_them(query: str) -> None:
    expected = scan(TEXTS, query)
    assert expected, "the fixture texts should hold every query"
    assert search(TEXTS, query) == expected


@pytest.mark.parametrize(
    ("query", "first_pair"),
    [("人行道", "人行"), ("占道经营", "占道"), ("消防通道", "消防"), ("施工 噪音扰民", "噪音")],
)
def test_a_phrase_widened_finds_every_text_holding_its_first_pair(query, first_pair) -> None:
    """More than the phrase finds (占道经营 widened finds 占道严重 too), never less."""
    widened = search(TEXTS, query, fts_widened)
    assert widened == scan(TEXTS, first_pair)
    assert widened >= search(TEXTS, query)


@pytest.mark.parametrize("query", ["占", "占道", "AB", "施工 噪音", "", "，"])
def test_nothing_shorter_than_three_characters_is_widened(query: str) -> None:
    assert fts_widened(query) is None


@pytest.mark.parametrize("query", ["违建", "占道路", "鸡场占", "经营占道"])
def test_cjk_queries_absent_from_every_text_find_nothing(query: str) -> None:
    assert scan(TEXTS, query) == set()
    assert search(TEXTS, query) == set()


def test_a_two_character_query_does_not_match_the_characters_apart() -> None:
    texts = ["占用道路", "道占", "占道"]
    assert search(texts, "占道") == {2}


def test_ascii_words_match_case_insensitively_as_prefixes() -> None:
    texts = ["A栋3单元门口", "AB栋门口", "b区停车场"]
    assert search(texts, "a") == {0, 1}
    assert search(texts, "ab") == {1}
    assert search(texts, "B") == {2}


def test_mixed_query_requires_every_part() -> None:
    texts = ["A栋3单元门口堆放垃圾", "A栋门口干净", "B栋3单元门口堆放垃圾"]
    assert search(texts, "A栋 垃圾") == {0}
    assert search(texts, "3单元") == {0, 2}


def test_fields_do_not_run_into_each_other() -> None:
    """The end of the description and the start of the address never form a word."""
    conn = sqlite_driver.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE s USING fts5 (unigrams, bigrams, content='')")
    terms = index_terms("门口有人占", "道北侧")
    conn.execute(
        "INSERT INTO s (rowid, unigrams, bigrams) VALUES (1, ?, ?)", (terms.unigrams, terms.bigrams)
    )
    hits = conn.execute("SELECT rowid FROM s WHERE s MATCH ?", [fts_query("占道")]).fetchall()
    assert hits == []
    hits = conn.execute("SELECT rowid FROM s WHERE s MATCH ?", [fts_query("道北")]).fetchall()
    assert hits == [(1,)]


def test_three_character_query_does_not_match_across_punctuation() -> None:
    texts = ["门口有人占道，道路拥堵"]
    assert scan(texts, "占道路") == set()
    assert search(texts, "占道路") == set()


@pytest.mark.parametrize("query", ["", "   ", "，。！", "-", '"', "*()", "、、"])
def test_empty_or_punctuation_only_query_is_none(query: str) -> None:
    assert fts_query(query) is None


@pytest.mark.parametrize("query", ['占"道', "OR", "NOT 占道", "a*b", "占道 AND", "(道路)"])
def test_fts_syntax_in_a_query_never_breaks_the_match(query: str) -> None:
    search(TEXTS, query)  # no sqlite_driver.OperationalError


def test_index_terms_hold_every_character_and_neighbouring_pair() -> None:
    terms = index_terms("占道经营")
    assert terms.unigrams.split() == ["占", "道", "经", "营"]
    assert set(terms.bigrams.split()) == {"占道", "道经", "经营"}


CJK = "占道经营垃圾噪音"


@settings(max_examples=150, deadline=None)
@given(
    texts=st.lists(st.text(alphabet=CJK, min_size=0, max_size=12), min_size=1, max_size=6),
    query=st.text(alphabet=CJK, min_size=1, max_size=4),
)
def test_search_equals_substring_scan_for_unbroken_text(texts: list[str], query: str) -> None:
    assert search(texts, query) == scan(texts, query)


@settings(max_examples=150, deadline=None)
@given(
    texts=st.lists(st.text(alphabet=CJK + "，。 ", max_size=12), min_size=1, max_size=6),
    query=st.text(alphabet=CJK, min_size=1, max_size=2),
)
def test_one_and_two_character_search_equals_substring_scan(texts: list[str], query: str) -> None:
    assert search(texts, query) == scan(texts, query)


def test_similarity_bounds() -> None:
    assert similarity("占道经营影响通行", "占道经营影响通行") == 1.0
    assert similarity("占道经营", "噪音扰民") == 0.0
    assert similarity("", "占道经营") == 0.0
    assert similarity("，。", "，。") == 0.0


def test_similarity_grows_with_shared_pairs() -> None:
    base = "青石村村口流动摊贩占道经营"
    close = "青石村村口有流动摊贩占道"
    far = "锦绣社区有人占道"
    assert 1.0 > similarity(base, close) > similarity(base, far) > 0.0


@given(st.text(alphabet=CJK + "ab ", max_size=10), st.text(alphabet=CJK + "ab ", max_size=10))
def test_similarity_is_symmetric_and_in_range(a: str, b: str) -> None:
    score = similarity(a, b)
    assert score == similarity(b, a)
    assert 0.0 <= score <= 1.0
