"""A case's handling, from the moment its unit starts (signed for, or on scene for a call)
to closing: the feedback on time or late, worked out against the deadline the projection
will compute (the category's limit in working days, or the called department's
commitment); an extension or parking on the way; supervision notices on the overdue; the
on-site check; rework when the fix does not hold. ``path`` plans what comes before.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from app.core.calendar import WorkCalendar
from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.clock import CHINA, china_time, epoch_ms
from app.core.deadlines import Pause
from app.core.model import ResponseCommitment, Urgency
from app.core.time_limits import handle_due
from app.store.demo import notes
from app.store.demo.profiles import Y

HOUR = 3_600_000
DAY = 24 * HOUR
OFFICE = "ZHB"  # the township's own office: 镇街自行处置
# Shares of cases, as a township's monthly figures show them (按期结案率 85-95 %, 返工率 and
# 延期率 a few per cent, supervision notices on the overdue ones).
EXTENDED = 0.075
EXTENSION_GRANTED = 0.8
PARKED = 0.02
PARKING_GRANTED = 0.85
LATE = 0.08
LATE_AFTER_REFUSAL = 0.5  # an extension refused: half of those units still miss the deadline
STUCK = 0.015  # long overdue, most supervised, some twice: the joint meeting's agenda
LINGERING = 0.4  # of those, the hard ones that drag on for months (积案)
NOT_FIXED = 0.03  # the on-site check fails: back to handling
REOPENED = 0.015  # closed, then reopened when the problem comes back
SUPERVISED = 0.65  # of late cases, those the supervisor sends a notice (督办单) about
SECOND_NOTICE = 0.3  # of long-overdue ones, those that get a second notice


@dataclass(frozen=True)
class Case:
    """What a plan needs to know about a case."""

    category: str = ""
    route: str = "X"  # the route the lists suggest
    unit: str = OFFICE  # the lead unit the lists suggest
    grid_worker: str = "clerk"  # who checks the result on site
    limit_days: int | None = None
    urgent: bool = False
    tag: str = ""  # what the description tells beyond the category (texts.Template.tag)


@dataclass(frozen=True)
class Setting:
    """The township around its cases: the calendar the clocks run on, Y commitments."""

    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    commitments: dict[str, ResponseCommitment] = field(default_factory=dict)
    # the police-transfer materials are files beside the database (materials.py); a build
    # without files has none, so its cases that may be crimes are not sent to the police
    materials: bool = True


Planned = list[tuple[int, str, Request]]


def _daytime(moment: int, rng: random.Random) -> int:
    """People act between 08:00 and 18:00: a step that would fall at night waits for the
    next morning (a return signed at 02:34 is not a township's)."""
    local = datetime.fromtimestamp(moment / 1000, CHINA)
    if 8 <= local.hour < 18:
        return moment
    morning = local.replace(hour=8, minute=30, second=0, microsecond=0)
    if local.hour >= 18:
        morning += timedelta(days=1)
    return int(morning.timestamp() * 1000) + rng.randrange(90 * 60_000)


class Handling:
    """The plan of one case's steps, from ``received`` up to the demo's present."""

    def __init__(
        self, rng: random.Random, received: int, now: int, case: Case, setting: Setting
    ) -> None:
        self.rng, self.now, self.case, self.setting = rng, now, case, setting
        self.received = received
        self.t = received
        self.steps: Planned = []
        self.cut = False  # the plan reached the present
        self.group = case.category[:2]
        self.route, self.unit, self.handler = case.route, case.unit, "clerk"
        self.start = received  # when the current handling period began (its clock)
        self.extension_days = 0
        self.pauses: list[Pause] = []

    # -- time ------------------------------------------------------------------------------

    def at(self, moment: int, who: str, request: Request) -> bool:
        """Take the step at ``moment`` (never before the previous one); False once the
        plan has reached the present, and every later step is left out."""
        moment = max(moment, self.t + 60_000)
        if self.cut or moment >= self.now:
            self.cut = True
            return False
        self.t = moment
        self.steps.append((moment, who, request))
        return True

    def after(self, hours: float, who: str, request: Request) -> bool:
        delay = int(hours * HOUR * self.rng.uniform(0.5, 1.5))
        return self.at(_daytime(self.t + delay, self.rng), who, request)

    def due(self) -> int:
        """The handling deadline as the case's projection will work it out."""
        urgency = Urgency.URGENT if self.case.urgent else Urgency.NORMAL
        limit = self.case.limit_days
        commitment = self.setting.commitments.get(self.unit)
        if self.route == Y and commitment is not None:
            limit, urgency = commitment.handle_days, Urgency.NORMAL
        started = china_time(self.start)
        due = handle_due(
            self.setting.calendar, started, limit, urgency, self.extension_days, self.pauses
        )
        return epoch_ms(due) if due is not None else self.now

    # -- the path --------------------------------------------------------------------------

    def handle(self, again: bool = False) -> None:
        """From the start of handling to closing: feedback on time or late (supervised),
        an extension or parking on the way, the on-site check, closing, perhaps rework."""
        rng = self.rng
        late, stuck = rng.random() < LATE, rng.random() < STUCK
        ask = rng.random()
        if not again and ask < EXTENDED:
            refused = self.extend()
            if refused is None:
                return
            late = late or (refused and rng.random() < LATE_AFTER_REFUSAL)
        elif not again and self.route != Y and ask < EXTENDED + PARKED and not self.park():
            return
        due = self.due()
        if stuck:
            months = rng.random() < LINGERING
            target = due + int((rng.uniform(45, 150) if months else rng.uniform(10, 40)) * DAY)
        elif late:
            target = due + int(rng.uniform(0.3, 6) * DAY)
        else:
            share = min(max(rng.betavariate(1.5, 2.5), 0.03), 0.95)
            target = self.t + int(share * max(due - self.t, HOUR))
        done = _daytime(target, rng)
        if not (late or stuck) and done >= due:
            done = due - int(rng.uniform(0.3, 2) * HOUR)
        if (late or stuck) and rng.random() < SUPERVISED:
            self.supervise(due, done, twice=stuck and rng.random() < SECOND_NOTICE)
        if not self.report(done):
            return
        self.check_and_close(again)

    def extend(self) -> bool | None:
        """Ask for an extension, decided by the leader. Returns whether it was refused;
        None when the plan ends on the way."""
        rng = self.rng
        ask = _daytime(self.t + int(rng.uniform(0.3, 0.8) * (self.due() - self.t)), rng)
        reason = rng.choice(notes.EXTENSIONS.get(self.group, notes.EXTENSIONS["01"]))
        days = rng.choice((3, 5, 5, 7, 10))
        if not self.at(ask, self.handler, Request(Action.EXTEND, days=days, reason=reason)):
            return None
        if rng.random() < EXTENSION_GRANTED:
            if not self.after(4, "leader", Request(Action.APPROVE_EXTENSION)):
                return None
            self.extension_days += days
            return False
        refusal = Request(Action.DENY_EXTENSION, reason=rng.choice(notes.EXTENSION_DENIED))
        return None if not self.after(4, "leader", refusal) else True

    def park(self) -> bool:
        """Ask to park the case (挂账); once approved it waits until the date asked for (or is
        taken up earlier) and is resumed. False when the plan ends on the way."""
        rng = self.rng
        ask = _daytime(self.t + int(rng.uniform(0.2, 0.6) * (self.due() - self.t)), rng)
        until = china_time(ask).date() + timedelta(days=rng.randint(20, 50))
        reason = notes.PARKING.get(self.group, notes.PARKING["04"])
        request = Request(Action.PARK, until=until.isoformat(), reason=reason)
        if not self.at(ask, self.handler, request):
            return False
        if rng.random() >= PARKING_GRANTED:
            return self.after(6, "leader", Request(Action.DENY_PARK, reason=notes.PARKING_DENIED))
        if not self.after(6, "leader", Request(Action.APPROVE_PARK)):
            return False
        parked = self.t
        back = epoch_ms(datetime.combine(until, datetime.min.time())) + 9 * HOUR
        if rng.random() < 0.3:  # the reason went away sooner
            back = parked + int(rng.uniform(0.3, 0.8) * (back - parked))
        if not self.at(_daytime(back, rng), self.handler, Request(Action.RESUME)):
            return False
        self.pauses.append(Pause(china_time(parked), china_time(self.t)))
        return True

    def supervise(self, due: int, done: int, twice: bool) -> None:
        """The supervisor's notice (督办单) on an overdue case, before its feedback comes."""
        rng = self.rng
        first = _daytime(due + int(rng.uniform(2, 30) * HOUR), rng)
        note = Request(Action.SUPERVISE, note=rng.choice(notes.SUPERVISION))
        if first < done - HOUR and self.at(first, "supervisor", note) and twice:
            again = _daytime(self.t + int(rng.uniform(5, 9) * DAY), rng)
            if again < done - HOUR:
                self.at(again, "supervisor", Request(Action.SUPERVISE, note=notes.SUPERVISED_AGAIN))

    def report(self, done: int) -> bool:
        """The unit reports the result (反馈); a Y department's call is recorded as handled
        first and confirmed by the office after (事不完人不撤)."""
        rng = self.rng
        note = rng.choice(notes.FEEDBACK.get(self.case.category, ("已处置完毕",)))
        if self.route == Y and self.steps and self.call_open():
            handled = Request(Action.CALL_DONE, note="现场处置完毕")
            if not self.at(done - int(rng.uniform(0.3, 2) * HOUR), "clerk", handled):
                return False
            return self.at(done, "clerk", Request(Action.FEEDBACK, note=note)) and self.after(
                1.5, "clerk", Request(Action.CALL_CONFIRM, note="经现场确认，已处置完毕")
            )
        return self.at(done, self.handler, Request(Action.FEEDBACK, note=note))

    def call_open(self) -> bool:
        """Whether this handling period is the call's (after rework the call is confirmed)."""
        for _, _, request in reversed(self.steps):
            if request.action in (Action.CALL_CONFIRM, Action.RETURN):
                return False
            if request.action == Action.CALL:
                return True
        return False

    def check_and_close(self, again: bool) -> None:
        rng = self.rng
        failed = not again and rng.random() < NOT_FIXED
        note = notes.NOT_FIXED.get(self.group, "现场复查，问题仍然存在") if failed else ""
        check = Request(Action.VERIFY, passed=not failed, note=note or rng.choice(notes.VERIFIED))
        if not self.after(14, self.case.grid_worker, check):
            return
        if failed:  # back to the unit: a new handling period, a new clock
            self.start = self.t
            self.handle(again=True)
            return
        if not self.after(2.5, "clerk", Request(Action.CLOSE)) or again:
            return
        if rng.random() < REOPENED:
            reopen = _daytime(self.t + int(rng.uniform(3, 20) * DAY), rng)
            rework = Request(Action.REWORK, reason=rng.choice(notes.REOPENED))
            if self.at(reopen, "clerk", rework):
                self.start = self.t
                self.handle(again=True)
