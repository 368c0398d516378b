"""Crash safety: an import killed at any moment leaves the database exactly as it was
before or exactly as a complete import leaves it, never in between; SQLite's integrity
check passes, every evidence file the database records is there and whole, and importing
the same file again completes it.

A child process (forked, so nothing is imported again) opens a fresh copy of the office
and imports a file of 300 events and 40 photos; the parent kills it with SIGKILL after a
random delay: half the time anywhere in a full import (measured first), half the time
within its write transaction or just after. SIGKILL stops the process dead, as a crash
or the task manager does; the operating system's cache survives, so this is not a power
cut (that needs fsync discipline, which these tests cannot see).

Event ids and the clock are pinned during imports (``pinned``), so a complete import
always writes the same bytes: the "after" state is one fixed dump, compared in full.
"""

from __future__ import annotations

import hashlib
import itertools
import multiprocessing
import os
import random
import shutil
import signal
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from app.core import clock
from app.store import eventlog, sqlite_driver
from app.store.blobs import BlobStore
from app.store.demo.township import build_demo
from app.store.eventlog import EventWriter
from app.store.setup import open_database
from app.sync import applying
from app.sync.files import import_file
from app.sync.keys import DeviceKeys
from tests.clock import frozen
from tests.store.store_helpers import DEMO_NOW_MS, full_dump
from tests.sync.conftest import enrol_laptop, jpeg
from tests.sync.forge import new_office

OFFICE_CASES = 60  # a small office keeps each inspection quick
CASES_WITH_PHOTOS = 40
CASES_WITHOUT = 260
ROUNDS = 4  # parametrized tests ...
KILLS_PER_ROUND = 50  # ... of this many kills each: 200 in all
PINNED_NOW_MS = 1_796_000_000_000
DB_NAME = "towndesk.sqlite3"
FORK = multiprocessing.get_context("fork") if hasattr(os, "fork") else None

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(FORK is None, reason="needs fork and SIGKILL (POSIX)"),
]


class _PinnedDatetime(datetime):
    @classmethod
    def now(cls, tz: Any = None) -> _PinnedDatetime:  # type: ignore[override]
        return cls.fromtimestamp(PINNED_NOW_MS / 1000, tz)


@contextmanager
def pinned() -> Iterator[None]:
    """Event ids and wall-clock time fixed for one import, so it always writes the same."""
    ids = (f"01940000-0000-7000-8000-{n:012x}" for n in itertools.count(1))
    saved = (clock.datetime, eventlog.new_id)
    clock.datetime = _PinnedDatetime  # type: ignore[misc]
    eventlog.new_id = lambda: next(ids)
    try:
        yield
    finally:
        clock.datetime, eventlog.new_id = saved  # type: ignore[misc]


def copy_state(source: Path, target: Path) -> Path:
    """The office folder (database, its -wal/-shm if any, key file, evidence) copied."""
    shutil.copytree(source, target)
    return target / DB_NAME


def do_import(path: Path, keys: DeviceKeys, sync_file: Path) -> dict[str, Any]:
    db = open_database(path)
    try:
        with pinned():
            return import_file(
                db, BlobStore.beside(path), keys, None, sync_file, wall=frozen
            ).preview
    finally:
        db.close()


def dump(path: Path) -> dict[str, Any]:
    db = open_database(path)
    try:
        return full_dump(db)
    finally:
        db.close()


def blob_names(path: Path) -> set[str]:
    folder = path.parent / "blobs"
    return {p.name for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


@dataclass(frozen=True)
class World:
    before: Path  # the office folder before the import
    sync_file: Path
    keys: DeviceKeys
    before_dump: dict[str, Any]
    after_dump: dict[str, Any]
    import_seconds: float  # a full import in a child, from start to return
    transaction_seconds: float  # of which its one write transaction (after the evidence)


def _child(path: Path, keys: DeviceKeys, sync_file: Path, pipe: Connection) -> None:
    """Import, telling the parent when it starts, when its write transaction begins (the
    evidence files are stored by then) and, at the end, how long both took."""
    db = open_database(path)
    store = BlobStore.beside(path)
    began = 0.0
    real_writing = applying.writing

    @contextmanager
    def announced(db: Database, *args: Any, **kwargs: Any) -> Iterator[EventWriter]:
        nonlocal began
        began = time.perf_counter()
        pipe.send("transaction")
        with real_writing(db, *args, **kwargs) as writer:
            yield writer

    applying.writing = announced  # type: ignore[assignment]  # in the child only
    with pinned():
        start = time.perf_counter()
        pipe.send("ready")
        import_file(db, store, keys, None, sync_file, wall=frozen)
        end = time.perf_counter()
        pipe.send((end - start, end - began))
    db.close()


@dataclass(frozen=True)
class Kill:
    delay: float  # seconds ...
    after: str  # ... after the child says "ready" (import starts) or "transaction"


def run_child(
    path: Path, keys: DeviceKeys, sync_file: Path, kill: Kill | None
) -> tuple[int, tuple[float, float] | None]:
    """Import in a child and kill it as ``kill`` says (None: let it finish). Returns its
    exit code and, if it finished, how long the import and its transaction took."""
    assert FORK is not None
    receiver, sender = FORK.Pipe(duplex=False)
    child = FORK.Process(target=_child, args=(path, keys, sync_file, sender), daemon=True)
    child.start()
    sender.close()
    try:
        assert receiver.poll(30) and receiver.recv() == "ready", "the child did not start"
        if kill is not None:
            if kill.after == "transaction":
                assert receiver.poll(30) and receiver.recv() == "transaction"
            time.sleep(kill.delay)
            with suppress(ProcessLookupError):  # it may have finished already
                os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
        child.join(30)
        said: list[object] = []
        with suppress(EOFError):  # until it was killed
            while receiver.poll(0):
                said.append(receiver.recv())
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
            child.join()
    assert child.exitcode is not None
    took = said[-1] if said and isinstance(said[-1], tuple) else None
    return child.exitcode, took


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    root = tmp_path_factory.mktemp("crash")
    (root / "office").mkdir()
    # without the demo's photos: the laptop would report receiving them, one event more
    office_path = root / "office" / DB_NAME
    build_demo(office_path, cases=OFFICE_CASES, seed=3, now_ms=DEMO_NOW_MS, photos=False)
    office = new_office(root / "office" / DB_NAME)
    laptop = enrol_laptop(office, root / "laptop", "青石村网格终端")
    camera = root / "camera"
    rng = random.Random(11)
    for n in range(CASES_WITH_PHOTOS + CASES_WITHOUT):
        photo = None
        if n < CASES_WITH_PHOTOS:
            photo = jpeg(camera, f"{n}.jpg", rng.randbytes(rng.randrange(2_000, 40_000)))
        laptop.report(f"第{n}号：路边占道经营，摊位堵塞人行道", photo)
    sync_file = laptop.export_to(office, root / "up.tdsync").path
    keys = office.keys
    office.db.close()
    laptop.db.close()

    before = root / "office"
    before_dump = dump(before / DB_NAME)
    first = copy_state(before, root / "after-1")
    preview = do_import(first, keys, sync_file)
    assert (preview["new_events"], preview["new_evidence"]) == (
        CASES_WITH_PHOTOS + CASES_WITHOUT,
        CASES_WITH_PHOTOS,
    )
    after_dump = dump(first)
    assert after_dump != before_dump
    timings = []
    for n in range(3):  # the length of a full import in a child, as the kills will see it
        again = copy_state(before, root / f"after-{n + 2}")
        exitcode, took = run_child(again, keys, sync_file, None)
        assert exitcode == 0 and took is not None
        assert dump(again) == after_dump, "a complete import must always write the same"
        timings.append(took)
    total, transaction = sorted(timings)[1]
    return World(before, sync_file, keys, before_dump, after_dump, total, transaction)


def check_state(path: Path, world: World) -> str:
    """Inspect a copy after a kill: 'before' or 'after', or fail."""
    with sqlite_driver.connect(path) as conn:  # before anything of ours opens it
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    state = dump(path)
    if state == world.before_dump:
        return "before"
    assert state == world.after_dump, "the database is neither as before nor as after"
    return "after"


def check_evidence(path: Path) -> None:
    """Every evidence file the database records is there, whole."""
    db = open_database(path)
    try:
        recorded = [row[0] for row in db.execute("SELECT sha256 FROM blobs")]
    finally:
        db.close()
    store = BlobStore.beside(path)
    for sha256 in recorded:
        assert hashlib.sha256(store.path(sha256).read_bytes()).hexdigest() == sha256


FIGURES: Counter[str] = Counter()


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_an_import_killed_at_any_moment_is_all_or_nothing(
    world: World, tmp_path: Path, round_: int
) -> None:
    rng = random.Random(1000 + round_)
    span = world.import_seconds
    outcomes: Counter[str] = Counter()
    started = time.perf_counter()
    for n in range(KILLS_PER_ROUND):
        path = copy_state(world.before, tmp_path / f"kill-{n}")
        before_blobs = blob_names(path)
        # anywhere in the import, or within its write transaction and just after
        if rng.random() < 0.5:
            kill = Kill(rng.uniform(0, 1.05 * span), "ready")
        else:
            kill = Kill(rng.uniform(0, 1.3 * world.transaction_seconds), "transaction")
        outcomes[f"killed from {kill.after}"] += 1
        exitcode, _ = run_child(path, world.keys, world.sync_file, kill)
        state = check_state(path, world)
        new_files = blob_names(path) - before_blobs
        litter = {name for name in new_files if name.startswith(".incoming-")}
        check_evidence(path)
        if state == "before":
            stored = len(new_files - litter)
            phase = "none" if not stored else "all" if stored == CASES_WITH_PHOTOS else "some"
            outcomes[f"before commit, evidence files written: {phase}"] += 1
        elif exitcode == -signal.SIGKILL:
            outcomes["after commit, killed before exit"] += 1
        else:
            outcomes["after commit, finished before the kill"] += 1
        outcomes["half-written evidence files left (.incoming-*)"] += len(litter)

        again = do_import(path, world.keys, world.sync_file)
        assert again["already_imported"] is (state == "after")
        assert check_state(path, world) == "after"
        check_evidence(path)
        shutil.rmtree(path.parent)

    seconds = time.perf_counter() - started
    before = sum(v for k, v in outcomes.items() if k.startswith("before"))
    FIGURES.update(outcomes)
    FIGURES["kills"] += KILLS_PER_ROUND
    print(
        f"\ncrash round {round_}: {KILLS_PER_ROUND} kills in {seconds:.1f} s "
        f"(a full import takes {span * 1000:.0f} ms, its transaction "
        f"{world.transaction_seconds * 1000:.0f} ms): "
        + ", ".join(f"{k}: {v}" for k, v in sorted(outcomes.items()))
    )
    if round_ == ROUNDS - 1:
        print(f"crash totals: {dict(sorted(FIGURES.items()))}")
    assert before > 0, "no kill landed inside the import: the delays are too long"
