"""Schema 14 (db/0014, issue 16): the cases list's indexes that carry every filter column.
An upgraded database gets exactly the indexes a new one has, and the schema-14 fixture,
made by the program of that release, opens as it is and lists its cases."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.store.case_list import CaseFilter, CaseSort, case_window, count_cases
from app.store.database import latest_version, schema_version
from app.store.rebuild import rebuild
from app.store.reference import user_by_name
from app.store.setup import open_database
from tests.store.store_helpers import projection_dump

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _indexes(db) -> dict[str, str]:  # type: ignore[no-untyped-def]
    rows = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' "
        "AND sql IS NOT NULL"
    )
    return {name: " ".join(sql.split()) for name, sql in rows}


def test_an_upgraded_database_has_the_indexes_of_a_new_one(small_db, tmp_path: Path) -> None:
    target = tmp_path / "towndesk.sqlite3"
    shutil.copy(FIXTURES / "schema-13.sqlite3", target)
    upgraded = open_database(target)
    assert schema_version(upgraded) == latest_version()
    assert _indexes(upgraded) == _indexes(small_db)
    assert "grid_code, source, urgency, lead_unit" in _indexes(upgraded)["cases_by_status"]


def test_the_schema_14_fixture_upgrades_and_lists_its_cases(tmp_path: Path) -> None:
    """It opened as it was until schema 15 added an index (test_upgrade_grid_address.py)."""
    target = tmp_path / "towndesk.sqlite3"
    shutil.copy(FIXTURES / "schema-14.sqlite3", target)
    db = open_database(target)
    assert schema_version(db) == latest_version()
    assert [p.name for p in tmp_path.glob("*.before-v*")] == ["towndesk.before-v15.sqlite3"]
    closed = CaseFilter(status="closed")
    assert count_cases(db, closed) == 56
    by_grid = case_window(db, closed, CaseSort("grid_code", descending=False), 0, 100)
    assert len(by_grid) == 56
    assert [c.grid_code for c in by_grid] == sorted(c.grid_code for c in by_grid)
    before = projection_dump(db)
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before
