"""SQLite statements given a deadline: interrupted when it passes, so a plan that turns
out slow can be given up for another (the cases list's exact count and tried walk).

The deadline counts the processor time of the thread running the statement, not the time
on the wall clock: on the window's worker the statement waits for Python's lock while the
window paints (its progress handler and SQL functions are Python), and for the processor
while other programs run; counted on the wall, a 7 ms walk on a busy machine passed a 5 ms
deadline and was given up for a plan of 70 ms. Waiting does not make a plan slower, so it
no longer makes one be given up. The wall clock still ends a statement past
``WALL_CLOCK_FACTOR`` times its deadline: one waiting on a cold disk (no processor time
while it waits) is given up as before, only later."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from sqlite_utils import Database

from app.store.sqlite_driver import OperationalError

T = TypeVar("T")

# How often SQLite asks whether a deadline has passed (every this many VM steps).
DEADLINE_STEPS = 1000
# A statement is given up past this many times its deadline on the wall clock, however
# little processor time it took (a cold disk); under the GIL a walk took up to ten times.
WALL_CLOCK_FACTOR = 4.0

_running: set[int] = set()  # the connections under a deadline now


def within(db: Database, ms: float, work: Callable[[], T]) -> T | None:
    """What ``work`` returns if SQLite finishes its statements within ``ms`` milliseconds
    of this thread's processor time (and ``WALL_CLOCK_FACTOR`` times as long on the wall
    clock), else None (interrupted)."""
    if id(db.conn) in _running:  # the inner one would clear the outer's handler
        raise RuntimeError("deadlines do not nest")
    processor_deadline = time.thread_time() + ms / 1000
    wall_deadline = time.perf_counter() + WALL_CLOCK_FACTOR * ms / 1000

    def too_long() -> bool:
        return time.thread_time() > processor_deadline or time.perf_counter() > wall_deadline

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
