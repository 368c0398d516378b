"""Half-written evidence files a killed write left behind are swept: at every opening those
of processes that ended, given the time those older than an hour (the next sync import
sweeps them too: tests/sync/test_leftovers.py); and copies no record names, after a day."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from app.core.intake import IntakeRequest
from app.store.blobs import BlobStore
from app.store.cases import register_case
from app.store.reference import user_by_name
from app.store.setup import open_database
from tests.clock import TEST_NOW_MS
from tests.images import TINY_JPEG
from tests.store.store_helpers import dead_pid

NOW_S = TEST_NOW_MS / 1000  # the sweep runs when the tests' clock stands
DAY_MS = 86_400_000
REQUEST = IntakeRequest("0101", "G01", "青石村村口有流动摊贩占道经营", "青石村村口")


def leftover(folder: Path, name: str, age_s: float) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(b"\xff\xd8 half a photo")
    then = NOW_S - age_s
    os.utime(path, (then, then))
    return path


def test_only_old_leftovers_are_swept_and_stored_files_stay(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    assert store.sweep_leftovers(NOW_S) == 0  # no folder yet: nothing to do
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(TINY_JPEG + b"evidence" * 16)
    kept = store.put_photo(photo)
    old = leftover(store.folder, ".incoming-abc123", age_s=2 * 3600)
    fresh = leftover(store.folder, ".incoming-def456", age_s=5)  # a write in progress
    assert store.sweep_leftovers(NOW_S) == 1
    assert not old.exists() and fresh.exists()
    assert store.has(kept.sha256)


@pytest.mark.skipif(os.name != "posix", reason="a process's end is checked on POSIX only")
def test_opening_the_database_sweeps_copies_of_killed_processes(demo_path: Path) -> None:
    store = BlobStore.beside(demo_path)
    killed = leftover(store.folder, f".incoming-{dead_pid()}-k3x9", age_s=5)
    running = leftover(store.folder, f".incoming-{os.getpid()}-a1b2", age_s=5)  # in progress
    open_database(demo_path).close()  # the command line: no clock, so no ages
    assert not killed.exists()
    assert running.exists()


def test_opening_with_the_time_sweeps_old_orphans_and_keeps_recorded_files(
    demo_path: Path, tmp_path: Path
) -> None:
    db = open_database(demo_path)
    clerk = user_by_name(db, "clerk")
    store = BlobStore.beside(demo_path)
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(TINY_JPEG + b"recorded")
    case = register_case(db, store, clerk, REQUEST, [photo], wall=lambda: TEST_NOW_MS - 3 * DAY_MS)
    db.close()
    recorded = store.path(hashlib.sha256(photo.read_bytes()).hexdigest())
    old_orphan = orphan(store, b"refused after copying", age_s=2 * DAY_MS / 1000)
    new_orphan = orphan(store, b"a registration in progress", age_s=60)
    os.utime(recorded, (NOW_S - 3 * DAY_MS / 1000,) * 2)  # as old as the orphan: kept
    stale = leftover(store.folder, ".incoming-old", age_s=2 * 3600)
    open_database(demo_path, wall=lambda: TEST_NOW_MS).close()  # as the window opens it
    assert recorded.exists() and case.number
    assert not old_orphan.exists() and not stale.exists()
    assert new_orphan.exists()


def orphan(store: BlobStore, data: bytes, age_s: float) -> Path:
    path = store.path(hashlib.sha256(data).hexdigest())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    os.utime(path, (NOW_S - age_s,) * 2)
    return path


def test_evidence_files_and_folders_are_the_owners_alone(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("permission bits are POSIX's")
    old_umask = os.umask(0o022)
    try:
        store = BlobStore(tmp_path / "blobs")
        photo = tmp_path / "现场.jpg"
        photo.write_bytes(TINY_JPEG)
        stored = store.put_photo(photo)
        path = store.path(stored.sha256)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700
    finally:
        os.umask(old_umask)


def test_a_file_copied_in_again_is_young_again_to_the_sweep(tmp_path: Path) -> None:
    """An old unnamed copy a clerk attaches again is about to be recorded: the sweep of
    another program opening the database meanwhile keeps it."""
    store = BlobStore(tmp_path / "blobs")
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(TINY_JPEG + b"attached again")
    stored = store.put_photo(photo)
    long_ago = 1_000_000_000.0  # 2001
    os.utime(store.path(stored.sha256), (long_ago, long_ago))
    assert store.put_photo(photo) == stored
    assert store.sweep_orphans(set(), now_s=long_ago + 2 * DAY_MS / 1000) == 0
    assert store.has(stored.sha256)
    os.utime(store.path(stored.sha256), (long_ago, long_ago))  # left unrecorded: swept
    assert store.sweep_orphans(set(), now_s=long_ago + 2 * DAY_MS / 1000) == 1


def test_a_file_a_sync_import_finds_already_here_is_young_again_too(tmp_path: Path) -> None:
    """An old unnamed copy that a sync file brings again is skipped, not written again
    (``put_bytes``, ``put_all``), and is about to be recorded: the sweep keeps it."""
    store = BlobStore(tmp_path / "blobs")
    data = b"a photo refused days ago"
    sha256 = hashlib.sha256(data).hexdigest()
    store.put_bytes(sha256, data)
    long_ago = 1_000_000_000.0  # 2001
    for put in (
        lambda: store.put_bytes(sha256, data),
        lambda: store.put_all([sha256], lambda _name: data),
    ):
        os.utime(store.path(sha256), (long_ago, long_ago))
        put()
        assert store.sweep_orphans(set(), now_s=long_ago + 2 * DAY_MS / 1000) == 0
        assert store.has(sha256)


def test_old_orphans_are_swept_only_holding_the_write_lock(demo_path: Path) -> None:
    """The sweep at opening holds the write lock, so no copy is recorded meanwhile; while
    another program writes, it waits for the next opening."""
    from app.store import sqlite_driver
    from app.store.evidence_sweep import sweep_evidence

    store = BlobStore.beside(demo_path)
    old_orphan = orphan(store, b"refused after copying", age_s=2 * DAY_MS / 1000)
    db = open_database(demo_path)  # the command line: no clock, so no ages
    writer = sqlite_driver.connect(str(demo_path), isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # another window, recording
        sweep_evidence(db, store, lambda: TEST_NOW_MS)
        assert old_orphan.exists()
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000  # as it was
        writer.execute("ROLLBACK")
        sweep_evidence(db, store, lambda: TEST_NOW_MS)
        assert not old_orphan.exists()
    finally:
        writer.close()
        db.close()
