"""Files that are not a sound TownDesk database, or a disk that fails: one plain message
each, and the file (and its folder) exactly as it was."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import stat
from pathlib import Path

import pytest

from app.core.errors import DomainError
from app.store import database, db_file, sqlite_driver
from app.store.database import latest_version, write_transaction
from app.store.db_file import APPLICATION_ID, storage_error
from app.store.setup import create_database, open_database
from tests.clock import frozen

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in the folder (recursively) and its SHA-256: nothing added, nothing changed."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def refused(path: Path, code: str, *words: str) -> DomainError:
    before = folder_state(path.parent)
    had_wal = Path(f"{path}-wal").exists()
    with pytest.raises(DomainError) as caught:
        open_database(path)
    assert caught.value.code == code
    text = str(caught.value)
    assert all(word in text for word in words), text
    words_alone = re.sub(r"\S*\.sqlite3\S*", "", text)  # file names aside
    assert "Traceback" not in text and "sqlite" not in words_alone.lower()  # not SQLite's words
    after = folder_state(path.parent)
    if had_wal:  # reading through a -wal, SQLite builds its index (-shm, no data) beside it
        after.pop(f"{path.name}-shm", None)
    assert after == before  # not a byte changed, no -wal/-shm/backup
    return caught.value


def another_programs_file(path: Path, user_version: int, *, wal: bool = False) -> Path:
    conn = sqlite_driver.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = wal")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("CREATE TABLE events (id TEXT)")  # a name we use too: not enough to be ours
    conn.execute("INSERT INTO notes (text) VALUES ('别的程序的数据')")
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("user_version", [0, 1, 2, 5, 6, 7, 99])
@pytest.mark.parametrize("wal", [False, True], ids=["rollback", "wal"])
def test_another_programs_database_is_never_touched(
    tmp_path: Path, user_version: int, wal: bool
) -> None:
    path = another_programs_file(tmp_path / "other.sqlite3", user_version, wal=wal)
    refused(path, "database_not_ours", "不是 TownDesk 的数据库", "没有改动它")
    assert user_version_of(path) == user_version


def test_a_file_with_another_programs_application_id_is_not_ours(demo_path: Path) -> None:
    conn = sqlite_driver.connect(demo_path)
    conn.execute("PRAGMA application_id = 1196444237")  # GeoPackage's "GPKG"
    conn.commit()
    conn.close()
    refused(demo_path, "database_not_ours")


def user_version_of(path: Path) -> int:
    conn = sqlite_driver.connect(f"{path.as_uri()}?immutable=1", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("schema", [2, 4, 5, 6])
def test_older_townDesk_files_are_known_by_their_tables_and_stamped(
    tmp_path: Path, schema: int
) -> None:
    path = tmp_path / "towndesk.sqlite3"
    shutil.copy2(FIXTURES / f"schema-{schema}.sqlite3", path)
    db = open_database(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    db.close()


def test_a_new_database_carries_the_application_id(tmp_path: Path) -> None:
    db = create_database(tmp_path / "new.sqlite3", device_code="AB", wall=frozen)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    db.close()


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    folder = tmp_path / "towndesk.sqlite3"
    folder.mkdir()
    refused(folder, "database_is_folder", "是一个文件夹")


def test_a_damaged_database_points_to_the_backups_beside_it(demo_path: Path) -> None:
    (demo_path.parent / "towndesk.before-v6.sqlite3").write_bytes(b"a backup")
    data = bytearray(demo_path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[100:page] = os.urandom(page - 100)  # the schema's page: the tables are gone
    demo_path.write_bytes(bytes(data))
    refused(demo_path, "database_damaged", "已损坏", "towndesk.before-v6.sqlite3")


def test_a_truncated_database_is_damaged(demo_path: Path) -> None:
    data = demo_path.read_bytes()
    demo_path.write_bytes(data[:50])  # less than SQLite's header
    refused(demo_path, "database_damaged", "不是 TownDesk 数据库或已损坏", "备份")


def test_a_read_only_file_or_medium_is_refused(demo_path: Path, monkeypatch) -> None:
    # the administrator (root, as CI runs) may write anywhere: ask os.access as the
    # program does, answering as a read-only medium would
    real_access = os.access
    monkeypatch.setattr(
        db_file.os, "access", lambda p, mode: False if mode & os.W_OK else real_access(p, mode)
    )
    refused(demo_path, "database_read_only", "只读", "复制到本机可写的文件夹")


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="as a user")
def test_a_file_marked_read_only_is_refused(demo_path: Path) -> None:
    demo_path.chmod(0o444)
    refused(demo_path, "database_read_only")


def test_a_file_without_permission_is_refused(demo_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(db_file.os, "access", lambda p, mode: not mode & os.R_OK)
    refused(demo_path, "database_no_permission", "没有权限读取数据库")


def crashed_copy(source: Path, target: Path, write) -> None:
    """A copy of ``source`` as a killed process leaves it: the -wal not yet checkpointed."""
    db = open_database(source)
    db.conn.execute("PRAGMA wal_autocheckpoint = 0")
    with write_transaction(db):
        write(db)
    for suffix in ("", "-wal", "-shm"):
        shutil.copy2(f"{source}{suffix}", f"{target}{suffix}")
    db.close()


def test_our_own_wal_left_by_a_killed_process_is_kept(demo_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy" / "towndesk.sqlite3"
    copy.parent.mkdir()
    crashed_copy(
        demo_path,
        copy,
        lambda db: db.conn.execute("INSERT INTO settings (key, value) VALUES ('note', 'kept')"),
    )
    db = open_database(copy)
    assert db.execute("SELECT value FROM settings WHERE key = 'note'").fetchone() == ("kept",)
    db.close()


def test_another_programs_wal_is_not_applied(demo_path: Path, tmp_path: Path) -> None:
    """SQLite would apply any -wal beside the file and copy it in at the next checkpoint:
    the demo's tables would be replaced by another program's notes."""
    other = another_programs_file(tmp_path / "other.sqlite3", 0, wal=True)
    conn = sqlite_driver.connect(other)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.executemany("INSERT INTO notes (text) VALUES (?)", [("笔记" * 50,)] * 300)
    conn.commit()
    shutil.copy2(f"{other}-wal", f"{demo_path}-wal")  # while it is open: a full -wal
    conn.close()
    main_before = demo_path.read_bytes()
    error = refused(demo_path, "database_stray_wal", "towndesk.sqlite3-wal", "不要删除")
    assert "移到别的文件夹" in str(error)
    assert demo_path.read_bytes() == main_before
    os.rename(f"{demo_path}-wal", tmp_path / "moved-aside-wal")
    Path(f"{demo_path}-shm").unlink(missing_ok=True)
    db = open_database(demo_path)  # moved aside as told: the data is all there
    assert db.execute("SELECT count(*) FROM cases").fetchone()[0] > 0
    db.close()


def test_another_townships_wal_is_not_applied(tmp_path: Path) -> None:
    ours = tmp_path / "ours" / "towndesk.sqlite3"
    theirs = tmp_path / "theirs" / "towndesk.sqlite3"
    ours.parent.mkdir()
    theirs.parent.mkdir()
    create_database(ours, device_code="AB", wall=frozen).close()
    create_database(theirs, device_code="CD", wall=frozen).close()
    crashed_copy(
        theirs,
        tmp_path / "theirs" / "crashed.sqlite3",
        lambda db: db.conn.execute("UPDATE device SET code = 'EF'"),
    )
    shutil.copy2(tmp_path / "theirs" / "crashed.sqlite3-wal", f"{ours}-wal")
    refused(ours, "database_stray_wal")


def test_a_newer_database_gets_no_wal_switch(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    create_database(path, device_code="AB", wall=frozen).close()
    conn = sqlite_driver.connect(path)
    conn.execute("PRAGMA journal_mode = delete")  # as a newer program might leave it
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.commit()
    conn.close()
    refused(path, "database_newer", "更新版本")


def test_a_full_disk_before_the_upgrade_backup_changes_nothing(
    demo_path: Path, tmp_path: Path, monkeypatch
) -> None:
    from tests.store.test_database import fake_migrations

    folder = fake_migrations(tmp_path, "CREATE TABLE notes (x TEXT);\n")
    monkeypatch.setattr(database, "migrations_dir", lambda: folder)
    monkeypatch.setattr(database, "free_bytes", lambda folder: 1 << 20)
    error = refused(demo_path, "backup_disk_full", "无法在升级前备份", "腾出空间")
    assert "没有升级" in str(error)


def test_a_disk_filling_up_during_the_backup_leaves_no_half_copy(
    demo_path: Path, tmp_path: Path, monkeypatch
) -> None:
    from tests.store.test_database import fake_migrations

    old = latest_version()
    folder = fake_migrations(tmp_path, "CREATE TABLE notes (x TEXT);\n")
    monkeypatch.setattr(database, "migrations_dir", lambda: folder)
    real_connect = sqlite_driver.connect

    class FullDisk:  # the copy's connection: SQLite reports the disk full while copying
        def __init__(self, target: str) -> None:
            self.conn = real_connect(target)
            self.conn.execute("PRAGMA max_page_count = 2")

        def close(self) -> None:
            self.conn.close()

    def connect(target, *args, **kwargs):
        if str(target).endswith(".partial"):
            return FullDisk(target).conn
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(database.sqlite_driver, "connect", connect)
    with pytest.raises(DomainError) as caught:
        open_database(demo_path)
    assert caught.value.code == "backup_disk_full"
    assert not list(demo_path.parent.glob("*.before-*"))  # no half-written backup
    assert user_version_of(demo_path) == old


def test_a_full_disk_while_writing_rolls_back_with_the_plain_message(demo_db) -> None:
    pages = demo_db.execute("PRAGMA page_count").fetchone()[0]
    demo_db.execute(f"PRAGMA max_page_count = {pages}")
    before = demo_db.execute("SELECT count(*) FROM settings").fetchone()
    with pytest.raises(DomainError) as caught, write_transaction(demo_db):
        demo_db.conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?)",
            [(f"k{i}", "x" * 4000) for i in range(200)],
        )
    assert caught.value.code == "disk_full"
    assert "磁盘空间不足" in str(caught.value) and "删除或移走" in str(caught.value)
    assert demo_db.execute("SELECT count(*) FROM settings").fetchone() == before


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (sqlite_driver.DatabaseError("database disk image is malformed"), "database_damaged"),
        (sqlite_driver.DatabaseError("file is not a database"), "database_damaged"),
        (sqlite_driver.OperationalError("database or disk is full"), "disk_full"),
        (
            sqlite_driver.OperationalError("attempt to write a readonly database"),
            "database_read_only",
        ),
        (OSError(errno.ENOSPC, "No space left on device"), "disk_full"),
        (OSError(errno.EROFS, "Read-only file system"), "database_read_only"),
        (OSError(errno.EACCES, "Permission denied"), "database_no_permission"),
        (OSError(errno.EIO, "Input/output error"), "database_unusable"),
    ],
)
def test_what_sqlite_or_the_system_says_becomes_one_plain_message(
    tmp_path: Path, error: BaseException, code: str
) -> None:
    plain = storage_error(error, tmp_path / "towndesk.sqlite3")
    assert plain.code == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(plain))


def test_files_we_create_are_the_owners_alone(tmp_path: Path, demo_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("permission bits are POSIX's")
    old_umask = os.umask(0o022)  # a usual umask: without our care, files would be 0644
    try:
        path = tmp_path / "new" / "towndesk.sqlite3"
        db = create_database(path, device_code="AB", wall=frozen)
        modes = {
            p.name: stat.S_IMODE(p.stat().st_mode) for p in path.parent.iterdir() if p.is_file()
        }
        db.close()
        assert set(modes) >= {"towndesk.sqlite3", "towndesk.sqlite3-wal", "towndesk.sqlite3-shm"}
        assert set(modes.values()) == {0o600}, modes
        backup = tmp_path / "copy.sqlite3"
        db = open_database(demo_path)
        database.backup(db, backup)
        db.close()
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    finally:
        os.umask(old_umask)
