"""Each case's fixed values kept in memory (store/case_values.py): which categories, grids,
sources, urgencies and first receiving units a search's hits hold, and a walk along one of
those columns narrowed to the values holding a hit (issue 16)."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy
import pytest

import app.store.values_kept as values_kept
from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.intake import IntakeRequest
from app.core.model import Role
from app.core.text import fts_query
from app.store.base_data import reset_password
from app.store.blobs import BlobStore
from app.store.calendar_days import set_day
from app.store.case_actions import act
from app.store.case_count import first_window
from app.store.case_list import CaseFilter, CaseSort, listed_window
from app.store.case_plan import where_clause
from app.store.case_query import order_by
from app.store.case_values import (
    Held,
    cases_holding,
    cases_in_order,
    count_holding,
    every_case_holding,
    held_of,
    leading_values,
    nth_holding,
    sample_holding,
    values_holding,
)
from app.store.cases import register_case
from app.store.database import write_transaction
from app.store.queues import waiting_on
from app.store.rebuild import rebuild
from app.store.reference import user_by_name, users
from app.store.search_hits import forget_searches, search_hits
from app.store.settings import read_setting
from app.store.setup import open_database
from app.store.values_kept import FIXED, HELD, NUMBERING, read_more, renumbered, time_of
from tests.clock import frozen
from tests.store.store_helpers import case_for


def numbered(seqs: list[int]) -> numpy.ndarray:
    """(the row numbers as a search's hits hold them: numpy, in no order)"""
    return numpy.array(seqs[::-1], dtype=numpy.int64)


def held_in_sql(db, column: str, seqs: list[int]) -> set[str]:
    marks = ",".join("?" for _ in seqs)
    sql = f"SELECT DISTINCT {column} FROM cases WHERE seq IN ({marks})"
    return {row[0] for row in db.execute(sql, seqs)}


def every_chunk_read(db) -> None:
    while read_more(db):
        pass


def test_the_values_a_set_of_cases_holds_are_those_sqlite_finds(demo_db, monkeypatch) -> None:
    monkeypatch.setattr(values_kept, "CHUNK", 50)  # the demo read in several chunks
    monkeypatch.setattr(values_kept, "READ_WHEN_ASKED", 0)
    seqs = [row[0] for row in demo_db.execute("SELECT seq FROM cases WHERE seq % 7 = 3")]
    assert values_holding(demo_db, "category_code", numbered(seqs)) is None  # not read yet
    every_chunk_read(demo_db)
    for column in FIXED:
        for some in (seqs, seqs[:1], seqs[-5:]):
            held = values_holding(demo_db, column, numbered(some))
            assert held is not None and len(held) == len(set(held))
            assert set(held) == held_in_sql(demo_db, column, some), column


def any_days(db, rng: random.Random) -> tuple[str | None, str | None]:
    """(a range of the days the demo's cases were received, either end open, or none)"""
    days = sorted({row[0][:10] for row in db.execute("SELECT received_at FROM cases")})
    first, last = sorted(rng.sample(days, 2))
    return rng.choice([(None, None), (first, last), (first, None), (None, last), (last, last)])


def held_sql(held: Held) -> tuple[str, list]:
    """(the clause of SQLite's own finding the cases ``held`` asks for, and its parameters)"""
    tests = [f"{c} IN ({','.join('?' for _ in v)})" for c, v in held.values.items()]
    params = [value for values in held.values.values() for value in values]
    if held.received_from:
        tests.append("received_at >= ?")
        params.append(held.received_from)
    if held.received_to:
        tests.append("received_at < ?")
        params.append(held.received_to + "~")
    return " AND ".join(tests or ["1"]), params


@pytest.mark.parametrize("seed", range(4))
def test_the_cases_holding_values_are_those_sqlite_finds(demo_db, monkeypatch, seed: int) -> None:
    """Any values of any columns kept, any days received, among any cases, in their order
    (none: none); not known before the cases are read."""
    rng = random.Random(seed)
    seqs = [row[0] for row in demo_db.execute("SELECT seq FROM cases")]
    some = rng.sample(seqs, len(seqs) // 3)
    monkeypatch.setattr(values_kept, "READ_WHEN_ASKED", 0)
    g07 = Held({"grid_code": ("G07",)})
    assert cases_holding(demo_db, g07, numbered(some)) is None
    assert leading_values(demo_db, "grid_code", numbered(some), False, 5) is None
    assert count_holding(demo_db, g07) is None
    assert sample_holding(demo_db, g07, 1, 5) is None
    assert cases_holding(demo_db, g07, numbered([])).tolist() == []
    every_chunk_read(demo_db)
    for _ in range(12):
        wanted = {}
        for column in rng.sample(HELD, rng.choice((0, 1, 2, 3))):
            values = sorted(held_in_sql(demo_db, column, seqs) - {None})
            wanted[column] = (
                *rng.sample(values, min(len(values), rng.choice((1, 2)))),
                "没有这个值",
            )
        held = Held(wanted, *any_days(demo_db, rng))
        tests, params = held_sql(held)
        marks = ",".join("?" for _ in some)
        sql = f"SELECT seq FROM cases WHERE seq IN ({marks}) AND {tests}"
        expected = {row[0] for row in demo_db.execute(sql, [*some, *params])}
        found = cases_holding(demo_db, held, numbered(some))
        assert found is not None and set(found.tolist()) == expected, held
        assert found.tolist() == [seq for seq in numbered(some).tolist() if seq in expected]
        for every in (1, 7):  # every case, or one in seven from the first
            sql = f"SELECT seq FROM cases WHERE (seq - 1) % {every} = 0 AND {tests} ORDER BY seq"
            sampled = [row[0] for row in demo_db.execute(sql, params)]
            assert count_holding(demo_db, held, every) == len(sampled), (held, every)
            assert sample_holding(demo_db, held, every, 10**6) == (len(sampled), sampled)
            counted, few = sample_holding(demo_db, held, every, 3) or (None, [])
            assert counted == len(sampled) and len(few) == min(3, len(sampled))
            assert set(few) <= set(sampled) and few == sorted(few)
            if len(sampled) >= 3:  # spread: the first and the last
                assert (few[0], few[-1]) == (sampled[0], sampled[-1])
        every_case = [
            row[0]
            for row in demo_db.execute(f"SELECT seq FROM cases WHERE {tests} ORDER BY seq", params)
        ]
        assert every_case_holding(demo_db, held, len(every_case)) == every_case
        if every_case:
            assert every_case_holding(demo_db, held, len(every_case) - 1) is None
        for n in {1, 2, len(every_case) // 2 + 1, len(every_case) + 1}:  # the n-th from an end
            nth = [every_case[n - 1], every_case[-n]] if n <= len(every_case) else [None, None]
            assert [nth_holding(demo_db, held, n, end, 1) for end in (False, True)] == nth
        sql = f"SELECT seq FROM cases WHERE (seq - 1) % 7 = 0 AND {tests} ORDER BY seq"
        sampled = [row[0] for row in demo_db.execute(sql, params)]
        if len(sampled) >= 2:  # told from one in seven: the sampled case standing for it
            assert nth_holding(demo_db, held, 8, False, 7) == sampled[1]


def test_a_persons_to_do_list_is_told_from_the_values_kept(demo_db, monkeypatch) -> None:
    """Every user's 待我办理, alone and with other filters, holds in memory exactly the cases
    SQLite's own condition of their queues finds (queues.waiting_on); a queue asking for a
    request waiting (a leader's, a supervisor's) is not told so."""
    monkeypatch.setattr(values_kept, "READ_WHEN_ASKED", 0)
    every_chunk_read(demo_db)
    seqs = [row[0] for row in demo_db.execute("SELECT seq FROM cases")]
    some = random.Random(3).sample(seqs, len(seqs) // 3)
    told = untold = 0
    for user in users(demo_db):
        for others in (CaseFilter(), CaseFilter(status="handling"), CaseFilter(grid_code="G03")):
            held = held_of(demo_db, replace(others, waiting_on=user))
            if held.untold:
                assert user.role in (Role.LEADER, Role.SUPERVISOR), user
                untold += 1
                continue
            condition, params = waiting_on(demo_db, user)
            tests, more = held_sql(held_of(demo_db, others))
            sql = f"SELECT seq FROM cases WHERE {condition} AND {tests} ORDER BY seq"
            expected = [row[0] for row in demo_db.execute(sql, [*params, *more])]
            assert count_holding(demo_db, held) == len(expected), (user.username, others)
            assert every_case_holding(demo_db, held, len(seqs)) == expected
            found = cases_holding(demo_db, held, numbered(some))
            assert found is not None
            assert set(found.tolist()) == set(expected) & set(some)
            told += bool(expected)
    assert told >= 6 and untold == 6  # (the demo's clerk, officers and grid workers have work)


@pytest.mark.parametrize("descending", [False, True])
def test_the_leading_values_hold_the_first_cases_of_the_order(demo_db, descending) -> None:
    """The cases of the fewest first values (in SQLite's order of their texts) holding at
    least as many as asked, or all of them."""
    seqs = [row[0] for row in demo_db.execute("SELECT seq FROM cases WHERE seq % 3 = 1")]
    every_chunk_read(demo_db)
    for column in ("category_code", "grid_code", "source", "status", "lead_unit"):
        d = "DESC" if descending else "ASC"
        marks = ",".join("?" for _ in seqs)
        sql = (
            f"SELECT {column}, count(*) FROM cases WHERE seq IN ({marks}) GROUP BY 1 ORDER BY 1 {d}"
        )
        counted = demo_db.execute(sql, seqs).fetchall()
        for limit in (1, counted[0][1], counted[0][1] + 1, len(seqs), 10**6):
            leading = leading_values(demo_db, column, numbered(seqs), descending, limit)
            assert leading is not None
            found, values = leading
            held, taken = 0, []
            for value, count in counted:  # as few values as hold the limit
                taken.append(value)
                held += count
                if held >= limit:
                    break
            assert values == taken, (column, limit)
            sql = f"SELECT seq, {column} FROM cases WHERE seq IN ({marks})"
            expected = {seq for seq, value in demo_db.execute(sql, seqs) if value in taken}
            assert set(found.tolist()) == expected and len(found) == held


def register(db, path, category: str, text: str, wall=frozen) -> int:
    clerk = user_by_name(db, "clerk")
    request = IntakeRequest(category, "G07", text, source="hotline")
    register_case(db, BlobStore.beside(path), clerk, request, wall=wall)
    return db.execute("SELECT max(seq) FROM cases").fetchone()[0]


def test_cases_registered_since_are_read_when_a_list_asks(demo_db, demo_path, monkeypatch):
    """A few registered since the last read are read at once; more wait for the idle
    upkeep (not known meanwhile: never taken for holding nothing)."""
    every_chunk_read(demo_db)
    seq = register(demo_db, demo_path, "0304", "新登记的案件")
    assert values_holding(demo_db, "category_code", numbered([seq])) == ["0304"]
    monkeypatch.setattr(values_kept, "READ_WHEN_ASKED", 0)
    later = register(demo_db, demo_path, "0102", "又一件")
    assert values_holding(demo_db, "category_code", numbered([later])) is None
    steps = 0
    # the events appended since, then the case registered, then its address
    while read_more(demo_db):
        steps += 1
    assert steps == 3
    assert values_holding(demo_db, "category_code", numbered([seq, later])) is not None
    # a hit numbered past every case read (registered after the highest was looked up)
    assert values_holding(demo_db, "category_code", numbered([later + 1])) is None


def test_nothing_is_read_or_told_inside_a_transaction(demo_db, demo_path) -> None:
    """Rows written in a transaction may yet be rolled back, and their row numbers given
    to other cases: the row number of one rolled back names the next case registered."""
    every_chunk_read(demo_db)
    with pytest.raises(RuntimeError), write_transaction(demo_db):
        seq = register_in_transaction(demo_db, demo_path)
        assert values_holding(demo_db, "category_code", numbered([1, seq])) is None
        assert not read_more(demo_db)
        raise RuntimeError("rolled back")
    category = demo_db.execute("SELECT category_code FROM cases LIMIT 1").fetchone()[0]
    other = "0304" if category != "0304" else "0102"
    assert register(demo_db, demo_path, other, "回滚之后登记") == seq
    assert values_holding(demo_db, "category_code", numbered([seq])) == [other]


def test_what_is_kept_is_checked_again_only_once_something_was_committed(
    demo_db, demo_path
) -> None:
    """While nothing is committed, a list's asks cost one statement each (what moves at a
    commit); a commit by another program, or by this one, has everything checked again."""
    every_chunk_read(demo_db)
    asked: list[str] = []
    demo_db.conn.set_trace_callback(asked.append)
    try:
        assert values_holding(demo_db, "category_code", numbered([1])) is not None
        asked.clear()
        assert values_holding(demo_db, "category_code", numbered([1])) is not None
        assert asked == ["PRAGMA data_version"]
        first, other = first_and_other_category(demo_db)
        renumbered_elsewhere(demo_path, other)
        asked.clear()
        assert values_holding(demo_db, "category_code", numbered([1])) == [other]
        assert len(asked) > 1
        renumbered_as(demo_db, first)
        assert values_holding(demo_db, "category_code", numbered([1])) == [first]
    finally:
        demo_db.conn.set_trace_callback(None)


def first_and_other_category(db) -> tuple[str, str]:
    """Row number 1's category, and another."""
    first = db.execute("SELECT category_code FROM cases WHERE seq = 1").fetchone()[0]
    return first, "0304" if first != "0304" else "0102"


def renumbered_as(db, category: str) -> None:
    """What a rebuild may do to row number 1: another case, of ``category``, under it."""
    with write_transaction(db):
        renumbered(db)
        db.execute("UPDATE cases SET category_code = ? WHERE seq = 1", [category])


def renumbered_elsewhere(path, category: str) -> None:
    """``renumbered_as`` by another program."""
    elsewhere = open_database(path)
    try:
        renumbered_as(elsewhere, category)
    finally:
        elsewhere.close()


def register_in_transaction(db, path) -> int:
    db.execute(
        "INSERT INTO cases (id, number, source, category_code, grid_code, description, "
        "address, urgency, first_receiver_unit, first_receiver_user_id, received_at, "
        "updated_at, status) SELECT 'x-1', 'X-1', source, category_code, grid_code, "
        "description, address, urgency, first_receiver_unit, first_receiver_user_id, "
        "received_at, updated_at, status FROM cases LIMIT 1"
    )
    return db.execute("SELECT max(seq) FROM cases").fetchone()[0]


def test_a_rebuild_numbers_the_cases_again_and_what_was_read_is_let_go(demo_db) -> None:
    before = read_setting(demo_db, NUMBERING)
    rebuild(demo_db, user_by_name(demo_db, "admin"))
    assert read_setting(demo_db, NUMBERING) == (before or 0) + 1
    # (what a rebuild may do: row number 1 names a case of another category now)
    every_chunk_read(demo_db)
    _, other = first_and_other_category(demo_db)
    renumbered_as(demo_db, other)
    # read again (the demo's few hundred at once), not what was read before
    assert values_holding(demo_db, "category_code", numbered([1])) == [other]


def test_a_rebuild_by_another_program_is_seen(demo_db, demo_path) -> None:
    """The count of numberings is read again once another connection committed: its
    rebuild lets go of what this one read."""
    every_chunk_read(demo_db)
    first, other = first_and_other_category(demo_db)
    assert values_holding(demo_db, "category_code", numbered([1])) == [first]
    renumbered_elsewhere(demo_path, other)
    assert values_holding(demo_db, "category_code", numbered([1])) == [other]


def only_in(db, category: str, word: str) -> list[int]:
    """The demo's hits of ``word``, all of them in ``category`` (checked)."""
    hits = search_hits(db, fts_query(word))
    seqs = [int(seq) for seq in hits.rows]
    assert seqs and held_in_sql(db, "category_code", seqs) == {category}
    return seqs


@pytest.mark.parametrize("descending", [True, False])
def test_a_search_by_category_walks_only_the_categories_holding_hits(
    demo_db, demo_path, descending: bool
) -> None:
    for minutes, text in ((1, "夜间施工甲乙丙"), (2, "夜间施工甲乙丙再次")):
        register(demo_db, demo_path, "0304", text, wall=lambda m=minutes: frozen() + m * 60_000)
    every_chunk_read(demo_db)
    only_in(demo_db, "0304", "甲乙丙")
    sort = CaseSort("category_code", descending)
    search = CaseFilter(text="甲乙丙")
    where = where_clause(demo_db, search, walk="category_code")
    assert where is not None and "category_code IN (?)" in where.clauses and "0304" in where.params
    found = listed_window(demo_db, search, sort, 0, 5, walk=True)
    in_order = ["夜间施工甲乙丙", "夜间施工甲乙丙再次"]  # (received a minute apart)
    assert [row.case.description for row in found] == in_order[::-1] if descending else in_order
    # a group of categories narrowed to those of its holding a hit; none: nothing found
    group = CaseFilter(text="甲乙丙", category_codes=("0101", "0304"))
    where = where_clause(demo_db, group, walk="category_code")
    assert where is not None and "category_code IN (?)" in where.clauses
    assert "0101" not in where.params
    forget_searches()
    elsewhere = CaseFilter(text="甲乙丙", category_codes=("0101", "0102"))
    assert where_clause(demo_db, elsewhere, walk="category_code") is None
    assert listed_window(demo_db, elsewhere, sort, 0, 5, walk=True) == []
    first = first_window(demo_db, group, sort, 5)
    assert len(first.rows) == 2 and first.count.exact and first.count.value == 2


def dispatch(db, path, number: str) -> None:
    clerk = user_by_name(db, "clerk")
    act(db, BlobStore.beside(path), clerk, number, Request(Action.DISPATCH, to="SCJG"), wall=frozen)


def test_a_cases_status_and_lead_unit_follow_its_steps(demo_db, demo_path, monkeypatch) -> None:
    """The cases named by the events appended since are read again before anything is
    told: a step on this connection or on another program's. More events than
    READ_WHEN_ASKED: not known until the idle upkeep has read them. An event of anything
    but a case keeps what was read, unless it folds cases again (the calendar folds every
    open case): then everything is read anew."""
    first = case_for(demo_db, "SCJG")
    second = case_for(demo_db, "SCJG", taken={first})
    every_chunk_read(demo_db)
    seq_of = "SELECT seq, status FROM cases WHERE number = ?"
    (one, waiting), (two, _) = (demo_db.execute(seq_of, [n]).fetchone() for n in (first, second))
    both = numbered([one, two])
    waiting_for_triage = Held({"status": (waiting,)})
    assert cases_holding(demo_db, waiting_for_triage, both).tolist() == both.tolist()
    elsewhere = open_database(demo_path)
    try:
        dispatch(elsewhere, demo_path, first)
    finally:
        elsewhere.close()
    dispatched = demo_db.execute(seq_of, [first]).fetchone()[1]
    sent = Held({"status": (dispatched,), "lead_unit": ("SCJG",)})
    assert dispatched != waiting
    assert cases_holding(demo_db, waiting_for_triage, both).tolist() == [two]
    assert cases_holding(demo_db, sent, both).tolist() == [one]
    sql = "SELECT count(*) FROM cases WHERE status = ? AND lead_unit = 'SCJG'"
    assert count_holding(demo_db, sent) == demo_db.execute(sql, [dispatched]).fetchone()[0]
    monkeypatch.setattr(values_kept, "READ_WHEN_ASKED", 0)
    read = values_kept._kept[demo_db]
    dispatch(demo_db, demo_path, second)
    assert cases_holding(demo_db, sent, both) is None
    every_chunk_read(demo_db)
    assert values_kept._kept[demo_db] is read  # (a step: only its case read again)
    assert cases_holding(demo_db, sent, both).tolist() == both.tolist()
    admin = user_by_name(demo_db, "admin")
    reset_password(demo_db, admin, "clerk", "clerk456new", wall=frozen)  # (folds no case)
    every_chunk_read(demo_db)
    assert values_kept._kept[demo_db] is read  # (kept: only the event read)
    assert cases_holding(demo_db, sent, both).tolist() == both.tolist()
    set_day(demo_db, admin, "2026-12-02", False, "停电停工", wall=frozen)
    assert cases_holding(demo_db, sent, both) is None
    every_chunk_read(demo_db)
    assert values_kept._kept[demo_db] is not read  # (read anew)
    assert cases_holding(demo_db, sent, both).tolist() == both.tolist()


@pytest.mark.parametrize("descending", [False, True])
def test_the_cases_in_order_are_in_sqlites_order_to_the_second(
    demo_db, demo_path, descending: bool
) -> None:
    """Keys ascending in the list's order by a column kept (the lead unit: then the status;
    no lead unit first, ascending) and then the time received: SQLite's order of the same
    cases never goes down them, and equal keys are the same values received in the same
    second (two cases registered at one moment here)."""
    for _ in range(2):
        register(demo_db, demo_path, "0304", "同一时刻登记", wall=lambda: frozen() + 7_000)
    every_chunk_read(demo_db)
    for column in ("received_at", "status", "category_code", "grid_code", "lead_unit"):
        sort = CaseSort(column, descending)
        columns = {"received_at": (), "lead_unit": ("lead_unit", "status")}.get(column, (column,))
        for held in (Held(), Held({"grid_code": ("G07", "G01")}), Held({"status": ("closed",)})):
            found = cases_in_order(demo_db, held, columns, descending, 10**6)
            assert found is not None
            key_of = dict(zip(found[0].tolist(), found[1].tolist(), strict=True))
            tests, params = held_sql(held)
            told = ", ".join((*columns, "received_at"))
            sql = f"SELECT seq, {told} FROM cases WHERE {tests} ORDER BY {order_by(sort)}"
            rows = demo_db.execute(sql, params).fetchall()
            assert sorted(key_of) == sorted(row[0] for row in rows)
            keys = [key_of[row[0]] for row in rows]
            assert keys == sorted(keys), (column, held)
            same = {}
            for row in rows:  # equal keys: the same values, the same second
                assert same.setdefault(key_of[row[0]], row[1:]) == row[1:]
    assert cases_in_order(demo_db, Held(), (), False, 10) is None  # (more than 10)


def test_a_time_written_otherwise_is_not_told_by_its_time(demo_db) -> None:
    """Only times written as the cases' are (their order as text is their order in time)
    are kept: one written otherwise leaves dates and the order received to SQLite; the
    other values are still told."""
    assert time_of("2026-06-10 07:13:53") > time_of("2026-06-10 07:13:52") > 0
    for other in (
        "2026-06-10T07:13:53",
        "2026-06-10 07:13:5x",
        "2026-06-10 07:13",
        "",
        "2٠26-06-10 07:13:53",
    ):
        assert time_of(other) == 0, other
    with write_transaction(demo_db):  # (as no program writes it: before anything is read)
        demo_db.execute("UPDATE cases SET received_at = '2026-06-10T07:13:53' WHERE seq = 1")
    every_chunk_read(demo_db)
    everything = numbered([row[0] for row in demo_db.execute("SELECT seq FROM cases")])
    assert cases_holding(demo_db, Held({"status": ("closed",)}), everything) is not None
    dated = Held(received_from="2026-01-01")
    assert cases_holding(demo_db, dated, everything) is None
    assert count_holding(demo_db, dated) is None
    assert cases_in_order(demo_db, Held(), (), False, 10**6) is None


def test_the_addresses_read_along_their_index_are_every_cases_own(demo_db, monkeypatch) -> None:
    """The addresses are read along their index a few cases a step, each step to the end
    of its last (address, time received), then those registered since by row number:
    every case's address code names its own address."""
    monkeypatch.setattr(values_kept, "CHUNK", 7)  # steps ending inside groups of an address
    every_chunk_read(demo_db)
    kept = values_kept._kept[demo_db]
    rows = demo_db.execute("SELECT seq, address FROM cases").fetchall()
    names = kept.values["address"]
    assert all(names[kept.codes["address"][seq] - 1] == address for seq, address in rows)


def test_more_different_addresses_than_kept_are_none_kept(demo_db, monkeypatch) -> None:
    """More different addresses than ``ADDRESSES_AT_MOST``: none is kept (each new one
    would sort them all again), never read again, and a list by address is found as
    before, the same rows."""
    monkeypatch.setattr(values_kept, "ADDRESSES_AT_MOST", 3)
    every_chunk_read(demo_db)
    kept = values_kept._kept[demo_db]
    assert not kept.addresses_kept and "address" not in kept.codes
    assert read_more(demo_db) is False
    for descending in (True, False):
        sort = CaseSort("address", descending)
        f = CaseFilter(source="hotline")
        expected = [r.case.number for r in listed_window(demo_db, f, sort, 0, 9)]
        assert [r.case.number for r in first_window(demo_db, f, sort, 9).rows] == expected
