"""Keeping the cases' search index (``cases_search``, FTS5) merged, in short steps.

FTS5 writes each transaction's new terms as a b-tree segment of its own and merges them
only now and then (``automerge``: once per 64 leaf pages written; ``crisismerge``: when 16
pile up on one level). A lookup reads every segment, so it slows with their number: at a
million cases, whether one case holds 占道经营 cost 230 µs with the demo's 22 segments and
37 µs with one; a clerk saving cases one by one piles up to 16 small ones beside the big
one (measured: 60–85 µs for the phrase). ``optimize`` makes one segment again but rewrites
the whole index (280 MB, about 4 s at a million cases) in one transaction, holding the
write lock all that time; so the window merges on idle in steps (``merge_step``), each one
short write transaction of about ``STEP_PAGES`` pages.

The FTS5 ``merge`` command (sqlite.org/fts5.html, "The 'merge' Command"): with a positive
N it writes about N pages continuing a merge already started, or merging the segments of
a level that holds ``usermerge`` (4) or more, else does nothing; with a negative N it first
puts every segment on one level, so merging on to the end makes one segment (what
``optimize`` does) — the merge is then continued with positive steps, which a segment
written in between does not restart. Whether a step did anything shows in
``sqlite3_total_changes``: up by 2 or more when it merged, less when there was nothing to do.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from enum import StrEnum

from sqlite_utils import Database

from app.core.errors import DomainError
from app.store import search_hits, sqlite_driver
from app.store.database import write_transaction

# Pages a step merges: at a million cases, a full merge of the demo's 22 segments took 248
# steps of 250 pages, 19–20 ms each (median; 90th percentile 30 ms, 99th 52–57 ms), 5.4 s
# in all. FTS5 ends a step only between terms, so the step that writes the commonest
# terms' lists whole takes about 100 ms whatever the step size. Each step holds the write
# lock, and the worker, for that long.
STEP_PAGES = 250
# A full merge starts only when more segments than this are left once the small ones have
# merged among themselves (positive steps, a few ms). Each small segment beside the big one
# costs a lookup about 2 µs (one character) to 5 µs (a phrase) at a million cases, against
# 16–19 µs and 35 µs for the merged index (and 76 µs and 240 µs with the demo's 22 big
# segments). Cases saved one by one, the index merged on idle after each save, 1,000 saves:
# with 4 the whole index (280 MB) was rewritten once per 11 saves, with 6 once per 29, with 8
# once per 90 (5 segments on average: a phrase lookup about 1.5 times the merged index's),
# with 12 once per 500 (7 segments on average).
MOST_SEGMENTS = 8
# ... or when the segments beside the largest hold at least this share of the index's pages,
# however few: big segments cost a lookup much more than small ones (the demo's 22, merged
# among themselves to 7 big ones: 33 µs and 98 µs against 19 µs and 37 µs merged), and
# rewriting the whole then costs at most this many times the pages written since.
REST_SHARE = 1 / 8

# Each segment's pages are listed by (segid, term) in the ``_idx`` table: stepping from one
# segid to the next is a seek per segment (0.03 ms for 22 at a million cases), where
# ``count(DISTINCT segid)`` reads every row (0.6 ms, and growing with the index).
_SEGMENTS = (
    "WITH RECURSIVE segment(id) AS (SELECT min(segid) FROM cases_search_idx "
    "UNION ALL SELECT (SELECT min(segid) FROM cases_search_idx WHERE segid > segment.id) "
    "FROM segment WHERE segment.id IS NOT NULL) SELECT count(id) FROM segment"
)
# The segment's leaf pages that start a term, numbered within it (times two, the low bit a
# flag): the largest, as good as the segment's size (1.3 ms for 22 segments at a million).
_SIZES = "SELECT max(pgno) FROM cases_search_idx GROUP BY segid"
_MERGE = "INSERT INTO cases_search (cases_search, rank) VALUES ('merge', ?)"


class Merging(StrEnum):
    """What one step leaves: more to merge, the index merged, or stop for now."""

    MORE = "more"
    DONE = "done"
    STOPPED = "stopped"  # the step could not write (locked, read-only, full): nothing changed


def segment_count(db: Database) -> int:
    """How many b-tree segments the cases' search index is made of now."""
    return int(db.execute(_SEGMENTS).fetchone()[0])


def merge_step(
    db: Database, pages: int = STEP_PAGES, most_segments: int = MOST_SEGMENTS
) -> Merging:
    """One bounded merge of the search index, in a write transaction of its own.

    First a merge already under way goes on, or crowded levels of small segments merge (a
    positive step); when that finds nothing to do and more than ``most_segments`` are left,
    or big ones beside the largest (``REST_SHARE``), a merge of them all starts (a negative
    step), which the following steps continue.
    Never raises for what the database or the disk refuses: another program holding the
    write lock (not waited for: the clerk's own work waits behind the step), a read-only
    file, a full disk — the transaction rolls back and the answer is STOPPED.
    """
    conn = db.conn
    if conn.in_transaction:  # inside someone's transaction: not ours to commit
        return Merging.STOPPED
    changes = conn.total_changes
    try:
        # one segment: nothing to merge (a merge under way has two at least), and no write
        # (even a merge that finds nothing counts a change: search_hits would let go of
        # the hits it keeps on this connection)
        if segment_count(db) <= 1:
            return Merging.DONE
        waited = conn.execute("PRAGMA busy_timeout").fetchone()[0]
        conn.execute("PRAGMA busy_timeout = 0")
    except sqlite_driver.Error:
        return Merging.STOPPED
    try:
        with write_transaction(db):
            if _merged(db, pages):
                return Merging.MORE
            if not _worth_a_full_merge(db, most_segments):
                return Merging.DONE
            return Merging.MORE if _merged(db, -pages) else Merging.DONE
    except (sqlite_driver.Error, DomainError):  # write_transaction has rolled back
        return Merging.STOPPED
    finally:
        with suppress(sqlite_driver.Error):
            conn.execute(f"PRAGMA busy_timeout = {int(waited)}")
            # a merge changes no hit: the cases list's kept hits hold (rolled back: as well)
            search_hits.still_held(db, changes)


def _worth_a_full_merge(db: Database, most_segments: int) -> bool:
    """More than ``most_segments`` left, or big ones beside the largest (``REST_SHARE``)."""
    sizes = sorted(row[0] for row in db.execute(_SIZES))
    if len(sizes) <= 1:
        return False
    return len(sizes) > most_segments or sum(sizes[:-1]) >= REST_SHARE * sum(sizes)


def _merged(db: Database, pages: int) -> bool:
    """Run one ``merge`` command; True if it merged anything (FTS5's documented test)."""
    before = db.conn.total_changes
    db.conn.execute(_MERGE, [pages])
    return db.conn.total_changes - before >= 2


def merge_fully(
    db: Database,
    pages: int = STEP_PAGES,
    most_segments: int = MOST_SEGMENTS,
    step_done: Callable[[int], None] | None = None,
) -> Merging:
    """Step until merged (DONE) or a step could not write (STOPPED); ``step_done(steps)``
    after each step that merged something."""
    steps = 0
    while (outcome := merge_step(db, pages, most_segments)) is Merging.MORE:
        steps += 1
        if step_done is not None:
            step_done(steps)
    return outcome


def optimize(db: Database) -> None:
    """Merge the whole index into one segment in one transaction: for a build that holds
    the database alone (the demo), where no clerk waits behind the lock."""
    with write_transaction(db):
        db.conn.execute("INSERT INTO cases_search (cases_search) VALUES ('optimize')")
