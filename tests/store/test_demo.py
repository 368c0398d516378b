"""The demo township: enough reference data to look real, cases inside the period, repeatable."""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from app.core.clock import local_text
from app.core.model import Role, Tier
from app.store import reference
from app.store.blobs import BlobStore
from app.store.demo.township import DEMO_DAYS, build_demo, demo_users
from app.store.disputes import disputes
from app.store.setup import open_database
from tests.store.store_helpers import DEMO_NOW_MS


def test_reference_data_counts(demo_db) -> None:
    departments = reference.departments(demo_db)
    tiers = [d.tier for d in departments]
    assert tiers.count(Tier.ONE) == 1
    assert tiers.count(Tier.X) >= 5
    assert tiers.count(Tier.Y) >= 5
    assert all(d.response is not None for d in departments if d.tier is Tier.Y)
    grids = reference.grids(demo_db)
    assert len(grids) >= 15
    assert all(g.worker_id for g in grids)
    categories = reference.categories(demo_db)
    leaves = [c for c in categories if c.is_leaf]
    assert len(leaves) >= 30
    codes = {c.code for c in categories}
    assert all(c.parent_code in codes and c.route and c.department_code for c in leaves)
    roles = {u.role for u in reference.users(demo_db)}
    assert roles == set(Role)
    assert {u.role for u in demo_users()} == {r.value for r in Role}


def test_cases_lie_within_the_demo_period(demo_db) -> None:
    first, last, count = demo_db.execute(
        "SELECT min(received_at), max(received_at), count(*) FROM cases"
    ).fetchone()
    assert count == 400
    assert first >= local_text(DEMO_NOW_MS - DEMO_DAYS * 86_400_000)
    assert last <= local_text(DEMO_NOW_MS)
    assert (
        int(
            demo_db.execute(
                "SELECT count(DISTINCT substr(received_at, 1, 10)) FROM cases"
            ).fetchone()[0]
        )
        > 100
    )  # spread over the period, not bunched


def test_every_demo_case_reads_back(demo_db) -> None:
    from app.store.case_list import CaseFilter, CaseSort, case_window

    cases = case_window(demo_db, CaseFilter(), CaseSort(), 0, 1000)
    assert len(cases) == 400
    assert all(c.description.strip() and "{" not in c.description for c in cases)


def descriptions(path: Path) -> list[str]:
    db = open_database(path)
    try:
        return [r[0] for r in db.execute("SELECT description FROM cases ORDER BY number")]
    finally:
        db.close()


def test_same_seed_same_cases(tmp_path: Path) -> None:
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        build_demo(tmp_path / f"{name}.sqlite3", cases=40, seed=seed, now_ms=DEMO_NOW_MS)
    a, b, c = (descriptions(tmp_path / f"{n}.sqlite3") for n in "abc")
    assert len(a) == 40
    assert a == b
    assert a != c


def test_a_cancelled_demo_leaves_no_database(tmp_path: Path) -> None:
    path = tmp_path / "towndesk.sqlite3"
    seen: list[int] = []

    def cancel_after_first_batch(done: int, total: int) -> bool:
        seen.append(done)
        return False

    assert (
        build_demo(path, now_ms=DEMO_NOW_MS, cases=30_000, progress=cancel_after_first_batch)
        is False
    )
    assert seen and seen[0] < 30_000
    assert list(tmp_path.iterdir()) == []


# -- the shape of the numbers ------------------------------------------------------------------
# Statistics and the monthly bulletin are read off the demo, so its figures must be a real
# township's: who handles what, how often cases are supervised, reworked, extended, parked,
# returned, how many close on time, and what the cases look like.

SHAPED_CASES, SHAPED_WALKED = 3000, 800


@pytest.fixture(scope="module")
def shaped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, list[str]]]:
    """A demo of 3,000 cases, the last 800 moved along the case path, with the steps the rules
    refused (none should be)."""
    from app.store.demo import walk

    refused: list[str] = []
    run = walk.Walk.run

    def recording(self: walk.Walk, writer: Any, until: int | None = None) -> None:
        run(self, writer, until)
        refused.extend(f"{action}: {why}" for _, action, why in self.refused)
        self.refused.clear()

    path = tmp_path_factory.mktemp("shaped") / "towndesk.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(walk.Walk, "run", recording)
        build_demo(path, cases=SHAPED_CASES, seed=5, now_ms=DEMO_NOW_MS, walk=SHAPED_WALKED)
    db = open_database(path)
    yield db, refused
    db.close()


def _one(db: Database, sql: str, *params: Any) -> Any:
    return db.execute(sql, params).fetchone()[0]


def _walked(db: Database) -> int:
    return _one(
        db,
        "SELECT count(DISTINCT entity_id) FROM events WHERE type LIKE 'case.%' "
        "AND type != 'case.registered'",
    )


def _cases_with(db: Database, event_type: str) -> int:
    return _one(db, "SELECT count(DISTINCT entity_id) FROM events WHERE type = ?", event_type)


def test_every_planned_step_is_one_the_rules_allow(shaped) -> None:
    db, refused = shaped
    assert refused == []
    assert _walked(db) >= SHAPED_WALKED - 10  # a handful of the newest still wait for triage
    # the walk decides each step against a state it folds in memory and writes a case's rows
    # once its plan is done: the projection, folding the same events, applies every one
    assert _one(db, "SELECT count(*) FROM case_conflicts") == 0
    assert _one(db, "SELECT count(*) FROM cases WHERE conflict = 1") == 0


def test_the_township_handles_most_itself_and_calls_y_for_the_rest(shaped) -> None:
    db, _ = shaped
    triage = dict(
        db.execute(
            "SELECT type, count(*) FROM events WHERE type IN "
            "('case.self_handle', 'case.dispatch', 'case.call') GROUP BY type"
        ).fetchall()
    )
    routed = sum(triage.values())
    one, x, y = (triage[f"case.{t}"] / routed for t in ("self_handle", "dispatch", "call"))
    assert 0.40 <= one <= 0.55, one
    assert x > 2 * y and 0.30 <= x <= 0.55, x
    assert 0.06 <= y <= 0.15, y
    overridden = _one(
        db,
        "SELECT count(*) FROM events WHERE type IN ('case.self_handle', "
        "'case.dispatch', 'case.call') AND json_extract(payload, '$.overridden')",
    )
    assert 0 < overridden < 0.25 * routed  # the lists mostly hold; clerks override with reasons


def test_cases_are_supervised_reworked_extended_parked_and_returned(shaped) -> None:
    db, _ = shaped
    walked = _walked(db)
    shares = {
        kind: _cases_with(db, f"case.{kind}") / walked
        for kind in (
            "supervise",
            "extend",
            "park",
            "return",
            "approve_extension",
            "deny_extension",
            "approve_park",
            "resume",
        )
    }
    reworked = _one(db, "SELECT count(*) FROM cases WHERE rework_count > 0") / walked
    assert 0.02 <= shares["supervise"] <= 0.10, shares
    assert 0.015 <= reworked <= 0.08, reworked
    assert 0.04 <= shares["extend"] <= 0.12, shares
    assert 0 < shares["deny_extension"] < shares["approve_extension"], shares
    assert 0.005 <= shares["park"] <= 0.04 and shares["approve_park"] > 0, shares
    assert shares["resume"] > 0, shares
    assert 0.02 <= shares["return"] <= 0.07, shares
    disputes = _one(
        db,
        "SELECT count(*) FROM events WHERE type = 'case.return' "
        "AND json_extract(payload, '$.not_our_duty')",
    )
    assert 0 < disputes < _cases_with(db, "case.return")  # some returns open a duty dispute


def test_most_cases_close_on_time_some_late(shaped) -> None:
    """On time: the last feedback came before the handling deadline as it stood then."""
    from app.core.case_path.projection import project_case
    from app.store.projections.cases import events_of_cases, load_context

    db, _ = shaped
    ctx = load_context(db)
    closed = [row[0] for row in db.execute("SELECT id FROM cases WHERE status = 'closed'")]
    on_time = late = 0
    for events in events_of_cases(db, closed).values():
        events.sort(key=lambda e: (e.hlc, e.device_id, e.device_seq))
        last = max(i for i, e in enumerate(events) if e.type == "case.feedback")
        rows = project_case(events[:last], ctx)
        assert rows is not None and rows.case["handle_due_at"]
        if events[last].local_time <= rows.case["handle_due_at"]:
            on_time += 1
        else:
            late += 1
    assert late > 0
    assert 0.85 <= on_time / (on_time + late) <= 0.96, (on_time, late)


def test_patrol_cases_carry_photos_and_every_case_its_grid_coordinates(shaped) -> None:
    from app.store.demo.places import grid_boxes

    db, _ = shaped
    with_photos, patrol = db.execute(
        "SELECT sum(EXISTS (SELECT 1 FROM case_evidence e WHERE e.case_id = c.id)), count(*) "
        "FROM cases c WHERE source IN ('patrol', 'joint-patrol')"
    ).fetchone()
    assert with_photos > 0.7 * patrol
    hotline = (
        "SELECT count(*) FROM case_evidence e JOIN cases c ON c.id = e.case_id "
        "JOIN blobs b ON b.sha256 = e.sha256 WHERE c.source = 'hotline' "
        "AND b.media_type != 'application/pdf'"  # a police transfer's materials are PDFs
    )
    assert _one(db, hotline) == 0  # a phone call brings no photo
    boxes = grid_boxes([(g.code, g.area) for g in reference.grids(db)])
    rows = db.execute("SELECT grid_code, latitude, longitude FROM cases").fetchall()
    assert all(lat is not None and boxes[grid].contains(lat, lon) for grid, lat, lon in rows)
    photos = {row[0] for row in db.execute("SELECT DISTINCT sha256 FROM case_evidence")}
    blobs = BlobStore.beside(Path(db.execute("PRAGMA database_list").fetchone()[2]))
    assert photos and all(blobs.has(sha) for sha in photos)  # the files are there, once each
    assert len(photos) <= 100


def test_descriptions_put_each_problem_at_a_place_where_it_happens(shaped) -> None:
    from app.store.demo.places import PLACES
    from app.store.demo.texts import TEMPLATES, TIMES

    db, _ = shaped
    kinds = {name: (grid, kind) for grid, listed in PLACES.items() for kind, name in listed}
    times = "|".join(map(re.escape, TIMES))
    for category, grid, address, description in db.execute(
        "SELECT category_code, grid_code, address, description FROM cases"
    ):
        place_grid, kind = kinds[address]
        assert place_grid == grid
        fitting = [
            t
            for t in TEMPLATES[category]
            if re.fullmatch(
                re.escape(t.text)
                .replace(re.escape("{place}"), re.escape(address))
                .replace(re.escape("{time}"), f"({times})")
                .replace(re.escape("{n}"), r"\d"),
                description,
            )
        ]
        assert fitting and any(kind in t.kinds for t in fitting), (category, description)


def test_the_daily_intake_is_steady_quieter_at_weekends_with_no_spike(shaped) -> None:
    from app.core.calendar import WorkCalendar

    db, _ = shaped
    days = db.execute(
        "SELECT substr(received_at, 1, 10), count(*) FROM cases GROUP BY 1 ORDER BY 1"
    ).fetchall()
    counts = [n for _, n in days]
    median = statistics.median(counts)
    assert counts[-1] <= 2 * median  # the last day (today, so far) included
    assert max(counts) <= 2 * median
    calendar = WorkCalendar()
    working = [n for d, n in days[:-1] if calendar.is_working_day(date.fromisoformat(d))]
    resting = [n for d, n in days[:-1] if not calendar.is_working_day(date.fromisoformat(d))]
    assert statistics.mean(resting) < 0.85 * statistics.mean(working)


def test_seasonal_problems_come_in_their_season(shaped) -> None:
    db, _ = shaped

    def share(category: str, months: tuple[str, ...]) -> float:
        marks = ",".join("?" for _ in months)
        month = f"substr(received_at, 6, 2) IN ({marks})"
        found = _one(
            db, f"SELECT count(*) FROM cases WHERE category_code = ? AND {month}", category, *months
        )
        return found / _one(db, f"SELECT count(*) FROM cases WHERE {month}", *months)

    summer, autumn = ("06", "07", "08"), ("10", "11")
    assert share("0101", summer) > 1.2 * share("0101", autumn)  # street stalls
    assert share("0401", autumn) > 1.5 * share("0401", summer)  # straw after the corn harvest


def test_calls_to_y_give_the_category_s_reasons(shaped) -> None:
    from app.store.demo.profiles import CALL_REASONS

    db, _ = shaped
    calls = db.execute(
        "SELECT c.reason, k.category_code FROM calls c JOIN cases k ON k.id = c.case_id"
    ).fetchall()
    assert calls
    assert all(reason in CALL_REASONS[category] for reason, category in calls)
    assert len({reason for reason, _ in calls}) >= 8


# Whose field each group of problems is, in the words of the authority's name.
FIELDS = {
    "01": "综合行政执法局",
    "02": "住房和城乡建设局",
    "03": "自然资源局",
    "04": "生态环境局",
    "05": "市场监督管理局",
    "06": "应急管理局",
    "07": "交通运输局",
    "08": "公安分局",
    "09": "卫生健康局",
    "10": "农业农村局",
}


def test_transfers_go_to_and_come_from_the_authority_whose_field_it_is(shaped) -> None:
    from app.store.demo.notes import POLICE_OFFENCES

    db, _ = shaped
    rows = db.execute(
        "SELECT t.direction, t.police, t.counterpart, t.offence, t.receipt_by, k.category_code "
        "FROM transfers t JOIN cases k ON k.id = t.case_id"
    ).fetchall()
    sent_in = [(who, category) for way, _, who, _, _, category in rows if way == "in"]
    police = [row for row in rows if row[0] == "out" and row[1]]
    others = [row for row in rows if row[0] == "out" and not row[1]]
    assert sent_in and police and others
    for who, category in sent_in:  # a gambling case does not come from the land bureau
        assert FIELDS[category[:2]] in who, (who, category)
    for _, _, who, offence, signed, category in police:
        assert who == "蓬山区公安分局" and offence == POLICE_OFFENCES[category][0]
        assert signed in ("", "蓬山区公安分局法制大队")
    for _, _, who, _, signed, category in others:
        assert signed in ("", f"{who}法制科")
        if category == "0304":  # a villager's house on farmland: 《土地管理法》第七十八条
            assert who == "蓬山区农业农村局"
    # the gambling reported is mahjong in back rooms, not gambling machines
    assert POLICE_OFFENCES["0803"][0] == "赌博罪" and "麻将" in POLICE_OFFENCES["0803"][1]


def test_meetings_are_numbered_in_time_and_rule_only_on_earlier_disputes(shaped) -> None:
    from app.store.meetings import meetings

    db, _ = shaped
    held = sorted(meetings(db), key=lambda m: m.number)
    assert [m.number for m in held] == list(range(1, len(held) + 1))
    assert [m.held_on for m in held] == sorted(m.held_on for m in held)
    decided = [d for d in disputes(db) if d.decided_at]
    assert decided
    for dispute in decided:
        meeting = next(m for m in held if m.id == dispute.ruled_at)
        assert dispute.opened_at[:16] < meeting.held_on
