"""Verify and import sync files: the two entry points the window and the CLI use.

Both decrypt into a sealed spool in a private folder beside the database
(``.towndesk-work``, mode 0700; app/sync/spool.py). An import holds a file lock beside
the database from before its checks until its transaction has committed, so two imports
never check against the same state and both write: a second import of the same file is
told so at once, one of another file waits up to ``IMPORT_WAIT_S``. When SQLite's write
lock is held elsewhere (another window writing), the transaction is tried
``BUSY_ATTEMPTS`` times (each waits SQLite's busy timeout) before a plain refusal.
"""

from __future__ import annotations

import gc
import hashlib
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout
from sqlite_utils import Database

from app.core.clock import Wall
from app.core.errors import DomainError
from app.core.model import User
from app.store import sqlite_driver
from app.store.blobs import BlobStore
from app.store.database import lock_waited_at_most, write_transaction
from app.sync.applying import ImportSummary, apply
from app.sync.archive import WORK_FOLDER, Opened, open_archive
from app.sync.beside import Beside
from app.sync.checked import Checked
from app.sync.importer import check
from app.sync.keys import DeviceKeys
from app.sync.refusals import note_refusal
from app.sync.spool import private_dir

IMPORT_WAIT_S = 30.0  # an import of another file: wait this long for it to finish
POLL_S = 0.1
BUSY_ATTEMPTS = 3  # times SQLite's busy timeout (10 s): 30 s in all
TAKE_BACK_WAIT_MS = 1_000


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a sync file is read and applied.
    Its events, payloads and case rows are hundreds of thousands of new containers,
    almost none in a cycle, and each collection walks every one of them again: a quarter
    of the time spent on the events of a large file. Resumed as it was, also on failure;
    what cycles were made meanwhile are collected at the next collection."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def verify_file(db: Database, store: BlobStore, keys: DeviceKeys, source: Path) -> Checked:
    """Everything ``import_file`` checks, and what it would change; writes nothing."""
    with (
        collector_paused(),
        open_archive(source, keys.identities(), work=work_folder(db)) as opened,
    ):
        return check(db, store, opened)


def import_file(
    db: Database,
    store: BlobStore,
    keys: DeviceKeys,
    actor: User | None,
    source: Path,
    *,
    wall: Wall,
) -> ImportSummary:
    # resumed once the file's events are let go with the frame that read them: the first
    # collection then walks what is left, not every event and case row (0.2 s at 100,000)
    with collector_paused():
        return _import_file(db, store, keys, actor, source, wall)


def _import_file(
    db: Database, store: BlobStore, keys: DeviceKeys, actor: User | None, source: Path, wall: Wall
) -> ImportSummary:
    store.sweep_leftovers(wall() / 1000)  # from an import killed earlier
    with (
        open_archive(source, keys.identities(), work=work_folder(db)) as opened,
        importing(db, opened),
        Beside() as beside,  # a large file's evidence and cases done on the other core
    ):
        try:
            checked = check(db, store, opened, beside=beside)
        except BaseException as error:
            beside.stop()
            _take_back(db, store, beside.evidence.fresh)  # what the child stored meanwhile
            if isinstance(error, DomainError):
                note_refusal(db, opened, error, source, wall=wall)  # the laptop will be told
            raise
        return _apply_when_free(db, store, opened, checked, actor, source, wall, beside)


def database_path(db: Database) -> Path | None:
    """The main database file, or None for an in-memory database."""
    for _, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file)
    return None


def work_folder(db: Database) -> Path | None:
    path = database_path(db)
    return path.parent / WORK_FOLDER if path else None


@contextmanager
def importing(db: Database, opened: Opened) -> Iterator[None]:
    """The import lock of this database, and a note of which file holds it (the SHA-256 of
    its manifest, the same for every copy of one file). The operating system releases the
    lock of a killed process; its stale note is then overwritten."""
    folder = work_folder(db)
    if folder is None:
        yield
        return
    private_dir(folder)
    lock = FileLock(folder / "import.lock", mode=0o600)
    note = folder / "importing"
    mine = hashlib.sha256(opened.manifest_bytes).hexdigest()
    deadline = time.monotonic() + IMPORT_WAIT_S
    while True:
        try:
            lock.acquire(timeout=0)
            break
        except Timeout:
            if _read_note(note) == mine:
                raise DomainError("sync_import_in_progress") from None
            if time.monotonic() >= deadline:
                raise DomainError("sync_import_busy", seconds=round(IMPORT_WAIT_S)) from None
            time.sleep(POLL_S)
    try:
        note.write_text(mine, encoding="ascii")
        yield
    finally:
        note.unlink(missing_ok=True)
        lock.release()


def _read_note(note: Path) -> str:
    try:
        return note.read_text(encoding="ascii", errors="replace")[:64]
    except OSError:
        return ""


def _apply_when_free(
    db: Database,
    store: BlobStore,
    opened: Opened,
    checked: Checked,
    actor: User | None,
    source: Path,
    wall: Wall,
    beside: Beside,
) -> ImportSummary:
    """``apply``, tried again while another connection holds SQLite's write lock (each try
    rolls back whole). A refusal takes back the evidence files this import wrote that
    nothing here refers to, so a refused file leaves nothing behind."""
    fresh = [sha256 for sha256 in checked.new_blobs if not store.has(sha256)]
    fresh += beside.evidence.fresh  # stored by the import's child during the check
    started = time.monotonic()
    try:
        for attempt in range(1, BUSY_ATTEMPTS + 1):
            try:
                return apply(db, store, opened, checked, actor, source, wall=wall, beside=beside)
            except sqlite_driver.OperationalError as error:
                if not _busy(error):
                    raise
                if attempt == BUSY_ATTEMPTS:
                    seconds = round(time.monotonic() - started)
                    raise DomainError("sync_database_busy", seconds=seconds) from None
        raise AssertionError("unreachable")
    except FOLD_FAILURES as error:
        # signed by an enrolled device, yet values the fold cannot store (a number beyond
        # SQLite's integers, a list where text belongs): refused whole, rolled back
        _take_back(db, store, fresh)
        reason = f"{type(error).__name__}: {error}"[:200]
        raise DomainError("sync_damaged", reason=reason) from None
    except BaseException:
        _take_back(db, store, fresh)
        raise


FOLD_FAILURES = (
    OverflowError,
    RecursionError,
    IndexError,
    AttributeError,
    sqlite_driver.ProgrammingError,
    sqlite_driver.InterfaceError,
)


def _take_back(db: Database, store: BlobStore, fresh: list[str]) -> None:
    """Holding the write lock, so that a photo of the same content copied in by another
    writer meanwhile is either recorded already (and kept) or copied in again inside its
    own transaction (``evidence.record_stored``). The lock is waited for TAKE_BACK_WAIT_MS
    at most: the refusal is told the clerk without another 10 s of waiting."""
    if not fresh:
        return
    try:
        with lock_waited_at_most(db, TAKE_BACK_WAIT_MS), write_transaction(db):
            for sha256 in fresh:
                if not db.execute("SELECT 1 FROM blobs WHERE sha256 = ?", [sha256]).fetchone():
                    store.path(sha256).unlink(missing_ok=True)
    except (sqlite_driver.Error, DomainError, OSError, RuntimeError):
        # no lock to be had (busy, read-only, full; a transaction still open), or a file
        # that would not go: left to the sweep of unnamed files, the refusal told as it is
        pass


def _busy(error: sqlite_driver.OperationalError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code in (sqlite_driver.SQLITE_BUSY, sqlite_driver.SQLITE_LOCKED) or "locked" in str(
        error
    )
