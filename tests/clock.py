"""The one clock of the tests. The application reads the real clock only in the window and
the command line (app/wall_clock.py); tests hand both this one instead, so no test depends
on today's date (``make date-check`` runs the suite on other days to prove it)."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.core.clock import Clock, china_time, epoch_ms

DEMO_NOW_MS = 1_795_000_000_000  # 2026-11-18 19:06 China time: the demo's present
TEST_NOW_MS = DEMO_NOW_MS + 3_600_000  # an hour after it: where the tests' clock starts
TEST_TODAY = china_time(TEST_NOW_MS).date()


class TestClock(Clock):
    """Stands still until a test moves it, or, with ``tick_ms``, moves that much each time it
    is read: as real time passes between two steps, so a later step is always later."""

    __test__ = False  # not a test class, whatever pytest thinks of its name

    def __init__(self, start_ms: int = TEST_NOW_MS, tick_ms: int = 0) -> None:
        self.ms, self.tick_ms = start_ms, tick_ms
        super().__init__(self.read)

    def read(self) -> int:
        self.ms += self.tick_ms
        return self.ms

    def now(self) -> datetime:
        """Where the clock stands (looking at it is not a step: it does not tick)."""
        return china_time(self.ms)

    def advance(self, **delta: float) -> int:
        """Move on by ``timedelta(**delta)``; returns the new moment (epoch ms)."""
        self.ms += int(timedelta(**delta).total_seconds() * 1000)
        return self.ms

    def set(self, moment: datetime) -> None:
        """Stand at ``moment`` (naive China time)."""
        self.ms = epoch_ms(moment)


def frozen() -> int:
    """The tests' moment as a store's ``wall``, for a step whose time does not matter."""
    return TEST_NOW_MS
