"""Databases encrypted at rest with SQLCipher: what opens one, and private files.

A ``DatabaseFile`` is a database's path and, when the file is encrypted, its key: it is
handed wherever a path used to be (connections on the window's thread and on the worker,
the command line, screenshots), so no global ever holds the key. The key is 32 random
bytes kept in the device's sealed key file (``sync/keys.py``), never derived here: SQLCipher
gets it as a raw key (``x'…'``), so opening a connection costs no key stretching — the
device password was stretched once, with argon2id, to open the key file.

Files the program makes (the database and, through SQLite, its ``-wal`` and ``-shm``,
backups, the key file) are created readable by their owner only.
"""

from __future__ import annotations

import os
import secrets
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KEY_BYTES = 32
_PLAIN_HEADER = b"SQLite format 3\x00"
_SMALLEST_PAGE = 512  # SQLite's page sizes are powers of two from 512
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


@dataclass(frozen=True)
class DatabaseFile:
    """Where a database is and the key that opens it (None: a plain database)."""

    path: Path
    key: bytes | None = field(default=None, repr=False)  # never in logs or tracebacks

    @property
    def encrypted(self) -> bool:
        return self.key is not None


def database_file(target: Path | str | DatabaseFile) -> DatabaseFile:
    """A path given where a ``DatabaseFile`` may be: a plain database."""
    return target if isinstance(target, DatabaseFile) else DatabaseFile(Path(target))


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


# The database files this process has open through SQLite (by device and inode), whether
# encrypted, and the connections (sqlite_utils Databases) that have them open. A file
# SQLite has open here is never opened from Python: on POSIX, closing any handle a process
# has to a file drops every lock the process holds on it (fcntl), SQLite's included, and
# another program closing its connection then takes itself for the last one and deletes
# the -wal under ours: what this process commits after that is lost.
_open_here: dict[tuple[int, int], tuple[bool, weakref.WeakSet[Any]]] = {}


def opened_here(path: Path, encrypted: bool, db: Any) -> None:
    """``db``, a connection just opened on ``path`` (``store/database.connect``)."""
    stat = os.stat(path)
    key = (stat.st_dev, stat.st_ino)
    known = _open_here.get(key)
    if known is None or known[0] != encrypted:
        known = _open_here[key] = (encrypted, weakref.WeakSet())
    known[1].add(db)


def _known_here(path: Path) -> bool | None:
    """Whether ``path`` is encrypted, if a connection of this process has it open."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    key = (stat.st_dev, stat.st_ino)
    known = _open_here.get(key)
    if known is None:
        return None
    if any(_still_open(db) for db in list(known[1])):
        return known[0]
    del _open_here[key]
    return None


def _still_open(db: Any) -> bool:
    """Whether ``db`` is open, asked of the driver alone: a cursor is refused once it is
    closed. Not ``total_changes``: SQLite takes the connection's lock for it, so asked
    while another thread runs a statement there, it waited (holding Python's lock) for the
    statement to end: a search's second half, opening its connection, waited for the
    first (25 ms for 占 at a million cases, not 13), and a statement calling back into
    Python meanwhile could never have ended."""
    try:
        db.conn.cursor()
    except Exception:  # (the driver's ProgrammingError: this module cannot import it)
        return False
    return True


def is_encrypted(path: Path) -> bool:
    """True for a file that looks like an encrypted database: whole pages (SQLCipher writes
    nothing else), not starting as every plain SQLite file does (an encrypted database's
    first page is random bytes: its salt, then ciphertext). Anything else that is not plain
    SQLite (a text file, a cut-off copy) is just not a database, and is said to be so. A
    file a connection of this process has open is not read: how it was opened tells."""
    known = _known_here(path)
    if known is not None:
        return known
    try:
        with path.open("rb") as file:
            header = file.read(len(_PLAIN_HEADER))
            size = os.fstat(file.fileno()).st_size
    except (FileNotFoundError, IsADirectoryError):
        return False
    return size > 0 and size % _SMALLEST_PAGE == 0 and header != _PLAIN_HEADER


def key_file_beside(database: Path) -> Path:
    """Where a device keeps its sealed keys, the database key among them (sync/keys.py)."""
    return database.with_name(database.name + ".keys")


def needs_key(path: Path) -> bool:
    """An encrypted database of ours: not a plain SQLite file, with a key file beside it.
    Any other file that is not plain SQLite is simply not a database we can read."""
    return is_encrypted(path) and key_file_beside(path).is_file()


def key_statement(key: bytes) -> str:
    """``PRAGMA key`` with a raw 256-bit key (hex), the first statement of a connection."""
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def create_private_file(path: Path) -> None:
    """Create an empty file only its owner may read, before SQLite opens it: SQLite gives
    the ``-wal``, ``-shm`` and journal files the database file's permissions."""
    make_private_folder(path.parent)
    handle = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
    os.close(handle)


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents) as owner-only; an existing folder the user
    chose (``--db /tmp/x``) is left as it is."""
    if folder.is_dir():
        return
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    os.chmod(folder, PRIVATE_FOLDER)  # mkdir's mode is filtered by the umask


def make_private(path: Path) -> None:
    """Restrict an existing file of ours to its owner (a backup, a moved database)."""
    if path.exists():
        os.chmod(path, PRIVATE_FILE)


def self_test() -> list[str]:
    """Encrypt a scratch database and read it back: proves SQLCipher is bundled and works
    (and that without the key the file says nothing)."""
    import tempfile

    from app.store import sqlite_driver

    key = new_key()
    try:
        with tempfile.TemporaryDirectory(prefix="towndesk-cipher-") as folder:
            path = Path(folder) / "check.sqlite3"
            conn = sqlite_driver.connect(str(path))
            conn.execute(key_statement(key))
            conn.execute("CREATE TABLE t (x TEXT)")
            conn.execute("INSERT INTO t VALUES ('青石镇')")
            conn.commit()
            conn.close()
            if not is_encrypted(path) or "青石镇".encode() in path.read_bytes():
                return ["数据库加密组件没有加密（SQLCipher 不可用）"]
            conn = sqlite_driver.connect(str(path))
            conn.execute(key_statement(key))
            found = conn.execute("SELECT x FROM t").fetchone()[0]
            conn.close()
            if found != "青石镇":
                return ["数据库加密组件读回的内容不对"]
    except Exception as error:  # any failure here is the answer
        return [f"数据库加密组件不可用：{error}"]
    return []
