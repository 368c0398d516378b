"""A search within a filter the values kept in memory tell whole (``case_values``), listed
in an order they tell too (one of their columns, or the time received): the filter's cases
taken from memory in that order, a few at a time, each probed for the words, until the
window's rows are found (issue 16).

The probing walk (``search_probed.probed``) follows the sort order's index and passes every
entry of the other cases on its way. Where the filter's cases lie at the far end of the
order, it passes most of the table before it probes one: the 20,000 cases of 办理中 in
市容环境 at five million are among the newest, so oldest first the walk gives up, and every
hit of 占道经营 is read (65 ms) before the list shows. In memory, those cases are in hand at
once, and their order is known to the second: the first few hundred of them, probed, hold
the window's rows. Cases received in the same second are taken together, and the hits found
are put in the list's exact order by SQLite (the row number last).
"""

from __future__ import annotations

import json
import time
from typing import Any, NamedTuple

from sqlite_utils import Database

from app.core.text import fts_query
from app.store.case_list import CaseFilter, CaseSort
from app.store.case_query import order_by
from app.store.case_values import cases_in_order, held_of, order_keys
from app.store.search_probe import PROBED_MS_EACH, every_hit_among
from app.store.values_kept import ORDERED

# A filter of at most this many cases (more lie thick enough along the sort order's index
# for its walk); the first taken are this many times the window's rows, then each time as
# many again as the hits so far foresee (at least 4 times as many, at most the rest); the
# cases probed cost at least ``search_probe.PROBED_MS_EACH`` each: a step foreseen over the
# time left is not taken.
KEPT_ORDER_AT_MOST = 200_000
FIRST_TAKEN = 4
# cases found in order beforehand at least (sorting a few thousand costs little; finding
# the next ones in 170,000 costs 2 ms each time)
AHEAD_LEAST = 4_096


class KeptOrder(NamedTuple):
    count: int  # exact: every case of the filter probed; else its share of hits times them
    exact: bool
    seqs: list[int] | None  # the first rows; None: not found in time (nor would a walk be)


def probed_in_kept_order(
    db: Database, case_filter: CaseFilter, sort: CaseSort, limit: int, ms: float
) -> KeptOrder | None:
    """The count and the row numbers of the first ``limit`` cases in the ``sort`` order,
    found by probing the filter's cases in that order within ``ms`` of this thread's
    processor time; not found in time, no rows: a walk along the sort order's index would
    probe the same cases and more entries between. None: not a search within such a
    filter and order, or the values not read yet."""
    match = fts_query(case_filter.text)
    held = held_of(db, case_filter)
    columns = _told_order(sort)
    if match is None or not held or held.untold or limit < 1:
        return None
    if columns is None:
        return None
    ordered = cases_in_order(db, held, columns, sort.descending, KEPT_ORDER_AT_MOST)
    if ordered is None:
        return None
    seqs, keys = ordered
    started = time.thread_time()
    hits: list[int] = []
    upcoming = _Upcoming(seqs, keys)
    wanted = min(len(seqs), FIRST_TAKEN * limit)
    while upcoming.taken < len(seqs) and len(hits) < limit:
        spent = (time.thread_time() - started) * 1000
        if spent + min(wanted, len(seqs) - upcoming.taken) * PROBED_MS_EACH > ms:
            return KeptOrder(0, False, None)  # (foreseen before the cases are found)
        new = upcoming.next(wanted)
        if not len(new):  # (none left: cannot be, while some are not taken)
            break
        hits += every_hit_among(db, match, new.tolist()).tolist()
        # the cases the window's rows take, as the hits so far foresee, and half again; at
        # least four times as many as probed so far
        foreseen = limit * upcoming.taken / max(len(hits), 1)
        wanted = max(round(foreseen * 1.5), 4 * upcoming.taken) - upcoming.taken
    taken = upcoming.taken
    exact = taken == len(seqs)
    count = len(hits) if exact else max(round(len(seqs) * len(hits) / taken), len(hits))
    return KeptOrder(count, exact, _in_order(db, hits, sort, limit))


class _Upcoming:
    """The filter's cases in the list's order (``keys``, ascending), a step at a time:
    the next few thousand found at once (``numpy.partition``: 2 ms among 170,000 cases,
    once, not once a step) and sorted, each step taken to the end of its last second (the cases
    received then together: SQLite puts their hits in the exact order)."""

    def __init__(self, seqs: Any, keys: Any) -> None:
        self._seqs, self._keys = seqs, keys
        self.taken = 0  # cases taken so far, the first in the order
        self._ahead: Any = seqs[:0]  # the next cases in order, found beforehand
        self._ahead_keys: Any = keys[:0]
        self._last: Any = None  # the key of the last case found beforehand

    def next(self, wanted: int) -> Any:
        """The row numbers of the next ``wanted`` cases at least, in order."""
        import numpy

        if len(self._ahead) < wanted:
            self._find_ahead(max(wanted, AHEAD_LEAST))
        end = min(wanted, len(self._ahead))
        if end < len(self._ahead):  # (to the end of the last case's second)
            end = int(numpy.searchsorted(self._ahead_keys, self._ahead_keys[end - 1], "right"))
        step = self._ahead[:end]
        self._ahead, self._ahead_keys = self._ahead[end:], self._ahead_keys[end:]
        self.taken += len(step)
        return step

    def _find_ahead(self, wanted: int) -> None:
        """The cases after those found so far, at least ``wanted`` more (those of the last
        one's second with them), sorted."""
        import numpy

        seqs, keys = self._seqs, self._keys
        if self._last is not None:
            later = keys > self._last
            seqs, keys = seqs[later], keys[later]
        if not len(keys):
            return
        wanted = min(wanted, len(keys))
        last = numpy.partition(keys, wanted - 1)[wanted - 1]
        chosen = keys <= last
        order = numpy.argsort(keys[chosen], kind="stable")
        self._ahead = numpy.concatenate([self._ahead, seqs[chosen][order]])
        self._ahead_keys = numpy.concatenate([self._ahead_keys, keys[chosen][order]])
        self._last = last


def listed_in_kept_order(
    db: Database, case_filter: CaseFilter, sort: CaseSort, limit: int
) -> tuple[int, list[int]] | None:
    """A list with no search, of a filter the values kept tell whole, in an order they
    tell: its cases and their order taken from memory, the first ``limit`` (with the
    others of the last one's second) put in the list's exact order by SQLite; the count
    exact. The clerk's unit's 7,919 hotline cases among five million, oldest first: 94 →
    1.5 ms (a walk of the index by time passed the others' first). None: not such a
    list, more than ``KEPT_ORDER_AT_MOST`` cases (the walk finds so many early on), or
    the values not read yet."""
    held = held_of(db, case_filter)
    columns = _told_order(sort)
    if case_filter.text.strip() or not held or held.untold or columns is None or limit < 1:
        return None
    ordered = cases_in_order(db, held, columns, sort.descending, KEPT_ORDER_AT_MOST)
    if ordered is None:
        return None
    seqs, keys = ordered
    return len(seqs), _first_in_order(db, seqs, keys, sort, limit)


def first_in_kept_order(db: Database, seqs: Any, sort: CaseSort, limit: int) -> list[int] | None:
    """The first ``limit`` of the cases numbered ``seqs`` (numpy) in the list's order, told
    from the values kept (those of the last one's second with them, put in the exact order
    by SQLite): September's 16,660 hotline cases holding 占道 among five million, newest
    first: the list 64 → 14.5 ms (a walk of the index by time passed the months since and
    gave up, then each was looked up). None: an order they do not tell (the case number),
    or not known yet."""
    columns = _told_order(sort)
    keys = None if columns is None else order_keys(db, seqs, columns, sort.descending)
    return None if keys is None else _first_in_order(db, seqs, keys, sort, limit)


def _first_in_order(db: Database, seqs: Any, keys: Any, sort: CaseSort, limit: int) -> list[int]:
    """The first ``limit`` of ``seqs`` by ``keys``, those of the last one's second with
    them, put in the list's exact order by SQLite."""
    return _in_order(db, _Upcoming(seqs, keys).next(limit).tolist(), sort, limit)


def _told_order(sort: CaseSort) -> tuple[str, ...] | None:
    """The columns the values kept order the list by before the time received, as
    ``case_query.order_by`` does; None: an order they do not tell (the case number)."""
    if sort.column == "received_at":
        return ()
    if sort.column == "lead_unit":
        return ("lead_unit", "status")
    if sort.column in ORDERED:
        return (sort.column,)
    return None


def _in_order(db: Database, seqs: list[int], sort: CaseSort, limit: int) -> list[int]:
    """The first ``limit`` of the cases numbered ``seqs`` (a few), in the list's order."""
    if not seqs:
        return []
    rows = db.execute(
        "SELECT seq FROM cases NOT INDEXED WHERE seq IN (SELECT value FROM json_each(?)) "
        f"ORDER BY {order_by(sort)} LIMIT ?",
        [json.dumps(seqs), limit],
    )
    return [row[0] for row in rows]
