"""The cases' search index merged in bounded steps (store/search_index.py): down to one
segment with every search finding what it found before; a step that cannot write says
stop and changes nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import astuple
from pathlib import Path

import pytest
from sqlite_utils import Database

from app.core.intake import IntakeRequest
from app.core.text import fts_query, index_terms
from app.store import sqlite_driver
from app.store.blobs import BlobStore
from app.store.case_list import CaseFilter, CaseSort, case_window
from app.store.cases import register_case
from app.store.database import write_transaction
from app.store.reference import user_by_name
from app.store.search_hits import forget_searches, kept_hits, search_hits
from app.store.search_index import (
    MOST_SEGMENTS,
    Merging,
    merge_fully,
    merge_step,
    segment_count,
)
from app.store.setup import open_database
from tests.store.store_helpers import DEMO_NOW_MS, SEARCHES

NEXT_DAY = DEMO_NOW_MS + 86_400_000
WORDS = [
    ("青石村村口有流动摊贩占道经营，影响行人通行", "青石村村口"),
    ("夜间施工噪音扰民，居民多次投诉", "青石镇东街"),
    ("消防通道被车辆堵塞，存在安全隐患", "新河社区"),
    ("人行道上堆放建筑垃圾无人清理", "南山村"),
    ("违建彩钢棚占用公共绿地", "桥头社区"),
]


def register_one_by_one(db: Database, path: Path, count: int) -> None:
    """Cases saved as a clerk saves them: each its own transaction, its own segment."""
    store = BlobStore.beside(path)
    clerk = user_by_name(db, "clerk")
    for i in range(count):
        description, address = WORDS[i % len(WORDS)]
        request = IntakeRequest("0101", "G01", f"{description}（{i}）", address)
        register_case(db, store, clerk, request, wall=lambda i=i: NEXT_DAY + i * 60_000)


@pytest.fixture
def piled_db(demo_path: Path) -> Iterator[Database]:
    db = open_database(demo_path)
    register_one_by_one(db, demo_path, 24)
    yield db
    db.close()


def hits(db: Database) -> dict[str, object]:
    """Every search's hits, by the index itself and as the cases list shows them."""
    found: dict[str, object] = {}
    for query in [*SEARCHES, "（1", "扰民", "绿地"]:
        match = fts_query(query)
        rows = db.execute("SELECT rowid FROM cases_search WHERE cases_search MATCH ?", [match])
        found[f"match:{query}"] = sorted(row[0] for row in rows)
        listed = case_window(db, CaseFilter(text=query), CaseSort("number", False), 0, 10_000)
        found[f"list:{query}"] = [case.number for case in listed]
    return found


def index_digest(path: Path) -> str:
    """The index's pages as stored, read on a connection of its own."""
    conn = sqlite_driver.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT id, block FROM cases_search_data ORDER BY id").fetchall()
    finally:
        conn.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_the_demo_is_handed_over_merged(demo_db) -> None:
    assert segment_count(demo_db) == 1


def test_a_merged_index_is_not_written_to(demo_db) -> None:
    """Not even a merge that finds nothing: it counts a change, and search_hits would let
    go of the hits it keeps (the window asks at every idle period)."""
    changes = demo_db.conn.total_changes
    assert merge_step(demo_db) is Merging.DONE
    assert demo_db.conn.total_changes == changes


def segment_ids(db: Database) -> set[int]:
    return {row[0] for row in db.execute("SELECT DISTINCT segid FROM cases_search_idx")}


def test_steps_merge_the_index_into_one_segment_finding_the_same(piled_db) -> None:
    before = hits(piled_db)
    assert sum(len(found) for found in before.values()) > 100  # searches that find cases
    assert segment_count(piled_db) > 4
    outcomes = []
    while (outcome := merge_step(piled_db, pages=2, most_segments=1)) is Merging.MORE:
        outcomes.append(outcome)
        assert len(outcomes) < 1000
    assert outcome is Merging.DONE
    assert len(outcomes) > 3  # bounded: the merge took several steps of two pages
    assert segment_count(piled_db) == 1
    assert hits(piled_db) == before
    assert merge_step(piled_db, pages=2, most_segments=1) is Merging.DONE  # nothing left


def test_small_segments_merge_among_themselves_leaving_the_big_one(
    demo_path: Path, demo_db
) -> None:
    """A few new cases do not rewrite the whole index: their segments merge among
    themselves, and what is left, if no more than MOST_SEGMENTS, stays."""
    (merged,) = segment_ids(demo_db)  # the demo's one segment
    register_one_by_one(demo_db, demo_path, 24)
    before = hits(demo_db)
    piled = segment_count(demo_db)
    assert merge_fully(demo_db) is Merging.DONE
    assert segment_count(demo_db) < piled
    assert segment_count(demo_db) <= MOST_SEGMENTS
    assert merged in segment_ids(demo_db)  # not rewritten
    assert hits(demo_db) == before


def index_in_one_transaction(db: Database, count: int) -> None:
    """``count`` rows written at once (a sync import, a rebuild): one segment of their own."""
    top = db.execute("SELECT max(seq) FROM cases").fetchone()[0]
    texts = db.execute("SELECT description, address FROM cases LIMIT ?", [count]).fetchall()
    rows = [(top + i + 1, *astuple(index_terms(*text))) for i, text in enumerate(texts)]
    with write_transaction(db):
        db.conn.executemany(
            "INSERT INTO cases_search (rowid, unigrams, bigrams) VALUES (?, ?, ?)", rows
        )


@pytest.mark.parametrize(("written", "merged_to"), [(200, 1), (2, 2)])
def test_a_big_segment_beside_the_largest_is_merged_however_few(
    demo_db, written: int, merged_to: int
) -> None:
    """Two segments are few, but a big second one costs every lookup: merged into one; a
    small one is left until more come."""
    index_in_one_transaction(demo_db, written)
    assert segment_count(demo_db) == 2
    assert merge_fully(demo_db) is Merging.DONE
    assert segment_count(demo_db) == merged_to


def test_a_few_segments_are_left_as_they_are(demo_path: Path, demo_db) -> None:
    register_one_by_one(demo_db, demo_path, 2)
    segments = segment_count(demo_db)
    assert 1 < segments <= MOST_SEGMENTS
    digest = index_digest(demo_path)
    assert merge_step(demo_db) is Merging.DONE
    assert segment_count(demo_db) == segments
    assert index_digest(demo_path) == digest


def test_a_step_on_a_read_only_database_says_stop_and_changes_nothing(demo_path: Path) -> None:
    db = open_database(demo_path)
    register_one_by_one(db, demo_path, 24)
    db.close()
    digest = index_digest(demo_path)
    conn = sqlite_driver.connect(demo_path.resolve().as_uri() + "?mode=ro", uri=True)
    read_only = Database(conn)
    segments = segment_count(read_only)
    assert merge_step(read_only, most_segments=1) is Merging.STOPPED
    assert merge_fully(read_only, most_segments=1) is Merging.STOPPED
    assert not conn.in_transaction
    assert segment_count(read_only) == segments
    conn.close()
    assert index_digest(demo_path) == digest


def test_a_step_does_not_wait_for_another_writer(piled_db, demo_path: Path) -> None:
    """Another program holding the write lock: stop at once (the worker's queue waits
    behind a step), nothing changed, the connection's own wait for locks kept."""
    timeout = piled_db.execute("PRAGMA busy_timeout").fetchone()[0]
    digest = index_digest(demo_path)
    other = sqlite_driver.connect(str(demo_path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        assert merge_step(piled_db, most_segments=1) is Merging.STOPPED
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert piled_db.execute("PRAGMA busy_timeout").fetchone()[0] == timeout
    assert index_digest(demo_path) == digest
    assert merge_step(piled_db, most_segments=1) is Merging.MORE  # the lock is free again


def test_a_step_inside_a_transaction_leaves_it_to_its_owner(piled_db) -> None:
    piled_db.conn.execute("BEGIN")
    try:
        assert merge_step(piled_db) is Merging.STOPPED
        assert piled_db.conn.in_transaction
    finally:
        piled_db.conn.execute("ROLLBACK")


@pytest.mark.parametrize(
    ("saved", "most_segments", "outcome"), [(2, MOST_SEGMENTS, "done"), (24, 1, "more")]
)
def test_a_step_keeps_the_hits_its_connection_keeps(
    demo_path: Path, demo_db, saved: int, most_segments: int, outcome: str
) -> None:
    """A merge changes no case and no hit: the hits the worker keeps for the cases list
    still hold after a step on its connection, whether the step merged or found nothing
    worth merging (a few small segments beside the big one: every idle period)."""
    register_one_by_one(demo_db, demo_path, saved)
    match = fts_query("占道")
    kept = search_hits(demo_db, match)
    assert merge_step(demo_db, most_segments=most_segments) is Merging(outcome)
    assert kept_hits(demo_db, match) is kept
    forget_searches()
    assert search_hits(demo_db, match).bits == kept.bits  # (what a new reading finds)


def test_hits_kept_before_a_case_was_saved_are_let_go_by_a_step(demo_path: Path, demo_db) -> None:
    register_one_by_one(demo_db, demo_path, 2)
    match = fts_query("占道")
    search_hits(demo_db, match)
    register_one_by_one(demo_db, demo_path, 1)  # a case holding 占道 saved since
    merge_step(demo_db)
    assert kept_hits(demo_db, match) is None
