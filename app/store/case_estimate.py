"""The cases page's count at once, whatever the database's size: exact when SQLite
finds it quickly, else estimated from a sample of row numbers (约; issue 16)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from app.store.case_list import (
    CaseFilter,
    count_cases,
    count_in_slice,
    count_within,
    row_numbers,
)
from app.store.case_values import counted_in_memory

# The lazy count's sample: this many slices of consecutive row numbers, spread over the
# table, each this long (8,000 rows: ~10 ms at a million cases, whatever the filter).
SAMPLE_SLICES = 16
SAMPLE_ROWS = 500
# A count SQLite finishes within this long is shown exact at once (no 约).
EXACT_WITHIN_MS = 10.0


@dataclass(frozen=True)
class CaseCount:
    """How many cases a filter finds: exact, or estimated from a sample (约)."""

    value: int
    exact: bool


def estimate_cases(
    db: Database, case_filter: CaseFilter, exact_within_ms: float = EXACT_WITHIN_MS
) -> CaseCount:
    """The count at once, whatever the database's size: exact on a small database, where
    the values kept tell it, or when SQLite counts it within ``exact_within_ms``, else
    counted in ``SAMPLE_SLICES`` evenly spread slices of row numbers and scaled up,
    rounded to two significant figures."""
    last = row_numbers(db)
    if last <= SAMPLE_SLICES * SAMPLE_ROWS * 4:
        return CaseCount(count_cases(db, case_filter), True)
    if case_filter == CaseFilter():  # count(*) of a whole table is one uninterruptible step
        return CaseCount(two_figures(last), False)
    # told from the values kept, exactly: the slices missed the largest unit's 42,000 cases
    # at five million, all among the newest, and a search within them showed 约 17 of 5,641
    exact = counted_in_memory(db, case_filter)
    if exact is not None:
        return CaseCount(exact, True)
    exact = count_within(db, case_filter, exact_within_ms)
    if exact is not None:
        return CaseCount(exact, True)
    step = last // SAMPLE_SLICES
    found = sum(
        count_in_slice(db, case_filter, first, first + SAMPLE_ROWS - 1)
        for first in range(1, SAMPLE_SLICES * step, step)
    )
    return CaseCount(two_figures(found * last / (SAMPLE_SLICES * SAMPLE_ROWS)), False)


def two_figures(value: float) -> int:
    """52,347 -> 52,000: an estimate shows no more figures than it knows."""
    whole = round(value)
    if whole < 100:
        return whole
    unit = 10 ** (len(str(whole)) - 2)
    return round(whole / unit) * unit
