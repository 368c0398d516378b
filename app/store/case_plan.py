"""How the cases list finds its rows: the SQL plan that serves the filter and the sort a
clerk picks (``case_query``) at a million cases and more (issue 16) — which clauses,
tested in which index, gathered through a filter's own index or walked along the sort
order's. ``case_list`` reads the windows and counts with them.

The 待我办理 and 本单位 filters narrow the list to one person's or one unit's cases: a few
hundred in a working database, but nearly all of them right after an import or in the
benchmark's million untriaged cases. Few are gathered through the filter's own index and
sorted; many are found by walking the sort order's index (see ``case_gather``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from sqlite_utils import Database

from app.core.text import fts_query
from app.store.case_gather import Branch, narrowing, union
from app.store.case_query import (
    SORTABLE,
    CaseFilter,
    CaseSort,
    one_value_columns,
    order_by,
    ordered_by,
)
from app.store.case_values import days_received, values_holding
from app.store.grid_terms import finds_none
from app.store.number_ranges import numbered_within
from app.store.search_hits import NewestHits, SearchHits, search_hits
from app.store.search_probe import PROBE, probes
from app.store.unit_ranges import by_unit_within, values_of
from app.store.value_sample import fewest, kept_until_written
from app.store.values_kept import FIXED

# A narrowing filter matching at most this many cases gathers them by its own index and
# sorts them (~20 ms); above it, walking the sort index finds a window's rows sooner.
GATHER_AT_MOST = 20_000

# A search finding at most this many is read from the full-text index (unless the other
# filters find fewer); more are tested against its bitmap wherever the plan reaches them.
FEW_HITS = 20_000

# the narrow index (db/0014_case_list_indexes.sql): each case's filter columns, by row number
NARROW = "cases INDEXED BY cases_by_seq"
# The columns every filter's index holds, and cases_by_seq (db/0014_case_list_indexes.sql):
# a list sorted by one of them is gathered and sorted without reading whole rows.
IN_EVERY_INDEX = frozenset(SORTABLE) - {"number", "address"}


@dataclass
class Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    text_match: str | None = None
    narrow: bool = True  # every clause is on a column of the narrow index cases_by_seq
    branches: list[Branch] | None = None  # a narrowing filter's, gathered (``case_gather``)
    hits: SearchHits | None = None  # the search's, when there is one
    walked: str | None = None  # the index a walk follows (see ``walk_index``)
    # a walk by number or by lead unit within a date range: ranges of its index, a UNION ALL
    # of arms merged in order (app/store/number_ranges.py, unit_ranges.py)
    ranges: tuple[str, list[Any]] | None = None
    one_grid: bool = False  # one grid filtered: its cases by address are an index range

    @property
    def gathered(self) -> tuple[str, list[Any]] | None:
        """The statement gathering the narrowing filter's cases, and its parameters."""
        return None if self.branches is None else union(self.branches)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def where_clause(
    db: Database,
    case_filter: CaseFilter,
    seqs: tuple[int, int] | None = None,
    walk: str | None = None,
    newest: NewestHits | None = None,
    probe: bool = False,
) -> Where | None:
    """The WHERE clause, or None when the search text can match nothing. ``seqs``: only
    the row numbers ``first..last`` (a sample: the search is bounded too, and a narrowing
    filter is tested row by row, not gathered). ``walk``: the sort column whose index is
    walked (see ``first_window``); every other column goes behind a unary ``+``, so SQLite
    tests it in that index's entries instead of looking it up elsewhere. ``newest``: the
    search's newest hits, read so far (the statement stops before an older case).
    ``probe``: the search tested by asking the full-text index about each case the other
    filters find (``search_probe``), its hits not read."""
    where = Where()
    f = case_filter
    if seqs is not None:
        where.add("seq BETWEEN ? AND ?", *seqs)
    simple = Where()  # the filters every index holds (db/0014_case_list_indexes.sql)
    if f.status:
        simple.add("status = ?", f.status)
    if f.category_codes:
        marks = ",".join("?" for _ in f.category_codes)
        simple.add(f"category_code IN ({marks})", *f.category_codes)
    if f.grid_code:
        simple.add("grid_code = ?", f.grid_code)
    if f.source:
        simple.add("source = ?", f.source)
    if f.urgency:
        simple.add("urgency = ?", f.urgency)
    if f.received_from:
        simple.add("received_at >= ?", f.received_from)
    if f.received_to:
        simple.add("received_at < ?", f.received_to + "~")  # '~' sorts after any time
    for condition, params, branches in narrowing(db, f):
        gather, gathering = union(branches)
        if seqs is None and at_most(db, gather, gathering, GATHER_AT_MOST):
            if branches and simple.clauses:
                # the other filters tested in the gathering indexes' own entries, not in
                # cases_by_seq's looked up for each gathered case (the urgent ones of the
                # clerk's 9,224: 15 ms -> 2), and a gathered list counted there alone
                branches = [
                    (index, f"{tests}{_also(simple)}", [*values, *simple.params])
                    for index, tests, values in branches
                ]
                gather, gathering = union(branches)
                simple = Where()
            where.add(f"seq IN ({gather})", *gathering)
            where.branches = branches
        else:
            where.add(_unit_read_through(db, f, condition, walk), *params)
            # the to-do list's condition reads columns cases_by_seq lacks; lead_unit it holds
            where.narrow = where.narrow and condition.startswith("lead_unit = ")
    where.clauses += simple.clauses
    where.params += simple.params
    text = f.text.strip()
    if text:
        match = fts_query(text)
        if match is None or finds_none(db, f):
            return None
        if probe:  # (SQLite tests it after the other clauses: it holds a subquery)
            where.add(_probe(db), match)
        elif newest is not None:
            assert newest.match == match
            where.add(newest.test())
        elif not _searched(db, f, match, where, seqs is not None, walk is not None):
            return None
    where.one_grid = "grid_code = ?" in where.clauses  # (not tested in a gather)
    if walk is not None:
        where.walked = walk_index(where, walk)
        kept = {walk, "grid_code"} if where.walked == GRID_BY_ADDRESS else {walk}
        if where.hits is not None and walk in FIXED and not _only_holding(db, where, walk):
            return None  # none of the values filtered holds a hit
        ranged = any(clause.startswith("received_at ") for clause in where.clauses)
        if ranged and walk in RECEIVED_SECOND:  # (not when gathered: tested in the gather)
            # a date range sorted by a column of few values: each value's cases received in
            # the range are one range of its index, read value after value in the sort order
            # (a month by status: 0.2 ms, not 24 walking the months before it)
            if not any(clause.startswith(f"{walk} ") for clause in where.clauses):
                where.add(f"{walk} IN ({values_of(walk)})")  # not one value filtered
            kept.add("received_at")
        by_unit = ranged and walk == "lead_unit" and not f.lead_unit
        if by_unit:  # (本单位 within dates: by status, see case_query.unit_by_status)
            kept |= {"status", "received_at"}
        where.clauses = [unindexed(clause, kept) for clause in where.clauses]
        where.narrow = False  # the sort order's index, not cases_by_seq
        if walk == "number":  # the days the filter's cases were received, else its own
            days = days_received(db, f) or ((f.received_from, f.received_to) if ranged else None)
            if days is not None:
                where.ranges = numbered_within(db, *days, where.clauses, where.params)
        elif by_unit:
            where.ranges = by_unit_within(where.clauses, where.params)
    elif where.text_match and not where.gathered:
        # the few hits drive: SQLite would rather read a filter's index range (82,000 of a
        # unit's cases, 64 ms) than look up 12,000 hits (25 ms)
        where.clauses = [unindexed(clause, {"seq"}) for clause in where.clauses]
    return where


def _only_holding(db: Database, where: Where, column: str) -> bool:
    """Narrow a walk along ``column``'s index to the values holding a hit of the search (the
    categories before 占道经营's, 900,000 entries, are not walked); False: no value
    filtered holds one. Unchanged if which values hold hits is not known yet."""
    assert where.hits is not None
    holding = where.hits.holding.get(column)
    if holding is None:
        holding = values_holding(db, column, where.hits.rows)
        if holding is None:
            return True
        where.hits.holding[column] = holding
    filtered = f"{column} IN (" if column == "category_code" else f"{column} = ?"
    at = 0  # the parameters of the clauses before the column's own filter
    for number, clause in enumerate(where.clauses):
        if clause.startswith(filtered):  # a group of categories: those holding hits
            held = clause.count("?")
            values = [v for v in where.params[at : at + held] if v in holding]
            if not values:
                return False
            where.clauses[number] = f"{column} IN ({','.join('?' for _ in values)})"
            where.params[at : at + held] = values
            return True
        at += clause.count("?")
    where.add(f"{column} IN ({','.join('?' for _ in holding)})", *sorted(holding))
    return True


def _unit_read_through(db: Database, f: CaseFilter, condition: str, walk: str | None) -> str:
    """A unit's many cases, read through its own index unless one of the filter's other
    values finds fewer in a sample of the table: then its condition goes behind a unary
    ``+``, tested in that value's index. SQLite's statistics, skewed by a million
    untriaged cases with no unit, take a unit's 486,000 cases for a few: the 28,000 of
    grid G07, read through the unit's index, were counted in 40 ms; through the grid's, 2.
    Not in a walk: it tests the condition in the walked index's entries (by unit, it
    reads the unit's range)."""
    columns = one_value_columns(f)
    if condition != "lead_unit = ?" or not columns or walk is not None:
        return condition
    assert f.lead_unit is not None
    fewest_column, _found = fewest(db, {**columns, "lead_unit": f.lead_unit})
    return condition if fewest_column == "lead_unit" else f"+{condition}"


def _probe(db: Database) -> str:
    probes(db)  # its SQL function registered on this connection
    return PROBE


def _searched(
    db: Database, f: CaseFilter, match: str, where: Where, sampled: bool, walked: bool
) -> bool:
    """Add the search's test to ``where``; False when it finds nothing."""
    hits = search_hits(db, match)
    if hits.count == 0:
        return False
    few = hits.count <= FEW_HITS
    if not sampled and few and (walked or not _filters_first(db, f, hits)):
        # few hits: the full-text index finds them, then the other filters test them
        where.add("seq IN (SELECT rowid FROM cases_search WHERE cases_search MATCH ?)", match)
        where.text_match = match
    else:  # each case the plan reaches is tested against the hits' bitmap
        where.add(*hits.test())
    where.hits = hits
    return True


# Reading a filter's index entry costs about a fifth of looking a hit up in the table.
HIT_LOOKUP_COST = 5


def _filters_first(db: Database, f: CaseFilter, hits: SearchHits) -> bool:
    """Whether the other filters find so few cases that reading them and testing each
    against the hits beats looking up every hit (a grid's 6,000 cases against 12,000
    hits; not a unit's 82,000)."""
    others = replace(f, text="")
    known = hits.plans.get(others)  # worked out once per search and filter (up to 5 ms)
    if known is None:
        rest = where_clause(db, others)
        assert rest is not None  # only a search can match nothing
        limit = hits.count * HIT_LOOKUP_COST
        known = bool(rest.clauses) and (
            rest.gathered is not None  # a narrowing filter gathered its few
            or at_most(db, f"SELECT 1 FROM cases{rest.sql()}", rest.params, limit)
        )
        hits.plans[others] = known
    return known


# The sort columns whose index holds the time received right after them, and never NULL
# (db/0014_case_list_indexes.sql): a date range is one range of each value's entries.
RECEIVED_SECOND = (
    "status",
    "category_code",
    "grid_code",
    "source",
    "urgency",
    "first_receiver_unit",
)


def unindexed(clause: str, walked: set[str]) -> str:
    """``clause`` with its column behind a unary ``+`` (SQLite may not search an index by
    it), unless it is a column the walked index is searched by (its own, or the time
    received after it), which narrows the walk to ranges."""
    if " " not in clause:  # a test of the row number (search_hits), no column
        return clause
    if clause.startswith("("):  # the to-do list's conditions, ORed: SQLite would read each
        return f"+{clause}"  # one's index range and sort them all (4.9 million: seconds)
    column, rest = clause.split(" ", 1)
    return f"+{column} {rest}" if column.isidentifier() and column not in walked else clause


def _also(where: Where) -> str:
    """``where``'s clauses, to follow a WHERE of others."""
    return "".join(f" AND {clause}" for clause in where.clauses)


def at_most(db: Database, gather: str, params: list[Any], limit: int) -> bool:
    """Whether ``gather`` finds at most ``limit`` rows (it stops counting after that; kept
    until a write: a unit's 20,001 cases counted in 1-2 ms, a dozen times a window)."""
    sql = f"SELECT count(*) FROM (SELECT 1 FROM ({gather}) LIMIT ?)"
    values = [*params, limit + 1]
    counted = kept_until_written(db, (sql, *values), lambda: db.execute(sql, values).fetchone()[0])
    return counted <= limit


def source_of(where: Where, sort_column: str = "received_at") -> str:
    """``cases``, narrowed to the small index when filtering search hits or the gathered
    cases of a narrowing filter (much faster than fetching every one's full row: 9,000
    of the clerk's cases counted in 14 ms instead of 32; SQLite does not choose it)."""
    gathered = where.text_match or where.gathered
    if gathered and where.narrow and sort_column in IN_EVERY_INDEX:
        return NARROW
    if not gathered and where.one_grid and sort_column == "address":
        return f"cases INDEXED BY {GRID_BY_ADDRESS}"  # not the grid's rows looked up
    return "cases"


# The index that holds each sortable column first, then every filter column (schema 14).
SORT_INDEX = {
    "number": "cases_by_number",
    "received_at": "cases_by_received",
    "status": "cases_by_status",
    "category_code": "cases_by_category",
    "grid_code": "cases_by_grid",
    "source": "cases_by_source",
    "urgency": "cases_by_urgency",
    "address": "cases_by_address",
    "first_receiver_unit": "cases_by_first_receiver",
    "lead_unit": "cases_by_lead_unit",
}


# One grid's cases by address (db/0015_case_list_ranges.sql): a village's few
# addresses lie together somewhere in the address order, past every other grid's.
GRID_BY_ADDRESS = "cases_by_grid_address"


def walk_index(where: Where, column: str) -> str:
    """The index a walk in ``column``'s order follows: the sort column's own, or for a
    grid by address, the grid's range of cases_by_grid_address."""
    return GRID_BY_ADDRESS if column == "address" and where.one_grid else SORT_INDEX[column]


def window_sql(where: Where, sort: CaseSort, walk: bool) -> tuple[str, list[Any]]:
    """The statement of a window's row numbers, and its parameters but the window's
    ``LIMIT ? OFFSET ?``: walking the sort order's index, or the plan's ``source_of``."""
    tail = f" ORDER BY {order_by(sort)} LIMIT ? OFFSET ?"
    if walk and where.ranges is not None:
        arms, params = where.ranges
        return f"SELECT seq FROM ({arms}{tail})", params  # merged in order, never sorted
    if not walk and _sorted_in_gather(where, sort.column):
        # (UNION: a case found twice is listed once)
        columns = ", ".join(dict.fromkeys(("seq", *ordered_by(sort))))
        arms, params = union(where.branches or [], columns, "UNION")
        return f"SELECT seq FROM ({arms}){tail}", params
    source = f"cases INDEXED BY {where.walked}" if walk else source_of(where, sort.column)
    return f"SELECT seq FROM {source}{where.sql()}{tail}", where.params


def sorted_in_gather(db: Database, case_filter: CaseFilter, sort: CaseSort) -> bool:
    """Whether the filter's cases are gathered through a narrowing filter's indexes, every
    other filter tested in their entries, and sorted there (``_sorted_in_gather``)."""
    where = where_clause(db, case_filter)
    return where is not None and _sorted_in_gather(where, sort.column)


def gathers(db: Database, case_filter: CaseFilter) -> bool:
    """Whether the filter's cases are few (at most GATHER_AT_MOST) and gathered through a
    narrowing filter's indexes."""
    where = where_clause(db, case_filter)
    return where is not None and where.gathered is not None


def _sorted_in_gather(where: Where, column: str) -> bool:
    """Whether a narrowing filter's few cases, every other filter tested in its own
    index entries, are sorted there: by a column every index holds, read with the row
    number from those entries, no case looked up (the clerk's 7,450 cases in the largest
    unit, oldest first: 5 ms; each looked up in cases_by_seq, 14)."""
    if not where.branches or where.hits is not None:
        return False  # (no branches: nothing can match)
    gather, _params = union(where.branches)
    return where.clauses == [f"seq IN ({gather})"] and column in IN_EVERY_INDEX


def listed_in_order_received(f: CaseFilter) -> bool:
    """Whether an index of one of the filter's columns lists its cases in the order received
    (one status, grid, source, urgency or category leads an index whose next column is the
    time received): gathering them in that order sorts nothing, wherever they lie."""
    narrowing = f.waiting_on is not None or f.lead_unit or f.text.strip()
    one_value = f.status or f.grid_code or f.source or f.urgency or len(f.category_codes) == 1
    return bool(one_value) and not narrowing
