"""Calendar exceptions move the due times of open cases; only an administrator sets them."""

from __future__ import annotations

import pytest

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.errors import DomainError
from app.store.blobs import BlobStore
from app.store.calendar_days import overrides, set_day
from app.store.case_actions import act
from app.store.reference import user_by_name
from tests.clock import frozen
from tests.store.store_helpers import case_for, full_dump

# 2026-12-01 09:00 China time: a Tuesday
TUESDAY_MS = 1_796_086_800_000


def dispatched_case(db, path, at_ms: int = TUESDAY_MS) -> str:  # type: ignore[no-untyped-def]
    """A case the lists send to 市场监管所, registered and dispatched there at ``at_ms``."""
    number = case_for(db, "SCJG", wall=lambda: at_ms - 60_000)  # as the lists say
    act(
        db,
        BlobStore.beside(path),
        user_by_name(db, "clerk"),
        number,
        Request(Action.DISPATCH, to="SCJG"),
        wall=lambda: at_ms,
    )
    return number


def sign_due(db, number: str) -> str:  # type: ignore[no-untyped-def]
    return db.execute("SELECT sign_due_at FROM cases WHERE number = ?", [number]).fetchone()[0]


def test_a_day_off_moves_the_due_time_of_open_cases(demo_db, demo_path) -> None:
    number = dispatched_case(demo_db, demo_path)
    assert sign_due(demo_db, number) == "2026-12-02 17:30:00"  # one working day
    moved = set_day(
        demo_db, user_by_name(demo_db, "admin"), "2026-12-02", False, "停电停工", wall=frozen
    )
    assert moved >= 1
    assert sign_due(demo_db, number) == "2026-12-03 17:30:00"
    assert [(d.day, d.working, d.note) for d in overrides(demo_db)] == [
        ("2026-12-02", False, "停电停工")
    ]
    set_day(
        demo_db, user_by_name(demo_db, "admin"), "2026-12-02", True, wall=frozen
    )  # changed back
    assert sign_due(demo_db, number) == "2026-12-02 17:30:00"


@pytest.mark.parametrize(
    ("username", "day", "message"),
    [
        ("clerk", "2026-12-02", "受理员不能维护基础数据"),
        ("admin", "2026-13-02", "日期“2026-13-02”格式不对"),
    ],
)
def test_refusals_change_nothing(demo_db, username, day, message) -> None:
    before = full_dump(demo_db)
    with pytest.raises(DomainError) as refused:
        set_day(demo_db, user_by_name(demo_db, username), day, False, wall=frozen)
    assert message in str(refused.value)
    assert full_dump(demo_db) == before


def test_office_hours_move_every_deadline(demo_db, demo_path) -> None:
    from app.store.calendar_days import set_office_hours

    number = dispatched_case(demo_db, demo_path)
    set_office_hours(demo_db, user_by_name(demo_db, "admin"), "09:00", "18:00", wall=frozen)
    assert sign_due(demo_db, number) == "2026-12-02 18:00:00"
    before = full_dump(demo_db)
    with pytest.raises(DomainError) as refused:
        set_office_hours(demo_db, user_by_name(demo_db, "admin"), "18:00", "09:00", wall=frozen)
    assert "下班晚于上班" in str(refused.value)
    assert full_dump(demo_db) == before


def test_a_category_may_have_its_own_sign_for_limit(demo_db, demo_path) -> None:
    number = case_for(demo_db, "SCJG", wall=lambda: TUESDAY_MS - 60_000)
    category = demo_db.execute(
        "SELECT category_code FROM cases WHERE number = ?", [number]
    ).fetchone()[0]
    # set directly on the projection: only the due-time rule is under test here
    demo_db.execute("UPDATE categories SET sign_days = 3 WHERE code = ?", [category])
    demo_db.execute("UPDATE cases SET urgency = 'normal' WHERE number = ?", [number])
    act(
        demo_db,
        BlobStore.beside(demo_path),
        user_by_name(demo_db, "clerk"),
        number,
        Request(Action.DISPATCH, to="SCJG"),
        wall=lambda: TUESDAY_MS,
    )
    assert sign_due(demo_db, number) == "2026-12-04 17:30:00"  # Friday: three working days


def test_a_called_department_is_held_to_its_own_commitment(demo_db, demo_path) -> None:
    from app.core.model import ResponseCommitment
    from app.store.setup import set_response_commitment

    admin = user_by_name(demo_db, "admin")
    set_response_commitment(demo_db, admin, "YJJ", ResponseCommitment(20, 90, 2), wall=frozen)
    number = demo_db.execute(  # a category whose own limit is not two days
        "SELECT c.number FROM cases c JOIN categories k ON k.code = c.category_code "
        "WHERE c.status = 'pending_triage' AND k.limit_days != 2 ORDER BY c.number"
    ).fetchone()[0]
    blobs, clerk = BlobStore.beside(demo_path), user_by_name(demo_db, "clerk")
    act(
        demo_db,
        blobs,
        clerk,
        number,
        Request(
            Action.CALL, to="YJJ", reason="燃气泄漏", override_reason="燃气泄漏，先请应急局到场"
        ),
        wall=lambda: TUESDAY_MS,
    )
    act(demo_db, blobs, clerk, number, Request(Action.CALL_ACK), wall=lambda: TUESDAY_MS + 60_000)
    due = demo_db.execute("SELECT handle_due_at FROM cases WHERE number = ?", [number])
    assert due.fetchone()[0] == "2026-12-03 17:30:00"  # two working days, whatever the category


@pytest.mark.parametrize(
    ("code", "commitment", "message"),
    [
        ("SCJG", (20, 90, 2), "不是区直部门"),
        ("YJJ", (0, 90, 2), "应为正整数"),
        ("NOPE", (20, 90, 2), "部门“NOPE”不存在"),
    ],
)
def test_bad_commitments_change_nothing(demo_db, code, commitment, message) -> None:
    from app.core.model import ResponseCommitment
    from app.store.setup import set_response_commitment

    before = full_dump(demo_db)
    with pytest.raises(DomainError) as refused:
        set_response_commitment(
            demo_db,
            user_by_name(demo_db, "admin"),
            code,
            ResponseCommitment(*commitment),
            wall=frozen,
        )
    assert message in str(refused.value)
    assert full_dump(demo_db) == before


def test_a_denied_park_request_can_be_made_again(demo_db, demo_path) -> None:
    number = dispatched_case(demo_db, demo_path)
    blobs = BlobStore.beside(demo_path)
    officer, leader = user_by_name(demo_db, "officer"), user_by_name(demo_db, "leader")
    later = lambda: TUESDAY_MS + 3_600_000  # noqa: E731
    act(demo_db, blobs, officer, number, Request(Action.SIGN), wall=later)
    park = Request(Action.PARK, until="2027-03-01", reason="季节性施工")
    act(demo_db, blobs, officer, number, park, wall=later)
    act(
        demo_db,
        blobs,
        leader,
        number,
        Request(Action.DENY_PARK, reason="不符合挂账条件"),
        wall=later,
    )
    row = demo_db.execute(
        "SELECT status, park_requested_until FROM cases WHERE number = ?", [number]
    ).fetchone()
    assert row == ("handling", None)
    act(demo_db, blobs, officer, number, park, wall=later)  # asked again, allowed again
