"""The figures of core/indicators.py, counted over the fact tables: one grouped query per kind
of fact for all its indicators, and the cases behind any figure. The definitions decide what
counts; this module only turns them into SQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlite_utils import Database

from app.core.clock import TIME_FORMAT
from app.core.errors import DomainError
from app.core.indicators import (
    BY_KEY,
    GROUP_COLUMNS,
    INDICATORS,
    Condition,
    Facts,
    Group,
    Indicator,
    Kind,
    nearest_rank_p90,
    rate,
)
from app.core.model import CaseSource, Route, chinese
from app.core.periods import Period

FACT_TABLES = {
    Facts.CASES: "case_facts",
    Facts.HANDLING: "handling_facts",
    Facts.CALLS: "call_facts",
    Facts.DISPUTES: "dispute_facts",
    Facts.DECISIONS: "decision_facts",
    Facts.TRANSFERS: "transfer_facts",
}
TOTAL = ""  # the group code of the whole township's row
NO_GROUP = "-"  # the group code of rows without one (a case not yet routed has no unit)
ROUTE_NAMES = {Route.SELF: "镇街自行处置", Route.DISPATCH_X: "派驻机构", Route.CALL_Y: "区直部门"}


@dataclass(frozen=True)
class Figure:
    value: float | None  # a count, a rate 0..1, minutes, hours or days; None: nothing to count
    hit: int  # the numerator of a rate (for a count, the count)
    counted: int  # the rows counted: the denominator of a rate, the rows averaged


@dataclass
class GroupFigures:
    group: str  # its code: a unit code, ONE/X/Y, a source … ("" for the whole township)
    name: str
    figures: dict[str, Figure] = field(default_factory=dict)


def _condition(c: Condition, table: str = "") -> str:
    column = f"{table}{c.column}"
    if c.test == "true":
        return f"{column} = 1"
    if c.test == "known":
        return f"{column} IS NOT NULL"
    return f"({column} IS NOT NULL AND {column} <= :now)"  # passed


def _all(conditions: Sequence[Condition], table: str = "") -> str:
    """``table``: the alias the columns are qualified with (``f.``) where the facts are
    joined to a table that has columns of the same names (cases: route, source …)."""
    return " AND ".join(_condition(c, table) for c in conditions) or "1"


def figures(
    db: Database, period: Period, group: Group, now: datetime, keys: Sequence[str] = ()
) -> list[GroupFigures]:
    """Every indicator (or those of ``keys``) for each group with anything to count, then
    the whole township's row (group ``TOTAL``), as known at ``now``."""
    chosen = [BY_KEY[k] for k in keys] if keys else list(INDICATORS)
    column = GROUP_COLUMNS[group]
    params = {"start": period.start, "end": period.end, "now": now.strftime(TIME_FORMAT)}
    by_group: dict[str, dict[str, Figure]] = {}
    for facts in Facts:
        of_kind = [i for i in chosen if i.facts == facts]
        for anchor in sorted({i.anchor for i in of_kind}):
            batch = [i for i in of_kind if i.anchor == anchor]
            _count(db, facts, anchor, batch, column, params, by_group)
    names = group_names(db, group) | {NO_GROUP: "未分拨"}
    rows = [
        GroupFigures(code, names.get(code, code), found)
        for code, found in sorted(by_group.items())
        if code != TOTAL
    ]
    total = by_group.get(TOTAL, {})
    return [*rows, GroupFigures(TOTAL, "全镇", total)]


def _count(
    db: Database,
    facts: Facts,
    anchor: str,
    batch: list[Indicator],
    column: str,
    params: dict[str, str],
    out: dict[str, dict[str, Figure]],
) -> None:
    """One grouped query (with the township's total as a rollup) for indicators sharing a
    fact table and an anchor; percentiles from the values themselves."""
    sums = []
    for i in batch:
        counted = _all(i.counted)
        sums.append(f"sum(CASE WHEN {counted} THEN 1 ELSE 0 END)")
        sums.append(f"sum(CASE WHEN {counted} AND {_all(i.hit)} THEN 1 ELSE 0 END)")
        sums.append(f"avg(CASE WHEN {counted} THEN {i.value} END)" if i.value else "NULL")
    where = f"{anchor} >= :start AND {anchor} < :end"
    table = FACT_TABLES[facts]
    query = (
        f"SELECT coalesce({column}, '{NO_GROUP}') AS g, {', '.join(sums)} FROM {table} "
        f"WHERE {where} GROUP BY g "
        f"UNION ALL SELECT '', {', '.join(sums)} FROM {table} WHERE {where}"
    )
    for row in db.conn.execute(query, params):
        found = out.setdefault(row[0], {})
        for n, i in enumerate(batch):
            counted, hit, average = row[1 + 3 * n : 4 + 3 * n]
            found[i.key] = _figure(i, counted or 0, hit or 0, average)
    for i in (i for i in batch if i.kind == Kind.P90):
        for code, values in _values(db, table, column, i, where, params).items():
            figure = out.setdefault(code, {})[i.key]
            out[code][i.key] = Figure(nearest_rank_p90(values), figure.hit, figure.counted)


def _figure(i: Indicator, counted: int, hit: int, average: float | None) -> Figure:
    if i.kind == Kind.COUNT:
        return Figure(counted, counted, counted)
    if i.kind == Kind.RATE:
        return Figure(rate(hit, counted), hit, counted)
    return Figure(None if average is None else round(average, 2), counted, counted)


def _values(
    db: Database, table: str, column: str, i: Indicator, where: str, params: dict[str, str]
) -> dict[str, list[float]]:
    values: dict[str, list[float]] = {TOTAL: []}
    rows = db.conn.execute(
        f"SELECT coalesce({column}, '{NO_GROUP}'), {i.value} FROM {table} "
        f"WHERE {where} AND {_all(i.counted)}",
        params,
    )
    for code, value in rows:
        values.setdefault(code, []).append(value)
        values[TOTAL].append(value)
    return values


def cases_behind(
    db: Database,
    key: str,
    period: Period,
    group: Group,
    code: str | None,
    now: datetime,
    part: str = "hit",
) -> list[str]:
    """The ids of the cases behind a figure, oldest first: those in its numerator (``hit``)
    or its denominator (``counted``); ``code`` None for the whole township, "-" for rows
    with no group (not yet routed)."""
    if key not in BY_KEY:
        raise DomainError("indicator_unknown", value=key, limit="、".join(BY_KEY))
    i = BY_KEY[key]
    conditions = [*i.counted, *(i.hit if part == "hit" and i.kind == Kind.RATE else ())]
    clauses = [f"f.{i.anchor} >= :start", f"f.{i.anchor} < :end", _all(conditions, "f.")]
    params = {"start": period.start, "end": period.end, "now": now.strftime(TIME_FORMAT)}
    if code is not None:
        column = GROUP_COLUMNS[group]
        clauses.append(f"f.{column} IS NULL" if code == NO_GROUP else f"f.{column} = :code")
        params["code"] = code
    rows = db.conn.execute(
        f"SELECT DISTINCT f.case_id FROM {FACT_TABLES[i.facts]} f "
        f"JOIN cases c ON c.id = f.case_id WHERE {' AND '.join(clauses)} ORDER BY c.seq",
        params,
    )
    return [case_id for (case_id,) in rows]


def group_names(db: Database, group: Group) -> dict[str, str]:
    """Code -> the name shown for it."""
    if group == Group.UNIT:
        return dict(db.conn.execute("SELECT code, name FROM departments").fetchall())
    if group == Group.GRID:
        return dict(db.conn.execute("SELECT code, name FROM grids").fetchall())
    if group == Group.CATEGORY:
        return dict(db.conn.execute("SELECT code, name FROM categories").fetchall())
    if group == Group.ROUTE:
        return {route.value: name for route, name in ROUTE_NAMES.items()}
    return {source.value: chinese(source) for source in CaseSource}
