"""The cases page's first answer on any size of database: the count at once (exact when
SQLite finds it quickly, else estimated from a sample: 约) and the first window, found by
walking the sort order's index when the filter finds many cases (issue 16)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from app.store.case_list import (
    CaseFilter,
    CaseSort,
    ListedCase,
    count_cases,
    count_in_slice,
    count_within,
    listed_window,
    walked_within,
)

# The lazy count's sample: this many slices of consecutive row numbers, spread over the
# table, each this long (8,000 rows: ~10 ms at a million cases, whatever the filter).
SAMPLE_SLICES = 16
SAMPLE_ROWS = 500
# A count SQLite finishes within this long is shown exact at once (no 约).
EXACT_WITHIN_MS = 10.0
# Above this many matching cases, a window is found by walking the sort order's index and
# testing each entry (200 rows found within ~2% of the table); at most this many, by
# gathering them through a filter's index and sorting.
WALK_ABOVE = 20_000
# Between these many and WALK_ABOVE, walking is tried first, for at most this long.
TRY_WALKING_ABOVE = 1_000
TRY_WALKING_MS = 10.0


@dataclass(frozen=True)
class CaseCount:
    """How many cases a filter finds: exact, or estimated from a sample (约)."""

    value: int
    exact: bool


def row_numbers(db: Database) -> int:
    """The highest row number: how many cases there are at most (rows are never deleted
    but by a rebuild, which numbers them again), found in the primary key at once."""
    return db.execute("SELECT max(seq) FROM cases").fetchone()[0] or 0


def estimate_cases(db: Database, case_filter: CaseFilter) -> CaseCount:
    """The count at once, whatever the database's size: exact on a small database or when
    SQLite counts it within ``EXACT_WITHIN_MS``, else counted in ``SAMPLE_SLICES`` evenly
    spread slices of row numbers and scaled up, rounded to two significant figures."""
    last = row_numbers(db)
    if last <= SAMPLE_SLICES * SAMPLE_ROWS * 4:
        return CaseCount(count_cases(db, case_filter), True)
    if case_filter == CaseFilter():  # count(*) of a whole table is one uninterruptible step
        return CaseCount(_two_figures(last), False)
    exact = count_within(db, case_filter, EXACT_WITHIN_MS)
    if exact is not None:
        return CaseCount(exact, True)
    step = last // SAMPLE_SLICES
    found = sum(
        count_in_slice(db, case_filter, first, first + SAMPLE_ROWS - 1)
        for first in range(1, SAMPLE_SLICES * step, step)
    )
    return CaseCount(_two_figures(found * last / (SAMPLE_SLICES * SAMPLE_ROWS)), False)


def _two_figures(value: float) -> int:
    """52,347 -> 52,000: an estimate shows no more figures than it knows."""
    whole = round(value)
    if whole < 100:
        return whole
    unit = 10 ** (len(str(whole)) - 2)
    return round(whole / unit) * unit


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
) -> tuple[CaseCount, list[ListedCase]]:
    """What the cases page shows first: the count (estimated when large; ``known``, when
    the same list is read in another order) and the first ``limit`` rows. A filter finding
    many cases is served by walking the sort order's index (SQLite's statistics, blind to
    the demo's skew and to search hits, would often gather half the table through a
    filter's index and sort it)."""
    count = known or estimate_cases(db, case_filter)
    if count.value == 0 and count.exact:
        return count, []
    walk = should_walk(count)
    rows = None
    if not walk and count.value > TRY_WALKING_ABOVE:
        # where the sort order's index holds the cases early, walking it beats gathering
        # (the hits for 占 among urgent cases by number: 4 ms against 48); where they
        # come late it is stopped and the cases gathered
        rows = walked_within(db, case_filter, sort, limit, TRY_WALKING_MS)
    if rows is None:
        rows = listed_window(db, case_filter, sort, 0, limit, walk=walk)
    if len(rows) < limit:  # the whole list is in hand: its count is exact
        return CaseCount(len(rows), True), rows
    return CaseCount(max(count.value, len(rows)), count.exact), rows
