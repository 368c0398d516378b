"""Any devices, any offline changes, any order of sync files: everyone ends the same.

The property test takes the office and up to four enrolled laptops, lets people change
cases offline on each (with clocks that disagree), passes sync files around in random
order, imports some twice and loses others, and finally exchanges files until nothing new
arrives. Then every device must hold the same events, the same cases and side tables, and
projections equal to a rebuild from those events. The unit tests below feed the very same
events to ``apply_remote`` in shuffled batches."""

from __future__ import annotations

import json
import random
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.core.case_path.decide import Request
from app.core.case_path.parties import PartyRequest
from app.core.case_path.steps import Action
from app.core.errors import DomainError
from app.core.events import Event, EventType
from app.core.holidays import Festival
from app.core.intake import IntakeRequest
from app.core.model import ResponseCommitment
from app.core.transfers import TRANSFER_OUTCOMES
from app.store.base_data import save_category, save_user
from app.store.calendar_days import set_day, set_year
from app.store.case_actions import act, actions_for, resolve_conflict
from app.store.cases import case_by_number, register_case
from app.store.database import write_transaction
from app.store.eventlog import events_in_order
from app.store.parties import add_party, case_parties, may_record_parties, remove_party
from app.store.rebuild import rebuild
from app.store.reference import ReferenceData
from app.store.replication import apply_remote, held
from app.store.setup import set_response_commitment
from tests.clock import TEST_TODAY, TestClock
from tests.sync.conftest import (
    LAPTOP_PASSWORD,
    Node,
    every_import_beside,
    jpeg,
    open_node,
)
from tests.sync.test_conflicts import (
    build_town,
    case_record,
    differences,
    event_ids,
    open_town,
    send,
    settle,
    shared_dump,
    step,
)

DEVICES = ("office", "zfzd", "field", "scjg", "zfzd2")  # the office first, then laptops
PEOPLE = {  # who works on which device; laptops take only field steps (core/case_path/rules)
    "office": ("clerk", "admin", "leader", "supervisor"),
    "zfzd": ("officer_zfzd",),
    "zfzd2": ("officer_zfzd",),
    "scjg": ("officer",),
    "field": ("wgy01", "supervisor"),
}
REGISTRAR = {"office": "clerk", "zfzd": "officer_zfzd", "zfzd2": "officer_zfzd"}
REGISTRAR |= {"scjg": "officer", "field": "wgy01"}
SKEWS = (0, 0, -90_000, 90_000, 600_000, -86_400_000)  # ms: some laptops' clocks are off
CATEGORIES = ("0101", "0102", "0201", "0402", "1005")
X_UNITS = ("ZFZD", "SCJG", "PCS")
Y_UNITS = ("WJJ", "JTJ", "YJJ")
ELSEWHERE = "现场核实后另行分拨"  # the pool's cases are 占道经营: the lists send them to ZFZD


# -- the township every example starts from ------------------------------------------------------

POOL_STEPS: dict[str, tuple[tuple[str, Request], ...]] = {  # cases already on their way
    "new": (),
    "assigned": (("clerk", Request(Action.DISPATCH, to="ZFZD", with_units=("SCJG",))),),
    "handling": (
        ("clerk", Request(Action.DISPATCH, to="ZFZD")),
        ("officer_zfzd", Request(Action.SIGN)),
    ),
    "park": (
        ("clerk", Request(Action.DISPATCH, to="SCJG", override_reason=ELSEWHERE)),
        ("officer", Request(Action.SIGN)),
        ("officer", Request(Action.EXTEND, days=3, reason="需要鉴定")),
        (
            "officer",
            Request(
                Action.PARK, until=str(TEST_TODAY + timedelta(days=200)), reason="等待诉讼结果"
            ),
        ),
    ),
    "feedback": (
        ("clerk", Request(Action.DISPATCH, to="ZFZD")),
        ("officer_zfzd", Request(Action.SIGN)),
        ("officer_zfzd", Request(Action.FEEDBACK, note="已整改")),
    ),
    "called": (
        (
            "clerk",
            Request(Action.CALL, to="WJJ", reason="需专业部门处置", override_reason=ELSEWHERE),
        ),
        ("clerk", Request(Action.CALL_ACK)),
    ),
    "called and reported": (  # a grid worker checks it: a failed check restarts the clock
        (
            "clerk",
            Request(Action.CALL, to="WJJ", reason="需专业部门处置", override_reason=ELSEWHERE),
        ),
        ("clerk", Request(Action.CALL_ACK)),
        ("clerk", Request(Action.CALL_ARRIVE)),
        ("clerk", Request(Action.CALL_DONE)),
        ("clerk", Request(Action.CALL_CONFIRM)),
        ("clerk", Request(Action.FEEDBACK, note="已拆除")),
    ),
}


@dataclass(frozen=True)
class Template:
    folder: Path
    pool: tuple[str, ...]  # case numbers the examples work on


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """Built once: a small demo office, four laptops, a pool of cases in various states."""
    built = build_town(tmp_path_factory.mktemp("built"))
    folder = tmp_path_factory.mktemp("pool")
    nodes = open_town(built, folder, DEVICES, TestClock(tick_ms=1).wall)
    office = nodes[0]
    pool = []
    for steps in POOL_STEPS.values():
        number = office.report("沿街商铺占道经营，堵塞人行道").number
        for username, request in steps:
            step(office, username, number, request)
        pool.append(number)
    settle(nodes, folder / "files", rounds=1)
    for node in nodes:
        node.db.close()
    shutil.rmtree(folder / "files")
    return Template(folder, tuple(pool))


# -- one example ---------------------------------------------------------------------------------


@dataclass
class Letter:
    path: Path
    to: int
    imported: int = 0


@dataclass
class World:
    nodes: list[Node]
    names: list[str]
    skews: list[int]
    folder: Path
    pool: list[str]
    letters: list[Letter] = field(default_factory=list)
    taken: int = 0

    clock: TestClock = field(default_factory=lambda: TestClock(tick_ms=1))

    def wall(self, index: int) -> Callable[[], int]:
        skew = self.skews[index]
        return lambda: self.clock.wall() + skew

    def known(self, index: int) -> list[str]:
        db = self.nodes[index].db
        rows = db.execute(
            "SELECT number FROM cases WHERE number IN (SELECT value FROM json_each(?))",
            [json.dumps(self.pool)],
        )
        here = {row[0] for row in rows}
        return [number for number in self.pool if number in here]

    def file_name(self) -> Path:
        return self.folder / f"{len(self.letters):03d}.tdsync"


def request_for(action: Action, world: World, data: st.DataObject) -> Request:
    """A complete request for ``action``, its details drawn."""
    text = data.draw(st.sampled_from(["已现场处理", "商户已整改", "需要协调", "情况属实"]))
    if action == Action.DISPATCH:
        lead = data.draw(st.sampled_from(X_UNITS))
        helpers = data.draw(st.lists(st.sampled_from(X_UNITS), max_size=2, unique=True))
        return Request(action, to=lead, with_units=tuple(helpers), override_reason=ELSEWHERE)
    if action == Action.CALL:
        to = data.draw(st.sampled_from(Y_UNITS))
        urgent = data.draw(st.booleans())
        return Request(action, to=to, reason=text, urgent=urgent, override_reason=ELSEWHERE)
    if action == Action.SELF_HANDLE:
        return Request(action, override_reason=ELSEWHERE)
    if action == Action.TRANSFER:
        return Request(action, to="区住建局", reason=text)
    if action == Action.TRANSFER_POLICE:
        return Request(action, offence="寻衅滋事", threshold="多次滋事，情节恶劣", reason=text)
    if action == Action.TRANSFER_RECEIPT:
        return Request(action, received_by="接收机关法制科", note=text)
    if action == Action.TRANSFER_OUTCOME:
        outcome = data.draw(st.sampled_from(TRANSFER_OUTCOMES))
        return Request(action, outcome=outcome, note=text)
    if action == Action.RETURN and data.draw(st.booleans(), label="not our duty"):
        return Request(action, reason=text, not_our_duty=True, cited=("QS-XZCF-001",))
    if action == Action.MERGE:
        return Request(action, into=data.draw(st.sampled_from(world.pool)))
    if action == Action.EXTEND:
        return Request(action, days=data.draw(st.integers(1, 10)), reason=text)
    if action == Action.PARK:
        until = TEST_TODAY + timedelta(days=data.draw(st.integers(10, 90)))
        return Request(action, until=until.isoformat(), reason=text)
    if action == Action.VERIFY:
        return Request(action, passed=data.draw(st.booleans()), note=text)
    if action in (Action.FEEDBACK, Action.SUPERVISE):
        return Request(action, note=text)
    if action in (Action.RETURN, Action.DENY_EXTENSION, Action.DENY_PARK, Action.REWORK):
        return Request(action, reason=text)
    return Request(action, note=text)  # the rest need nothing, call steps take a note


def take_a_step(world: World, index: int, data: st.DataObject) -> None:
    """Someone working on this device takes one of the steps the window would offer."""
    node, name = world.nodes[index], world.names[index]
    offered = []
    for username in PEOPLE[name]:
        user = node.user(username)
        for number in world.known(index):
            for action in actions_for(node.db, user, case_by_number(node.db, number)):
                offered.append((username, number, action))
    if not offered:
        return
    username, number, action = data.draw(st.sampled_from(offered), label="step")
    request = request_for(action, world, data)
    photos = []
    if action in (Action.FEEDBACK, Action.VERIFY) and data.draw(st.booleans(), label="photo"):
        body = f"{number}{action}{world.taken}".encode()
        photos = [jpeg(world.folder / "camera", f"{world.taken}.jpg", body)]
    try:
        act(
            node.db,
            node.blobs,
            node.user(username),
            number,
            request,
            photos,
            wall=world.wall(index),
        )
        world.taken += 1
    except DomainError:
        pass  # refused, e.g. merging into a finished case: nothing was written


PARTIES = (
    PartyRequest("person", "张三", "320102199001011232", "13805356789", "青石镇东村"),
    PartyRequest("organisation", "烟台某某餐饮有限公司", credit_code="91350100M000100Y43"),
)


def change_parties(world: World, index: int, data: st.DataObject) -> None:
    """Someone who may records a party of a case, or removes one (当事人), as the window
    would offer it: the office on any open case, a laptop's officer on its unit's."""
    node, name = world.nodes[index], world.names[index]
    offered = []
    for username in PEOPLE[name]:
        user = node.user(username)
        for number in world.known(index):
            if may_record_parties(node.db, user, case_by_number(node.db, number)):
                offered.append((username, number))
    if not offered:
        return
    username, number = data.draw(st.sampled_from(offered), label="who and case")
    user = node.user(username)
    case = case_by_number(node.db, number)
    current = [p.id for p in case_parties(node.db, case.id, user.role)]
    if current and data.draw(st.booleans(), label="remove"):
        party = data.draw(st.sampled_from(current), label="party")
        remove_party(node.db, user, number, party, "登记有误", wall=world.wall(index))
    else:
        party_request = data.draw(st.sampled_from(PARTIES), label="party")
        add_party(node.db, user, number, party_request, wall=world.wall(index))
    world.taken += 1


def register(world: World, index: int, data: st.DataObject) -> None:
    node, name = world.nodes[index], world.names[index]
    request = IntakeRequest(
        data.draw(st.sampled_from(CATEGORIES)),
        data.draw(st.sampled_from(("G01", "G02", "G05"))),
        data.draw(st.sampled_from(("夜间施工噪音扰民", "小区垃圾堆放", "违法搭建彩钢棚"))),
        urgent=data.draw(st.booleans()),
    )
    photos = []
    if data.draw(st.booleans(), label="photo"):
        photos = [
            jpeg(
                world.folder / "camera",
                f"r{len(world.pool)}.jpg",
                str(world.wall(index)()).encode(),
            )
        ]
    user = node.user(REGISTRAR[name])
    case = register_case(node.db, node.blobs, user, request, photos, wall=world.wall(index))
    world.pool.append(case.number)


def office_business(world: World, data: st.DataObject) -> None:
    """What only the office does: settle conflicts, commitments and the calendar."""
    office = world.nodes[0]
    choice = data.draw(
        st.sampled_from(("resolve", "commitment", "calendar", "schedule", "limits", "moved")),
        label="office",
    )
    if choice == "resolve":
        rows = office.db.execute("SELECT number FROM cases WHERE conflict = 1 ORDER BY number")
        flagged = [row[0] for row in rows]
        if flagged:
            number = data.draw(st.sampled_from(flagged), label="flagged")
            resolve_conflict(
                office.db, office.user("clerk"), number, "已核实双方版本", wall=world.wall(0)
            )
    elif choice == "commitment":
        unit = data.draw(st.sampled_from(Y_UNITS), label="unit")
        days = data.draw(st.integers(1, 15), label="days")
        set_response_commitment(
            office.db,
            office.user("admin"),
            unit,
            ResponseCommitment(30, 90, days),
            wall=world.wall(0),
        )
    elif choice == "limits":  # a category's limits change: its open cases' clocks move
        used = [row[0] for row in office.db.execute("SELECT DISTINCT category_code FROM cases")]
        if used:
            code = data.draw(st.sampled_from(sorted(used)), label="category")
            category = ReferenceData(office.db).categories[code]
            hours = data.draw(st.one_of(st.none(), st.integers(1, 48)), label="hours")
            days = None if hours else data.draw(st.integers(1, 10), label="days")
            changed = replace(category, limit_days=days, limit_hours=hours)
            save_category(office.db, office.user("admin"), changed, new=False, wall=world.wall(0))
    elif choice == "moved":  # an officer moves to another unit: their past steps stand
        officer = office.user("officer_pcs")
        unit = data.draw(st.sampled_from(("PCS", "ZFZD")), label="moved to")
        moved = replace(officer, department_code=unit)
        save_user(office.db, office.user("admin"), moved, new=False, wall=world.wall(0))
    elif choice == "schedule":  # a holiday in the days the clocks are running over
        start = TEST_TODAY + timedelta(days=data.draw(st.integers(1, 20), label="rest"))
        length = data.draw(st.integers(1, 3), label="length")
        festival = Festival(("元旦",), start, start + timedelta(days=length - 1))
        set_year(office.db, office.user("admin"), start.year, [festival], wall=world.wall(0))
    else:
        day = TEST_TODAY + timedelta(days=data.draw(st.integers(1, 20), label="day"))
        working = data.draw(st.booleans(), label="working")
        set_day(
            office.db, office.user("admin"), day.isoformat(), working, "调休", wall=world.wall(0)
        )


def post(world: World, source: int, target: int) -> None:
    path = world.file_name()
    world.nodes[source].export_to(world.nodes[target], path)
    world.letters.append(Letter(path, target))


def deliver(world: World, data: st.DataObject) -> None:
    if not world.letters:
        return
    letter = data.draw(st.sampled_from(world.letters), label="letter")
    summary = world.nodes[letter.to].import_file(letter.path)
    assert summary.preview["quarantined"] == 0
    if letter.imported:
        assert summary.preview["already_imported"]
    letter.imported += 1


def quiesce(world: World) -> int:
    """Everyone sends to everyone until a whole round brings nothing new. Returns rounds."""
    for rounds in range(1, 8):
        before = [held(node.db) for node in world.nodes]
        for a in world.nodes:
            for b in world.nodes:
                if a is not b:
                    send(a, b, world.folder / "final")
        after = [held(node.db) for node in world.nodes]
        if after == before and all(vector == after[0] for vector in after):
            return rounds
    raise AssertionError("sync files never stopped bringing news")


# -- checks --------------------------------------------------------------------------------------


def differing_tables(one: dict[str, Any], other: dict[str, Any]) -> list[str]:
    return sorted(key for key in set(one) | set(other) if one.get(key) != other.get(key))


def assert_converged(world: World) -> None:
    ids = [event_ids(node.db) for node in world.nodes]
    for name, found in zip(world.names, ids, strict=True):
        assert found == ids[0], f"{name} holds other events"  # every step stays in the log
    for node in world.nodes:
        assert node.db.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 0
    numbers = [row[0] for row in world.nodes[0].db.execute("SELECT number FROM cases")]
    for number in sorted(set(world.pool) & set(numbers)):  # column by column, to read easily
        records = [case_record(node.db, number) for node in world.nodes]
        for name, record in zip(world.names, records, strict=True):
            assert record == records[0], f"{number} on {name}: {differences(records[0], record)}"
    dumps = [shared_dump(node.db) for node in world.nodes]  # every case, every projection
    for name, dump in zip(world.names, dumps, strict=True):
        assert dump == dumps[0], f"{name}: {differing_tables(dumps[0], dump)}"
    for name, node in zip(world.names, world.nodes, strict=True):
        rebuild(node.db, node.user("admin"))
        rebuilt = shared_dump(node.db)
        assert rebuilt == dumps[0], f"rebuilt on {name}: {differing_tables(dumps[0], rebuilt)}"


# -- the property ---------------------------------------------------------------------------------

OPERATIONS = ("act",) * 6 + ("register", "post", "post", "deliver", "deliver", "office")
OPERATIONS += ("party", "party")
operations = st.lists(
    st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 4), st.integers(0, 4)),
    min_size=12,
    max_size=40,
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    devices=st.integers(2, len(DEVICES)),
    skews=st.lists(st.sampled_from(SKEWS), min_size=len(DEVICES), max_size=len(DEVICES)),
    plan=operations,
    data=st.data(),
)
def test_every_device_ends_the_same_whatever_the_order_of_sync_files(
    template: Template,
    devices: int,
    skews: list[int],
    plan: list[tuple[str, int, int]],
    data: st.DataObject,
) -> None:
    # every import's evidence files and cases done by forked children beside it
    # (app/sync/beside.py), or by the import itself as under their thresholds: both ways
    # must end the same
    beside = data.draw(st.booleans(), label="every import works beside")
    event(f"beside: {beside}")
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as patch:
        if beside:
            every_import_beside(patch)
        folder = Path(tmp)
        names = list(DEVICES[:devices])
        clock = TestClock(tick_ms=1)
        nodes = open_town(template.folder, folder, names, clock.wall)
        try:
            world = World(
                nodes,
                names,
                [0, *skews[1:devices]],
                folder / "files",
                [*template.pool],
                clock=clock,
            )
            world.folder.mkdir()
            for operation, a, b in plan:
                source, target = a % devices, b % devices
                if operation == "act":
                    take_a_step(world, source, data)
                elif operation == "register":
                    register(world, source, data)
                elif operation == "post" and source != target:
                    post(world, source, target)
                elif operation == "deliver":
                    deliver(world, data)
                elif operation == "office":
                    office_business(world, data)
                elif operation == "party":
                    change_parties(world, source, data)
            rounds = quiesce(world)
            office = world.nodes[0].db
            flagged = office.execute("SELECT count(*) FROM case_conflicts").fetchone()[0]
            event(f"devices: {devices}")
            event(f"steps taken: {min(world.taken // 5 * 5, 20)}+")
            event("sync conflicts" if flagged else "no sync conflict")
            parties = office.execute("SELECT count(*) FROM case_parties").fetchone()[0]
            event(f"parties recorded: {min(parties, 3)}{'+' if parties >= 3 else ''}")
            event(f"rounds to quiesce: {rounds}")
            event(f"a letter lost: {any(not letter.imported for letter in world.letters)}")
            event(
                f"a letter imported twice: {any(letter.imported > 1 for letter in world.letters)}"
            )
            assert_converged(world)
        finally:
            for node in nodes:
                node.db.close()


# -- apply_remote alone: the same events in any batches ------------------------------------------


@dataclass(frozen=True)
class History:
    events: tuple[Event, ...]  # what happened after the template, in the merged order
    expected: dict[str, Any]  # the office's projections once it holds them all
    receiver: Path  # a device that holds the template's events only


@pytest.fixture(scope="module")
def history(template: Template, tmp_path_factory: pytest.TempPathFactory) -> History:
    """Offline work on four devices with clocks that disagree, gathered at the office."""
    folder = tmp_path_factory.mktemp("history")
    office, zfzd, field, zfzd2 = open_town(
        template.folder, folder, ("office", "zfzd", "field", "zfzd2"), TestClock(tick_ms=1).wall
    )
    new, assigned, handling, park, feedback, called, _ = template.pool
    files = folder / "files"
    base = event_ids(office.db)

    extra = office.report("菜市场门口占道经营").number
    step(office, "clerk", extra, Request(Action.DISPATCH, to="ZFZD"))
    step(office, "clerk", new, Request(Action.DISPATCH, to="SCJG", override_reason=ELSEWHERE))
    step(office, "clerk", assigned, Request(Action.RETURN, reason="派错单位"), 30_000)
    step(office, "clerk", feedback, Request(Action.VERIFY, passed=True))
    step(office, "clerk", feedback, Request(Action.CLOSE))
    step(office, "leader", park, Request(Action.APPROVE_EXTENSION))
    set_response_commitment(
        office.db, office.user("admin"), "WJJ", ResponseCommitment(20, 40, 9), wall=office.wall
    )
    step(zfzd, "officer_zfzd", assigned, Request(Action.SIGN), 60_000)
    photo = jpeg(folder / "camera", "a.jpg", b"feedback photo")
    act(
        zfzd.db,
        zfzd.blobs,
        zfzd.user("officer_zfzd"),
        handling,
        Request(Action.FEEDBACK, note="已清理"),
        [photo],
        wall=zfzd.wall,
    )
    step(zfzd2, "officer_zfzd", assigned, Request(Action.SIGN), 600_000)
    step(
        zfzd2, "officer_zfzd", handling, Request(Action.EXTEND, days=4, reason="商户外出"), -90_000
    )
    step(field, "wgy01", feedback, Request(Action.VERIFY, passed=False, note="未整改"), -90_000)
    send(zfzd, office, files)
    send(office, field, files)
    step(field, "wgy01", handling, Request(Action.VERIFY, passed=True, note="已整改"), -90_000)
    step(office, "clerk", called, Request(Action.CALL_ARRIVE))
    step(office, "clerk", called, Request(Action.CALL_DONE))
    resolve_conflict(office.db, office.user("clerk"), assigned, "以办公室为准", wall=office.wall)
    settle([office, zfzd, field, zfzd2], files)
    events = tuple(e for e in events_in_order(office.db) if e.id not in base)
    expected = shared_dump(office.db)
    receiver = folder / "scjg"
    shutil.copytree(template.folder / "scjg", receiver)
    for node in (office, zfzd, field, zfzd2):
        node.db.close()
    return History(events, expected, receiver / "towndesk.sqlite3")


def batches(events: tuple[Event, ...], rng: random.Random) -> list[list[Event]]:
    """The events shuffled into random batches; a case's registration comes no later than
    its first step (the importer holds back steps on cases it has never seen)."""
    shuffled = list(events)
    rng.shuffle(shuffled)
    count = rng.randint(1, len(shuffled))
    cuts = sorted(rng.sample(range(1, len(shuffled)), count - 1)) if count > 1 else []
    groups = [shuffled[i:j] for i, j in zip([0, *cuts], [*cuts, len(shuffled)], strict=True)]
    first_seen: dict[str, int] = {}
    for index, group in enumerate(groups):
        for e in group:
            if e.entity == "case":
                first_seen.setdefault(e.entity_id, index)
    placed: list[list[Event]] = [[] for _ in groups]
    for index, group in enumerate(groups):
        for e in group:
            moved = e.type == EventType.CASE_REGISTERED
            placed[first_seen[e.entity_id] if moved else index].append(e)
    return [group for group in placed if group]


def fold_in(
    history: History, folder: Path, groups: list[list[Event]]
) -> tuple[dict[str, Any], int]:
    """A copy of the receiver folds the groups in; its projections and cases replayed."""
    target = folder / "receiver"
    shutil.copytree(history.receiver.parent, target)
    node = open_node(target / history.receiver.name, LAPTOP_PASSWORD)
    try:
        replayed = 0
        for group in groups:
            with write_transaction(node.db):
                replayed += apply_remote(node.db, group).replayed_cases
        return shared_dump(node.db), replayed
    finally:
        node.db.close()


def test_the_history_has_conflicts_a_resolution_and_late_steps(history: History) -> None:
    types = [e.type for e in history.events]
    assert EventType.CASE_CONFLICT_RESOLVED in types
    assert EventType.EVIDENCE_RECEIVED in types
    assert history.expected["case_conflicts"], "the history should collide somewhere"
    hlcs = [e.hlc for e in history.events]
    assert hlcs == sorted(hlcs)


def test_all_events_in_one_batch_give_the_offices_projections(
    history: History, tmp_path: Path
) -> None:
    dump, replayed = fold_in(history, tmp_path, [list(history.events)])
    assert replayed == 0  # one batch is folded in the merged order
    assert dump == history.expected


def test_events_newest_first_one_at_a_time_replay_and_agree(
    history: History, tmp_path: Path
) -> None:
    newest_first = sorted(history.events, key=lambda e: e.hlc, reverse=True)
    registrations = [e for e in newest_first if e.type == EventType.CASE_REGISTERED]
    rest = [e for e in newest_first if e.type != EventType.CASE_REGISTERED]
    dump, replayed = fold_in(history, tmp_path, [[e] for e in (*registrations, *rest)])
    assert replayed > 0
    assert dump == history.expected


@pytest.mark.parametrize("seed", range(8))
def test_events_in_shuffled_batches_give_the_same_projections(
    history: History, tmp_path: Path, seed: int
) -> None:
    dump, _ = fold_in(history, tmp_path, batches(history.events, random.Random(seed)))
    assert dump == history.expected, differing_tables(history.expected, dump)
