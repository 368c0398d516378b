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


Test = tuple[str, bool]  # a condition as the sums test it: (column, must it be 1?)
Plan = tuple[str, str, tuple[Test, ...], tuple[Test, ...] | None, str | None]


def _tests(conditions: tuple[Condition, ...]) -> tuple[Test, ...]:
    return tuple((c.column, c.test == "true") for c in conditions)


def _plan(facts: Facts) -> list[Plan]:
    """(key, anchor, counted, hit (None: not a rate), value column) of the summed
    indicators of one kind of fact, worked out once (every fold of every case uses it)."""
    return [
        (
            i.key,
            i.anchor,
            _tests(i.counted),
            _tests(i.hit) if i.kind == Kind.RATE else None,
            i.value,
        )
        for i in INDICATORS
        if i.facts == facts and i.kind != Kind.P90
    ]


PLANS = {facts: _plan(facts) for facts in ROLLED_UP}


def _all_hold(tests: tuple[Test, ...], row: Mapping[str, Any]) -> bool:
    """Every condition holds on a settled row, as ``holds`` says (written out: the sums
    test several conditions for each indicator of each fact of each case folded)."""
    for column, must_be_true in tests:
        value = row[column]
        if (value != 1) if must_be_true else (value is None):
            return False
    return True


def contributions(facts: Facts, row: Mapping[str, Any]) -> Iterator[tuple[str, str, int, int, int]]:
    """(indicator key, day, counted, hit, value in hundredths) for each indicator of this
    kind of fact that places the row in a day and counts it."""
    if row.get("pending"):
        return
    for key, anchor, counted, hit, value in PLANS[facts]:
        moment = row[anchor]
        if moment is None or not _all_hold(counted, row):
            continue
        hits = 1 if hit is None else int(_all_hold(hit, row))
        yield key, moment[:10], 1, hits, round(row[value] * VALUE_SCALE) if value else 0


def daily_sums(
    facts: Facts, rows: list[Mapping[str, Any]], sign: int = 1
) -> dict[tuple[str, str, str, str], list[int]]:
    """(dimension, day, indicator, code) -> [counted, hit, value] added (``sign`` -1: taken
    away) by these rows, for every dimension the figures are grouped by."""
    sums: dict[tuple[str, str, str, str], list[int]] = {}
    columns = [(g.value, GROUP_COLUMNS[g]) for g in Group]
    for row in rows:
        found = [
            (key, day, sign * counted, sign * hit, sign * value)
            for key, day, counted, hit, value in contributions(facts, row)
        ]
        if not found:
            continue
        for dimension, column in columns:
            code = row[column] or NO_CODE
            for key, day, counted, hit, value in found:
                place = (dimension, day, key, code)
                total = sums.get(place)
                if total is None:
                    sums[place] = [counted, hit, value]
                else:
                    total[0] += counted
                    total[1] += hit
                    total[2] += value
    return sums
