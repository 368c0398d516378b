"""The cases page's first answer on any size of database: the count at once (exact when
SQLite finds it quickly, else estimated from a sample: 约) and the first window, found by
walking the sort order's index when the filter finds many cases, by gathering them when
that is quicker, and for a search as typed newest first, with its newest hits only
(issue 16)."""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from sqlite_utils import Database

from app.core.text import fts_query
from app.store.case_estimate import EXACT_WITHIN_MS, CaseCount, estimate_cases, two_figures
from app.store.case_list import (
    CaseFilter,
    CaseSort,
    ListedCase,
    gathered_in_order,
    listed_cases,
    listed_window,
    row_numbers,
    walked_within,
)
from app.store.case_plan import (
    IN_EVERY_INDEX,
    gathers,
    listed_in_order_received,
    sorted_in_gather,
)
from app.store.case_query import one_value_columns, same_order
from app.store.search_fixed import (
    few_probed,
    hits_in_fixed_values,
    probing_foreseen_longer,
    widens_first,
)
from app.store.search_hits import NewestHits, kept_hits, newest_hits
from app.store.search_probe import hits_in_order, probes
from app.store.search_within import hits_within
from app.store.sql_deadline import within
from app.store.sqlite_driver import OperationalError
from app.store.value_sample import fewest
from app.store.walk_foresight import walk_foreseen_longer

# Above this many matching cases, a window is found by walking the sort order's index and
# testing each entry (200 rows found within ~2% of the table); at most this many, by
# gathering them through a filter's index and sorting.
WALK_ABOVE = 20_000
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
# A search whose newest hits cannot serve its list (a month gone by, a to-do list, another
# order) is first tried by asking the full-text index about each case the filters find, for
# at most as long as reading every hit of a common word would take, PROBE_MS_PER_MILLION
# for each million cases, within PROBE_MS_LEAST..PROBE_MS (8-35 µs a case on a merged
# index: the 60 newest of a month holding 占道经营, 8-17 ms; reading its every hit, in
# halves on two cores (hits_halves.py), 11-12 ms at a million cases, five times that at
# five million).
PROBE_MS = 20.0
PROBE_MS_LEAST = 5.0
PROBE_MS_PER_MILLION = 10.0
# A unit's or a person's few cases are gathered, sorted and probed in order if they are at
# most this many (sorting them costs ~1 µs each); more are walked along the sort order.
PROBE_GATHERED_AT_MOST = 5_000
# The filters' count a search's estimate is scaled from is tried exact for this long only
# (at a million cases 8,141 cases of 办理中 in 市容环境 are counted in 4 ms; sampled in as
# long, they read 3,600: the sample is poor for a few thousand).
FILTERS_EXACT_WITHIN_MS = 5.0
# Above WALK_ABOVE, walking is given up for gathering once it has taken what gathering is
# expected to: a filter's cases may all lie at the far end of the sort order (办理中 oldest
# first at five million cases: 49,000 cases, all among the newest, walked for 400 ms,
# gathered in 0.2). Gathering costs about this much per case (ms): inside the filter's own
# index when it holds the sort column, else with each case's row looked up (the case
# number, the address: 70 ms for those 49,000).
GATHER_MS_PER_CASE = 0.0005
GATHER_MS_PER_CASE_LOOKED_UP = 0.002


class FirstWindow(NamedTuple):
    """The cases page's first answer, and how its further windows are found: by walking
    the sort order's index (``walk``) or by gathering the filter's cases."""

    count: CaseCount
    rows: list[ListedCase]
    walk: bool


def should_walk(count: CaseCount) -> bool:
    """Whether a window of this list is found by walking the sort order's index (testing
    the filters in its entries), not by gathering the filter's cases and sorting them: when
    the filter finds many. Even a month sorted by case number walks: 36 ms through the
    later months' numbers at a million cases, against 645 ms gathering 166,000 and sorting
    them by a column their index does not hold."""
    return count.value > WALK_ABOVE


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
    if known is None and sort == CaseSort():
        if _newest_hits_serve(db, case_filter):
            found = _newest_first(db, case_filter, sort, limit)
            found = found or _few_probed(db, case_filter, sort, limit)
        else:
            found = _few_probed(db, case_filter, sort, limit)
            found = found or _probed(db, case_filter, sort, limit)
        found = found or _with_every_hit(db, case_filter, limit, sort)
    elif case_filter.text.strip():  # a search in another order: its hits may be far along
        found = _few_probed(db, case_filter, sort, limit)
        found = found or _probed(db, case_filter, sort, limit, known)
        found = found or _with_every_hit(db, case_filter, limit, sort)
    else:
        found = None
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
    via = _walked_via(db, case_filter)
    hits = newest_hits(db, match, NEWEST_HITS)
    if not isinstance(hits, NewestHits):
        return None
    finish = not widens_first(case_filter)
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
        count = _searched_share(filtered.value, hits.found, hits.tested, len(rows))
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
    return None if found is None else _counted_exactly(db, *found)


def _probed(
    db: Database,
    case_filter: CaseFilter,
    sort: CaseSort,
    limit: int,
    known: CaseCount | None = None,
) -> FirstWindow | None:
    """A search whose hits are not read yet, its first window found by walking the list's
    order and asking the full-text index about each case the filters find, for at most
    PROBE_MS (``search_probe``: a month gone by holding 占, 3 ms, where reading its hits
    takes 40), the count ``known`` or estimated as the filters' count times the share of
    hits among the cases probed (the exact count follows). None: no search, its hits
    already read (the bitmap's walk is quicker), or too few hits among the cases probed
    in time (foreseen so, or the time ran out)."""
    match = fts_query(case_filter.text)
    if match is None or kept_hits(db, match) is not None:
        return None
    unsearched = replace(case_filter, text="")
    # a unit's or a person's few cases are gathered and sorted, then probed in that order
    # (a walk of the sort order's index would pass the many newer cases of others first);
    # more than PROBE_GATHERED_AT_MOST, not probed: their hits are read and tested all at
    # once (hits_within; the clerk's 7,450 in the largest unit holding 占, by number: a walk
    # probing them given up after 12 ms, 52 -> 40 ms in all)
    gathered = gathered_in_order(db, unsearched, sort, PROBE_GATHERED_AT_MOST)
    if gathered is None and gathers(db, unsearched):
        return None
    if probing_foreseen_longer(db, case_filter, sort, limit, _probing_ms(db), gathered is None):
        return None
    rows = _probed_rows(db, case_filter, sort, limit, match, gathered)
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
        known = _searched_share(filtered, len(rows), probes(db).count, len(rows))
    return FirstWindow(known, rows, should_walk(known))


def _searched_share(filtered: int, found: int, tested: int, shown: int) -> CaseCount:
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
) -> list[ListedCase] | None:
    """The first ``limit`` rows found by probing the ``gathered`` cases in turn, or walking
    the sort order's index; None: given up."""
    budget = _probing_ms(db)
    probed = probes(db)
    probed.walking(limit, budget)
    try:
        if gathered is not None:
            seqs = within(db, budget, lambda: hits_in_order(db, match, gathered, limit))
            return None if seqs is None else listed_cases(db, seqs)
        # newest first, through the index of the filter's value finding fewest cases (not
        # with a unit's or a person's cases: the value's newest are not theirs)
        narrowed = case_filter.waiting_on is not None or case_filter.lead_unit
        via = _walked_via(db, case_filter) if sort == CaseSort() and not narrowed else None
        return walked_within(db, case_filter, sort, limit, budget, via=via, probe=True)
    except OperationalError:
        if not probed.given_up:
            raise
        return None


def _probing_ms(db: Database) -> float:
    """How long a search may be probed for: what reading every hit of a common word would
    take on this many cases (``PROBE_MS_PER_MILLION``), within its bounds."""
    foreseen = row_numbers(db) / 1_000_000 * PROBE_MS_PER_MILLION
    return min(PROBE_MS, max(PROBE_MS_LEAST, foreseen))


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


def _walked_via(db: Database, case_filter: CaseFilter) -> str | None:
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


def _with_every_hit(
    db: Database, case_filter: CaseFilter, limit: int, sort: CaseSort
) -> FirstWindow | CaseCount | None:
    """A search answered with every hit read, its count exact: within the fixed values
    (``search_fixed.hits_in_fixed_values``), or within a filter finding few cases
    (``hits_within``). The count alone: the hits found are too many to sort here, and
    are walked. None: no such filter."""
    found = hits_in_fixed_values(db, case_filter, limit, sort)
    if found is None:
        found = hits_within(db, case_filter, limit, sort)
    return None if found is None else _counted_exactly(db, *found)


def _counted_exactly(db: Database, total: int, seqs: list[int] | None) -> FirstWindow | CaseCount:
    """The first window of a list counted exactly, its first rows numbered ``seqs``; the
    count alone if those were not found (too many hits to sort: they are walked)."""
    count = CaseCount(total, True)
    if seqs is None:
        return count
    return FirstWindow(count, listed_cases(db, seqs), should_walk(count))


def _holds_the_newest(db: Database, case_filter: CaseFilter) -> bool:
    """Whether the filter's dates reach the newest case (a month gone by does not)."""
    if not case_filter.received_to:
        return True
    newest = db.execute("SELECT max(received_at) FROM cases").fetchone()[0] or ""
    return newest < case_filter.received_to + "~"
