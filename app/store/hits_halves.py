"""Every hit of a search read in two halves at once, one on each core: the row numbers
below the middle on the asking connection, those above it on a second connection to the
same file, opened for the read on a thread of its own (issue 16).

SQLite lets go of Python's lock while it runs a statement, and listing a word's hits is
one statement's work from start to end, so each half takes half the time and both run at
once (the 239,000 cases holding 占 among a million: 21 ms in one read, 11 in halves, the
second connection opened and closed included). The second connection is
opened for each read and closed after it: nothing is left open beside the database for
the commands that need it alone (``towndesk encrypt``), and a word's hits are read once
until the database changes (search_hits keeps them).

The newest ``FEW_HITS`` are read first, on the asking connection: a word with no more
hits than that is read whole there. Nor is a second connection used inside a transaction
(it would not see its writes), for an in-memory database or a small one: the asking
connection then reads them all, as it does when the other read fails in any way."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.core.errors import DomainError
from app.store import sqlite_driver
from app.store.database import connect, key_of
from app.store.encryption import DatabaseFile

# the newest hits read first, on the asking connection alone: a word with no more than
# these is read whole (a fraction of a millisecond), without a second connection (which
# costs about 0.9 ms to open and hand the read to)
FEW_HITS = 2_000
# below this row number the rest is read on the asking connection too
HALVED_ABOVE = 100_000

_HITS_BETWEEN = (
    "SELECT group_concat(rowid) FROM cases_search "
    "WHERE cases_search MATCH ? AND rowid >= ? AND rowid < ?"
)
# the hits below a row number, the newest first (the full-text index seeks to it: each
# further read costs what its own hits do, ~0.6 µs each)
NEWEST_BELOW = (
    "SELECT group_concat(rowid) FROM (SELECT rowid FROM cases_search "
    "WHERE cases_search MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?)"
)

_other_core = ThreadPoolExecutor(max_workers=1, thread_name_prefix="towndesk-hits")


def hits_below(db: Database, match: str, below: int) -> Any:
    """Every hit of ``match`` numbered below ``below`` (numpy, in order)."""
    listed = db.execute(NEWEST_BELOW, [match, below, FEW_HITS]).fetchone()[0]
    newest = listed_rows(listed)[::-1]
    if len(newest) < FEW_HITS:
        return newest  # every one
    return joined(_in_halves(db, match, int(newest[0])), newest)


def _in_halves(db: Database, match: str, below: int) -> Any:
    """Every hit below ``below``: the lower half here, the upper one beside it."""
    file = None if db.conn.in_transaction or below <= HALVED_ABOVE else _file_of(db)
    if file is None:
        return _between(db, match, 0, below)
    middle = below // 2
    try:
        upper: Future[Any] = _other_core.submit(_read_apart, file, match, middle, below)
    except RuntimeError:  # the program is ending: no new thread
        return _between(db, match, 0, below)
    lower = _between(db, match, 0, middle)
    try:
        above = upper.result()
    except (sqlite_driver.Error, DomainError, OSError, ValueError):  # read here, as without
        above = _between(db, match, middle, below)
    return joined(lower, above)


def listed_rows(listed: str | None) -> Any:
    """``group_concat``'s list of row numbers as a numpy array."""
    # numpy (through pyqtgraph) parses the index's list of row numbers in C: 6 ms for
    # 239,000 hits, where Python's int() takes 40; imported here, not at start-up
    import numpy

    return numpy.fromstring(listed or "", dtype=numpy.int64, sep=",")


def joined(*parts: Any) -> Any:
    """The numpy arrays one after the other."""
    import numpy

    return numpy.concatenate(parts)


def _between(db: Database, match: str, low: int, high: int) -> Any:
    return listed_rows(db.execute(_HITS_BETWEEN, [match, low, high]).fetchone()[0])


def _read_apart(file: DatabaseFile, match: str, low: int, high: int) -> Any:
    db = connect(file)
    try:
        return _between(db, match, low, high)
    finally:
        db.close()


def _file_of(db: Database) -> DatabaseFile | None:
    """The file ``db`` is open on, with its key; None in memory."""
    path = db.execute("PRAGMA database_list").fetchone()[2]
    return DatabaseFile(Path(path), key_of(db)) if path else None
