"""The cases list over a million rows: its windows and counts, all in SQL.

A window is found by walking an index for row numbers only (``seq``), then fetching just
those rows ("deferred join"), so scrolling to row 999,900 never reads 999,900 rows. Which
index, and which clauses tested where, is the plan's (``case_plan``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from app.core.model import Case
from app.store.case_plan import (
    CaseFilter,
    CaseSort,
    Where,
    at_most,
    source_of,
    unindexed,
    where_clause,
    window_sql,
)
from app.store.case_query import one_value_columns, unit_by_status
from app.store.case_values import counted_in_memory
from app.store.cases import CASE_COLUMNS, row_to_case
from app.store.grid_terms import finds_none
from app.store.search_hits import NewestHits
from app.store.sql_deadline import within
from app.store.value_sample import fewest


def count_cases(db: Database, case_filter: CaseFilter) -> int:
    if finds_none(db, case_filter):
        return 0
    counted = counted_in_memory(db, case_filter)
    if counted is not None:
        return counted
    return _count(db, through_fewest(db, case_filter, where_clause(db, case_filter)))


def through_fewest(db: Database, f: CaseFilter, where: Where | None) -> Where | None:
    """``where``, for a list of two filters or more of one value and no search, its cases
    counted or gathered (not walked): read through the index of the value a sample finds
    fewest of, the others tested in its entries, a date range still a range of them.
    SQLite's statistics take any value for 1,527 cases: 办理中 and the hotline at five
    million read the hotline's 1.6 million entries for 9,600 cases (91 ms to count them),
    not 办理中's 41,000 (3 ms). (A search's plans read a filter's cases SQLite's way: a
    grid's urgent cases holding 占, by number, took 21 ms so and 131 ms this way.)"""
    if where is None or f.text.strip() or where.gathered or where.walked:
        return where
    columns = one_value_columns(f)
    if len(columns) > 1:
        via, _ = fewest(db, columns)
        kept = {via, "received_at"} | ({"grid_code"} if where.one_grid else set())
        # (a grid by address is a range of its own index: source_of)
        where.clauses = [unindexed(clause, kept) for clause in where.clauses]
    return where


def _count(db: Database, where: Where | None) -> int:
    if where is None:
        return 0
    if where.hits and len(where.clauses) == 1:  # search alone: its bitmap knows the count
        return where.hits.count
    searched = where.hits is not None and len(where.clauses) == 2
    if where.gathered and (len(where.clauses) == 1 or searched):
        # a narrowing filter's own cases (a case may wait twice), tested against the search
        # by row number alone: 9,224 of the clerk's cases searched in 3 ms, not 48
        gather, params = where.gathered
        test = f" WHERE {where.clauses[1]}" if searched else ""
        sql, params = f"SELECT count(DISTINCT seq) FROM ({gather}){test}", where.params
    else:
        sql, params = f"SELECT count(*) FROM {source_of(where)}{where.sql()}", where.params
    return db.execute(sql, params).fetchone()[0]


def count_in_slice(db: Database, case_filter: CaseFilter, first: int, last: int) -> int:
    """How many of the cases numbered ``first..last`` the filter finds, reading just those
    rows (a sample of the table: see app/store/case_count.py)."""
    where = where_clause(db, case_filter, (first, last))
    if where is None:
        return 0
    sql = f"SELECT count(*) FROM cases NOT INDEXED{where.sql()}"
    return db.execute(sql, where.params).fetchone()[0]


def case_window(
    db: Database, case_filter: CaseFilter, sort: CaseSort, offset: int, limit: int
) -> list[Case]:
    """Rows ``offset .. offset+limit`` of the filtered, sorted list."""
    return [row.case for row in listed_window(db, case_filter, sort, offset, limit)]


@dataclass(frozen=True)
class ListedCase:
    """A row of the cases list: the case, and its lead unit (牵头单位; None before triage)."""

    case: Case
    lead_unit: str | None


def listed_window(
    db: Database,
    case_filter: CaseFilter,
    sort: CaseSort,
    offset: int,
    limit: int,
    walk: bool = False,
    total: int | None = None,
) -> list[ListedCase]:
    """``case_window`` with what the list shows beside each case; ``walk``: the filter
    finds many cases, walk the sort order's index (see ``first_window``). ``total``: the
    list's exact length, if known; a window in its second half is then read from the other
    end, in the opposite order (every order is total: it ends with the row number), so the
    last window costs what the first does."""
    sort = unit_by_status(case_filter, sort)
    walked = sort.column if walk else None
    where = through_fewest(db, case_filter, where_clause(db, case_filter, walk=walked))
    if where is None:
        return []
    flip = total is not None and offset > total // 2
    if flip:
        assert total is not None
        end = min(offset + limit, total)
        offset, limit = total - end, end - offset
        if limit <= 0:
            return []
        sort = CaseSort(sort.column, not sort.descending)
    seqs = _window_seqs(db, where, sort, offset, limit, walk)
    if flip:
        seqs.reverse()
    return listed_cases(db, seqs)


def gathered_in_order(
    db: Database, case_filter: CaseFilter, sort: CaseSort, most: int
) -> list[int] | None:
    """The row numbers of the filter's cases in the sort order, if a narrowing filter gathers
    them through its own indexes (a unit's or a person's few), with the other filters (a
    search too) tested among them; None: the filter is not one of those, or its cases are
    more than ``most`` (each is looked up to be sorted: 20,000 in 20 ms)."""
    where = where_clause(db, case_filter)
    if where is None:
        return []
    if where.gathered is None or not at_most(db, *where.gathered, most):
        return None
    return _window_seqs(db, where, sort, 0, -1, False)  # (LIMIT -1: every one)


def walked_within(
    db: Database,
    case_filter: CaseFilter,
    sort: CaseSort,
    limit: int,
    ms: float,
    newest: NewestHits | None = None,
    via: str | None = None,
    probe: bool = False,
) -> list[ListedCase] | None:
    """The first ``limit`` rows found by walking the sort order's index, if SQLite finds
    them within ``ms`` milliseconds, else None (a common search's bitmap is read before
    the clock starts; the walk reads the few hits of a rare one itself, in a few ms).
    ``newest``: test only the search's newest hits (an older case stops the walk with an
    error: ``newest.needed_more``). ``via``: walk the index of this column instead (one
    value of it filtered, the time received next in its index: the same order, fewer
    entries). ``probe``: ask the full-text index about each case the filters find
    (``search_probe``) instead of reading the search's hits."""
    walked = via or sort.column
    where = where_clause(db, case_filter, walk=walked, newest=newest, probe=probe)
    if where is None:
        return []
    seqs = within(db, ms, lambda: _window_seqs(db, where, sort, 0, limit, True))
    return None if seqs is None else listed_cases(db, seqs)


def _window_seqs(
    db: Database, where: Where, sort: CaseSort, offset: int, limit: int, walk: bool
) -> list[int]:
    sql, params = window_sql(where, sort, walk)
    return [row[0] for row in db.execute(sql, [*params, limit, offset])]


def listed_cases(db: Database, seqs: list[int]) -> list[ListedCase]:
    """The cases numbered ``seqs``, in that order."""
    if not seqs:
        return []
    marks = ",".join("?" for _ in seqs)
    rows = db.execute(
        f"SELECT seq, lead_unit, {CASE_COLUMNS} FROM cases WHERE seq IN ({marks})", seqs
    ).fetchall()
    by_seq = {row[0]: ListedCase(row_to_case(row[2:]), row[1]) for row in rows}
    return [by_seq[seq] for seq in seqs]


def seqs_after(
    db: Database, case_filter: CaseFilter, after: tuple[str, int] | None, limit: int
) -> list[tuple[str, int]]:
    """The next ``limit`` cases of the filtered list in ledger order (受理时间, then row
    number, ascending) after ``after``, as ``(received_at, seq)``: keyset paging, so the
    hundred-thousandth row of an export costs what the first does."""
    where = where_clause(db, case_filter)
    if where is None:
        return []
    params = list(where.params)
    clauses = list(where.clauses)
    if after is not None:
        clauses.append("(received_at, seq) > (?, ?)")
        params.extend(after)
    sql = " WHERE " + " AND ".join(clauses) if clauses else ""
    rows = db.execute(
        f"SELECT received_at, seq FROM {source_of(where)}{sql} ORDER BY received_at, seq LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [(row[0], row[1]) for row in rows]


def count_within(db: Database, case_filter: CaseFilter, ms: float) -> int | None:
    """``count_cases`` if SQLite finishes it within ``ms`` milliseconds, else None (it is
    interrupted: an index range of a few tens of thousands counts in a few ms, half the
    table in a hundred). A search's hits are read before the clock starts."""
    where = through_fewest(db, case_filter, where_clause(db, case_filter))
    return within(db, ms, lambda: _count(db, where))


def nth_received(db: Database, case_filter: CaseFilter, descending: bool, n: int) -> int | None:
    """The row number of the filter's ``n``-th case in the order received, from the newest
    (``descending``) or the oldest; None: there are fewer. For a filter of one value, whose
    index lists its cases in that order: ``n`` steps down it."""
    where = where_clause(db, case_filter)
    if where is None:
        return None
    d = "DESC" if descending else "ASC"
    row = db.execute(
        f"SELECT seq FROM cases{where.sql()} ORDER BY received_at {d}, seq {d} LIMIT 1 OFFSET ?",
        [*where.params, n - 1],
    ).fetchone()
    return None if row is None else row[0]


def row_numbers(db: Database) -> int:
    """The highest row number: how many cases there are at most (rows are never deleted
    but by a rebuild, which numbers them again), found in the primary key at once."""
    return db.execute("SELECT max(seq) FROM cases").fetchone()[0] or 0
