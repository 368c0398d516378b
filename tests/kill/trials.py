"""Kill a writing command with SIGKILL and judge what it left.

A ``Scenario`` is one writing command of the real command line (run through
``tests.kill.pinned``, so a complete run always writes the same bytes), the folder it works
in as it stands before (database, evidence, keys), the full dumps before and after a
complete run, and how long a complete run takes. A trial copies the folder, starts the
command, kills it after a delay, and checks (``judge``):

1. SQLite's integrity and foreign-key checks pass (on the file as the kill left it);
2. every table is exactly as before or exactly as after (``full_dump``, schema included);
3. ``verify_everything`` (chains, signed heads, evidence files) finds nothing wrong;
4. after the next start (``follow_up``: a harmless command, or the same import or demo
   again, run as if two days later so that age-based sweeps may sweep), no decrypted sync
   data is left in the temporary folder and nothing is left beside the database but the
   database, what was there before and the evidence files the database records.

SIGKILL stops the process dead, as a crash or the task manager does; the operating
system's cache survives, so this is not a power cut.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.store.blobs import BlobStore
from app.store.setup import open_database
from app.sync.archive import FOLDER_PREFIX
from app.sync.integrity import verify_everything
from tests.kill.pinned import PINNED_ENV
from tests.store.store_helpers import full_dump

DB_NAME = "towndesk.sqlite3"
ROOT = Path(__file__).resolve().parents[2]
USER_ENV, PASSWORD_ENV = "TOWNDESK_USER", "TOWNDESK_PASSWORD"
# The next start comes this much later. Sweeps at start keep what a write in progress in
# another process may still need (a half-written copy for an hour, a stored file no record
# names yet for a day): two days on, anything a killed command left is fair game.
NEXT_START_LATER_S = 2 * 86_400


@dataclass(frozen=True)
class Run:
    """A command line of ``towndesk`` (``{db}``: the database), its user and moment."""

    argv: tuple[str, ...]
    user: str
    password: str
    at_ms: int
    extra_env: tuple[tuple[str, str], ...] = ()

    def command(self, db: Path) -> list[str]:
        args = [a.replace("{db}", str(db)) for a in self.argv]
        return [sys.executable, "-m", "tests.kill.pinned", *args]

    def env(self, temp: Path) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            {
                "PYTHONPATH": str(ROOT),
                "TMPDIR": str(temp),  # the decrypted sync data would go here
                PINNED_ENV: str(self.at_ms),
                USER_ENV: self.user,
                PASSWORD_ENV: self.password,
                "QT_QPA_PLATFORM": "offscreen",
            }
        )
        env.update(dict(self.extra_env))
        return env


def run(step: Run, db: Path, temp: Path) -> subprocess.CompletedProcess[str]:
    """Run to the end; a failure says what the command said."""
    temp.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        step.command(db),
        env=step.env(temp),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{step.argv} exited {done.returncode}: {done.stderr}"
    return done


@dataclass(frozen=True)
class Phase:
    """A moment seen from outside: the first time a file matching ``pattern`` (relative to
    the trial's folder: ``office/...`` beside the database, ``tmp/...`` the temporary
    folder) exists with more than ``min_size`` bytes. The kill comes ``delay`` later."""

    name: str
    pattern: str
    min_size: int = -1

    def matches(self, folder: Path) -> set[Path]:
        found = set()
        for path in folder.glob(self.pattern):
            try:
                if path.stat().st_size > self.min_size:
                    found.add(path)
            except FileNotFoundError:  # renamed or removed as we looked
                continue
        return found


EVIDENCE = Phase("writing evidence", "office/blobs/.incoming-*")
COMMITTING = Phase("writing the database", f"office/{DB_NAME}-wal", min_size=0)
DECRYPTED = Phase("decrypted sync data on disk", f"tmp/{FOLDER_PREFIX}*/**/*")
DEMO_WRITING = Phase("writing the demo", f"office/{DB_NAME}.partial-wal", min_size=0)
DEMO_RENAMED = Phase("the demo renamed into place", f"office/{DB_NAME}")
STORED = Phase("an evidence file stored whole", "office/blobs/??/*")


@dataclass
class Scenario:
    name: str
    before: Path  # the folder as it stands before (the database may be absent: demo)
    step: Run
    follow_up: Run  # the next start: harmless, or the same import/demo again
    after_dump: dict[str, Any]
    before_dump: dict[str, Any] | None  # None: no database before (demo)
    seconds: float  # a complete run, start to exit (the mean of two)
    phases: tuple[Phase, ...]  # moments worth a kill, seen from outside
    follow_up_completes: bool = False  # the follow-up leaves it "after" (import, demo)


def dump(path: Path) -> dict[str, Any]:
    db = open_database(path)
    try:
        return full_dump(db)
    finally:
        db.close()


def copy_folder(source: Path, target: Path) -> Path:
    """The folder copied (database, its -wal/-shm if any, keys, evidence)."""
    if source.exists():
        shutil.copytree(source, target)
    else:
        target.mkdir(parents=True)
    return target / DB_NAME


def measure(step: Run, before: Path, work: Path, runs: int = 2) -> tuple[float, list[Path]]:
    """Run a complete command on ``runs`` copies of ``before``: the median duration, and the
    copies (all of which must then be byte for byte the same in their tables)."""
    seconds, copies = [], []
    for n in range(runs):
        db = copy_folder(before, work / f"complete-{n}")
        started = time.perf_counter()
        run(step, db, work / f"complete-{n}-tmp")
        seconds.append(time.perf_counter() - started)
        copies.append(db)
    return sum(seconds) / len(seconds), copies


def scenario(
    name: str,
    before: Path,
    step: Run,
    follow_up: Run,
    work: Path,
    phases: tuple[Phase, ...] = (COMMITTING,),
    completes: bool = False,
) -> Scenario:
    """Measure the command and take its before and after dumps; every complete run must
    write the same (else before-or-after could not be judged)."""
    took, copies = measure(step, before, work / name)
    dumps = [dump(db) for db in copies]
    assert all(d == dumps[0] for d in dumps), f"{name}: two complete runs wrote differently"
    before_db = before / DB_NAME
    before_dump = dump(before_db) if before_db.exists() else None
    assert dumps[0] != before_dump, f"{name}: a complete run changed nothing"
    return Scenario(name, before, step, follow_up, dumps[0], before_dump, took, phases, completes)


@dataclass
class Outcome:
    moment: str  # when the kill came
    state: str  # "before" or "after"
    killed: bool  # False: it had finished before the kill
    leftovers: list[str] = field(default_factory=list)  # evidence files not swept (known)

    def words(self) -> str:
        how = "killed" if self.killed else "finished first"
        left = f", left {self.leftovers}" if self.leftovers else ""
        return f"{self.moment}: {self.state} ({how}){left}"


def kill_after(
    scene: Scenario, delay: float, folder: Path, phase: Phase | None = None
) -> tuple[Path, int, bool]:
    """Start the command on a copy in ``folder`` and SIGKILL it ``delay`` seconds after its
    start, or after ``phase`` is seen (a file it did not find in the copy; polled every
    half millisecond). Returns the database path, the pid, and whether the kill found it
    still running."""
    db = copy_folder(scene.before, folder / "office")
    temp = folder / "tmp"
    temp.mkdir()
    there = phase.matches(folder) if phase is not None else set()
    process = subprocess.Popen(
        scene.step.command(db),
        env=scene.step.env(temp),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    if phase is not None:
        while process.poll() is None and not phase.matches(folder) - there:
            time.sleep(0.0005)
    time.sleep(delay)
    killed = process.poll() is None
    if killed:
        process.send_signal(signal.SIGKILL)
    _, stderr = process.communicate(timeout=300)
    if not killed:
        assert process.returncode == 0, f"{scene.name} failed unkilled: {stderr.decode()}"
    return db, process.pid, killed


def judge(scene: Scenario, db: Path, pid: int, killed: bool, moment: str) -> Outcome:
    """Every check of a trial; returns the outcome, or fails with what was left."""
    where = f"{scene.name} killed {moment} (pid {pid})"
    state = _state(scene, db, where)
    later = min(time.time(), scene.follow_up.at_ms / 1000) - NEXT_START_LATER_S
    _age(db.parent, later)
    _age(db.parent.parent / "tmp", later)
    run(scene.follow_up, db, db.parent.parent / "tmp")
    again = _state(scene, db, f"{where}, then {scene.follow_up.argv}")
    if scene.follow_up_completes:
        assert again == "after", f"{where}: the next run did not complete it"
    else:
        assert again == state, f"{where}: the harmless next command changed the tables"
    plaintext = sorted(p.name for p in (db.parent.parent / "tmp").glob(f"{FOLDER_PREFIX}*"))
    assert not plaintext, f"{where}: decrypted sync data left after the next start: {plaintext}"
    evidence, other = _leftovers(scene, db)
    assert not other, f"{where}: files left beside the database: {other}"
    return Outcome(moment, state, killed, evidence)


def _state(scene: Scenario, db: Path, where: str) -> str:
    if not db.exists():
        assert scene.before_dump is None, f"{where}: the database is gone"
        return "before"
    with sqlite3.connect(db) as conn:  # before anything of ours opens it
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], where
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == [], where
    conn.close()
    found = dump(db)
    if found == scene.before_dump:
        state = "before"
    else:
        assert found == scene.after_dump, f"{where}: the tables are neither as before nor after"
        state = "after"
    opened = open_database(db)
    try:
        report = verify_everything(opened, BlobStore.beside(db))
    finally:
        opened.close()
    assert report.ok, f"{where}: verify found {report.problems}"
    return state


def _age(folder: Path, then: float) -> None:
    """Date every file back to ``then``: the next start comes two days later, by the
    follow-up's (pinned) clock and by the machine's."""
    if not folder.exists():
        return
    for path in [folder, *folder.rglob("*")]:
        os.utime(path, (then, then), follow_symlinks=False)


def _leftovers(scene: Scenario, db: Path) -> tuple[list[str], list[str]]:
    """Files beside the database that should not be there: (evidence files: half-written
    ``.incoming-*`` or stored but recorded nowhere; anything else)."""
    allowed = {db.name, f"{db.name}-wal", f"{db.name}-shm"}
    if scene.before.exists():
        allowed |= {str(p.relative_to(scene.before)) for p in scene.before.rglob("*")}
    opened = open_database(db)
    try:
        store = BlobStore.beside(db)
        recorded = {
            str(store.path(row[0]).relative_to(db.parent))
            for row in opened.execute("SELECT sha256 FROM blobs")
        }
    finally:
        opened.close()
    evidence, other = [], []
    for path in sorted(db.parent.rglob("*")):
        name = str(path.relative_to(db.parent))
        if path.is_dir() or name in allowed or name in recorded:
            continue
        (evidence if name.startswith("blobs/") else other).append(name)
    return evidence, other
