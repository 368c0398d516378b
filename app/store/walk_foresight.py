"""How far a walk of the case-number index goes before a filter's window, foreseen from
one step down the filter's own index, so a walk foreseen too long is not tried (issue 16)."""

from __future__ import annotations

from sqlite_utils import Database

from app.store.case_list import CaseFilter, CaseSort, nth_received, row_numbers
from app.store.case_plan import listed_in_order_received
from app.store.sql_deadline import within

# A walk of the number index passes about this many ms per entry (0.2-0.5 µs at a million
# cases: the least, so a walk is never foreseen longer than it is), and how far it goes is
# foreseen within this long (one step down a filter's index).
WALK_MS_PER_ENTRY = 0.0002
FORESIGHT_MS = 2.0


def walk_foreseen_longer(
    db: Database, case_filter: CaseFilter, sort: CaseSort, limit: int, budget_ms: float
) -> bool:
    """Whether a walk of the number index is foreseen to pass more entries before the
    window's last case than ``budget_ms`` allows. Numbers are given in the order received,
    so for one value's cases, which its index lists in that order, the row number of the
    ``limit``-th from the walk's end says how far the walk goes (the 60th oldest case of
    办理中 at a million cases: 203,000 rows in; the walk passed 237,000 entries, 51 ms)."""
    dated = case_filter.received_from or case_filter.received_to  # walked as number ranges
    if sort.column != "number" or dated or not listed_in_order_received(case_filter):
        return False
    descending = sort.descending
    seq = within(db, FORESIGHT_MS, lambda: nth_received(db, case_filter, descending, limit))
    if seq is None:
        return False
    reach = row_numbers(db) - seq if descending else seq  # the entries before it
    return reach * WALK_MS_PER_ENTRY > budget_ms
