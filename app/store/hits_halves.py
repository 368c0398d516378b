"""Every hit of a search read in two halves at once, one on each core: the row numbers
below the middle on the asking connection, those above it on a second connection to the
same file, opened for the read on a thread of its own (issue 16).

SQLite lets go of Python's lock while it runs a statement, and listing a word's hits is
one statement's work from start to end (the 239,000 cases holding 占 among a million:
about 25 ms), so the two halves take about as long as one. The second connection is
opened for each read and closed after it: nothing is left open beside the database for
the commands that need it alone (``towndesk encrypt``), and a word's hits are read once
until the database changes (search_hits keeps them).

Not inside a transaction (the other connection would not see its writes), not for an
in-memory database, and not for few cases, where opening a connection costs more than
it saves: then the asking connection reads them all, as it does when the other read
fails in any way."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.core.errors import DomainError
from app.store import sqlite_driver
from app.store.database import connect, key_of
from app.store.encryption import DatabaseFile

# below this many cases in the database the hits are read on one connection (opening the
# second costs about a millisecond)
HALVED_ABOVE = 100_000

_HITS_BETWEEN = (
    "SELECT group_concat(rowid) FROM cases_search "
    "WHERE cases_search MATCH ? AND rowid >= ? AND rowid < ?"
)

_other_core = ThreadPoolExecutor(max_workers=1, thread_name_prefix="towndesk-hits")


def hits_below(db: Database, match: str, below: int) -> Any:
    """Every hit of ``match`` numbered below ``below`` (numpy, in order)."""
    top = min(below, _last_case(db) + 1)
    file = None if db.conn.in_transaction or top <= HALVED_ABOVE else _file_of(db)
    if file is None:
        return _between(db, match, 0, below)
    middle = top // 2
    upper: Future[Any] = _other_core.submit(_read_apart, file, match, middle, below)
    lower = _between(db, match, 0, middle)
    try:
        above = upper.result()
    except (sqlite_driver.Error, DomainError, OSError, ValueError):  # read here, as without
        above = _between(db, match, middle, below)
    import numpy

    return numpy.concatenate([lower, above])


def listed_rows(listed: str | None) -> Any:
    """``group_concat``'s list of row numbers as a numpy array."""
    # numpy (through pyqtgraph) parses the index's list of row numbers in C: 6 ms for
    # 239,000 hits, where Python's int() takes 40; imported here, not at start-up
    import numpy

    return numpy.fromstring(listed or "", dtype=numpy.int64, sep=",")


def _between(db: Database, match: str, low: int, high: int) -> Any:
    return listed_rows(db.execute(_HITS_BETWEEN, [match, low, high]).fetchone()[0])


def _read_apart(file: DatabaseFile, match: str, low: int, high: int) -> Any:
    db = connect(file)
    try:
        return _between(db, match, low, high)
    finally:
        db.close()


def _last_case(db: Database) -> int:
    return db.execute("SELECT coalesce(max(seq), 0) FROM cases").fetchone()[0]


def _file_of(db: Database) -> DatabaseFile | None:
    """The file ``db`` is open on, with its key; None in memory."""
    path = db.execute("PRAGMA database_list").fetchone()[2]
    return DatabaseFile(Path(path), key_of(db)) if path else None
