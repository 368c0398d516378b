"""Which cases a filter finds among a search's hits, or among all, told from each case's
values kept in memory (``values_kept``: its category, grid, source, urgency, first receiving
unit, status, lead unit and time received), in a millisecond (issue 16). A person's to-do
list (待我办理) is told so too, as the statuses, lead unit and grids their queues ask
(``queues.waiting_values``): a search within the clerk's 9,224 cases at a million took
30-37 ms in most orders, SQLite gathering them and testing them against every hit; told
so, 2-7 ms.

A search listed by category walks the category index testing each entry against its hits.
Where the hits lie in one category at the far end of the order (占道经营, descending), the
walk passes 900,000 entries of the categories before it (100 ms at a million cases), and
only knowing each case's category tells those categories hold none. A filter of those
values alone is counted here, exactly, in a few milliseconds at five million cases.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from sqlite_utils import Database

from app.core.text import fts_query
from app.store.case_query import CaseFilter
from app.store.queues import QueueValues, waiting_values
from app.store.search_hits import kept_hits
from app.store.values_kept import FIXED, TIME_ZERO, Values, known, time_of

# the filters' cases last worked out, kept for the next ask (``_holding_every``; one byte a
# case each: 5 MB at five million)
MASKS_KEPT = 4


@dataclass(frozen=True)
class Held:
    """What a filter asks of the values kept: for each column of ``HELD``, the values it may
    hold, and the days received (``YYYY-MM-DD``, either end open, both inclusive); a
    person's to-do list as the values each of their queues asks (``either``: a case holds
    those of one of them; none, no case). ``untold``: the filter asks more than these say
    (a to-do list of requests waiting: ``queues.waiting_values``)."""

    values: dict[str, tuple[str, ...]] = field(default_factory=dict)
    received_from: str | None = None
    received_to: str | None = None
    either: tuple[QueueValues, ...] | None = None
    untold: bool = False

    def __bool__(self) -> bool:
        told = self.values or self.received_from or self.received_to
        return bool(told or self.either is not None)

    def key(self) -> tuple[Any, ...]:
        values = tuple(sorted((column, tuple(held)) for column, held in self.values.items()))
        return values, self.received_from, self.received_to, self.either


def held_of(db: Database, case_filter: CaseFilter) -> Held:
    """What of the filter the values kept tell: all but the search (and a to-do list that
    asks for requests waiting)."""
    f = case_filter
    wanted = {
        "status": (f.status,) if f.status else (),
        "category_code": f.category_codes,
        "grid_code": (f.grid_code,) if f.grid_code else (),
        "source": (f.source,) if f.source else (),
        "urgency": (f.urgency,) if f.urgency else (),
        "lead_unit": (f.lead_unit,) if f.lead_unit else (),
    }
    values = {column: held for column, held in wanted.items() if held}
    either = None if f.waiting_on is None else waiting_values(db, f.waiting_on)
    untold = f.waiting_on is not None and either is None
    return Held(values, f.received_from, f.received_to, either, untold)


def counted_in_memory(db: Database, case_filter: CaseFilter) -> int | None:
    """How many cases the filter finds, where the values kept tell all of it but a search
    whose hits are read already, and are read: every case of five million counted in
    about 5 ms. None: not so."""
    held = held_of(db, case_filter)
    if not held or held.untold:
        return None
    if not case_filter.text.strip():
        return count_holding(db, held)
    match = fts_query(case_filter.text)
    hits = None if match is None else kept_hits(db, match)
    found = None if hits is None else cases_holding(db, held, hits.rows)
    return None if found is None else len(found)


def values_holding(db: Database, column: str, seqs: Any) -> list[str] | None:
    """The values of ``column`` (one of ``FIXED``: kept with a search's hits, so never one
    that changes) that the cases numbered ``seqs`` (numpy, in any order) hold, in no order;
    None: not known yet (some of those cases are not read: more than ``READ_WHEN_ASKED``
    were registered since, or the idle upkeep has not read them all)."""
    import numpy

    kept = known(db, seqs)
    if kept is None:
        return None
    counted = numpy.bincount(kept.codes[column][seqs], minlength=1)
    if counted[0]:  # a row number with no case read: never taken for none
        return None
    return [kept.values[column][code - 1] for code in numpy.flatnonzero(counted)]


def cases_holding(db: Database, held: Held, seqs: Any) -> Any | None:
    """Those of the cases numbered ``seqs`` (numpy) that hold what ``held`` asks, in the
    order of ``seqs``; None: not known yet (as ``values_holding``, or events appended
    since, more than ``READ_WHEN_ASKED``). The 1.2 million cases holding 占 among five
    million are told apart by grid in 2.5 ms: a search within the values kept needs no
    walk of a filter's index once its hits are read."""
    if len(seqs) == 0:
        return seqs
    kept = known(db, seqs)
    if kept is None or not kept.codes[FIXED[0]][seqs].all():  # a row number not read
        return None
    chosen = _holding(kept, held, seqs)
    return None if chosen is None else seqs[chosen]


def count_holding(db: Database, held: Held, every: int = 1) -> int | None:
    """How many cases hold what ``held`` asks, counting only every ``every``-th row number
    (a sample: the count that many times over estimates the whole); None: not known yet
    (as ``cases_holding``). Every case of five million is counted in about 5 ms, one in 64
    in a tenth of that."""
    import numpy

    chosen = _holding_every(db, held, every)
    return None if chosen is None else int(numpy.count_nonzero(chosen))


def sample_holding(
    db: Database, held: Held, every: int, how_many: int
) -> tuple[int, list[int]] | None:
    """How many of every ``every``-th row number hold what ``held`` asks (as
    ``count_holding``), and up to ``how_many`` of them, spread evenly."""
    import numpy

    chosen = _holding_every(db, held, every)
    if chosen is None:
        return None
    found = numpy.flatnonzero(chosen)
    sample = found
    if len(found) > how_many:
        sample = found[numpy.linspace(0, len(found) - 1, how_many).astype(numpy.int64)]
    return len(found), [1 + int(at) * every for at in sample]  # (the first row number is 1)


def every_case_holding(db: Database, held: Held, at_most: int) -> list[int] | None:
    """The row numbers of every case holding what ``held`` asks, in their order, if they
    are at most ``at_most``; None: more, or not known yet (as ``cases_holding``)."""
    import numpy

    chosen = _holding_every(db, held, 1)
    if chosen is None or numpy.count_nonzero(chosen) > at_most:
        return None
    return [1 + int(at) for at in numpy.flatnonzero(chosen)]


# A filter finding more cases than this is not told its days (each of them looked at:
# 16 ms for the hotline's 1.6 million at five million cases); so many lie thick along the
# order of the case numbers, and a walk finds them soon.
DAYS_TOLD_AT_MOST = 200_000
# ... nor where they span more than this share of the table's days (``days_received``)
DAYS_SHARE_AT_MOST = 0.5


def days_received(db: Database, case_filter: CaseFilter) -> tuple[str, str] | None:
    """The first and the last day (``YYYY-MM-DD``) any case the filter finds, its search
    aside, was received, told from the values kept, where they span at most
    ``DAYS_SHARE_AT_MOST`` of the days of the table's cases; None: not so (nothing of it
    held, a to-do list of requests waiting, not read yet, a case received at no time kept),
    no case found, more than ``DAYS_TOLD_AT_MOST``, or they span more. A walk by case
    number reads those days' numbers alone (app/store/number_ranges.py): the largest
    unit's cases at five million, by number going up, walked the 4.9 million untriaged
    cases numbered before them. (Each entry of those ranges is tested for a number naming
    another day: where they hold most of the table, the plain walk is the sooner.)"""
    import numpy

    held = held_of(db, replace(case_filter, text=""))
    kept = None if not held or held.untold else known(db, numpy.zeros(0, dtype=numpy.int64))
    if kept is None or kept.undated:
        return None
    asked = (held.key(), kept.known, kept.events_seen)
    # the filter's cases worked out only when its days are not kept: a walk by number asks
    # at every window, and the masks kept may have let them go
    if asked not in kept.days:
        if len(kept.days) >= MASKS_KEPT:
            kept.days.clear()
        found = _kept_holding(db, held, 1)
        kept.days[asked] = None if found is None else _days_of(db, kept, found[1])
    return kept.days[asked]


def _days_of(db: Database, kept: Values, chosen: Any) -> tuple[str, str] | None:
    """``days_received`` of the cases ``chosen`` (which of every row number)."""
    import numpy

    if not 0 < numpy.count_nonzero(chosen) <= DAYS_TOLD_AT_MOST:
        return None
    times = kept.times[1 : kept.known + 1][chosen]
    zero = numpy.datetime64(TIME_ZERO)
    first, last = (zero + numpy.timedelta64(int(t), "s") for t in (times.min(), times.max()))
    oldest, newest = (  # (each one step down cases_by_received; both at once, a scan)
        numpy.datetime64(db.execute(f"SELECT {end}(received_at) FROM cases").fetchone()[0])
        for end in ("min", "max")
    )
    if last - first > (newest - oldest) * DAYS_SHARE_AT_MOST:
        return None
    return str(first)[:10], str(last)[:10]


def nth_holding(db: Database, held: Held, n: int, from_last: bool, every: int) -> int | None:
    """The row number of the ``n``-th case holding what ``held`` asks, from the first row
    number or the last, told from every ``every``-th row number (within as many of it);
    None: fewer hold it, or not known yet (as ``cases_holding``)."""
    import numpy

    chosen = _holding_every(db, held, every)
    if chosen is None:
        return None
    found = numpy.flatnonzero(chosen[::-1] if from_last else chosen)
    at = -(-n // every) - 1  # (the sampled case standing for the n-th)
    if len(found) <= at:
        return None
    sampled = len(chosen) - 1 - int(found[at]) if from_last else int(found[at])
    return 1 + sampled * every


def cases_in_order(
    db: Database, held: Held, columns: tuple[str, ...], descending: bool, at_most: int
) -> tuple[Any, Any] | None:
    """The row numbers of every case holding what ``held`` asks (numpy), and for each a key
    (numpy) whose ascending order is the list's by ``columns`` (of ``ORDERED``: SQLite's order
    of their values) and then the time received, ``descending`` or not (ties: the same
    second); None: more than ``at_most``, not known yet (as ``cases_holding``), or a case
    received at no time kept."""
    import numpy

    found = _kept_holding(db, held, 1)
    if found is None or numpy.count_nonzero(found[1]) > at_most:
        return None
    kept, chosen = found
    seqs = numpy.flatnonzero(chosen) + 1
    keys = _order_keys(kept, seqs, columns, descending)
    return None if keys is None else (seqs, keys)


def order_keys(db: Database, seqs: Any, columns: tuple[str, ...], descending: bool) -> Any | None:
    """For each of the cases numbered ``seqs`` (numpy) the key of ``cases_in_order``;
    None: not known yet (as ``cases_holding``), or a case received at no time kept."""
    kept = known(db, seqs)
    return None if kept is None else _order_keys(kept, seqs, columns, descending)


def _order_keys(kept: Values, seqs: Any, columns: tuple[str, ...], descending: bool) -> Any | None:
    import numpy

    if kept.undated:
        return None
    keys = numpy.zeros(len(seqs), dtype=numpy.int64)
    for column in columns:
        codes = kept.codes.get(column)
        if codes is None or (len(seqs) and (len(codes) <= seqs.max() or not codes[seqs].all())):
            return None  # (the addresses are read last)
        ranks = _ranks(kept, column)
        keys = keys * len(ranks) + ranks[codes[seqs]]
    keys = (keys << 32) | kept.times[seqs]
    return -keys if descending else keys


def _holding_every(db: Database, held: Held, every: int) -> Any | None:
    """Which of every ``every``-th row number, from 1, hold what ``held`` asks."""
    found = _kept_holding(db, held, every)
    return None if found is None else found[1]


def _kept_holding(db: Database, held: Held, every: int) -> tuple[Values, Any] | None:
    """What is kept, and which of every ``every``-th row number hold what ``held`` asks
    (kept for the next ask of the same while nothing changed: one list asks it several
    times, about 5 ms each at five million cases)."""
    import numpy

    kept = known(db, numpy.zeros(0, dtype=numpy.int64))
    if kept is None:
        return None
    asked = (held.key(), every, kept.known, kept.events_seen)
    if asked not in kept.masks:
        if len(kept.masks) >= MASKS_KEPT:
            kept.masks.pop(next(iter(kept.masks)))  # (the oldest)
        kept.masks[asked] = _holding(kept, held, slice(1, kept.known + 1, every))
    chosen = kept.masks[asked]
    return None if chosen is None else (kept, chosen)


def _holding(kept: Values, held: Held, rows: Any) -> Any | None:
    """Which of the row numbers ``rows`` (numpy, or a slice) hold what ``held`` asks;
    None: a case received at no time kept, and days asked for."""
    import numpy

    chosen = _holding_all(kept, held.values.items(), rows)
    if held.either is not None:  # (a to-do list: one of its queues' values)
        in_one = numpy.zeros(len(chosen), dtype=numpy.bool_)
        for queue in held.either:
            in_one |= _holding_all(kept, queue, rows)
        chosen &= in_one
    if held.received_from or held.received_to:
        first = time_of(f"{held.received_from} 00:00:00") if held.received_from else 1
        last = time_of(f"{held.received_to} 23:59:59") if held.received_to else 2**32 - 1
        if kept.undated or not (first and last):
            return None
        times = kept.times[rows]
        chosen &= (times >= first) & (times <= last)
    return chosen


def _holding_all(kept: Values, wanted: Iterable[tuple[str, tuple[str, ...]]], rows: Any) -> Any:
    """Which of the row numbers ``rows`` hold one of the values ``wanted`` of each column."""
    import numpy

    chosen = numpy.ones(len(kept.codes[FIXED[0]][rows]), dtype=numpy.bool_)
    for column, values in wanted:
        chosen &= _among(kept.codes[column][rows], _codes_of(kept, column, values))
    return chosen


def leading_values(
    db: Database, column: str, seqs: Any, descending: bool, limit: int
) -> tuple[Any, list[str]] | None:
    """Those of the cases numbered ``seqs`` (numpy) whose value of ``column`` (of
    ``ORDERED``) comes first in that order (SQLite's: the texts' bytes), of as few values
    as hold ``limit`` of them, and those values; None: not known yet (as
    ``cases_holding``; the addresses are read last). A list sorted by the column shows
    those first, whatever the rest: of the 33,000 cases of grid G07 holding 占 among five
    million, the first page by category is among the few thousand of its first category."""
    import numpy

    kept = known(db, seqs)
    every_code = None if kept is None else kept.codes.get(column)
    if every_code is None or (len(seqs) and len(every_code) <= seqs.max()):
        return None
    codes = every_code[seqs]
    counted = numpy.bincount(codes, minlength=1)
    if counted[0]:  # a row number with no case read
        return None
    values, ranks = kept.values[column], _ranks(kept, column)
    present = sorted(numpy.flatnonzero(counted), key=lambda code: ranks[code])
    taken, held = [], 0
    for code in reversed(present) if descending else present:
        taken.append(int(code))
        held += int(counted[code])
        if held >= limit:
            break
    return seqs[_among(codes, taken)], [values[code - 1] for code in taken]


def _ranks(kept: Values, column: str) -> Any:
    """Each code's place in SQLite's order of the column's values (numpy, by code; 0: no
    case read): NULL first, then the texts' bytes."""
    import numpy

    values = kept.values[column]
    worked_out = kept.ranks.get(column)
    if worked_out is not None and worked_out[0] == len(values):  # (values are only added)
        return worked_out[1]
    in_order = sorted(range(1, len(values) + 1), key=lambda code: _text_order(values[code - 1]))
    ranks = numpy.zeros(len(values) + 1, dtype=numpy.int64)
    ranks[in_order] = numpy.arange(1, len(values) + 1)
    kept.ranks[column] = (len(values), ranks)
    return ranks


def _text_order(value: str | None) -> tuple[bool, bytes]:
    """SQLite's order of a column's values: NULL first, then the texts' bytes."""
    return (value is not None, (value or "").encode())


def _codes_of(kept: Values, column: str, values: tuple[str, ...]) -> list[int]:
    """The codes of those of ``values`` some case of ``column`` holds."""
    index = kept.index.get(column, {})
    return [index[value] for value in values if value in index]


def _among(codes: Any, wanted: list[int]) -> Any:
    """Which of ``codes`` are one of ``wanted`` (a few): compared with each in turn, a
    tenth of the time ``numpy.isin`` takes (5 million: 0.35 ms each, against 13)."""
    import numpy

    found = numpy.zeros(len(codes), dtype=numpy.bool_)
    for code in wanted:
        found |= codes == code
    return found
