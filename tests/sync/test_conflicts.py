"""Steps that collide when two devices change the same case offline (core/case_path/fold.py).

Every scenario runs the two offline steps in both merged orders (the clock decides which
is earlier) and settles them by exchanging sync files in both orders; the documented rule
says which step holds, which is a rival and which is concurrent, and every device must end
with the very same case rows, whoever imports first."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.clock import Wall, hlc_ms, local_text
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.model import ResponseCommitment
from app.store.blobs import BlobStore
from app.store.case_actions import act, resolve_conflict
from app.store.cases import case_by_number
from app.store.demo.township import build_demo
from app.store.rebuild import rebuild
from app.store.reference import user_by_name
from app.store.setup import open_database, set_response_commitment
from app.sync.applying import ImportSummary
from app.sync.enrolment import unlock
from app.sync.keys import CHEAP
from tests.clock import TEST_TODAY, TestClock
from tests.store.store_helpers import DEMO_NOW_MS, projection_dump
from tests.sync.conftest import (
    LAPTOP_PASSWORD,
    OFFICE_PASSWORD,
    Node,
    enrol_laptop,
    open_node,
)

SIDE_TABLES = ("assignments", "calls", "case_pauses", "case_evidence", "case_conflicts", "custody")
SYNC_BOOKKEEPING = {"chain_heads", "peer_has", "sync_files", "quarantine"}
LOCAL_COLUMNS = {"cases": {"seq"}}  # the local row number differs from device to device


# -- helpers shared with test_convergence.py ----------------------------------------------------


def columns(db: Database, table: str) -> list[str]:
    skip = LOCAL_COLUMNS.get(table, set())
    return [row[1] for row in db.execute(f"PRAGMA table_info([{table}])") if row[1] not in skip]


def case_record(db: Database, number: str) -> dict[str, Any]:
    """One case as every device must see it: its row (without local columns) and its rows
    in the side tables."""
    names = columns(db, "cases")
    row = db.execute(f"SELECT {', '.join(names)} FROM cases WHERE number = ?", [number]).fetchone()
    assert row is not None, f"{number} is not on this device"
    case = dict(zip(names, row, strict=True))
    case_id = case["id"]
    record: dict[str, Any] = {"cases": case}
    for table in SIDE_TABLES:
        names = ", ".join(columns(db, table))
        rows = db.execute(f"SELECT {names} FROM {table} WHERE case_id = ?", [case_id]).fetchall()
        record[table] = sorted(rows, key=repr)
    return record


def differences(one: dict[str, Any], other: dict[str, Any]) -> list[str]:
    """Where two records differ, column by column for the case row: for messages."""
    found = []
    for key in sorted(set(one) | set(other)):
        a, b = one.get(key), other.get(key)
        if isinstance(a, dict) and isinstance(b, dict):
            found += [f"{key}.{k}: {a.get(k)!r} != {b.get(k)!r}" for k in a if a[k] != b.get(k)]
        elif a != b:
            found.append(f"{key}: {a!r} != {b!r}")
    return found


def event_ids(db: Database) -> set[str]:
    return {row[0] for row in db.execute("SELECT id FROM events")}


def shared_dump(db: Database) -> dict[str, Any]:
    """The projections every device must agree on: ``projection_dump`` without this
    device's own sync bookkeeping (signed heads, what peers hold, files, quarantine) and
    SQLite's statistics."""
    dump = projection_dump(db)
    return {
        table: rows
        for table, rows in dump.items()
        if table not in SYNC_BOOKKEEPING and not table.startswith("sqlite_")
    }


def assert_rebuild_agrees(node: Node) -> None:
    """The projections kept up to date equal a rebuild from the log."""
    kept = projection_dump(node.db)
    rebuild(node.db, node.user("admin"))
    assert projection_dump(node.db) == kept


_SENT = itertools.count(1)  # names the files sent, in order


def send(sender: Node, receiver: Node, folder: Path) -> ImportSummary:
    folder.mkdir(parents=True, exist_ok=True)
    exported = sender.export_to(receiver, folder / f"{sender.id[-12:]}-{next(_SENT):05d}.tdsync")
    return receiver.import_file(exported.path)


# -- the township -------------------------------------------------------------------------------

TOWN_DEVICES = (  # folder, name, kind, department
    ("zfzd", "执法中队终端", "department", "ZFZD"),
    ("zfzd2", "执法中队二号终端", "department", "ZFZD"),
    ("field", "青石村网格终端", "grid-worker", None),
    ("spare", "锦绣社区网格终端", "grid-worker", None),
    ("scjg", "市场监管所终端", "department", "SCJG"),
)


def build_town(folder: Path, cases: int = 60) -> Path:
    """A small demo office and its enrolled laptops, each in its own folder, all settled so
    every device knows the others and what they hold. Copy it with ``open_town``."""
    office_path = folder / "office" / "towndesk.sqlite3"
    office_path.parent.mkdir(parents=True)
    build_demo(office_path, cases=cases, seed=11, now_ms=DEMO_NOW_MS)
    db = open_database(office_path)  # the administrator sets up the office's keys
    wall = TestClock(tick_ms=1).wall
    keys = unlock(db, office_path, OFFICE_PASSWORD, CHEAP, user_by_name(db, "admin"), wall=wall)
    office = Node(office_path, db, BlobStore.beside(office_path), keys, wall)
    nodes = [office]
    for name, title, kind, department in TOWN_DEVICES:
        nodes.append(enrol_laptop(office, folder / name, title, kind, department))
    settle(nodes, folder / "files", rounds=1)  # the office's file goes out first
    for node in nodes:
        node.db.close()  # checkpoints the WAL into the file
    shutil.rmtree(folder / "files")
    return folder


def open_town(template: Path, target: Path, names: Sequence[str], wall: Wall) -> list[Node]:
    """Private copies of the devices ``names`` ("office", "zfzd", ...) of a built town, all
    on the clock ``wall``."""
    nodes = []
    for name in names:
        shutil.copytree(template / name, target / name)
        password = OFFICE_PASSWORD if name == "office" else LAPTOP_PASSWORD
        nodes.append(open_node(target / name / "towndesk.sqlite3", password, wall))
    return nodes


def settle(nodes: Sequence[Node], folder: Path, rounds: int = 2) -> None:
    """Exchange files between every two nodes, ``rounds`` times over."""
    for _ in range(rounds):
        for a in nodes:
            for b in nodes:
                if a is not b:
                    send(a, b, folder)


@pytest.fixture(scope="module")
def town_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_town(tmp_path_factory.mktemp("town"))


@dataclass
class Township:
    office: Node
    zfzd: Node  # a department laptop of the enforcement squad (执法中队)
    zfzd2: Node  # the squad's second laptop
    field: Node  # a grid worker's laptop
    spare: Node  # another grid worker's laptop, which mostly only receives
    folder: Path

    @property
    def nodes(self) -> tuple[Node, ...]:
        return (self.office, self.zfzd, self.zfzd2, self.field, self.spare)

    def settle(self, *nodes: Node) -> None:
        """Exchange files until every node named holds everything."""
        settle(nodes, self.folder / "settle")

    def publish(self) -> None:
        """The office's news to every laptop."""
        for node in self.nodes[1:]:
            send(self.office, node, self.folder / "publish")


@pytest.fixture
def town(town_template: Path, tmp_path: Path, clock: TestClock) -> Iterator[Township]:
    names = ("office", "zfzd", "zfzd2", "field", "spare")
    nodes = open_town(town_template, tmp_path, names, clock.wall)
    yield Township(*nodes, tmp_path / "files")
    for node in nodes:
        node.db.close()


# -- the scenarios -------------------------------------------------------------------------------

EARLY, LATE = 60_000, 120_000  # ms ahead of now: the merged order does not depend on luck


def step(node: Node, username: str, number: str, request: Request, ahead: int = 0) -> str:
    """Take a step on ``node``; returns its event id. ``ahead`` sets the clock forward."""
    wall: Callable[[], int] = lambda: node.wall() + ahead  # noqa: E731
    act(node.db, node.blobs, node.user(username), number, request, wall=wall)
    row = node.db.execute("SELECT last_event_id FROM cases WHERE number = ?", [number]).fetchone()
    return str(row[0])


def new_case(town: Township, *steps: tuple[str, Request]) -> str:
    """A case registered at the office, taken through ``steps`` there, known to everyone."""
    number = town.office.report("村口道路两侧占道经营，影响通行").number
    for username, request in steps:
        step(town.office, username, number, request)
    town.publish()
    return number


def the_case(node: Node, number: str) -> dict[str, Any]:
    rows = node.db.query(
        "SELECT status, lead_unit, conflict, extension_requested, rework_count FROM cases "
        "WHERE number = ?",
        [number],
    )
    return next(iter(rows))


def conflicts(node: Node, number: str) -> dict[str, str]:
    rows = node.db.execute(
        "SELECT k.event_id, k.kind FROM case_conflicts k JOIN cases c ON c.id = k.case_id "
        "WHERE c.number = ? AND k.resolved_by IS NULL",
        [number],
    )
    return dict(rows.fetchall())


def settle_pair(town: Township, first: Node, second: Node) -> None:
    """``first`` imports the other's file first, then sends everything back."""
    send(second, first, town.folder / "pair")
    send(first, second, town.folder / "pair")


def assert_same_everywhere(number: str, *nodes: Node, events: tuple[str, ...] = ()) -> None:
    records = [case_record(node.db, number) for node in nodes]
    for node, record in zip(nodes, records, strict=True):
        assert record == records[0], f"{node.path.parent.name}: {differences(records[0], record)}"
        assert set(events) <= event_ids(node.db), "every step stays in the log"


ASSIGNED = (("clerk", Request(Action.DISPATCH, to="ZFZD")),)
HANDLING = (*ASSIGNED, ("officer_zfzd", Request(Action.SIGN)))
# office_first: the step of the first device named (the office, or the first squad laptop)
# comes first in the merged order; office_imports_first: who receives the other's file first
BOTH_ORDERS = pytest.mark.parametrize("office_first", [True, False], ids=["office", "laptop"])
BOTH_IMPORTS = pytest.mark.parametrize("office_imports_first", [True, False], ids=["oi", "li"])


@BOTH_ORDERS
@BOTH_IMPORTS
def test_a_return_at_the_office_and_a_signature_on_the_laptop(
    town: Township, office_first: bool, office_imports_first: bool
) -> None:
    number = new_case(town, *ASSIGNED)
    office_at, laptop_at = (EARLY, LATE) if office_first else (LATE, EARLY)
    returned = step(
        town.office, "clerk", number, Request(Action.RETURN, reason="派错单位"), office_at
    )
    signed = step(town.zfzd, "officer_zfzd", number, Request(Action.SIGN), laptop_at)
    assert the_case(town.office, number)["status"] == "pending_triage"
    assert the_case(town.zfzd, number)["status"] == "handling"

    first, second = (town.office, town.zfzd) if office_imports_first else (town.zfzd, town.office)
    settle_pair(town, first, second)

    for node in (town.office, town.zfzd):
        case = the_case(node, number)
        assert case["status"] == "pending_triage"  # returned either way
        assert case["lead_unit"] is None
        assert case["conflict"] == 1
        if office_first:  # the case was back in triage: the signature came too late
            assert conflicts(node, number) == {signed: "rival"}
        else:  # signed, then returned by someone who had not seen the signature
            assert conflicts(node, number) == {returned: "concurrent"}
    assert_same_everywhere(number, town.office, town.zfzd, events=(returned, signed))
    assert_rebuild_agrees(town.office)
    assert_rebuild_agrees(town.zfzd)


@BOTH_ORDERS
def test_two_laptops_of_one_squad_sign_the_same_case_the_earlier_holds(
    town: Township, office_first: bool
) -> None:
    """Both squad laptops sign: the same step twice. The later signature is a rival."""
    number = new_case(town, *ASSIGNED)
    first_at, second_at = (EARLY, LATE) if office_first else (LATE, EARLY)
    one = step(town.zfzd, "officer_zfzd", number, Request(Action.SIGN), first_at)
    two = step(town.zfzd2, "officer_zfzd", number, Request(Action.SIGN), second_at)
    town.settle(town.zfzd2, town.office, town.zfzd)

    held, rival = (one, two) if office_first else (two, one)
    for node in (town.office, town.zfzd, town.zfzd2):
        case = the_case(node, number)
        assert case["status"] == "handling"
        assert case["conflict"] == 1
        assert conflicts(node, number) == {rival: "rival"}
        signed_at = node.db.execute(
            "SELECT signed_at FROM cases WHERE number = ?", [number]
        ).fetchone()[0]
        held_at = node.db.execute("SELECT hlc FROM events WHERE id = ?", [held]).fetchone()[0]
        assert signed_at == local_text(hlc_ms(held_at))  # the clock started by the earlier
    assert_same_everywhere(number, town.office, town.zfzd, town.zfzd2, events=(held, rival))
    assert_rebuild_agrees(town.zfzd2)


@BOTH_ORDERS
def test_feedback_on_one_squad_laptop_and_a_return_on_the_other(
    town: Township, office_first: bool
) -> None:
    number = new_case(town, *HANDLING)
    first_at, second_at = (EARLY, LATE) if office_first else (LATE, EARLY)
    done = step(
        town.zfzd, "officer_zfzd", number, Request(Action.FEEDBACK, note="已清理"), first_at
    )
    back = Request(Action.RETURN, reason="不属本队职责")
    returned = step(town.zfzd2, "officer_zfzd", number, back, second_at)
    town.settle(town.zfzd, town.zfzd2, town.office)

    for node in (town.office, town.zfzd, town.zfzd2):
        case = the_case(node, number)
        assert case["conflict"] == 1
        if office_first:  # reported back: a return is no longer possible
            assert case["status"] == "feedback"
            assert conflicts(node, number) == {returned: "rival"}
        else:  # returned: there is nothing to report back on
            assert case["status"] == "pending_triage"
            assert conflicts(node, number) == {done: "rival"}
    assert_same_everywhere(number, town.office, town.zfzd, town.zfzd2, events=(done, returned))
    assert_rebuild_agrees(town.office)


@BOTH_ORDERS
@BOTH_IMPORTS
def test_the_office_closes_while_the_laptop_asks_for_an_extension(
    town: Township, office_first: bool, office_imports_first: bool
) -> None:
    number = new_case(town, *HANDLING)
    office_at, laptop_at = (EARLY, LATE) if office_first else (LATE, EARLY)
    closing = [  # the squad phoned its result in; the office records it, checks and closes
        step(town.office, "clerk", number, Request(Action.FEEDBACK, note="已清理"), office_at),
        step(town.office, "clerk", number, Request(Action.VERIFY, passed=True), office_at),
        step(town.office, "clerk", number, Request(Action.CLOSE), office_at),
    ]
    extend = Request(Action.EXTEND, days=5, reason="需协调商户")
    extension = step(town.zfzd, "officer_zfzd", number, extend, laptop_at)
    first, second = (town.office, town.zfzd) if office_imports_first else (town.zfzd, town.office)
    settle_pair(town, first, second)

    for node in (town.office, town.zfzd):
        case = the_case(node, number)
        assert case["status"] == "closed"  # closed either way
        assert case["extension_requested"] is None  # the feedback ends any open request
        assert case["conflict"] == 1
        if office_first:
            assert conflicts(node, number) == {extension: "rival"}
        else:  # the feedback was given without knowing of the request: a clerk looks
            assert conflicts(node, number) == {closing[0]: "concurrent"}
    assert_same_everywhere(number, town.office, town.zfzd, events=(*closing, extension))
    assert_rebuild_agrees(town.office)
    assert_rebuild_agrees(town.zfzd)


FEEDBACK = (*HANDLING, ("officer_zfzd", Request(Action.FEEDBACK, note="已劝离摊贩")))


@BOTH_ORDERS
def test_the_office_verifies_and_closes_while_a_grid_worker_finds_it_not_done(
    town: Township, office_first: bool
) -> None:
    number = new_case(town, *FEEDBACK)
    office_at, field_at = (EARLY, LATE) if office_first else (LATE, EARLY)
    closing = [
        step(town.office, "clerk", number, Request(Action.VERIFY, passed=True), office_at),
        step(town.office, "clerk", number, Request(Action.CLOSE), office_at),
    ]
    check = Request(Action.VERIFY, passed=False, note="摊位又回来了")
    failed = step(town.field, "wgy01", number, check, field_at)
    settle_pair(town, town.field, town.office)

    for node in (town.office, town.field):
        case = the_case(node, number)
        assert case["conflict"] == 1
        if office_first:
            assert (case["status"], case["rework_count"]) == ("closed", 0)
            assert conflicts(node, number) == {failed: "rival"}
        else:  # back to handling: neither the office's check nor its closing applies
            assert (case["status"], case["rework_count"]) == ("handling", 1)
            assert conflicts(node, number) == {closing[0]: "rival", closing[1]: "rival"}
    assert_same_everywhere(number, town.office, town.field, events=(*closing, failed))
    assert_rebuild_agrees(town.office)


@BOTH_ORDERS
def test_feedback_on_the_laptop_and_parking_approved_at_the_office_exclude_each_other(
    town: Township, office_first: bool
) -> None:
    until = (TEST_TODAY + timedelta(days=40)).isoformat()
    park = ("officer_zfzd", Request(Action.PARK, until=until, reason="待法院裁定"))
    number = new_case(town, *HANDLING, park)
    office_at, laptop_at = (EARLY, LATE) if office_first else (LATE, EARLY)
    approved = step(town.office, "leader", number, Request(Action.APPROVE_PARK), office_at)
    feedback = Request(Action.FEEDBACK, note="已自行整改")
    reported = step(town.zfzd, "officer_zfzd", number, feedback, laptop_at)
    settle_pair(town, town.zfzd, town.office)

    pauses = len(case_record(town.office.db, number)["case_pauses"])
    for node in (town.office, town.zfzd):
        case = the_case(node, number)
        assert case["conflict"] == 1
        if office_first:  # parked: no feedback while the clock stands still
            assert case["status"] == "parked"
            assert conflicts(node, number) == {reported: "rival"}
        else:  # the feedback withdrew the request: nothing left to approve
            assert case["status"] == "feedback"
            assert conflicts(node, number) == {approved: "rival"}
    assert pauses == (1 if office_first else 0)
    assert_same_everywhere(number, town.office, town.zfzd, events=(approved, reported))
    assert_rebuild_agrees(town.zfzd)


# -- resolving -----------------------------------------------------------------------------------


def collide(town: Township) -> tuple[str, str]:
    """A case returned at the office while the squad signed it: a rival signature."""
    number = new_case(town, *ASSIGNED)
    step(town.office, "clerk", number, Request(Action.RETURN, reason="派错单位"), EARLY)
    signed = step(town.zfzd, "officer_zfzd", number, Request(Action.SIGN), LATE)
    settle_pair(town, town.office, town.zfzd)
    return number, signed


def test_resolving_clears_the_flag_on_every_device(town: Township) -> None:
    number, signed = collide(town)
    resolved = resolve_conflict(
        town.office.db, town.office.user("clerk"), number, "已电话核实", wall=town.office.wall
    )
    assert resolved.number == number
    assert the_case(town.office, number)["conflict"] == 0
    resolution = town.office.db.execute(
        "SELECT id, payload FROM events WHERE type = 'case.conflict_resolved'"
    ).fetchone()
    assert signed in resolution[1]

    send(town.office, town.zfzd, town.folder / "resolve")
    for node in (town.office, town.zfzd):
        assert the_case(node, number)["conflict"] == 0
        assert conflicts(node, number) == {}
        kept = node.db.execute("SELECT event_id, kind, resolved_by FROM case_conflicts").fetchall()
        assert kept == [(signed, "rival", resolution[0])]  # the history stays
    assert_same_everywhere(number, town.office, town.zfzd)

    # the squad may now take the step again, knowingly: it is no rival any more
    step(town.office, "clerk", number, Request(Action.DISPATCH, to="ZFZD"))
    town.settle(town.office, town.zfzd)
    step(town.zfzd, "officer_zfzd", number, Request(Action.SIGN))
    town.settle(town.office, town.zfzd)
    assert the_case(town.zfzd, number)["status"] == "handling"
    assert the_case(town.zfzd, number)["conflict"] == 0
    assert_same_everywhere(number, town.office, town.zfzd)
    assert_rebuild_agrees(town.zfzd)


def test_a_leaders_resolution_at_the_office_travels_to_every_laptop(town: Township) -> None:
    number, _ = collide(town)
    with pytest.raises(DomainError) as refused:  # conflicts are settled at the office
        resolve_conflict(
            town.zfzd.db, town.zfzd.user("leader"), number, "现场核实", wall=town.zfzd.wall
        )
    assert refused.value.code == "conflict_office_only"
    resolve_conflict(
        town.office.db, town.office.user("leader"), number, "现场核实", wall=town.office.wall
    )
    town.settle(town.office, town.zfzd, town.spare)
    for node in (town.office, town.zfzd, town.spare):
        assert the_case(node, number)["conflict"] == 0
    assert_same_everywhere(number, town.office, town.zfzd, town.spare)


def test_a_conflict_that_arrives_after_a_resolution_keeps_the_flag(town: Township) -> None:
    number, _ = collide(town)  # the office and the first squad laptop know the rival
    # the second squad laptop, offline, also signs: a rival nobody at the office has seen
    late_sign = step(town.zfzd2, "officer_zfzd", number, Request(Action.SIGN), LATE + 1_000)
    resolve_conflict(
        town.office.db, town.office.user("clerk"), number, "已核实", wall=town.office.wall
    )
    assert the_case(town.office, number)["conflict"] == 0
    town.settle(town.office, town.zfzd, town.zfzd2)
    for node in (town.office, town.zfzd, town.zfzd2):
        assert the_case(node, number)["conflict"] == 1
        assert conflicts(node, number) == {late_sign: "rival"}
    assert_same_everywhere(number, town.office, town.zfzd, town.zfzd2)
    resolve_conflict(
        town.office.db, town.office.user("clerk"), number, "也已核实", wall=town.office.wall
    )
    town.settle(town.office, town.zfzd, town.zfzd2)
    for node in (town.office, town.zfzd, town.zfzd2):
        assert the_case(node, number)["conflict"] == 0
    assert_same_everywhere(number, town.office, town.zfzd, town.zfzd2)
    assert_rebuild_agrees(town.zfzd2)


def test_resolving_a_case_without_a_conflict_is_refused(town: Township) -> None:
    number = new_case(town)
    before = event_ids(town.office.db)
    with pytest.raises(DomainError) as refused:
        resolve_conflict(
            town.office.db, town.office.user("clerk"), number, "没有冲突", wall=town.office.wall
        )
    assert refused.value.code == "conflict_none"
    assert event_ids(town.office.db) == before

    number, _ = collide(town)
    resolve_conflict(
        town.office.db, town.office.user("clerk"), number, "已核实", wall=town.office.wall
    )
    with pytest.raises(DomainError) as again:  # resolved already: nothing left to resolve
        resolve_conflict(
            town.office.db, town.office.user("clerk"), number, "再次", wall=town.office.wall
        )
    assert again.value.code == "conflict_none"


@pytest.mark.parametrize("username", ["grid", "officer_zfzd", "supervisor"])
def test_only_clerks_administrators_and_leaders_resolve(town: Township, username: str) -> None:
    number, _ = collide(town)
    before = event_ids(town.office.db)
    with pytest.raises(DomainError) as refused:
        resolve_conflict(
            town.office.db, town.office.user(username), number, "我来处理", wall=town.office.wall
        )
    assert refused.value.code == "permission_denied"
    assert event_ids(town.office.db) == before
    assert the_case(town.office, number)["conflict"] == 1


def test_a_resolution_needs_a_note(town: Township) -> None:
    number, _ = collide(town)
    with pytest.raises(DomainError) as refused:
        resolve_conflict(
            town.office.db, town.office.user("clerk"), number, "  ", wall=town.office.wall
        )
    assert refused.value.code == "conflict_note_missing"


# -- late arrivals -------------------------------------------------------------------------------


@BOTH_ORDERS
def test_files_imported_in_either_order_give_the_same_case(
    town: Township, office_first: bool
) -> None:
    number = new_case(town, *ASSIGNED)
    office_at, laptop_at = (EARLY, LATE) if office_first else (LATE, EARLY)
    returned = step(town.office, "clerk", number, Request(Action.RETURN, reason="退回"), office_at)
    signed = step(town.zfzd, "officer_zfzd", number, Request(Action.SIGN), laptop_at)
    extend = Request(Action.EXTEND, days=3, reason="需协调")
    extended = step(town.zfzd, "officer_zfzd", number, extend, laptop_at)
    folder = town.folder / "late"
    folder.mkdir(parents=True)
    to_field = (
        town.office.export_to(town.field, folder / "office-field.tdsync").path,
        town.zfzd.export_to(town.field, folder / "zfzd-field.tdsync").path,
    )
    to_spare = (
        town.zfzd.export_to(town.spare, folder / "zfzd-spare.tdsync").path,
        town.office.export_to(town.spare, folder / "office-spare.tdsync").path,
    )
    field_results = [town.field.import_file(path) for path in to_field]
    spare_results = [town.spare.import_file(path) for path in to_spare]

    # the device that saw the later steps first replays the case when the earlier arrives
    late_first = town.spare if office_first else town.field
    replays = [r.replayed_cases for r in (spare_results if office_first else field_results)]
    assert replays == [0, 1], late_first.path.parent.name
    in_order = field_results if office_first else spare_results
    assert [r.replayed_cases for r in in_order] == [0, 0]

    settle_pair(town, town.office, town.zfzd)
    assert_same_everywhere(
        number, town.office, town.zfzd, town.field, town.spare, events=(returned, signed, extended)
    )
    for node in (town.office, town.zfzd, town.field, town.spare):
        assert the_case(node, number)["status"] == "pending_triage"
        assert the_case(node, number)["conflict"] == 1
    assert_rebuild_agrees(town.field)
    assert_rebuild_agrees(town.spare)


def test_an_import_that_replays_a_case_equals_a_rebuild(town: Township) -> None:
    """Many late steps on several cases, then one file that reaches back before them all."""
    numbers = [new_case(town, *HANDLING) for _ in range(3)]
    for number in numbers:  # the squad is quick and its clock is ahead
        step(town.zfzd, "officer_zfzd", number, Request(Action.FEEDBACK, note="已处理"), LATE)
    for number in numbers:  # the office's steps are earlier in the merged order
        extend = Request(Action.EXTEND, days=2, reason="等待")
        step(town.office, "clerk", number, extend, EARLY)
    send(town.zfzd, town.spare, town.folder / "replay")
    summary = send(town.office, town.spare, town.folder / "replay")
    assert summary.replayed_cases == 3
    assert summary.preview["new_conflicts"] == 3
    send(town.zfzd, town.office, town.folder / "replay")
    for number in numbers:
        assert_same_everywhere(number, town.office, town.spare)
        assert case_by_number(town.spare.db, number).status == "feedback"
    assert_rebuild_agrees(town.spare)


# -- reference data that due times depend on ----------------------------------------------------


CALLED_AND_REPORTED = (
    (
        "clerk",
        Request(
            Action.CALL,
            to="WJJ",
            reason="违章搭建需住建部门处置",
            override_reason="摊点涉及食品卫生，请卫健局到场",  # the lists say 执法中队
        ),
    ),
    ("clerk", Request(Action.CALL_ACK)),  # the department phones in each step
    ("clerk", Request(Action.CALL_ARRIVE)),
    ("clerk", Request(Action.CALL_DONE)),
    ("clerk", Request(Action.CALL_CONFIRM)),
    ("clerk", Request(Action.FEEDBACK, note="已拆除")),
)


@pytest.mark.parametrize("commitment_first", [True, False], ids=["commitment", "check"])
def test_a_new_response_commitment_and_a_failed_check_offline(
    town: Township, commitment_first: bool
) -> None:
    """A called department is held to its commitment: the office changes it while a grid
    worker, offline, finds the work not done (a new handling period, a new due time)."""
    number = new_case(town, *CALLED_AND_REPORTED)
    admin = town.office.user("admin")
    check = Request(Action.VERIFY, passed=False, note="仍未拆除")
    if commitment_first:
        set_response_commitment(
            town.office.db, admin, "WJJ", ResponseCommitment(30, 60, 12), wall=town.office.wall
        )
        failed = step(town.field, "wgy01", number, check, LATE)
    else:
        failed = step(town.field, "wgy01", number, check)
        later = lambda: town.office.wall() + LATE  # noqa: E731 - a minute or two ahead
        commitment = ResponseCommitment(30, 60, 12)
        set_response_commitment(town.office.db, admin, "WJJ", commitment, wall=later)
    committed = town.office.db.execute(
        "SELECT hlc FROM events WHERE type = ? ORDER BY hlc DESC LIMIT 1",
        [EventType.DEPARTMENT_RESPONSE_SET],
    ).fetchone()[0]
    checked = town.field.db.execute("SELECT hlc FROM events WHERE id = ?", [failed]).fetchone()[0]
    assert (committed < checked) == commitment_first
    town.settle(town.field, town.office, town.spare)

    assert the_case(town.office, number)["status"] == "handling"
    assert_same_everywhere(number, town.office, town.field, town.spare)
    for node in (town.office, town.field, town.spare):
        assert_rebuild_agrees(node)
