"""What one fact row adds to the daily sums the statistics read (``figure_days``): for each
indicator counting that kind of fact, the row's day (its anchor's date), whether it is
counted, whether it hits, and its value — so a month or a year is a sum over a few thousand
small rows, not a scan of a million facts.

A row whose timeliness is still to be judged by a deadline (a lead assignment not yet
signed for, a call not yet answered) is *pending*: whether it counts depends on the report's
``now``, so it stays out of the sums and is counted live (``pending`` is 1 on its fact row).
Every other row's ``passed`` moments are moments that happened, so they have passed.

Values are summed as whole hundredths so that adding and taking away rows, in any order,
always gives the sums a rebuild gives.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from app.core.indicators import GROUP_COLUMNS, INDICATORS, Condition, Facts, Group, Kind

ROLLED_UP = (Facts.CASES, Facts.HANDLING, Facts.CALLS)  # the rest are small: counted live
MAY_PEND = (Facts.HANDLING, Facts.CALLS)  # the facts with a ``pending`` column
VALUE_SCALE = 100
NO_CODE = "-"


def holds(condition: Condition, row: Mapping[str, Any]) -> bool:
    """A condition on a settled row (``passed`` is ``known``: its moment happened)."""
    value = row[condition.column]
    return value == 1 if condition.test == "true" else value is not None


def contributions(facts: Facts, row: Mapping[str, Any]) -> Iterator[tuple[str, str, int, int, int]]:
    """(indicator key, day, counted, hit, value in hundredths) for each indicator of this
    kind of fact that places the row in a day and counts it."""
    if row.get("pending"):
        return
    for i in INDICATORS:
        if i.facts != facts or i.kind == Kind.P90:
            continue
        anchor = row[i.anchor]
        if anchor is None or not all(holds(c, row) for c in i.counted):
            continue
        hit = int(all(holds(c, row) for c in i.hit)) if i.kind == Kind.RATE else 1
        value = round(row[i.value] * VALUE_SCALE) if i.value else 0
        yield i.key, anchor[:10], 1, hit, value


def daily_sums(
    facts: Facts, rows: list[Mapping[str, Any]], sign: int = 1
) -> dict[tuple[str, str, str, str], list[int]]:
    """(dimension, day, indicator, code) -> [counted, hit, value] added (``sign`` -1: taken
    away) by these rows, for every dimension the figures are grouped by."""
    sums: dict[tuple[str, str, str, str], list[int]] = {}
    for row in rows:
        codes = {g.value: row[GROUP_COLUMNS[g]] or NO_CODE for g in Group}
        for key, day, counted, hit, value in contributions(facts, row):
            for dimension, code in codes.items():
                total = sums.setdefault((dimension, day, key, code), [0, 0, 0])
                total[0] += sign * counted
                total[1] += sign * hit
                total[2] += sign * value
    return sums
