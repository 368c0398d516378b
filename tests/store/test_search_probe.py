"""A search whose newest hits cannot serve its list (a month gone by, a to-do list) is first
answered by probing the full-text index case by case along the list's order: the rows of
the usual plan, the count estimated, no hit read; rare hits give probing up (issue 16)."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, timedelta

import pytest

import app.store.case_count as case_count
import app.store.search_fixed as search_fixed
import app.store.search_kept_order as search_kept_order
import app.store.search_probe as search_probe
import app.store.search_probed as search_probed
import app.store.sql_deadline as sql_deadline
from app.core.intake import IntakeRequest
from app.core.text import fts_query
from app.store.blobs import BlobStore
from app.store.case_count import first_window
from app.store.case_estimate import EXACT_WITHIN_MS, CaseCount
from app.store.case_list import CaseFilter, CaseSort, count_cases, listed_cases, listed_window
from app.store.cases import register_case
from app.store.reference import user_by_name
from app.store.search_hits import forget_searches, kept_hits, search_hits
from app.store.search_probe import probes
from app.store.values_kept import read_more
from tests.clock import frozen
from tests.store.store_helpers import answers_of

LIMIT = 3


def month_gone_by(db) -> CaseFilter:
    """The cases received up to a month before the newest, searched for 道."""
    newest = db.execute("SELECT max(received_at) FROM cases").fetchone()[0][:10]
    last = (date.fromisoformat(newest) - timedelta(days=30)).isoformat()
    return CaseFilter(received_to=last, text="道")


def usual_plan(db, case_filter: CaseFilter, limit: int = LIMIT) -> list[str]:
    """The rows with every hit read (the plan probing stands in for)."""
    return [row.case.number for row in listed_window(db, case_filter, CaseSort(), 0, limit)]


@pytest.fixture
def as_typed(monkeypatch, every_case_not_probed):
    """Each search as first typed (no hit read), probing never given up for a slow machine
    (walking the list's order, not each of a filter's few cases)."""
    monkeypatch.setattr(search_probed, "PROBE_MS", 10_000.0)
    monkeypatch.setattr(search_probed, "PROBE_MS_LEAST", 10_000.0)
    forget_searches()


@pytest.mark.parametrize("filters", ["month gone by", "to-do", "month and status"])
def test_a_search_the_newest_hits_cannot_serve_is_probed(demo_db, as_typed, filters) -> None:
    clerk = user_by_name(demo_db, "clerk")
    search = {
        "month gone by": month_gone_by(demo_db),
        "to-do": CaseFilter(waiting_on=clerk, text="道"),
        "month and status": replace(month_gone_by(demo_db), status="closed"),
    }[filters]
    total = count_cases(demo_db, search)
    assert total > LIMIT  # (the demo holds more than a window of them)
    forget_searches()  # (counting read the hits)
    found = first_window(demo_db, search, CaseSort(), LIMIT)
    assert kept_hits(demo_db, fts_query(search.text)) is None  # no hit read
    assert [row.case.number for row in found.rows] == usual_plan(demo_db, search)
    assert not found.count.exact  # estimated; the exact count is read later
    assert found.count.value >= LIMIT


def test_only_the_cases_the_filters_find_are_probed(demo_db, as_typed) -> None:
    """The index is asked about the closed cases of the month down to the window's last
    row, not about every case the walk passes (SQLite tests the probe after the rest);
    SQLite orders the cases received at the same moment by row number once it has them
    all, so it probes on to the first case received before the last row's."""
    search = replace(month_gone_by(demo_db), status="closed")
    found = first_window(demo_db, search, CaseSort(), LIMIT)
    closed = listed_window(demo_db, replace(search, text=""), CaseSort(), 0, 10_000)
    numbers = [row.case.number for row in closed]
    last = numbers.index(found.rows[-1].case.number)
    moment = closed[last].case.received_at
    same_moment = sum(1 for row in closed[last + 1 :] if row.case.received_at == moment)
    assert last + 1 <= probes(demo_db).count <= last + 1 + same_moment + 1
    assert probes(demo_db).count < len(closed) // 2  # (not every closed case of the month)


def test_the_estimate_is_the_filters_count_times_the_share_of_hits_probed(
    demo_db, as_typed
) -> None:
    search = month_gone_by(demo_db)
    found = first_window(demo_db, search, CaseSort(), LIMIT)
    filtered = count_cases(demo_db, replace(search, text=""))  # (exact on the small demo)
    share = LIMIT / probes(demo_db).count
    assert found.count.value == max(round(filtered * share), LIMIT)


def test_a_search_whose_hits_are_read_is_not_probed(demo_db, as_typed) -> None:
    """Kept from an earlier reading, the hits' bitmap tests a case quicker than the index."""
    search = month_gone_by(demo_db)
    search_hits(demo_db, fts_query(search.text))
    probes(demo_db).walking(0, 0.0)
    found = first_window(demo_db, search, CaseSort(), LIMIT)
    assert probes(demo_db).count == 0
    assert [row.case.number for row in found.rows] == usual_plan(demo_db, search)
    assert found.count.exact and found.count.value == count_cases(demo_db, search)


def test_probing_given_up_falls_to_the_usual_plan_with_the_count_exact(
    demo_db, as_typed, monkeypatch
) -> None:
    """Hits too rare among the cases probed in time: every hit is read, the count exact."""
    real = search_probed.walked_within

    def slow_probe(*args, probe: bool = False, **kwargs):
        return None if probe else real(*args, **kwargs)

    monkeypatch.setattr(search_probed, "walked_within", slow_probe)
    search = month_gone_by(demo_db)
    found = first_window(demo_db, search, CaseSort(), LIMIT)
    assert [row.case.number for row in found.rows] == usual_plan(demo_db, search)
    assert found.count.exact and found.count.value == count_cases(demo_db, search)


def test_a_list_probed_to_its_end_is_counted_exactly(demo_db, as_typed) -> None:
    search = month_gone_by(demo_db)
    total = count_cases(demo_db, search)
    forget_searches()
    found = first_window(demo_db, search, CaseSort(), total + 5)
    assert found.count.exact and found.count.value == total
    assert kept_hits(demo_db, fts_query(search.text)) is None


def test_probing_stops_once_the_hits_are_foreseen_too_rare(demo_db, as_typed) -> None:
    """No hit among the first FORESEEN_AFTER cases probed: no time would be enough, so the
    walk stops there and every hit is read (there are none)."""
    search = CaseFilter(text="没有这样的字")
    found = first_window(demo_db, search, CaseSort("status"), LIMIT)
    assert found.rows == [] and found.count.exact and found.count.value == 0
    probed = probes(demo_db)
    assert probed.given_up and probed.count == search_probe.FORESEEN_AFTER


@pytest.mark.parametrize("column", ["status", "grid_code", "number", "address"])
def test_a_search_in_another_order_is_probed_along_it(demo_db, as_typed, column) -> None:
    """Sorted by another column, the hits may lie anywhere along its order: the walk of its
    index probes its cases, and a count known from the same list in another order stays."""
    search, sort = CaseFilter(text="道"), CaseSort(column, descending=False)
    known = CaseCount(count_cases(demo_db, search), True)
    expected = [row.case.number for row in listed_window(demo_db, search, sort, 0, LIMIT)]
    forget_searches()
    found = first_window(demo_db, search, sort, LIMIT, known)
    assert [row.case.number for row in found.rows] == expected
    assert kept_hits(demo_db, fts_query(search.text)) is None  # no hit read
    assert found.count == known


def test_a_persons_few_cases_are_gathered_in_order_then_probed(demo_db, as_typed) -> None:
    """The to-do list's cases, gathered through its indexes and sorted, are probed in that
    order down to the window's last row; the estimate scales their exact count."""
    clerk = user_by_name(demo_db, "clerk")
    search = CaseFilter(waiting_on=clerk, text="道")
    found = first_window(demo_db, search, CaseSort(), LIMIT)
    waiting = listed_window(demo_db, replace(search, text=""), CaseSort(), 0, 10_000)
    numbers = [row.case.number for row in waiting]
    assert probes(demo_db).count == numbers.index(found.rows[-1].case.number) + 1
    share = LIMIT / probes(demo_db).count
    assert found.count.value == max(round(len(waiting) * share), LIMIT)


@pytest.mark.parametrize(("hits", "given_up"), [(4, True), (32, False)])
def test_a_walk_is_given_up_when_its_pace_foresees_too_long(monkeypatch, hits, given_up) -> None:
    """128 cases probed in 2 ms with 4 hits foresee 30 ms for 60 hits (over the walk's 10):
    stopped; with 32 hits, 3.75 ms: on. Foreseen again after 256, 512 ... probes."""
    clock = iter([0.0, 0.002])
    monkeypatch.setattr(search_probe.time, "thread_time", lambda: next(clock))
    probed = search_probe.Probes()
    probed.walking(60, 10.0)
    answers = [1] * hits + [0] * (search_probe.FORESEEN_AFTER - hits)
    for answer in answers[:-1]:
        assert probed.ask(answer) == answer  # (not foreseen before the 128th)
    if given_up:
        with pytest.raises(LookupError):
            probed.ask(answers[-1])
    else:
        assert probed.ask(answers[-1]) == answers[-1]
    assert probed.given_up is given_up
    assert (probed.count, probed.found) == (search_probe.FORESEEN_AFTER, hits)


@pytest.mark.parametrize(
    ("cases", "budget"), [(100_000, 5.0), (1_000_000, 10.0), (2_000_000, 20.0), (5_000_000, 20.0)]
)
def test_probing_may_take_what_reading_every_hit_would(demo_db, monkeypatch, cases, budget):
    """Reading every hit of a common word in halves takes 11-12 ms at a million cases and
    grows with them: probing is given as long, at least 5 ms and at most 20."""
    monkeypatch.setattr(search_probed, "row_numbers", lambda _db: cases)
    assert search_probed.probing_ms(demo_db) == budget


def test_a_search_is_counted_exact_only_briefly_before_its_first_window(
    demo_db, monkeypatch, usual_search_plan
):
    """A search's exact count follows from its hits once the first window is painted."""
    tried: list[float] = []
    estimate = case_count.estimate_cases

    def estimating(db, case_filter, exact_within_ms=EXACT_WITHIN_MS):
        tried.append(exact_within_ms)
        return estimate(db, case_filter, exact_within_ms)

    monkeypatch.setattr(case_count, "estimate_cases", estimating)
    monkeypatch.setattr(case_count, "probed", lambda *_args: None)
    by_number = CaseSort("number")  # not as typed: the count is estimated first
    first_window(demo_db, CaseFilter(source="hotline"), by_number, LIMIT)
    first_window(demo_db, CaseFilter(source="hotline", text="道"), by_number, LIMIT)
    assert tried == [EXACT_WITHIN_MS, case_count.FILTERS_EXACT_WITHIN_MS]


@pytest.mark.parametrize("sort", [CaseSort(), CaseSort("number", descending=False)])
def test_a_filters_few_cases_are_each_probed_before_any_hit_is_read(demo_db, sort) -> None:
    """Within filters finding no more than FEW_PROBED_AT_MOST cases, each is probed for
    the words: the rows and the exact count of the usual plan, no hit read; a filter
    finding none is told at once. More cases, or not found in time: another plan."""
    month_closed = replace(month_gone_by(demo_db), status="closed")
    few = count_cases(demo_db, replace(month_closed, text=""))
    assert LIMIT < few < count_cases(demo_db, CaseFilter())  # (a part of the demo)
    with pytest.MonkeyPatch.context() as patched:
        answered = answers_of(patched, case_count, "few_probed")
        # a table of a few hundred cases reads every hit sooner than it probes them
        first_window(demo_db, month_closed, sort, LIMIT)
        assert answered == [False]
        patched.setattr(search_fixed, "FEW_PROBED_PER_MILLION", 10**9)  # (as a million's)
        for search, at_most in ((month_closed, few), (month_closed, few - 1)):
            patched.setattr(search_fixed, "FEW_PROBED_AT_MOST", at_most)
            forget_searches()
            found = first_window(demo_db, search, sort, LIMIT)
            assert answered[-1] == (at_most == few)
            if answered[-1]:  # (another plan may read them)
                assert kept_hits(demo_db, fts_query(search.text)) is None
            expected = listed_window(demo_db, search, sort, 0, LIMIT)
            assert [row.case.number for row in found.rows] == [r.case.number for r in expected]
            if answered[-1]:
                assert found.count == CaseCount(count_cases(demo_db, search), True)
        nothing = replace(month_closed, status="no such status")
        forget_searches()
        assert first_window(demo_db, nothing, sort, LIMIT).count == CaseCount(0, True)
        assert answered[-1] and kept_hits(demo_db, fts_query(nothing.text)) is None
        # a to-do list asking for requests waiting (a leader's) is listed by SQLite, if in
        # time; the clerk's is listed in memory, SQLite given no time
        todo = replace(month_closed, waiting_on=user_by_name(demo_db, "leader"))
        patched.setattr(search_fixed, "FEW_PROBED_AT_MOST", 10**6)
        patched.setattr(search_fixed, "FEW_LISTED_WITHIN_MS", 10_000.0)  # (a slow machine)
        forget_searches()
        first_window(demo_db, todo, sort, LIMIT)
        assert answered[-1]
        patched.setattr(search_fixed, "FEW_LISTED_WITHIN_MS", -1.0)  # not found in time
        patched.setattr(sql_deadline, "DEADLINE_STEPS", 1)
        forget_searches()
        first_window(demo_db, todo, sort, LIMIT)
        assert not answered[-1]
        clerks = replace(month_closed, status=None, waiting_on=user_by_name(demo_db, "clerk"))
        forget_searches()
        found = first_window(demo_db, clerks, sort, LIMIT)
        assert answered[-1] and found.count.exact and found.count.value > 0
        expected = listed_window(demo_db, clerks, sort, 0, LIMIT)
        assert [row.case.number for row in found.rows] == [r.case.number for r in expected]


def test_a_filter_of_values_kept_is_counted_and_listed_in_memory(demo_db, monkeypatch) -> None:
    """Holding none of the demo's cases (no urgent case of the grid), a search within it
    finds none, told without asking SQLite for the cases; holding more than
    FEW_PROBED_AT_MOST (one in FIXED_SAMPLED_EVERY counted), not listed either; fewer,
    listed in memory."""
    listed: list[CaseFilter] = []
    real = search_fixed._listed_at_most
    monkeypatch.setattr(
        search_fixed, "_listed_at_most", lambda db, f, n: listed.append(f) or real(db, f, n)
    )
    monkeypatch.setattr(search_fixed, "FIXED_SAMPLED_EVERY", 2)
    monkeypatch.setattr(search_fixed, "FEW_PROBED_PER_MILLION", 10**9)  # (as a million's)
    grid, urgency = demo_db.execute(
        "SELECT g.code, u.urgency FROM grids g, (SELECT DISTINCT urgency FROM cases) u "
        "WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.grid_code = g.code AND "
        "c.urgency = u.urgency) ORDER BY 1 LIMIT 1"
    ).fetchone()
    empty = CaseFilter(grid_code=grid, urgency=urgency, text="道")
    assert search_fixed.few_probed(demo_db, empty, LIMIT, CaseSort()) == (0, [])
    hotline = CaseFilter(source="hotline", text="道")
    many = count_cases(demo_db, replace(hotline, text=""))
    monkeypatch.setattr(search_fixed, "FEW_PROBED_AT_MOST", many // 4)
    assert search_fixed.few_probed(demo_db, hotline, LIMIT, CaseSort()) is None
    assert listed == []
    monkeypatch.setattr(search_fixed, "FEW_PROBED_AT_MOST", many * 4)  # (listed and probed)
    total, _rows = search_fixed.few_probed(demo_db, hotline, LIMIT, CaseSort())
    assert listed == [] and total == count_cases(demo_db, hotline)  # (listed in memory)
    # a person's to-do list is listed in memory too; one asking for requests waiting (a
    # leader's) is not kept there: SQLite lists it
    monkeypatch.setattr(search_fixed, "FEW_LISTED_WITHIN_MS", 10_000.0)  # (a slow machine)
    for user, in_memory in (("clerk", True), ("leader", False)):
        todo = replace(hotline, waiting_on=user_by_name(demo_db, user))
        expected = count_cases(demo_db, todo)
        listed.clear()
        forget_searches()  # (counted: its hits read)
        total, _rows = search_fixed.few_probed(demo_db, todo, LIMIT, CaseSort())
        assert listed == ([] if in_memory else [replace(todo, text="")]) and total == expected


def test_a_probing_walk_is_foreseen_from_the_hits_among_a_sample_of_its_cases(
    demo_db, monkeypatch
) -> None:
    """Few hits among a sample of the filter's cases foresee many probes before the
    window's last (at least: as many as the most hits the sample may stand for call for):
    the walk is not tried where those take longer than its time. Only where the values
    kept tell the whole filter (not a to-do list)."""
    closed = CaseFilter(status="closed", text="道")
    foreseen = search_fixed.probing_foreseen_longer
    assert not foreseen(demo_db, closed, CaseSort(), LIMIT, 1_000.0, True)  # (hits enough)
    nowhere = replace(closed, text="鑫鑫鑫")  # (held by no case: no probe finds it)
    assert foreseen(demo_db, nowhere, CaseSort(), LIMIT, 0.01, True)
    todo = replace(nowhere, waiting_on=user_by_name(demo_db, "clerk"))
    assert not foreseen(demo_db, todo, CaseSort(), LIMIT, 0.01, True)
    monkeypatch.setattr(search_fixed, "PROBED_MS_EACH", 1.0)  # (a probe a millisecond)
    monkeypatch.setattr(search_fixed, "PROBING_FORESEEN_MARGIN", 1.0)
    monkeypatch.setattr(search_fixed, "sample_holding", lambda *_args: (100, list(range(100))))
    for found, needed in ((0, 100 * LIMIT), (4, math.ceil(LIMIT * 100 / 9)), (100, LIMIT)):
        hits = lambda _db, _match, seqs, found=found: seqs[:found]  # noqa: E731
        monkeypatch.setattr(search_fixed, "every_hit_among", hits)
        assert foreseen(demo_db, closed, CaseSort(), LIMIT, needed - 0.5, True), found
        assert not foreseen(demo_db, closed, CaseSort(), LIMIT, needed + 0.5, True), found


@pytest.mark.parametrize("descending", [False, True])
def test_a_probing_walk_is_foreseen_from_how_far_along_its_cases_lie(
    demo_db, monkeypatch, descending: bool
) -> None:
    """In the order received, the walk passes every case before the filter's it needs (as
    many as the sample's hits call for: here every case sampled is a hit, so the window's
    own): foreseen so, at a millisecond an entry; not newest first (walked along a
    filter's index), nor within dates (walked from their start), nor by number where the
    days of the filter's cases are told (their numbers read alone)."""
    monkeypatch.setattr(search_fixed, "days_received", lambda _db, _f: None)
    monkeypatch.setattr(search_fixed, "every_hit_among", lambda _db, _match, seqs: seqs)
    monkeypatch.setattr(search_fixed, "PROBED_MS_EACH", 0.0)
    monkeypatch.setattr(search_fixed, "WALK_MS_PER_ENTRY", 1.0)
    monkeypatch.setattr(search_fixed, "PROBING_FORESEEN_MARGIN", 1.0)
    monkeypatch.setattr(search_fixed, "FIXED_SAMPLED_EVERY", 1)  # (every case: exact)
    status = demo_db.execute("SELECT status FROM cases ORDER BY seq DESC LIMIT 1").fetchone()[0]
    searched = CaseFilter(status=status, text="道")
    d = "DESC" if descending else "ASC"
    nth = demo_db.execute(
        f"SELECT seq FROM cases WHERE status = ? ORDER BY seq {d} LIMIT 1 OFFSET ?",
        [status, LIMIT - 1],
    ).fetchone()
    last = demo_db.execute("SELECT max(seq) FROM cases").fetchone()[0]
    nth = nth[0] if nth else (1 if descending else last)
    passed = last - nth if descending else nth
    foreseen = search_fixed.probing_foreseen_longer
    in_order_received = [CaseSort("number", descending), CaseSort("received_at", descending)]
    for sort in in_order_received[: 1 if descending else 2]:  # (newest first: below)
        assert foreseen(demo_db, searched, sort, LIMIT, passed - 0.5, True)
        assert not foreseen(demo_db, searched, sort, LIMIT, passed + 0.5, True)
        assert not foreseen(demo_db, searched, sort, LIMIT, passed - 0.5, False)  # gathered
    assert not foreseen(demo_db, searched, CaseSort(), LIMIT, 0.5, True)
    dated = replace(searched, received_to="2099-12-31")
    assert not foreseen(demo_db, dated, CaseSort("number", descending), LIMIT, 0.5, True)
    monkeypatch.setattr(search_fixed, "days_received", lambda _db, _f: ("2026-11-01",) * 2)
    assert not foreseen(demo_db, searched, CaseSort("number", descending), LIMIT, 0.5, True)
    if not descending:
        oldest_first = CaseSort("received_at", descending=False)  # (not told by number)
        assert foreseen(demo_db, searched, oldest_first, LIMIT, passed - 0.5, True)


TOLD_ORDERS = [
    CaseSort(column, descending)
    for column in ("received_at", "status", "category_code", "grid_code", "lead_unit")
    for descending in (False, True)
]


@pytest.mark.parametrize("ahead", [search_kept_order.AHEAD_LEAST, 3], ids=["ahead", "few"])
@pytest.mark.parametrize("sort", TOLD_ORDERS, ids=str)
def test_a_filter_told_by_the_values_kept_is_probed_in_the_order_they_tell(
    demo_db, monkeypatch, sort, ahead
) -> None:
    """Taken from memory in the list's order to the second, a second's cases whole, and
    the hits put in the exact order by SQLite: the rows of the usual plan; the count exact
    when every case was probed. Also with the cases found in order beforehand a few at a
    time (``ahead``: each step then finds more, after the last second found)."""
    monkeypatch.setattr(search_kept_order, "AHEAD_LEAST", ahead)
    clerk = user_by_name(demo_db, "clerk")
    filters = [
        CaseFilter(status="closed", text="道"),
        CaseFilter(grid_code="G01", urgency="normal", text="占"),
        CaseFilter(lead_unit=clerk.department_code, text="道"),
        replace(month_gone_by(demo_db), category_codes=("0101", "0102")),
    ]
    for case_filter in filters:
        for limit in (1, LIMIT, 400):
            found = search_kept_order.probed_in_kept_order(demo_db, case_filter, sort, limit, 1e6)
            assert found is not None, case_filter
            count, exact, seqs = found
            expected = listed_window(demo_db, case_filter, sort, 0, limit)
            numbers = [row.case.number for row in listed_cases(demo_db, seqs)]
            assert numbers == [row.case.number for row in expected], (case_filter, limit)
            total = len(listed_window(demo_db, case_filter, sort, 0, 10**6))  # (SQLite's)
            assert (count == total) if exact else count >= len(seqs), (case_filter, limit)
            assert exact or len(seqs) == limit  # (not all probed: the window was found)


@pytest.mark.parametrize("descending", [True, False])
def test_cases_received_in_the_same_second_are_probed_together(
    demo_db, demo_path, monkeypatch, descending
) -> None:
    """A step that would end inside a second's cases takes them all: SQLite orders them by
    row number, which the order they were found in need not follow."""
    clerk = user_by_name(demo_db, "clerk")
    for _ in range(4):  # (the newest: received together, first newest first)
        request = IntakeRequest("0304", "G07", "同一秒登记的案件", source="hotline")
        register_case(demo_db, BlobStore.beside(demo_path), clerk, request, wall=frozen)
    while read_more(demo_db):
        pass
    monkeypatch.setattr(search_kept_order, "FIRST_TAKEN", 1)
    monkeypatch.setattr(search_kept_order, "AHEAD_LEAST", 1)
    case_filter = CaseFilter(grid_code="G07", text="一秒登记")
    sort = CaseSort("received_at", descending)
    found = search_kept_order.probed_in_kept_order(demo_db, case_filter, sort, 1, 1e6)
    assert found is not None and found.seqs is not None
    expected = listed_window(demo_db, case_filter, sort, 0, 1)
    assert [row.case.number for row in listed_cases(demo_db, found.seqs)] == [
        row.case.number for row in expected
    ]


def test_probing_in_the_order_kept_gives_way(demo_db, monkeypatch) -> None:
    """Not in time: no rows (nor is the walk along the index tried, which would probe the
    same cases and pass others between); an order the values do not tell (the case
    number, the address), a to-do list asking for requests waiting, or more cases than
    KEPT_ORDER_AT_MOST: another plan."""
    probed = search_kept_order.probed_in_kept_order
    closed = CaseFilter(status="closed", text="道")
    assert probed(demo_db, closed, CaseSort(), LIMIT, 1e6) is not None
    given_up = probed(demo_db, closed, CaseSort(), LIMIT, 0.0)
    assert given_up is not None and given_up.seqs is None
    for sort in (CaseSort("number"), CaseSort("address", descending=False)):
        assert probed(demo_db, closed, sort, LIMIT, 1e6) is None
    todo = replace(closed, waiting_on=user_by_name(demo_db, "leader"))  # (requests waiting)
    assert probed(demo_db, todo, CaseSort(), LIMIT, 1e6) is None
    clerks = CaseFilter(waiting_on=user_by_name(demo_db, "clerk"), text="道")
    found = probed(demo_db, clerks, CaseSort(), LIMIT, 1e6)
    expected = listed_window(demo_db, clerks, CaseSort(), 0, LIMIT)
    assert found is not None and found.seqs is not None
    assert [row.case.number for row in listed_cases(demo_db, found.seqs)] == [
        row.case.number for row in expected
    ]
    monkeypatch.setattr(
        search_kept_order, "KEPT_ORDER_AT_MOST", count_cases(demo_db, replace(closed, text="")) - 1
    )
    assert probed(demo_db, closed, CaseSort(), LIMIT, 1e6) is None


def test_probing_in_the_order_kept_given_up_walks_no_index(demo_db, monkeypatch) -> None:
    closed = CaseFilter(status="closed", text="道")
    by_status = CaseSort("status", descending=False)
    monkeypatch.setattr(search_kept_order, "PROBED_MS_EACH", 1e9)  # (never in time)
    walks: list[bool] = []
    real = search_probed.walked_within

    def walking(*args, **kwargs):
        walks.append(kwargs.get("probe", False))
        return real(*args, **kwargs)

    monkeypatch.setattr(search_probed, "walked_within", walking)
    found = first_window(demo_db, closed, by_status, LIMIT)
    assert True not in walks
    expected = listed_window(demo_db, closed, by_status, 0, LIMIT)
    assert [row.case.number for row in found.rows] == [row.case.number for row in expected]
