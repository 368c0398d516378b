"""Is this file a TownDesk database we may open for writing? Checked before SQLite writes a
byte: no WAL switch, no backup, no ``-shm`` beside a file that is not ours. And every
failure of a database file or its disk, turned into one plain message (``storage_error``).

A TownDesk database carries ``PRAGMA application_id = APPLICATION_ID`` (stamped when it is
created or first opened by this version); older ones (schema 1-6) have 0 and are known by
their tables."""

from __future__ import annotations

import errno
import os
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import DomainError, Words
from app.store import sqlite_driver
from app.store.encryption import key_statement

APPLICATION_ID = 0x54574E44  # "TWND", in the file's header at offset 68
# Tables every TownDesk schema since 0001 has; another program's file has not all of them.
TOWNDESK_TABLES = frozenset({"device", "settings", "events", "blobs", "township", "cases"})
_LOOKS = 3
_WAL_HEADER = 32  # bytes; a -wal no longer than its header holds no pages


@dataclass(frozen=True)
class FileLook:
    """What a database file says about itself, read without changing it."""

    user_version: int
    application_id: int
    tables: frozenset[str]
    devices: tuple[str, ...]  # this device's id (one row), which no other database shares

    @property
    def empty(self) -> bool:
        return self.user_version == 0 and not self.tables

    @property
    def ours(self) -> bool:
        if self.application_id == APPLICATION_ID:
            return True
        return self.application_id == 0 and self.user_version > 0 and self.tables >= TOWNDESK_TABLES


def look(path: Path, key: bytes | None = None, *, through_wal: bool = False) -> FileLook:
    """Read the header and table names. By default ``immutable``: SQLite takes no lock and
    creates no ``-wal``/``-shm`` (another program's file stays byte-identical) and ignores a
    ``-wal``. ``through_wal``: read-only, with the ``-wal`` applied as SQLite would.
    ``key``: an encrypted database's (``store/encryption.py``)."""
    mode = "mode=ro" if through_wal else "immutable=1"
    with closing(sqlite_driver.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)) as conn:
        if key is not None:
            conn.execute(key_statement(key))
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = frozenset(
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        )
        devices: tuple[str, ...] = ()
        if "device" in tables:
            # the table itself, not its index: a -wal may replace one and not the other
            rows = conn.execute("SELECT id FROM device NOT INDEXED")
            devices = tuple(sorted(str(row[0]) for row in rows))
    return FileLook(user_version, application_id, tables, devices)


def check_place(path: Path) -> None:
    """The file is there, a file, readable, and it and its folder writable (SQLite writes
    ``-wal``/``-shm`` and the upgrade's backup beside it)."""
    if path.is_dir():
        raise DomainError("database_is_folder", value=str(path))
    if not path.exists():
        raise DomainError("database_not_initialised", value=str(path))
    if not os.access(path, os.R_OK):
        raise DomainError("database_no_permission", value=str(path))
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)):
        raise DomainError("database_read_only", value=str(path))


def recognise(path: Path, key: bytes | None = None) -> FileLook:
    """The file as it is on disk, or a plain refusal: damaged, empty, or not ours."""
    for attempt in range(_LOOKS):
        try:
            seen = look(path, key)
            break
        except sqlite_driver.DatabaseError as error:
            # immutable reads take no lock: another process's checkpoint may be copying
            # pages into the file at this moment; a damaged file fails every time
            if attempt == _LOOKS - 1:
                if key is not None and "not a database" in str(error):
                    raise DomainError("database_key_wrong", value=str(path)) from error
                raise storage_error(error, path) from error
    if seen.empty:  # an empty file, or SQLite's header alone: nothing to open
        raise DomainError("database_not_initialised", value=str(path))
    if not seen.ours:
        raise DomainError("database_not_ours", value=str(path))
    return seen


def check_wal(path: Path, on_disk: FileLook, key: bytes | None = None) -> None:
    """A ``-wal`` beside the file is applied by SQLite whatever database wrote it, and the
    next checkpoint copies it into ours. Read through it first (read-only: nothing is
    checkpointed): it must still show this database, the same device, no older schema.

    Not detected: a ``-wal`` of a copy of this very database (same device)."""
    wal = path.with_name(path.name + "-wal")
    try:
        if not wal.is_file() or wal.stat().st_size <= _WAL_HEADER:
            return
        seen = look(path, key, through_wal=True)
    except (sqlite_driver.DatabaseError, OSError):
        seen = None
    if (
        seen is None
        or not seen.ours
        or seen.devices != on_disk.devices
        or seen.user_version < on_disk.user_version
    ):
        raise DomainError("database_stray_wal", value=str(path), wal=wal.name)


def backups_beside(path: Path) -> list[Path]:
    """The copies made before each upgrade (``towndesk.before-v6.sqlite3``), newest last."""
    return sorted(path.parent.glob(f"{path.stem}.before-v*{path.suffix}"))


def _backups_words(path: Path) -> Words:
    found = [p.name for p in backups_beside(path)]
    if found:
        names = "、".join(found)
        return Words(
            f"同一文件夹中有升级前的备份：{names}，可请技术人员从备份恢复。",
            f"Backups made before upgrades are in the same folder: {', '.join(found)}.",
        )
    return Words(
        "请从最近的备份恢复，或联系技术人员。",
        "Restore it from your latest backup, or call a technician.",
    )


def _sqlite_code(error: sqlite_driver.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None  # the primary of an extended code


def storage_error(error: BaseException, path: Path | str | None) -> DomainError:
    """The plain message for what SQLite or the system reported about a database file or
    its disk; ``database_unusable`` (with the reason) when it is none of the known ones."""
    where = str(path or "")
    text = str(error)
    if isinstance(error, DomainError):
        return error
    if isinstance(error, sqlite_driver.Error):
        code = _sqlite_code(error)
        if code == sqlite_driver.SQLITE_FULL or "disk is full" in text:
            return DomainError("disk_full")
        if code in (sqlite_driver.SQLITE_CORRUPT, sqlite_driver.SQLITE_NOTADB) or (
            "malformed" in text or "not a database" in text
        ):
            return DomainError("database_damaged", value=where, backups=_backups_words(Path(where)))
        if code == sqlite_driver.SQLITE_READONLY or "readonly" in text:
            return DomainError("database_read_only", value=where)
        if code == sqlite_driver.SQLITE_PERM:
            return DomainError("database_no_permission", value=where)
        if code == sqlite_driver.SQLITE_BUSY or "locked" in text:
            return DomainError("database_busy")
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return DomainError("disk_full")
        if error.errno == errno.EROFS:
            return DomainError("database_read_only", value=error.filename or where)
        if error.errno in (errno.EACCES, errno.EPERM):
            return DomainError("database_no_permission", value=error.filename or where)
        if error.errno == errno.EISDIR:
            return DomainError("database_is_folder", value=error.filename or where)
        text = error.strerror or text
    return DomainError("database_unusable", value=where, reason=text)
