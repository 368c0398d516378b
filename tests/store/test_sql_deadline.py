"""Statements given a deadline (app/store/sql_deadline.py)."""

from __future__ import annotations

import pytest

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
