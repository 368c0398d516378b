"""The demo township (青石镇): real-looking departments, grids, users, categories and cases.

Built through the same event writer as everything else, so a demo database is an honest
one: rebuildable, hash-chained, attributable. Cases are written in the past, in order,
with the clock set to the moment each was received.
"""

from __future__ import annotations

import json
import os
import random
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.core.auth import hash_password
from app.core.clock import local_text
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.intake import IntakeRequest, ValidIntake
from app.core.model import (
    CaseSource,
    Category,
    Grid,
    ResponseCommitment,
    Role,
    Route,
    Tier,
    Urgency,
)
from app.core.numbering import case_number
from app.paths import resource
from app.store.cases import case_payload, hold_reporter
from app.store.demo.meetings import hold_demo_meetings
from app.store.demo.path import Step, plan, write_in_time_order
from app.store.eventlog import EventWriter, new_id, writing
from app.store.lists import load_sample_lists
from app.store.reference import user_by_name
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

DAY_MS = 86_400_000
CHINA_OFFSET_MS = 8 * 3_600_000
DEMO_DAYS = 180
GRID_WORKER_PASSWORD = "grid123"
BATCH = 20_000
# The most recent cases move along the case path (triage, handling, calls, closing); the
# older ones of a very large demo stay registered, which keeps a million-case demo quick.
WALKED_CASES = 3000

SOURCE_WEIGHTS = {
    CaseSource.PATROL: 55,
    CaseSource.HOTLINE: 20,
    CaseSource.VISIT: 6,
    CaseSource.REFERRAL: 8,
    CaseSource.JOINT_PATROL: 8,
    CaseSource.TRANSFER: 3,
}
SENDERS = [  # who transfers cases to a township (移送来源), and their letters' short names
    ("蓬山区市场监督管理局", "蓬市监"),
    ("蓬山区自然资源局", "蓬自然资"),
    ("蓬山区公安分局", "蓬公"),
    ("蓬山区城市管理局", "蓬城管"),
]
TIMES = ["今天上午", "今天下午", "昨晚", "近几天", "每天早上", "本周以来", "今天凌晨", "傍晚"]

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
) -> bool:
    """Build the demo township at ``path``. Returns False if ``progress`` cancelled it.
    ``now_ms``: the demo's present, its cases received over the days before it.
    ``meetings``: hold the demo's joint meetings (tests of meetings start without them).

    It is built under a temporary name and renamed when complete, so a cancelled or
    interrupted build never leaves a half-made database where the program looks for one.
    """
    if path.exists():
        raise DomainError("database_exists", value=str(path))
    partial = path.with_name(path.name + ".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    walk = min(cases, WALKED_CASES) if walk is None else walk
    completed = _write_demo(partial, cases, seed, progress, now_ms, walk, meetings)
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
) -> bool:
    data = load_demo_data()
    rng = random.Random(seed)
    start = now - DEMO_DAYS * DAY_MS
    db = create_database(path, device_code=new_device_code(rng), wall=lambda: start)
    try:
        with writing(db, wall=lambda: start) as writer:
            users = _reference_data(writer, data)
        load_sample_lists(db, user_by_name(db, "admin"), wall=lambda: start)
        generator = _CaseGenerator(data, users, rng, start, now, cases)
        done, registered_only = 0, cases - min(walk, cases)
        while done < registered_only:
            batch = min(BATCH, registered_only - done)
            with writing(db, wall=generator.wall) as writer:
                generator.write(writer, batch)
            done += batch
            if progress and not progress(done, cases):
                return False
        with writing(db, wall=generator.wall) as writer:
            steps = generator.walked(writer, cases - done, now)
            write_in_time_order(writer, steps, generator.set_time)
        if meetings and cases:
            hold_demo_meetings(db, now)
        if progress and not progress(cases, cases):
            return False
        db.conn.execute("PRAGMA optimize")
        return True
    finally:
        db.close()  # checkpoints the WAL into the file before it is renamed


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


def _working_hours(rng: random.Random, start: int, end: int, count: int) -> Iterator[int]:
    """``count`` instants in time order, most between 07:00 and 21:30 China time, fewer
    at weekends, none after ``end``."""
    first_day = (start + CHINA_OFFSET_MS) // DAY_MS
    days = [
        day
        for day in range(first_day + 1, (end + CHINA_OFFSET_MS) // DAY_MS + 1)
        if day * DAY_MS - CHINA_OFFSET_MS + 8 * 3_600_000 < end  # today only from 08:00
    ]
    weights = [0.6 if (day + 3) % 7 in (5, 6) else 1.0 for day in days]  # day 0 was a Thursday
    quota = [int(count * w / sum(weights)) for w in weights]
    quota[-1] += count - sum(quota)
    for day, n in zip(days, quota, strict=True):
        midnight = day * DAY_MS - CHINA_OFFSET_MS
        moments = sorted(rng.randint(7 * 3_600_000, 77_400_000) for _ in range(n))
        for moment in moments:
            yield min(midnight + moment, end)


class _CaseGenerator:
    """Makes realistic cases in time order, ``count`` of them spread over the demo period."""

    def __init__(
        self,
        data: dict[str, Any],
        users: dict[str, str],
        rng: random.Random,
        start: int,
        end: int,
        count: int,
    ) -> None:
        self.rng = rng
        self.data = data
        self.township_code = data["township"]["code"]
        self.users = users
        self.grids = list(data["grids"])
        self.leaves = [(leaf, group) for group in data["categories"] for leaf in group["children"]]
        # some problems are far more common than others (占道经营 every day, 非法行医 rarely)
        self.leaf_weights = [rng.choice([1, 1, 2, 3, 5, 8]) for _ in self.leaves]
        self.places = defaultdict(list)
        for place in data["places"]:
            area = next((g["area"] for g in self.grids if g["area"] in place), "")
            self.places[area].append(place)
        officer = next(u for u in data["users"] if u["role"] == Role.DEPARTMENT_OFFICER)
        self.officer = (users[officer["username"]], officer["department"])
        self.sources = list(SOURCE_WEIGHTS)
        self.source_weights = list(SOURCE_WEIGHTS.values())
        self.times = _working_hours(rng, start, end, count)
        self.time = start
        self.per_day: dict[str, int] = defaultdict(int)

    def wall(self) -> int:
        return self.time

    def set_time(self, moment: int) -> None:
        self.time = moment

    def write(self, writer: EventWriter, count: int) -> None:
        for _ in range(count):
            self.time = next(self.times)
            code = writer.device.code
            payload, actor, _leaf, _grid = self._case(writer.db, local_text(self.time), code)
            writer.append(actor, "case", new_id(), EventType.CASE_REGISTERED, payload)

    def walked(self, writer: EventWriter, count: int, now: int) -> list[Step]:
        """The last ``count`` cases with the steps each takes along the case path (their
        reporters held in ``writer``'s transaction)."""
        device_code = writer.device.code
        steps: list[Step] = []
        for _ in range(count):
            received = next(self.times)
            payload, actor, leaf, grid = self._case(writer.db, local_text(received), device_code)
            case_id = new_id()
            steps.append(Step(received, len(steps), case_id, "", None, payload, actor))
            for at, username, request in plan(
                self.rng,
                received,
                now,
                leaf["route"],
                leaf["department"],
                grid["worker"]["username"],
                leaf["code"],
            ):
                steps.append(Step(at, len(steps), case_id, username, request))
        return steps

    def _case(
        self, db: Database, received_at: str, device_code: str
    ) -> tuple[dict[str, Any], str, dict[str, Any], dict[str, Any]]:
        rng = self.rng
        leaf, group = rng.choices(self.leaves, self.leaf_weights)[0]
        grid = rng.choice(self.grids)
        source = rng.choices(self.sources, self.source_weights)[0]
        place = rng.choice(self.places.get(grid["area"]) or self.data["places"])
        description = (
            rng.choice(leaf["templates"])
            .replace("{place}", place)
            .replace("{time}", rng.choice(TIMES))
            .replace("{n}", str(rng.randint(2, 9)))
        )
        reporter_name = reporter_phone = ""
        if source in (CaseSource.HOTLINE, CaseSource.VISIT):
            reporter_name = rng.choice(self.data["surnames"]) + rng.choice(["先生", "女士"])
            reporter_phone = f"1{rng.choice('3589')}{rng.randint(0, 999_999_999):09d}"
        if source == CaseSource.PATROL:
            actor, unit = self.users[grid["worker"]["username"]], OFFICE_CODE
        elif source == CaseSource.JOINT_PATROL and rng.random() < 0.5:
            actor, unit = self.officer
        else:
            actor, unit = self.users["clerk"], OFFICE_CODE
        urgent = rng.random() < 0.08
        day = received_at[:10]
        self.per_day[day] += 1
        number = case_number(self.township_code, day, device_code, self.per_day[day])
        sender, letter = "", ""
        if source == CaseSource.TRANSFER:
            sender, short = rng.choice(SENDERS)
            letter = f"{short}移〔{day[:4]}〕{rng.randint(3, 60)}号"
        intake = ValidIntake(
            IntakeRequest(
                leaf["code"],
                grid["code"],
                description,
                address=place,
                source=source,
                urgent=urgent,
                reporter_name=reporter_name,
                reporter_phone=reporter_phone,
                transfer_unit=sender,
                transfer_letter=letter,
            ),
            Category(leaf["code"], leaf["name"], group["code"]),
            Grid(grid["code"], grid["name"], grid["area"]),
            CaseSource(source),
            Urgency.URGENT if urgent else Urgency.NORMAL,
        )
        reporter = hold_reporter(db, intake.request)  # held by ref, as register_case does
        payload = case_payload(intake, number, received_at, unit, [], reporter_ref=reporter)
        return payload, actor, leaf, grid
