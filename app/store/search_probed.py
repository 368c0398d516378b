"""A search whose hits are not read yet, its first window found by probing the full-text
index case by case (``search_probe``): the filter's cases in the order the values kept in
memory tell (``search_kept_order``), a unit's or a person's few gathered and sorted, or the
sort order's index walked (issue 16)."""

from __future__ import annotations

from dataclasses import replace

from sqlite_utils import Database

from app.core.text import fts_query
from app.store import search_bitmaps
from app.store.case_estimate import CaseCount, estimate_cases, two_figures
from app.store.case_list import (
    CaseFilter,
    CaseSort,
    ListedCase,
    gathered_in_order,
    listed_cases,
    row_numbers,
    walked_within,
)
from app.store.case_plan import gathers
from app.store.case_query import one_value_columns
from app.store.first_rows import FirstWindow, counted_exactly, should_walk
from app.store.search_fixed import probing_foreseen_longer
from app.store.search_hits import kept_hits
from app.store.search_kept_order import KeptOrder, probed_in_kept_order
from app.store.search_probe import hits_in_order, probes
from app.store.sql_deadline import within
from app.store.sqlite_driver import OperationalError
from app.store.value_sample import fewest

# A search whose newest hits cannot serve its list (a month gone by, a to-do list, another
# order) is first tried by asking the full-text index about each case the filters find, for
# at most as long as reading every hit of a common word would take, PROBE_MS_PER_MILLION
# for each million cases, within PROBE_MS_LEAST..PROBE_MS (8-35 µs a case on a merged
# index: the 60 newest of a month holding 占道经营, 8-17 ms; reading its every hit, in
# halves on two cores (hits_halves.py), 11-12 ms at a million cases, five times that at
# five million).
PROBE_MS = 20.0
# ... or this long where they are kept in the database (search_bitmaps.py: 2-5 ms to read)
PROBE_MS_AT_HAND = 5.0
PROBE_MS_LEAST = 5.0
PROBE_MS_PER_MILLION = 10.0
# A unit's or a person's few cases are gathered, sorted and probed in order if they are at
# most this many (sorting them costs ~1 µs each); more are walked along the sort order.
PROBE_GATHERED_AT_MOST = 5_000
# The filters' count a search's estimate is scaled from is tried exact for this long only
# (at a million cases 8,141 cases of 办理中 in 市容环境 are counted in 4 ms; sampled in as
# long, they read 3,600: the sample is poor for a few thousand).
FILTERS_EXACT_WITHIN_MS = 5.0


def probed(
    db: Database,
    case_filter: CaseFilter,
    sort: CaseSort,
    limit: int,
    known: CaseCount | None = None,
) -> FirstWindow | None:
    """A search whose hits are not read yet, its first window found by asking the
    full-text index about the filter's cases in the list's order: taken from memory
    (``search_kept_order``), where the values kept tell the filter and the order; else a
    unit's or a person's few gathered, or the sort order's index walked, for at most
    PROBE_MS (``search_probe``: a month gone by holding 占, 3 ms, where reading its hits
    takes 40), the count ``known`` or estimated as the filters' count times the share of
    hits among the cases probed (the exact count follows); only for ``PROBE_MS_AT_HAND``
    where the hits are kept in the database (read in a few milliseconds). None: no
    search, its hits read already (the bitmap's walk is quicker), or too few hits among
    the cases probed in time (foreseen so, or the time ran out)."""
    match = fts_query(case_filter.text)
    if match is None or kept_hits(db, match) is not None:
        return None
    unsearched = replace(case_filter, text="")
    budget = PROBE_MS_AT_HAND if search_bitmaps.is_kept(db, match) else probing_ms(db)
    in_memory = probed_in_kept_order(db, case_filter, sort, limit, budget)
    if in_memory is not None:
        return _in_kept_order(db, in_memory, known)
    # a unit's or a person's few cases are gathered and sorted, then probed in that order
    # (a walk of the sort order's index would pass the many newer cases of others first);
    # more than PROBE_GATHERED_AT_MOST, not probed: their hits are read and tested all at
    # once (hits_within; the clerk's 7,450 in the largest unit holding 占, by number: a walk
    # probing them given up after 12 ms, 52 -> 40 ms in all)
    gathered = gathered_in_order(db, unsearched, sort, PROBE_GATHERED_AT_MOST)
    if gathered is None and gathers(db, unsearched):
        return None
    if probing_foreseen_longer(db, case_filter, sort, limit, budget, gathered is None):
        return None
    rows = _probed_rows(db, case_filter, sort, limit, match, gathered, budget)
    if rows is None:
        return None
    if len(rows) < limit:  # the walk came to the end: every hit is in hand
        return FirstWindow(CaseCount(len(rows), True), rows, False)
    if known is None:
        filtered = (
            len(gathered)
            if gathered is not None
            else estimate_cases(db, unsearched, FILTERS_EXACT_WITHIN_MS).value
        )
        known = searched_share(filtered, len(rows), probes(db).count, len(rows))
    return FirstWindow(known, rows, should_walk(known))


def _in_kept_order(db: Database, found: KeptOrder, known: CaseCount | None) -> FirstWindow | None:
    """The first window probed in the order the values kept tell; None: not found in time
    (nor is the walk along the index tried: it would probe those cases and pass others
    between)."""
    if found.seqs is None:
        return None
    if found.exact:
        return counted_exactly(db, found.count, found.seqs)
    known = known or CaseCount(max(two_figures(found.count), len(found.seqs)), False)
    return FirstWindow(known, listed_cases(db, found.seqs), should_walk(known))


def searched_share(filtered: int, found: int, tested: int, shown: int) -> CaseCount:
    """A search's count estimated as the filters' count times the share of hits among the
    cases tested (约), and never fewer than the rows shown."""
    return CaseCount(max(two_figures(filtered * found / max(tested, 1)), shown), False)


def _probed_rows(
    db: Database,
    case_filter: CaseFilter,
    sort: CaseSort,
    limit: int,
    match: str,
    gathered: list[int] | None,
    budget: float,
) -> list[ListedCase] | None:
    """The first ``limit`` rows found by probing the ``gathered`` cases in turn, or walking
    the sort order's index, within ``budget`` ms; None: given up."""
    probed = probes(db)
    probed.walking(limit, budget)
    try:
        if gathered is not None:
            seqs = within(db, budget, lambda: hits_in_order(db, match, gathered, limit))
            return None if seqs is None else listed_cases(db, seqs)
        # newest first, through the index of the filter's value finding fewest cases (not
        # with a unit's or a person's cases: the value's newest are not theirs)
        narrowed = case_filter.waiting_on is not None or case_filter.lead_unit
        via = walked_via(db, case_filter) if sort == CaseSort() and not narrowed else None
        return walked_within(db, case_filter, sort, limit, budget, via=via, probe=True)
    except OperationalError:
        if not probed.given_up:
            raise
        return None


def probing_ms(db: Database) -> float:
    """How long a search may be probed for: what reading every hit of a common word would
    take on this many cases (``PROBE_MS_PER_MILLION``), within its bounds."""
    foreseen = row_numbers(db) / 1_000_000 * PROBE_MS_PER_MILLION
    return min(PROBE_MS, max(PROBE_MS_LEAST, foreseen))


def walked_via(db: Database, case_filter: CaseFilter) -> str | None:
    """The column whose index a search newest first is walked through: of the filter's
    columns with one value (whose index lists that value's cases in the order received,
    the list's own order), the one finding the fewest cases in a sample of the table (not
    among the newest alone: those mostly wait for triage, while a walk of 办理中 goes back
    months); None, the index of the time received. The grid's index holds 28,000 of a
    million cases: the 200 newest holding 占道经营 among them are found by testing 1,700
    entries, not the 62,000 of every grid received meanwhile."""
    columns = one_value_columns(case_filter)
    if len(columns) <= 1:
        return next(iter(columns), None)
    return fewest(db, columns)[0]
