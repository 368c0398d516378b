"""The cases page's first answer on a large database: the count estimated from a sample of
row numbers (约), and windows found by walking the sort order when the filter finds many."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

import app.store.case_count as case_count
import app.store.case_estimate as case_estimate
import app.store.case_list as case_list
import app.store.case_plan as case_plan
import app.store.first_rows as first_rows
import app.store.sql_deadline as sql_deadline
import app.store.walk_foresight as walk_foresight
from app.core.intake import IntakeRequest
from app.store.blobs import BlobStore
from app.store.case_count import first_window, should_walk
from app.store.case_estimate import CaseCount, estimate_cases
from app.store.case_list import (
    CaseFilter,
    CaseSort,
    case_window,
    count_cases,
    listed_window,
    row_numbers,
    walked_within,
)
from app.store.case_plan import SORTABLE
from app.store.cases import register_case
from app.store.reference import user_by_name
from app.store.search_hits import NewestHits, forget_searches
from app.store.values_kept import read_more
from tests.clock import frozen
from tests.store.store_helpers import all_cases

EVERYTHING = 1_000_000


@pytest.fixture
def sampled_always(monkeypatch):
    """No count is quick enough to be exact, nor told from memory: every estimate comes
    from the sample."""
    monkeypatch.setattr(case_estimate, "count_within", lambda db, f, ms: None)
    monkeypatch.setattr(case_estimate, "counted_in_memory", lambda db, f: None)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (0, 0),
        (99, 99),
        (100, 100),
        (1_549, 1_500),
        (1_551, 1_600),
        (52_347, 52_000),
        (999_600, 1_000_000),
    ],
)
def test_an_estimate_keeps_two_significant_figures(value: int, shown: int) -> None:
    assert case_estimate.two_figures(value) == shown


def test_on_a_small_database_the_estimate_is_the_count(demo_db) -> None:
    assert row_numbers(demo_db) == 400
    assert estimate_cases(demo_db, CaseFilter()) == CaseCount(400, True)
    hotline = CaseFilter(source="hotline")
    assert estimate_cases(demo_db, hotline) == CaseCount(count_cases(demo_db, hotline), True)


def sampled(rows: list[dict], keep, slices: int, length: int) -> int:
    """The estimate worked out in plain Python: the matching rows in the slices, scaled."""
    step = 400 // slices
    starts = range(1, slices * step, step)
    found = sum(1 for r in rows if keep(r) and any(s <= r["seq"] < s + length for s in starts))
    return round(found * 400 / (slices * length))


@pytest.mark.parametrize(
    ("case_filter", "keep"),
    [
        (CaseFilter(), lambda r: True),
        (CaseFilter(source="hotline"), lambda r: r["source"] == "hotline"),
        (
            CaseFilter(text="占道"),
            lambda r: "占道" in r["description"] + r["address"] + r["category_name"],
        ),
        (CaseFilter(lead_unit="SCJG"), lambda r: r["lead_unit"] == "SCJG"),
    ],
)
def test_on_a_large_database_the_count_is_estimated_from_slices(
    demo_db, monkeypatch, sampled_always, case_filter, keep
) -> None:
    """Four slices of ten row numbers (1-10, 101-110, 201-210, 301-310) stand for 400."""
    monkeypatch.setattr(case_estimate, "SAMPLE_SLICES", 4)
    monkeypatch.setattr(case_estimate, "SAMPLE_ROWS", 10)
    expected = sampled(all_cases(demo_db), keep, 4, 10)  # under 100: not rounded
    assert estimate_cases(demo_db, case_filter) == CaseCount(expected, False)


def test_a_count_sqlite_finishes_at_once_is_exact(demo_db, monkeypatch) -> None:
    monkeypatch.setattr(case_estimate, "SAMPLE_SLICES", 4)
    monkeypatch.setattr(case_estimate, "SAMPLE_ROWS", 10)
    both = CaseFilter(source="patrol", urgency="normal")
    assert estimate_cases(demo_db, both) == CaseCount(count_cases(demo_db, both), True)


def test_a_count_the_values_kept_tell_is_exact_though_sqlite_is_given_no_time(
    demo_db, monkeypatch
) -> None:
    """The slices miss a filter whose cases are all among the newest (a unit's at five
    million: 约 17 shown for 5,641); the values kept count it exactly, a to-do list too."""
    monkeypatch.setattr(case_estimate, "SAMPLE_SLICES", 4)
    monkeypatch.setattr(case_estimate, "SAMPLE_ROWS", 10)
    monkeypatch.setattr(case_estimate, "count_within", lambda db, f, ms: None)
    while read_more(demo_db):
        pass
    clerk = user_by_name(demo_db, "clerk")
    for f in (
        CaseFilter(lead_unit="SCJG"),
        CaseFilter(waiting_on=clerk, urgency="normal"),
        CaseFilter(source="hotline", received_from="2026-09-01"),
    ):
        expected = len(case_window(demo_db, f, CaseSort(), 0, 10_000))
        assert estimate_cases(demo_db, f) == CaseCount(expected, True), f
    leaders = CaseFilter(waiting_on=user_by_name(demo_db, "leader"))  # (requests: not told)
    assert not estimate_cases(demo_db, leaders).exact


def test_all_cases_are_estimated_by_the_highest_row_number(demo_db, monkeypatch) -> None:
    """Counting a whole table cannot be interrupted: 约 the highest row number, exact later."""
    monkeypatch.setattr(case_estimate, "SAMPLE_SLICES", 4)
    monkeypatch.setattr(case_estimate, "SAMPLE_ROWS", 10)
    monkeypatch.setattr(case_estimate, "row_numbers", lambda db: 1_234_567)
    assert estimate_cases(demo_db, CaseFilter()) == CaseCount(1_200_000, False)


def test_a_count_taking_too_long_is_interrupted(demo_db) -> None:
    """A deadline already past: SQLite stops at its first 1,000 steps (counting 400 rows
    by one index while testing another column takes more); the connection goes on."""
    both = CaseFilter(source="patrol", urgency="normal")
    assert case_estimate.count_within(demo_db, both, -1.0) is None
    assert case_estimate.count_within(demo_db, both, 60_000.0) == count_cases(demo_db, both)
    assert count_cases(demo_db, CaseFilter()) == 400


def test_a_search_that_can_match_nothing_is_counted_exactly_at_once(demo_db, monkeypatch):
    monkeypatch.setattr(case_estimate, "SAMPLE_SLICES", 4)
    monkeypatch.setattr(case_estimate, "SAMPLE_ROWS", 10)
    assert estimate_cases(demo_db, CaseFilter(text="，。")) == CaseCount(0, True)


def test_the_sample_is_scaled_and_rounded(demo_db, monkeypatch, sampled_always) -> None:
    """Row numbers said to reach 4,000: three slices of 20 start at 1, 1334 and 2667; only
    the first holds cases (20 of them), so 20 x 4000 / 60 = 1333.3, shown as 1,300."""
    monkeypatch.setattr(case_estimate, "SAMPLE_SLICES", 3)
    monkeypatch.setattr(case_estimate, "SAMPLE_ROWS", 20)
    monkeypatch.setattr(case_estimate, "row_numbers", lambda db: 4000)
    every = CaseFilter(received_from="2000-01-01")  # every case, but a filter all the same
    assert estimate_cases(demo_db, every) == CaseCount(1300, False)


def test_the_first_window_is_exact_when_it_holds_the_whole_list(
    demo_db, monkeypatch, sampled_always
):
    monkeypatch.setattr(case_estimate, "SAMPLE_SLICES", 4)
    monkeypatch.setattr(case_estimate, "SAMPLE_ROWS", 10)
    few = CaseFilter(grid_code="G02", urgency="urgent")
    count, rows, _walk = first_window(demo_db, few, CaseSort(), 200)
    assert count == CaseCount(count_cases(demo_db, few), True)
    assert [r.case.number for r in rows] == [
        c.number for c in case_window(demo_db, few, CaseSort(), 0, 200)
    ]
    count, rows, walk = first_window(demo_db, CaseFilter(), CaseSort(), 50)
    assert not count.exact and len(rows) == 50 and not walk  # 400 cases: gathered


@pytest.mark.parametrize("column", SORTABLE)
def test_walking_the_sort_order_finds_the_same_windows(demo_db, column: str) -> None:
    for case_filter in (
        CaseFilter(),
        CaseFilter(source="patrol"),
        CaseFilter(category_codes=("0101", "0102"), urgency="normal"),
        CaseFilter(text="占道"),
        CaseFilter(lead_unit="ZHB", received_from="2026-10-01"),
    ):
        for descending in (True, False):
            sort = CaseSort(column, descending)
            gathered = listed_window(demo_db, case_filter, sort, 0, EVERYTHING)
            walked = listed_window(demo_db, case_filter, sort, 0, EVERYTHING, walk=True)
            assert [r.case.number for r in walked] == [r.case.number for r in gathered]
            some = listed_window(demo_db, case_filter, sort, 13, 9, walk=True)
            assert [r.case.number for r in some] == [r.case.number for r in gathered[13:22]]


def walk_plan(db, monkeypatch, case_filter: CaseFilter, column: str) -> str:
    """The query plan of the walked window listed_window runs."""
    return window_plan(db, monkeypatch, case_filter, CaseSort(column), walk=True)


def window_plan(db, monkeypatch, case_filter: CaseFilter, sort: CaseSort, walk: bool) -> str:
    """The query plan of the window listed_window runs."""
    sql: list[tuple[str, list]] = []
    real = db.execute
    monkeypatch.setattr(db, "execute", lambda q, p=(): sql.append((q, list(p))) or real(q, p))
    listed_window(db, case_filter, sort, 0, 5, walk=walk)
    window, params = next((q, p) for q, p in sql if q.startswith("SELECT seq FROM cases"))
    return " ".join(r[3] for r in real("EXPLAIN QUERY PLAN " + window, params).fetchall())


def test_the_walk_tests_the_filters_inside_the_sort_index(demo_db, monkeypatch) -> None:
    """The plan, not only the rows: walking by grid reads cases_by_grid alone (it holds
    the source: schema 14), never the source's index nor whole rows; only ties of the
    time received are sorted."""
    where = case_plan.where_clause(demo_db, CaseFilter(source="patrol"), walk="grid_code")
    assert where is not None and where.clauses == ["+source = ?"]
    plan = walk_plan(demo_db, monkeypatch, CaseFilter(source="patrol"), "grid_code")
    assert plan.startswith("SCAN cases USING COVERING INDEX cases_by_grid")
    assert "cases_by_source" not in plan
    assert "TEMP B-TREE" not in plan.replace("TEMP B-TREE FOR LAST TERM OF ORDER BY", "")


def test_the_walk_narrows_to_the_sort_columns_own_filter(demo_db, monkeypatch) -> None:
    both = CaseFilter(grid_code="G02", urgency="normal")
    plan = walk_plan(demo_db, monkeypatch, both, "grid_code")
    assert plan.startswith("SEARCH cases USING COVERING INDEX cases_by_grid (grid_code=?)")
    plan = walk_plan(demo_db, monkeypatch, both, "number")
    assert plan.startswith("SCAN cases USING COVERING INDEX cases_by_number")


def test_the_walk_tests_the_to_do_lists_conditions_inside_the_sort_index(
    demo_db, monkeypatch
) -> None:
    """待我办理 is several conditions ORed: walked by status, SQLite must not read each
    one's index range and sort them all (4.9 million untriaged cases: seconds)."""
    monkeypatch.setattr(case_plan, "GATHER_AT_MOST", 0)  # as when millions wait
    mine = CaseFilter(waiting_on=user_by_name(demo_db, "clerk"))
    where = case_plan.where_clause(demo_db, mine, walk="status")
    assert where is not None and where.clauses[0].startswith("+((")
    for column in ("status", "received_at", "number"):
        plan = walk_plan(demo_db, monkeypatch, mine, column)
        assert plan.startswith(f"SCAN cases USING COVERING INDEX {case_plan.SORT_INDEX[column]}")
        # (the demo's statistics do not tempt SQLite into the ORed plan, as five million
        # untriaged cases do: the clause above is what fails without the unary +)
        assert "MULTI-INDEX OR" not in plan and "TEMP B-TREE FOR ORDER BY" not in plan
        walked = listed_window(demo_db, mine, CaseSort(column), 0, 400, walk=True)
        gathered = listed_window(demo_db, mine, CaseSort(column), 0, 400)
        assert [r.case.number for r in walked] == [r.case.number for r in gathered]
        assert walked


def test_when_to_walk() -> None:
    assert should_walk(CaseCount(20_001, False))
    assert not should_walk(CaseCount(20_000, True))


def plan_of(db, where) -> str:
    sql = f"SELECT seq FROM {case_plan.source_of(where)}{where.sql()}"
    return " ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql, where.params))


def test_a_search_starts_from_the_fewer_of_its_hits_and_the_filters(demo_db, monkeypatch) -> None:
    """The plan: a grid's few cases are read from cases_by_grid and tested against the
    hits' bitmap; a search's few hits, fewer than the filters find, are read from the
    full-text index and tested against the filters; a search finding more than
    FEW_HITS is always tested by its bitmap. All three find the same cases."""
    search = CaseFilter(grid_code="G16", text="占")
    expected = sorted(
        r["number"]
        for r in all_cases(demo_db)
        if r["grid_code"] == "G16" and "占" in r["description"] + r["address"] + r["category_name"]
    )
    assert expected

    def found() -> list[str]:
        assert count_cases(demo_db, search) == len(expected)
        return sorted(c.number for c in case_window(demo_db, search, CaseSort(), 0, 400))

    where = case_plan.where_clause(demo_db, search)  # G16's ~20 cases against ~100 hits
    assert where is not None and where.clauses[-1].startswith("substr(?,seq+1,1)")
    assert "cases_by_grid" in plan_of(demo_db, where)
    assert found() == expected
    monkeypatch.setattr(case_plan, "HIT_LOOKUP_COST", 0)  # the hits are the fewer
    forget_searches()  # and the plan kept with the hits is worked out again
    where = case_plan.where_clause(demo_db, search)
    assert where is not None and where.clauses[-1].startswith("seq IN (SELECT rowid")
    assert where.clauses[0] == "+grid_code = ?"  # SQLite may not start from the grid
    assert "cases_search" in plan_of(demo_db, where)
    assert found() == expected
    monkeypatch.setattr(case_plan, "FEW_HITS", 1)  # the search finds many
    where = case_plan.where_clause(demo_db, search)
    assert where is not None and where.clauses[-1].startswith("substr(?,seq+1,1)")
    assert "cases_search" not in plan_of(demo_db, where)
    assert found() == expected
    for column in case_plan.SORTABLE:  # walking every sort order's index finds them too
        walked = listed_window(demo_db, search, CaseSort(column), 0, 400, walk=True)
        assert sorted(row.case.number for row in walked) == expected


def watched_plans(monkeypatch) -> list[str]:
    """How first_window found its rows: "walked" or "stopped" (a walk with a deadline),
    then "walk" or "gather" (a window read without one)."""
    plans: list[str] = []

    def walking(*args):
        found = walked_within(*args)
        plans.append("walked" if found is not None else "stopped")
        return found

    def listing(db, case_filter, sort, offset, limit, walk=False, total=None):
        plans.append("walk" if walk else "gather")
        return listed_window(db, case_filter, sort, offset, limit, walk, total)

    monkeypatch.setattr(case_count, "walked_within", walking)
    monkeypatch.setattr(case_count, "listed_window", listing)
    # a search is not answered by probing the full-text index here (test_search_probe.py)
    monkeypatch.setattr(case_count, "probed", lambda *_args: None)
    return plans


@pytest.mark.parametrize("walk_ms", [10_000.0, -1.0])
def test_walking_is_tried_and_stopped_when_slow(
    demo_db, monkeypatch, usual_search_plan, walk_ms: float
) -> None:
    """Between TRY_WALKING_ABOVE and WALK_ABOVE cases, the first window is walked for at
    most TRY_WALKING_MS, then gathered; either way it holds the same rows."""
    monkeypatch.setattr(case_count, "TRY_WALKING_ABOVE", 0)
    monkeypatch.setattr(case_count, "TRY_WALKING_MS", walk_ms)
    monkeypatch.setattr(sql_deadline, "DEADLINE_STEPS", 1)  # asked at once
    plans = watched_plans(monkeypatch)
    search = CaseFilter(source="hotline", text="占")
    for column in SORTABLE:
        sort = CaseSort(column)
        for known in (None, CaseCount(count_cases(demo_db, search), True)):
            plans.clear()
            count, rows, walk = first_window(demo_db, search, sort, 7, known)
            assert not walk  # the later windows are gathered
            gathered = listed_window(demo_db, search, sort, 0, 7)
            assert [row.case.number for row in rows] == [row.case.number for row in gathered]
            assert count.value >= 7
            assert plans == (["walked"] if walk_ms > 0 else ["stopped", "gather"]), column


def test_which_plan_serves_a_search_is_worked_out_once(
    demo_db, monkeypatch, usual_search_plan
) -> None:
    """Counting the filters' cases against the hits costs up to a few ms at a million: it
    is done once per search and filter while nothing is written, not for every window."""
    counted: list[int] = []

    def counting(db, gather, params, limit):
        counted.append(limit)
        return at_most(db, gather, params, limit)

    at_most = case_plan.at_most
    monkeypatch.setattr(case_plan, "at_most", counting)
    search = CaseFilter(grid_code="G16", text="占")
    first_window(demo_db, search, CaseSort(), 7)
    first_window(demo_db, search, CaseSort("number"), 7)
    case_window(demo_db, search, CaseSort("address"), 3, 7)
    assert len(counted) == 1
    first_window(demo_db, CaseFilter(grid_code="G15", text="占"), CaseSort(), 7)
    assert len(counted) == 2


def test_walking_for_longer_than_gathering_would_take_is_given_up(
    demo_db, monkeypatch, usual_search_plan
) -> None:
    """Above WALK_ABOVE a filter's cases are walked, but for no longer than gathering them
    is expected to take: a walk given up is gathered, and so are its later windows; a
    search's many hits are always walked (no index gathers them)."""
    monkeypatch.setattr(first_rows, "WALK_ABOVE", 0)
    monkeypatch.setattr(case_count, "TRY_WALKING_ABOVE", 0)
    monkeypatch.setattr(case_count, "walk_foreseen_longer", lambda *_: False)  # tried
    monkeypatch.setattr(sql_deadline, "DEADLINE_STEPS", 1)  # asked at once
    plans = watched_plans(monkeypatch)
    hotline, sort = CaseFilter(source="hotline"), CaseSort("number", descending=False)
    expected = [r.case.number for r in listed_window(demo_db, hotline, sort, 0, 7)]
    for per_case, plan, walk in ((1.0, ["walked"], True), (-1.0, ["stopped", "gather"], False)):
        monkeypatch.setattr(case_count, "GATHER_MS_PER_CASE_LOOKED_UP", per_case)
        plans.clear()
        found = first_window(demo_db, hotline, sort, 7)
        assert [r.case.number for r in found.rows] == expected
        assert (plans, found.walk) == (plan, walk)
    plans.clear()
    searched = first_window(demo_db, replace(hotline, text="占"), sort, 7)
    assert (plans, searched.walk) == (["walk"], True)


@pytest.mark.parametrize("descending", [False, True])
def test_a_walk_by_number_foreseen_longer_than_its_budget_is_not_tried(
    demo_db, monkeypatch, descending: bool
) -> None:
    """Numbers are given in the order received: how far into the number index a filter's
    window lies is foreseen from one step down the filter's own index, and a walk foreseen
    longer than its budget is not tried (the 60 oldest of 办理中 at a million cases: a
    walk of 51 ms, given up after 10 for a gathering of 28). The rows are the same."""
    monkeypatch.setattr(case_count, "TRY_WALKING_ABOVE", 0)
    monkeypatch.setattr(sql_deadline, "DEADLINE_STEPS", 1)  # asked at once
    plans = watched_plans(monkeypatch)
    hotline, sort = CaseFilter(source="hotline"), CaseSort("number", descending)
    expected = [r.case.number for r in listed_window(demo_db, hotline, sort, 0, 7)]
    cases = demo_db.execute("SELECT max(seq) FROM cases").fetchone()[0]
    nth = case_list.nth_received(demo_db, hotline, descending, 7)
    assert nth is not None
    reach = cases - nth if descending else nth  # entries a walk passes before the 7th
    for per_entry, plan in ((1.0 / reach, ["walked"]), (100.0 / reach, ["gather"])):
        # a walk's budget here is TRY_WALKING_MS: 10 ms
        monkeypatch.setattr(walk_foresight, "WALK_MS_PER_ENTRY", per_entry)
        plans.clear()
        found = first_window(demo_db, hotline, sort, 7)
        assert [r.case.number for r in found.rows] == expected
        assert plans == plan
    other_order = CaseSort("urgency", descending)  # no foresight: tried as before
    # (where the values kept tell it: told from memory, no walk)
    monkeypatch.setattr(case_count, "listed_in_kept_order", lambda *_args: None)
    plans.clear()
    first_window(demo_db, hotline, other_order, 7)
    assert plans[0] in ("walked", "stopped")


@pytest.mark.parametrize(
    ("column", "budget"),
    [("urgency", 25.0), ("lead_unit", 25.0), ("number", 100.0), ("address", 100.0)],
)
def test_a_walk_may_take_what_gathering_would(demo_db, column: str, budget: float) -> None:
    """50,000 cases gathered: 0.5 µs each inside a filter's index, which holds every
    column but the case number and the address; 2 µs each with the row looked up."""

    def walking_ms(case_filter: CaseFilter, count: CaseCount) -> float | None:
        return case_count._walking_ms(demo_db, case_filter, CaseSort(column), count, 7)

    many = CaseCount(50_000, False)
    assert walking_ms(CaseFilter(status="handling"), many) == pytest.approx(budget)
    assert walking_ms(CaseFilter(text="占"), many) is None
    assert walking_ms(CaseFilter(), CaseCount(5_000, True)) == 10.0
    assert walking_ms(CaseFilter(), CaseCount(1_000, True)) is None


def test_a_filter_listed_in_the_order_received_is_gathered_at_once(demo_db, monkeypatch) -> None:
    """One status (grid, source, urgency, category) leads an index whose next column is
    the time received: its cases are read in that order wherever they lie, nothing to
    walk past; not so for a group's categories, a unit's, the to-do list, a search."""
    many, received = CaseCount(50_000, False), CaseSort("received_at", descending=False)
    for one in (
        CaseFilter(grid_code="G07", urgency="urgent"),
        CaseFilter(category_codes=("0101",), received_from="2026-09-01"),
    ):
        assert case_count._walking_ms(demo_db, one, received, many, 7) == 0.0
        assert case_count._walking_ms(demo_db, one, CaseSort("urgency"), many, 7) == 25.0
    for other in (
        CaseFilter(category_codes=("0101", "0102")),
        CaseFilter(received_from="2026-09-01"),
        CaseFilter(status="handling", lead_unit="ZHB"),
        CaseFilter(status="handling", waiting_on=user_by_name(demo_db, "clerk")),
    ):
        assert case_count._walking_ms(demo_db, other, received, many, 7) == 25.0
    plan = window_plan(demo_db, monkeypatch, CaseFilter(status="handling"), received, walk=False)
    assert plan.startswith("SEARCH cases USING COVERING INDEX cases_by_status (status=?)")
    assert "TEMP B-TREE FOR ORDER BY" not in plan  # only ties of the time are sorted


@pytest.fixture
def newest_read(monkeypatch) -> list[tuple[int, bool]]:
    """How many newest hits first_window asked for, and whether there were more; then how
    many more it read below those (``NewestHits.more``), and whether any came."""
    asked: list[tuple[int, bool]] = []
    real = case_count.newest_hits
    real_more = NewestHits.more

    def reading(db, match, how_many):
        found = real(db, match, how_many)
        asked.append((how_many, isinstance(found, NewestHits)))
        return found

    def reading_more(self, db, how_many):
        found = real_more(self, db, how_many)
        asked.append((how_many, found))
        return found

    monkeypatch.setattr(case_count, "newest_hits", reading)
    monkeypatch.setattr(NewestHits, "more", reading_more)
    monkeypatch.setattr(case_count, "NEWEST_HITS", 1)  # the demo's 400 cases: read few
    forget_searches()  # as typed
    return asked


def register_newest(db, path, how_many: int) -> None:
    """Cases holding 占 registered after every demo case (the newest row numbers, the
    latest times received): where a search's newest hits lie, whatever the demo's order."""
    clerk = user_by_name(db, "clerk")
    for n in range(how_many):
        request = IntakeRequest("0101", "G01", f"路口有人占道摆摊第{n}处")
        register_case(db, BlobStore.beside(path), clerk, request, wall=frozen)


@pytest.mark.parametrize(
    "filters",
    [
        CaseFilter(),
        CaseFilter(urgency="normal"),
        CaseFilter(category_codes=("0101",)),
        CaseFilter(grid_code="G01"),
    ],
)
def test_a_search_as_typed_is_walked_with_its_newest_hits(
    demo_db, demo_path, newest_read, monkeypatch, filters: CaseFilter
) -> None:
    """Listed newest first, a search reads only its newest hits and estimates its count;
    the rows are the same as with every hit read, and the exact count follows."""
    register_newest(demo_db, demo_path, 6)
    monkeypatch.setattr(case_count, "NEWEST_HITS", 6)
    forget_searches()
    search = replace(filters, text="占")
    found = first_window(demo_db, search, CaseSort(), 5)
    expected = listed_window(demo_db, search, CaseSort(), 0, 5)
    assert [r.case.number for r in found.rows] == [r.case.number for r in expected]
    assert newest_read == [(6, True)]  # answered with the six newest hits
    assert not found.count.exact  # estimated: the exact count follows
    assert count_cases(demo_db, search) > 5


def test_more_newest_hits_are_read_when_the_walk_reaches_an_older_case(
    demo_db, newest_read
) -> None:
    """However the demo's cases are numbered, the rows are those of every hit read; each
    further read of hits is at least as many as were read before it (so at least twice
    the last)."""
    for filters in (CaseFilter(), CaseFilter(urgency="normal"), CaseFilter(source="hotline")):
        newest_read.clear()
        forget_searches()
        search = replace(filters, text="占")
        found = first_window(demo_db, search, CaseSort(), 5)
        expected = listed_window(demo_db, search, CaseSort(), 0, 5)
        assert [r.case.number for r in found.rows] == [r.case.number for r in expected]
        asked = [how_many for how_many, _more in newest_read]
        assert asked and all(b >= 2 * a for a, b in itertools.pairwise(asked))


def test_a_search_reads_every_hit_when_its_filters_miss_the_newest(demo_db, newest_read) -> None:
    newest = demo_db.execute("SELECT max(received_at) FROM cases").fetchone()[0][:10]
    before = CaseFilter(received_to="2026-01-01", text="占")
    assert before.received_to < newest
    found = first_window(demo_db, before, CaseSort(), 5)
    assert found.count == CaseCount(count_cases(demo_db, before), True)
    assert newest_read == []  # a month gone by: its cases are not the newest


def test_a_search_reads_every_hit_rather_than_too_many_newest(
    demo_db, newest_read, monkeypatch
) -> None:
    """The newest hit alone does not reach far enough, and the next read (twice as many at
    least) would be too many: the usual plan reads every hit, and the count is exact."""
    monkeypatch.setattr(case_count, "NEWEST_AT_MOST", 1)
    search = CaseFilter(text="占")
    found = first_window(demo_db, search, CaseSort(), 5)
    assert found.count == CaseCount(count_cases(demo_db, search), True)
    assert newest_read == [(1, True)]


def test_a_window_an_older_case_may_belong_to_is_walked_again_with_more_hits(
    demo_db, demo_path, newest_read, monkeypatch
) -> None:
    """Had an older case, not yet known to be a hit or not, come before the window's last
    row (a filter tested after the search), more newest hits are read and the walk run
    again."""
    doubts = iter([False])
    monkeypatch.setattr(NewestHits, "holds", lambda self, last: next(doubts, True))
    search = CaseFilter(text="占")
    register_newest(demo_db, demo_path, 12)
    monkeypatch.setattr(case_count, "NEWEST_HITS", 6)
    forget_searches()
    found = first_window(demo_db, search, CaseSort(), 5)
    expected = listed_window(demo_db, search, CaseSort(), 0, 5)
    assert [r.case.number for r in found.rows] == [r.case.number for r in expected]
    assert newest_read == [(6, True), (7, True)]  # the 7 read (one to know of more), 7 more
