"""Statements given a deadline (app/store/sql_deadline.py)."""

from __future__ import annotations

import pytest

import app.store.sql_deadline as sql_deadline
from app.store.sql_deadline import within

SLOW = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) "
    "SELECT count(*) FROM n"
)


def test_a_statement_past_its_deadline_is_given_up(demo_db) -> None:
    assert within(demo_db, 1, lambda: demo_db.execute(SLOW).fetchone()) is None
    assert within(demo_db, 60_000, lambda: demo_db.execute("SELECT 7").fetchone()) == (7,)
    assert demo_db.execute(SLOW).fetchone() == (3_000_000,)  # no deadline left behind


def test_deadlines_do_not_nest(demo_db) -> None:
    """The inner deadline would clear the outer one's handler: refused, not silently."""

    def inner() -> object:
        return within(demo_db, 1000, lambda: demo_db.execute("SELECT 1").fetchone())

    with pytest.raises(RuntimeError):
        within(demo_db, 1000, inner)
    assert within(demo_db, 1000, lambda: demo_db.execute("SELECT 2").fetchone()) == (2,)


class _Waiting:
    """A clock on which a statement only waits: the wall time passes, the thread's
    processor time does not."""

    def __init__(self) -> None:
        self.wall = 0.0

    def perf_counter(self) -> float:
        return self.wall

    def thread_time(self) -> float:
        return 0.0


def test_waiting_does_not_count_towards_the_deadline(demo_db, monkeypatch) -> None:
    """A statement that waits (for Python's lock while the window paints, for a busy
    processor) is given up only when it has worked past its deadline, or waited past
    four times it: a 7 ms walk that waited to 70 ms chose a 70 ms plan instead."""
    clock = _Waiting()
    monkeypatch.setattr(sql_deadline, "time", clock)
    monkeypatch.setattr(sql_deadline, "DEADLINE_STEPS", 1)  # asked at every step

    def wait_ms(ms: float) -> int:
        clock.wall += ms / 1000
        return 1

    demo_db.conn.create_function("wait_ms", 1, wait_ms)
    waits = "SELECT sum(wait_ms(15)) FROM (SELECT 1 UNION ALL SELECT 2)"  # 30 ms waited
    assert within(demo_db, 20, lambda: demo_db.execute(waits).fetchone()) == (2,)
    assert within(demo_db, 5, lambda: demo_db.execute(waits).fetchone()) is None  # 4 x 5 ms
