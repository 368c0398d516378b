"""Every indicator of core/indicators.py computed on a small hand-built history whose right
answers are written here (tests/store/statistics_world.py tells the story and works out the
deadlines), for the whole township, for one unit, by route and by source; the cases behind a
figure; facts that survive closing, a rebuild, a changed limit and a schema upgrade."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.indicators import INDICATORS, Group
from app.core.meetings import DecisionDraft
from app.core.model import ResponseCommitment
from app.core.periods import month_of
from app.store.base_data import save_category
from app.store.meetings import decisions, mark_done, record_minutes, schedule_meeting
from app.store.rebuild import rebuild
from app.store.reference import categories, user_by_name
from app.store.setup import open_database, set_response_commitment
from app.store.statistics import NO_GROUP, TOTAL, Figure, cases_behind, figures
from tests.store.statistics_world import World, at, build, wall_at

DECEMBER = month_of(datetime(2026, 12, 1).date())
NOW = datetime(2027, 1, 4, 9, 0)  # the report is made early in January: all of December known
FACT_TABLES = ("case_facts", "handling_facts", "call_facts")


def count(n: int) -> Figure:
    return Figure(n, n, n)


def rate(hit: int, counted: int) -> Figure:
    return Figure(hit / counted if counted else None, hit, counted)


def mean(value: float | None, counted: int) -> Figure:
    return Figure(value, counted, counted)


# The whole township in December 2026 (cases A–P of statistics_world).
TOWNSHIP = {
    # received: all eleven, A–J and P
    "received": count(11),
    # patrol or joint patrol: A, C, D, E, I, P
    "proactive_rate": rate(6, 11),
    # office minutes to the first triage step: 80 each for A–G, H 15, I 70, J 10, P 11;
    # stored as hours to 2 places (1.33 ×7, 0.25, 1.17, 0.17, 0.18): 11.08 / 11 = 1.007
    "first_routing_hours": mean(1.01, 11),
    # routed (last route known): A (ONE), B C D E F (X), G I (Y); self-handled: A
    "self_handled_rate": rate(1, 8),
    # A: 1 Dec 10:00 → 16:00 = 6 office hours = 0.67 working days
    "self_handling_days": mean(0.67, 1),
    # ten lead assignments; I's first (to JTJ, returned unsigned before its due) not judged;
    # B signed a day late
    "signed_on_time_rate": rate(8, 9),
    # to handle: all but H (rejected), J and P (transferred): 8; closed: A B C D E G
    "closure_rate": rate(6, 8),
    "closed": count(6),
    # on time: A C D E G (B fed back after its deadline)
    "closed_on_time": count(5),
    "on_time_closure_rate": rate(5, 6),
    # working days first routing → close, less parked: A 0.67, B 7.98 (7 h 20 + 7 × 9 h +
    # 1 h 30 = 71 h 50), C 6.96 (62 h 40), D 3.94 (35 h 30, the days between its two
    # closings included), E 5.33 (59 h 20 less 11 h 20 parked), G 1.02 (9 h 10): 25.90 / 6
    "handling_days": mean(4.32, 6),
    "rework_rate": rate(1, 6),  # D
    "extension_rate": rate(1, 6),  # C
    "parked": count(1),  # E
    "return_rate": rate(2, 10),  # I (JTJ), F (SCJG)
    "not_our_duty_returns": count(1),  # F
    "calls": count(3),  # G → YJJ, I → JTJ (abandoned), I → ZJJ
    # judged: G (50 min, due 40: late), I → ZJJ (40 min, due 60: on time)
    "response_on_time_rate": rate(1, 2),
    # judged: G (90 min, due 120: on time), I → ZJJ (never, due 14:20 passed: late)
    "arrival_on_time_rate": rate(1, 2),
    "response_avg_minutes": mean(45.0, 2),
    "response_p90_minutes": mean(50.0, 2),  # nearest rank: ceil(0.9 × 2) = 2nd of 40, 50
    "arrival_avg_minutes": mean(90.0, 1),
    "arrival_p90_minutes": mean(90.0, 1),
    # settled (not abandoned): G, I → ZJJ; confirmed: G
    "confirmation_rate": rate(1, 2),
    "list_overrides": count(1),  # I → ZJJ
    "disputes_opened": count(1),  # F
    "dispute_ruling_days": mean(0.79, 1),  # 1 Dec 14:00 → 2 Dec 09:00 = 19 h
    "decisions_on_time_rate": rate(0, 0),  # no joint meeting
    "transfers": count(2),  # J, P
    "transfer_receipt_rate": rate(2, 2),
    "transfer_outcome_rate": rate(1, 2),  # P
    "police_transfers": count(1),  # P
    "police_accepted": count(1),  # P
}

# 市场监管所 (SCJG): B, C, E still lead there; F's first assignment and its dispute too.
SCJG = {
    "received": count(3),
    "proactive_rate": rate(2, 3),  # C, E
    "first_routing_hours": mean(1.33, 3),
    "self_handled_rate": rate(0, 3),
    "self_handling_days": mean(None, 0),
    "signed_on_time_rate": rate(3, 4),  # F, E, C on time; B late
    "closure_rate": rate(3, 3),
    "closed": count(3),
    "closed_on_time": count(2),  # C (extended), E (parked)
    "on_time_closure_rate": rate(2, 3),
    "handling_days": mean(6.76, 3),  # (7.98 + 6.96 + 5.33) / 3 = 6.757
    "rework_rate": rate(0, 3),
    "extension_rate": rate(1, 3),
    "parked": count(1),
    "return_rate": rate(1, 4),
    "not_our_duty_returns": count(1),
    "list_overrides": count(0),
    "disputes_opened": count(1),
    "dispute_ruling_days": mean(0.79, 1),
}


@pytest.fixture
def world(small_db, small_path: Path) -> World:
    return build(small_db, small_path)


def by_group(db: Any, group: Group, now: datetime = NOW) -> dict[str, dict[str, Figure]]:
    return {row.group: row.figures for row in figures(db, DECEMBER, group, now)}


def close(found: Figure, expected: Figure) -> bool:
    if found.hit != expected.hit or found.counted != expected.counted:
        return False
    if found.value is None or expected.value is None:
        return found.value == expected.value
    return found.value == pytest.approx(expected.value, abs=1e-9)


def test_every_indicator_for_the_whole_township(world: World) -> None:
    assert set(TOWNSHIP) == {i.key for i in INDICATORS}, "every indicator has a right answer"
    total = by_group(world.db, Group.UNIT)[TOTAL]
    wrong = {k: (total.get(k), f) for k, f in TOWNSHIP.items() if not close(total[k], f)}
    assert wrong == {}


def test_every_indicator_for_one_unit(world: World) -> None:
    rows = by_group(world.db, Group.UNIT)
    # in the order the township lists its units: the office, X units, Y departments, then
    # the cases not yet routed, and the township last
    assert list(rows) == ["ZHB", "SCJG", "ZFZD", "JTJ", "YJJ", "ZJJ", NO_GROUP, TOTAL]
    scjg = rows["SCJG"]
    assert set(scjg) == {i.key for i in INDICATORS}, "every row has every figure"
    nothing = {k: f for k, f in scjg.items() if k not in SCJG}  # calls, decisions, transfers
    assert nothing and all(f.counted == 0 and f.hit == 0 for f in nothing.values())
    wrong = {k: (scjg[k], f) for k, f in SCJG.items() if not close(scjg[k], f)}
    assert wrong == {}
    # the Y departments: G's call to YJJ, I's to JTJ (abandoned) and ZJJ
    assert rows["YJJ"]["calls"] == count(1)
    assert close(rows["YJJ"]["response_on_time_rate"], rate(0, 1))
    assert close(rows["YJJ"]["arrival_on_time_rate"], rate(1, 1))
    assert rows["JTJ"]["calls"] == count(1)
    assert rows["JTJ"]["response_on_time_rate"] == rate(0, 0)
    assert rows["JTJ"]["confirmation_rate"] == rate(0, 0)
    assert close(rows["ZJJ"]["arrival_on_time_rate"], rate(0, 1))
    assert rows["ZJJ"]["list_overrides"] == count(1)
    # ZFZD leads D (reworked, on time) and F (being handled)
    assert close(rows["ZFZD"]["closure_rate"], rate(1, 2))
    assert close(rows["ZFZD"]["rework_rate"], rate(1, 1))
    # the cases no unit leads: H rejected, J and P transferred
    assert rows[NO_GROUP]["received"] == count(3)
    assert rows[NO_GROUP]["transfers"] == count(2)
    assert rows[NO_GROUP]["closure_rate"] == rate(0, 0)


def test_figures_by_route_and_by_source(world: World) -> None:
    routes = by_group(world.db, Group.ROUTE)
    assert list(routes) == ["ONE", "X", "Y", NO_GROUP, TOTAL]
    assert {code: f["received"].value for code, f in routes.items()} == {
        NO_GROUP: 3,
        "ONE": 1,
        "X": 5,
        "Y": 2,
        TOTAL: 11,
    }
    assert close(routes["ONE"]["on_time_closure_rate"], rate(1, 1))  # A
    assert close(routes["X"]["on_time_closure_rate"], rate(3, 4))  # B late; C D E
    assert close(routes["Y"]["on_time_closure_rate"], rate(1, 1))  # G
    assert routes["Y"]["calls"] == count(3)
    assert close(routes["X"]["signed_on_time_rate"], rate(5, 6))  # B D E C F F
    assert close(routes["Y"]["signed_on_time_rate"], rate(2, 2))  # G, I → ZJJ
    assert close(routes["ONE"]["self_handled_rate"], rate(1, 1))
    sources = by_group(world.db, Group.SOURCE)
    assert list(sources) == ["patrol", "hotline", "visit", "joint-patrol", TOTAL]
    assert {code: f["received"].value for code, f in sources.items()} == {
        "hotline": 4,
        "joint-patrol": 1,
        "patrol": 5,
        "visit": 1,
        TOTAL: 11,
    }
    assert close(sources["patrol"]["closure_rate"], rate(3, 4))  # A C E of A C E I
    assert close(sources["hotline"]["closure_rate"], rate(2, 2))  # B G (H J not to handle)
    assert close(sources["hotline"]["on_time_closure_rate"], rate(1, 2))  # G; B late
    assert close(sources["patrol"]["proactive_rate"], rate(5, 5))
    assert close(sources["visit"]["return_rate"], rate(1, 2))  # F's two assignments


def test_the_cases_behind_on_time_closure(world: World) -> None:
    def behind(code: str | None, part: str) -> list[str]:
        ids = cases_behind(world.db, "on_time_closure_rate", DECEMBER, Group.UNIT, code, NOW, part)
        return [world.name_of(i) for i in ids]

    assert behind(None, "hit") == ["A", "C", "D", "E", "G"]
    assert behind(None, "counted") == ["A", "B", "C", "D", "E", "G"]
    assert behind("SCJG", "hit") == ["C", "E"]
    assert behind("SCJG", "counted") == ["B", "C", "E"]
    assert behind(NO_GROUP, "counted") == []
    ids = cases_behind(world.db, "closure_rate", DECEMBER, Group.UNIT, NO_GROUP, NOW, "counted")
    assert ids == []  # H, J, P are received but not to handle
    ids = cases_behind(world.db, "received", DECEMBER, Group.UNIT, NO_GROUP, NOW, "counted")
    assert [world.name_of(i) for i in ids] == ["H", "J", "P"]


def test_other_months_count_nothing_of_it(world: World) -> None:
    november = DECEMBER.previous()
    rows = figures(world.db, november, Group.UNIT, NOW)
    assert [r.group for r in rows] == [TOTAL]
    assert rows[0].figures["received"] == count(0)
    assert rows[0].figures["on_time_closure_rate"] == rate(0, 0)


def test_a_figure_is_as_known_at_now(world: World) -> None:
    # on 2 December at 14:00 I's call to ZJJ is not yet due to arrive (14:20): not judged
    early = by_group(world.db, Group.UNIT, datetime(2026, 12, 2, 14, 0))[TOTAL]
    assert close(early["arrival_on_time_rate"], rate(1, 1))
    later = by_group(world.db, Group.UNIT, datetime(2026, 12, 2, 14, 20))[TOTAL]
    assert close(later["arrival_on_time_rate"], rate(1, 2))
    # "到统计时已结案": at that moment only A (1 Dec) and G (2 Dec 11:10) had been closed;
    # D closed for good on 7 Dec, B C E later still
    assert close(early["closure_rate"], rate(2, 8))


def dump_facts(db: Any) -> dict[str, list[tuple]]:
    return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in FACT_TABLES}


def test_facts_survive_closing_and_a_rebuild(world: World) -> None:
    db = world.db
    # the due time of a closed case is gone from cases; whether it closed on time is kept
    for name, on_time in (("B", 0), ("C", 1), ("E", 1), ("D", 1)):
        due = db.execute("SELECT handle_due_at FROM cases WHERE id = ?", [world.ids[name]])
        assert due.fetchone()[0] is None
        kept = db.execute("SELECT closed_on_time FROM case_facts WHERE case_id = ?",
                          [world.ids[name]])  # fmt: skip
        assert kept.fetchone()[0] == on_time
    before, shown = dump_facts(db), by_group(db, Group.UNIT)
    assert db.execute("SELECT count(*) FROM case_facts").fetchone()[0] == 11
    rebuild(db, user_by_name(db, "admin"))
    assert dump_facts(db) == before
    assert by_group(db, Group.UNIT) == shown


def test_a_limit_changed_after_the_feedback_does_not_rewrite_history(world: World) -> None:
    db, s = world.db, world.step
    # K: 0501 (5 working days), dispatched and signed Monday 14 Dec; due 21 Dec 17:30.
    world.register("K", "0501", "patrol", "G08", at(14, 8, 30))
    s("clerk", "K", "dispatch", at(14, 9, 0), to="SCJG")
    s("officer", "K", "sign", at(14, 9, 30))
    s("officer", "K", "feedback", at(16, 10, 0), note="已办结")  # on time by 5 days
    # the limit becomes 1 working day: K would have been due 15 Dec 17:30
    admin = user_by_name(db, "admin")
    [category] = [c for c in categories(db) if c.code == "0501"]
    save_category(db, admin, replace(category, limit_days=1), new=False, wall=wall_at(at(16, 11)))
    s("grid", "K", "verify", at(16, 11, 30), passed=True)
    s("clerk", "K", "close", at(16, 12, 0))
    # L: the same category after the change: signed 16 Dec 13:00, due 17 Dec 17:30
    world.register("L", "0501", "patrol", "G08", at(16, 12, 30))
    s("clerk", "L", "dispatch", at(16, 12, 40), to="SCJG")
    s("officer", "L", "sign", at(16, 13, 0))
    s("officer", "L", "feedback", at(18, 10, 0), note="已办结")  # late by the new limit
    s("grid", "L", "verify", at(18, 10, 30), passed=True)
    s("clerk", "L", "close", at(18, 11, 0))

    def on_time() -> dict[str, int]:
        rows = db.execute("SELECT case_id, closed_on_time FROM case_facts WHERE closed = 1")
        return {world.name_of(case_id): value for case_id, value in rows}

    expected = {"A": 1, "B": 0, "C": 1, "D": 1, "E": 1, "G": 1, "K": 1, "L": 0}
    assert on_time() == expected
    before = dump_facts(db)
    rebuild(db, admin)
    assert on_time() == expected
    assert dump_facts(db) == before
    total = by_group(db, Group.UNIT)[TOTAL]
    assert close(total["on_time_closure_rate"], rate(6, 8))


def test_a_commitment_changed_after_a_call_does_not_rewrite_it(world: World) -> None:
    db = world.db
    admin = user_by_name(db, "admin")
    # YJJ now promises 60 minutes (120 for an ordinary call): G's 50 minutes would be on time
    set_response_commitment(db, admin, "YJJ", ResponseCommitment(60, 120, 2),
                            wall=wall_at(at(14, 9)))  # fmt: skip
    rebuild(db, admin)
    row = db.execute(
        "SELECT response_due_at, response_on_time FROM call_facts WHERE unit = 'YJJ'"
    ).fetchone()
    assert tuple(row) == ("2026-12-01 11:40:00", 0)


def test_the_schema_7_file_upgrades_with_facts_for_every_case(tmp_path: Path) -> None:
    path = tmp_path / "towndesk.sqlite3"
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "schema-7.sqlite3", path)
    db = open_database(path)
    cases = {row[0] for row in db.execute("SELECT id FROM cases")}
    facts = {row[0] for row in db.execute("SELECT case_id FROM case_facts")}
    assert cases and facts == cases
    assignments = db.execute("SELECT count(*) FROM assignments WHERE part = 'lead'").fetchone()[0]
    assert db.execute("SELECT count(*) FROM handling_facts").fetchone()[0] == assignments
    calls = db.execute("SELECT count(*) FROM calls").fetchone()[0]
    assert db.execute("SELECT count(*) FROM call_facts").fetchone()[0] == calls
    before = dump_facts(db)
    rebuild(db, user_by_name(db, "admin"))
    assert dump_facts(db) == before
    db.close()


def test_joint_meeting_decisions_done_on_time(world: World) -> None:
    db = world.db
    clerk = user_by_name(db, "clerk")
    meeting = schedule_meeting(db, clerk, "2026-12-15 09:30", "镇会议室", "王镇长",
                               ["ZHB", "SCJG", "ZFZD"], [], wall=wall_at(at(14, 9)))  # fmt: skip
    drafts = [
        DecisionDraft("清理市场周边占道", "SCJG", "2026-12-18"),  # done 18 Dec 20:00: on time
        DecisionDraft("联合整治夜市", "ZFZD", "2026-12-17"),  # never done: late once 17 Dec ends
        DecisionDraft("建立巡查台账", "SCJG", "2027-01-10"),  # due in January: not December's
        DecisionDraft("设置临时摊区", "ZFZD", "2026-12-31"),  # done 20 Dec: on time
    ]
    record_minutes(db, clerk, meeting.id, "研究占道经营治理", drafts, wall=wall_at(at(15, 16)))
    ids = {d.text: d.id for d in decisions(db)}
    mark_done(db, clerk, ids["清理市场周边占道"], "已清理", wall=wall_at(at(18, 20)))
    mark_done(db, clerk, ids["设置临时摊区"], "已设置", wall=wall_at(at(20, 10)))
    rows = by_group(db, Group.UNIT)
    assert close(rows[TOTAL]["decisions_on_time_rate"], rate(2, 3))
    assert close(rows["SCJG"]["decisions_on_time_rate"], rate(1, 1))
    assert close(rows["ZFZD"]["decisions_on_time_rate"], rate(1, 2))
    # before the end of 17 December the ZFZD decision due then cannot be judged yet
    early = by_group(db, Group.UNIT, datetime(2026, 12, 17, 23, 0))
    assert close(early["ZFZD"]["decisions_on_time_rate"], rate(0, 0))
    assert close(early[TOTAL]["decisions_on_time_rate"], rate(0, 0))
    # decisions belong to no case: by route they have none
    assert close(by_group(db, Group.ROUTE)[NO_GROUP]["decisions_on_time_rate"], rate(2, 3))


def test_the_cases_behind_every_figure(world: World) -> None:
    def behind(key: str, part: str) -> list[str]:
        ids = cases_behind(world.db, key, DECEMBER, Group.UNIT, None, NOW, part)
        return [world.name_of(i) for i in ids]

    # the fact tables share column names with cases (route, source …): no ambiguity
    for indicator in INDICATORS:
        for part in ("hit", "counted"):
            assert behind(indicator.key, part) == sorted(set(behind(indicator.key, part)))
    assert behind("self_handled_rate", "hit") == ["A"]
    assert behind("self_handled_rate", "counted") == ["A", "B", "C", "D", "E", "F", "G", "I"]
    assert behind("signed_on_time_rate", "counted") == ["A", "B", "C", "D", "E", "F", "G", "I"]
    assert behind("signed_on_time_rate", "hit") == ["A", "C", "D", "E", "F", "G", "I"]
    assert behind("response_on_time_rate", "hit") == ["I"]
    assert behind("police_accepted", "hit") == ["P"]
    assert behind("disputes_opened", "counted") == ["F"]


@pytest.mark.parametrize("group", list(Group))
def test_every_grouping_has_the_same_township_row(world: World, group: Group) -> None:
    rows = by_group(world.db, group)
    assert rows[TOTAL] == by_group(world.db, Group.UNIT)[TOTAL]
    # each case in exactly one group: the groups' counts add up to the township's
    for key in ("received", "closed", "calls", "transfers", "list_overrides"):
        parts = sum(f[key].counted for code, f in rows.items() if code != TOTAL and key in f)
        assert parts == rows[TOTAL][key].counted, key
    names = {row.group: row.name for row in figures(world.db, DECEMBER, group, NOW)}
    assert names[TOTAL] == "全镇" and all(names.values())


def test_a_running_case_refolded_by_a_limit_change_keeps_its_past(world: World) -> None:
    db, s = world.db, world.step
    # N: 0501, dispatched Monday 14 Dec 09:00 (sign by the next working day: 15 Dec 17:30)
    world.register("N", "0501", "patrol", "G08", at(14, 8, 30))
    s("clerk", "N", "dispatch", at(14, 9, 0), to="SCJG")
    s("officer", "N", "sign", at(14, 9, 30))
    # the category now gives 3 days to sign and 1 to handle: N is running, so it is folded
    # again at once; its assignment was made under the old limits
    admin = user_by_name(db, "admin")
    [category] = [c for c in categories(db) if c.code == "0501"]
    changed = replace(category, limit_days=1, sign_days=3)
    save_category(db, admin, changed, new=False, wall=wall_at(at(14, 10)))
    [due] = db.execute(
        "SELECT sign_due_at FROM handling_facts WHERE case_id = ?", [world.ids["N"]]
    ).fetchall()
    assert due[0] == "2026-12-15 17:30:00"
    # the running case's clock does follow the new limit: 1 working day from 14 Dec 09:30
    handle_due = db.execute("SELECT handle_due_at FROM cases WHERE id = ?", [world.ids["N"]])
    assert handle_due.fetchone()[0] == "2026-12-15 17:30:00"
    live = dump_facts(db)
    rebuild(db, admin)
    assert dump_facts(db) == live
