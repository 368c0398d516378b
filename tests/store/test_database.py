"""Opening a database: settings, numbered migrations, backup before upgrading, refusals."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.core.errors import DomainError
from app.store import database, sqlite_driver
from app.store.database import (
    PAGE_CACHE_KIB,
    connect,
    latest_version,
    migrate,
    schema_version,
)
from app.store.setup import create_database, open_database
from tests.clock import frozen

REPO_MIGRATIONS = Path(__file__).resolve().parents[2] / "db"


def user_version(path: Path) -> int:
    conn = sqlite_driver.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_latest_version_is_the_highest_numbered_migration() -> None:
    numbers = [int(p.name[:4]) for p in REPO_MIGRATIONS.glob("[0-9][0-9][0-9][0-9]_*.sql")]
    assert numbers, "db/ holds the migrations"
    assert latest_version() == max(numbers)
    assert sorted(numbers) == list(range(1, max(numbers) + 1)), "numbered without gaps"


def test_a_new_database_is_at_the_latest_version_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    db = create_database(path, device_code="AB", wall=lambda: 1_795_000_000_000)
    assert schema_version(db) == latest_version()
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    # a page cache that holds the search index's upper pages between probes
    assert db.execute("PRAGMA cache_size").fetchone()[0] == -PAGE_CACHE_KIB
    assert db.execute("SELECT code FROM device").fetchall() == [("AB",)]
    with pytest.raises(sqlite_driver.IntegrityError):  # foreign keys are enforced
        db.conn.execute("INSERT INTO grids (code, name, area, worker_id) VALUES ('G1','g','a','x')")
    db.conn.rollback()
    db.close()
    plain = sqlite_driver.connect(path)
    assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # stored in the file
    plain.close()
    assert user_version(path) == latest_version()


def test_create_refuses_an_existing_file_and_a_bad_device_code(tmp_path: Path) -> None:
    existing = tmp_path / "x.sqlite3"
    existing.write_bytes(b"keep me")
    with pytest.raises(DomainError) as caught:
        create_database(existing, wall=frozen)
    assert caught.value.code == "database_exists"
    assert existing.read_bytes() == b"keep me"
    with pytest.raises(DomainError) as caught:
        create_database(tmp_path / "y.sqlite3", device_code="a", wall=frozen)
    assert caught.value.code == "code_invalid"
    assert not (tmp_path / "y.sqlite3").exists()


def test_migrate_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    db = connect(path)
    assert migrate(db, path) == list(range(1, latest_version() + 1))
    assert schema_version(db) == latest_version()
    assert {"events", "cases", "device"} <= set(db.table_names())
    assert migrate(db, path) == []  # nothing left to do
    db.close()
    assert list(tmp_path.glob("*.before-*")) == []  # nothing worth backing up


def test_opening_a_missing_file_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "missing.sqlite3"
    with pytest.raises(DomainError) as caught:
        open_database(path)
    assert caught.value.code == "database_not_initialised"
    assert "towndesk init" in str(caught.value)
    assert not path.exists()


def test_a_newer_database_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    create_database(path, device_code="AB", wall=frozen).close()
    conn = sqlite_driver.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DomainError) as caught:
        open_database(path)
    assert caught.value.code == "database_newer"
    message = str(caught.value)
    assert "更新版本" in message and "99" in message and str(latest_version()) in message
    assert path.read_bytes() == before
    assert user_version(path) == 99


def test_a_file_that_is_not_a_database_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes("这不是数据库".encode() * 500)
    before = path.read_bytes()
    with pytest.raises(DomainError) as caught:
        open_database(path)
    assert caught.value.code == "database_damaged"
    assert "不是 TownDesk 数据库或已损坏" in str(caught.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]  # no -wal, -shm


def test_another_programs_database_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite_driver.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('别的程序的数据')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DomainError):
        open_database(path)
    assert path.read_bytes() == before


def fake_migrations(tmp_path: Path, extra: str) -> Path:
    folder = tmp_path / "migrations"
    folder.mkdir()
    for sql in REPO_MIGRATIONS.glob("*.sql"):
        shutil.copy2(sql, folder / sql.name)
    (folder / f"{latest_version() + 1:04d}_add_notes.sql").write_text(extra, encoding="utf-8")
    return folder


def test_upgrading_backs_up_the_database_first(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = latest_version()
    folder = fake_migrations(
        tmp_path, "-- a note per case\nCREATE TABLE notes (case_id TEXT, text TEXT);\n"
    )
    monkeypatch.setattr(database, "migrations_dir", lambda: folder)
    events_before = (
        sqlite_driver.connect(demo_path).execute("SELECT count(*) FROM events").fetchone()
    )
    db = open_database(demo_path)
    assert schema_version(db) == old + 1
    assert "notes" in db.table_names()
    db.close()
    backup = demo_path.with_name(f"towndesk.before-v{old + 1}.sqlite3")
    assert backup.is_file()
    assert user_version(backup) == old
    copy = sqlite_driver.connect(backup)
    assert copy.execute("SELECT count(*) FROM events").fetchone() == events_before
    assert "notes" not in {r[0] for r in copy.execute("SELECT name FROM sqlite_master")}
    copy.close()


def test_a_failing_migration_changes_nothing(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = latest_version()
    folder = fake_migrations(
        tmp_path, "CREATE TABLE notes (x TEXT);\nINSERT INTO no_such_table VALUES (1);\n"
    )
    monkeypatch.setattr(database, "migrations_dir", lambda: folder)
    with pytest.raises(DomainError) as caught:
        open_database(demo_path)
    assert caught.value.code == "migration_failed"
    assert "数据库保持原样" in str(caught.value)
    conn = sqlite_driver.connect(demo_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == old
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "notes" not in names
    conn.close()
