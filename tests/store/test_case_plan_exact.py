"""The cases list's plans give exactly the rows and order of brute force (issue 16): every
filter the matrix combines, every sort both ways, whichever way the plan finds a window
(gathered, walked, the first window as the page asks for it), checked on random filters
against the demo's cases sorted in Python."""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any

import pytest

import app.store.case_count as case_count
import app.store.case_list as case_list
import app.store.case_plan as case_plan
import app.store.case_values as case_values
import app.store.number_ranges as number_ranges
import app.store.values_kept as values_kept
from app.store.case_count import first_window
from app.store.case_list import CaseFilter, CaseSort, case_window, count_cases, listed_window
from app.store.case_plan import SORTABLE
from app.store.queues import my_tasks
from app.store.reference import user_by_name
from app.store.values_kept import read_more
from tests.store.store_helpers import all_cases

EVERYTHING = 1_000_000


def brute_force(
    rows: list[dict[str, Any]], f: CaseFilter, sort: CaseSort, waiting: set[str]
) -> list[str]:
    """The case numbers ``f`` finds in ``sort``'s order, worked out in Python: the column,
    then (as the code breaks ties) the time received and the row number; by lead unit, the
    status before the time received; NULL (a lead unit before triage) first going up."""

    def kept(r: dict[str, Any]) -> bool:
        day = r["received_at"][:10]
        return (
            (f.status is None or r["status"] == f.status)
            and (not f.category_codes or r["category_code"] in f.category_codes)
            and (f.grid_code is None or r["grid_code"] == f.grid_code)
            and (f.source is None or r["source"] == f.source)
            and (f.urgency is None or r["urgency"] == f.urgency)
            and (f.received_from is None or day >= f.received_from)
            and (f.received_to is None or day <= f.received_to)
            and (f.lead_unit is None or r["lead_unit"] == f.lead_unit)
            and (f.waiting_on is None or r["number"] in waiting)
        )

    def key(r: dict[str, Any]) -> tuple:
        if sort.column == "number":
            return (r["number"],)
        if sort.column == "received_at":
            return (r["received_at"], r["seq"])
        if sort.column == "lead_unit":
            lead = r["lead_unit"]
            return (lead is not None, lead or "", r["status"], r["received_at"], r["seq"])
        return (r[sort.column], r["received_at"], r["seq"])

    found = sorted((r for r in rows if kept(r)), key=key, reverse=sort.descending)
    return [r["number"] for r in found]


def random_filter(rng: random.Random, rows: list[dict[str, Any]], clerk) -> CaseFilter:
    """One to three of the filter bar's filters, with values the demo holds (a date range
    of a few days to a few months, either end open sometimes)."""
    days = sorted({r["received_at"][:10] for r in rows})
    chosen: dict[str, Any] = {}
    for name in rng.sample(
        ["status", "category", "grid", "source", "urgency", "dates", "lead", "waiting"],
        rng.randint(1, 3),
    ):
        pick = rng.choice(rows)
        if name == "category":
            codes = sorted({r["category_code"] for r in rows})
            chosen["category_codes"] = tuple(rng.sample(codes, rng.randint(1, 3)))
        elif name == "dates":
            first = rng.randrange(len(days))
            last = min(len(days) - 1, first + rng.randint(0, 90))
            chosen["received_from"] = days[first] if rng.random() < 0.8 else None
            chosen["received_to"] = days[last] if rng.random() < 0.8 else None
        elif name == "lead":
            chosen["lead_unit"] = pick["lead_unit"] or "ZHB"
        elif name == "waiting":
            chosen["waiting_on"] = clerk
        else:
            column = {"grid": "grid_code"}.get(name, name)
            chosen[column] = pick[column]
    return CaseFilter(**chosen)


@pytest.fixture(params=["gather", "walk"])
def path(request, monkeypatch) -> str:
    """Both ways of finding a narrowing filter's cases (few gathered, many walked)."""
    if request.param == "walk":
        monkeypatch.setattr(case_plan, "GATHER_AT_MOST", 0)
    return request.param


@pytest.mark.parametrize("read_on_idle", [False, True])
def test_random_filters_and_sorts_list_exactly_what_brute_force_does(
    demo_db, path, monkeypatch, read_on_idle: bool
) -> None:
    """Every way of listing a filter's cases finds brute force's rows; the first window
    also from the values kept, where they tell the filter and the order (the addresses
    too, once the idle upkeep has read them)."""
    if read_on_idle:
        while read_more(demo_db):
            pass
    told: set[str] = set()  # the orders a first window was told in from memory
    real = case_count.listed_in_kept_order

    def watched(db: Any, f: CaseFilter, sort: CaseSort, limit: int) -> Any:
        found = real(db, f, sort, limit)
        told.update([sort.column] if found is not None else [])
        return found

    monkeypatch.setattr(case_count, "listed_in_kept_order", watched)
    rng = random.Random(16)
    rows = all_cases(demo_db)
    clerk = user_by_name(demo_db, "clerk")
    waiting = {t.number for t in my_tasks(demo_db, clerk, limit=EVERYTHING)}
    assert waiting
    nonempty = 0
    for _ in range(60):
        f = random_filter(rng, rows, clerk)
        for column in SORTABLE:
            sort = CaseSort(column, rng.random() < 0.5)
            expected = brute_force(rows, f, sort, waiting)
            nonempty += bool(expected)
            gathered = [c.number for c in case_window(demo_db, f, sort, 0, EVERYTHING)]
            assert gathered == expected, (f, sort)
            walked = listed_window(demo_db, f, sort, 0, EVERYTHING, walk=True)
            assert [r.case.number for r in walked] == expected, (f, sort)
            some = listed_window(demo_db, f, sort, 5, 11, walk=True)
            assert [r.case.number for r in some] == expected[5:16], (f, sort)
            # read from the far end, as a window past the middle is
            late = listed_window(demo_db, f, sort, 9, 7, walk=True, total=len(expected))
            assert [r.case.number for r in late] == expected[9:16], (f, sort)
            first = first_window(demo_db, f, sort, 25)
            assert [r.case.number for r in first.rows] == expected[:25], (f, sort)
    assert nonempty > 300  # most of the 600 lists hold cases: the comparison means something
    assert told >= ({"address", "grid_code", "received_at"} if read_on_idle else {"grid_code"})
    assert "number" not in told and (read_on_idle or "address" not in told)


@pytest.mark.parametrize("column", [*case_plan.RECEIVED_SECOND, "lead_unit"])
@pytest.mark.parametrize("descending", [True, False])
def test_a_date_range_sorted_by_a_column_of_few_values_lists_exactly(
    demo_db, column: str, descending: bool
) -> None:
    rows = all_cases(demo_db)
    days = sorted({r["received_at"][:10] for r in rows})
    sort = CaseSort(column, descending)
    for f in (
        CaseFilter(received_from=days[10], received_to=days[40]),
        CaseFilter(received_from=days[-20]),
        CaseFilter(received_to=days[5], urgency="normal"),
        CaseFilter(received_from=days[3], received_to=days[60], source="hotline"),
    ):
        expected = brute_force(rows, f, sort, set())
        assert expected, f
        walked = listed_window(demo_db, f, sort, 0, EVERYTHING, walk=True)
        assert [r.case.number for r in walked] == expected, f


def window_sql(db, monkeypatch, f: CaseFilter, sort: CaseSort, walk: bool) -> tuple[str, list]:
    sql: list[tuple[str, list]] = []
    real = db.execute
    monkeypatch.setattr(db, "execute", lambda q, p=(): sql.append((q, list(p))) or real(q, p))
    listed_window(db, f, sort, 0, 5, walk=walk)
    monkeypatch.setattr(db, "execute", real)
    return next((q, p) for q, p in sql if q.startswith("SELECT seq FROM"))


def plan(db, sql: str, params: list) -> str:
    return " ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall())


def test_a_date_range_walked_by_status_reads_one_range_per_status(demo_db, monkeypatch) -> None:
    """The plan: September sorted by status walked every status's cases of the months before
    it (24 ms at a million cases); read as one range of the time received per status, it
    reads the month's first 200 alone (0.2 ms). A status filtered needs no list of them."""
    month = CaseFilter(received_from="2026-09-01", received_to="2026-09-30")
    sql, params = window_sql(demo_db, monkeypatch, month, CaseSort("status"), walk=True)
    assert "status IN (WITH RECURSIVE" in sql
    assert plan(demo_db, sql, params).startswith(
        "SEARCH cases USING COVERING INDEX cases_by_status "
        "(status=? AND received_at>? AND received_at<?)"
    )
    one = CaseFilter(status="handling", received_from="2026-09-01")
    sql, params = window_sql(demo_db, monkeypatch, one, CaseSort("status"), walk=True)
    assert "IN (WITH RECURSIVE" not in sql
    assert plan(demo_db, sql, params).startswith(
        "SEARCH cases USING COVERING INDEX cases_by_status (status=? AND received_at>?)"
    )


def test_a_date_range_walked_by_unit_reads_one_range_per_unit_and_status(
    demo_db, monkeypatch
) -> None:
    """The plan: September by lead unit walked every case of the months before it (the
    untriaged cases of five million: 160-670 ms); read as ranges of the time received per
    unit and status, the cases of no unit (NULL, which no IN finds) in an arm of their own,
    merged in order, nothing sorted but the ties of a second."""
    month = CaseFilter(received_from="2026-09-01", received_to="2026-09-30")
    for sort in (CaseSort("lead_unit"), CaseSort("lead_unit", descending=False)):
        sql, params = window_sql(demo_db, monkeypatch, month, sort, walk=True)
        shown = plan(demo_db, sql, params)
        assert "MERGE (UNION ALL)" in shown
        # each arm one range per unit (IS NULL counts as one) and status
        ranged = "cases_by_lead_unit (lead_unit=? AND status=? AND received_at>? AND "
        assert shown.count(ranged + "received_at<?)") == 2, shown
        assert "SCAN cases" not in shown


def test_the_to_do_list_with_other_filters_is_filtered_where_it_is_gathered(
    demo_db, monkeypatch
) -> None:
    """The plan: 待我办理 and urgent tests the urgency in the entries of the indexes that
    gather the to-do list (they hold it: schema 14), so it is counted there alone, and only
    the urgent ones are looked up (the clerk's 9,224 at a million cases: 15 ms -> 2)."""
    clerk = user_by_name(demo_db, "clerk")
    both = CaseFilter(waiting_on=clerk, urgency="normal", received_from="2026-06-01")
    where = case_plan.where_clause(demo_db, both)
    assert where is not None and where.gathered is not None
    assert len(where.clauses) == 1  # the gather holds the other filters
    gather = where.gathered[0]
    assert gather.count("urgency = ?") == gather.count("INDEXED BY") > 1
    assert gather.count("received_at >= ?") == gather.count("INDEXED BY")
    monkeypatch.setattr(case_list, "counted_in_memory", lambda db, f: None)  # (in SQL)
    statements: list[str] = []
    demo_db.conn.set_trace_callback(statements.append)
    try:
        counted = count_cases(demo_db, both)
    finally:
        demo_db.conn.set_trace_callback(None)
    assert [s for s in statements if "count(" in s][-1].startswith("SELECT count(DISTINCT seq)")
    rows = all_cases(demo_db)
    waiting = {t.number for t in my_tasks(demo_db, clerk, limit=EVERYTHING)}
    expected = brute_force(rows, both, CaseSort(), waiting)
    assert expected and counted == len(expected)
    assert [c.number for c in case_window(demo_db, both, CaseSort(), 0, 50)] == expected[:50]


def test_a_grid_by_address_is_a_range_of_its_index(demo_db, monkeypatch) -> None:
    """The plan: a grid's few addresses lie together in the address order, past every other
    grid's (G07 by address, descending: 890,000 entries walked at a million cases); schema
    15's index lists each grid's cases by address, a second filter tested in its entries.
    Gathered with the to-do list, the grid is tested in the gather and the index not used."""
    grid = CaseFilter(grid_code="G02", urgency="normal")
    for walk in (True, False):
        sql, params = window_sql(demo_db, monkeypatch, grid, CaseSort("address"), walk)
        assert plan(demo_db, sql, params).startswith(
            "SEARCH cases USING COVERING INDEX cases_by_grid_address (grid_code=?)"
        )
    clerk = user_by_name(demo_db, "clerk")
    mine = CaseFilter(grid_code="G02", waiting_on=clerk)
    sql, _ = window_sql(demo_db, monkeypatch, mine, CaseSort("address"), walk=True)
    assert "cases_by_grid_address" not in sql


def _numbered_apart(db) -> None:
    """Cases whose numbers do not name the day they were received (as a number made by
    another program might not), and numbers of other township codes and of none."""
    rows = db.execute("SELECT seq FROM cases ORDER BY seq").fetchall()
    seqs = [r[0] for r in rows]
    with db.conn:
        for seq, day in zip(
            seqs[5:40:7],
            ("2026-09-03", "2026-07-15", "2026-10-30", "2026-11-02", "2026-08-20"),
            strict=True,
        ):
            db.execute(
                "UPDATE cases SET received_at = ? || substr(received_at, 11) WHERE seq = ?",
                [day, seq],
            )
        for seq, number in zip(
            seqs[50:53],
            ("AB-20260915-XX0001", "ZZ-20261001-XX0002", "ODD0003"),
            strict=True,
        ):
            db.execute("UPDATE cases SET number = ? WHERE seq = ?", [number, seq])
        db.execute("UPDATE cases SET received_at = '2026-09-15 10:00:00' WHERE seq = ?", [seqs[50]])


@pytest.mark.parametrize("descending", [True, False])
def test_a_date_range_by_number_merges_the_cases_numbered_apart(
    demo_db, monkeypatch, descending
) -> None:
    _numbered_apart(demo_db)
    apart = demo_db.execute(
        f"SELECT count(*) FROM cases INDEXED BY cases_numbered_apart WHERE {number_ranges.APART}"
    ).fetchone()[0]
    assert apart == 7  # 5 received another day, ODD0003, ZZ- received on another day
    assert number_ranges.township_codes(demo_db) == ["AB", "QS", "ZZ"]
    rows = all_cases(demo_db)
    days = sorted({r["received_at"][:10] for r in rows})
    sort = CaseSort("number", descending)
    for f in (
        CaseFilter(received_from="2026-09-01", received_to="2026-09-30"),
        CaseFilter(received_from="2026-07-01", received_to="2026-11-05", urgency="normal"),
        CaseFilter(received_from=days[20]),
        CaseFilter(received_to=days[-30]),
        CaseFilter(received_from="2026-08-01", status="closed"),
    ):
        expected = brute_force(rows, f, sort, set())
        assert expected, f
        walked = listed_window(demo_db, f, sort, 0, EVERYTHING, walk=True)
        assert [r.case.number for r in walked] == expected, f
        for offset in (0, 3, 17):
            some = listed_window(demo_db, f, sort, offset, 6, walk=True)
            assert [r.case.number for r in some] == expected[offset : offset + 6], f
    month = CaseFilter(received_from="2026-09-01", received_to="2026-09-30")
    sql, params = window_sql(demo_db, monkeypatch, month, sort, walk=True)
    shown = plan(demo_db, sql, params)
    assert "MERGE (UNION ALL)" in shown and "TEMP B-TREE" not in shown
    assert (
        shown.count("SEARCH cases USING COVERING INDEX cases_by_number (number>? AND number<?)")
        == 3
    )
    assert "cases_numbered_apart" in shown
    assert params[:2] == ["AB-20260901", "AB-20260930."]


@pytest.mark.parametrize("share", [0.5, 1.0])  # (1: every filter's days, however wide)
@pytest.mark.parametrize("descending", [True, False])
def test_a_filters_cases_by_number_are_read_in_the_days_they_were_received(
    demo_db, monkeypatch, descending, share
) -> None:
    """The plan: a filter of few cases by number walked every number before them (the
    largest unit's at five million, going up: 4.9 million untriaged first, 3 s); the values
    kept tell the days its cases were received, whose numbers are read alone, the cases
    numbered apart merged in (number_ranges), where those days leave out enough of the
    table's. Exactly the walk's rows, in its order."""
    monkeypatch.setattr(case_values, "DAYS_SHARE_AT_MOST", share)
    _numbered_apart(demo_db)
    while read_more(demo_db):
        pass
    rows = all_cases(demo_db)
    clerk = user_by_name(demo_db, "clerk")
    waiting = {t.number for t in my_tasks(demo_db, clerk, limit=EVERYTHING)}
    sort = CaseSort("number", descending)
    times = sorted(datetime.fromisoformat(r["received_at"]) for r in rows)
    told: list[CaseFilter] = []
    for f in (
        CaseFilter(status="handling"),
        CaseFilter(lead_unit=clerk.department_code),
        CaseFilter(waiting_on=clerk, urgency="normal"),
        CaseFilter(grid_code="G03", source="hotline"),
        CaseFilter(status="pending_triage"),
        CaseFilter(status="closed", received_from="2026-08-01"),
    ):
        expected = brute_force(rows, f, sort, waiting)
        assert expected, f
        found = [r for r in rows if r["number"] in set(expected)]
        received = sorted(datetime.fromisoformat(r["received_at"]) for r in found)
        narrow = received[-1] - received[0] <= (times[-1] - times[0]) * share
        days = (str(received[0])[:10], str(received[-1])[:10]) if narrow else None
        assert case_values.days_received(demo_db, f) == days, f
        sql, params = window_sql(demo_db, monkeypatch, f, sort, walk=True)
        ranged = "MERGE (UNION ALL)" in plan(demo_db, sql, params) and "numbered_apart" in sql
        assert ranged == (narrow or f.received_from is not None), f
        told += [f] if narrow else []
        walked = listed_window(demo_db, f, sort, 0, EVERYTHING, walk=True)
        assert [r.case.number for r in walked] == expected, f
        for offset in (0, 4):
            some = listed_window(demo_db, f, sort, offset, 5, walk=True)
            assert [r.case.number for r in some] == expected[offset : offset + 5], f
    assert len(told) == 6 if share == 1.0 else len(told) < 6
    f = told[0] if told else CaseFilter(status="handling")
    monkeypatch.setattr(case_values, "DAYS_SHARE_AT_MOST", 1.0)
    monkeypatch.setattr(case_values, "DAYS_TOLD_AT_MOST", len(brute_force(rows, f, sort, waiting)))
    values_kept._kept[demo_db].days.clear()  # (not the days told above)
    assert case_values.days_received(demo_db, f) is not None
    monkeypatch.setattr(case_values, "DAYS_TOLD_AT_MOST", case_values.DAYS_TOLD_AT_MOST - 1)
    values_kept._kept[demo_db].days.clear()
    assert case_values.days_received(demo_db, f) is None


def test_two_filters_of_one_value_are_gathered_through_the_fewest(demo_db, monkeypatch) -> None:
    """The plan: SQLite's statistics take every value for as many cases, so it read 办理中
    and the hotline at five million through the hotline's 1.6 million entries (the first in
    its choice) for 9,600 cases; the value a sample finds fewest of is read instead, the
    other tested in its entries."""
    rows = all_cases(demo_db)

    def count(column: str, value: str) -> int:
        return sum(r[column] == value for r in rows)

    assert count("status", "handling") < count("source", "hotline") / 3  # as at five million
    assert count("grid_code", "G07") < count("source", "hotline") / 3
    # the five-million demo's statistics (PRAGMA optimize), read again by the planner
    demo_db.execute(  # the table's size
        "UPDATE sqlite_stat1 SET stat = '5000000' || substr(stat, instr(stat, ' ')) "
        "WHERE tbl = 'cases' AND instr(stat, ' ') > 0"
    )
    for index, stat in (
        ("cases_by_status", "5000000 1527 2 1 1 1 1 1 1"),
        ("cases_by_source", "5000000 1527 1 1 1 1 1 1 1"),
        ("cases_by_grid", "5000000 1527 1 1 1 1 1 1 1"),
    ):
        demo_db.execute(
            "INSERT OR REPLACE INTO sqlite_stat1 (tbl, idx, stat) VALUES ('cases', ?, ?)",
            [index, stat],
        )
    demo_db.conn.commit()
    demo_db.execute("ANALYZE sqlite_schema")
    for f, index, searched in (
        (CaseFilter(status="handling", source="hotline"), "cases_by_status", "(status=?)"),
        # (either of the grid's indexes: by address, or by the time received)
        (CaseFilter(source="hotline", grid_code="G07"), "cases_by_grid", "(grid_code=?"),
        (
            CaseFilter(source="hotline", grid_code="G07", received_from="2026-09-01"),
            "cases_by_grid",
            "(grid_code=?",
        ),
    ):
        for sort in (CaseSort("number"), CaseSort("urgency", True)):
            sql, params = window_sql(demo_db, monkeypatch, f, sort, walk=False)
            read = plan(demo_db, sql, params)  # (covering when the sort's column is in it)
            assert read.startswith("SEARCH cases USING "), read
            assert f"INDEX {index}" in read and searched in read, read
            expected = brute_force(rows, f, sort, set())
            assert [c.number for c in case_window(demo_db, f, sort, 0, EVERYTHING)] == expected
