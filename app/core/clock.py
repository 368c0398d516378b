"""Time as the township lives it (China Standard Time) and the hybrid logical clock.

Business times are stored as China local time, ``YYYY-MM-DD HH:MM:SS``, so they read
naturally and sort as text. Event order uses a hybrid logical clock (HLC): wall-clock
milliseconds shifted left 16 bits plus a counter, so it never goes backwards on one
device and stays ahead of every event the device has seen from others.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8), "CST")
_COUNTER_BITS = 16
_COUNTER_MASK = (1 << _COUNTER_BITS) - 1
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


# The moment, as epoch milliseconds. Core, store, sync and reports never read a clock: the
# window and the command line hand them one (app/wall_clock.py), tests a frozen one.
Wall = Callable[[], int]


class Clock:
    """What the window and the command line know the time by: ``wall`` and what follows."""

    def __init__(self, wall: Wall) -> None:
        self.wall = wall

    def now(self) -> datetime:
        return china_time(self.wall())

    def today(self) -> date:
        return self.now().date()


def china_time(ms: int) -> datetime:
    """Naive China local time of an epoch-milliseconds instant, as the store keeps times."""
    return datetime.fromtimestamp(ms / 1000, CHINA).replace(tzinfo=None)


def epoch_ms(moment: datetime) -> int:
    """The instant of a naive China local time (the inverse of ``china_time``)."""
    return int(moment.replace(tzinfo=CHINA).timestamp() * 1000)


def local_text(ms: int) -> str:
    """China local time of an epoch-milliseconds instant, as stored."""
    return datetime.fromtimestamp(ms / 1000, CHINA).strftime(TIME_FORMAT)


def stored_text(moment: datetime) -> str:
    """A naive local time as stored (TIME_FORMAT's shape), the inverse of ``parse_local``.
    Not ``strftime``: under the window it imports a module at each call (PySide's import
    hook makes that some microseconds), and the call desk formats two times per open call."""
    return moment.isoformat(" ", "seconds")


def parse_local(text: str) -> datetime:
    # fromisoformat is many times faster than strptime, and folding a million cases parses
    # tens of millions of times; it takes only text already in TIME_FORMAT's shape (no "T",
    # zone or fraction), anything else goes to strptime and its ValueError
    if len(text) == 19 and text[10] == " " and text[13] == ":" and text[16] == ":":
        return datetime.fromisoformat(text)
    return datetime.strptime(text, TIME_FORMAT)


def first_hlc_at(moment: datetime) -> int:
    """The smallest HLC value at a naive China local time (events from then on are >= it)."""
    return epoch_ms(moment) << _COUNTER_BITS


def hlc_ms(hlc: int) -> int:
    """The wall-clock part of an HLC value."""
    return hlc >> _COUNTER_BITS


class HybridClock:
    """Issues strictly increasing HLC values; ``observe`` folds in a remote one."""

    def __init__(self, wall: Wall, last: int = 0) -> None:
        self.last = last
        self.wall = wall

    def tick(self) -> int:
        physical = self.wall() << _COUNTER_BITS
        self.last = physical if physical > self.last else self.last + 1
        return self.last

    def observe(self, remote: int) -> None:
        self.last = max(self.last, remote)
