"""Time as the township lives it (China Standard Time) and the hybrid logical clock.

Business times are stored as China local time, ``YYYY-MM-DD HH:MM:SS``, so they read
naturally and sort as text. Event order uses a hybrid logical clock (HLC): wall-clock
milliseconds shifted left 16 bits plus a counter, so it never goes backwards on one
device and stays ahead of every event the device has seen from others.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8), "CST")
_COUNTER_BITS = 16
_COUNTER_MASK = (1 << _COUNTER_BITS) - 1
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def wall_ms() -> int:
    return int(datetime.now(CHINA).timestamp() * 1000)


def local_text(ms: int) -> str:
    """China local time of an epoch-milliseconds instant, as stored."""
    return datetime.fromtimestamp(ms / 1000, CHINA).strftime(TIME_FORMAT)


def parse_local(text: str) -> datetime:
    return datetime.strptime(text, TIME_FORMAT)


def hlc_ms(hlc: int) -> int:
    """The wall-clock part of an HLC value."""
    return hlc >> _COUNTER_BITS


class HybridClock:
    """Issues strictly increasing HLC values; ``observe`` folds in a remote one."""

    def __init__(self, last: int = 0, wall: Callable[[], int] = wall_ms) -> None:
        self.last = last
        self.wall = wall

    def tick(self) -> int:
        physical = self.wall() << _COUNTER_BITS
        self.last = physical if physical > self.last else self.last + 1
        return self.last

    def observe(self, remote: int) -> None:
        self.last = max(self.last, remote)
