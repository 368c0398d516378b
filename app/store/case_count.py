"""The cases page's first answer on any size of database: the count at once (exact when
SQLite finds it quickly, else estimated from a sample: 约) and the first window, found by
walking the sort order's index when the filter finds many cases, by gathering them when
that is quicker, and for a search as typed newest first, with its newest hits only
(issue 16)."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from sqlite_utils import Database

from app.core.text import fts_query
from app.store.case_list import (
    CaseFilter,
    CaseSort,
    ListedCase,
    count_cases,
    count_in_slice,
    count_within,
    listed_cases,
    listed_window,
    walked_within,
)
from app.store.case_plan import (
    IN_EVERY_INDEX,
    SORT_INDEX,
    Where,
    listed_in_order_received,
    where_clause,
)
from app.store.search_hits import NewestHits, listed_rows, newest_hits, search_hits
from app.store.sqlite_driver import OperationalError

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
# A search as typed, listed newest first, reads only its newest hits (search_hits.NewestHits):
# this many, walked for at most NEWEST_WALK_MS; if the walk reaches an older case, as many
# more as the share of the window it found calls for, MORE_HITS_MARGIN times over (at
# least twice as many), unless that is over NEWEST_AT_MOST: then all (the usual plan).
NEWEST_HITS = 4_000
NEWEST_WALK_MS = 5.0
MORE_HITS_MARGIN = 1.5
NEWEST_AT_MOST = 20_000
# The filters' count a search's estimate is scaled from is tried exact for this long only.
FILTERS_EXACT_WITHIN_MS = 2.0
# A search within a filter finding at most this many cases through one value's index is
# answered by testing them all against its hits at once (``_gathered_with_hits``).
GATHER_HITS_AT_MOST = 100_000
# The sample that chooses the filter whose index such a search walks through: this many
# slices of consecutive row numbers spread over the table, each this long (~0.3 ms).
VIA_SLICES = 8
VIA_SLICE_ROWS = 250
# Above WALK_ABOVE, walking is given up for gathering once it has taken what gathering is
# expected to: a filter's cases may all lie at the far end of the sort order (办理中 oldest
# first at five million cases: 49,000 cases, all among the newest, walked for 400 ms,
# gathered in 0.2). Gathering costs about this much per case (ms): inside the filter's own
# index when it holds the sort column, else with each case's row looked up (the case
# number, the address: 70 ms for those 49,000).
GATHER_MS_PER_CASE = 0.0005
GATHER_MS_PER_CASE_LOOKED_UP = 0.002


@dataclass(frozen=True)
class CaseCount:
    """How many cases a filter finds: exact, or estimated from a sample (约)."""

    value: int
    exact: bool


class FirstWindow(NamedTuple):
    """The cases page's first answer, and how its further windows are found: by walking
    the sort order's index (``walk``) or by gathering the filter's cases."""

    count: CaseCount
    rows: list[ListedCase]
    walk: bool


def row_numbers(db: Database) -> int:
    """The highest row number: how many cases there are at most (rows are never deleted
    but by a rebuild, which numbers them again), found in the primary key at once."""
    return db.execute("SELECT max(seq) FROM cases").fetchone()[0] or 0


def estimate_cases(
    db: Database, case_filter: CaseFilter, exact_within_ms: float = EXACT_WITHIN_MS
) -> CaseCount:
    """The count at once, whatever the database's size: exact on a small database or when
    SQLite counts it within ``exact_within_ms``, else counted in ``SAMPLE_SLICES`` evenly
    spread slices of row numbers and scaled up, rounded to two significant figures."""
    last = row_numbers(db)
    if last <= SAMPLE_SLICES * SAMPLE_ROWS * 4:
        return CaseCount(count_cases(db, case_filter), True)
    if case_filter == CaseFilter():  # count(*) of a whole table is one uninterruptible step
        return CaseCount(_two_figures(last), False)
    exact = count_within(db, case_filter, exact_within_ms)
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
) -> FirstWindow:
    """What the cases page shows first: the count (estimated when large; ``known``, when
    the same list is read in another order) and the first ``limit`` rows. A filter finding
    many cases is served by walking the sort order's index (SQLite's statistics, blind to
    the demo's skew and to search hits, would often gather half the table through a
    filter's index and sort it), unless the walk takes longer than gathering would."""
    if known is None and sort == CaseSort():
        newest = _newest_first(db, case_filter, sort, limit)
        if newest is None:
            newest = _gathered_with_hits(db, case_filter, limit)
        if newest is not None:
            return newest
    count = known or estimate_cases(db, case_filter)
    if count.value == 0 and count.exact:
        return FirstWindow(count, [], False)
    walk = should_walk(count)
    budget = _walking_ms(case_filter, sort, count)
    rows = walked_within(db, case_filter, sort, limit, budget) if budget else None
    if rows is None:
        # where the walk was given up, the cases are gathered: a walk of the later windows
        # would be as slow (the cases of the first few windows lie far along the order)
        walk = walk and budget is None
        rows = listed_window(db, case_filter, sort, 0, limit, walk=walk)
    if len(rows) < limit:  # the whole list is in hand: its count is exact
        return FirstWindow(CaseCount(len(rows), True), rows, walk)
    return FirstWindow(CaseCount(max(count.value, len(rows)), count.exact), rows, walk)


def _walking_ms(case_filter: CaseFilter, sort: CaseSort, count: CaseCount) -> float | None:
    """How long the first window may be walked for before it is gathered instead: 0,
    gathered at once; None, not tried (few cases are gathered; many hits of a search have
    no index to be gathered by, so they are always walked)."""
    if count.value <= TRY_WALKING_ABOVE:
        return None
    if not should_walk(count):
        # where the sort order's index holds the cases early, walking it beats gathering
        # (the hits for 占 among urgent cases by number: 4 ms against 48)
        return TRY_WALKING_MS
    if case_filter.text.strip():
        return None
    if sort.column == "received_at" and listed_in_order_received(case_filter):
        return 0.0  # gathered at once
    in_index = sort.column in IN_EVERY_INDEX
    return count.value * (GATHER_MS_PER_CASE if in_index else GATHER_MS_PER_CASE_LOOKED_UP)


def _newest_first(
    db: Database, case_filter: CaseFilter, sort: CaseSort, limit: int
) -> FirstWindow | None:
    """A search as typed, listed newest first: the first window walked with only the
    newest hits read (4,000 of 占's 239,000 at a million cases: 2 ms, not 30), and the
    count estimated as the filters' count times the share of hits among the cases the
    walk tested (the exact count follows). None: every hit read (there are few), the
    filters find only older cases (a month gone by, the cases of a unit or a person), or
    the walk would need more than NEWEST_AT_MOST hits, or took too long: the usual plan,
    with every hit read on from the newest (``NewestHits.finish``), so nothing is read
    twice. More hits are read below those read, as many as the share of the window found
    calls for, MORE_HITS_MARGIN times over (at least as many again)."""
    match = fts_query(case_filter.text)
    if match is None or not _holds_the_newest(db, case_filter):
        return None
    if case_filter.waiting_on is not None:
        return None  # the newest cases wait for triage: a person's are older
    via = _walked_via(db, case_filter)
    hits = newest_hits(db, match, NEWEST_HITS)
    if not isinstance(hits, NewestHits):
        return None
    while True:
        hits.walking(limit)
        try:
            rows = walked_within(db, case_filter, sort, limit, NEWEST_WALK_MS, hits, via)
        except OperationalError:
            if not hits.needed_more:
                raise
            needed = hits.read * limit / max(hits.found, 1) * MORE_HITS_MARGIN
            if not _read_more(db, hits, max(hits.read, round(needed) - hits.read)):
                return None
            continue
        if rows is None:
            hits.finish(db)  # the plan after reads every hit: from here on
            return None
        if rows and not hits.holds(rows[-1].case.received_at):
            # an older case came before the window's last row
            if not _read_more(db, hits, hits.read):
                return None
            continue
        if len(rows) < limit:  # the walk came to the end before any older case
            return FirstWindow(CaseCount(len(rows), True), rows, False)
        # the filters' count times the hits' share among the cases they found (tested):
        # not the hits among the newest alone, which are mostly in their first steps; the
        # product is an estimate whatever the filters' count: it is tried exact only briefly
        # (82,000 of a unit's cases are counted in 60 ms, sampled in 3)
        filtered = estimate_cases(db, replace(case_filter, text=""), FILTERS_EXACT_WITHIN_MS)
        searched = filtered.value * hits.found / max(hits.tested, 1)
        count = CaseCount(max(_two_figures(searched), len(rows)), False)
        return FirstWindow(count, rows, should_walk(count))


def _read_more(db: Database, hits: NewestHits, how_many: int) -> bool:
    """Read ``how_many`` more of the newest hits, unless that makes more than
    NEWEST_AT_MOST: then every hit is read (kept for the plan that follows), and False."""
    if hits.read + how_many > NEWEST_AT_MOST:
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
    columns = _one_value_columns(case_filter)
    if len(columns) <= 1:
        return next(iter(columns), None)
    return _fewest(db, columns)[0]


def _one_value_columns(f: CaseFilter) -> dict[str, str]:
    """The filter's columns with one value, and the value."""
    one_category = f.category_codes[0] if len(f.category_codes) == 1 else None
    return {
        column: value
        for column, value in (
            ("status", f.status),
            ("grid_code", f.grid_code),
            ("source", f.source),
            ("urgency", f.urgency),
            ("category_code", one_category),
        )
        if value is not None
    }


def _fewest(db: Database, columns: dict[str, str]) -> tuple[str, int]:
    """Of ``columns``, the one whose value finds the fewest cases in a sample spread over
    the table, and how many cases it finds in the table (estimated)."""
    counted = ", ".join(f"count(*) FILTER (WHERE {column} = ?)" for column in columns)
    sql = f"SELECT {counted} FROM cases INDEXED BY cases_by_seq WHERE seq BETWEEN ? AND ?"
    last = row_numbers(db)
    step = max(last // VIA_SLICES, 1)
    found = [0] * len(columns)
    for first in range(1, VIA_SLICES * step, step):
        row = db.execute(sql, [*columns.values(), first, first + VIA_SLICE_ROWS - 1]).fetchone()
        found = [a + b for a, b in zip(found, row, strict=True)]
    fewest, column = min(zip(found, columns, strict=True))
    return column, round(fewest * last / (VIA_SLICES * VIA_SLICE_ROWS))


def _gathered_with_hits(db: Database, case_filter: CaseFilter, limit: int) -> FirstWindow | None:
    """A search within a filter finding few cases, listed newest first: every hit read
    into the bitmap (kept for the count and pages after), the filter's cases listed and
    tested against it all at once, in numpy; the count is exact. The cases are listed
    through one value's index, in the order received (at most ``GATHER_HITS_AT_MOST``), or
    as the plan gathers a unit's or a person's few. None: no such filter. At a million
    cases, the 28,000 of grid G07 are listed and tested in 5 ms, where SQLite calling the
    bitmap's function case by case took 15 for the count and again 15 for the first page."""
    match = fts_query(case_filter.text)
    if match is None:
        return None
    others = replace(case_filter, text="")
    columns = _one_value_columns(case_filter)
    in_order = False
    if columns and case_filter.waiting_on is None:
        via, estimated = _fewest(db, columns)
        in_order = estimated <= GATHER_HITS_AT_MOST
    if in_order:
        where = where_clause(db, others, walk=via)
        assert where is not None  # only a search can match nothing
        sql = f"SELECT group_concat(seq) FROM cases INDEXED BY {SORT_INDEX[via]}{where.sql()}"
    else:
        where = where_clause(db, others)
        assert where is not None
        if where.gathered is None:
            return None
        # the gathered cases straight from their indexes (9,224 of the clerk's in 1.6 ms;
        # looked up in the table, 31): the other filters test only the hits among them
        gather, params = where.gathered
        sql = f"SELECT group_concat(DISTINCT seq) FROM ({gather})"
    hits = search_hits(db, match)
    if hits.count == 0:
        return FirstWindow(CaseCount(0, True), [], False)
    listed = db.execute(sql, where.params if in_order else params).fetchone()[0]
    found = hits.among(listed_rows(listed))
    if in_order:  # in the index's order: the oldest received first
        seqs = _newest_of(db, found, limit)
    else:
        found = _others_among(db, where, [int(seq) for seq in found])
        seqs = [row[0] for row in _ordered(db, found, limit)]
    count = CaseCount(len(found), True)
    return FirstWindow(count, listed_cases(db, seqs), should_walk(count))


def _others_among(db: Database, where: Where, seqs: list[int]) -> list[int]:
    """Those of the cases numbered ``seqs`` the clauses of ``where`` find, but for the
    gathering one (the cases are its own): each looked up by its row number (NOT INDEXED:
    SQLite would rather read the 486,000 cases of the largest unit, 125 ms)."""
    assert where.gathered is not None
    gathering = f"seq IN ({where.gathered[0]})"
    clauses, params, at = [], [], 0
    for clause in where.clauses:  # each clause's parameters, in its order
        taken = where.params[at : at + clause.count("?")]
        at += len(taken)
        if clause != gathering:
            clauses.append(clause)
            params.extend(taken)
    assert at == len(where.params)  # every placeholder a parameter's
    if not clauses:
        return seqs
    tests = " AND ".join(clauses)
    rows = db.execute(
        f"SELECT seq FROM cases NOT INDEXED WHERE seq IN (SELECT value FROM json_each(?)) "
        f"AND {tests}",
        [json.dumps(seqs), *params],
    )
    return [row[0] for row in rows]


def _ordered(db: Database, seqs: list[int], limit: int) -> list[tuple[int, str]]:
    """The ``limit`` newest of the cases numbered ``seqs``, newest first, ties by row
    number, as (row number, time received); the numbers go as one JSON text (any count),
    each case looked up by its row number (NOT INDEXED: not a walk of an index in order)."""
    return db.execute(
        "SELECT seq, received_at FROM cases NOT INDEXED "
        "WHERE seq IN (SELECT value FROM json_each(?)) "
        "ORDER BY received_at DESC, seq DESC LIMIT ?",
        [json.dumps(seqs), limit],
    ).fetchall()


def _newest_of(db: Database, found: Any, limit: int) -> list[int]:
    """The ``limit`` newest of ``found`` (row numbers in the order received, oldest first;
    those received at the same time in any order), newest first, ties by row number: the
    last few are ordered, with one more before them whose time must be older than the
    last one kept, else more are taken (a tie reaching further back)."""
    take = limit
    while True:
        tail = [int(seq) for seq in found[-(take + 1) :]]
        ordered = _ordered(db, tail, len(tail))
        if len(tail) <= take or len(ordered) <= limit:
            return [row[0] for row in ordered[:limit]]
        boundary = next(row[1] for row in ordered if row[0] == tail[0])
        if ordered[limit - 1][1] > boundary:
            return [row[0] for row in ordered[:limit]]
        take *= 4


def _holds_the_newest(db: Database, case_filter: CaseFilter) -> bool:
    """Whether the filter's dates reach the newest case (a month gone by does not)."""
    if not case_filter.received_to:
        return True
    newest = db.execute("SELECT max(received_at) FROM cases").fetchone()[0] or ""
    return newest < case_filter.received_to + "~"
