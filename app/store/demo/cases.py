"""The demo's cases as they are registered: a problem of the season, described at a place
where it can happen, in the grid that place belongs to, with coordinates there; found on
patrol (with photos), phoned in or referred; in time order, steady from day to day."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import timedelta
from itertools import accumulate
from typing import Any

from sqlite_utils import Database

from app.core.calendar import WorkCalendar
from app.core.clock import china_time, local_text
from app.core.intake import IntakeRequest, ValidIntake
from app.core.model import CaseSource, Category, Grid, Role, Urgency
from app.core.numbering import case_number
from app.store.blobs import StoredFile
from app.store.cases import case_payload, hold_reporter
from app.store.demo import photos as pool
from app.store.demo.intake import intake_moments
from app.store.demo.path import Case, Setting, Step, plan_case
from app.store.demo.places import PLACES, grid_boxes, near, spot
from app.store.demo.profiles import PROFILES, SOURCES_HIDDEN, SOURCES_SEEN
from app.store.demo.texts import TEMPLATES, TIMES, Template
from app.store.eventlog import EventWriter, new_id
from app.store.setup import OFFICE_CODE

SENDERS = {  # category group -> the district authority whose field it is, which transfers such
    # cases to a township (移送来源), and its letters' short name: a gambling case does not
    # come from the natural resources bureau
    "01": ("蓬山区综合行政执法局", "蓬综执"),
    "02": ("蓬山区住房和城乡建设局", "蓬住建"),
    "03": ("蓬山区自然资源局", "蓬自然资"),
    "04": ("东莱市生态环境局蓬山分局", "蓬环"),
    "05": ("蓬山区市场监督管理局", "蓬市监"),
    "06": ("蓬山区应急管理局", "蓬应急"),
    "07": ("蓬山区交通运输局", "蓬交运"),
    "08": ("蓬山区公安分局", "蓬公"),
    "09": ("蓬山区卫生健康局", "蓬卫健"),
    "10": ("蓬山区农业农村局", "蓬农"),
}
SENDERS_ONCE_DRAWN = 4  # senders were once drawn at random from four; see ``_sender``
WITH_PHOTOS = 0.85  # of cases found on patrol: a grid worker reports with the phone's photos
SECOND_PHOTO = 0.4
VISIT_PHOTOS = 0.25  # residents who come in sometimes show a photo too
URGENT = 0.05
URGENT_HAZARDS = {"0203": 0.3, "0601": 0.5, "0603": 0.25, "0604": 0.4, "1002": 0.3, "0804": 0.4}
ON_PATROL = (CaseSource.PATROL, CaseSource.JOINT_PATROL)
Place = tuple[str, str, tuple[float, float]]  # grid code, name, spot on the map


class CaseGenerator:
    """Makes realistic cases in time order, ``count`` of them spread over the demo period."""

    def __init__(
        self,
        data: dict[str, Any],
        users: dict[str, str],
        rng: random.Random,
        start: int,
        end: int,
        count: int,
        calendar: WorkCalendar,
        with_photos: bool = True,
    ) -> None:
        self.rng = rng
        self.data = data
        self.township_code = data["township"]["code"]
        self.users = users
        self.grids = {g["code"]: g for g in data["grids"]}
        self.leaves = {
            leaf["code"]: (leaf, group)
            for group in data["categories"]
            for leaf in group["children"]
        }
        self.codes = [code for code in self.leaves if code in PROFILES and code in TEMPLATES]
        # a month's problems: the common ones every day, the seasonal ones in their season
        self.by_month = {
            month: list(
                accumulate(PROFILES[c].weight * PROFILES[c].season[month - 1] for c in self.codes)
            )
            for month in range(1, 13)
        }
        self.boxes = grid_boxes([(g["code"], g["area"]) for g in data["grids"]])
        self.fitting = self._fitting_places()
        self.photos = pool.pool(self.codes) if with_photos else {}
        officer = next(u for u in data["users"] if u["role"] == Role.DEPARTMENT_OFFICER)
        self.officer = (users[officer["username"]], officer["department"])
        self.sources = {
            hidden: (list(table), list(accumulate(table.values())))
            for hidden, table in ((False, SOURCES_SEEN), (True, SOURCES_HIDDEN))
        }
        self.times = intake_moments(rng, start, end, count, calendar, self.busy)
        self.time = start
        self.per_day: dict[str, int] = defaultdict(int)

    def busy(self, month: int) -> float:
        return self.by_month[month][-1]

    def _fitting_places(self) -> dict[Template, list[Place]]:
        places = [
            (grid, kind, name, spot(self.boxes[grid], name))
            for grid, listed in PLACES.items()
            if grid in self.boxes
            for kind, name in listed
        ]
        fitting = {}
        for code in self.codes:
            for template in TEMPLATES[code]:
                found = [(g, name, at) for g, kind, name, at in places if kind in template.kinds]
                if not found:
                    raise ValueError(f"no place fits {code}: {template.text}")
                fitting[template] = found
        return fitting

    def wall(self) -> int:
        return self.time

    def set_time(self, moment: int) -> None:
        self.time = moment

    def all_photos(self) -> list[pool.Photo]:
        return [p for photos in self.photos.values() for p in photos]

    def _case(self, db: Database, received: int, device_code: str) -> tuple[dict, str, Case]:
        rng = self.rng
        received_at = local_text(received)
        code = rng.choices(self.codes, cum_weights=self.by_month[int(received_at[5:7])])[0]
        leaf, group = self.leaves[code]
        template = rng.choice(TEMPLATES[code])
        grid_code, place, at = rng.choice(self.fitting[template])
        grid = self.grids[grid_code]
        names, weights = self.sources[PROFILES[code].hidden]
        source = rng.choices(names, cum_weights=weights)[0]
        description = (
            template.text.replace("{place}", place)
            .replace("{time}", rng.choice(TIMES))
            .replace("{n}", str(rng.randint(2, 9)))
        )
        latitude, longitude = near(
            self.boxes[grid_code], at, rng.uniform(-1, 1), rng.uniform(-1, 1)
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
        urgent = rng.random() < URGENT_HAZARDS.get(code, URGENT)
        day = received_at[:10]
        self.per_day[day] += 1
        number = case_number(self.township_code, day, device_code, self.per_day[day])
        sender, letter = "", ""
        if source == CaseSource.TRANSFER:
            sender, short = _sender(rng, code)
            letter = f"{short}移〔{day[:4]}〕{rng.randint(3, 60)}号"
        intake = ValidIntake(
            IntakeRequest(
                leaf["code"],
                grid["code"],
                description,
                address=place,
                latitude=latitude,
                longitude=longitude,
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
        photos = self._photos(code, source, received)
        payload = case_payload(intake, number, received_at, unit, photos, reporter_ref=reporter)
        case = Case(
            code,
            leaf["route"],
            leaf["department"],
            grid["worker"]["username"],
            leaf["limit_days"],
            urgent,
            template.tag,
        )
        return payload, actor, case

    def _photos(self, code: str, source: str, received: int) -> list[StoredFile]:
        """The photos a registration carries: a grid worker's phone pictures, named as the
        phone names them, taken a few minutes before the report."""
        rng = self.rng
        chance = WITH_PHOTOS if source in ON_PATROL else VISIT_PHOTOS
        if source not in (*ON_PATROL, CaseSource.VISIT) or rng.random() >= chance:
            return []
        count = 2 if source in ON_PATROL and rng.random() < SECOND_PHOTO else 1
        variants = rng.sample(range(pool.VARIANTS), count)
        taken = china_time(received) - timedelta(minutes=rng.randint(2, 40))
        if not self.photos:  # a demo without photos: the same cases otherwise
            return []
        chosen = [self.photos[code][v] for v in variants]
        names = [
            (taken + timedelta(seconds=9 * i)).strftime("IMG_%Y%m%d_%H%M%S.jpg")
            for i in range(count)
        ]
        return [
            StoredFile(p.sha256, len(p.data), pool.MEDIA_TYPE, name)
            for p, name in zip(chosen, names, strict=True)
        ]


class Intake:
    """The generator's cases as the walk takes them (walk.Intake): the oldest ``untriaged``
    only registered, the others with the steps their plans take up to ``now``. Keeps what
    the plans knew of the cases that go to a duty dispute, for a meeting's ruling to
    follow."""

    def __init__(
        self, generator: CaseGenerator, count: int, untriaged: int, now: int, setting: Setting
    ) -> None:
        self.generator, self.count, self.untriaged = generator, count, untriaged
        self.now, self.setting = now, setting
        self.taken = 0
        self.disputed: dict[str, Case] = {}
        self._next = next(generator.times) if count else None

    def next_at(self) -> int | None:
        return self._next

    def take(self, writer: EventWriter) -> list[Step]:
        received, generator = self._next, self.generator
        assert received is not None
        payload, actor, case = generator._case(writer.db, received, writer.device.code)
        case_id = new_id()
        steps = [Step(received, 0, case_id, "", None, payload, actor)]
        if self.taken >= self.untriaged:
            planned = plan_case(generator.rng, received, self.now, case, self.setting)
            steps += [Step(at, 0, case_id, who, request) for at, who, request in planned]
            if any(request.not_our_duty for _, _, request in planned):
                self.disputed[case_id] = case
        self.taken += 1
        self._next = next(generator.times) if self.taken < self.count else None
        return steps


def _sender(rng: random.Random, category: str) -> tuple[str, str]:
    """The authority that transfers a case of ``category`` in, and its letters' short name.
    The random draw that once chose it is still made, so every later draw, and so the
    demo township the tests know, stays as it was."""
    rng.randrange(SENDERS_ONCE_DRAWN)
    return SENDERS[category[:2]]
