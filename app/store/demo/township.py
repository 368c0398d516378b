"""The demo township (青石镇): real-looking departments, grids, users, categories and cases.

Built through the same event writer as everything else, so a demo database is an honest
one: rebuildable, hash-chained, attributable. Cases are written in the past, in order,
with the clock set to the moment each was received, and move along the case path
(``path``, ``walk``); the joint meetings are held in between, at their own time.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.core.auth import hash_password
from app.core.errors import DomainError
from app.core.model import ResponseCommitment, Role, Route, Tier
from app.paths import resource
from app.store import search_index
from app.store.blobs import BlobStore
from app.store.database import write_transaction
from app.store.demo import materials, photos
from app.store.demo.cases import CaseGenerator, Intake
from app.store.demo.meetings import hold_demo_meetings
from app.store.demo.path import Setting, follow_ruling
from app.store.demo.walk import Walk
from app.store.eventlog import EventWriter, writing
from app.store.lists import load_sample_lists
from app.store.reference import departments, user_by_name
from app.store.setup import (
    OFFICE_CODE,
    add_category,
    add_department,
    add_grid,
    add_user,
    create_database,
    create_township,
    new_device_code,
)
from app.store.work_calendar import work_calendar

DAY_MS = 86_400_000
DEMO_DAYS = 180
GRID_WORKER_PASSWORD = "grid123"
BUILD_INDEX = "demo_build_custody_by_case"
BUILD_CACHE_KIB = 512 * 1024

Progress = Callable[[int, int], bool]  # (done, total) -> go on?


def load_demo_data() -> dict[str, Any]:
    return json.loads(resource("demo", "township.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    role: str
    name: str


def demo_users() -> list[DemoUser]:
    """The sign-in accounts of the demo, one per role (printed by ``towndesk demo``)."""
    data = load_demo_data()
    return [DemoUser(u["username"], u["password"], u["role"], u["name"]) for u in data["users"]]


def build_demo(
    path: Path,
    *,
    now_ms: int,
    cases: int = 2000,
    seed: int = 1,
    progress: Progress | None = None,
    walk: int | None = None,
    meetings: bool = True,
    photos: bool = True,
) -> bool:
    """Build the demo township at ``path``. Returns False if ``progress`` cancelled it.
    ``now_ms``: the demo's present, its cases received over the days before it.
    ``walk``: how many of the most recent cases move along the case path (the others stay
    waiting for triage); ``meetings``: hold the demo's joint meetings (tests of meetings start
    without them); ``photos``: give patrol cases their photos (tests of evidence start
    without them).

    It is built under a temporary name and renamed when complete, so a cancelled or
    interrupted build never leaves a half-made database where the program looks for one.
    """
    if path.exists():
        raise DomainError("database_exists", value=str(path))
    partial = path.with_name(path.name + ".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    walk = cases if walk is None else walk
    completed = _write_demo(partial, cases, seed, progress, now_ms, walk, meetings, photos)
    if completed:
        os.replace(partial, path)
    else:
        partial.unlink()
    return completed


def _write_demo(
    path: Path,
    cases: int,
    seed: int,
    progress: Progress | None,
    now: int,
    walk: int,
    meetings: bool,
    with_photos: bool,
) -> bool:
    data = load_demo_data()
    rng = random.Random(seed)
    start = now - DEMO_DAYS * DAY_MS
    db = create_database(path, device_code=new_device_code(rng), wall=lambda: start)
    # A million cases make a database of several GiB whose indexes every step touches; with
    # SQLite's 2 MiB page cache the build slowed to a third of its pace by the 90th day.
    db.conn.execute(f"PRAGMA cache_size = -{BUILD_CACHE_KIB}")
    try:
        with writing(db, wall=lambda: start) as writer:
            users = _reference_data(writer, data)
        load_sample_lists(db, user_by_name(db, "admin"), wall=lambda: start)
        # Every step rewrites its case's side rows, custody among them, found by case; the
        # schema indexes custody by photo only, so with photos on most patrol cases each step
        # would read the whole table. An index for the build, dropped before the database is
        # handed over, so the demo's schema stays the migrations' own.
        if with_photos:
            db.conn.execute(f"CREATE INDEX {BUILD_INDEX} ON custody (case_id)")
        calendar = work_calendar(db)
        generator = CaseGenerator(data, users, rng, start, now, cases, calendar, with_photos)
        with write_transaction(db):
            photos.record(db, generator.all_photos())
            if with_photos:
                materials.record(db)
        setting = Setting(calendar, _commitments(db), materials=with_photos)
        intake = Intake(generator, cases, cases - min(walk, cases), now, setting)
        steps = Walk((), generator.set_time, intake)
        walking = _Walking(db, steps, generator, rng, start, now, intake, setting, progress)
        try:
            if meetings and cases:
                hold_demo_meetings(db, now, walking)
            walking.advance(now + 1)
        except _Cancelled:
            return False
        db.conn.execute(f"DROP INDEX IF EXISTS {BUILD_INDEX}")
        # A day of cases to a transaction leaves the search index in many segments (22 at a
        # million), which every search reads; an office PC left idle has merged them
        # (ui/search_upkeep.py), so the demo is handed over merged: about 4 s at a million.
        search_index.optimize(db)
        db.conn.execute("PRAGMA optimize")
        # the photos' files last: a cancelled build leaves nothing beside the database
        photos.write_files(BlobStore.beside(path), generator.all_photos())
        if with_photos:
            materials.write_files(BlobStore.beside(path))
        return True
    finally:
        db.close()  # checkpoints the WAL into the file before it is renamed


class _Cancelled(Exception):
    """The build's progress callback said stop."""


class _Walking:
    """The cases being written, a day to a transaction, up to a moment; in between, the
    meetings' records are written and read (meetings.Walk)."""

    def __init__(
        self,
        db: Database,
        walk: Walk,
        generator: CaseGenerator,
        rng: random.Random,
        start: int,
        now: int,
        intake: Intake,
        setting: Setting,
        progress: Progress | None,
    ) -> None:
        self.db, self.walk, self.generator, self.rng = db, walk, generator, rng
        self.reached, self.now, self.intake, self.setting = start, now, intake, setting
        self.progress = progress

    def advance(self, until: int) -> None:
        """Write everything before ``until``, then every case's rows as they stand there,
        for the meetings to read."""
        while True:
            stop = min(until, self.reached + DAY_MS)
            with writing(self.db, wall=self.generator.wall) as writer:
                self.walk.run(writer, stop)
                if stop == until:
                    self.walk.write_all(writer)
            self.reached = stop
            if self.progress and not self.progress(self.intake.taken, self.intake.count):
                raise _Cancelled
            if stop == until:
                return

    def follow_ruling(self, case_id: str, lead: str, cooperating: tuple[str, ...], at: int) -> None:
        case = self.intake.disputed.get(case_id)
        if case is not None:
            planned = follow_ruling(self.rng, at, self.now, case, self.setting, lead, cooperating)
            self.walk.push(case_id, planned)


def _commitments(db: Database) -> dict[str, ResponseCommitment]:
    return {d.code: d.response for d in departments(db) if d.response is not None}


def _reference_data(writer: EventWriter, data: dict[str, Any]) -> dict[str, str]:
    """Township, departments, users, grids, categories. Returns user ids by user name."""
    township = data["township"]
    create_township(writer, township["name"], township["code"])
    for d in data["departments"]:
        response = d.get("response")
        add_department(
            writer,
            None,
            d["code"],
            d["name"],
            d["short"],
            Tier(d["tier"]),
            d["duty_phone"],
            ResponseCommitment(
                response["ack_minutes"], response["arrive_minutes"], response["handle_days"]
            )
            if response
            else None,
        )
    hashes: dict[tuple[str, str, str], str] = {}

    def hashed(password: str, role: str, unit: str) -> str:
        """argon2 is slow, so users who share a password share its hash, but only users
        who sign in on the same devices: a laptop is sent the hashes (by ref) of its own
        users, which must not open another department's officer too."""
        if (password, role, unit) not in hashes:
            hashes[password, role, unit] = hash_password(password)
        return hashes[password, role, unit]

    ids: dict[str, str] = {}
    for u in data["users"]:
        ids[u["username"]] = add_user(
            writer,
            None,
            u["username"],
            u["name"],
            Role(u["role"]),
            u["department"],
            u["password"],
            password_hash=hashed(u["password"], u["role"], u["department"]),
        )
    admin = ids["admin"]
    for g in data["grids"]:
        w = g["worker"]
        ids[w["username"]] = add_user(
            writer,
            admin,
            w["username"],
            w["name"],
            Role.GRID_WORKER,
            OFFICE_CODE,
            GRID_WORKER_PASSWORD,
            w["phone"],
            password_hash=hashed(GRID_WORKER_PASSWORD, Role.GRID_WORKER, OFFICE_CODE),
        )
        add_grid(writer, admin, g["code"], g["name"], g["area"], ids[w["username"]])
    for group in data["categories"]:
        add_category(writer, admin, group["code"], group["name"])
        for leaf in group["children"]:
            add_category(
                writer,
                admin,
                leaf["code"],
                leaf["name"],
                group["code"],
                Route(leaf["route"]),
                leaf["department"],
                leaf["limit_days"],
            )
    return ids
