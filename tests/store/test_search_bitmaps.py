"""A common search's hits kept in the database (db/0017, app/store/search_bitmaps.py,
search_hits.keep_noted): written by the idle step only while they still hold, read back
from the table with the index's hits numbered above them, the same cases the full-text
index finds, and let go by a rebuild or when more than KEPT_AT_MOST are kept."""

from __future__ import annotations

import shutil
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

import app.store.search_hits as search_hits_module
from app.core.intake import IntakeRequest
from app.core.text import fts_query
from app.store import search_bitmaps, sqlite_driver
from app.store.blobs import BlobStore
from app.store.case_list import CaseFilter, count_cases
from app.store.cases import register_case
from app.store.encrypting import encrypt_database
from app.store.encryption import DatabaseFile, is_encrypted, new_key
from app.store.rebuild import rebuild
from app.store.reference import user_by_name
from app.store.search_hits import SearchHits, forget_searches, hits_at_hand, keep_noted, search_hits
from app.store.setup import open_database
from tests.clock import frozen
from tests.store.test_upgrade_case_indexes import FIXTURES

TEXTS = ("占", "占道", "占道经营", "ktv")  # one character, a pair, a phrase, an ASCII word
ZHAN = fts_query("占") or ""


@pytest.fixture(autouse=True)
def kept_from_one_hit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every search with a hit is kept (the demo is small); nothing noted by another test."""
    monkeypatch.setattr(search_bitmaps, "KEPT_AT_LEAST", 1)
    monkeypatch.setattr(search_hits_module, "_noted", OrderedDict())


def _indexed(db: Database, match: str) -> set[int]:
    rows = db.execute("SELECT rowid FROM cases_search WHERE cases_search MATCH ?", [match])
    return {row[0] for row in rows}


def _assert_as_indexed(db: Database, found: SearchHits, match: str) -> None:
    """The hits are the index's: their count, every row number's bit, their rows, and the
    cases SQLite finds with their test."""
    expected = _indexed(db, match)
    assert found.count == len(expected), match
    assert {seq for seq, bit in enumerate(found.bits) if bit} == expected, match
    assert set(found.bits) <= {0, 1} and bytes(found.bitmap) == found.bits, match
    assert set(found.rows.tolist()) == expected, match
    clause, bits = found.test()
    tested = db.execute(f"SELECT seq FROM cases WHERE {clause}", [bits])
    assert {row[0] for row in tested} == expected, match


def _on_file(db: Database) -> dict[str, tuple[Any, ...]]:
    rows = db.execute("SELECT expression, up_to, hits, bits, written FROM search_bitmaps")
    return {row[0]: tuple(row[1:]) for row in rows}


def _keep(db: Database, match: str) -> None:
    search_hits(db, match)
    assert list(search_hits_module._noted) == [match]
    assert keep_noted(db) is True
    assert match in _on_file(db) and not search_hits_module._noted


def _register(db: Database, path: Path, text: str = "桥头又有人占道摆摊卖水果") -> None:
    request = IntakeRequest("0101", "G01", text)
    register_case(db, BlobStore.beside(path), user_by_name(db, "clerk"), request, wall=frozen)


def _register_elsewhere(path: Path) -> None:
    """A case holding 占 registered on another connection (another window, a sync)."""
    other = open_database(path)
    _register(other, path)
    other.close()


def _busy_timeout(db: Database) -> int:
    return db.execute("PRAGMA busy_timeout").fetchone()[0]


def _read_from_file(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """From now on, reading every hit from the index fails the test; returns, for each
    time a kept bitmap is asked for, whether the table had it."""
    asked: list[bool] = []
    real = search_bitmaps.kept_bitmap

    def watched(db: Database, expression: str) -> Any:
        found = real(db, expression)
        asked.append(found is not None)
        return found

    def no_index(*_args: Any) -> Any:
        raise AssertionError("every hit read from the index")

    monkeypatch.setattr(search_bitmaps, "kept_bitmap", watched)
    monkeypatch.setattr(search_hits_module, "hits_below", no_index)
    return asked


def _before_the_write(monkeypatch: pytest.MonkeyPatch, action: Callable[[Database], Any]) -> None:
    """``action`` done as the idle step's write transaction is about to begin."""
    real = search_hits_module.write_transaction

    @contextmanager
    def after_action(db: Database) -> Iterator[Database]:
        action(db)
        with real(db) as inside:
            yield inside

    monkeypatch.setattr(search_hits_module, "write_transaction", after_action)


def test_a_kept_search_is_read_back_from_the_table_as_the_index_finds_it(
    demo_db, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each search read whole is noted and written by the idle step; once the connection's
    memory is let go, it is read from its row alone, exactly the index's hits."""
    matches = [fts_query(text) or "" for text in TEXTS]
    assert all(_indexed(demo_db, match) for match in matches)
    top = demo_db.execute("SELECT max(seq) FROM cases").fetchone()[0]
    for match in matches:
        _keep(demo_db, match)
        assert _on_file(demo_db)[match][:2] == (top, len(_indexed(demo_db, match)))
    forget_searches()
    asked = _read_from_file(monkeypatch)
    for match in matches:
        assert hits_at_hand(demo_db, match)
        _assert_as_indexed(demo_db, search_hits(demo_db, match), match)
    assert asked == [True] * len(matches)
    assert not hits_at_hand(demo_db, fts_query("噪音") or "")
    assert keep_noted(demo_db) is False  # read from the table: nothing noted


def test_cases_registered_after_it_was_kept_are_found_and_written_again_when_many(
    demo_db, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hits numbered above ``up_to`` come from the index: found at once, the row left as it
    is while few; with WRITTEN_AGAIN_AFTER reached the search is noted and written again."""
    _keep(demo_db, ZHAN)
    row = _on_file(demo_db)[ZHAN]
    _register(demo_db, demo_path)
    _register_elsewhere(demo_path)
    asked = _read_from_file(monkeypatch)
    _assert_as_indexed(demo_db, search_hits(demo_db, ZHAN), ZHAN)
    assert asked == [True] and not search_hits_module._noted
    assert keep_noted(demo_db) is False and _on_file(demo_db)[ZHAN] == row
    monkeypatch.setattr(search_bitmaps, "WRITTEN_AGAIN_AFTER", 2)
    forget_searches()
    search_hits(demo_db, ZHAN)
    assert list(search_hits_module._noted) == [ZHAN]
    assert keep_noted(demo_db) is True
    up_to, hits, _bits, written = _on_file(demo_db)[ZHAN]
    assert (up_to, hits, written) == (row[0] + 2, row[1] + 2, row[3] + 1)
    forget_searches()
    _assert_as_indexed(demo_db, search_hits(demo_db, ZHAN), ZHAN)
    assert not search_hits_module._noted  # nothing above it now


def test_below_kept_at_least_nothing_is_noted_or_written(
    demo_db, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search with fewer hits than KEPT_AT_LEAST (or none) is not noted; one with exactly
    as many is."""
    count = len(_indexed(demo_db, ZHAN))
    monkeypatch.setattr(search_bitmaps, "KEPT_AT_LEAST", count + 1)
    search_hits(demo_db, ZHAN)
    search_hits(demo_db, fts_query("没有这样的字") or "")
    assert not search_hits_module._noted
    assert keep_noted(demo_db) is False and _on_file(demo_db) == {}
    monkeypatch.setattr(search_bitmaps, "KEPT_AT_LEAST", count)
    forget_searches()
    search_hits(demo_db, ZHAN)
    assert list(search_hits_module._noted) == [ZHAN]


def test_hits_that_no_longer_hold_are_not_written(
    demo_db, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A case registered between the read and the idle step, on this connection, on
    another, or by another while the step waits for the lock: the search is taken, nothing
    is written."""
    search_hits(demo_db, ZHAN)
    _register(demo_db, demo_path)
    assert keep_noted(demo_db) is True and _on_file(demo_db) == {}
    search_hits(demo_db, ZHAN)
    _register_elsewhere(demo_path)
    assert keep_noted(demo_db) is True and _on_file(demo_db) == {}
    search_hits(demo_db, ZHAN)
    _before_the_write(monkeypatch, lambda _db: _register_elsewhere(demo_path))
    assert keep_noted(demo_db) is True and _on_file(demo_db) == {}
    assert not search_hits_module._noted


def test_at_most_kept_at_most_searches_are_kept(demo_db, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first written is let go when one more is written; it is read from the index."""
    monkeypatch.setattr(search_bitmaps, "KEPT_AT_MOST", 2)
    first, second, third = (fts_query(text) or "" for text in ("占", "道", "噪音"))
    for match in (first, second, third):
        _keep(demo_db, match)
    kept = _on_file(demo_db)
    assert set(kept) == {second, third} and kept[second][3] < kept[third][3]
    forget_searches()
    assert not hits_at_hand(demo_db, first)
    _assert_as_indexed(demo_db, search_hits(demo_db, first), first)
    search_hits_module._noted.clear()
    others = [fts_query(text) or "" for text in ("社区", "垃圾", "村")]
    for match in others:  # no more noted than may be kept: the first let go
        search_hits(demo_db, match)
    assert list(search_hits_module._noted) == others[1:]


def test_a_rebuild_lets_every_kept_search_go(demo_db, demo_path: Path) -> None:
    """The rows are numbered again: the table is emptied, hits read before it are not
    written after it, and the searches still find what the index does."""
    for text in TEXTS[:2]:
        _keep(demo_db, fts_query(text) or "")
    noise = fts_query("噪音") or ""
    search_hits(demo_db, noise)  # read whole: noted, to be written at the next step
    assert list(search_hits_module._noted) == [noise]
    rebuild(demo_db, user_by_name(demo_db, "admin"))
    assert _on_file(demo_db) == {}
    assert keep_noted(demo_db) is True and _on_file(demo_db) == {}
    forget_searches()
    for text in TEXTS:
        match = fts_query(text) or ""
        _assert_as_indexed(demo_db, search_hits(demo_db, match), match)


def test_a_step_that_cannot_write_changes_nothing_and_keeps_it_noted(
    demo_db, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only file, or another connection holding the write lock (not waited for):
    None, the table as it was, the search still noted and written once the lock is let go."""
    conn = sqlite_driver.connect(demo_path.resolve().as_uri() + "?mode=ro", uri=True)
    read_only = Database(conn)
    try:
        search_hits(read_only, ZHAN)
        assert keep_noted(read_only) is None
        assert list(search_hits_module._noted) == [ZHAN]
    finally:
        conn.close()
    assert _on_file(demo_db) == {}
    search_hits_module._noted.clear()
    search_hits(demo_db, ZHAN)
    waited = _busy_timeout(demo_db)
    waiting: list[int] = []
    _before_the_write(monkeypatch, lambda db: waiting.append(_busy_timeout(db)))
    other = open_database(demo_path)
    other.conn.execute("BEGIN IMMEDIATE")
    try:
        assert keep_noted(demo_db) is None
        assert list(search_hits_module._noted) == [ZHAN] and waiting == [0]
    finally:
        other.conn.execute("ROLLBACK")
        other.close()
    assert _busy_timeout(demo_db) == waited > 0
    assert _on_file(demo_db) == {}
    assert keep_noted(demo_db) is True and set(_on_file(demo_db)) == {ZHAN}


def test_hits_read_in_a_transaction_rolled_back_are_never_written(demo_db) -> None:
    """A hit written and read inside a transaction, then rolled back: the idle step does
    not run inside it, and after it writes nothing; read again, the true hits are kept."""
    match = fts_query("噪音") or ""
    truth = _indexed(demo_db, match)
    outsider = min(set(range(1, 401)) - truth)
    for begin, undo in [("BEGIN IMMEDIATE", "ROLLBACK"), ("SAVEPOINT s", "ROLLBACK TO s")]:
        demo_db.conn.execute(begin)
        demo_db.conn.execute(
            "INSERT INTO cases_search (rowid, unigrams, bigrams) VALUES (?, '噪 音', '噪音')",
            [outsider],
        )
        assert search_hits(demo_db, match).count == len(truth) + 1
        assert keep_noted(demo_db) is False  # not inside someone's transaction
        demo_db.conn.execute(undo)
        if undo.startswith("ROLLBACK TO"):
            demo_db.conn.execute("RELEASE s")
        assert keep_noted(demo_db) is True and _on_file(demo_db) == {}
    _keep(demo_db, match)
    assert _on_file(demo_db)[match][1] == len(truth)
    forget_searches()
    _assert_as_indexed(demo_db, search_hits(demo_db, match), match)


def test_the_schema_17_fixture_serves_its_kept_search_from_its_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database of schema 17 with one search kept (占, 14 hits up to row 60) opens as it
    is and serves that search from its row, the same cases the index finds."""
    target = tmp_path / "towndesk.sqlite3"
    shutil.copy(FIXTURES / "schema-17.sqlite3", target)
    db = open_database(target)
    assert _on_file(db)[ZHAN][:2] == (60, 14) and len(_indexed(db, ZHAN)) == 14
    real = search_hits_module.hits_below
    asked = _read_from_file(monkeypatch)
    _assert_as_indexed(db, search_hits(db, ZHAN), ZHAN)
    assert asked == [True]
    monkeypatch.setattr(search_hits_module, "hits_below", real)
    forget_searches()
    assert count_cases(db, CaseFilter(text="占")) == len(_indexed(db, ZHAN))
    db.close()


def test_an_encrypted_database_keeps_and_reads_back_a_search(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLCipher's file keeps a search's bitmap and gives it back, read at the next start
    of the program from its row alone."""
    key = new_key()
    encrypt_database(demo_path, key)
    assert is_encrypted(demo_path)
    db = open_database(DatabaseFile(demo_path, key))
    _keep(db, ZHAN)
    db.close()
    db = open_database(DatabaseFile(demo_path, key))  # a start of the program again
    asked = _read_from_file(monkeypatch)
    _assert_as_indexed(db, search_hits(db, ZHAN), ZHAN)
    assert asked == [True]
    db.close()
