"""Each case's category, grid, source, urgency, first receiving unit, status and lead unit,
one small number a row number, and the second it was received, read once and kept in memory
per connection, as they are now (issue 16): what ``case_values`` tells apart.

The fixed columns (``FIXED``) and the time received are written once, when the case is
registered, and never changed after (the fold updates only the others:
projections/cases.py), so what was read holds for as long as the row numbers name the same
cases: until a rebuild numbers them again (it counts ``NUMBERING`` up).

The status and the lead unit (``CURRENT``) change as the case goes along its path, each
change an event folded in the transaction that writes it (store/eventlog.py,
replication.py). They are kept current from the event log: the cases named by the events
appended since (their row numbers in ``events``, which only grows) are read again before
anything is told. A setting may fold many cases again beside the events naming them (a
category's time limits, the calendar): it counts ``REFOLDED`` up (``refold_cases``), and
everything is read anew.

They are read a chunk of row numbers at a time through ``cases_by_seq``, which holds them
all: by the window's idle upkeep (``read_more``, about 20 ms a chunk), and when a list is
read, the few cases registered (or events appended) since. A list read before they are all
read walks as before.

The address, written once like the fixed columns, is not in ``cases_by_seq``, and the
table would be read whole for it: it is read after them, from its own index, a chunk of
cases at a time in the index's order (``_read_addresses``), then those registered since by
row number. It only orders a list (``case_values.leading_values``, ``order_keys``): a list
by address shows first the few addresses holding its first rows, whatever the rest.
"""

from __future__ import annotations

import json
import re
import weakref
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from app.store.settings import read_setting, write_setting
from app.store.value_sample import written_version

FIXED = ("category_code", "grid_code", "source", "urgency", "first_receiver_unit")
CURRENT = ("status", "lead_unit")  # changed by the fold: kept current from the event log
HELD = FIXED + CURRENT
ADDRESS = "address"
ORDERED = (*HELD, ADDRESS)  # the columns whose order the values kept tell
# more different addresses than this are not kept (each new one sorts them all again when
# a list is next ordered by them: 100 ms at this many, in Python, beside a test run); lists
# by address are then walked as before
ADDRESSES_AT_MOST = 65_535
# counted up by a rebuild, which numbers every case again
NUMBERING = "cases_numbered"
# counted up where cases are folded again beside the events naming them (a category's time
# limits, a commitment, the calendar: projections/reference.py), which may change any case
REFOLDED = "cases_refolded"
# cases read in one step of the idle upkeep (~30 ms on the worker, which a list asked for
# meanwhile waits for), and at most as many registered since the last read are read when a
# list asks (a few: a sync import's thousands wait for idle); the same for the events
# appended since
CHUNK = 12_000
READ_WHEN_ASKED = 2_000
# a time received, as the seconds from this one (four bytes a case; 0: none kept)
TIME_ZERO = "1999-12-31 23:59:59"
# ... each written so (the lines of a chunk's times, one after another)
TIME_SHAPE = re.compile(r"(?:[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\n)*")


@dataclass
class Values:
    numbering: Any  # NUMBERING and REFOLDED when read
    events_seen: int  # the events appended up to this row number are folded in what is read
    known: int = 0  # row numbers 1..known are read
    codes: dict[str, Any] = field(default_factory=dict)  # a column's code of each row number
    values: dict[str, list[str]] = field(default_factory=dict)  # code - 1 -> value
    index: dict[str, dict[str, int]] = field(default_factory=dict)  # value -> code
    times: Any = None  # each row number's time received (``time_of``), numpy
    undated: bool = False  # a case received at no time kept (not told by its time)
    # which cases hold what a filter asks, as last worked out (``case_values``), by the
    # filter, the sampling, and what was read then
    masks: dict[Any, Any] = field(default_factory=dict)
    # ... and the days their cases were received (``case_values.days_received``)
    days: dict[Any, Any] = field(default_factory=dict)
    # the database's state (``value_sample.written_version``) when this was last found
    # whole and current: while it stays, nothing is asked again (a list asks ``known``
    # several times, each check about six statements)
    current_at: tuple[int, int] | None = None
    # each code's place in SQLite's order of a column's values, and how many values that
    # was worked out for (case_values._ranks)
    ranks: dict[str, tuple[int, Any]] = field(default_factory=dict)
    # the addresses (``_read_addresses``): read along their index for the cases numbered up to
    # ``addresses_upto`` (every case when begun), the last (address, time received) read
    # (None: not begun), ``addresses_along`` while it is; then by row number up to
    # ``addresses_known``
    addresses_upto: int = 0
    addresses_after: tuple[str, str] | None = None
    addresses_along: bool = True
    addresses_known: int = 0
    addresses_kept: bool = True  # False: more than ADDRESSES_AT_MOST, none kept


_kept: weakref.WeakKeyDictionary[Database, Values] = weakref.WeakKeyDictionary()


def renumbered(db: Database) -> None:
    """Inside a rebuild's transaction: the row numbers name other cases from now on."""
    write_setting(db, NUMBERING, (read_setting(db, NUMBERING) or 0) + 1)


def refolded(db: Database) -> None:
    """Inside the transaction folding cases again beside the events naming them: what was
    read of any case may have changed."""
    write_setting(db, REFOLDED, (read_setting(db, REFOLDED) or 0) + 1)


def read_more(db: Database) -> bool:
    """Read the events appended since, or the next chunk of row numbers (the idle upkeep's
    step); False when all are read (or inside a transaction, whose rows may yet be rolled
    back)."""
    kept = _current(db)
    if kept is None:
        return False
    last = _last_event(db)
    if last > kept.events_seen:
        _read_again(db, kept, min(last, kept.events_seen + CHUNK))
        return True
    return _read_chunk(db, kept) or _read_addresses(db, kept, CHUNK)


def known(db: Database, seqs: Any) -> Values | None:
    """What is kept for ``db`` if it holds every case numbered ``seqs`` as it is now, else
    None (read on first if a few were registered, or events appended, since:
    ``READ_WHEN_ASKED``)."""
    kept = _whole_and_current(db)
    if kept is None or (len(seqs) and seqs.max() > kept.known):  # (a hit registered since)
        return None
    return kept


def _whole_and_current(db: Database) -> Values | None:
    """What is kept, if it holds every case as it is now."""
    stamp = written_version(db)
    kept = _kept.get(db)
    if kept is not None and stamp is not None and kept.current_at == stamp:
        return kept
    kept = _current(db)
    if kept is None or not _caught_up(db, kept):
        return None
    top = db.execute("SELECT max(seq) FROM cases").fetchone()[0] or 0
    if 0 < top - kept.known <= READ_WHEN_ASKED:
        _read_chunk(db, kept)
    if not kept.addresses_along and 0 < kept.known - kept.addresses_known <= READ_WHEN_ASKED:
        _read_addresses(db, kept, READ_WHEN_ASKED)
    if kept.known < top or not kept.codes:  # (not all read, or no case at all)
        return None
    if _numbering(db) != kept.numbering:  # a rebuild, or a refold, committed meanwhile
        return None
    kept.current_at = stamp
    return kept


def _current(db: Database) -> Values | None:
    """What is kept for ``db``, started again after a rebuild or a refold; None inside a
    transaction."""
    if db.conn.in_transaction:
        return None
    numbering = _numbering(db)
    kept = _kept.get(db)
    if kept is None or kept.numbering != numbering:
        kept = _started(db, numbering)
    return kept


def _numbering(db: Database) -> tuple[Any, Any]:
    """The counts of rebuilds and refolds: what was read holds while they stay."""
    return read_setting(db, NUMBERING), read_setting(db, REFOLDED)


def _started(db: Database, numbering: Any) -> Values:
    """Nothing read yet: every event appended from now on is caught up with."""
    kept = _kept[db] = Values(numbering, _last_event(db))
    return kept


def _last_event(db: Database) -> int:
    return db.execute("SELECT max(rowid) FROM events").fetchone()[0] or 0


def _caught_up(db: Database, kept: Values) -> bool:
    """Whether what is kept is as the cases are now: the cases named by the events
    appended since read again, if those are at most ``READ_WHEN_ASKED``."""
    last = _last_event(db)
    if last - kept.events_seen > READ_WHEN_ASKED:
        return False  # (the idle upkeep reads them, a chunk at a time)
    if last > kept.events_seen:
        _read_again(db, kept, last)
    return True


def _read_again(db: Database, kept: Values, upto: int) -> None:
    """Read again the cases named by the events appended up to row number ``upto`` (an
    event of anything else folds no case but through ``refolded``)."""
    named = db.execute(
        "SELECT DISTINCT entity_id FROM events WHERE rowid > ? AND rowid <= ? AND entity = 'case'",
        [kept.events_seen, upto],
    ).fetchall()
    # (read after the events: what they changed is folded in it, and maybe more since)
    rows = db.execute(
        f"SELECT seq, {', '.join(CURRENT)} FROM cases "
        "WHERE id IN (SELECT value FROM json_each(?)) AND seq <= ?",
        [json.dumps([case_id for (case_id,) in named]), kept.known],
    ).fetchall()
    if rows:
        _write_codes(kept, rows, CURRENT)
    kept.events_seen = upto


def _read_chunk(db: Database, kept: Values) -> bool:
    """Read the next ``CHUNK`` cases after the row numbers read; False: there were none."""

    rows = db.execute(
        f"SELECT seq, {', '.join(HELD)}, received_at FROM cases INDEXED BY cases_by_seq "
        "WHERE seq > ? ORDER BY seq LIMIT ?",
        [kept.known, CHUNK],
    ).fetchall()
    if not rows:
        return False
    # room for every case there is, made at the first chunk: growing five million codes
    # chunk by chunk kept two copies of each at once (the window's peak: 100 MiB more)
    room = db.execute("SELECT max(seq) FROM cases").fetchone()[0] or 0
    last = _write_codes(kept, rows, HELD, room)
    times = _times_of([row[-1] for row in rows])
    kept.undated = kept.undated or not times.all()
    kept.times = _grown(kept.times, last, room, "uint32")
    kept.times[[row[0] for row in rows]] = times
    kept.known = last
    return True


def _read_addresses(db: Database, kept: Values, most: int) -> bool:
    """Read the addresses of up to ``most`` more cases, along their index and then by row
    number (see the module's text), once every case's other values are read; False: none
    is left to read."""
    if kept.known == 0 or not kept.addresses_kept:
        return False
    if kept.addresses_along:
        if kept.addresses_after is None:
            kept.addresses_upto = kept.addresses_known = kept.known
        _read_along_addresses(db, kept, most)
    elif kept.addresses_known >= kept.known:
        return False
    else:
        rows = db.execute(
            "SELECT seq, address FROM cases WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
            [kept.addresses_known, kept.known, most],
        ).fetchall()
        if rows:
            _write_codes(kept, rows, (ADDRESS,), kept.known)
        kept.addresses_known = rows[-1][0] if len(rows) == most else kept.known
    if len(kept.values.get(ADDRESS, ())) > ADDRESSES_AT_MOST:  # none kept, for good
        kept.addresses_kept = False
        for kind in (kept.codes, kept.values, kept.index, kept.ranks):
            kind.pop(ADDRESS, None)
    return True


def _read_along_addresses(db: Database, kept: Values, most: int) -> None:
    """The next ``most`` cases along the address index (of those numbered up to
    ``addresses_upto``), to the end of the last (address, time received) read: the next
    step goes on after it (a seek in the index)."""
    after = kept.addresses_after
    where = "" if after is None else "(address, received_at) > (?, ?) AND "
    rows = db.execute(
        "SELECT seq, address, received_at FROM cases INDEXED BY cases_by_address "
        f"WHERE {where}seq <= ? ORDER BY address, received_at LIMIT ?",
        [*(after or ()), kept.addresses_upto, most],
    ).fetchall()
    if len(rows) == most:  # the last (address, time) whole: read on to its end
        last = rows[-1][1:]
        rows += db.execute(
            "SELECT seq, address, received_at FROM cases INDEXED BY cases_by_address "
            "WHERE address = ? AND received_at = ? AND seq <= ? AND seq NOT IN "
            "(SELECT value FROM json_each(?))",
            [*last, kept.addresses_upto, json.dumps([r[0] for r in rows if r[1:] == last])],
        ).fetchall()
    if rows:
        _write_codes(kept, rows, (ADDRESS,), kept.known)
    kept.addresses_after = rows[-1][1:] if len(rows) >= most else None
    kept.addresses_along = len(rows) >= most


def _write_codes(kept: Values, rows: list[Any], columns: tuple[str, ...], room: int = 0) -> int:
    """Keep each row's values of ``columns`` (the row's second on), by its row number (its
    first), with room up to row number ``room``; the highest row number."""
    import numpy

    seqs = numpy.fromiter((row[0] for row in rows), dtype=numpy.int64, count=len(rows))
    last = int(seqs.max())
    for at, column in enumerate(columns, 1):
        codes = kept.codes[column] = _grown(kept.codes.get(column), last, room)
        index, values = kept.index.setdefault(column, {}), kept.values.setdefault(column, [])
        for value in {row[at] for row in rows} - index.keys():
            values.append(value)
            index[value] = len(values)
        chunk = numpy.fromiter((index[row[at]] for row in rows), dtype=numpy.int64)
        if len(values) > numpy.iinfo(codes.dtype).max:  # (a few dozen: one byte each)
            codes = kept.codes[column] = codes.astype(numpy.min_scalar_type(len(values)))
        codes[seqs] = chunk
    return last


def _grown(codes: Any, last: int, room: int, dtype: str = "uint8") -> Any:
    """``codes`` (numpy; None: none yet, of ``dtype``), long enough for row number ``last``;
    when grown, for ``room`` too (and a little more: the cases registered later)."""
    import numpy

    if codes is None:
        codes = numpy.zeros(0, dtype=dtype)
    if len(codes) <= last:
        size = max(last, room) + 1
        grown = numpy.zeros(max(size + size // 64, len(codes) * 9 // 8), dtype=codes.dtype)
        grown[: len(codes)] = codes
        codes = grown
    return codes


def _times_of(texts: list[str | None]) -> Any:
    """``time_of`` each of ``texts`` (numpy: 12,000 in about 5 ms); all at once where every
    one is written as kept, else each in turn."""
    import numpy

    try:
        if _as_kept(texts):
            zero = numpy.datetime64(TIME_ZERO)
            seconds = (numpy.array(texts, dtype="datetime64[s]") - zero).astype(numpy.int64)
            return numpy.where((seconds > 0) & (seconds < 2**32), seconds, 0).astype(numpy.uint32)
    except ValueError:  # (a date that is none: 2026-02-30)
        pass
    if len(texts) <= 1:
        return numpy.zeros(len(texts), dtype=numpy.uint32)
    return numpy.concatenate([_times_of([text]) for text in texts])


def _as_kept(texts: list[str | None]) -> bool:
    """Whether every one of ``texts`` is written as the cases' times are (``TIME_SHAPE``:
    its order as text is its order in time; 20,000 told in about 4 ms)."""
    if not all(type(text) is str for text in texts):
        return False
    joined = "\n".join(texts) + "\n"  # type: ignore[arg-type]
    return len(joined) == 20 * len(texts) and TIME_SHAPE.fullmatch(joined) is not None


def time_of(text: str) -> int:
    """The seconds from ``TIME_ZERO`` to ``text``, a time as the cases hold it
    (``YYYY-MM-DD HH:MM:SS``, whose order as text is the order in time); 0: another text,
    or a time out of range."""
    return int(_times_of([text])[0])
