"""The cases list over a million rows: filters, sorting and search, all in SQL windows.

A window is found by walking an index for row numbers only (``seq``), then fetching just
those rows ("deferred join"), so scrolling to row 999,900 never reads 999,900 rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from app.core.model import Case
from app.core.text import fts_query
from app.store.cases import CASE_COLUMNS, row_to_case

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


@dataclass(frozen=True)
class CaseSort:
    column: str = "received_at"
    descending: bool = True

    def __post_init__(self) -> None:
        if self.column not in SORTABLE:
            raise ValueError(f"cannot sort cases by {self.column!r}")


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

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _where(case_filter: CaseFilter) -> _Where | None:
    """The WHERE clause, or None when the search text can match nothing."""
    where = _Where()
    f = case_filter
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


def _source(where: _Where, sort_column: str = "received_at") -> str:
    """``cases``, narrowed to the small index when filtering search hits (much faster than
    fetching every hit's full row; SQLite does not choose it by itself)."""
    if where.text_match and sort_column in _NARROW_INDEX_COLUMNS:
        return "cases INDEXED BY cases_by_seq"
    return "cases"


def _order(sort: CaseSort) -> str:
    """An ORDER BY that matches an index exactly, so SQLite walks it instead of sorting."""
    d = "DESC" if sort.descending else "ASC"
    if sort.column == "number":  # unique
        return f"number {d}"
    if sort.column in ("received_at", "address"):
        return f"{sort.column} {d}, seq {d}"
    return f"{sort.column} {d}, received_at {d}, seq {d}"


def count_cases(db: Database, case_filter: CaseFilter) -> int:
    where = _where(case_filter)
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
    where = _where(case_filter)
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
        f"SELECT seq, {CASE_COLUMNS} FROM cases WHERE seq IN ({marks})", seqs
    ).fetchall()
    by_seq = {row[0]: row_to_case(row[1:]) for row in rows}
    return [by_seq[seq] for seq in seqs]
