"""What a write changed (store/changes.py): worked out from the events it committed, so the
window re-reads only the pages that show them."""

from __future__ import annotations

import pytest

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.errors import DomainError
from app.core.lists import ListKind
from app.store.blobs import BlobStore
from app.store.calendar_days import set_day
from app.store.case_actions import act
from app.store.cases import case_by_number
from app.store.changes import (
    CALLS,
    CASES,
    DISPUTES,
    LISTS,
    MEETINGS,
    REFERENCE,
    Changes,
    changes_of,
    recording,
)
from app.store.eventlog import events_in_order
from app.store.lists import set_item
from app.store.meetings import set_members
from app.store.reference import user_by_name
from tests.clock import frozen
from tests.store.store_helpers import case_for


def step(db, path, who: str, number: str, request: Request) -> Changes:  # type: ignore[no-untyped-def]
    with recording(db) as events:
        act(db, BlobStore.beside(path), user_by_name(db, who), number, request, wall=frozen)
    return changes_of(events)


def test_a_step_changes_its_case_a_call_the_calls_too(demo_db, demo_path) -> None:
    number = case_for(demo_db, "ZFZD")
    case_id = case_by_number(demo_db, number).id
    dispatched = step(demo_db, demo_path, "clerk", number, Request(Action.DISPATCH, to="ZFZD"))
    assert dispatched == Changes(frozenset({CASES}), frozenset({case_id}))
    returned = step(
        demo_db,
        demo_path,
        "officer_zfzd",
        number,
        Request(Action.RETURN, reason="不属本队", not_our_duty=True),
    )
    assert returned.kinds == {CASES, CALLS, DISPUTES} and returned.cases == {case_id}
    called = step(
        demo_db,
        demo_path,
        "clerk",
        number,
        Request(Action.CALL, to="WJJ", reason="需专业处置", override_reason="现场需卫健局"),
    )
    assert called.touches([CALLS]) and not called.touches([MEETINGS, LISTS])


def test_a_refused_step_changes_nothing(demo_db, demo_path) -> None:
    number = case_for(demo_db, "ZFZD")
    clerk = user_by_name(demo_db, "clerk")
    with recording(demo_db) as events, pytest.raises(DomainError):
        act(demo_db, BlobStore.beside(demo_path), clerk, number, Request(Action.CLOSE), wall=frozen)
    assert not changes_of(events)


def test_lists_meetings_and_the_calendar(demo_db) -> None:
    admin, clerk = user_by_name(demo_db, "admin"), user_by_name(demo_db, "clerk")
    with recording(demo_db) as events:
        set_item(
            demo_db, admin, ListKind.BOUNDARY, "QS-XZCF-001", {"牵头部门": "派出所"}, wall=frozen
        )
    assert changes_of(events).touches([LISTS])
    with recording(demo_db) as events:
        set_members(demo_db, clerk, ["ZHB", "SCJG"], wall=frozen)
    assert changes_of(events).kinds == {MEETINGS}
    with recording(demo_db) as outer, recording(demo_db) as inner:
        set_day(demo_db, admin, "2026-12-02", False, "停电", wall=frozen)
    assert outer == inner and changes_of(inner).kinds == {REFERENCE, CASES, CALLS}
    with recording(demo_db) as after:
        pass
    assert after == []  # only what committed while recording


def test_many_events_change_the_union_of_what_each_changed(demo_db) -> None:
    """A sync file's 100,000 events: every kind and case any of them changed, once (they
    are gathered in sets: joining frozensets event by event took 36 s for 15,000 cases)."""
    logged = list(events_in_order(demo_db))
    whole = changes_of(logged)
    halves = changes_of(logged[: len(logged) // 2]) | changes_of(logged[len(logged) // 2 :])
    assert whole == halves
    assert whole.kinds >= {CASES, REFERENCE, LISTS}
    assert len(whole.cases) == demo_db.execute("SELECT count(*) FROM cases").fetchone()[0]
