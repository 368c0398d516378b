"""Schema 15 (db/0015, issue 16): one grid's cases sorted by address, an index range (and a
date range by number: tests/store/test_case_plan_exact.py). An upgraded database gets
exactly the indexes of a new one, and the schema-15 fixture, made by the program of that
release, opens (as it is while schema 15 is the latest) and lists a grid by address as
brute force does, through the new index whether the list is walked or gathered."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.store.case_list import CaseFilter, CaseSort, case_window, listed_window
from app.store.database import latest_version, schema_version
from app.store.rebuild import rebuild
from app.store.reference import user_by_name
from app.store.setup import open_database
from tests.store.store_helpers import all_cases, projection_dump
from tests.store.test_upgrade_case_indexes import FIXTURES, _indexes


def test_an_upgraded_database_has_the_indexes_of_a_new_one(small_db, tmp_path: Path) -> None:
    target = tmp_path / "towndesk.sqlite3"
    shutil.copy(FIXTURES / "schema-14.sqlite3", target)
    upgraded = open_database(target)
    assert schema_version(upgraded) == latest_version() >= 15
    assert _indexes(upgraded) == _indexes(small_db)
    assert _indexes(upgraded)["cases_by_grid_address"].startswith(
        "CREATE INDEX cases_by_grid_address ON cases ( grid_code, address, received_at, status,"
    )
    # the condition the list's number ranges name word for word (app/store/number_ranges.py)
    assert _indexes(upgraded)["cases_numbered_apart"].endswith(
        "WHERE substr(number, instr(number, '-') + 1, 9) <> substr(received_at, 1, 4) || "
        "substr(received_at, 6, 2) || substr(received_at, 9, 2) || '-'"
    )


def _plan(db, f: CaseFilter, sort: CaseSort, walk: bool) -> str:
    statements: list[tuple[str, list]] = []
    real = db.execute

    def spy(sql, params=()):
        statements.append((sql, list(params)))
        return real(sql, params)

    db.execute = spy
    try:
        listed_window(db, f, sort, 0, 5, walk=walk)
    finally:
        del db.execute
    sql, params = next((q, p) for q, p in statements if q.startswith("SELECT seq FROM"))
    return " ".join(r[3] for r in real("EXPLAIN QUERY PLAN " + sql, params).fetchall())


def test_the_schema_15_fixture_opens_and_lists_a_grid_by_address(tmp_path: Path) -> None:
    target = tmp_path / "towndesk.sqlite3"
    shutil.copy(FIXTURES / "schema-15.sqlite3", target)
    db = open_database(target)
    assert schema_version(db) == latest_version()
    if latest_version() == 15:  # nothing to upgrade: no backup
        assert not list(tmp_path.glob("*.before-v*"))
    rows = [r for r in all_cases(db) if r["grid_code"] == "G05"]
    assert len(rows) == 8  # 7 closed, 1 rejected
    for descending in (True, False):
        sort = CaseSort("address", descending)
        expected = [
            r["number"]
            for r in sorted(
                rows, key=lambda r: (r["address"], r["received_at"], r["seq"]), reverse=descending
            )
        ]
        grid = CaseFilter(grid_code="G05")
        assert [c.number for c in case_window(db, grid, sort, 0, 100)] == expected
        walked = listed_window(db, grid, sort, 0, 100, walk=True)
        assert [r.case.number for r in walked] == expected
        for walk in (True, False):
            plan = _plan(db, grid, sort, walk)
            assert plan.startswith(
                "SEARCH cases USING COVERING INDEX cases_by_grid_address (grid_code=?)"
            ), plan
            assert "TEMP B-TREE FOR ORDER BY" not in plan  # read in order, only ties sorted
    before = projection_dump(db)
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before
