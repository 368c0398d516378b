"""Clocks on every step, in the database: triage, verification and closing on the office,
a transfer's receipt and outcome on the authority it went to, ordinary calls on office
hours; and the board (督查督办) showing each case once per unit, with its supervision mark
and the cases due soon."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.clock import CHINA
from app.core.errors import DomainError
from app.core.intake import IntakeRequest
from app.core.model import Category, Route
from app.core.step_limits import StepLimits
from app.store.base_data import save_category
from app.store.blobs import BlobStore
from app.store.board import board
from app.store.case_actions import act
from app.store.cases import case_by_number, register_case
from app.store.clocks import case_clocks, overdue_calls
from app.store.queues import my_tasks
from app.store.rebuild import rebuild
from app.store.reference import user_by_name
from app.store.step_limits import set_step_limits
from tests.store.police_helpers import materials
from tests.store.store_helpers import projection_dump


def at(text: str) -> int:
    """Epoch ms of a China-time moment."""
    return int(datetime.fromisoformat(text).replace(tzinfo=CHINA).timestamp() * 1000)


class Desk:
    """Steps on the small township, each at the moment a test names."""

    def __init__(self, db: Any, path: Path) -> None:
        self.db, self.blobs = db, BlobStore.beside(path)

    def register(self, when: str, urgent: bool = False) -> str:
        request = IntakeRequest("0101", "G01", "集市口有商户占道经营", "青石村村口", urgent=urgent)
        clerk = user_by_name(self.db, "clerk")
        return register_case(self.db, self.blobs, clerk, request, wall=lambda: at(when)).number

    def act(
        self,
        who: str,
        number: str,
        when: str,
        action: Action,
        files: list[Path] = (),
        **fields: Any,
    ) -> None:
        if action in (Action.DISPATCH, Action.CALL):  # not where the lists send 0101
            fields.setdefault("override_reason", "测试：指定单位")
        user = user_by_name(self.db, who)
        request = Request(action, **fields)
        act(self.db, self.blobs, user, number, request, files, wall=lambda: at(when))

    def step(self, number: str) -> tuple[str | None, str | None]:
        row = self.db.execute(
            "SELECT step_clock, step_due_at FROM cases WHERE number = ?", [number]
        ).fetchone()
        return row[0], (row[1] or "")[:16] or None


@pytest.fixture
def desk(small_db: Any, small_path: Path) -> Desk:
    return Desk(small_db, small_path)


def rows_of(rows: list, number: str) -> list[tuple[Any, ...]]:
    return [(r.unit, r.kind, r.clocks, r.supervision_count) for r in rows if r.number == number]


def test_every_office_step_runs_a_clock(desk: Desk) -> None:
    number = desk.register("2026-12-04 16:00")  # a Friday
    assert desk.step(number) == ("triage", "2026-12-07 17:30")
    # the clerk's workbench shows the triage deadline too
    [task] = [t for t in my_tasks(desk.db, user_by_name(desk.db, "clerk")) if t.number == number]
    assert (task.status, task.due) == ("pending_triage", "2026-12-07 17:30:00")
    # the office owes triage: on the board under the office (ZHB) once Monday is past
    assert rows_of(board(desk.db, datetime(2026, 12, 7, 17, 0)).overdue, number) == []
    late = board(desk.db, datetime(2026, 12, 8, 9, 0)).overdue
    assert rows_of(late, number) == [("ZHB", "triage", 1, 0)]
    desk.act("clerk", number, "2026-12-08 09:30", Action.DISPATCH, to="SCJG")
    assert desk.step(number) == (None, None)  # signing for is the unit's clock now
    desk.act("officer", number, "2026-12-08 10:00", Action.SIGN)
    desk.act("officer", number, "2026-12-09 10:00", Action.FEEDBACK, note="已责令整改")
    assert desk.step(number) == ("verify", "2026-12-14 17:30")  # three working days
    case = case_by_number(desk.db, number)
    assert [c.kind for c in case_clocks(desk.db, case.id, datetime(2026, 12, 9, 11))] == ["verify"]
    desk.act("grid", number, "2026-12-10 09:00", Action.VERIFY, passed=True, note="已整改")
    assert desk.step(number) == ("close", "2026-12-11 17:30")
    desk.act("clerk", number, "2026-12-10 10:00", Action.CLOSE, note="办结")
    assert desk.step(number) == (None, None)
    before = projection_dump(desk.db)
    rebuild(desk.db, user_by_name(desk.db, "admin"))
    assert projection_dump(desk.db) == before


def test_an_urgent_case_is_triaged_in_office_hours(desk: Desk) -> None:
    number = desk.register("2026-12-04 16:30", urgent=True)
    assert desk.step(number) == ("triage", "2026-12-07 09:30")  # 1 h Friday, 1 h Monday


def test_a_category_timed_in_hours_is_triaged_in_office_hours(desk: Desk) -> None:
    """A category handled within hours (a hazard) is an urgent kind: a case of it, even one
    not marked urgent, is triaged within two office hours; so is an open case once its
    category gains such a limit."""
    admin = user_by_name(desk.db, "admin")
    waiting = desk.register("2026-12-04 16:30")
    assert desk.step(waiting) == ("triage", "2026-12-07 17:30")
    leak = Category("0199", "地下管线泄漏", "01", Route.DISPATCH_X, "SCJG", limit_hours=3)
    save_category(desk.db, admin, leak, new=True, wall=lambda: at("2026-12-04 16:40"))
    request = IntakeRequest("0199", "G01", "路口闻到刺鼻气味，疑似管线泄漏")
    clerk = user_by_name(desk.db, "clerk")
    number = register_case(
        desk.db, desk.blobs, clerk, request, wall=lambda: at("2026-12-04 16:30")
    ).number
    assert desk.step(number) == ("triage", "2026-12-07 09:30")
    hazard = Category("0101", "占道经营", "01", Route.DISPATCH_X, "ZFZD", limit_hours=6)
    save_category(desk.db, admin, hazard, new=False, wall=lambda: at("2026-12-04 16:50"))
    assert desk.step(waiting) == ("triage", "2026-12-07 09:30")


def test_a_returned_case_starts_its_triage_clock_again(desk: Desk) -> None:
    number = desk.register("2026-12-01 09:00")
    desk.act("clerk", number, "2026-12-01 10:00", Action.DISPATCH, to="SCJG")
    desk.act("officer", number, "2026-12-04 16:00", Action.RETURN, reason="派错单位")
    assert desk.step(number) == ("triage", "2026-12-07 17:30")


def test_a_transfer_waits_on_the_authority_it_went_to(desk: Desk) -> None:
    number = desk.register("2026-12-07 09:00")
    desk.act(
        "clerk", number, "2026-12-07 10:00", Action.TRANSFER, to="区自然资源局", reason="非法占地"
    )
    assert desk.step(number) == ("transfer_receipt", "2026-12-14 17:30")
    late = board(desk.db, datetime(2026, 12, 15, 9)).overdue
    assert rows_of(late, number) == [("区自然资源局", "transfer_receipt", 1, 0)]
    desk.act("clerk", number, "2026-12-08 15:00", Action.TRANSFER_RECEIPT, received_by="李明")
    assert desk.step(number) == ("transfer_outcome", "2027-01-07 17:30")
    outcome = {"outcome": "accepted", "note": "已立案"}
    desk.act("clerk", number, "2026-12-20 10:00", Action.TRANSFER_OUTCOME, **outcome)
    assert desk.step(number) == (None, None)


def test_a_police_transfer_runs_the_clocks_of_order_310(desk: Desk, tmp_path: Path) -> None:
    number = desk.register("2026-12-07 09:00")
    files, attached = materials(tmp_path / "materials")
    police = {"offence": "非法经营罪", "threshold": "货值超过五万元", "attachments": attached}
    desk.act("clerk", number, "2026-12-07 10:00", Action.POLICE_REQUEST, files, **police)
    # the leader decides within 3 days (art. 5): the office's row on the board
    assert desk.step(number) == ("police_decision", "2026-12-10 17:30")
    late = board(desk.db, datetime(2026, 12, 11, 9)).overdue
    assert rows_of(late, number) == [("ZHB", "police_decision", 1, 0)]
    desk.act("leader", number, "2026-12-11 10:00", Action.POLICE_APPROVE)
    # sent within 24 hours (art. 5), the office's duty; the receipt shows it arrived
    assert desk.step(number) == ("police_sending", "2026-12-12 10:00")
    desk.act("clerk", number, "2026-12-11 15:00", Action.TRANSFER_RECEIPT, received_by="王警官")
    # the police decide within 3 days of receipt (art. 8): the police's row
    assert desk.step(number) == ("police_outcome", "2026-12-14 17:30")
    late = board(desk.db, datetime(2026, 12, 15, 9)).overdue
    assert rows_of(late, number) == [("蓬山区公安分局", "police_outcome", 1, 0)]
    outcome = {"outcome": "accepted", "note": "已立案侦查"}
    desk.act("clerk", number, "2026-12-15 10:00", Action.TRANSFER_OUTCOME, **outcome)
    # the case opened, the items go to the police within 3 days (art. 12): the office's row
    assert desk.step(number) == ("police_handover", "2026-12-18 17:30")
    late = board(desk.db, datetime(2026, 12, 19, 9)).overdue
    assert rows_of(late, number) == [("ZHB", "police_handover", 1, 0)]
    handover = {"note": "涉案物品移交清单1号", "received_by": "王警官"}
    desk.act("clerk", number, "2026-12-16 10:00", Action.POLICE_HANDOVER, **handover)
    assert desk.step(number) == (None, None)


def test_a_case_is_on_the_board_once_per_unit_with_its_supervision_mark(desk: Desk) -> None:
    """A call to 应急管理局 late on both its response and its arrival is one row of that
    unit with two clocks; supervising it marks the row."""
    number = desk.register("2026-12-07 08:40")
    call = {"to": "YJJ", "reason": "燃气泄漏", "urgent": True}
    desk.act("clerk", number, "2026-12-07 09:00", Action.CALL, **call)
    late = board(desk.db, datetime(2026, 12, 8, 9)).overdue
    assert rows_of(late, number) == [("YJJ", "call_ack", 2, 0)]
    desk.act("supervisor", number, "2026-12-08 09:10", Action.SUPERVISE, note="请立即响应")
    desk.act("leader", number, "2026-12-08 09:20", Action.SUPERVISE, note="再次督办")
    late = board(desk.db, datetime(2026, 12, 8, 10)).overdue
    assert rows_of(late, number) == [("YJJ", "call_ack", 2, 2)]


def test_the_board_lists_cases_due_soon_apart(desk: Desk) -> None:
    number = desk.register("2026-12-07 09:00")  # triage due Tuesday 17:30
    # half an office day before (Tuesday 13:00) it turns due soon
    assert rows_of(board(desk.db, datetime(2026, 12, 8, 12)).due_soon, number) == []
    watch = board(desk.db, datetime(2026, 12, 8, 14))
    assert rows_of(watch.due_soon, number) == [("ZHB", "triage", 1, 0)]
    assert rows_of(watch.overdue, number) == []
    watch = board(desk.db, datetime(2026, 12, 9, 9))
    assert rows_of(watch.due_soon, number) == []
    assert rows_of(watch.overdue, number) == [("ZHB", "triage", 1, 0)]


def test_an_ordinary_call_is_timed_on_office_hours(desk: Desk) -> None:
    """Called on Friday at 17:00, an ordinary call to 应急管理局 (20 minutes committed for
    urgent calls, twice that for ordinary ones) is due on Monday at 08:40, not at 17:40."""
    number = desk.register("2026-12-04 16:50")
    desk.act("clerk", number, "2026-12-04 17:00", Action.CALL, to="YJJ", reason="广告牌松动")
    kinds = {
        r.kind for r in overdue_calls(desk.db, datetime(2026, 12, 5, 10)) if r.number == number
    }
    assert kinds == set()
    kinds = {r.kind for r in overdue_calls(desk.db, datetime(2026, 12, 7, 8, 41))}
    assert "call_ack" in kinds
    facts = desk.db.execute("SELECT response_due_at FROM call_facts").fetchone()
    assert facts[0][:16] == "2026-12-07 08:40"  # the statistics judge it the same way
    # answered on Monday at 08:35, 63 hours after the call: on time in office hours
    desk.act("clerk", number, "2026-12-07 08:35", Action.CALL_ACK)
    on_time = desk.db.execute("SELECT response_on_time, response_minutes FROM call_facts")
    assert on_time.fetchone() == (1, 3815.0)


def test_a_category_sets_its_own_verification_limit(desk: Desk) -> None:
    """占道经营 checked five working days after the feedback: the open case follows at once,
    a rebuild gives the same, a clerk may not set it, and one out of range is refused."""
    number = desk.register("2026-12-07 09:00")
    desk.act("clerk", number, "2026-12-07 09:30", Action.DISPATCH, to="SCJG")
    desk.act("officer", number, "2026-12-07 10:00", Action.SIGN)
    desk.act("officer", number, "2026-12-09 10:00", Action.FEEDBACK, note="已责令整改")
    assert desk.step(number) == ("verify", "2026-12-14 17:30")
    admin, clerk = user_by_name(desk.db, "admin"), user_by_name(desk.db, "clerk")
    wall = lambda: at("2026-12-09 11:00")  # noqa: E731
    with pytest.raises(DomainError):
        set_step_limits(desk.db, clerk, "0101", StepLimits(verify_days=5), wall=wall)
    with pytest.raises(DomainError):
        set_step_limits(desk.db, admin, "0101", StepLimits(verify_days=31), wall=wall)
    assert desk.step(number) == ("verify", "2026-12-14 17:30")
    limits = set_step_limits(desk.db, admin, "0101", StepLimits(verify_days=5), wall=wall)
    assert limits == StepLimits(verify_days=5)
    assert desk.step(number) == ("verify", "2026-12-16 17:30")
    before = projection_dump(desk.db)
    rebuild(desk.db, admin)
    assert projection_dump(desk.db) == before
    set_step_limits(desk.db, admin, "0101", StepLimits(), wall=lambda: at("2026-12-09 12:00"))
    assert desk.step(number) == ("verify", "2026-12-14 17:30")  # back to the default
