"""The move of an existing plain database to an encrypted one (SQLCipher).

1. Take the database for ourselves: switching it out of WAL fails while any other
   connection has it open (an open window), so nothing is changed and the user is told to
   close it; exclusive locking mode then keeps every writer out until we are done.
2. Back up first: a consistent copy (SQLite's online backup), owner-only.
3. ``sqlcipher_export`` the backup into ``<db>.encrypting`` under the key (an ATTACH cannot
   run inside the live database's transaction, and the backup cannot change under us).
4. Verify the encrypted copy: integrity check, schema version, every table's row count and
   the event log's hashes, against the backup.
5. Delete the plaintext backup, then put the encrypted copy in place with one atomic
   rename. At every moment either the untouched plain original or the verified encrypted
   copy is the database, and no plaintext copy is ever left beside an encrypted database.

A kill at any moment loses nothing: before the rename the original is in place (the next
run removes the half-made files and starts again); after it the move is done. The
migration backups beside the database (``*.before-vN.*``) are plaintext copies too: they
are encrypted the same way, each replaced by its verified encrypted copy.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import DomainError
from app.store import sqlite_driver
from app.store.database import backup, connect, integrity_problems
from app.store.encryption import DatabaseFile, is_encrypted, make_private

_SIDE_FILES = ("", "-wal", "-shm", "-journal")


@dataclass(frozen=True)
class EncryptionDone:
    database: Path
    backups_encrypted: list[Path]
    plaintext_removed: list[Path]  # the move's own backup (and any a killed run left)
    evidence_encrypted: int = 0  # evidence files encrypted now (BlobStore.encrypt_plain)
    evidence_left_plain: tuple[str, ...] = ()  # damaged or unreadable: left as they were


def backup_path(database: Path) -> Path:
    return database.with_name(f"{database.stem}.before-encryption{database.suffix}")


def work_path(database: Path) -> Path:
    return database.with_name(database.name + ".encrypting")


def remove_with_side_files(path: Path) -> bool:
    removed = False
    for side in _SIDE_FILES:
        target = path.with_name(path.name + side)
        if target.exists():
            target.unlink()
            removed = True
    return removed


def sweep_half_done(database: Path) -> list[Path]:
    """What a killed move left: its encrypted work file and its plaintext backup."""
    removed = []
    for leftover in (work_path(database), backup_path(database)):
        if remove_with_side_files(leftover):
            removed.append(leftover)
    return removed


def encrypt_database(database: Path, key: bytes) -> EncryptionDone:
    """Move the plain TownDesk database at ``database`` to one encrypted with ``key``."""
    removed = sweep_half_done(database)
    if is_encrypted(database):
        # A run killed after its rename: done already; only its leftovers were swept.
        return EncryptionDone(database, [], removed)
    live = connect(database)
    try:
        _take_exclusively(live, database)
        copy = backup_path(database)
        backup(live, copy)
        work = work_path(database)
        _export(copy, work, key)
        _verify(copy, DatabaseFile(work, key))
        remove_with_side_files(copy)
        removed.append(copy)
        _replace(work, database)
    finally:
        live.close()
    encrypted_backups = [
        old
        for old in sorted(database.parent.glob(f"{database.stem}.before-v*{database.suffix}"))
        if not is_encrypted(old) and _encrypt_backup(old, key)
    ]
    return EncryptionDone(database, encrypted_backups, removed)


def _take_exclusively(live: object, database: Path) -> None:
    conn = live.conn  # type: ignore[attr-defined]
    try:
        conn.execute("PRAGMA busy_timeout = 0")  # an open window: say so now, do not wait
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if mode != "delete":
            raise DomainError("encryption_busy", value=str(database))
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # holds the lock
    except sqlite_driver.OperationalError as error:
        raise DomainError("encryption_busy", value=str(database)) from error


def _export(source: Path, work: Path, key: bytes) -> None:
    remove_with_side_files(work)
    os.close(os.open(work, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    conn = sqlite_driver.connect(str(source))
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("ATTACH DATABASE ? AS encrypted KEY ?", [str(work), f"x'{key.hex()}'"])
        conn.execute("SELECT sqlcipher_export('encrypted')").fetchall()
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")  # not exported
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    make_private(work)


def _fingerprint(conn: object) -> dict[str, object]:
    """The schema version, every table's row count and the event log's hashes, in order."""
    execute = conn.execute  # type: ignore[attr-defined]
    tables = [
        row[0]
        for row in execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    found: dict[str, object] = {"user_version": execute("PRAGMA user_version").fetchone()[0]}
    for table in sorted(tables):
        found[table] = execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    if "events" in tables:
        digest = hashlib.sha256()
        for (event_hash,) in execute("SELECT hash FROM events ORDER BY rowid"):
            digest.update(str(event_hash).encode())
        found["events.hash"] = digest.hexdigest()
    return found


def _verify(source: Path, copy: DatabaseFile) -> None:
    plain = sqlite_driver.connect(str(source))
    try:
        expected = _fingerprint(plain)
    finally:
        plain.close()
    encrypted = connect(copy)
    try:
        problems = integrity_problems(encrypted)
        found = _fingerprint(encrypted.conn)
    finally:
        encrypted.close()
    if problems or found != expected:
        remove_with_side_files(copy.path)
        differing = [name for name in expected if expected[name] != found.get(name)]
        reason = "; ".join(problems[:3] + differing[:5]) or "?"
        raise DomainError("encryption_check_failed", reason=reason)


def _replace(work: Path, database: Path) -> None:
    with work.open("rb") as file:
        os.fsync(file.fileno())
    os.replace(work, database)
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (not on Windows)
        folder = os.open(database.parent, os.O_DIRECTORY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _encrypt_backup(old: Path, key: bytes) -> bool:
    """A migration backup, replaced by its verified encrypted copy (it is a backup: no
    second backup of it is made)."""
    work = work_path(old)
    _export(old, work, key)
    _verify(old, DatabaseFile(work, key))
    _replace(work, old)
    return True
