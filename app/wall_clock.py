"""The real clock. Only the composition roots read it (the window and the command line);
they hand it down as ``clock.wall``, so core, store, sync and reports never depend on
today's date, and tests run the same on any day (ARCHITECTURE.md §1, Time)."""

from __future__ import annotations

import time

from app.core.clock import Clock


def system_wall() -> int:
    """Now, in epoch milliseconds."""
    return time.time_ns() // 1_000_000


def system_clock() -> Clock:
    return Clock(system_wall)
