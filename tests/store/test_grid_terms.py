"""Which search terms each grid's cases hold (db/0016, app/store/grid_terms.py, issue 16): a
search within a grid none of whose cases holds a term typed finds nothing without reading
a hit, and is never told so while some case of the grid holds every term, whether the case
was written before the upgrade (read in by the idle upkeep), after it, or by a rebuild."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlite_utils import Database

import app.store.search_hits as search_hits
from app.core.intake import IntakeRequest
from app.core.text import IndexedText, fts_query, required_terms
from app.store import sqlite_driver
from app.store.blobs import BlobStore
from app.store.case_count import first_window
from app.store.case_list import CaseFilter, CaseSort, count_cases, listed_window
from app.store.cases import register_case
from app.store.database import latest_version, schema_version, write_transaction
from app.store.grid_terms import UNREAD_BELOW, lacks, note_terms, read_more_terms
from app.store.rebuild import rebuild
from app.store.reference import user_by_name
from app.store.settings import read_setting, write_setting
from app.store.setup import open_database
from app.store.values_kept import renumbered
from tests.clock import frozen
from tests.store.test_upgrade_case_indexes import FIXTURES

TEXTS = ("占", "占道", "占道经营", "道路", "噪音", "北沟村", "没有这样的字", "占道 abc")


def _terms(db) -> set[tuple[str, str]]:
    return set(db.execute("SELECT grid_code, term FROM grid_search_terms").fetchall())


def _grids(db) -> list[str]:
    return [row[0] for row in db.execute("SELECT DISTINCT grid_code FROM cases ORDER BY 1")]


def _found(db, grid_code: str, text: str) -> int:
    """The cases of the grid the search index finds, asked case by case."""
    return db.execute(
        "SELECT count(*) FROM cases WHERE grid_code = ? AND seq IN "
        "(SELECT rowid FROM cases_search WHERE cases_search MATCH ?)",
        [grid_code, fts_query(text)],
    ).fetchone()[0]


def _unread(db) -> None:
    """As db/0016 leaves a database made before it: nothing read in yet."""
    with write_transaction(db):
        db.execute("DELETE FROM grid_search_terms")
        write_setting(db, UNREAD_BELOW, _last_event(db) + 1)


def _last_event(db) -> int:
    return db.execute("SELECT max(rowid) FROM events").fetchone()[0]


def _read_in(db, events: int = 500) -> int:
    steps = 0
    while (more := read_more_terms(db, events)) is not False:
        assert more is True
        steps += 1
    return steps


def test_the_required_terms_are_the_characters_or_pairs_every_hit_holds() -> None:
    assert required_terms("占") == ("占",)
    assert required_terms("占道经营") == ("占道", "道经", "经营")
    assert required_terms("道路 占道，路口") == ("道路", "占道", "路口")
    assert required_terms("abc 占") == ("占",)  # a prefix needs no one term
    assert required_terms("ab 12") == ()


def test_a_grid_is_told_to_lack_a_search_exactly_when_none_of_its_cases_is_found(
    demo_db,
) -> None:
    lacking = 0
    for grid in _grids(demo_db):
        for text in TEXTS:
            found = _found(demo_db, grid, text)
            told = lacks(demo_db, grid, text)
            assert not (told and found), (grid, text)
            f = CaseFilter(grid_code=grid, text=text)
            assert count_cases(demo_db, f) == found
            assert first_window(demo_db, f, CaseSort(), 17).count.value == found
            lacking += told
    # the demo's villages lack the street's words: told for some, as the search says
    assert lacking >= 10
    assert lacks(demo_db, "G07", "占道") and not lacks(demo_db, "G07", "北沟村")
    assert not lacks(demo_db, "G07", "abc")  # nothing to tell by


def test_a_search_a_grid_lacks_reads_no_hit(demo_db, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_reading(*_args, **_kwargs):
        raise AssertionError("a hit was read")

    for name in ("search_hits", "newest_hits", "_read"):
        monkeypatch.setattr(search_hits, name, no_reading)
    statements: list[str] = []
    demo_db.conn.set_trace_callback(statements.append)
    f = CaseFilter(grid_code="G07", text="占道经营", urgency="urgent")
    for sort in (CaseSort(), CaseSort("address", True), CaseSort("number", False)):
        window = first_window(demo_db, f, sort, 17)
        assert window.count.value == 0 and window.count.exact and window.rows == []
    assert count_cases(demo_db, f) == 0
    assert listed_window(demo_db, f, CaseSort(), 0, 50) == []
    demo_db.conn.set_trace_callback(None)
    assert statements and not any("cases_search" in sql for sql in statements)


def test_a_case_registered_in_a_grid_is_found_there_at_once(demo_db, demo_path: Path) -> None:
    f = CaseFilter(grid_code="G07", text="占道经营")
    assert lacks(demo_db, "G07", "占道经营")
    clerk = user_by_name(demo_db, "clerk")
    request = IntakeRequest("0101", "G07", "北沟桥头有人占道经营卖西瓜")
    case = register_case(demo_db, BlobStore.beside(demo_path), clerk, request, wall=frozen)
    assert not lacks(demo_db, "G07", "占道经营")
    assert [c.case.number for c in listed_window(demo_db, f, CaseSort(), 0, 10)] == [case.number]
    assert count_cases(demo_db, f) == 1
    assert lacks(demo_db, "G07", "消防通道")  # the rest still told


def test_cases_written_before_the_upgrade_are_read_in_on_idle_newest_first(demo_db) -> None:
    written = _terms(demo_db)
    _unread(demo_db)
    assert not lacks(demo_db, "G07", "占道")  # not told before every case is read in
    assert read_more_terms(demo_db, 100) is True
    assert read_setting(demo_db, UNREAD_BELOW) == _last_event(demo_db) + 1 - 100
    assert not lacks(demo_db, "G07", "占道")
    assert _read_in(demo_db) > 0
    assert _terms(demo_db) == written  # as the cases' own writing noted them
    assert read_setting(demo_db, UNREAD_BELOW) is None  # nothing left: the setting goes
    assert lacks(demo_db, "G07", "占道")
    assert read_more_terms(demo_db) is False  # nothing left: no write
    assert all(not term.isascii() for _grid, term in written)


def test_a_rebuild_notes_every_case_again(demo_db) -> None:
    written = _terms(demo_db)
    _unread(demo_db)
    demo_db.execute("INSERT INTO grid_search_terms VALUES ('G07', '占道')")  # held by none
    demo_db.conn.commit()
    rebuild(demo_db, user_by_name(demo_db, "admin"))
    assert _terms(demo_db) == written
    assert read_setting(demo_db, UNREAD_BELOW) is None
    assert lacks(demo_db, "G07", "占道")


def test_an_idle_step_that_cannot_write_changes_nothing(demo_db, demo_path: Path) -> None:
    _unread(demo_db)
    below = read_setting(demo_db, UNREAD_BELOW)
    with write_transaction(demo_db):  # someone's transaction: not the step's to commit
        assert read_more_terms(demo_db) is None
    other = open_database(demo_path)
    other.conn.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        assert read_more_terms(demo_db) is None
    finally:
        other.conn.execute("ROLLBACK")
        other.close()
    assert read_setting(demo_db, UNREAD_BELOW) == below and _terms(demo_db) == set()


def test_an_idle_step_on_a_read_only_database_changes_nothing(demo_db, demo_path: Path) -> None:
    _unread(demo_db)
    below = read_setting(demo_db, UNREAD_BELOW)
    conn = sqlite_driver.connect(demo_path.resolve().as_uri() + "?mode=ro", uri=True)
    assert read_more_terms(Database(conn)) is None
    conn.close()
    assert read_setting(demo_db, UNREAD_BELOW) == below and _terms(demo_db) == set()


def test_the_schema_15_fixture_upgrades_and_its_cases_are_read_in(tmp_path: Path) -> None:
    target = tmp_path / "towndesk.sqlite3"
    shutil.copy(FIXTURES / "schema-15.sqlite3", target)
    db = open_database(target)
    assert schema_version(db) == latest_version()
    top = _last_event(db)
    assert read_setting(db, UNREAD_BELOW) == top + 1 and _terms(db) == set()
    assert _read_in(db, 70) == -(-(top + 1) // 70) - 1
    read_in = _terms(db)
    rebuild(db, user_by_name(db, "admin"))
    assert _terms(db) == read_in
    grids = {grid for grid, _term in read_in}
    assert {"G01", "G07"} <= grids and ("G07", "占道") not in read_in


def test_the_schema_16_fixture_opens_with_its_grids_terms(tmp_path: Path) -> None:
    target = tmp_path / "towndesk.sqlite3"
    shutil.copy(FIXTURES / "schema-16.sqlite3", target)
    db = open_database(target)
    assert schema_version(db) == latest_version()
    assert read_more_terms(db) is False  # written with its cases: nothing to read in
    written = _terms(db)
    assert len(written) == 2490
    assert lacks(db, "G07", "占道")
    assert count_cases(db, CaseFilter(grid_code="G07", text="占道")) == 0
    rebuild(db, user_by_name(db, "admin"))
    assert _terms(db) == written


def _register(db, path: Path, grid: str, text: str) -> None:
    clerk = user_by_name(db, "clerk")
    request = IntakeRequest("0101", grid, text)
    register_case(db, BlobStore.beside(path), clerk, request, wall=frozen)


def test_terms_written_in_a_transaction_rolled_back_are_written_again(
    demo_db, demo_path: Path
) -> None:
    with pytest.raises(RuntimeError), write_transaction(demo_db):
        note_terms(demo_db, [("G07", IndexedText("占 道", "占道"))])
        raise RuntimeError("the import stops")
    assert lacks(demo_db, "G07", "占道")
    _register(demo_db, demo_path, "G07", "桥头有人占道摆摊")  # the same terms, again
    assert not lacks(demo_db, "G07", "占道")


def test_terms_a_rebuild_by_another_program_let_go_are_written_again(
    demo_db, demo_path: Path
) -> None:
    _register(demo_db, demo_path, "G07", "桥头有人占道摆摊")
    other = open_database(demo_path)
    with write_transaction(other):  # as a rebuild there leaves it, had the case not been
        other.execute("DELETE FROM grid_search_terms WHERE grid_code = 'G07'")
        renumbered(other)
    other.close()
    assert lacks(demo_db, "G07", "占道")
    _register(demo_db, demo_path, "G07", "桥头有人占道摆摊")
    assert not lacks(demo_db, "G07", "占道")
