"""Benchmarks: they print figures and never assert on time (``make bench``).

The database of 1,000,000 cases is built once with ``towndesk demo`` and kept in
``$TOWNDESK_BENCH_DIR`` (default: the system temp folder); its build time is a figure too.
Set ``TOWNDESK_BENCH_CASES`` for a smaller run.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

CASES = int(os.environ.get("TOWNDESK_BENCH_CASES", "1000000"))
# How many of the most recent cases walk the case path (default all: a walked million takes
# about an hour to build; 5,000,000 with 100,000 walked, about a quarter of an hour)
WALK = os.environ.get("TOWNDESK_BENCH_WALK")
FOLDER = Path(os.environ.get("TOWNDESK_BENCH_DIR", Path(tempfile.gettempdir()) / "towndesk-bench"))


def report(label: str, value: float, unit: str = "ms") -> None:
    print(f"  {label:<58} {value:>10.1f} {unit}")


def timed(function: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time in milliseconds over ``repeat`` runs (first run included: cold)."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


@pytest.fixture(scope="session")
def machine() -> str:
    import psutil

    memory = psutil.virtual_memory().total / 2**30
    text = (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"{memory:.0f} GiB, Python {platform.python_version()}, {platform.system()}"
    )
    print(f"\nmachine: {text}")
    return text


@pytest.fixture(scope="session")
def million_db(machine: str) -> Path:
    walked = [] if WALK is None else ["--walk", WALK]
    path = FOLDER / (
        f"demo-{CASES}.sqlite3" if WALK is None else f"demo-{CASES}-walk{WALK}.sqlite3"
    )
    if not path.exists():
        FOLDER.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "app",
                "demo",
                "--db",
                str(path),
                "--cases",
                str(CASES),
                *walked,
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        command = " ".join(["towndesk demo --cases", str(CASES), *walked])
        report(command, time.perf_counter() - started, "s")
    merge_search_index(path)
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20
    report(f"database size ({CASES} cases)", size, "MiB")
    return path


def merge_search_index(path: Path, password: str | None = None) -> None:
    """A database built before the demo merged its search index (22 segments at a million
    cases, each read by every search) merged now, as an idle office PC would have it: in
    the window's bounded steps (store/search_index.py), to one segment; its time printed.
    One built before schema 16 upgraded first, and its grids' terms read in.
    ``password``: an encrypted one's, opening the key file beside it."""
    from app.store.database import connect
    from app.store.encryption import DatabaseFile
    from app.store.search_index import Merging, merge_fully, segment_count
    from app.sync.keys import key_file_beside, key_file_device, load_keys

    target = DatabaseFile(path)
    if password is not None:
        key_file = key_file_beside(path)
        keys = load_keys(key_file, key_file_device(key_file), password)
        target = DatabaseFile(path, keys.database_key)
    db = connect(target)
    try:
        _grid_terms_read(db, path)
        before = segment_count(db)
        if before <= 1:
            return
        steps: list[int] = []
        started = time.perf_counter()
        outcome = merge_fully(db, most_segments=1, step_done=steps.append)
        took = time.perf_counter() - started
        after = segment_count(db)
        if outcome is Merging.STOPPED:
            print(f"  search index: a merge step could not write; {after} segments left")
        label = f"search index merged: {before} -> {after} segments, {len(steps)} steps"
        report(label, took, "s")
    finally:
        db.close()


def _grid_terms_read(db: Database, path: Path) -> None:
    """A demo made before schema 16 upgraded (no backup: the benchmark's own copy) and the
    terms of each grid's cases read in, as the window's idle upkeep does; its time printed."""
    from app.store.database import migrate
    from app.store.grid_terms import read_more_terms

    migrate(db, None)
    started, steps = time.perf_counter(), 0
    while (more := read_more_terms(db, 20_000)) is True:
        steps += 1
    if more is None:
        raise RuntimeError(f"{path}: the grids' terms could not be written")
    if steps:
        report(
            f"the grids' search terms read in ({steps} steps of 20,000 events)",
            time.perf_counter() - started,
            "s",
        )


BENCH_DEVICE_PASSWORD = "bench-device"


@pytest.fixture(scope="session")
def million_db_encrypted(million_db: Path) -> Path:
    """The million-case demo encrypted as ``towndesk encrypt`` leaves it (a key file with
    the production argon2 cost beside it); made once, from a read-only look at the plain
    one, which is left as it is."""
    from app.store import sqlite_driver
    from app.store.encryption import new_key
    from app.sync.keys import STRONG, DeviceKeys, key_file_beside, save_keys

    path = FOLDER / f"demo-{CASES}-encrypted.sqlite3"
    if not path.exists():
        started = time.perf_counter()
        key = new_key()
        work = path.with_name(path.name + ".partial")
        work.unlink(missing_ok=True)
        source = sqlite_driver.connect(million_db.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            device = source.execute("SELECT id FROM device").fetchone()[0]
            version = source.execute("PRAGMA user_version").fetchone()[0]
            source.execute("ATTACH DATABASE ? AS encrypted KEY ?", [str(work), f"x'{key.hex()}'"])
            source.execute("SELECT sqlcipher_export('encrypted')").fetchall()
            source.execute(f"PRAGMA encrypted.user_version = {version}")
            source.execute("DETACH DATABASE encrypted")
        finally:
            source.close()
        keys = DeviceKeys.generate(device, with_escrow=True)
        save_keys(
            DeviceKeys(device, keys.sign, keys.box, keys.escrow, key),
            key_file_beside(path),
            BENCH_DEVICE_PASSWORD,
            STRONG,
        )
        work.replace(path)
        report("encrypting it (sqlcipher_export)", time.perf_counter() - started, "s")
    else:  # encrypted from a database built before the demo merged its search index
        merge_search_index(path, BENCH_DEVICE_PASSWORD)
    return path


OVERDUE_CASES = int(os.environ.get("TOWNDESK_BENCH_OVERDUE", "50000"))
OPEN_CALLS = 2000
WALKED = 58000  # cases moved along the case path around the waiting ones (their own mix)


@pytest.fixture(scope="session")
def overdue_db(machine: str) -> Path:
    """A township that fell behind: ``OVERDUE_CASES`` and a few more cases long past their
    triage clock, and about ``OPEN_CALLS`` open calls to district departments (the demo's own
    and ones the clerk places through ``act``: tests/perf/overdue_demo.py). Built once in a
    folder of its own (its evidence files go beside it)."""
    path = FOLDER / "overdue" / f"overdue-{OVERDUE_CASES}.sqlite3"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        waiting = OVERDUE_CASES + OVERDUE_CASES // 25  # some are called, some stay ahead
        calls = OPEN_CALLS - OPEN_CALLS // 20  # the walked cases hold about 5 % of them
        builder = Path(__file__).with_name("overdue_demo.py")
        arguments = [str(path), str(waiting), str(calls), str(WALKED)]
        subprocess.run(
            [sys.executable, str(builder), *arguments],
            check=True,
            stdout=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
        )
        report(
            f"building it ({WALKED} walked + {waiting} waiting)", time.perf_counter() - started, "s"
        )
    merge_search_index(path)
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20
    report(f"database size ({path.name})", size, "MiB")
    return path
