"""The 待我办理 and 本单位 filters of the cases list: exactly the workbench's to-do list and
exactly what a unit leads, whether the list gathers them by their own index (few) or walks
the sort order's index (many)."""

from __future__ import annotations

import pytest

import app.store.case_list as case_list
import app.store.case_plan as case_plan
import app.store.queues as queues
from app.core.model import Role
from app.store.case_list import CaseFilter, CaseSort, case_window, count_cases
from app.store.case_plan import SORTABLE
from app.store.queues import my_tasks
from app.store.reference import user_by_name, users
from tests.store.store_helpers import all_cases

EVERYTHING = 1_000_000


@pytest.fixture(params=["gather", "walk"])
def path(request, monkeypatch) -> str:
    """Both ways of finding a narrowed list: gathered by its index, or the sort index walked."""
    if request.param == "walk":
        monkeypatch.setattr(case_plan, "GATHER_AT_MOST", 0)
    return request.param


def numbers(db, case_filter: CaseFilter, sort: CaseSort | None = None) -> list[str]:
    found = case_window(db, case_filter, sort or CaseSort(), 0, EVERYTHING)
    assert len(found) == count_cases(db, case_filter)
    return [case.number for case in found]


def test_waiting_on_me_is_the_workbench_to_do_list_for_every_user(demo_db, path) -> None:
    seen_roles = set()
    for user in users(demo_db):
        tasks = {t.number for t in my_tasks(demo_db, user, limit=EVERYTHING)}
        listed = numbers(demo_db, CaseFilter(waiting_on=user))
        assert sorted(listed) == sorted(tasks), user.username
        assert len(listed) == len(set(listed)), user.username  # no case twice
        if tasks:
            seen_roles.add(user.role)
    # the demo gives every kind of queue something to hold, so the comparison means something
    assert {Role.CLERK, Role.DEPARTMENT_OFFICER, Role.GRID_WORKER} <= seen_roles


def test_the_clerks_list_holds_triage_closing_and_the_offices_own_work(demo_db, path) -> None:
    clerk = user_by_name(demo_db, "clerk")
    rows = all_cases(demo_db)
    expected = sorted(
        r["number"]
        for r in rows
        if r["status"] in ("pending_triage", "verified")
        or (r["status"] in ("assigned", "handling") and r["lead_unit"] == clerk.department_code)
    )
    assert expected
    assert sorted(numbers(demo_db, CaseFilter(waiting_on=clerk))) == expected
    # combined with the other filters, it narrows them further
    both = CaseFilter(waiting_on=clerk, status="pending_triage", source="hotline")
    assert sorted(numbers(demo_db, both)) == sorted(
        r["number"] for r in rows if r["status"] == "pending_triage" and r["source"] == "hotline"
    )


def test_on_a_field_laptop_it_holds_what_the_laptop_can_move_on(demo_db, monkeypatch) -> None:
    clerk = user_by_name(demo_db, "clerk")
    assert count_cases(demo_db, CaseFilter(waiting_on=clerk)) > 0  # at the office
    monkeypatch.setattr(queues, "own_kind", lambda db: "grid-worker")
    # a grid worker's laptop only verifies: nothing of the clerk's can move on there
    assert my_tasks(demo_db, clerk) == []
    assert numbers(demo_db, CaseFilter(waiting_on=clerk)) == []
    worker = next(u for u in users(demo_db) if u.role == Role.GRID_WORKER and my_tasks(demo_db, u))
    checks = sorted(t.number for t in my_tasks(demo_db, worker, EVERYTHING))
    assert sorted(numbers(demo_db, CaseFilter(waiting_on=worker))) == checks


@pytest.mark.parametrize("unit", ["ZHB", "SCJG", "JTJ", "NO-SUCH-UNIT"])
def test_my_unit_is_what_the_unit_leads(demo_db, path, unit: str) -> None:
    rows = all_cases(demo_db)
    expected = sorted(r["number"] for r in rows if r["lead_unit"] == unit)
    assert bool(expected) == (unit != "NO-SUCH-UNIT")
    assert sorted(numbers(demo_db, CaseFilter(lead_unit=unit))) == expected
    searched = CaseFilter(lead_unit=unit, text="村")
    assert sorted(numbers(demo_db, searched)) == sorted(
        r["number"]
        for r in rows
        if r["lead_unit"] == unit and any("村" in r[k] for k in ("description", "address"))
    )


def test_the_office_leads_what_it_handles_itself(demo_db) -> None:
    """本单位 for an office user: the cases of the office of tier ONE, self-handled ones."""
    clerk = user_by_name(demo_db, "clerk")
    found = case_window(demo_db, CaseFilter(lead_unit=clerk.department_code), CaseSort(), 0, 500)
    assert found
    assert {c.number for c in found} == {
        r["number"] for r in all_cases(demo_db) if r["route"] == "ONE"
    }


@pytest.mark.parametrize("column", SORTABLE)
def test_narrowed_windows_concatenate_to_the_sorted_list(demo_db, path, column: str) -> None:
    clerk = user_by_name(demo_db, "clerk")
    for case_filter in (CaseFilter(waiting_on=clerk), CaseFilter(lead_unit="SCJG")):
        sort = CaseSort(column, descending=True)
        full = [c.number for c in case_window(demo_db, case_filter, sort, 0, EVERYTHING)]
        windows: list[str] = []
        for offset in range(0, len(full) + 7, 7):
            windows += [c.number for c in case_window(demo_db, case_filter, sort, offset, 7)]
        assert windows == full, case_filter


def test_a_narrowed_list_is_gathered_by_its_index_when_small(demo_db, monkeypatch) -> None:
    """The plan, not only the rows: a unit's few cases are found through cases_by_lead_unit
    and sorted in its entries, never by reading the whole table."""
    sql: list[str] = []
    real = demo_db.execute

    def spy(query, params=()):
        sql.append(query)
        return real(query, params)

    monkeypatch.setattr(demo_db, "execute", spy)
    case_window(demo_db, CaseFilter(lead_unit="SCJG"), CaseSort(), 0, 50)
    window = next(q for q in sql if q.startswith("SELECT seq FROM (SELECT seq, received_at"))
    plan = " ".join(
        row[3] for row in real("EXPLAIN QUERY PLAN " + window, ["SCJG", 50, 0]).fetchall()
    )
    assert "COVERING INDEX cases_by_lead_unit" in plan  # sorted in its entries, none looked up
    assert "SCAN cases" not in plan.replace("SCAN cases_search", "")


@pytest.mark.parametrize("few", [20_000, 0])  # the hits read from the index, or by bitmap
def test_the_clerks_list_searched_is_counted_from_its_own_cases(demo_db, path, monkeypatch, few):
    """A narrowing filter's cases tested against a search by row number alone: the count
    never reads the cases' rows (9,224 of the clerk's cases searched in 3 ms, not 48)."""
    monkeypatch.setattr(case_plan, "FEW_HITS", few)
    clerk = user_by_name(demo_db, "clerk")
    rows = all_cases(demo_db)
    waiting = set(numbers(demo_db, CaseFilter(waiting_on=clerk)))
    for text in ("占", "道", "噪音"):
        search = CaseFilter(waiting_on=clerk, text=text)
        expected = sorted(
            r["number"]
            for r in rows
            if r["number"] in waiting
            and text in r["description"] + r["address"] + r["category_name"]
        )
        assert expected, text
        assert sorted(numbers(demo_db, search)) == expected  # counts it too
        where = case_plan.where_clause(demo_db, search)
        if path == "gather":  # (counted in SQL, as before the values kept are read)
            monkeypatch.setattr(case_list, "counted_in_memory", lambda db, f: None)
            statements: list[str] = []
            demo_db.conn.set_trace_callback(statements.append)
            try:
                count_cases(demo_db, search)
            finally:
                demo_db.conn.set_trace_callback(None)
            assert where is not None and where.gathered is not None
            assert [s for s in statements if "count(" in s][-1].startswith(
                "SELECT count(DISTINCT seq)"
            )


def test_a_units_cases_waiting_on_a_person_are_gathered_in_the_queues_indexes(
    demo_db, monkeypatch
) -> None:
    """本单位 + 待我办理: each queue read in the unit's range of the unit's index (not the
    person's queue by status walked for the unit's: millions untriaged, of no unit), and
    the list sorted there; no case looked up, the same cases as the person's list cut to
    the unit."""
    clerk = user_by_name(demo_db, "clerk")
    both = CaseFilter(waiting_on=clerk, lead_unit=clerk.department_code)
    theirs = case_window(demo_db, CaseFilter(waiting_on=clerk), CaseSort(), 0, EVERYTHING)
    units = {row["number"]: row["lead_unit"] for row in all_cases(demo_db)}
    expected = [c.number for c in theirs if units[c.number] == clerk.department_code]
    assert expected  # the demo's clerk has some in the unit
    sql: list[tuple[str, list]] = []
    real = demo_db.execute
    monkeypatch.setattr(demo_db, "execute", lambda q, p=(): sql.append((q, p)) or real(q, p))
    found = case_window(demo_db, both, CaseSort("status", True), 0, EVERYTHING)
    assert sorted(c.number for c in found) == sorted(expected)
    window, params = next((q, p) for q, p in sql if q.startswith("SELECT seq FROM (SELECT"))
    plan = " ".join(row[3] for row in real("EXPLAIN QUERY PLAN " + window, params).fetchall())
    assert plan.count("COVERING INDEX") == plan.count("SEARCH") >= 2  # every queue's own
    assert plan.count("cases_by_lead_unit (lead_unit=?") == plan.count("SEARCH")
    assert "cases_by_seq" not in plan and "SCAN cases " not in plan + " "
