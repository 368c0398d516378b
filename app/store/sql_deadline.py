"""SQLite statements given a deadline: interrupted when it passes, so a plan that turns
out slow can be given up for another (the cases list's exact count and tried walk)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from sqlite_utils import Database

from app.store.sqlite_driver import OperationalError

T = TypeVar("T")

# How often SQLite asks whether a deadline has passed (every this many VM steps).
DEADLINE_STEPS = 1000

_running: set[int] = set()  # the connections under a deadline now


def within(db: Database, ms: float, work: Callable[[], T]) -> T | None:
    """What ``work`` returns if SQLite finishes its statements within ``ms`` milliseconds,
    else None (interrupted)."""
    if id(db.conn) in _running:  # the inner one would clear the outer's handler
        raise RuntimeError("deadlines do not nest")
    deadline = time.perf_counter() + ms / 1000

    def too_long() -> bool:
        return time.perf_counter() > deadline

    _running.add(id(db.conn))
    db.conn.set_progress_handler(too_long, DEADLINE_STEPS)
    try:
        return work()
    except OperationalError as error:
        if "interrupt" not in str(error):
            raise
        return None
    finally:
        db.conn.set_progress_handler(None, 0)
        _running.discard(id(db.conn))
