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
from typing import NamedTuple

from sqlite_utils import Database

from app.core.text import fts_query
from app.store.case_list import CaseFilter, CaseSort
from app.store.case_query import order_by
from app.store.case_values import cases_in_order, held_of
from app.store.search_probe import PROBED_MS_EACH, every_hit_among
from app.store.values_kept import HELD

# A filter of at most this many cases (more lie thick enough along the sort order's index
# for its walk); the first taken are this many times the window's rows, then each time as
# many again as the hits so far foresee (at least 4 times as many, at most the rest); the
# cases probed cost at least ``search_probe.PROBED_MS_EACH`` each: a step foreseen over the time
# left is not taken.
KEPT_ORDER_AT_MOST = 200_000
FIRST_TAKEN = 4


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
    import numpy

    match = fts_query(case_filter.text)
    held = held_of(case_filter)
    columns = _told_order(sort)
    if match is None or not held or case_filter.waiting_on is not None or limit < 1:
        return None
    if columns is None:
        return None
    ordered = cases_in_order(db, held, columns, sort.descending, KEPT_ORDER_AT_MOST)
    if ordered is None:
        return None
    seqs, keys = ordered
    started = time.thread_time()
    hits: list[int] = []
    probed, taken, last_key = 0, min(len(seqs), FIRST_TAKEN * limit), None
    while probed < len(seqs) and len(hits) < limit:
        # every case up to the taken-th's key: those received in the same second together
        key = numpy.partition(keys, taken - 1)[taken - 1]
        chosen = keys <= key if last_key is None else (keys <= key) & (keys > last_key)
        new = seqs[chosen]
        spent = (time.thread_time() - started) * 1000
        if spent + len(new) * PROBED_MS_EACH > ms:
            return KeptOrder(0, False, None)
        hits += every_hit_among(db, match, [int(seq) for seq in new]).tolist()
        probed, last_key = probed + len(new), key
        foreseen = limit * probed / max(len(hits), 1)  # the cases the window's rows take
        taken = min(len(seqs), max(round(foreseen * 1.5), 4 * probed))
    exact = probed == len(seqs)
    count = len(hits) if exact else max(round(len(seqs) * len(hits) / probed), len(hits))
    return KeptOrder(count, exact, _in_order(db, hits, sort, limit))


def _told_order(sort: CaseSort) -> tuple[str, ...] | None:
    """The columns the values kept order the list by before the time received, as
    ``case_query.order_by`` does; None: an order they do not tell (the case number, the
    address)."""
    if sort.column == "received_at":
        return ()
    if sort.column == "lead_unit":
        return ("lead_unit", "status")
    if sort.column in HELD:
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
