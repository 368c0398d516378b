"""The workbench's numbers on a hand-made world: three cases registered on a Tuesday
morning, two dispatched to the market supervision office; the answers are known."""

from __future__ import annotations

from datetime import datetime

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.indicators import Group
from app.core.periods import month_of
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.reference import user_by_name
from app.store.statistics import figures
from app.store.workbench_figures import office_figures, overdue_count, unit_figures
from tests.store.store_helpers import case_for

TUESDAY_9AM_MS = 1_796_086_800_000  # 2026-12-01 09:00 China time
TUESDAY_10AM = datetime(2026, 12, 1, 10)
THURSDAY_9AM = datetime(2026, 12, 3, 9)


def world(db, path) -> list[str]:  # type: ignore[no-untyped-def]
    """Three new cases at 08:59; the first two dispatched to SCJG at 09:00 (sign for by
    Wednesday 17:30)."""
    numbers: list[str] = []
    for _ in range(3):
        numbers.append(case_for(db, "SCJG", numbers, lambda: TUESDAY_9AM_MS - 60_000))
    clerk = user_by_name(db, "clerk")
    for number in numbers[:2]:
        act(db, BlobStore.beside(path), clerk, number, Request(Action.DISPATCH, to="SCJG"),
            wall=lambda: TUESDAY_9AM_MS)  # fmt: skip
    return numbers


def test_the_office_sees_todays_intake_the_triage_queue_and_the_overdue(small_db, small_path):
    world(small_db, small_path)
    tuesday = office_figures(small_db, TUESDAY_10AM)
    assert (tuesday.received_today, tuesday.pending_triage, tuesday.overdue) == (3, 1, 0)
    # nothing received; two not signed for, and the third not triaged by Wednesday 17:30 (the
    # office's own clock, core/step_limits.py): the office's count holds all three
    thursday = office_figures(small_db, THURSDAY_9AM)
    assert (thursday.received_today, thursday.pending_triage, thursday.overdue) == (0, 1, 3)


def test_a_unit_sees_its_own_overdue_and_on_time_closure(small_db, small_path):
    world(small_db, small_path)
    assert overdue_count(small_db, THURSDAY_9AM, "SCJG") == 2
    assert overdue_count(small_db, THURSDAY_9AM, "ZRZY") == 0
    mine = unit_figures(small_db, "SCJG", THURSDAY_9AM)
    assert mine.overdue == 2
    assert (mine.on_time_closure_rate, mine.closed_on_time, mine.closed) == (None, 0, 0)


def test_a_units_rate_is_the_statistics_rate(demo_db, clock) -> None:
    now = clock.now()
    rows = figures(demo_db, month_of(now.date()), Group.UNIT, now, ("on_time_closure_rate",))
    for row in rows[:-1]:
        figure = row.figures["on_time_closure_rate"]
        mine = unit_figures(demo_db, row.group, now)
        assert (mine.on_time_closure_rate, mine.closed_on_time, mine.closed) == (
            figure.value,
            figure.hit,
            figure.counted,
        )
