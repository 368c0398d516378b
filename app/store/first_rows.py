"""The cases page's first answer (``case_count.first_window``): the count, the first rows,
and how the later windows are found (issue 16)."""

from __future__ import annotations

from typing import NamedTuple

from sqlite_utils import Database

from app.store.case_estimate import CaseCount
from app.store.case_list import ListedCase, listed_cases

# Above this many matching cases, a window is found by walking the sort order's index and
# testing each entry (200 rows found within ~2% of the table); at most this many, by
# gathering them through a filter's index and sorting.
WALK_ABOVE = 20_000


class FirstWindow(NamedTuple):
    """The cases page's first answer, and how its further windows are found: by walking
    the sort order's index (``walk``) or by gathering the filter's cases."""

    count: CaseCount
    rows: list[ListedCase]
    walk: bool


def should_walk(count: CaseCount) -> bool:
    """Whether a window of this list is found by walking the sort order's index (testing
    the filters in its entries), not by gathering the filter's cases and sorting them: when
    the filter finds many. Even a month sorted by case number walks: 36 ms through the
    later months' numbers at a million cases, against 645 ms gathering 166,000 and sorting
    them by a column their index does not hold."""
    return count.value > WALK_ABOVE


def counted_exactly(db: Database, total: int, seqs: list[int] | None) -> FirstWindow | CaseCount:
    """The first window of a list counted exactly, its first rows numbered ``seqs``; the
    count alone if those were not found (too many hits to sort: they are walked)."""
    count = CaseCount(total, True)
    if seqs is None:
        return count
    return FirstWindow(count, listed_cases(db, seqs), should_walk(count))
