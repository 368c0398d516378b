"""What waits on whom: each role's queue holds exactly the cases it must act on."""

from __future__ import annotations

import pytest

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.case_list import CaseFilter, count_cases
from app.store.queues import my_tasks, task_counts
from app.store.reference import user_by_name
from tests.clock import frozen
from tests.store.store_helpers import case_for


def test_each_role_sees_what_it_must_do(demo_db, demo_path) -> None:
    blobs = BlobStore.beside(demo_path)
    user = lambda name: user_by_name(demo_db, name)  # noqa: E731
    a, b = case_for(demo_db, "SCJG"), case_for(demo_db, "PCS")  # as the lists say
    act(demo_db, blobs, user("clerk"), a, Request(Action.DISPATCH, to="SCJG"), wall=frozen)
    act(demo_db, blobs, user("clerk"), b, Request(Action.DISPATCH, to="PCS"), wall=frozen)
    officer = {t.number for t in my_tasks(demo_db, user("officer"))}
    assert a in officer and b not in officer  # only the officer's own unit
    assert all(
        t.status in ("assigned", "handling", "parked") for t in my_tasks(demo_db, user("officer"))
    )
    clerk = my_tasks(demo_db, user("clerk"))
    assert a not in {t.number for t in clerk}  # dispatched: no longer the clerk's
    assert {t.status for t in clerk} <= {"pending_triage", "verified", "assigned", "handling"}
    act(demo_db, blobs, user("officer"), a, Request(Action.SIGN), wall=frozen)
    act(
        demo_db,
        blobs,
        user("officer"),
        a,
        Request(Action.EXTEND, days=3, reason="需检测"),
        wall=frozen,
    )
    assert a in {t.number for t in my_tasks(demo_db, user("leader"))}
    act(demo_db, blobs, user("officer"), a, Request(Action.FEEDBACK, note="已整改"), wall=frozen)
    grid_code = demo_db.execute("SELECT grid_code FROM cases WHERE number = ?", [a]).fetchone()[0]
    worker = demo_db.execute(
        "SELECT u.username FROM grids g JOIN users u ON u.id = g.worker_id WHERE g.code = ?",
        [grid_code],
    ).fetchone()[0]
    assert a in {t.number for t in my_tasks(demo_db, user(worker))}  # verify on site
    assert a not in {t.number for t in my_tasks(demo_db, user("leader"))}  # request lapsed


def test_running_deadlines_come_first_soonest_first(demo_db) -> None:
    tasks = my_tasks(demo_db, user_by_name(demo_db, "clerk"))
    dues = [t.due for t in tasks]
    with_clock = [d for d in dues if d is not None]
    assert with_clock == sorted(with_clock)
    assert dues[: len(with_clock)] == with_clock  # no clock-less task before a running one


@pytest.mark.parametrize(
    "username", ["admin", "clerk", "officer", "officer_pcs", "leader", "supervisor", "grid"]
)
def test_the_counts_by_kind_add_up_to_the_cases_waiting(demo_db, username) -> None:
    user = user_by_name(demo_db, username)
    counts = task_counts(demo_db, user)
    assert sum(counts.values()) == count_cases(demo_db, CaseFilter(waiting_on=user))
    for status, count in counts.items():
        assert count == count_cases(demo_db, CaseFilter(waiting_on=user, status=status.value))
