"""The cases page's combinations, shared by the store benchmark and the window probe: every
filter alone and every two together, every sortable column both ways, with no search and
a search of 1, 2 and 4 characters (issue 16).

Each figure is printed beside its *raw floor*: the same SQL statements the store ran for
it (recorded, with their parameters) run again straight on the driver, in the same
process, so a busy shared machine shows as a ratio that stays put.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import combinations
from typing import Any

from sqlite_utils import Database

from app.core.model import User
from app.store import hits_halves
from app.store.case_list import CaseFilter, CaseSort, count_cases
from app.store.case_plan import SORTABLE
from app.store.search_probe import probes
from app.store.sqlite_driver import OperationalError

# What the cases page asks of a new list first in the window the benchmark opens, 1366×728
# (the office PC's 1366×768 less a 40 px taskbar): the 16 rows its table shows and one more
# (table_model: the rest of the page follows). window_probe prints the window's own.
SCREEN_ROWS = 17
SEARCHES = ("", "占", "占道", "占道经营")
# TOWNDESK_BENCH_MATRIX=quick: every sort of each filter alone without a search, and every
# filter and pair of filters with each search in the default order (374 combinations, a
# quarter of an hour in the window on a busy machine) instead of the whole matrix (3,680)
QUICK = os.environ.get("TOWNDESK_BENCH_MATRIX", "full") == "quick"
# TOWNDESK_BENCH_SEARCHED_BEFORE=0: every search as first typed on this database, none of
# its hits kept in it (store/search_bitmaps.py); by default as on the day after the clerk
# typed each of SEARCHES once (``searched_before``)
SEARCHED_BEFORE = os.environ.get("TOWNDESK_BENCH_SEARCHED_BEFORE", "1") != "0"


def single_filters(clerk: User) -> dict[str, CaseFilter]:
    """One of each filter of the filter bar, as a clerk would pick it on the demo."""
    return {
        "status 办理中": CaseFilter(status="handling"),
        "category 占道经营": CaseFilter(category_codes=("0101",)),
        "group 市容环境": CaseFilter(category_codes=("0101", "0102", "0103", "0104", "0105")),
        "grid G07": CaseFilter(grid_code="G07"),
        "source hotline": CaseFilter(source="hotline"),
        "urgent": CaseFilter(urgency="urgent"),
        "September": CaseFilter(received_from="2026-09-01", received_to="2026-09-30"),
        "本单位": CaseFilter(lead_unit=clerk.department_code),
        "待我办理": CaseFilter(waiting_on=clerk),
    }


def _merge(a: CaseFilter, b: CaseFilter) -> CaseFilter:
    """``a`` with whatever ``b`` sets (the filters of the matrix set disjoint fields)."""
    changes = {
        name: value
        for name, value in vars(b).items()
        if value not in (None, (), "") and getattr(a, name) in (None, (), "")
    }
    return replace(a, **changes)


def filter_combinations(clerk: User) -> list[tuple[str, CaseFilter]]:
    singles = single_filters(clerk)
    found = [("no filter", CaseFilter())]
    found += list(singles.items())
    for (la, fa), (lb, fb) in combinations(singles.items(), 2):
        found.append((f"{la} + {lb}", _merge(fa, fb)))
    return found


def sorts(label: str, text: str) -> list[CaseSort]:
    if QUICK and (text or " + " in label):
        return [CaseSort()]
    return [CaseSort(column, descending) for column in SORTABLE for descending in (True, False)]


@dataclass(frozen=True)
class Combination:
    label: str
    case_filter: CaseFilter
    sort: CaseSort


def searched_before(db: Database) -> str:
    """The database as the clerk left it after typing each of SEARCHES once on an earlier
    day (``SEARCHED_BEFORE``): each search's exact count read (every hit, as the cases page
    reads it after the first page), then the idle upkeep's steps keeping those with many
    hits (search_hits.keep_noted); else none kept. Run on the connection the lists are
    read on (what it keeps in memory is written); what was done, to print."""
    from app.store.database import write_transaction
    from app.store.search_hits import forget_searches, keep_noted

    with write_transaction(db):
        db.conn.execute("DELETE FROM search_bitmaps")
    if not SEARCHED_BEFORE:
        return "none of the searches' hits kept in the database: each as first typed"
    for text in SEARCHES[1:]:
        count_cases(db, CaseFilter(text=text))
        while keep_noted(db):
            pass
    forget_searches()
    kept = db.execute("SELECT count(*), coalesce(sum(length(bits)), 0) FROM search_bitmaps")
    count, size = kept.fetchone()
    return f"searched before, counted, kept on idle ({count} kept, {size / 1024:.0f} KiB)"


def matrix(clerk: User) -> Iterator[Combination]:
    for label, case_filter in filter_combinations(clerk):
        for text in SEARCHES:
            with_text = replace(case_filter, text=text)
            search = f" / search {text}" if text else ""
            for sort in sorts(label, text):
                order = f"{sort.column} {'desc' if sort.descending else 'asc'}"
                yield Combination(f"{label}{search} / {order}", with_text, sort)


# SQL, parameters, and the milliseconds after which the store's run of it stopped with an
# error (interrupted by a deadline, or a search's newest hits reaching an older case), or
# None when it ran to the end
Statement = tuple[str, list[Any], float | None]


class _Watched:
    """A cursor whose reading is watched: an error while its rows are read (not only when
    it is run) marks the statement as stopped, after the time it ran."""

    def __init__(self, cursor: Any, statements: list[Statement], started: float) -> None:
        self.cursor, self.statements, self.started = cursor, statements, started
        self.at = len(statements) - 1

    def _stopped(self) -> None:
        sql, params, _ = self.statements[self.at]
        self.statements[self.at] = (sql, params, (time.perf_counter() - self.started) * 1000)

    def __iter__(self) -> Iterator[Any]:
        try:
            yield from self.cursor
        except OperationalError:
            self._stopped()
            raise

    def fetchone(self) -> Any:
        try:
            return self.cursor.fetchone()
        except OperationalError:
            self._stopped()
            raise

    def fetchall(self) -> list[Any]:
        try:
            return self.cursor.fetchall()
        except OperationalError:
            self._stopped()
            raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self.cursor, name)


def recorded(db: Database, work: Callable[[], object]) -> list[Statement]:
    """The SQL statements ``work`` runs on ``db``, with their parameters, and when one
    stopped with an error, how long it had run (a count given ``EXACT_WITHIN_MS``, a walk
    given a deadline or stopped by a search's newest hits: app/store/case_count.py)."""
    statements: list[Statement] = []
    execute = db.execute

    def recording(sql: str, params: Any = None) -> Any:
        statements.append((sql, list(params or []), None))
        started = time.perf_counter()
        try:
            cursor = execute(sql, params) if params is not None else execute(sql)
        except OperationalError:
            statements[-1] = (sql, list(params or []), (time.perf_counter() - started) * 1000)
            raise
        return _Watched(cursor, statements, started)

    def read_apart(file: Any, match: str, low: int, high: int) -> Any:
        # the upper half of a search's hits, read on a second connection at the same time
        # (app/store/hits_halves.py): its floor is run here, after the lower half's
        statements.append((hits_halves._HITS_BETWEEN, [match, low, high], None))
        return apart(file, match, low, high)

    db.execute = recording  # type: ignore[method-assign]
    apart, hits_halves._read_apart = hits_halves._read_apart, read_apart
    try:
        work()
    finally:
        del db.execute  # back to the class's method
        hits_halves._read_apart = apart
    return statements


def raw_ms(db: Database, statements: list[Statement], repeat: int = 2) -> float:
    """The floor: ``statements`` straight on the driver, every row fetched (best of
    ``repeat``, ms: the least a busy machine let it take); one the store's run stopped
    with an error is stopped after as long again (a function released since fails at
    once: the floor is then lower, not higher, than the store's own work)."""
    conn = db.conn
    samples = []
    probed = probes(db)
    for _ in range(repeat):
        started = time.perf_counter()
        for sql, params, stopped_ms in statements:
            probed.walking(0, math.inf)  # a probing walk is never foreseen too long here
            if stopped_ms is None:
                conn.execute(sql, params).fetchall()
                continue
            deadline = time.perf_counter() + stopped_ms / 1000
            conn.set_progress_handler(lambda d=deadline: time.perf_counter() > d, 1000)
            try:
                conn.execute(sql, params).fetchall()
            except OperationalError:
                pass
            finally:
                conn.set_progress_handler(None, 0)
        samples.append((time.perf_counter() - started) * 1000)
    return min(samples)


def line(label: str, measured: float, raw: float) -> str:
    ratio = measured / raw if raw > 0 else float("nan")
    return f"  {label:<70} {measured:>8.1f} {raw:>8.1f} {ratio:>6.1f}"


def header(what: str) -> str:
    return f"  {'combination':<70} {what:>8} {'raw ms':>8} {'ratio':>6}"


def summary(rows: list[tuple[str, float, float]], target_ms: float = 50.0) -> list[str]:
    """The worst figures and how many are above the target."""
    above = [row for row in rows if row[1] > target_ms]
    worst = sorted(rows, key=lambda row: -row[1])[:15]
    out = [f"  {len(rows)} combinations, {len(above)} above {target_ms:.0f} ms; the slowest:"]
    out += [line(*row) for row in worst]
    return out
