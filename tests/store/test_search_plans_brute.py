"""Searches combined with filters, whatever plan answers them (the newest hits walked along
the received index or a filter's own, the full-text index probed case by case, the
filter's cases tested against every hit at once, the usual plan), give exactly the rows
and count of a brute-force filter and sort (issue 16).

The demo's 400 cases are joined by cases registered after them but received earlier (as a
laptop's cases arrive by sync), several at the same moment (ties of the time received),
some holding the words searched; the plans' thresholds are set so each plan is tried on a
database this small.
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

import app.store.case_count as case_count
import app.store.case_estimate as case_estimate
import app.store.first_rows as first_rows
import app.store.search_fixed as search_fixed
import app.store.search_kept_order as search_kept_order
import app.store.search_probed as search_probed
import app.store.search_within as search_within
import app.store.value_sample as value_sample
import app.store.values_kept as values_kept
from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.intake import IntakeRequest
from app.core.text import fts_query
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.case_count import first_window
from app.store.case_list import CaseFilter, CaseSort, count_cases, listed_window
from app.store.case_plan import SORTABLE
from app.store.case_query import same_order
from app.store.cases import register_case
from app.store.queues import waiting_on
from app.store.reference import user_by_name
from app.store.search_hits import forget_searches, kept_hits
from app.store.values_kept import read_more
from tests.clock import DEMO_NOW_MS
from tests.store.store_helpers import answers_of

DAY_MS = 86_400_000
TEXTS = ("占", "占道", "占道经营", "噪音", "道", "没有这样的字")
STATUSES = ("pending_triage", "handling", "closed", "assigned", "feedback")
GRIDS = ("G01", "G02", "G07", "G11")
SOURCES = ("hotline", "patrol", "visit")
CATEGORIES = (("0101",), ("0102",), ("0101", "0102", "0103", "0104", "0105"))
MONTHS = (("2026-09-01", "2026-09-30"), ("2026-11-01", None), (None, "2026-10-15"))


def register_late_cases(db, path) -> None:
    """Cases numbered after every demo case but received days or months before the newest
    (a laptop's, synced late), in groups received at the same second."""
    clerk = user_by_name(db, "clerk")
    blobs = BlobStore.beside(path)
    texts = ["路口有人占道经营摆摊", "夜间施工噪音扰民", "人行道上堆放杂物", "占道停车"]
    for days_before in (1, 3, 40, 70, 100):
        moment = DEMO_NOW_MS - days_before * DAY_MS
        for n in range(3):  # three at the same moment
            request = IntakeRequest(
                ("0101", "0102")[n % 2],
                GRIDS[(days_before + n) % len(GRIDS)],
                texts[(days_before + n) % len(texts)],
                source=SOURCES[n % len(SOURCES)],
                urgent=n == 1,
            )
            register_case(db, blobs, clerk, request, wall=lambda moment=moment: moment)


def random_filter(rng: random.Random, clerk) -> CaseFilter:
    """One or two filters of the filter bar, and a search."""
    choices = {
        "status": lambda: {"status": rng.choice(STATUSES)},
        "category": lambda: {"category_codes": rng.choice(CATEGORIES)},
        "grid": lambda: {"grid_code": rng.choice(GRIDS)},
        "source": lambda: {"source": rng.choice(SOURCES)},
        "urgency": lambda: {"urgency": rng.choice(("urgent", "normal"))},
        "dates": lambda: dict(
            zip(("received_from", "received_to"), rng.choice(MONTHS), strict=True)
        ),
        "unit": lambda: {"lead_unit": clerk.department_code},
        "to-do": lambda: {"waiting_on": clerk},
    }
    fields: dict = {"text": rng.choice(TEXTS)}
    for name in rng.sample(sorted(choices), rng.choice((1, 1, 2))):
        fields.update(choices[name]())
    return CaseFilter(**fields)


def brute_force(db, case_filter: CaseFilter, sort: CaseSort) -> list[str]:
    """Every case tested one by one in Python, sorted in Python: the case numbers."""
    f = case_filter
    every = "SELECT seq FROM cases"
    search = "SELECT rowid FROM cases_search WHERE cases_search MATCH ?"
    found = db.execute(search, [fts_query(f.text)]) if f.text else db.execute(every)
    hits = {row[0] for row in found}
    waiting = None
    if f.waiting_on is not None:
        condition, params = waiting_on(db, f.waiting_on)
        waiting = {row[0] for row in db.execute(f"SELECT seq FROM cases WHERE {condition}", params)}
    columns = ("seq", *SORTABLE)
    kept = []
    for row in db.execute(f"SELECT {', '.join(columns)} FROM cases"):
        case = dict(zip(columns, row, strict=True))
        if case["seq"] not in hits or (waiting is not None and case["seq"] not in waiting):
            continue
        one_value = (f.status, f.grid_code, f.source, f.urgency, f.lead_unit)
        columns_of = ("status", "grid_code", "source", "urgency", "lead_unit")
        if any(v and case[c] != v for c, v in zip(columns_of, one_value, strict=True)):
            continue
        if f.category_codes and case["category_code"] not in f.category_codes:
            continue
        received = case["received_at"]
        if f.received_from and received < f.received_from:
            continue
        if f.received_to and received[:10] > f.received_to:
            continue
        kept.append(case)
    kept.sort(key=lambda case: sort_key(case, sort), reverse=sort.descending)
    return [case["number"] for case in kept]


def sort_key(case: dict, sort: CaseSort) -> tuple:
    """The list's order as the cases page defines it: the column, then the time received
    and the row number (the lead unit's index has the status between); no lead unit (not
    triaged yet) comes first, as SQLite sorts NULL."""
    if sort.column == "number":
        return (case["number"],)
    then = (case["received_at"], case["seq"])
    if sort.column == "received_at":
        return then
    value = case[sort.column] or ""
    if sort.column == "lead_unit":
        return (value, case["status"], *then)
    return (value, *then)


@pytest.fixture
def small_plans(monkeypatch, every_case_not_probed) -> None:
    """Thresholds scaled down to 400 cases, so the plans for a million are the ones run."""
    monkeypatch.setattr(case_estimate, "SAMPLE_SLICES", 4)
    monkeypatch.setattr(case_estimate, "SAMPLE_ROWS", 10)
    monkeypatch.setattr(value_sample, "VIA_SLICES", 4)
    monkeypatch.setattr(value_sample, "VIA_SLICE_ROWS", 20)
    monkeypatch.setattr(case_count, "NEWEST_AT_MOST", 400)


@pytest.mark.parametrize("seed", range(12))
def test_searches_with_filters_match_brute_force(
    demo_db, demo_path, small_plans, monkeypatch, seed: int
) -> None:
    register_late_cases(demo_db, demo_path)
    clerk = user_by_name(demo_db, "clerk")
    rng = random.Random(seed)
    if seed % 2:  # each case's fixed values not read yet: a search within them is walked
        monkeypatch.setattr(values_kept, "READ_WHEN_ASKED", 0)
    elif seed % 4 == 0:  # read by the idle upkeep, the addresses too: a list by address
        while read_more(demo_db):  # walks only the first addresses holding its first rows
            pass
    monkeypatch.setattr(search_probed, "PROBE_MS", 10_000.0)  # never given up on a slow machine
    monkeypatch.setattr(search_probed, "PROBE_MS_LEAST", 10_000.0)
    probing, not_probing = case_count.probed, lambda *_args: None
    walk_above, try_above = first_rows.WALK_ABOVE, case_count.TRY_WALKING_ABOVE
    for turn in range(40):
        if turn % 8 == 4:  # a case sent on its path after the values kept were read
            dispatch_one(demo_db, demo_path, clerk, rng)
        case_filter = random_filter(rng, clerk)
        sort = rng.choice((CaseSort(), CaseSort(), CaseSort("status", descending=False)))
        if rng.random() < 0.3:  # any other order
            sort = CaseSort(rng.choice(SORTABLE), rng.random() < 0.5)
        limit = rng.choice((1, 3, 7, 25))
        monkeypatch.setattr(case_count, "NEWEST_HITS", rng.choice((1, 2, 5, 40)))
        monkeypatch.setattr(search_within, "GATHER_HITS_AT_MOST", rng.choice((0, 10**9)))
        # the hits within the fixed values sorted here or walked; the other filters tested
        monkeypatch.setattr(search_within, "ORDERED_AT_MOST", rng.choice((0, 10**9)))
        monkeypatch.setattr(search_fixed, "OTHERS_TESTED_AT_MOST", rng.choice((0, 10**9)))
        # a filter's few cases each probed, or not
        monkeypatch.setattr(search_fixed, "FEW_PROBED_AT_MOST", rng.choice((-1, 10**9)))
        monkeypatch.setattr(search_fixed, "FEW_PROBED_PER_MILLION", 10**9)
        # a list probing the full-text index case by case, or reading every hit; a probing
        # walk foreseen too long (from the values kept), or never
        monkeypatch.setattr(case_count, "probed", rng.choice((probing, not_probing)))
        monkeypatch.setattr(search_fixed, "PROBED_MS_EACH", rng.choice((0.0, 10**6)))
        # a filter told by the values kept probed in the order they tell, or not
        kept_order = rng.choice((0, 10**9))
        monkeypatch.setattr(search_kept_order, "KEPT_ORDER_AT_MOST", kept_order)
        # the demo's few hundred walked as a million's are (not only gathered)
        walking = rng.random() < 0.5
        monkeypatch.setattr(first_rows, "WALK_ABOVE", 0 if walking else walk_above)
        monkeypatch.setattr(case_count, "TRY_WALKING_ABOVE", 0 if walking else try_above)
        forget_searches()  # as typed: each plan reads what it needs
        expected = brute_force(demo_db, case_filter, sort)
        found = first_window(demo_db, case_filter, sort, limit)
        label = f"{case_filter} {sort} {limit}"
        assert [row.case.number for row in found.rows] == expected[:limit], label
        if found.count.exact:
            assert found.count.value == len(expected), label
        else:
            assert found.count.value >= len(found.rows), label
        assert count_cases(demo_db, case_filter) == len(expected), label
        second = listed_window(demo_db, case_filter, sort, limit, limit, walk=found.walk)
        assert [row.case.number for row in second] == expected[limit : 2 * limit], label
        # walking the sort order's index serves any list (a walk along a fixed column
        # narrowed to the values holding the hits: case_values)
        walked = listed_window(demo_db, case_filter, sort, 0, 2 * limit, walk=True)
        assert [row.case.number for row in walked] == expected[: 2 * limit], label


def dispatch_one(db, path, clerk, rng: random.Random) -> None:
    """Send one of the cases waiting for triage on its path (its status and lead unit
    change): to a stationed department, or handled by the township's own office (the
    clerk's unit), if one is left."""
    waiting = db.execute("SELECT number FROM cases WHERE status = 'pending_triage' ORDER BY seq")
    numbers = [row[0] for row in waiting]
    if numbers:
        request = rng.choice(
            (
                Request(Action.DISPATCH, to="SCJG", override_reason="就近处置"),
                Request(Action.SELF_HANDLE, override_reason="就近处置"),
            )
        )
        blobs = BlobStore.beside(path)
        act(db, blobs, clerk, rng.choice(numbers), request, wall=lambda: DEMO_NOW_MS)


def test_the_late_cases_are_numbered_out_of_order_and_tie(demo_db, demo_path) -> None:
    """What the test above leans on: the late cases are numbered after every demo case,
    received before the newest of them, three at each moment."""
    newest_before = demo_db.execute("SELECT max(received_at), max(seq) FROM cases").fetchone()
    register_late_cases(demo_db, demo_path)
    late = demo_db.execute(
        "SELECT received_at, count(*) FROM cases WHERE seq > ? GROUP BY received_at",
        [newest_before[1]],
    ).fetchall()
    assert len(late) == 5 and all(count == 3 for _received, count in late)
    assert all(received < newest_before[0] for received, _count in late)


def watch_hits_within(monkeypatch) -> list[bool]:
    """Whether the plan testing a filter's cases against every hit answered, each time
    first_window tried it."""
    # (not the plan before it, for a search within the fixed values alone)
    monkeypatch.setattr(case_count, "hits_in_fixed_values", lambda *_args: None)
    return answers_of(monkeypatch, case_count, "hits_within")


def test_a_filters_cases_tested_against_every_hit_are_the_newest_first(
    demo_db, demo_path, small_plans, monkeypatch
) -> None:
    """The plan that tests a filter's cases against every hit at once answers a search
    within a grid, a unit or the to-do list with the count exact and the rows of brute
    force, ties and late cases included (taken out, first_window falls to the usual plan:
    no such plan ran)."""
    register_late_cases(demo_db, demo_path)
    ran = watch_hits_within(monkeypatch)
    monkeypatch.setattr(case_count, "NEWEST_AT_MOST", 0)  # the newest hits never do
    monkeypatch.setattr(case_count, "probed", lambda *_args: None)  # nor probing
    monkeypatch.setattr(search_within, "GATHER_HITS_AT_MOST", 10**9)
    clerk = user_by_name(demo_db, "clerk")
    searches = [CaseFilter(grid_code=grid, text="占") for grid in GRIDS]
    # a unit's or a person's few cases, as the plan gathers them (in no order)
    searches += [
        CaseFilter(lead_unit=clerk.department_code, text="占"),
        CaseFilter(waiting_on=clerk, text="道"),
        CaseFilter(waiting_on=clerk, status="pending_triage", text="占"),
    ]
    for search in searches:
        forget_searches()
        found = first_window(demo_db, search, CaseSort(), 2)
        expected = brute_force(demo_db, search, CaseSort())
        assert len(expected) > 2, search
        assert [row.case.number for row in found.rows] == expected[:2]
        assert found.count.exact and found.count.value == len(expected)
    assert ran == [True] * len(searches)


@pytest.mark.parametrize("way", ["walked", "looked up", "too many"])
def test_a_filters_cases_tested_against_every_hit_in_any_order(
    demo_db, demo_path, small_plans, monkeypatch, way: str
) -> None:
    """The same plan serves a search within a grid, a unit or the to-do list in every other
    order: its hits among the filter's cases are found along the sort order's index, or
    (that walk given up) looked up and sorted; the count is exact. With more hits than it
    sorts (``ORDERED_AT_MOST``), it gives way to the usual plan, which finds the same rows,
    but in an order the values kept tell (every one but the case number): there its hits
    are put in order in memory."""
    register_late_cases(demo_db, demo_path)
    while read_more(demo_db):  # the addresses too, as the idle upkeep reads them
        pass
    ran = watch_hits_within(monkeypatch)
    monkeypatch.setattr(case_count, "probed", lambda *_args: None)
    monkeypatch.setattr(search_within, "GATHER_HITS_AT_MOST", 10**9)
    at_most = 0 if way == "too many" else 10**9
    monkeypatch.setattr(search_within, "ORDERED_AT_MOST", at_most)
    if way == "looked up":
        monkeypatch.setattr(search_within, "within", lambda _db, _ms, _work: None)
    else:  # never given up on a slow machine
        monkeypatch.setattr(search_within, "LOOKED_UP_MS", 10_000.0)
    clerk = user_by_name(demo_db, "clerk")
    searches = [
        CaseFilter(grid_code="G07", text="占"),
        CaseFilter(lead_unit=clerk.department_code, text="道"),
        CaseFilter(waiting_on=clerk, status="pending_triage", text="占"),
    ]
    every = [CaseSort(column, descending) for column in SORTABLE for descending in (True, False)]
    sorts = [sort for sort in every if sort != CaseSort()]  # (newest first: the test above)
    tried: list[str] = []
    for search in searches:
        # (not those the same as the newest first: filtered to one grid, by grid)
        for sort in [sort for sort in sorts if same_order(search, sort) != CaseSort()]:
            tried.append(sort.column)
            forget_searches()
            found = first_window(demo_db, search, sort, 2)
            expected = brute_force(demo_db, search, sort)
            assert len(expected) > 2, search
            assert [row.case.number for row in found.rows] == expected[:2], (search, sort)
            if at_most:
                assert found.count.exact and found.count.value == len(expected)
    if at_most:
        assert ran == [True] * len(tried)
    else:
        assert len(ran) == len(tried) and any(ran)
        answered = {column for column, done in zip(tried, ran, strict=True) if done}
        assert "number" not in answered and "address" in answered


def test_the_newest_of_a_tie_reaching_back_are_ordered_by_number(demo_db, demo_path) -> None:
    """``newest_of`` orders only the last few of a filter's cases, and takes more while
    the one before them was received as late as the last one kept."""
    register_late_cases(demo_db, demo_path)
    tied = [
        row[0]
        for row in demo_db.execute(
            "SELECT seq FROM cases WHERE received_at = (SELECT received_at FROM cases "
            "WHERE seq = (SELECT max(seq) FROM cases)) ORDER BY seq"
        )
    ]
    assert len(tied) == 3
    # in the index's order a tie may come in any order: the highest number first here
    import numpy

    found = numpy.array(list(reversed(tied)), dtype=numpy.int64)
    assert search_within.newest_of(demo_db, found, 1) == [tied[-1]]
    assert search_within.newest_of(demo_db, found, 2) == [tied[-1], tied[-2]]
    assert search_within.newest_of(demo_db, found, 5) == list(reversed(tied))


def test_a_search_finding_nothing_within_a_filter_is_counted_exactly(
    demo_db, small_plans, monkeypatch
) -> None:
    monkeypatch.setattr(search_within, "GATHER_HITS_AT_MOST", 10**9)
    search = replace(CaseFilter(grid_code="G07"), text="没有这样的字")
    found = first_window(demo_db, search, CaseSort(), 5)
    assert (found.count.value, found.count.exact, found.rows) == (0, True, [])


# each pair of 甲乙丙丁 in a run of its own: a text holding every term of the phrase, not it
PAIRS_APART = "甲乙、乙丙、丙丁"


def test_a_search_within_the_fixed_values_is_told_from_every_hit(
    demo_db, demo_path, small_plans, monkeypatch
) -> None:
    """Once every hit is read, a search within a grid, a category, a source or an urgency
    is counted and its first rows found from the hits' fixed values in memory: a grid
    holding none of them is told without asking SQLite anything about the grid's cases;
    beside a status, the few found are each tested for it."""
    register_late_cases(demo_db, demo_path)
    clerk = user_by_name(demo_db, "clerk")
    # G01 holds each pair of 甲乙丙丁 apart, never the phrase: its terms cannot tell it
    # (store/grid_terms.py), its hits' values do
    for grid, text in (("G07", "甲乙丙丁的摊位"), ("G01", PAIRS_APART)):
        request = IntakeRequest("0101", grid, text, source="hotline")
        register_case(
            demo_db, BlobStore.beside(demo_path), clerk, request, wall=lambda: DEMO_NOW_MS
        )
    monkeypatch.setattr(case_count, "probed", lambda *_args: None)  # every hit read
    answered = answers_of(monkeypatch, case_count, "hits_in_fixed_values")
    asked: list[tuple[str, list]] = []  # every statement, with its parameters
    real_execute = demo_db.execute
    monkeypatch.setattr(
        demo_db, "execute", lambda q, p=(): asked.append((q, list(p))) or real_execute(q, p)
    )
    elsewhere = CaseFilter(grid_code="G01", text="甲乙丙丁")
    for sort in (CaseSort(), CaseSort("number", descending=False)):
        found = first_window(demo_db, elsewhere, sort, 5)
        assert (found.count.value, found.count.exact, found.rows) == (0, True, [])
    about_g01 = [q for q, params in asked if "G01" in params and "grid_search_terms" not in q]
    assert asked and not about_g01
    # registered after the values were read: read when a list asks
    request = IntakeRequest("0101", "G01", "甲乙丙丁又一处", source="visit")
    register_case(demo_db, BlobStore.beside(demo_path), clerk, request, wall=lambda: DEMO_NOW_MS)
    forget_searches()
    found = first_window(demo_db, elsewhere, CaseSort(), 5)
    assert (found.count.value, found.count.exact, len(found.rows)) == (1, True, 1)
    searches = [
        CaseFilter(grid_code="G07", text="甲乙丙丁"),
        CaseFilter(grid_code="G07", source="hotline", text="占"),
        CaseFilter(category_codes=CATEGORIES[2], urgency="normal", text="道"),
        CaseFilter(grid_code="G07", status="pending_triage", text="占"),
    ]
    for search in searches:
        for sort in (CaseSort(), CaseSort("category_code", descending=False)):
            forget_searches()
            found = first_window(demo_db, search, sort, 2)
            expected = brute_force(demo_db, search, sort)
            assert [row.case.number for row in found.rows] == expected[:2], search
            assert found.count.exact and found.count.value == len(expected), search
    assert answered == [True] * (3 + 2 * len(searches))


@pytest.mark.parametrize("probed_at_most", [1_000, 0])
def test_a_phrase_within_the_fixed_values_probes_its_first_pairs_few_hits(
    demo_db, demo_path, small_plans, monkeypatch, probed_at_most: int
) -> None:
    """甲乙丙丁 within a grid: the hits of 甲乙 in the grid are few, so each is probed for
    the phrase and the phrase's own hits are not read; with more than
    ``WIDENED_PROBED_AT_MOST``, they are read. The same rows and count either way."""
    clerk, blobs = user_by_name(demo_db, "clerk"), BlobStore.beside(demo_path)
    g01 = f"甲乙两家的摊位，{PAIRS_APART[3:]}"  # every pair, not the phrase: not told by terms
    for grid, text in (("G01", g01), ("G07", "甲乙丙丁的摊位"), ("G07", "甲乙两家")):
        request = IntakeRequest("0101", grid, text, source="hotline")
        register_case(demo_db, blobs, clerk, request, wall=lambda: DEMO_NOW_MS)
    monkeypatch.setattr(case_count, "probed", lambda *_args: None)  # every hit read
    monkeypatch.setattr(case_count, "NEWEST_HITS", 0)  # (newest first: not all at once)
    monkeypatch.setattr(search_fixed, "WIDENED_PROBED_AT_MOST", probed_at_most)
    monkeypatch.setattr(search_fixed, "FIXED_SAMPLED_EVERY", 1)  # (every case sampled)
    phrase = fts_query("甲乙丙丁")
    for grid, expected in (("G01", 0), ("G07", 1)):
        for sort in (CaseSort("number"), CaseSort()):
            forget_searches()
            search = CaseFilter(grid_code=grid, text="甲乙丙丁")
            found = first_window(demo_db, search, sort, 5)
            assert (found.count.value, found.count.exact) == (expected, True)
            assert [row.case.number for row in found.rows] == brute_force(demo_db, search, sort)
            if sort != CaseSort():  # (newest first: its few newest hits read, not kept)
                assert (kept_hits(demo_db, phrase) is None) == bool(probed_at_most)
                # more foreseen in the grid than probed (a sample of its cases probed for
                # 甲乙): the pair's hits not read either
                pair_read = kept_hits(demo_db, fts_query("甲乙")) is not None
                assert pair_read == bool(probed_at_most)


def walked_sql(db, monkeypatch, case_filter: CaseFilter) -> list[str]:
    """The walks first_window ran for ``case_filter`` newest first, as SQL."""
    sql: list[str] = []
    real = db.execute

    def recording(query, params=()):
        if query.startswith("SELECT seq FROM cases INDEXED BY"):
            sql.append(query)
        return real(query, params)

    with monkeypatch.context() as watching:
        watching.setattr(db, "execute", recording)
        forget_searches()
        first_window(db, case_filter, CaseSort(), 3)
    return sql


def test_a_search_newest_first_walks_the_index_of_its_fewest_filter(
    demo_db, demo_path, small_plans, monkeypatch
) -> None:
    """A search within one grid is walked through the grid's index (its cases alone, in
    the order received), not the index of every case received; with a source as well,
    through whichever of the two finds fewer cases in the sample: the grid here (19 grids,
    a handful of sources). The rows stay those of brute force."""
    register_late_cases(demo_db, demo_path)
    monkeypatch.setattr(case_count, "NEWEST_HITS", 2)
    both = CaseFilter(grid_code="G01", source="patrol", text="占")
    counted = demo_db.execute(
        "SELECT count(*) FILTER (WHERE grid_code = 'G01'), "
        "count(*) FILTER (WHERE source = 'patrol') FROM cases"
    ).fetchone()
    assert counted[0] < counted[1]
    for case_filter in (CaseFilter(grid_code="G01", text="占"), both):
        walks = walked_sql(demo_db, monkeypatch, case_filter)
        assert walks and all("INDEXED BY cases_by_grid " in sql for sql in walks)
        found = first_window(demo_db, case_filter, CaseSort(), 3)
        expected = brute_force(demo_db, case_filter, CaseSort())
        assert [row.case.number for row in found.rows] == expected[:3]
    walks = walked_sql(demo_db, monkeypatch, CaseFilter(text="占"))
    assert walks and all("INDEXED BY cases_by_received " in sql for sql in walks)


def test_the_filters_count_a_searchs_estimate_scales_is_tried_exact_only_briefly(
    demo_db, demo_path, small_plans, usual_search_plan, monkeypatch
) -> None:
    """The estimate is the filters' count times the hits' share: a product that is 约
    whatever the filters' count, so that count is not waited for (10 ms at a million):
    it is tried for FILTERS_EXACT_WITHIN_MS, then sampled."""
    register_late_cases(demo_db, demo_path)
    monkeypatch.setattr(case_count, "NEWEST_HITS", 2)
    tried: list[tuple[CaseFilter, float]] = []
    real = case_estimate.count_within

    def counting(db, case_filter, ms):
        tried.append((case_filter, ms))
        return real(db, case_filter, ms)

    monkeypatch.setattr(case_estimate, "count_within", counting)
    # (not told from the values kept, exactly, as before the idle upkeep read them)
    monkeypatch.setattr(case_estimate, "counted_in_memory", lambda db, f: None)
    forget_searches()
    found = first_window(demo_db, CaseFilter(source="patrol", text="占"), CaseSort(), 2)
    assert not found.count.exact  # the newest hits answered
    assert tried == [(CaseFilter(source="patrol"), case_count.FILTERS_EXACT_WITHIN_MS)]
    assert case_count.FILTERS_EXACT_WITHIN_MS < case_estimate.EXACT_WITHIN_MS


def test_a_walk_through_a_filters_index_searches_its_dates_there(
    demo_db, demo_path, small_plans, monkeypatch
) -> None:
    """One grid's cases of a month are one range of the grid's index (the time received
    next in it): walked or listed through it, the dates are searched there, not tested in
    every entry of the grid."""
    register_late_cases(demo_db, demo_path)
    monkeypatch.setattr(case_count, "NEWEST_HITS", 2)
    monkeypatch.setattr(search_within, "GATHER_HITS_AT_MOST", 10**9)
    search = CaseFilter(grid_code="G01", received_from="2026-09-01", text="占")
    sql: list[tuple[str, list]] = []
    real = demo_db.execute

    def recording(query, params=()):
        if "INDEXED BY cases_by_grid" in query:
            sql.append((query, list(params)))
        return real(query, params)

    monkeypatch.setattr(demo_db, "execute", recording)
    forget_searches()
    found = first_window(demo_db, search, CaseSort(), 3)
    monkeypatch.setattr(demo_db, "execute", real)
    assert [row.case.number for row in found.rows] == brute_force(demo_db, search, CaseSort())[:3]
    assert sql
    for query, params in sql:
        assert "+received_at" not in query and "received_at >= ?" in query
        plan = " ".join(r[3] for r in real("EXPLAIN QUERY PLAN " + query, params).fetchall())
        assert "cases_by_grid (grid_code=? AND received_at>?)" in plan, plan


@pytest.mark.parametrize("descending", [True, False])
def test_a_list_sorted_by_a_column_filtered_to_one_value_is_in_the_order_received(
    demo_db, demo_path, small_plans, descending: bool
) -> None:
    """Sorted by a column it is filtered to one value of, descending, a list is newest
    first, and a unit's own cases within dates, by unit, are by status: the first window
    is found in that order, and the rest along the order asked for (the same)."""
    register_late_cases(demo_db, demo_path)
    clerk = user_by_name(demo_db, "clerk")
    unit = clerk.department_code
    newest = CaseSort() if descending else None
    by_status = CaseSort("status", descending)
    dated = {"received_from": "2026-09-01"}
    lists = [
        (CaseFilter(status="handling"), CaseSort("status", descending), newest),
        (CaseFilter(grid_code="G01", text="占"), CaseSort("grid_code", descending), newest),
        (CaseFilter(category_codes=("0101",)), CaseSort("category_code", descending), newest),
        (CaseFilter(lead_unit=unit, **dated), CaseSort("lead_unit", descending), by_status),
        (CaseFilter(lead_unit=unit, text="道"), CaseSort("lead_unit", descending), None),
        (CaseFilter(lead_unit=unit, status="closed", **dated), CaseSort("lead_unit"), CaseSort()),
        (CaseFilter(source="hotline"), CaseSort("grid_code", descending), None),  # (its own)
    ]
    for case_filter, sort, same in lists:
        assert same_order(case_filter, sort) == (same or sort)
        expected = brute_force(demo_db, case_filter, sort)
        assert len(expected) > 3, case_filter
        forget_searches()
        found = first_window(demo_db, case_filter, sort, 3)
        assert [row.case.number for row in found.rows] == expected[:3], case_filter
        later = listed_window(demo_db, case_filter, sort, 3, 3, walk=found.walk)
        assert [row.case.number for row in later] == expected[3:6], case_filter
