"""A search within a filter that finds few cases, answered exactly at a million cases
(issue 16): every hit read into the bitmap once (``search_hits``), the filter's cases
listed through one index and tested against it all at once, in numpy, and the newest of
them ordered; and the sample that says which of a filter's columns finds fewest (the
index a search newest first is walked through, in ``case_count``)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from app.core.text import fts_query
from app.store.case_plan import SORT_INDEX, CaseFilter, CaseSort, Where, order_by, where_clause
from app.store.search_hits import listed_rows, search_hits

# A search within a filter finding at most this many cases through one value's index is
# answered by testing them all against its hits at once (``hits_within``).
GATHER_HITS_AT_MOST = 100_000
# The sample that chooses the filter whose index such a search walks through: this many
# slices of consecutive row numbers spread over the table, each this long (~0.3 ms).
VIA_SLICES = 8
VIA_SLICE_ROWS = 250


def one_value_columns(f: CaseFilter) -> dict[str, str]:
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


def fewest(db: Database, columns: dict[str, str]) -> tuple[str, int]:
    """Of ``columns``, the one whose value finds the fewest cases in a sample spread over
    the table, and how many cases it finds in the table (estimated)."""
    counted = ", ".join(f"count(*) FILTER (WHERE {column} = ?)" for column in columns)
    sql = f"SELECT {counted} FROM cases INDEXED BY cases_by_seq WHERE seq BETWEEN ? AND ?"
    last = db.execute("SELECT max(seq) FROM cases").fetchone()[0] or 0
    step = max(last // VIA_SLICES, 1)
    found = [0] * len(columns)
    for first in range(1, VIA_SLICES * step, step):
        row = db.execute(sql, [*columns.values(), first, first + VIA_SLICE_ROWS - 1]).fetchone()
        found = [a + b for a, b in zip(found, row, strict=True)]
    least, column = min(zip(found, columns, strict=True))
    return column, round(least * last / (VIA_SLICES * VIA_SLICE_ROWS))


def hits_within(
    db: Database, case_filter: CaseFilter, limit: int, sort: CaseSort | None = None
) -> tuple[int, list[int]] | None:
    """A search within a filter finding few cases, listed newest first: every hit read
    into the bitmap (kept for the count and pages after), the filter's cases listed and
    tested against it all at once, in numpy; the count is exact. The cases are listed
    through one value's index, in the order received (at most ``GATHER_HITS_AT_MOST``), or
    as the plan gathers a unit's or a person's few. None: no such filter. At a million
    cases, the 28,000 of grid G07 are listed and tested in 5 ms, where SQLite calling the
    bitmap's function case by case took 15 for the count and again 15 for the first page.
    Returns how many cases the search finds (exact) and the row numbers of the first
    ``limit``, newest first."""
    match = fts_query(case_filter.text)
    if match is None:
        return None
    others = replace(case_filter, text="")
    columns = one_value_columns(case_filter)
    in_order = False
    if columns and case_filter.waiting_on is None:
        via, estimated = fewest(db, columns)
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
        return 0, []
    listed = db.execute(sql, where.params if in_order else params).fetchone()[0]
    found = hits.among(listed_rows(listed))
    if not in_order:
        found = _others_among(db, where, [int(seq) for seq in found])
    if sort is not None and sort != CaseSort():
        if len(found) > ORDERED_AT_MOST:
            return None
        return len(found), first_in_order(db, [int(seq) for seq in found], sort, limit)
    if in_order:  # in the index's order: the oldest received first
        return len(found), newest_of(db, found, limit)
    return len(found), [row[0] for row in _ordered(db, found, limit)]


# A search within a filter finding few cases, in another order than the newest first: its
# hits among them are looked up and sorted if they are at most this many (~1 µs each).
ORDERED_AT_MOST = 20_000


def first_in_order(db: Database, seqs: list[int], sort: CaseSort, limit: int) -> list[int]:
    """The first ``limit`` of the cases numbered ``seqs`` in the list's ``sort`` order, each
    looked up by its row number (NOT INDEXED: not a walk of the sort order's index)."""
    rows = db.execute(
        "SELECT seq FROM cases NOT INDEXED WHERE seq IN (SELECT value FROM json_each(?)) "
        f"ORDER BY {order_by(sort)} LIMIT ?",
        [json.dumps(seqs), limit],
    )
    return [row[0] for row in rows]


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


def newest_of(db: Database, found: Any, limit: int) -> list[int]:
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
