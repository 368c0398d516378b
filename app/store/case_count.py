"""The cases page's first answer on any size of database: the count at once (exact when
SQLite finds it quickly, else estimated from a sample: 约) and the first window, found by
walking the sort order's index when the filter finds many cases, by gathering them when
that is quicker, and for a search as typed newest first, with its newest hits only
(issue 16)."""

from __future__ import annotations

from dataclasses import replace

from sqlite_utils import Database

from app.core.text import fts_query
from app.store.case_estimate import EXACT_WITHIN_MS, CaseCount, estimate_cases
from app.store.case_list import (
    CaseFilter,
    CaseSort,
    listed_window,
    walked_within,
)
from app.store.case_plan import (
    IN_EVERY_INDEX,
    listed_in_order_received,
    sorted_in_gather,
)
from app.store.case_query import same_order
from app.store.first_rows import FirstWindow, counted_exactly, should_walk
from app.store.grid_terms import finds_none
from app.store.search_fixed import (
    few_probed,
    hits_in_fixed_values,
    widens_first,
)
from app.store.search_hits import NewestHits, newest_hits
from app.store.search_kept_order import listed_in_kept_order
from app.store.search_probed import FILTERS_EXACT_WITHIN_MS, probed, searched_share, walked_via
from app.store.search_within import hits_within
from app.store.sqlite_driver import OperationalError
from app.store.walk_foresight import walk_foreseen_longer

# Between these many and WALK_ABOVE, walking is tried first, for at most this long.
TRY_WALKING_ABOVE = 1_000
TRY_WALKING_MS = 10.0
# Gathering a case and sorting it in its gather's own index entries (case_plan.
# sorted_in_gather) costs about this much (ms: the clerk's 7,450 cases, 5.5).
SORTED_IN_GATHER_MS = 0.00075
# A search as typed, listed newest first, reads only its newest hits (search_hits.NewestHits):
# this many, walked for at most NEWEST_WALK_MS; if the walk reaches an older case, as many
# more as the share of the window it found calls for, MORE_HITS_MARGIN times over (at
# least twice as many), unless that is over NEWEST_AT_MOST: then all (the usual plan).
NEWEST_HITS = 4_000
NEWEST_WALK_MS = 5.0
MORE_HITS_MARGIN = 1.5
NEWEST_AT_MOST = 20_000
# Above WALK_ABOVE, walking is given up for gathering once it has taken what gathering is
# expected to: a filter's cases may all lie at the far end of the sort order (办理中 oldest
# first at five million cases: 49,000 cases, all among the newest, walked for 400 ms,
# gathered in 0.2). Gathering costs about this much per case (ms): inside the filter's own
# index when it holds the sort column, else with each case's row looked up (the case
# number, the address: 70 ms for those 49,000).
GATHER_MS_PER_CASE = 0.0005
GATHER_MS_PER_CASE_LOOKED_UP = 0.002


def first_window(
    db: Database,
    case_filter: CaseFilter,
    sort: CaseSort,
    limit: int,
    known: CaseCount | None = None,
) -> FirstWindow:
    """What the cases page shows first: the count (estimated when large; ``known``, when
    the same list is read in another order) and the first ``limit`` rows. A filter finding
    many cases is served by walking the sort order's index (SQLite's statistics, blind to
    the demo's skew and to search hits, would often gather half the table through a
    filter's index and sort it), unless the walk takes longer than gathering would. A
    search is first answered from its newest hits, or by probing the full-text index
    along the list's order, before its every hit is read."""
    sort = same_order(case_filter, sort)
    if finds_none(db, case_filter):  # (before any of the search's hits is read)
        return FirstWindow(CaseCount(0, True), [], False)
    if known is None and sort == CaseSort():
        if _newest_hits_serve(db, case_filter):
            found = _newest_first(db, case_filter, sort, limit)
            found = found or _few_probed(db, case_filter, sort, limit)
        else:
            found = _few_probed(db, case_filter, sort, limit)
            found = found or probed(db, case_filter, sort, limit)
        found = found or _with_every_hit(db, case_filter, limit, sort)
    elif case_filter.text.strip():  # a search in another order: its hits may be far along
        found = _few_probed(db, case_filter, sort, limit)
        found = found or probed(db, case_filter, sort, limit, known)
        found = found or _with_every_hit(db, case_filter, limit, sort)
    else:  # no search: in memory, if the values kept tell the filter and the order
        listed = listed_in_kept_order(db, case_filter, sort, limit)
        found = None if listed is None else counted_exactly(db, *listed)
    if isinstance(found, FirstWindow):
        return found
    known = known or found
    # a search's exact count follows from its hits (the model asks for it once the first
    # window is painted): tried here only briefly (September's cases of the largest unit
    # holding 占道经营, 43 ms; given up after 10 before)
    exact_within = FILTERS_EXACT_WITHIN_MS if case_filter.text.strip() else EXACT_WITHIN_MS
    count = known or estimate_cases(db, case_filter, exact_within)
    if count.value == 0 and count.exact:
        return FirstWindow(count, [], False)
    walk = should_walk(count)
    budget = _walking_ms(db, case_filter, sort, count, limit)
    rows = walked_within(db, case_filter, sort, limit, budget) if budget else None
    if rows is None:
        # where the walk was given up, the cases are gathered: a walk of the later windows
        # would be as slow (the cases of the first few windows lie far along the order)
        walk = walk and budget is None
        rows = listed_window(db, case_filter, sort, 0, limit, walk=walk)
    if len(rows) < limit:  # the whole list is in hand: its count is exact
        return FirstWindow(CaseCount(len(rows), True), rows, walk)
    return FirstWindow(CaseCount(max(count.value, len(rows)), count.exact), rows, walk)


def _walking_ms(
    db: Database, case_filter: CaseFilter, sort: CaseSort, count: CaseCount, limit: int
) -> float | None:
    """How long the first window may be walked for before it is gathered instead: 0,
    gathered at once; None, not tried (few cases are gathered; many hits of a search have
    no index to be gathered by, so they are always walked)."""
    if count.value <= TRY_WALKING_ABOVE:
        return None
    if not should_walk(count):
        # where the sort order's index holds the cases early, walking it beats gathering
        # (the hits for 占 among urgent cases by number: 4 ms against 48); cases sorted in
        # their gather's own index entries, only if it ends at once (a quarter of that)
        budget = TRY_WALKING_MS
        if sorted_in_gather(db, case_filter, sort):
            budget = min(budget, count.value * SORTED_IN_GATHER_MS / 4)
    elif case_filter.text.strip():
        return None
    elif sort.column == "received_at" and listed_in_order_received(case_filter):
        return 0.0  # gathered at once
    else:
        in_index = sort.column in IN_EVERY_INDEX
        budget = count.value * (GATHER_MS_PER_CASE if in_index else GATHER_MS_PER_CASE_LOOKED_UP)
    return 0.0 if walk_foreseen_longer(db, case_filter, sort, limit, budget) else budget


def _newest_first(
    db: Database, case_filter: CaseFilter, sort: CaseSort, limit: int
) -> FirstWindow | None:
    """A search as typed, listed newest first: the first window walked with only the
    newest hits read (4,000 of 占's 239,000 at a million cases: 2 ms, not 30), and the
    count estimated as the filters' count times the share of hits among the cases the
    walk tested (the exact count follows). None: every hit read (there are few), the
    filters find only older cases (the cases of a unit), or the walk would need more
    than NEWEST_AT_MOST hits, or took too long: the usual plan, with every hit read on
    from the newest (``NewestHits.finish``), so nothing is read twice (unless that plan
    reads the hits of a phrase's first pair first: ``widens_first``). More hits are read
    below those read, as many as the share of the window found calls for,
    MORE_HITS_MARGIN times over (at least as many again)."""
    match = fts_query(case_filter.text)
    assert match is not None  # (``_newest_hits_serve``)
    via = walked_via(db, case_filter)
    hits = newest_hits(db, match, NEWEST_HITS)
    if not isinstance(hits, NewestHits):
        return None
    finish = not widens_first(db, case_filter)
    while True:
        hits.walking(limit)
        try:
            rows = walked_within(db, case_filter, sort, limit, NEWEST_WALK_MS, hits, via)
        except OperationalError:
            if not hits.needed_more:
                raise
            needed = hits.read * limit / max(hits.found, 1) * MORE_HITS_MARGIN
            if not _read_more(db, hits, max(hits.read, round(needed) - hits.read), finish):
                return None
            continue
        if rows is None:
            if finish:
                hits.finish(db)  # the plan after reads every hit: from here on
            return None
        if rows and not hits.holds(rows[-1].case.received_at):
            # an older case came before the window's last row
            if not _read_more(db, hits, hits.read, finish):
                return None
            continue
        if len(rows) < limit:  # the walk came to the end before any older case
            return FirstWindow(CaseCount(len(rows), True), rows, False)
        # the filters' count times the hits' share among the cases they found (tested):
        # not the hits among the newest alone, which are mostly in their first steps; the
        # product is an estimate whatever the filters' count: it is tried exact only briefly
        # (the largest unit's 486,000 cases are counted in 44 ms, sampled in 8)
        filtered = estimate_cases(db, replace(case_filter, text=""), FILTERS_EXACT_WITHIN_MS)
        count = searched_share(filtered.value, hits.found, hits.tested, len(rows))
        return FirstWindow(count, rows, should_walk(count))


def _newest_hits_serve(db: Database, case_filter: CaseFilter) -> bool:
    """Whether a search's newest hits may serve its list newest first: not a month gone by,
    nor a person's to-do list (the newest cases wait for triage: a person's are older)."""
    return (
        fts_query(case_filter.text) is not None
        and case_filter.waiting_on is None
        and _holds_the_newest(db, case_filter)
    )


def _few_probed(
    db: Database, case_filter: CaseFilter, sort: CaseSort, limit: int
) -> FirstWindow | CaseCount | None:
    """A search within filters finding few cases, each probed for its words
    (``search_fixed.few_probed``), its count exact; None: not so few."""
    found = few_probed(db, case_filter, limit, sort)
    return None if found is None else counted_exactly(db, *found)


def _read_more(db: Database, hits: NewestHits, how_many: int, finish: bool) -> bool:
    """Read ``how_many`` more of the newest hits, unless that makes more than
    NEWEST_AT_MOST: then every hit is read (kept for the plan that follows) if ``finish``,
    and False."""
    if hits.read + how_many > NEWEST_AT_MOST:
        if finish:
            hits.finish(db)
        return False
    hits.more(db, how_many)
    return True


def _with_every_hit(
    db: Database, case_filter: CaseFilter, limit: int, sort: CaseSort
) -> FirstWindow | CaseCount | None:
    """A search answered with every hit read, its count exact: within the values kept
    (``search_fixed.hits_in_fixed_values``), or within a filter finding few cases
    (``hits_within``). The count alone: the hits found are too many to sort here, and
    are walked. None: no such filter."""
    found = hits_in_fixed_values(db, case_filter, limit, sort)
    if found is None:
        found = hits_within(db, case_filter, limit, sort)
    return None if found is None else counted_exactly(db, *found)


def _holds_the_newest(db: Database, case_filter: CaseFilter) -> bool:
    """Whether the filter's dates reach the newest case (a month gone by does not)."""
    if not case_filter.received_to:
        return True
    newest = db.execute("SELECT max(received_at) FROM cases").fetchone()[0] or ""
    return newest < case_filter.received_to + "~"
