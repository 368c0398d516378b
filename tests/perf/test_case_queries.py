"""The SQL behind the cases page on a million cases: windows, filters, sorting, search."""

from __future__ import annotations

import time
from pathlib import Path

from app.core.intake import IntakeRequest
from app.store.blobs import BlobStore
from app.store.case_count import first_window
from app.store.case_list import (
    CaseFilter,
    CaseSort,
    case_window,
    count_cases,
)
from app.store.case_plan import SORTABLE
from app.store.cases import register_case
from app.store.reference import user_by_name
from app.store.search_hits import forget_searches
from app.store.setup import open_database
from app.store.values_kept import read_more
from app.wall_clock import system_wall  # the benchmark database was built today
from tests.perf.case_matrix import (
    SCREEN_ROWS,
    header,
    line,
    matrix,
    raw_ms,
    recorded,
    searched_before,
    summary,
)
from tests.perf.conftest import report, timed

PAGE = 200


def test_case_list_queries(million_db: Path) -> None:
    db = open_database(million_db)
    everything = CaseFilter()
    newest = CaseSort()
    total = count_cases(db, everything)
    print(f"\ncases page over {total} cases (median of 5, ms):")
    report("count all", timed(lambda: count_cases(db, everything)))
    report("first window (200 rows)", timed(lambda: case_window(db, everything, newest, 0, PAGE)))
    report(
        "last window: scrolled to the end",
        timed(lambda: case_window(db, everything, newest, total - PAGE, PAGE)),
    )
    report(
        "middle window",
        timed(lambda: case_window(db, everything, newest, total // 2, PAGE)),
    )
    for column in SORTABLE:
        sort = CaseSort(column, descending=False)
        report(
            f"sort by {column}: first + last window",
            timed(
                lambda sort=sort: (
                    case_window(db, everything, sort, 0, PAGE),
                    case_window(db, everything, sort, total - PAGE, PAGE),
                )
            ),
        )
    filters = {
        "filter status": CaseFilter(status="pending_triage"),
        "filter category 占道经营": CaseFilter(category_codes=("0101",)),
        "filter group 市容环境 (5 leaves)": CaseFilter(
            category_codes=("0101", "0102", "0103", "0104", "0105")
        ),
        "filter grid": CaseFilter(grid_code="G07"),
        "filter source hotline": CaseFilter(source="hotline"),
        "filter date range (one month)": CaseFilter(
            received_from="2026-09-01", received_to="2026-09-30"
        ),
        "filter grid + category + month": CaseFilter(
            grid_code="G07",
            category_codes=("0101",),
            received_from="2026-09-01",
            received_to="2026-09-30",
        ),
        "search 占 (1 char)": CaseFilter(text="占"),
        "search 占道 (2 chars)": CaseFilter(text="占道"),
        "search 噪音 (2 chars)": CaseFilter(text="噪音"),
        "search 占道经营 (4 chars)": CaseFilter(text="占道经营"),
        "search 燃气泄漏 (4 chars)": CaseFilter(text="燃气泄漏"),
        "search a case number": CaseFilter(text="EU0012"),
        "search 占道 + grid": CaseFilter(text="占道", grid_code="G03"),
    }
    for label, case_filter in filters.items():
        found = count_cases(db, case_filter)
        report(
            f"{label}: count + first window ({found} found)",
            timed(
                lambda f=case_filter: (
                    count_cases(db, f),
                    case_window(db, f, newest, 0, PAGE),
                )
            ),
        )
    db.close()


def test_case_list_matrix(million_db: Path) -> None:
    """Every filter x sort x search of the cases page at store level, as the window asks:
    ``first_window`` (the count, estimated when large, and the first page), beside the raw
    floor of the same recorded statements (best of 2 each, after one warming run); then
    the exact count the window reads after it, once per filter and search."""
    db = open_database(million_db)
    clerk = user_by_name(db, "clerk")
    started, steps = time.perf_counter(), 0
    while read_more(db):  # as the window's idle upkeep does (store/values_kept.py)
        steps += 1
    read_ms = (time.perf_counter() - started) * 1000
    print(f"\nthe cases' values read on idle: {read_ms:.0f} ms in {steps} steps")
    started = time.perf_counter()
    searched = searched_before(db)
    print(f"{searched}: {(time.perf_counter() - started) * 1000:.0f} ms")
    print(f"cases page matrix at store level (first_window: count + first {SCREEN_ROWS} rows, ms):")
    print(header("store ms") + f" {'exact count':>11}")
    rows = []
    exact: dict[str, float] = {}  # by repr(filter): the count does not hang on the order
    for combination in matrix(clerk):
        f, sort = combination.case_filter, combination.sort

        def work(f: CaseFilter = f, sort: CaseSort = sort) -> None:
            forget_searches()  # timed as first typed, not as kept from the last combination
            first_window(db, f, sort, SCREEN_ROWS)

        statements = recorded(db, work)
        raw = raw_ms(db, statements, repeat=2)  # before the search's bitmap is read again
        store = min(timed(work, repeat=1) for _ in range(2))
        if repr(f) not in exact:
            exact[repr(f)] = timed(lambda f=f: count_cases(db, f), repeat=2)
        rows.append((combination.label, store, raw))
        print(line(combination.label, store, raw) + f" {exact[repr(f)]:>11.1f}", flush=True)
    print("\n".join(summary(rows)))
    db.close()


def test_intake_of_one_case(million_db: Path, tmp_path: Path) -> None:
    db = open_database(million_db)
    clerk = user_by_name(db, "clerk")
    request = IntakeRequest("0101", "G01", "青石村村委会东侧路口有流动摊贩占道经营", "青石村")
    blobs = BlobStore(tmp_path / "blobs")
    print("\nintake on the million-case database:")
    report(
        "register one case (validate, number, event, FTS, fsync)",
        timed(lambda: register_case(db, blobs, clerk, request, wall=system_wall)),
    )
    db.close()
