"""Encrypted databases (SQLCipher): opened only with their key, created owner-only, and
their backups encrypted too."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from app.core.errors import DomainError
from app.store import database, sqlite_driver
from app.store.database import backup, connect
from app.store.encryption import DatabaseFile, is_encrypted, key_file_beside, new_key
from app.store.setup import create_database, open_database
from tests.clock import frozen
from tests.store.test_database import fake_migrations


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def encrypted(tmp_path: Path) -> DatabaseFile:
    file = DatabaseFile(tmp_path / "data" / "laptop.sqlite3", new_key())
    db = create_database(file.path, "AB", wall=frozen, key=file.key)
    db.close()
    return file


def test_every_connection_uses_sqlcipher_s_sqlite_with_fts5_trigrams(tmp_path: Path) -> None:
    db = connect(tmp_path / "x.sqlite3")
    assert db.execute("PRAGMA cipher_version").fetchone()[0]  # SQLCipher, keyed or not
    version = tuple(int(n) for n in sqlite_driver.sqlite_version.split("."))
    assert version >= (3, 53)
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
    db.execute("INSERT INTO t VALUES ('路口流动摊贩占道经营')")
    assert db.execute("SELECT count(*) FROM t WHERE t MATCH '占道经'").fetchone()[0] == 1
    db.close()


def test_an_encrypted_database_has_no_plain_header_and_opens_with_its_key(
    encrypted: DatabaseFile,
) -> None:
    assert is_encrypted(encrypted.path)
    assert not encrypted.path.read_bytes().startswith(b"SQLite format 3")
    db = open_database(encrypted)
    assert db.execute("SELECT code FROM device").fetchall() == [("AB",)]
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_without_its_key_it_is_refused_plainly_and_left_unchanged(
    encrypted: DatabaseFile,
) -> None:
    before = digest(encrypted.path)
    with pytest.raises(DomainError) as lost:  # no key file beside it
        open_database(encrypted.path)
    assert lost.value.code == "database_unreadable_or_key_lost"
    assert "密钥文件" in str(lost.value)
    key_file_beside(encrypted.path).write_text("{}")  # its key file (a device's, sealed)
    with pytest.raises(DomainError) as refused:
        open_database(encrypted.path)
    assert refused.value.code == "database_locked"
    assert "设备密码" in str(refused.value)
    with pytest.raises(DomainError) as wrong:
        open_database(DatabaseFile(encrypted.path, new_key()))
    assert wrong.value.code == "database_key_wrong"
    assert "不配套" in str(wrong.value)
    assert digest(encrypted.path) == before
    assert not Path(f"{encrypted.path}-wal").exists()


def test_a_plain_database_is_not_taken_for_an_encrypted_one(tmp_path: Path) -> None:
    path = tmp_path / "plain.sqlite3"
    create_database(path, "CD", wall=frozen).close()
    assert not is_encrypted(path)
    assert not is_encrypted(tmp_path / "missing.sqlite3")
    open_database(path).close()


@pytest.fixture
def usual_umask():
    """The usual umask: files would be readable by everyone without our care."""
    saved = os.umask(0o022)
    yield
    os.umask(saved)


@pytest.mark.usefixtures("usual_umask")
def test_database_wal_shm_and_new_folder_are_owner_only(tmp_path: Path) -> None:
    encrypted = DatabaseFile(tmp_path / "data" / "laptop.sqlite3", new_key())
    create_database(encrypted.path, "AB", wall=frozen, key=encrypted.key).close()
    db = open_database(encrypted)
    db.conn.execute("CREATE TABLE scratch (x)")
    db.conn.commit()
    wal, shm = (Path(f"{encrypted.path}-{side}") for side in ("wal", "shm"))
    assert wal.exists() and shm.exists()
    assert [mode(p) for p in (encrypted.path, wal, shm)] == [0o600] * 3
    assert mode(encrypted.path.parent) == 0o700  # made by us for the database
    db.close()


def test_a_backup_of_an_encrypted_database_is_encrypted_with_its_key(
    encrypted: DatabaseFile, tmp_path: Path
) -> None:
    db = open_database(encrypted)
    target = tmp_path / "copy.sqlite3"
    backup(db, target, encrypted.key)
    db.close()
    assert is_encrypted(target) and mode(target) == 0o600
    copy = open_database(DatabaseFile(target, encrypted.key))
    assert copy.execute("SELECT code FROM device").fetchall() == [("AB",)]
    copy.close()


def test_upgrading_an_encrypted_database_backs_it_up_encrypted(
    encrypted: DatabaseFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = database.latest_version()
    folder = fake_migrations(tmp_path, "CREATE TABLE notes (case_id TEXT, text TEXT);\n")
    monkeypatch.setattr(database, "migrations_dir", lambda: folder)
    db = open_database(encrypted)
    assert "notes" in db.table_names()
    db.close()
    saved = encrypted.path.with_name(f"laptop.before-v{old + 1}.sqlite3")
    assert is_encrypted(saved) and mode(saved) == 0o600
    copy = connect(DatabaseFile(saved, encrypted.key))
    assert copy.execute("PRAGMA user_version").fetchone()[0] == old
    copy.close()


def test_the_self_test_proves_encryption_works() -> None:
    from app.store.encryption import self_test

    assert self_test() == []
