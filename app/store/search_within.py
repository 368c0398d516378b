"""A search within a filter that finds few cases, answered exactly at a million cases
(issue 16): every hit read into the bitmap once (``search_hits``), the filter's cases
listed through one index and tested against it all at once, in numpy, and the newest of
them ordered."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from app.core.text import fts_query
from app.store.case_plan import (
    GRID_BY_ADDRESS,
    IN_EVERY_INDEX,
    NARROW,
    SORT_INDEX,
    CaseFilter,
    CaseSort,
    Where,
    where_clause,
)
from app.store.case_query import one_value_columns, order_by
from app.store.case_values import leading_values
from app.store.search_hits import listed_rows, search_hits
from app.store.search_kept_order import first_in_kept_order
from app.store.sql_deadline import within
from app.store.value_sample import fewest
from app.store.values_kept import ORDERED

# A search within a filter finding at most this many cases through one value's index is
# answered by testing them all against its hits at once (``hits_within``).
GATHER_HITS_AT_MOST = 100_000


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
        found = others_among(db, where, [int(seq) for seq in found])
    if sort is not None and sort != CaseSort():
        first = first_in_order(db, found, sort, limit, case_filter.grid_code)
        return None if first is None else (len(found), first)
    if in_order:  # in the index's order: the oldest received first
        return len(found), newest_of(db, found, limit)
    return len(found), [row[0] for row in _ordered(db, found, limit)]


# A search within a filter finding few cases, in another order than the newest first: its
# hits among them are sorted if they are at most this many; looking each up by its row
# number costs about this much (ms: 5,820 urgent cases holding 占道经营 at a million, 10-12),
# and half that in the narrow index cases_by_seq, for a column it holds (4,120 of 办理中
# holding 占, by source: 13.5 ms in the table, 6.8 there).
ORDERED_AT_MOST = 20_000
LOOKED_UP_MS = 0.002
LOOKED_UP_IN_INDEX_MS = 0.001


def first_in_order(
    db: Database, seqs: Any, sort: CaseSort, limit: int, grid: str | None = None
) -> list[int] | None:
    """The first ``limit`` of the cases numbered ``seqs`` (all in ``grid``, if given) in
    the list's ``sort`` order: told from the values kept, where they tell the order (the
    569,000 cases of the to-do list holding 占道 among five million, by address: the list
    87 → 15 ms; the walk of the address index testing the to-do list took 80); else, of at most
    ``ORDERED_AT_MOST`` (None: more), found by walking the sort order's index, testing
    each entry against them, if that takes no longer than looking them all up would; else
    looked up and sorted."""
    import numpy

    seqs = numpy.asarray(seqs, dtype=numpy.int64)
    holding = None
    if sort.column in ORDERED:  # only those in the first values of the order
        leading = leading_values(db, sort.column, seqs, sort.descending, limit)
        if leading is not None:
            seqs, holding = leading
            holding = None if None in holding else holding  # (no IN finds a NULL)
    in_memory = first_in_kept_order(db, seqs, sort, limit)
    if in_memory is not None or len(seqs) > ORDERED_AT_MOST:
        return in_memory
    work = lambda: _walked(db, seqs, sort, limit, grid, holding)  # noqa: E731
    in_index = sort.column in IN_EVERY_INDEX
    walked = within(db, len(seqs) * (LOOKED_UP_IN_INDEX_MS if in_index else LOOKED_UP_MS), work)
    if walked is not None:
        return walked
    rows = db.execute(
        f"SELECT seq FROM {NARROW if in_index else 'cases NOT INDEXED'} "
        "WHERE seq IN (SELECT value FROM json_each(?)) "
        f"ORDER BY {order_by(sort)} LIMIT ?",
        [json.dumps([int(seq) for seq in seqs]), limit],
    )
    return [row[0] for row in rows]


def _walked(
    db: Database,
    seqs: Any,
    sort: CaseSort,
    limit: int,
    grid: str | None,
    holding: list[str] | None,
) -> list[int]:
    """The first ``limit`` of ``seqs`` along the sort order's index (where they are many
    among its first entries: the 60 highest numbers of those 5,820, in 1 ms); by address,
    one grid's range of its index; by a column of ``ORDERED``, only the values ``holding``
    them."""
    import numpy

    bitmap = numpy.zeros(int(seqs.max()) + 1 if len(seqs) else 0, dtype=numpy.uint8)
    bitmap[seqs] = 1
    index, narrowed, params = SORT_INDEX[sort.column], "", [bitmap.tobytes(), limit]
    if sort.column == "address" and grid is not None:
        index, narrowed, params = GRID_BY_ADDRESS, "grid_code = ? AND ", [grid, *params]
    if holding is not None:  # only the categories (addresses…) they are in (case_values)
        marks = ",".join("?" for _ in holding)
        narrowed += f"{sort.column} IN ({marks}) AND "
        params = [*params[:-2], *holding, *params[-2:]]
    rows = db.execute(
        f"SELECT seq FROM cases INDEXED BY {index} WHERE {narrowed}"
        f"substr(?,seq+1,1)=x'01' ORDER BY {order_by(sort)} LIMIT ?",
        params,
    )
    return [row[0] for row in rows]


def others_among(db: Database, where: Where, seqs: list[int]) -> list[int]:
    """Those of the cases numbered ``seqs`` the clauses of ``where`` find, but for the
    gathering one if any (the cases are its own): each looked up by its row number, in the
    narrow index if it holds every column tested (not the filters' own indexes: SQLite
    would rather read the 486,000 cases of the largest unit, 125 ms)."""
    gathering = None if where.gathered is None else f"seq IN ({where.gathered[0]})"
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
    source = NARROW if where.narrow else "cases NOT INDEXED"  # (every column tested there)
    rows = db.execute(
        f"SELECT seq FROM {source} WHERE seq IN (SELECT value FROM json_each(?)) AND {tests}",
        [json.dumps(seqs), *params],
    )
    return [row[0] for row in rows]


def _ordered(db: Database, seqs: list[int], limit: int) -> list[tuple[int, str]]:
    """The ``limit`` newest of the cases numbered ``seqs``, newest first, ties by row
    number, as (row number, time received); the numbers go as one JSON text (any count),
    each case looked up by its row number in the narrow index (not a walk of an index in
    order)."""
    return db.execute(
        f"SELECT seq, received_at FROM {NARROW} WHERE seq IN (SELECT value FROM json_each(?)) "
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
