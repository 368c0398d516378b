"""Open a TownDesk database: settings, numbered migrations, backup before upgrading."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager
from pathlib import Path
from weakref import WeakKeyDictionary

from sqlite_utils import Database

from app.core.errors import DomainError
from app.paths import migrations_dir
from app.store import sqlite_driver
from app.store.db_file import APPLICATION_ID, storage_error
from app.store.encryption import (
    DatabaseFile,
    create_private_file,
    database_file,
    is_encrypted,
    key_statement,
    make_private_folder,
    needs_key,
    opened_here,
)

_MIGRATION_NAME = re.compile(r"(\d{4})_[a-z0-9_]+\.sql")
BUSY_TIMEOUT_MS = 10_000
# What a write may meet that is the disk's or the file's fault, not the program's; a lock
# wait ("database is locked") stays an OperationalError for those who retry it.
_PLAIN_FAILURES = frozenset({"disk_full", "database_damaged", "database_read_only"})


def migrations() -> list[tuple[int, Path]]:
    found = []
    for path in sorted(migrations_dir().glob("*.sql")):
        match = _MIGRATION_NAME.fullmatch(path.name)
        if match:
            found.append((int(match.group(1)), path))
    return found


def latest_version() -> int:
    return migrations()[-1][0]


# Each connection's page cache (SQLite's default is 2 MiB). A search asks the full-text
# index about one case after another, each time reading the same upper pages of its
# terms' lists: at a million cases, 1,000 such probes took 14 ms of processor time with
# 2 MiB and 8 with 16 (a phrase: 29 -> 17), and reading every hit of 占, 32 -> 21; 64 MiB
# gained nothing more. A page is held only once read, so a small database stays small.
PAGE_CACHE_KIB = 16 * 1024


def connect(target: Path | str | DatabaseFile) -> Database:
    """A connection with the settings every TownDesk connection uses; an encrypted
    database is keyed first (a path alone opens a plain database). A database file that
    does not exist yet is created readable by its owner only."""
    file = database_file(target)
    path = file.path
    if not file.encrypted and needs_key(path):
        raise DomainError("database_locked", value=str(path))
    try:
        if str(path) != ":memory:" and not path.exists():
            create_private_file(path)
        conn = sqlite_driver.connect(
            str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )
        if file.key is not None:
            conn.execute(key_statement(file.key))
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")  # a wrong key fails here
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
        db = Database(conn, execute_plugins=False)
        if file.key is not None:
            _keys[db] = file.key
        if db.journal_mode != "wal" and str(path) != ":memory:":
            db.enable_wal()
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite_driver.DatabaseError as error:
        raise _unreadable(file, error) from error
    if str(path) != ":memory:":
        opened_here(path, file.key is not None, db)  # from now on never opened from Python
    return db


# The key each open encrypted database was opened with, for what must open the same file
# on a connection of its own (verify's replay reads the log through ATTACH).
_keys: WeakKeyDictionary[Database, bytes] = WeakKeyDictionary()


def key_of(db: Database) -> bytes | None:
    """The key ``db`` was opened with; None for a plain database."""
    return _keys.get(db)


def peek_schema_version(target: Path | DatabaseFile) -> int:
    """The schema version of a file, read without changing a byte of it."""
    file = database_file(target)
    if not file.encrypted and needs_key(file.path):
        raise DomainError("database_locked", value=str(file.path))
    try:
        uri = file.path.resolve().as_uri() + "?mode=ro"
        with closing(sqlite_driver.connect(uri, uri=True)) as conn:
            if file.key is not None:
                conn.execute(key_statement(file.key))
            return conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite_driver.DatabaseError as error:
        raise _unreadable(file, error) from error


def _unreadable(file: DatabaseFile, error: Exception) -> DomainError:
    """A wrong key, a lost key file, or simply not a database: say which it may be."""
    if "not a database" in str(error):
        if file.encrypted:
            return DomainError("database_key_wrong", value=str(file.path))
        if is_encrypted(file.path):  # not plain SQLite, and no key file beside it
            return DomainError("database_unreadable_or_key_lost", value=str(file.path))
    return storage_error(error, file.path)


def schema_version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(
    db: Database,
    path: Path | None,
    key: bytes | None = None,
    fills: Mapping[int, Callable[[Database], object]] | None = None,
) -> list[int]:
    """Apply missing migrations in order, all in one transaction; back up first (encrypted
    with the database's own ``key`` when it has one). ``fills``: what fills a version's new
    projections from the log (SQL cannot fold a case), each run once after the migrations.

    Returns the versions applied. A database newer than this program is refused.
    """
    current = schema_version(db)
    newest = latest_version()
    if current > newest:
        raise DomainError("database_newer", value=str(path), found=current, limit=newest)
    pending = [(version, sql) for version, sql in migrations() if version > current]
    if pending and current > 0 and path is not None:
        backup(db, path.with_name(f"{path.stem}.before-v{pending[0][0]}{path.suffix}"), key)
    failing = current  # the version named if SQLite refuses
    try:
        # All pending migrations in one transaction, then their fills: a fill works cases
        # out with this program, which writes the newest schema's tables, so it runs once
        # every migration is in; and an upgrade is all or nothing.
        with write_transaction(db):
            for version, sql_file in pending:
                failing = version
                for statement in split_statements(sql_file.read_text(encoding="utf-8")):
                    db.conn.execute(statement)
            done: list[Callable[[Database], object]] = []
            for version, _ in pending:
                fill = (fills or {}).get(version)
                if fill is not None and fill not in done:
                    fill(db)
                    done.append(fill)
            if pending:
                db.conn.execute(f"PRAGMA user_version = {pending[-1][0]}")
    except DomainError:  # the disk filled up, the file turned out read-only
        raise
    except sqlite_driver.Error as error:
        raise DomainError(
            "migration_failed", value=str(path), found=failing, reason=str(error)
        ) from error
    if path is not None and db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        # ours (created here, or an older TownDesk file known by its tables): say so in the
        # header, so the next opening knows it without looking at tables
        with write_transaction(db):
            db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    return [version for version, _ in pending]


def split_statements(script: str) -> list[str]:
    """Split a migration into statements (``executescript`` would commit on its own)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if not buffer and line.lstrip().startswith("--"):
            continue
        buffer += line
        if sqlite_driver.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


def backup(db: Database, target: Path, key: bytes | None = None) -> None:
    """A consistent copy of the whole database, made with SQLite's online backup, readable
    by the owner only; a copy of an encrypted database is encrypted with the same ``key``
    (an unkeyed copy would be the whole database in plain text). Written under a temporary
    name and renamed when whole; refused before starting when the disk cannot hold it (the
    database is then neither upgraded nor changed)."""
    pages, page_size = (  # int(): a keyed SQLCipher connection answers page_size as text
        int(db.execute(f"PRAGMA {p}").fetchone()[0]) for p in ("page_count", "page_size")
    )
    needed = pages * page_size
    make_private_folder(target.parent)
    free = free_bytes(target.parent)
    if free < needed + (1 << 20):
        raise DomainError(
            "backup_disk_full",
            value=str(target.parent),
            size=needed // 2**20 + 1,
            free=free // 2**20,
        )
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        create_private_file(partial)
        with closing(sqlite_driver.connect(str(partial))) as copy:
            if key is not None:
                copy.execute(key_statement(key))
            db.conn.backup(copy)
        os.replace(partial, target)
    except (sqlite_driver.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        problem = storage_error(error, target)
        if problem.code == "disk_full":
            problem = DomainError(
                "backup_disk_full", value=str(target.parent), size=needed // 2**20 + 1, free=0
            )
        raise problem from error


def free_bytes(folder: Path) -> int:
    return shutil.disk_usage(folder).free


@contextmanager
def lock_waited_at_most(db: Database, ms: int) -> Iterator[None]:
    """SQLite's busy timeout set to ``ms`` for what is inside, then put back as it was."""
    waited = db.execute("PRAGMA busy_timeout").fetchone()[0]
    db.execute(f"PRAGMA busy_timeout = {int(ms)}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(waited)}")


# What a connection remembers of what it read or wrote in a transaction, let go when that
# is rolled back: the reference data a fold needs (projections/cases.py), the (grid, term)
# rows written (grid_terms.py).
FORGOTTEN_ON_ROLLBACK = ("_case_context", "_grid_terms_noted")


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """``BEGIN IMMEDIATE``: take the write lock at the start, so two connections never
    deadlock half-way; everything inside commits together or not at all."""
    if db.conn.in_transaction:
        raise RuntimeError("write_transaction does not nest")
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.conn.execute("COMMIT")
    except BaseException as error:
        if db.conn.in_transaction:  # also when COMMIT itself failed (a full disk)
            db.conn.execute("ROLLBACK")
        for memo in FORGOTTEN_ON_ROLLBACK:  # may hold rolled-back data
            vars(db).pop(memo, None)
        if isinstance(error, sqlite_driver.DatabaseError) and not isinstance(
            error, sqlite_driver.IntegrityError | sqlite_driver.ProgrammingError
        ):
            problem = storage_error(error, _main_file(db))
            if problem.code in _PLAIN_FAILURES:  # a full disk, damage: the plain words
                raise problem from error
        raise


def _main_file(db: Database) -> str:
    try:
        return str(db.execute("PRAGMA database_list").fetchone()[2])
    except sqlite_driver.Error:
        return ""


def integrity_problems(db: Database) -> list[str]:
    """What SQLite's own check finds wrong with the file; empty when it is sound."""
    rows = [row[0] for row in db.execute("PRAGMA integrity_check")]
    return [] if rows == ["ok"] else rows
