"""A search's hits kept as a bitmap per connection (app/store/search_hits.py): the same
cases the full-text index finds, read again once anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest

import app.store.search_hits as search_hits_module
from app.core.intake import IntakeRequest
from app.core.text import fts_query
from app.store.blobs import BlobStore
from app.store.case_list import CaseFilter, count_cases
from app.store.cases import register_case
from app.store.reference import user_by_name
from app.store.search_hits import NewestHits, SearchHits, newest_hits, search_hits
from app.store.setup import open_database
from app.store.sqlite_driver import OperationalError
from tests.store.store_helpers import SEARCHES, frozen


def indexed(db, text: str) -> set[int]:
    match = fts_query(text)
    rows = db.execute("SELECT rowid FROM cases_search WHERE cases_search MATCH ?", [match])
    return {row[0] for row in rows}


def hits_tested(db, text: str) -> set[int]:
    clause, bitmap = search_hits(db, fts_query(text)).test()
    rows = db.execute(f"SELECT seq FROM cases WHERE {clause}", [bitmap])
    return {row[0] for row in rows}


def register_elsewhere(path: Path) -> None:
    """A case holding 占道 registered on another connection (another window, a sync)."""
    other = open_database(path)
    try:
        request = IntakeRequest("0101", "G01", "桥头又有人占道摆摊卖水果")
        clerk = user_by_name(other, "clerk")
        register_case(other, BlobStore.beside(path), clerk, request, wall=frozen)
    finally:
        other.close()


def test_the_bitmap_holds_exactly_what_the_index_finds(demo_db) -> None:
    for text in [*SEARCHES, "没有这样的字"]:
        expected = indexed(demo_db, text)
        assert hits_tested(demo_db, text) == expected, text
        assert search_hits(demo_db, fts_query(text)).count == len(expected)
    assert any(indexed(demo_db, text) for text in SEARCHES)


def test_kept_until_something_is_written(demo_db, demo_path: Path) -> None:
    match = fts_query("占道")
    first = search_hits(demo_db, match)
    assert search_hits(demo_db, match) is first  # nothing written: read once
    request = IntakeRequest("0101", "G01", "桥头又有人占道摆摊卖水果")
    clerk = user_by_name(demo_db, "clerk")
    register_case(demo_db, BlobStore.beside(demo_path), clerk, request, wall=frozen)
    again = search_hits(demo_db, match)
    assert again.count == first.count + 1
    assert hits_tested(demo_db, "占道") == indexed(demo_db, "占道")


def test_a_write_on_another_connection_is_seen(demo_db, demo_path: Path) -> None:
    text = "摆摊卖水果"
    before = count_cases(demo_db, CaseFilter(text=text))
    register_elsewhere(demo_path)
    assert count_cases(demo_db, CaseFilter(text=text)) == before + 1


def test_only_a_few_bitmaps_are_kept(demo_db) -> None:
    read = [search_hits(demo_db, fts_query(text)) for text in SEARCHES]
    assert len(SEARCHES) > search_hits_module.KEPT
    latest = SEARCHES[-search_hits_module.KEPT :]
    assert all(
        search_hits(demo_db, fts_query(text)) is read[SEARCHES.index(text)] for text in latest
    )
    again = search_hits(demo_db, fts_query(SEARCHES[0]))  # dropped: read again
    assert again is not read[0] and again.count == read[0].count


def test_hits_read_inside_a_transaction_are_not_kept_past_its_rollback(demo_db) -> None:
    """A rollback leaves no trace in the version the bitmap is kept by: one read inside a
    transaction is never reused (the count would include a case rolled back)."""
    text = "噪音"
    truth = indexed(demo_db, text)
    outsider = min(set(range(1, 401)) - truth)
    search = CaseFilter(text=text)
    for begin, undo in [("BEGIN IMMEDIATE", "ROLLBACK"), ("SAVEPOINT s", "ROLLBACK TO s")]:
        demo_db.conn.execute(begin)
        demo_db.conn.execute(
            "INSERT INTO cases_search (rowid, unigrams, bigrams) VALUES (?, '噪 音', '噪音')",
            [outsider],
        )
        assert count_cases(demo_db, search) == len(truth) + 1
        demo_db.conn.execute(undo)
        if undo.startswith("ROLLBACK TO"):
            demo_db.conn.execute("RELEASE s")
        assert count_cases(demo_db, search) == len(truth)
        assert hits_tested(demo_db, text) == truth


def test_a_newest_hits_function_is_released_later_while_a_statement_is_read(demo_db) -> None:
    """SQLite refuses to unregister a function while a statement is being read: the newest
    hits' function is released at the search after instead of failing this one."""
    newest = newest_hits(demo_db, fts_query("占"), 5)
    assert isinstance(newest, NewestHits)
    asked = f"SELECT {newest.function}(1, '')"
    reading = demo_db.conn.execute("SELECT seq FROM cases")
    reading.fetchone()  # a statement still being read
    search_hits(demo_db, fts_query("占道"))
    assert demo_db.execute(asked).fetchone() is not None  # not yet
    reading.close()
    search_hits(demo_db, fts_query("噪音"))
    with pytest.raises(OperationalError):
        demo_db.execute(asked).fetchone()


def test_the_newest_hits_are_read_first(demo_db) -> None:
    """A few of the newest hits: the test knows them, and stops a statement at an older
    case (needed_more) until the window's hits are found, then notes the latest time such
    a case was received; as many hits as there are, or more: every hit, kept as
    search_hits keeps them."""
    match = fts_query("占")
    expected = indexed(demo_db, "占")
    assert len(expected) > 20
    newest = newest_hits(demo_db, match, 10)
    assert isinstance(newest, NewestHits)
    assert newest.read == 11  # one more than asked: there are more
    known = sorted(expected)[-11:]
    assert (newest.below, newest.top) == (known[0], known[-1])
    newer = f"SELECT seq FROM cases WHERE seq >= ? AND {newest.test()}"
    assert {row[0] for row in demo_db.execute(newer, [newest.below])} == set(known)
    assert newest.found == 11 and not newest.needed_more
    every = f"SELECT seq FROM cases WHERE {newest.test()} ORDER BY seq DESC"
    newest.walking(12)  # one more hit than there are among the newest: stops
    with pytest.raises(OperationalError):
        demo_db.execute(every).fetchall()
    assert newest.needed_more
    newest.walking(11)  # the window found: an older case is past it, noted
    assert [row[0] for row in demo_db.execute(every)] == sorted(known, reverse=True)
    oldest = demo_db.execute("SELECT max(received_at) FROM cases WHERE seq < ?", [known[0]])
    assert newest.passed == oldest.fetchone()[0] and not newest.needed_more
    assert newest.holds(newest.passed) and not newest.holds("2000-01-01")
    every_hit = newest_hits(demo_db, match, len(expected))
    assert isinstance(every_hit, SearchHits) and every_hit.count == len(expected)
    assert search_hits(demo_db, match) is every_hit  # kept
    assert newest_hits(demo_db, match, 10) is every_hit  # and used while it holds


def test_hits_written_during_their_reading_are_not_taken_as_read(
    demo_db, demo_path: Path, monkeypatch
) -> None:
    """A case registered on another connection while the newest hits are read (all of
    them: few) must not be missed by the hits kept: they are kept as of before the read."""
    match = fts_query("占道")
    before = len(indexed(demo_db, "占道"))
    parse = search_hits_module.listed_rows

    def writing_meanwhile(listed):
        register_elsewhere(demo_path)
        return parse(listed)

    monkeypatch.setattr(search_hits_module, "listed_rows", writing_meanwhile)
    read = newest_hits(demo_db, match, 10_000)
    monkeypatch.setattr(search_hits_module, "listed_rows", parse)
    assert isinstance(read, SearchHits) and read.count == before
    assert search_hits(demo_db, match).count == before + 1  # read again, not kept


def test_more_hits_are_read_below_the_newest(demo_db) -> None:
    """``more`` reads the next hits down (the function knows them at once), until none is
    left: then an older case is no hit, and stops nothing."""
    match = fts_query("占")
    expected = sorted(indexed(demo_db, "占"), reverse=True)
    newest = newest_hits(demo_db, match, 10)
    assert isinstance(newest, NewestHits)
    assert newest.more(demo_db, 5)
    assert (newest.read, newest.below, newest.top) == (16, expected[15], expected[0])
    newer = f"SELECT seq FROM cases WHERE seq >= ? AND {newest.test()} ORDER BY seq DESC"
    assert [row[0] for row in demo_db.execute(newer, [newest.below])] == expected[:16]
    assert not newest.complete
    while newest.more(demo_db, 7):
        pass
    assert newest.complete and newest.read == len(expected)
    newest.walking(len(expected) + 1)  # more than there are: nothing older to wait for
    every = f"SELECT seq FROM cases WHERE {newest.test()} ORDER BY seq DESC"
    assert [row[0] for row in demo_db.execute(every)] == expected


def test_the_rest_of_the_hits_are_read_on_from_the_newest_and_kept(
    demo_db, demo_path: Path
) -> None:
    """``finish``: every hit, kept as search_hits keeps them, as of before the newest were
    read (a case registered since is not taken as read)."""
    match = fts_query("占道")
    expected = indexed(demo_db, "占道")
    newest = newest_hits(demo_db, match, 3)
    assert isinstance(newest, NewestHits)
    every = newest.finish(demo_db)
    assert every.count == len(expected) and search_hits(demo_db, match) is every
    assert hits_tested(demo_db, "占道") == expected
    newest = newest_hits(demo_db, fts_query("占"), 3)
    assert isinstance(newest, NewestHits)
    register_elsewhere(demo_path)  # holds 占道 and 占
    finished = newest.finish(demo_db)
    assert search_hits(demo_db, fts_query("占")) is not finished  # read again
    assert search_hits(demo_db, fts_query("占")).count == len(indexed(demo_db, "占"))


def test_the_newest_hits_function_is_released_at_the_next_search(demo_db) -> None:
    """The newest hits' function takes two arguments: it is unregistered as such at the
    next search (unregistered as a one-argument function, it stayed, holding its bitmap,
    for as long as the connection lived)."""
    newest = newest_hits(demo_db, fts_query("占"), 3)
    assert isinstance(newest, NewestHits)
    assert demo_db.execute(f"SELECT {newest.test()} FROM cases LIMIT 1").fetchone()
    search_hits(demo_db, fts_query("噪音"))  # the next search
    with pytest.raises(OperationalError):
        demo_db.execute(f"SELECT {newest.test()} FROM cases LIMIT 1").fetchone()
