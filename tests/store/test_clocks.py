"""The board's rows: overdue cases, cases about to fall due, and late calls."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.clocks import due_soon_cases, overdue_calls, overdue_cases
from app.store.reference import user_by_name
from tests.store.store_helpers import case_for

TUESDAY_9AM_MS = 1_796_086_800_000  # 2026-12-01 09:00 China time


def dispatched(db, path, action: Request) -> str:  # type: ignore[no-untyped-def]
    """A normal case the lists send to ``action.to``, routed there at 09:00 on a Tuesday."""
    urgent = {row[0] for row in db.execute("SELECT number FROM cases WHERE urgency = 'urgent'")}
    number = case_for(db, action.to or "", urgent, lambda: TUESDAY_9AM_MS - 60_000)
    act(
        db,
        BlobStore.beside(path),
        user_by_name(db, "clerk"),
        number,
        action,
        wall=lambda: TUESDAY_9AM_MS,
    )
    return number


def test_a_case_is_due_soon_then_overdue(demo_db, demo_path) -> None:
    number = dispatched(demo_db, demo_path, Request(Action.DISPATCH, to="SCJG"))
    # sign for by Wednesday 17:30; due soon from Wednesday 13:00 (half an office day left)
    morning, afternoon, thursday = (
        datetime(2026, 12, 2, 9),
        datetime(2026, 12, 2, 14),
        datetime(2026, 12, 3, 9),
    )
    assert number not in {r.number for r in due_soon_cases(demo_db, morning)}
    assert (number, "sign") in {(r.number, r.kind) for r in due_soon_cases(demo_db, afternoon)}
    assert number not in {r.number for r in overdue_cases(demo_db, afternoon)}
    late = {r.number: r for r in overdue_cases(demo_db, thursday)}
    assert late[number].kind == "sign" and late[number].lead_unit == "SCJG"
    assert number not in {r.number for r in due_soon_cases(demo_db, thursday)}


def test_a_call_not_answered_in_time_is_late(demo_db, demo_path) -> None:
    number = dispatched(
        demo_db, demo_path, Request(Action.CALL, to="YJJ", reason="燃气泄漏", urgent=True)
    )
    ack = demo_db.execute("SELECT ack_minutes FROM departments WHERE code = 'YJJ'").fetchone()[0]
    called = datetime(2026, 12, 1, 9)
    before, after = called + timedelta(minutes=ack - 1), called + timedelta(minutes=ack + 1)
    assert number not in {r.number for r in overdue_calls(demo_db, before)}
    rows = [r for r in overdue_calls(demo_db, after) if r.number == number]
    assert [(r.kind, r.lead_unit, r.status) for r in rows] == [("call_ack", "YJJ", "assigned")]
