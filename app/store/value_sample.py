"""Which of a filter's values finds the fewest cases, told from a sample of the table in
a fraction of a millisecond (issue 16): the index a search newest first is walked through
(``case_count``), the one a search within a filter lists its cases through
(``search_within``), and whether a unit's cases are read through its own index
(``case_plan``)."""

from __future__ import annotations

import weakref
from typing import Any

from sqlite_utils import Database

# The sample that chooses the filter whose index such a search walks through: this many
# slices of consecutive row numbers spread over the table, each this long (~0.3 ms).
VIA_SLICES = 8
VIA_SLICE_ROWS = 250


# samples kept per connection until it or another writes (a list's plan asks for the
# same one a dozen times: 0.3 ms each)
_kept: weakref.WeakKeyDictionary[Database, tuple[Any, dict[Any, tuple[str, int]]]] = (
    weakref.WeakKeyDictionary()
)


def fewest(db: Database, columns: dict[str, str]) -> tuple[str, int]:
    """Of ``columns``, the one whose value finds the fewest cases in a sample spread over
    the table, and how many cases it finds in the table (estimated)."""
    version = (db.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes)
    kept_version, kept = _kept.get(db, (None, {}))
    if kept_version != version:
        kept = {}
        _kept[db] = (version, kept)
    key = tuple(columns.items())
    if key not in kept:
        kept[key] = _sampled(db, columns)
    return kept[key]


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
