"""The cases list over a million rows: filters, sorting and search, all in SQL windows.

A window is found by walking an index for row numbers only (``seq``), then fetching just
those rows ("deferred join"), so scrolling to row 999,900 never reads 999,900 rows.

The 待我办理 and 本单位 filters narrow the list to one person's or one unit's cases: a few
hundred in a working database, but nearly all of them right after an import or in the
benchmark's million untriaged cases. Few are gathered through the filter's own index and
sorted; many are found by walking the sort order's index (see ``_narrowing``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from app.core.model import Case, User
from app.core.text import fts_query
from app.store.cases import CASE_COLUMNS, row_to_case
from app.store.queues import queue_conditions, waiting_on

SORTABLE = (
    "number",
    "received_at",
    "status",
    "category_code",
    "grid_code",
    "source",
    "urgency",
    "address",
    "first_receiver_unit",
    "lead_unit",
)


@dataclass(frozen=True)
class CaseFilter:
    status: str | None = None
    category_codes: tuple[str, ...] = ()  # a leaf, or every leaf of a group
    grid_code: str | None = None
    source: str | None = None
    urgency: str | None = None
    received_from: str | None = None  # YYYY-MM-DD, inclusive
    received_to: str | None = None  # YYYY-MM-DD, inclusive
    text: str = ""
    # 待我办理: the cases waiting on this user now, exactly the workbench's to-do list
    # (app/store/queues.py decides who a case waits on)
    waiting_on: User | None = None
    lead_unit: str | None = None  # 牵头单位: a department code (本单位: the user's own)


@dataclass(frozen=True)
class CaseSort:
    column: str = "received_at"
    descending: bool = True

    def __post_init__(self) -> None:
        if self.column not in SORTABLE:
            raise ValueError(f"cannot sort cases by {self.column!r}")


# A narrowing filter matching at most this many cases gathers them by its own index and
# sorts them (~20 ms); above it, walking the sort index finds a window's rows sooner.
GATHER_AT_MOST = 20_000

# The columns held by the index cases_by_seq (see db/0001_init.sql).
_NARROW_INDEX_COLUMNS = {
    "received_at",
    "status",
    "category_code",
    "grid_code",
    "source",
    "urgency",
    "first_receiver_unit",
}


@dataclass
class _Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    text_match: str | None = None
    narrow: bool = True  # every clause is on a column of the narrow index cases_by_seq

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _where(db: Database, case_filter: CaseFilter) -> _Where | None:
    """The WHERE clause, or None when the search text can match nothing."""
    where = _Where()
    f = case_filter
    for condition, params, gather in _narrowing(db, f):
        if _at_most(db, gather, params, GATHER_AT_MOST):
            where.add(f"seq IN ({gather})", *params)
        else:
            where.add(condition, *params)
        where.narrow = False
    if f.status:
        where.add("status = ?", f.status)
    if f.category_codes:
        marks = ",".join("?" for _ in f.category_codes)
        where.add(f"category_code IN ({marks})", *f.category_codes)
    if f.grid_code:
        where.add("grid_code = ?", f.grid_code)
    if f.source:
        where.add("source = ?", f.source)
    if f.urgency:
        where.add("urgency = ?", f.urgency)
    if f.received_from:
        where.add("received_at >= ?", f.received_from)
    if f.received_to:
        where.add("received_at < ?", f.received_to + "~")  # '~' sorts after any time
    text = f.text.strip()
    if text:
        match = fts_query(text)
        if match is None:
            return None
        where.add("seq IN (SELECT rowid FROM cases_search WHERE cases_search MATCH ?)", match)
        where.text_match = match
    return where


def _narrowing(db: Database, f: CaseFilter) -> list[tuple[str, list[Any], str]]:
    """Each narrowing filter as ``(condition, params, gather)``: ``condition`` on ``cases``,
    and ``gather`` a query of the same cases' ``seq`` through the index that finds them
    (SQLite's statistics, skewed by millions of untriaged cases, would have it walk the whole
    table for a unit's twenty cases). Both take ``params``."""
    found = []
    if f.waiting_on is not None:
        condition, params = waiting_on(db, f.waiting_on)
        queues = queue_conditions(db, f.waiting_on)  # the same conditions, one by one
        gather = " UNION ALL ".join(
            f"SELECT seq FROM cases INDEXED BY "
            f"{'cases_by_lead_unit' if queue.own_unit else 'cases_by_status'} WHERE {part}"
            for queue, part, _values in queues
        )
        found.append((condition, params, gather or "SELECT NULL WHERE 0"))
    if f.lead_unit:
        found.append(
            (
                "lead_unit = ?",
                [f.lead_unit],
                "SELECT seq FROM cases INDEXED BY cases_by_lead_unit WHERE lead_unit = ?",
            )
        )
    return found


def _at_most(db: Database, gather: str, params: list[Any], limit: int) -> bool:
    """Whether ``gather`` finds at most ``limit`` rows (it stops counting after that)."""
    sql = f"SELECT count(*) FROM (SELECT 1 FROM ({gather}) LIMIT ?)"
    return db.execute(sql, [*params, limit + 1]).fetchone()[0] <= limit


def _source(where: _Where, sort_column: str = "received_at") -> str:
    """``cases``, narrowed to the small index when filtering search hits (much faster than
    fetching every hit's full row; SQLite does not choose it by itself)."""
    if where.text_match and where.narrow and sort_column in _NARROW_INDEX_COLUMNS:
        return "cases INDEXED BY cases_by_seq"
    return "cases"


def _order(sort: CaseSort) -> str:
    """An ORDER BY that matches an index exactly, so SQLite walks it instead of sorting."""
    d = "DESC" if sort.descending else "ASC"
    if sort.column == "number":  # unique
        return f"number {d}"
    if sort.column in ("received_at", "address"):
        return f"{sort.column} {d}, seq {d}"
    if sort.column == "lead_unit":  # the index cases_by_lead_unit (lead_unit, status)
        return f"lead_unit {d}, status {d}, seq {d}"
    return f"{sort.column} {d}, received_at {d}, seq {d}"


def count_cases(db: Database, case_filter: CaseFilter) -> int:
    where = _where(db, case_filter)
    if where is None:
        return 0
    if where.text_match and len(where.clauses) == 1:  # search alone: the index knows the count
        sql, params = (
            "SELECT count(*) FROM cases_search WHERE cases_search MATCH ?",
            [where.text_match],
        )
    else:
        sql, params = f"SELECT count(*) FROM {_source(where)}{where.sql()}", where.params
    return db.execute(sql, params).fetchone()[0]


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
    db: Database, case_filter: CaseFilter, sort: CaseSort, offset: int, limit: int
) -> list[ListedCase]:
    """``case_window`` with what the list shows beside each case."""
    where = _where(db, case_filter)
    if where is None:
        return []
    seqs = [
        row[0]
        for row in db.execute(
            f"SELECT seq FROM {_source(where, sort.column)}{where.sql()} "
            f"ORDER BY {_order(sort)} LIMIT ? OFFSET ?",
            [*where.params, limit, offset],
        )
    ]
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
    where = _where(db, case_filter)
    if where is None:
        return []
    params = list(where.params)
    clauses = list(where.clauses)
    if after is not None:
        clauses.append("(received_at, seq) > (?, ?)")
        params.extend(after)
    sql = " WHERE " + " AND ".join(clauses) if clauses else ""
    rows = db.execute(
        f"SELECT received_at, seq FROM {_source(where)}{sql} ORDER BY received_at, seq LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [(row[0], row[1]) for row in rows]
