"""The figures of core/indicators.py, counted over the fact tables: one grouped query per kind
of fact for all its indicators, and the cases behind any figure. The definitions decide what
counts; this module only turns them into SQL."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlite_utils import Database

from app.core.clock import TIME_FORMAT, hlc_ms, local_text
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
from app.core.rollup import MAY_PEND, ROLLED_UP, VALUE_SCALE
from app.store.reference import departments

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


Sums = dict[str, dict[str, list[int]]]  # group code -> indicator -> [counted, hit, value]


def figures(
    db: Database, period: Period, group: Group, now: datetime, keys: Sequence[str] = ()
) -> list[GroupFigures]:
    """Every indicator (or those of ``keys``) for each group with anything to count, then
    the whole township's row (group ``TOTAL``), as known at ``now``.

    Cases, assignments and calls are summed from ``figure_days`` (core/rollup.py) plus
    their pending rows counted live; a ``now`` before the last recorded step (a look back at
    what was known then) counts every row live instead."""
    chosen = [BY_KEY[k] for k in keys] if keys else list(INDICATORS)
    group = Group(group)
    column = GROUP_COLUMNS[group]
    params = {"start": period.start, "end": period.end, "now": now.strftime(TIME_FORMAT)}
    rolled = _rolled_up_at(db, now)
    sums: Sums = {}
    if rolled:
        _summed(db, [i for i in chosen if i.facts in ROLLED_UP], period, group, sums)
    for facts in Facts:
        if rolled and facts in ROLLED_UP and facts not in MAY_PEND:
            continue  # wholly in the daily sums
        of_kind = [i for i in chosen if i.facts == facts]
        live = " AND pending = 1" if rolled and facts in ROLLED_UP else ""
        for anchor in sorted({i.anchor for i in of_kind}):
            batch = [i for i in of_kind if i.anchor == anchor and i.kind != Kind.P90]
            if batch:
                _count(db, facts, anchor, batch, column, params, live, sums)
    sums.setdefault(TOTAL, {})
    for found in sums.values():  # every row has every figure: 0 of 0 where nothing counted
        for i in chosen:
            found.setdefault(i.key, [0, 0, 0])
    by_group = {code: _figures(found) for code, found in sums.items()}
    for code, found in _percentiles(db, chosen, column, params).items():
        by_group.setdefault(code, {}).update(found)
    names = group_names(db, group) | {NO_GROUP: "未分拨"}
    place = {code: n for n, code in enumerate(names)}  # the order the township lists them
    rows = [
        GroupFigures(code, names.get(code, code), by_group[code])
        for code in sorted(by_group, key=lambda c: (place.get(c, len(place)), c))
        if code != TOTAL
    ]
    return [*rows, GroupFigures(TOTAL, "全镇", by_group.get(TOTAL, {}))]


def _rolled_up_at(db: Database, now: datetime) -> bool:
    """Whether the daily sums hold what was known at ``now``: every recorded step is at
    or before it (so every settled row's moments have passed)."""
    latest = db.conn.execute("SELECT max(hlc) FROM events").fetchone()[0]
    return latest is None or local_text(hlc_ms(latest)) <= now.strftime(TIME_FORMAT)


def _add(sums: Sums, code: str, key: str, counted: int, hit: int, value: int) -> None:
    total = sums.setdefault(code, {}).setdefault(key, [0, 0, 0])
    total[0] += counted
    total[1] += hit
    total[2] += value


def _summed(
    db: Database, chosen: list[Indicator], period: Period, group: Group, sums: Sums
) -> None:
    """The settled rows' sums of the period's days; the township's total is the sum over
    the groups (every row has exactly one code in each dimension)."""
    if not chosen:
        return
    keys = json.dumps([i.key for i in chosen])
    rows = db.conn.execute(
        "SELECT code, indicator, sum(counted), sum(hit), sum(value_sum) FROM figure_days "
        "WHERE dimension = ? AND day >= ? AND day <= ? "
        "AND indicator IN (SELECT value FROM json_each(?)) GROUP BY code, indicator",
        [group.value, period.first.isoformat(), period.last.isoformat(), keys],
    )
    for code, key, counted, hit, value in rows:
        _add(sums, code, key, counted, hit, value)
        _add(sums, TOTAL, key, counted, hit, value)


def _count(
    db: Database,
    facts: Facts,
    anchor: str,
    batch: list[Indicator],
    column: str,
    params: dict[str, str],
    live: str,
    sums: Sums,
) -> None:
    """One grouped query (with the township's total as a rollup) for indicators sharing a
    fact table and an anchor, over the rows ``live`` says (all, or the pending ones)."""
    columns = []
    for i in batch:
        counted = _all(i.counted)
        columns.append(f"sum(CASE WHEN {counted} THEN 1 ELSE 0 END)")
        columns.append(f"sum(CASE WHEN {counted} AND {_all(i.hit)} THEN 1 ELSE 0 END)")
        value = f"CAST(round({i.value} * {VALUE_SCALE}) AS INTEGER)" if i.value else "0"
        columns.append(f"sum(CASE WHEN {counted} THEN {value} ELSE 0 END)")
    where = f"{anchor} >= :start AND {anchor} < :end{live}"
    table = FACT_TABLES[facts]
    query = (
        f"SELECT coalesce({column}, '{NO_GROUP}') AS g, {', '.join(columns)} FROM {table} "
        f"WHERE {where} GROUP BY g"
    )
    for row in db.conn.execute(query, params):
        for n, i in enumerate(batch):
            counted, hit, value = (v or 0 for v in row[1 + 3 * n : 4 + 3 * n])
            if counted:
                _add(sums, row[0], i.key, counted, hit, value)
                _add(sums, TOTAL, i.key, counted, hit, value)


def _figures(found: dict[str, list[int]]) -> dict[str, Figure]:
    return {key: _figure(BY_KEY[key], *sums) for key, sums in found.items()}


def _figure(i: Indicator, counted: int, hit: int, value: int) -> Figure:
    if i.kind == Kind.COUNT:
        return Figure(counted, counted, counted)
    if i.kind == Kind.RATE:
        return Figure(rate(hit, counted), hit, counted)
    average = value / VALUE_SCALE / counted if counted else None
    return Figure(None if average is None else round(average, 2), counted, counted)


def _percentiles(
    db: Database, chosen: list[Indicator], column: str, params: dict[str, str]
) -> dict[str, dict[str, Figure]]:
    """Percentiles need the values themselves, so they are counted live: SQL counts the rows
    per group and whole minute (core ``whole_minutes``: rounded up) and Python ranks those
    few counts, never the rows themselves (a year holds about 100,000 calls)."""
    out: dict[str, dict[str, Figure]] = {}
    for i in (i for i in chosen if i.kind == Kind.P90):
        minutes = whole_minutes_sql(i.value or "")
        counts: dict[str, dict[int, int]] = {TOTAL: {}}
        rows = db.conn.execute(
            f"SELECT coalesce({column}, '{NO_GROUP}') AS g, {minutes} AS m, count(*) "
            f"FROM {FACT_TABLES[i.facts]} WHERE {i.anchor} >= :start AND {i.anchor} < :end "
            f"AND {_all(i.counted)} GROUP BY g, m",
            params,
        )
        for code, whole, n in rows:
            counts.setdefault(code, {})[whole] = n
            counts[TOTAL][whole] = counts[TOTAL].get(whole, 0) + n
        for code, found in counts.items():
            rows_counted = sum(found.values())
            figure = Figure(nearest_rank_p90(found), rows_counted, rows_counted)
            out.setdefault(code, {})[i.key] = figure
    return out


def whole_minutes_sql(column: str) -> str:
    """core ``whole_minutes`` (rounded up) in SQL: SQLite 3.40 has no ceil() here."""
    return f"(CAST({column} AS INTEGER) + ({column} > CAST({column} AS INTEGER)))"


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
    """Code -> the name shown for it, in the order the township lists them."""
    if group == Group.UNIT:
        return {d.code: d.name for d in departments(db)}  # the office, X units, Y departments
    if group == Group.GRID:
        return dict(db.conn.execute("SELECT code, name FROM grids ORDER BY code").fetchall())
    if group == Group.CATEGORY:
        return dict(db.conn.execute("SELECT code, name FROM categories ORDER BY code").fetchall())
    if group == Group.ROUTE:
        return {route.value: name for route, name in ROUTE_NAMES.items()}
    return {source.value: chinese(source) for source in CaseSource}
