"""A search answered from the cases' values kept in memory (category or group, grid,
source, urgency, status, lead unit, dates: ``case_values``), or by probing a filter's few
cases, before or instead of walking a filter's index with every hit read (issue 16): at
five million cases a common word's hits take 25-50 ms to read, and a filter holding few of
them was then walked as well. (It began with the fixed values alone, hence its name.)"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from app.core.text import fts_query, fts_widened
from app.store.case_list import row_numbers
from app.store.case_plan import CaseFilter, CaseSort, where_clause
from app.store.case_values import (
    Held,
    cases_holding,
    count_holding,
    days_received,
    every_case_holding,
    held_of,
    nth_holding,
    sample_holding,
)
from app.store.search_hits import hits_at_hand, kept_hits, listed_rows, search_hits
from app.store.search_probe import PROBED_MS_EACH, every_hit_among
from app.store.search_within import first_in_order, others_among
from app.store.sql_deadline import within
from app.store.walk_foresight import WALK_MS_PER_ENTRY

# A search within filters finding at most this many cases (found within
# FEW_LISTED_WITHIN_MS, the search aside) probes each of them for its words (7-16 µs each)
# before any of its hits is read: as many per million cases in the table as cost what
# reading every hit of a common word does (about 10 ms a million), up to FEW_PROBED_AT_MOST.
FEW_PROBED_PER_MILLION = 1_000
FEW_PROBED_AT_MOST = 1_000
FEW_LISTED_WITHIN_MS = 3.0
# The cases holding a filter's values kept are counted from one in this many first.
FIXED_SAMPLED_EVERY = 64


def few_probed(
    db: Database, case_filter: CaseFilter, limit: int, sort: CaseSort
) -> tuple[int, list[int] | None] | None:
    """A search within filters finding few cases, its hits not read: each of those cases
    probed for the words, the count exact and the first ``limit`` row numbers in the
    ``sort`` order. At five million cases, September's 办理中 hold none of 占道's 576,000
    hits: told in 0.1 ms, where reading them took 47. None: no filter, the hits at hand
    (read, or kept in the database: the bitmap tests them at once), or more cases found
    (or not in time)."""

    match = fts_query(case_filter.text)
    unsearched = replace(case_filter, text="")
    if match is None or unsearched == CaseFilter():
        return None
    wanted = held_of(db, unsearched)
    holding = _holding_estimated(db, wanted) if wanted else None
    if holding == 0:
        return 0, []
    if hits_at_hand(db, match):
        return None
    per_million = row_numbers(db) / 1_000_000 * FEW_PROBED_PER_MILLION
    at_most = min(FEW_PROBED_AT_MOST, round(per_million))
    if holding is not None and not wanted.untold:
        # the values kept tell it all: those cases listed in memory, if so few (counted
        # exactly where the sample's estimate is not more than twice as many)
        listed = every_case_holding(db, wanted, at_most) if holding <= 2 * at_most else None
    else:
        listed = _listed_at_most(db, unsearched, at_most)
    if listed is None:
        return None
    found = every_hit_among(db, match, listed)
    if len(found) == 0:
        return 0, []
    return len(found), first_in_order(db, found, sort, limit, case_filter.grid_code)


def _holding_estimated(db: Database, wanted: Held) -> int | None:
    """How many cases hold the values ``wanted``: none, told exactly; more,
    estimated from every ``FIXED_SAMPLED_EVERY``-th case; None: not known yet."""
    sampled = count_holding(db, wanted, FIXED_SAMPLED_EVERY)
    if sampled == 0:
        return count_holding(db, wanted)
    return None if sampled is None else sampled * FIXED_SAMPLED_EVERY


def _others(case_filter: CaseFilter, held: Held) -> CaseFilter:
    """The filter without what the values kept tell (``held``) nor its search."""
    return CaseFilter(waiting_on=case_filter.waiting_on) if held.untold else CaseFilter()


def _listed_at_most(db: Database, case_filter: CaseFilter, how_many: int) -> list[int] | None:
    """The row numbers of the cases ``case_filter`` (no search) finds, if SQLite finds
    no more than ``how_many`` within ``FEW_LISTED_WITHIN_MS``; else None."""
    where = where_clause(db, case_filter)
    assert where is not None  # only a search can match nothing
    sql = f"SELECT seq FROM cases{where.sql()} LIMIT ?"
    params = [*where.params, how_many + 1]
    rows = within(db, FEW_LISTED_WITHIN_MS, lambda: db.execute(sql, params).fetchall())
    if rows is None or len(rows) > how_many:
        return None
    return [row[0] for row in rows]


# A walk probing a filter's cases for a search (``search_probed.probed``) is foreseen from
# this many of them, probed (7-16 µs each: PROBED_MS_EACH, the least), and, in the order
# received, from how far along it the cases it needs lie (WALK_MS_PER_ENTRY passed).
PROBING_FORESEEN_FROM = 64
# ... and not tried only if foreseen to take this many times as long (a sample's share is
# rough; a walk tried in vain costs its time, one not tried every hit read)
PROBING_FORESEEN_MARGIN = 2.0


def probing_foreseen_longer(
    db: Database, case_filter: CaseFilter, sort: CaseSort, limit: int, ms: float, walked: bool
) -> bool:
    """Whether a walk probing the filter's cases for its search, in the ``sort`` order
    (along its index: ``walked``), is foreseen to take longer than ``ms`` (by
    ``PROBING_FORESEEN_MARGIN``): from the share of hits among a sample of those cases
    (``_share_at_most``), how many it probes before the window's last at least;
    and where those lie in the order received, how many entries it passes first. At a
    million cases the 8,141 of 办理中 in 市容环境 are the newest: oldest first, the walk
    passed 900,000 entries in 10 ms and probed none. Only where the values kept tell the
    whole filter (else False)."""
    held = held_of(db, case_filter)
    if not held or held.untold:
        return False
    sampled = sample_holding(db, held, FIXED_SAMPLED_EVERY, PROBING_FORESEEN_FROM)
    if sampled is not None and len(sampled[1]) < PROBING_FORESEEN_FROM // 4:
        sampled = sample_holding(db, held, 1, PROBING_FORESEEN_FROM)  # (few: every case)
    if sampled is None or not sampled[1]:
        return False
    sample = sampled[1]
    found = len(every_hit_among(db, fts_query(case_filter.text) or "", sample))
    # (at least as many as the most hits the sample may stand for call for)
    needed = math.ceil(limit / min(_share_at_most(found, len(sample)), 1.0))
    ms *= PROBING_FORESEEN_MARGIN
    if needed * PROBED_MS_EACH > ms:
        return True
    # how far along: in the order received, from either end (not newest first, walked
    # along a filter's own index, nor a date range, walked from its start, nor by number
    # the days the filter's cases were received, read alone: case_values.days_received)
    dated = case_filter.received_from or case_filter.received_to
    dated = dated or (sort.column == "number" and days_received(db, case_filter) is not None)
    if not walked or dated or sort == CaseSort() or sort.column not in ("number", "received_at"):
        return False
    last = row_numbers(db)
    nth = nth_holding(db, held, needed, sort.descending, FIXED_SAMPLED_EVERY)
    if nth is None:  # (fewer: the walk passes them all)
        nth = 1 if sort.descending else last
    passed = last - nth if sort.descending else nth
    return needed * PROBED_MS_EACH + passed * WALK_MS_PER_ENTRY > ms


# A search within the values kept and a to-do list they do not tell (requests waiting) whose
# hits among those values are at most this many: the to-do list is tested case by case
# (about 2 µs each).
OTHERS_TESTED_AT_MOST = 5_000
# A phrase's hits among the values kept are found by probing its first pair's hits among
# them for the whole phrase (``_widened_hits``) if they are at most this many (7-16 µs each).
WIDENED_PROBED_AT_MOST = 1_000
# ... if a sample of this many cases holding those values foresees so (``_few_foreseen``)
WIDENED_SAMPLE = 200


def hits_in_fixed_values(
    db: Database, case_filter: CaseFilter, limit: int, sort: CaseSort
) -> tuple[int, list[int] | None] | None:
    """A search within the cases' values kept (a category or group, a grid, a source, an
    urgency, a status, a unit, dates: ``case_values``), answered from every hit and those
    values in memory: the count exact, and the row numbers of the first ``limit`` in the
    ``sort`` order (None: too many to sort, not found at once in the first values of the
    order: walked as before, with the filters tested). Grid G07
    holds none of the 576,000 cases holding 占道 among five million: told in 2 ms once they
    are read, where counting them in the grid's index took 14 and walking it for a first
    page 14 more. Beside a to-do list they do not tell (requests waiting: a leader's),
    only where the hits among those values are few: none at all, or at most
    ``OTHERS_TESTED_AT_MOST``, each tested for it. None: not answered here (no such value
    filtered, more hits beside such a to-do list, or the values not read yet)."""
    import numpy

    match = fts_query(case_filter.text)
    wanted = held_of(db, case_filter)
    if match is None or not wanted:
        return None
    found = _widened_hits(db, case_filter.text, match, wanted)
    if found is None:
        found = cases_holding(db, wanted, search_hits(db, match).rows)
    if found is None:
        return None
    others = _others(case_filter, wanted)
    if len(found) and others != CaseFilter():
        if len(found) > OTHERS_TESTED_AT_MOST:
            return None
        found = numpy.asarray(_tested_for(db, others, found), dtype=numpy.int64)
    if len(found) == 0:
        return 0, []
    return len(found), first_in_order(db, found, sort, limit, case_filter.grid_code)


def widens_first(db: Database, case_filter: CaseFilter) -> bool:
    """Whether ``hits_in_fixed_values`` may read the hits of a phrase's first pair before
    the phrase's own (a plan giving up before it leaves those unread)."""
    return bool(held_of(db, case_filter)) and fts_widened(case_filter.text) is not None


def _widened_hits(db: Database, text: str, match: str, wanted: Held) -> Any | None:
    """The hits of a phrase among the values ``wanted``, found among the hits of its
    first pair (``fts_widened``), each probed for the whole phrase, where those are few:
    grid G07 holds none of the 576,000 cases holding 占道 among five million, so 占道经营
    is told there in 40 ms, not the 70 its own hits take to read. None: the
    phrase's own hits are to be read (they are at hand already, it has no pair to read first,
    or more than ``WIDENED_PROBED_AT_MOST`` of that pair's hits hold those values, or are
    foreseen to)."""

    wider = fts_widened(text)
    if wider is None or hits_at_hand(db, match):
        return None
    if kept_hits(db, wider) is None and not _few_foreseen(db, wider, wanted):
        return None
    among = cases_holding(db, wanted, search_hits(db, wider).rows)
    if among is None or len(among) > WIDENED_PROBED_AT_MOST:
        return None
    return every_hit_among(db, match, [int(seq) for seq in among])


def _few_foreseen(db: Database, wider: str, wanted: Held) -> bool:
    """Whether the hits of ``wider`` among the values ``wanted`` are foreseen to be at
    most ``WIDENED_PROBED_AT_MOST``: a sample of the cases holding those values probed for
    it (``WIDENED_SAMPLE``, about 2 ms), its share times their count (estimated as in
    ``_holding_estimated``). A grid holding a fifth of the hits is not worth reading them for."""
    sampled = sample_holding(db, wanted, FIXED_SAMPLED_EVERY, WIDENED_SAMPLE)
    if sampled is None:  # the values not read yet
        return False
    holding, sample = sampled
    if not sample:
        return True
    share = _share_at_most(len(every_hit_among(db, wider, sample)), len(sample))
    return holding * FIXED_SAMPLED_EVERY * share <= WIDENED_PROBED_AT_MOST


def _share_at_most(found: int, sampled: int) -> float:
    """The share of hits a sample foresees, at most (about 19 times in 20): ``found`` of
    ``sampled``, two standard deviations over (a count of rare hits varies as its square
    root). Four of 200 cases of a unit at five million foresaw 815 hits where 1,732 were."""
    return (found + 2 * math.sqrt(found) + 1) / sampled


def _tested_for(db: Database, others: CaseFilter, seqs: Any) -> list[int]:
    """Those of the cases numbered ``seqs`` that ``others`` (no search) finds: a person's
    or a unit's gathered cases among them, then each tested for the rest."""
    import numpy

    where = where_clause(db, others)
    assert where is not None  # only a search can match nothing
    if where.gathered is not None:
        gather, params = where.gathered
        sql = f"SELECT group_concat(DISTINCT seq) FROM ({gather})"
        seqs = numpy.intersect1d(seqs, listed_rows(db.execute(sql, params).fetchone()[0]))
    return others_among(db, where, [int(seq) for seq in seqs])
