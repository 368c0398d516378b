"""The hits of a common search kept in the database, one bit a case (issue 16).

Reading every hit of a common word from the full-text index costs what the index takes to
list them: 85 ms for the 1.2 million cases holding 占 among five million, on two cores.
``search_hits`` keeps them per connection, but only until the database changes, which in
an office is every few minutes, and never across a start of the program. A search whose
every hit was read and found many (``KEPT_AT_LEAST``) is noted by ``search_hits``; the
window's idle upkeep writes its bitmap here (``search_hits.keep_noted``), and from then on
it is read from here: 610 KB at five million cases, 5 ms with the hits numbered above it,
which the index lists at once (it seeks to a row number).

The search index is only ever added to, each new case numbered above every case before it,
except by a rebuild, which numbers the cases again and empties this table
(``forget_bitmaps``): the bits up to ``up_to`` hold as long as the row exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.store.hits_halves import listed_rows

# A search with at least this many hits is kept (reading fewer from the index costs under
# 10 ms at five million cases); at most ``KEPT_AT_MOST`` searches are, the first written
# let go first (610 KB each at five million cases, 125 KB at a million).
KEPT_AT_LEAST = 100_000
KEPT_AT_MOST = 16
# A kept search whose hits numbered above it are this many or more is written again.
WRITTEN_AGAIN_AFTER = 20_000

_HITS_ABOVE = (
    "SELECT group_concat(rowid) FROM cases_search WHERE cases_search MATCH ? AND rowid > ?"
)


@dataclass(frozen=True)
class KeptBitmap:
    """A kept search's hits: ``bitmap``, one byte a row number (numpy), 1 for a hit."""

    bitmap: Any
    newer: int  # hits numbered above the kept bits, read from the index

    @property
    def stale(self) -> bool:
        """Worth writing again: many hits were read from the index."""
        return self.newer >= WRITTEN_AGAIN_AFTER


def is_kept(db: Database, expression: str) -> bool:
    row = db.execute("SELECT 1 FROM search_bitmaps WHERE expression = ?", [expression])
    return row.fetchone() is not None


def kept_bitmap(db: Database, expression: str) -> KeptBitmap | None:
    """The hits of the MATCH ``expression`` from its kept bits and the index's hits numbered
    above them; None: not kept."""
    import numpy

    row = db.execute(
        "SELECT up_to, bits FROM search_bitmaps WHERE expression = ?", [expression]
    ).fetchone()
    if row is None:
        return None
    up_to, bits = row
    newer = listed_rows(db.execute(_HITS_ABOVE, [expression, up_to]).fetchone()[0])
    size = max(up_to, int(newer.max()) if len(newer) else 0) + 1
    bitmap = numpy.zeros(size, dtype=numpy.uint8)
    packed = numpy.frombuffer(bits, dtype=numpy.uint8)
    bitmap[: up_to + 1] = numpy.unpackbits(packed, count=up_to + 1)
    bitmap[newer] = 1
    return KeptBitmap(bitmap, len(newer))


def write_bitmap(db: Database, expression: str, bitmap: Any) -> None:
    """Keep the hits of ``expression`` (``bitmap``: one byte a row number, as read at this
    moment of the database, inside the caller's write transaction), letting go of the
    first written beyond ``KEPT_AT_MOST``."""
    import numpy

    up_to = db.execute("SELECT coalesce(max(seq), 0) FROM cases").fetchone()[0]
    bits = numpy.zeros(up_to + 1, dtype=numpy.uint8)
    held = bitmap[: up_to + 1]  # (no hit is numbered above the highest case)
    bits[: len(held)] = held
    db.conn.execute(
        "INSERT OR REPLACE INTO search_bitmaps (expression, up_to, hits, bits, written) "
        "VALUES (?, ?, ?, ?, (SELECT coalesce(max(written), 0) + 1 FROM search_bitmaps))",
        [expression, up_to, int(numpy.count_nonzero(bits)), numpy.packbits(bits).tobytes()],
    )
    db.conn.execute(
        "DELETE FROM search_bitmaps WHERE expression NOT IN "
        "(SELECT expression FROM search_bitmaps ORDER BY written DESC LIMIT ?)",
        [KEPT_AT_MOST],
    )


def forget_bitmaps(db: Database) -> None:
    """Inside a rebuild's transaction: the row numbers name other cases from now on."""
    db.conn.execute("DELETE FROM search_bitmaps")
