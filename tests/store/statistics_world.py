"""A small township history with known answers, for the statistics tests: eleven cases
registered on Tuesday 1 December 2026, every step taken at a chosen moment (never today).

December 2026 has no holidays: 1 Dec is a Tuesday, 5–6 and 12–13 are weekends. Office hours
08:30–17:30 (9 hours a day). "Within N working days" ends at 17:30 of the N-th working day
after the start day (core/calendar.py). Sign-for limit: 1 working day (no category sets one).

The cases (letter: category (limit), source, grid, route and story):

A 0102 垃圾 (3 d), patrol, G01: self-handled, signed, fed back the same day, closed. On time.
B 0501 无照 (5 d), hotline, G02: dispatched to SCJG 1 Dec 10:10, signed 3 Dec 09:00 (sign due
  2 Dec 17:30: late); handling due 5 working days after 3 Dec = 10 Dec 17:30; feedback
  11 Dec 09:00: late. Closed 11 Dec 10:00.
C 0501 (5 d), patrol, G01: SCJG signed 1 Dec 13:00, 5 days extension approved; due 5 + 5
  working days after 1 Dec = 15 Dec 17:30 (8 Dec 17:30 without it); feedback 10 Dec 09:00:
  on time because of the extension. Closed 10 Dec 10:00.
D 0101 占道 (3 d), joint patrol, G03: ZFZD signed 1 Dec 13:10, fed back 2 Dec, closed 2 Dec
  15:00; reworked 3 Dec 10:30 (a new clock: due 8 Dec 17:30), fed back 7 Dec 09:00, closed
  again 7 Dec 10:00. On time.
E 0501 (5 d), patrol, G02: SCJG signed 1 Dec 13:20, parked 1 Dec 16:40 – 3 Dec 10:00 (office
  time parked: 50 min + 9 h + 1 h 30 = 11 h 20 min); due 8 Dec 17:30 pushed by 11 h 20 of
  office time = 10 Dec 10:50; feedback 9 Dec 15:00: on time because of the parking.
  Closed 9 Dec 16:00.
F 0501 (5 d), visit, G01: SCJG signed, then returned 1 Dec 14:00 as "not our duty" (a
  dispute); the office ruled for ZFZD 2 Dec 09:00; dispatched to ZFZD 09:30, signed 10:00,
  still being handled.
G 0603 企业安全 (2 d), hotline, G04: an ordinary call to YJJ (commitment 20 / 60 min for
  urgent calls, so 40 / 120 min) 1 Dec 11:00; acknowledged 11:50 (50 min: late), on scene
  12:30 (90 min: on time), done, fed back 2 Dec 10:40 (YJJ's own 2 working days from 1 Dec
  11:50: due 3 Dec 17:30), confirmed, closed 2 Dec 11:10. On time.
H 0102, hotline, G01: rejected.
I 0701 道路破损, patrol, G05: an ordinary call to JTJ 1 Dec 11:05 (60 / 240 min), returned by
  the office 11:30 before anyone answered (the call is abandoned, not judged); called again,
  to ZJJ against the lists' suggestion, 2 Dec 10:20 (60 / 240 min): acknowledged 11:00
  (40 min: on time), never on scene (due 14:20: late), still being handled.
J 0102, hotline, G06: transferred to another authority 1 Dec 10:06, receipt 2 Dec 09:40.
P 0102, patrol, G07: asked to go to the police 1 Dec 10:07 with its materials, approved by
  the leader (the transfer) 10:08, receipt and "accepted" 2 Dec.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.clock import epoch_ms
from app.core.disputes import Ruling
from app.core.intake import IntakeRequest
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.cases import register_case
from app.store.disputes import decide_dispute, disputes
from app.store.reference import user_by_name
from tests.store.police_helpers import materials


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour) + timedelta(minutes=minute)


class World:
    def __init__(self, db: Any, path: Path) -> None:
        self.db, self.blobs = db, BlobStore.beside(path)
        self.folder = path.parent / "materials"
        self.numbers: dict[str, str] = {}
        self.ids: dict[str, str] = {}

    def register(self, name: str, category: str, source: str, grid: str, when: datetime) -> None:
        request = IntakeRequest(category, grid, f"案件{name}：待研判", source=source)
        case = register_case(
            self.db, self.blobs, user_by_name(self.db, "clerk"), request, wall=wall_at(when)
        )
        self.numbers[name], self.ids[name] = case.number, case.id

    def step(
        self, who: str, name: str, action: str, when: datetime, files: Any = (), **fields: Any
    ) -> None:
        act(
            self.db,
            self.blobs,
            user_by_name(self.db, who),
            self.numbers[name],
            Request(Action(action), **fields),
            files,
            wall=wall_at(when),
        )

    def name_of(self, case_id: str) -> str:
        return {v: k for k, v in self.ids.items()}[case_id]


def wall_at(when: datetime):  # type: ignore[no-untyped-def]
    ms = epoch_ms(when)
    return lambda: ms


def build(db: Any, path: Path) -> World:
    w = World(db, path)
    for name, category, source, grid, minute in [
        ("A", "0102", "patrol", "G01", 40),
        ("B", "0501", "hotline", "G02", 50),
        ("C", "0501", "patrol", "G01", 60),
        ("D", "0101", "joint-patrol", "G03", 70),
        ("E", "0501", "patrol", "G02", 80),
        ("F", "0501", "visit", "G01", 90),
        ("G", "0603", "hotline", "G04", 100),
        ("H", "0102", "hotline", "G01", 110),
        ("I", "0701", "patrol", "G05", 115),
        ("J", "0102", "hotline", "G06", 116),
        ("P", "0102", "patrol", "G07", 117),
    ]:
        w.register(name, category, source, grid, at(1, 8, minute))
    s = w.step
    # 1 December (Tuesday): triage
    s("clerk", "A", "self-handle", at(1, 10, 0))
    s("clerk", "H", "reject", at(1, 10, 5), reason="不属于受理范围")
    s("clerk", "J", "transfer", at(1, 10, 6), to="县水利局", reason="属水利部门管辖")
    files, attached = materials(w.folder)
    s("clerk", "P", "transfer-police", at(1, 10, 7), files, offence="涉嫌污染环境罪",
      threshold="非法倾倒危险废物超过三吨", attachments=attached)  # fmt: skip
    s("leader", "P", "approve-transfer", at(1, 10, 8))
    s("clerk", "B", "dispatch", at(1, 10, 10), to="SCJG")
    s("clerk", "C", "dispatch", at(1, 10, 20), to="SCJG")
    s("clerk", "D", "dispatch", at(1, 10, 30), to="ZFZD")
    s("clerk", "E", "dispatch", at(1, 10, 40), to="SCJG")
    s("clerk", "F", "dispatch", at(1, 10, 50), to="SCJG")
    s("clerk", "G", "call", at(1, 11, 0), to="YJJ", reason="企业仓库安全隐患")
    s("clerk", "I", "call", at(1, 11, 5), to="JTJ", reason="道路塌陷")
    s("clerk", "A", "sign", at(1, 11, 10))
    s("clerk", "I", "return", at(1, 11, 30), reason="应由住建局处理")
    s("clerk", "G", "call-ack", at(1, 11, 50))
    s("clerk", "G", "call-arrive", at(1, 12, 30))
    s("officer", "C", "sign", at(1, 13, 0))
    s("officer_zfzd", "D", "sign", at(1, 13, 10))
    s("officer", "E", "sign", at(1, 13, 20))
    s("officer", "F", "sign", at(1, 13, 30))
    s("officer", "F", "return", at(1, 14, 0), reason="属占道经营，非本所职责", not_our_duty=True)
    s("clerk", "A", "feedback", at(1, 15, 0), note="已清运")
    s("grid", "A", "verify", at(1, 15, 30), passed=True, note="现场已清理")
    s("clerk", "A", "close", at(1, 16, 0))
    s("officer", "C", "extend", at(1, 16, 10), days=5, reason="需送检")
    s("leader", "C", "approve-extension", at(1, 16, 20))
    s("officer", "E", "park", at(1, 16, 30), until="2026-12-20", reason="等待整改")
    s("supervisor", "E", "approve-park", at(1, 16, 40))
    # 2 December (Wednesday)
    [dispute] = disputes(w.db)
    ruling = Ruling("ZFZD", reasoning="属执法中队")
    # ruling against the lists is the responsible leader's (core/disputes.check_who_rules)
    decide_dispute(w.db, user_by_name(w.db, "leader"), dispute.id, ruling, wall=wall_at(at(2, 9)))
    s("clerk", "F", "dispatch", at(2, 9, 30), to="ZFZD")
    s("clerk", "J", "transfer-receipt", at(2, 9, 40), received_by="王科长")
    s("clerk", "P", "transfer-receipt", at(2, 9, 45), received_by="李警官")
    s("clerk", "P", "transfer-outcome", at(2, 9, 50), outcome="accepted", note="已立案")
    s("officer_zfzd", "F", "sign", at(2, 10, 0))
    s("clerk", "I", "call", at(2, 10, 20), to="ZJJ", reason="道路塌陷",
      override_reason="交通局回退：属住建")  # fmt: skip
    s("clerk", "I", "call-ack", at(2, 11, 0))
    s("clerk", "G", "call-done", at(2, 10, 30))
    s("clerk", "G", "feedback", at(2, 10, 40), note="隐患已整改")
    s("clerk", "G", "call-confirm", at(2, 10, 50))
    s("grid", "G", "verify", at(2, 11, 0), passed=True)
    s("clerk", "G", "close", at(2, 11, 10))
    s("officer_zfzd", "D", "feedback", at(2, 14, 0), note="已劝离")
    s("grid", "D", "verify", at(2, 14, 30), passed=True)
    s("clerk", "D", "close", at(2, 15, 0))
    # 3 December (Thursday)
    s("officer", "B", "sign", at(3, 9, 0))
    s("officer", "E", "resume", at(3, 10, 0))
    s("leader", "D", "rework", at(3, 10, 30), reason="摊贩又回来了")
    # 7 December (Monday)
    s("officer_zfzd", "D", "feedback", at(7, 9, 0), note="再次劝离")
    s("grid", "D", "verify", at(7, 9, 30), passed=True)
    s("clerk", "D", "close", at(7, 10, 0))
    # 9–11 December
    s("officer", "E", "feedback", at(9, 15, 0), note="已整改")
    s("grid", "E", "verify", at(9, 15, 30), passed=True)
    s("clerk", "E", "close", at(9, 16, 0))
    s("officer", "C", "feedback", at(10, 9, 0), note="已办结")
    s("grid", "C", "verify", at(10, 9, 30), passed=True)
    s("clerk", "C", "close", at(10, 10, 0))
    s("officer", "B", "feedback", at(11, 9, 0), note="已办结")
    s("grid", "B", "verify", at(11, 9, 30), passed=True)
    s("clerk", "B", "close", at(11, 10, 0))
    return w
