"""The demo's joint meetings (联席会议): every department a member; the first meeting held
three days before the demo's present, scheduled a week ahead of it with the agenda the data
proposed then, its minutes written that evening; the next one a week ahead.

A meeting rules only on what was before it: the disputes on its agenda, all opened before it
was scheduled, so never one opened after the meeting. Meetings are numbered as they are
scheduled, which is their order in time. Each ruling is carried out: the office dispatches
the case to the unit found responsible the next working day.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Protocol

from sqlite_utils import Database

from app.core.calendar import WorkCalendar
from app.core.clock import china_time, epoch_ms
from app.core.disputes import Dispute
from app.core.meetings import HELD_ON_FORMAT, DecisionDraft
from app.store.disputes import disputes
from app.store.meetings import record_minutes, schedule_meeting, set_members
from app.store.reference import departments, user_by_name
from app.store.work_calendar import work_calendar

PLACE = "镇政府三楼会议室"
CHAIR = "刘建军（分管副镇长）"
AT = time(14, 30)  # meetings are held in the afternoon
RULINGS = {  # category -> (the meeting's ruling, lead, cooperating)
    "0402": (
        "建筑施工噪声扰民由综合执法中队牵头查处，派出所配合；社会生活噪声仍由派出所负责。"
        "本案由综合执法中队办理并反馈。",
        "ZFZD",
        ("PCS",),
    ),
    "0504": (
        "计量作弊案件仍由市场监管所牵头查处，需技术认定的由市场监管所商请区市场监管局计量科"
        "支持，不以此为由回退。",
        "SCJG",
        (),
    ),
}


class Walk(Protocol):
    """The demo's case path being written (``walk.Walk``): up to a moment, and the steps a
    ruling brings."""

    def advance(self, until: int) -> None: ...

    def follow_ruling(
        self, case_id: str, lead: str, cooperating: tuple[str, ...], at: int
    ) -> None: ...


def hold_demo_meetings(db: Database, now: int, walk: Walk | None = None) -> None:
    """Hold the demo's meetings; ``walk``: the cases still being written, advanced to each
    moment before the meeting's records are written (None: the cases are all written)."""
    clerk = user_by_name(db, "clerk")
    units = [d.code for d in departments(db)]
    calendar = work_calendar(db)
    today = china_time(now).date()
    held_day = _working_day(calendar, today - timedelta(days=3), back=True)
    held = datetime.combine(held_day, AT)
    scheduled = epoch_ms(
        datetime.combine(
            _working_day(calendar, held_day - timedelta(days=7), back=True), time(10, 0)
        )
    )
    minutes = epoch_ms(datetime.combine(held_day, time(17, 10)))
    if walk is not None:
        walk.advance(scheduled)
    set_members(db, clerk, units, wall=lambda: scheduled)
    first = schedule_meeting(
        db, clerk, held.strftime(HELD_ON_FORMAT), PLACE, CHAIR, units, wall=lambda: scheduled
    )
    if walk is not None:
        walk.advance(minutes)
    before = held.strftime("%Y-%m-%d %H:%M:%S")
    settled = [  # the disputes on its agenda that it rules on
        d
        for d in disputes(db)
        if d.meeting_id == first.id and d.category_code in RULINGS and d.opened_at < before
    ]
    decisions = [_ruling(d, held_day) for d in sorted(settled, key=lambda d: d.opened_at)]
    decisions.append(
        DecisionDraft(
            "对超期二十个工作日以上的案件，各牵头单位逐件说明原因并提出办结时限，报综合执法办汇总。",
            "ZHB",
            (held_day + timedelta(days=14)).isoformat(),
        )
    )
    summary = (
        "会议通报了本季度综合执法案件办理情况，研究了职责争议和长期超期案件，"
        "明确了牵头单位和办结时限。"
    )
    record_minutes(db, clerk, first.id, summary, decisions, wall=lambda: minutes)
    if walk is not None:
        for dispute in settled:
            _, lead, cooperating = RULINGS[dispute.category_code]
            walk.follow_ruling(dispute.case_id, lead, cooperating, minutes)
        walk.advance(now + 1)
    upcoming = datetime.combine(_working_day(calendar, today + timedelta(days=7)), AT)
    schedule_meeting(
        db, clerk, upcoming.strftime(HELD_ON_FORMAT), PLACE, CHAIR, units, wall=lambda: now
    )


def _working_day(calendar: WorkCalendar, day: date, back: bool = False) -> date:
    """``day`` if the office works then, else the nearest working day before or after."""
    step = timedelta(days=-1 if back else 1)
    while not calendar.is_working_day(day):
        day += step
    return day


def _ruling(dispute: Dispute, held_day: date) -> DecisionDraft:
    text, lead, cooperating = RULINGS[dispute.category_code]
    deadline = (held_day + timedelta(days=10)).isoformat()
    return DecisionDraft(text, lead, deadline, dispute.id, lead, cooperating)
