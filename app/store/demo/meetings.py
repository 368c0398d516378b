"""The demo's joint meetings (联席会议): every department a member, one meeting held three
days ago whose minutes settle the oldest duty dispute of each kind, and the next one a week
ahead with
the agenda the data proposes."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlite_utils import Database

from app.core.clock import CHINA
from app.core.disputes import Dispute
from app.core.meetings import DecisionDraft
from app.store.disputes import disputes
from app.store.meetings import record_minutes, schedule_meeting, set_members
from app.store.reference import departments, user_by_name

PLACE = "镇政府三楼会议室"
CHAIR = "刘建军（分管副镇长）"
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


def hold_demo_meetings(db: Database, now: int) -> None:
    clerk = user_by_name(db, "clerk")
    units = [d.code for d in departments(db)]
    wall = lambda: now  # noqa: E731 - the demo's present
    set_members(db, clerk, units, wall=wall)
    oldest = {d.category_code: d for d in disputes(db) if d.category_code in RULINGS}
    settled = list(oldest.values())  # the oldest dispute of each kind the meeting rules on
    today = datetime.fromtimestamp(now / 1000, CHINA)
    held = (today - timedelta(days=3)).strftime("%Y-%m-%d 14:30")
    first = schedule_meeting(db, clerk, held, PLACE, CHAIR, units, wall=wall)
    decisions = [_ruling(d, today) for d in settled]
    deadline = (today + timedelta(days=14)).date().isoformat()
    decisions.append(
        DecisionDraft(
            "对超期二十个工作日以上的案件，各牵头单位逐件说明原因并提出办结时限，报综合执法办汇总。",
            "ZHB",
            deadline,
        )
    )
    summary = (
        "会议通报了本季度综合执法案件办理情况，研究了职责争议和长期超期案件，"
        "明确了牵头单位和办结时限。"
    )
    record_minutes(db, clerk, first.id, summary, decisions, wall=wall)
    upcoming = (today + timedelta(days=7)).strftime("%Y-%m-%d 14:30")
    schedule_meeting(db, clerk, upcoming, PLACE, CHAIR, units, wall=wall)


def _ruling(dispute: Dispute, today: datetime) -> DecisionDraft:
    text, lead, cooperating = RULINGS[dispute.category_code]
    deadline = (today + timedelta(days=10)).date().isoformat()
    return DecisionDraft(text, lead, deadline, dispute.id, lead, cooperating)
