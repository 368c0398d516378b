"""A search's hits as a bitmap of row numbers, so any list plan can test a case in a
fraction of a microsecond (issue 16).

SQLite can only test "is this case a hit" by building a temporary B-tree of every hit
(``seq IN (SELECT rowid FROM cases_search ...)``: 160–260 ms for the 239,000 cases holding
占 in the million-case demo) or by asking the full-text index once per case (about 100 µs
each). Reading the hits once into a bitmap costs what the index takes to list them (about
30 ms for 占, 1 ms for a rare word), after which walking any sort order's index and
testing each entry with ``substr(bitmap, seq + 1, 1)`` finds the first page in well under a
millisecond. The bitmap is kept per connection for the same text until the database
changes, so changing the sort or a filter under the same search reads nothing again; a
search with many hits is kept in the database too, once the office is idle
(``search_bitmaps``, ``keep_noted``), and read from there after the database changes.
"""

from __future__ import annotations

import itertools
import weakref
from collections import OrderedDict
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from app.core.errors import DomainError
from app.store import search_bitmaps, sqlite_driver
from app.store.database import lock_waited_at_most, write_transaction
from app.store.hits_halves import NEWEST_BELOW, hits_below, joined, listed_rows
from app.store.sqlite_driver import OperationalError
from app.store.value_sample import forget_kept

# Bitmaps kept per connection (a million cases: 1 MB each).
KEPT = 4

_names = itertools.count(1)
_in_transaction = itertools.count(1)  # a version no later call has
_generation = 0  # raised by forget_searches: every kept bitmap is read again


@dataclass(frozen=True)
class SearchHits:
    """The cases an FTS5 MATCH expression finds: how many, and which (a bitmap)."""

    count: int
    bits: bytes = field(repr=False)  # one byte a row number: 1 for a hit
    # what the cases list worked out about these hits (which plan serves a filter), kept
    # as long as they are: both hold until the database changes
    plans: dict[Any, bool] = field(default_factory=dict, compare=False)
    # the same bitmap in numpy, for testing many cases at once
    bitmap: Any = field(default=None, compare=False)
    # the hits' row numbers (numpy, in no order; ``rows``), and the values of a column of
    # values_kept.FIXED they hold (case_plan._only_holding)
    row_numbers: Any = field(default=None, compare=False)
    holding: dict[str, list[str]] = field(default_factory=dict, compare=False)

    @property
    def rows(self) -> Any:
        """The hits' row numbers (numpy, in no order): found in the bitmap when they were
        not read (kept in the database: 3 ms for 1.2 million among five million, its bytes
        seen as booleans: as bytes, 16)."""
        if self.row_numbers is None:
            import numpy

            found = numpy.flatnonzero(self.bitmap.view(numpy.bool_))
            object.__setattr__(self, "row_numbers", found)
        return self.row_numbers

    def test(self) -> tuple[str, bytes]:
        """The SQL test that the case numbered ``seq`` is a hit, and its parameter: the
        bitmap, one byte of it read by SQLite itself for each case (half the time of a
        Python function asked: a walk may test 900,000 index entries)."""
        return "substr(?,seq+1,1)=x'01'", self.bits

    def among(self, seqs: Any) -> Any:
        """The hits among ``seqs`` (a numpy array of row numbers), in their order."""
        import numpy

        bitmap = self.bitmap
        inside = seqs[(seqs >= 0) & (seqs < len(bitmap))]
        return inside[bitmap[inside].astype(numpy.bool_)]


@dataclass
class NewestHits:
    """The newest of a search's hits (the highest row numbers), read first: a list in the
    order received, walked from its newest case, tests only those (the first page of 占
    among a million cases needs a few thousand of its 239,000 hits). The SQL function
    (the row number, the time received) is 1 for a hit numbered ``below`` or more. An
    older case stops the statement with an error (``needed_more``) until ``window`` hits
    are found; after that it is past the window (the walk reads on to the end of its last
    time received), and the latest such time is noted in ``passed`` to check it was."""

    match: str
    function: str
    below: int  # the lowest row number whose hits are known
    top: int  # the highest row number read (the newest hit)
    read: int  # how many hits were read
    window: int = 0  # the walk's rows: set before each walk (``walking``)
    tested: int = 0  # the cases the function was asked about, in this walk
    found: int = 0  # the hits among them
    passed: str = ""  # the latest time received of an older case after the window
    needed_more: bool = False
    bits: bytes = b""  # one byte a row number, from ``below`` to ``top``
    rows: Any = None  # the hits read (numpy)
    version: tuple[int, int, int] = (0, 0, 0)  # of the database, before the first read
    complete: bool = False  # every hit read: an older case is none

    def test(self) -> str:
        return f"{self.function}(seq,received_at)"

    def walking(self, window: int) -> None:
        self.window, self.tested, self.found, self.passed = window, 0, 0, ""
        self.needed_more = False

    def holds(self, last_received: str) -> bool:
        """Whether no older case came before the window's last row (received then)."""
        return self.passed <= last_received

    def more(self, db: Database, how_many: int) -> bool:
        """Read up to ``how_many`` more hits, older than those read (the same function
        knows them at once); False: there were none (``complete`` once fewer came)."""
        return _more(db, self, how_many)

    def finish(self, db: Database) -> SearchHits:
        """Every hit, read on from those read, kept as ``search_hits`` keeps them."""
        return _finish(db, self)


@dataclass
class _Kept:
    version: tuple[int, int, int]  # (data_version, total_changes, _generation) when read
    hits: SearchHits


# the newest hits' functions to unregister, by name and number of arguments (SQLite tells
# functions of the same name apart by it: unregistering with another number leaves one)
_released: weakref.WeakKeyDictionary[Database, list[tuple[str, int]]] = weakref.WeakKeyDictionary()
_kept: weakref.WeakKeyDictionary[Database, OrderedDict[str, _Kept]] = weakref.WeakKeyDictionary()


def search_hits(db: Database, match: str) -> SearchHits:
    """The hits of ``match`` on ``db``, read now or kept from an earlier call on the same
    connection if nothing was written since (never inside a transaction, which may yet be
    rolled back)."""
    version = _version(db)  # before the read: a write meanwhile is not taken as read
    found = _still_kept(db, match, version)
    return found or _keep(db, match, _read(db, match), version)


def kept_hits(db: Database, match: str) -> SearchHits | None:
    """The hits of ``match`` if they are kept and still hold, else None (nothing read)."""
    return _still_kept(db, match, _version(db))


def hits_at_hand(db: Database, match: str) -> bool:
    """Whether the hits of ``match`` are at hand: kept on this connection, or in the
    database (read in a few milliseconds, as the bitmap's walk is quicker than probing)."""
    return kept_hits(db, match) is not None or search_bitmaps.is_kept(db, match)


def _still_kept(db: Database, match: str, version: tuple[int, int, int]) -> SearchHits | None:
    """The hits of ``match`` kept at ``version``, if they are; releases the functions of
    the newest hits read before (an older reading of ``match`` is dropped by ``_keep``
    when it is read again)."""
    _drop_released(db)
    kept = _kept.setdefault(db, OrderedDict())
    found = kept.get(match)
    if found is None or found.version != version:
        return None
    kept.move_to_end(match)
    return found.hits


def still_held(db: Database, changes_before: int) -> None:
    """The hits kept on ``db`` that held before a write of its own that changed no case and
    no hit (a merge of the search index: ``search_index.merge_step``), ``changes_before``
    its ``total_changes`` then, hold after it too: the write counted a change, which
    would let them go at every idle period. A commit by another connection meanwhile (a
    new ``data_version``) still lets them go."""
    now = _version(db)
    before = (now[0], changes_before, _generation)
    for kept in _kept.get(db, {}).values():
        if kept.version == before:
            kept.version = now


def _version(db: Database) -> tuple[int, int, int]:
    """What must not have changed for kept hits to hold (see ``search_hits``)."""
    data_version = db.execute("PRAGMA data_version").fetchone()[0]
    version = (data_version, db.conn.total_changes, _generation)
    if db.conn.in_transaction:  # a rollback undoes writes without a trace in the version
        version = (*version[:2], -next(_in_transaction))
    return version


def _keep(db: Database, match: str, hits: SearchHits, version: tuple[int, int, int]) -> SearchHits:
    """Keep ``hits``, read at ``version`` (taken before they were read)."""
    kept = _kept.setdefault(db, OrderedDict())
    kept.pop(match, None)  # an older reading
    kept[match] = _Kept(version, hits)
    while len(kept) > KEPT:
        kept.popitem(last=False)
    return hits


def newest_hits(db: Database, match: str, how_many: int) -> SearchHits | NewestHits:
    """The hits of ``match``, the ``how_many`` newest first: all of them (kept, as
    ``search_hits`` keeps them) if there are no more, else the newest (not kept; more are
    read below them with ``NewestHits.more``, the rest with ``NewestHits.finish``)."""
    version = _version(db)  # before the read: a write meanwhile is not taken as read
    found = _still_kept(db, match, version)
    if found is not None:
        return found
    rows = listed_rows(db.execute(NEWEST_BELOW, [match, _ABOVE_ALL, how_many + 1]).fetchone()[0])
    if len(rows) <= how_many:  # every hit: kept like any other
        return _keep(db, match, _hits(rows), version)
    name = f"search_hit_{next(_names)}"
    newest = NewestHits(match, name, int(rows.min()), int(rows.max()), len(rows))
    newest.rows, newest.version = rows, version
    newest.bits = _bitmap(rows - newest.below).tobytes()

    def is_hit(seq: int, received_at: str) -> int:
        newest.tested += 1
        below = newest.below
        if seq >= below:
            hit = newest.bits[seq - below] if seq <= newest.top else 0
            newest.found += hit
            return hit
        if newest.complete:
            return 0
        if newest.found < newest.window:  # not read yet: stop (SQLite reports an error)
            newest.needed_more = True
            raise LookupError(seq)
        newest.passed = max(newest.passed, received_at)
        return 0

    db.conn.create_function(name, 2, is_hit)
    _released.setdefault(db, []).append((name, 2))  # unregistered at the next search
    return newest


_ABOVE_ALL = 2**62


def _more(db: Database, newest: NewestHits, how_many: int) -> bool:
    """Read up to ``how_many`` more of ``newest``'s hits, below those read: False when
    every hit is read (none is left below)."""
    params = [newest.match, newest.below, how_many]
    rows = listed_rows(db.execute(NEWEST_BELOW, params).fetchone()[0])
    newest.complete = len(rows) < how_many
    if len(rows) == 0:
        return False
    newest.rows = joined(newest.rows, rows)
    below = int(rows.min())
    bitmap = _bitmap(rows - below)
    newest.bits = bitmap.tobytes() + b"\0" * (newest.below - below - len(bitmap)) + newest.bits
    newest.below = below
    newest.read += len(rows)
    return True


def _finish(db: Database, newest: NewestHits) -> SearchHits:
    """Every hit of ``newest``: the rest read below those read, kept as ``search_hits``
    keeps hits (as of before the first read), so a plan that reads every hit after the
    newest gave up reads nothing again."""
    on_file = _kept_on_file(db, newest.match)
    if on_file is not None:
        return _keep(db, newest.match, on_file, newest.version)
    rows = joined(newest.rows, hits_below(db, newest.match, newest.below))
    return _keep(db, newest.match, _noted_if_many(newest.match, _hits(rows)), newest.version)


def forget_searches() -> None:
    """Read every search again at its next use, on every connection (for the benchmarks,
    which time a search as the clerk first types it)."""
    global _generation
    _generation += 1
    forget_kept()  # and what a plan worked out about the filters


def _read(db: Database, match: str) -> SearchHits:
    on_file = _kept_on_file(db, match)
    if on_file is not None:
        return on_file
    return _noted_if_many(match, _hits(hits_below(db, match, _ABOVE_ALL)))


# searches read whole with many hits, to keep in the database at the next idle step (by
# the process that read them: ``keep_noted`` takes their bitmaps from the hits it keeps)
_noted: OrderedDict[str, None] = OrderedDict()


def _noted_if_many(match: str, hits: SearchHits) -> SearchHits:
    if hits.count >= search_bitmaps.KEPT_AT_LEAST:
        _noted[match] = None
        while len(_noted) > search_bitmaps.KEPT_AT_MOST:
            _noted.popitem(last=False)
    return hits


def _kept_on_file(db: Database, match: str) -> SearchHits | None:
    """The hits of ``match`` kept in the database (noted to write again when many were
    added since); None: not kept there."""
    import numpy

    kept = search_bitmaps.kept_bitmap(db, match)
    if kept is None:
        return None
    if kept.stale:
        _noted[match] = None
    bits = kept.bitmap.tobytes()
    count = int(numpy.count_nonzero(kept.bitmap))
    return SearchHits(count, bits, bitmap=kept.bitmap)


def keep_noted(db: Database) -> bool | None:
    """Write one search noted since (its hits read whole, many of them) into the database,
    from the hits this connection keeps of it, in a write transaction of its own (the
    idle upkeep's step). True: one was taken, written or let go (its hits no longer
    kept: the database changed since; it is noted again when read whole again); False:
    none is noted; None: the step could not write (another program holding the lock, a
    read-only file, a full disk), nothing changed."""
    conn = db.conn
    if conn.in_transaction or not _noted:
        return False
    match = next(iter(_noted))
    del _noted[match]
    kept = _kept.get(db, {}).get(match)
    changes = conn.total_changes
    try:
        if kept is None or kept.version != _version(db):
            return True
        with lock_waited_at_most(db, 0), write_transaction(db):
            # another program's commit since the hits were read: they may not hold
            if db.execute("PRAGMA data_version").fetchone()[0] == kept.version[0]:
                search_bitmaps.write_bitmap(db, match, kept.hits.bitmap)
        return True
    except (sqlite_driver.Error, DomainError):  # write_transaction has rolled back
        _noted[match] = None
        return None
    finally:
        with suppress(sqlite_driver.Error):
            still_held(db, changes)  # no case and no hit changed


def _bitmap(rows: Any) -> Any:
    import numpy

    bitmap = numpy.zeros(int(rows.max()) + 1 if len(rows) else 0, dtype=numpy.uint8)
    bitmap[rows] = 1
    return bitmap


def _hits(rows: Any) -> SearchHits:
    import numpy

    bits = _bitmap(rows).tobytes()
    bitmap = numpy.frombuffer(bits, dtype=numpy.uint8)
    return SearchHits(len(rows), bits, bitmap=bitmap, row_numbers=rows)


def _drop_released(db: Database) -> None:
    """Unregister the functions of the newest hits read before (releasing their bitmaps);
    SQLite refuses while a statement of the connection is still being read, so those wait
    for next time."""
    waiting = _released.get(db, [])
    for function, arguments in list(waiting):
        try:
            db.conn.create_function(function, arguments, None)
        except OperationalError:
            return
        waiting.remove((function, arguments))
