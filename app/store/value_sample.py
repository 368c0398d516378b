"""Which of a filter's values finds the fewest cases, told from a sample of the table in
a fraction of a millisecond (issue 16): the index a search newest first is walked through
(``case_count``), the one a search within a filter lists its cases through
(``search_within``), and whether a unit's cases are read through its own index
(``case_plan``)."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from sqlite_utils import Database

# The sample that chooses the filter whose index such a search walks through: this many
# slices of consecutive row numbers spread over the table, each this long (~0.3 ms).
VIA_SLICES = 8
VIA_SLICE_ROWS = 250


T = TypeVar("T")
# what a list's plan samples and counts, kept per connection until it or another writes
# (its plan asks the same a dozen times: 0.3-2 ms each)
_kept: weakref.WeakKeyDictionary[Database, tuple[Any, dict[Any, Any]]] = weakref.WeakKeyDictionary()


def written_version(db: Database) -> tuple[int, int] | None:
    """What moves whenever the database is written: ``PRAGMA data_version`` by another
    connection's commit, ``total_changes`` by this one's writes; None inside a transaction
    (a rollback undoes its writes without a trace)."""
    if db.conn.in_transaction:
        return None
    return db.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes


def kept_until_written(db: Database, key: Any, work: Callable[[], T]) -> T:
    """What ``work`` returns, kept on ``db`` under ``key`` until the database is written
    (not kept inside a transaction: ``written_version``)."""
    version = written_version(db)
    if version is None:
        return work()
    kept_version, kept = _kept.get(db, (None, {}))
    if kept_version != version:
        kept = {}
        _kept[db] = (version, kept)
    if key not in kept:
        kept[key] = work()
    return kept[key]  # type: ignore[no-any-return]


def forget_kept() -> None:
    """Work everything out again at its next use, on every connection (for the benchmarks,
    which time a list as first asked for: ``search_hits.forget_searches``)."""
    _kept.clear()


def fewest(db: Database, columns: dict[str, str]) -> tuple[str, int]:
    """Of ``columns``, the one whose value finds the fewest cases in a sample spread over
    the table, and how many cases it finds in the table (estimated)."""
    key = ("fewest", *columns.items())
    return kept_until_written(db, key, lambda: _sampled(db, columns))


def _sampled(db: Database, columns: dict[str, str]) -> tuple[str, int]:
    counted = ", ".join(f"count(*) FILTER (WHERE {column} = ?)" for column in columns)
    sql = f"SELECT {counted} FROM cases INDEXED BY cases_by_seq WHERE seq BETWEEN ? AND ?"
    last = db.execute("SELECT max(seq) FROM cases").fetchone()[0] or 0
    step = max(last // VIA_SLICES, 1)
    found = [0] * len(columns)
    for first in range(1, VIA_SLICES * step, step):
        row = db.execute(sql, [*columns.values(), first, first + VIA_SLICE_ROWS - 1]).fetchone()
        found = [a + b for a, b in zip(found, row, strict=True)]
    least, column = min(zip(found, columns, strict=True))
    return column, round(least * last / (VIA_SLICES * VIA_SLICE_ROWS))
