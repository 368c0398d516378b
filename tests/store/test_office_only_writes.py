"""One rule for office-only records, walked completely.

Every public function of ``app.store`` and ``app.sync`` that opens a ``writing(...)``
transaction (directly or through the functions it calls) is found by reading the code, and
must be decided here: a field step (allowed on the kinds listed, core deciding per step), a
function that makes a new database (never a laptop's), or an office write that a field
laptop refuses before writing anything. A new write function without a decision fails
``test_every_write_function_is_decided``. Below them all, the event writer refuses every
event type no laptop may originate (``core.case_path.rules.office_only``): a new event type
is covered without being listed.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

import app.store
import app.sync
from app.core.case_path.device_trust import office_only
from app.core.case_path.rules import FIELD_KINDS, may_originate
from app.core.disputes import Ruling
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.holidays import Festival
from app.core.lists import ListKind
from app.core.model import Category, Department, Grid, ResponseCommitment, Tier, Township, User
from app.core.model import Role as R
from app.core.step_limits import StepLimits
from app.store.eventlog import writing
from app.store.reference import user_by_name
from tests.clock import TestClock, frozen
from tests.store.store_helpers import full_dump
from tests.sync.conftest import OFFICE_PASSWORD, Node, enrol_laptop, open_node

ALL_KINDS = frozenset({"office", *FIELD_KINDS})

# Field steps: a laptop may call them; core decides each step (``check_field``,
# ``may_originate``) and the writer checks who acts (``may_act_on``).
FIELD_WRITES: dict[str, frozenset[str]] = {
    "app.store.cases.register_case": ALL_KINDS,
    "app.store.case_actions.act": ALL_KINDS,
    # a case's parties: the office, and the unit handling it on its own laptop
    "app.store.parties.add_party": frozenset({"office", "department"}),
    "app.store.parties.remove_party": frozenset({"office", "department"}),
    "app.sync.applying.apply": ALL_KINDS,  # others' events, and its own evidence receipt
    "app.sync.files.import_file": ALL_KINDS,  # the same, for a file checked here
    "app.sync.enrolment.join": frozenset(FIELD_KINDS),  # the office's bootstrap, applied
    # the keys; it writes only on the office's first use (establish_office, below)
    "app.sync.enrolment.unlock": ALL_KINDS,
    # a re-enrolled laptop registers again the cases the office never received
    "app.sync.carry_over.carry_over": frozenset(FIELD_KINDS),
}
# They make a new database, which is the office's by construction (a laptop's database is
# made by joining, from the office's bootstrap file).
NEW_DATABASE = frozenset(
    {
        "app.store.setup.initialise_township",
        "app.store.demo.township.build_demo",
        "app.store.new_township.create_township",
    }
)


def _office_writes(laptop: Node, tmp: Path) -> dict[str, Callable[[], object]]:
    """Each office write, tried on a field laptop by its strongest user."""
    db, admin, leader = laptop.db, laptop.user("admin"), laptop.user("leader")
    unit = Department("LYZ", "林业站", "林业站", Tier.X)
    grid = Grid("G99", "新网格", "青石村")
    category = Category("99", "新类别", None)
    new_user = User("", "newbie", "新人", R.CLERK, "ZHZF")
    year = Festival(("元旦",), date(2035, 1, 1), date(2035, 1, 1))
    from app.store import (
        assessment,
        base_data,
        base_data_import,
        calendar_days,
        case_actions,
        devices,
        disputes,
        lists,
        meetings,
        police_transfers,
        setup,
        step_limits,
    )
    from app.sync import enrolment

    w = frozen
    return {
        "app.store.assessment.set_assessment_weights": lambda: assessment.set_assessment_weights(
            db, admin, {"rework_rate": 10}, wall=w
        ),
        "app.store.step_limits.set_step_limits": lambda: step_limits.set_step_limits(
            db, admin, "0101", StepLimits(verify_days=5), wall=w
        ),
        "app.store.base_data.set_township_profile": lambda: base_data.set_township_profile(
            db, admin, Township("青石镇", "QSZ"), wall=w
        ),
        "app.store.police_transfers.set_deciders": lambda: police_transfers.set_deciders(
            db, admin, "leader", None, wall=w
        ),
        "app.store.base_data.save_department": lambda: base_data.save_department(
            db, admin, unit, new=True, wall=w
        ),
        "app.store.base_data.save_grid": lambda: base_data.save_grid(
            db, admin, grid, new=True, wall=w
        ),
        "app.store.base_data.save_category": lambda: base_data.save_category(
            db, admin, category, new=True, wall=w
        ),
        "app.store.base_data.save_user": lambda: base_data.save_user(
            db, admin, new_user, new=True, wall=w, password="first-pass1"
        ),
        "app.store.base_data.reset_password": lambda: base_data.reset_password(
            db, admin, "leader", "another1", wall=w
        ),
        "app.store.base_data.change_own_password": lambda: base_data.change_own_password(
            db, admin, "admin123", "another1", wall=w
        ),
        "app.store.base_data_import.import_base_data": lambda: base_data_import.import_base_data(
            db, admin, base_data_import.standard_set(), wall=w
        ),
        "app.store.base_data.split_category": lambda: base_data.split_category(
            db, admin, "0402", [("040201", "建筑施工噪声"), ("040202", "社会生活噪声")], wall=w
        ),
        "app.store.calendar_days.set_day": lambda: calendar_days.set_day(
            db, admin, "2099-01-05", False, wall=w
        ),
        "app.store.calendar_days.set_year": lambda: calendar_days.set_year(
            db, admin, 2035, [year], wall=w
        ),
        "app.store.calendar_days.set_office_hours": lambda: calendar_days.set_office_hours(
            db, admin, "08:00", "17:00", wall=w
        ),
        "app.store.setup.set_response_commitment": lambda: setup.set_response_commitment(
            db, admin, "YJJ", ResponseCommitment(), wall=w
        ),
        "app.store.case_actions.resolve_conflict": lambda: case_actions.resolve_conflict(
            db, leader, _a_case_number(laptop), "已核实", wall=w
        ),
        "app.store.devices.revoke_device": lambda: devices.revoke_device(
            db, admin, laptop.keys.device_id, "丢失", wall=w
        ),
        "app.store.disputes.refer_dispute": lambda: disputes.refer_dispute(
            db, leader, "any", "any-meeting", wall=w
        ),
        "app.store.disputes.decide_dispute": lambda: disputes.decide_dispute(
            db, leader, "any", Ruling("ZFZD", reasoning="依清单"), wall=w
        ),
        "app.store.disputes.withdraw_dispute": lambda: disputes.withdraw_dispute(
            db, leader, "any", "会议延期", wall=w
        ),
        "app.store.lists.replace_list": lambda: lists.replace_list(
            db, admin, ListKind.BOUNDARY, ["事项编码"], [["X"]], [2], wall=w
        ),
        "app.store.lists.set_item": lambda: lists.set_item(
            db, admin, ListKind.BOUNDARY, "QS-XZCF-001", {"牵头部门": "派出所"}, wall=w
        ),
        "app.store.lists.load_sample_lists": lambda: lists.load_sample_lists(db, admin, wall=w),
        "app.store.meetings.set_members": lambda: meetings.set_members(db, leader, ["PCS"], wall=w),
        "app.store.meetings.schedule_meeting": lambda: meetings.schedule_meeting(
            db, leader, "2099-01-05 09:30", "会议室", "刘建军", ["PCS"], wall=w
        ),
        "app.store.meetings.set_agenda": lambda: meetings.set_agenda(db, leader, "m", [], wall=w),
        "app.store.meetings.record_minutes": lambda: meetings.record_minutes(
            db, leader, "m", "纪要", [], wall=w
        ),
        "app.store.meetings.mark_done": lambda: meetings.mark_done(
            db, leader, "d", "已办结", wall=w
        ),
        "app.store.demo.meetings.hold_demo_meetings": lambda: _hold_demo_meetings(laptop),
        "app.sync.enrolment.establish_office": lambda: enrolment.establish_office(
            db, laptop.path, "password-1", wall=w
        ),
        "app.sync.enrolment.enrol": lambda: enrolment.enrol(
            db,
            laptop.blobs,
            laptop.keys,
            admin,
            "另一台",
            "grid-worker",
            None,
            "pw-123456",
            tmp / "x.tdenrol",
            wall=w,
        ),
    }


def _a_case_number(laptop: Node) -> str:
    return laptop.db.execute("SELECT number FROM cases ORDER BY number LIMIT 1").fetchone()[0]


def _hold_demo_meetings(laptop: Node) -> None:
    from app.store.demo.meetings import hold_demo_meetings

    hold_demo_meetings(laptop.db, frozen())


# -- discovery -------------------------------------------------------------------------------


def _modules(package: ModuleType) -> Iterator[ModuleType]:
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        yield importlib.import_module(info.name)


def discovered_writes() -> set[str]:
    """Public functions that open ``writing(`` themselves or through what they call (any
    function of the store or sync, public or private), by a fixed point over the sources."""
    functions: dict[str, tuple[ModuleType, Callable[..., object], str]] = {}
    for package in (app.store, app.sync):
        for module in _modules(package):
            for name, value in vars(module).items():
                if inspect.isfunction(value) and value.__module__ == module.__name__:
                    key = f"{module.__name__}.{name}"
                    functions[key] = (module, value, inspect.getsource(value))
    writes = {k for k, (_m, _f, src) in functions.items() if re.search(r"\bwriting\(", src)}
    writes.discard("app.store.eventlog.writing")
    by_object = {id(f): k for k, (_m, f, _s) in functions.items()}
    changed = True
    while changed:
        changed = False
        for key, (module, _f, source) in functions.items():
            if key in writes:
                continue
            for called in re.findall(r"\b([A-Za-z_]\w*)\(", source):
                target = vars(module).get(called)
                if target is not None and by_object.get(id(target)) in writes:
                    writes.add(key)
                    changed = True
                    break
    return {k for k in writes if not k.rsplit(".", 1)[1].startswith("_")}


def test_every_write_function_is_decided() -> None:
    office_writes = _office_write_names()
    decided = set(FIELD_WRITES) | NEW_DATABASE | office_writes
    found = discovered_writes()
    assert "app.store.calendar_days.set_day" in found  # the discovery itself works
    undecided = found - decided
    assert not undecided, f"write functions with no office-only decision: {sorted(undecided)}"
    stale = decided - found
    assert not stale, f"decided but no longer writing (or renamed): {sorted(stale)}"


def _office_write_names() -> set[str]:
    source = inspect.getsource(_office_writes)
    return set(re.findall(r'"(app\.[\w.]+)":', source))


# -- every office write, on a laptop -----------------------------------------------------------

OFFICE_WRITES = sorted(_office_write_names())
REFUSALS = {
    "field_device_cannot",  # the early, polite refusal (require_office, check_field)
    "field_device_cannot_record",  # the event writer's (check_origin)
    "conflict_office_only",
    "device_office_only",
}


@pytest.fixture(scope="module")
def laptop_template(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> Path:
    """A department laptop (派出所) joined to the demo office, made once for the module."""
    import shutil

    folder = tmp_path_factory.mktemp("office-only")
    office_path = folder / "office" / "towndesk.sqlite3"
    office_path.parent.mkdir()
    shutil.copy2(demo_template, office_path)
    office = open_node(office_path, OFFICE_PASSWORD, TestClock(tick_ms=1).wall)
    laptop = enrol_laptop(office, folder / "laptop", "派出所终端", "department", "PCS")
    laptop.db.close()
    office.db.close()
    return folder


@pytest.fixture
def laptop(laptop_template: Path, tmp_path: Path) -> Iterator[Node]:
    import shutil

    shutil.copytree(laptop_template / "laptop", tmp_path / "laptop")
    from tests.sync.conftest import LAPTOP_PASSWORD

    node = open_node(tmp_path / "laptop" / "towndesk.sqlite3", LAPTOP_PASSWORD)
    yield node
    node.db.close()


@pytest.mark.parametrize("name", OFFICE_WRITES)
def test_a_laptop_refuses_every_office_write_and_writes_nothing(
    laptop: Node, tmp_path: Path, name: str
) -> None:
    before = full_dump(laptop.db)
    with pytest.raises(DomainError) as caught:
        _office_writes(laptop, tmp_path)[name]()
    assert caught.value.code in REFUSALS, caught.value.text()
    assert any(word in str(caught.value) for word in ("终端", "综合执法办", "办公室"))
    assert full_dump(laptop.db) == before


OFFICE_ONLY_TYPES = sorted(
    t for t in vars(EventType).values() if isinstance(t, str) and "." in t and office_only(t)
)


@pytest.mark.parametrize("event_type", OFFICE_ONLY_TYPES)
def test_the_writer_refuses_every_office_only_event_on_a_laptop(
    laptop: Node, event_type: str
) -> None:
    """Below every function: a write function that forgot ``require_office`` (or one not
    written yet) still cannot put an office-only event in a laptop's chain."""
    officer = user_by_name(laptop.db, "officer_pcs")
    before = full_dump(laptop.db)
    with pytest.raises(DomainError) as caught, writing(laptop.db, frozen) as writer:
        writer.append(officer.id, "x", "x", event_type, {})
    assert caught.value.code == "field_device_cannot_record"
    assert "部门终端不能产生只属于办公室的记录" in str(caught.value)
    assert full_dump(laptop.db) == before


def test_office_only_is_what_no_laptop_may_originate() -> None:
    """The writer's rule and the importer's (``may_originate``) are one: the types the
    office alone makes are exactly those no field kind may make."""
    every = [t for t in vars(EventType).values() if isinstance(t, str) and "." in t]
    for event_type in every:
        nobody = not any(may_originate(kind, event_type) for kind in FIELD_KINDS)
        assert office_only(event_type) == nobody
    assert {
        EventType.CALENDAR_DAY_SET,
        EventType.OFFICE_HOURS_SET,
        EventType.DEPARTMENT_RESPONSE_SET,
        EventType.USER_ADDED,
        EventType.USER_PASSWORD_SET,
        EventType.DEVICE_ENROLLED,
        EventType.LIST_ITEM_SET,
        EventType.DISPUTE_DECIDED,
        EventType.MEETING_SCHEDULED,
        EventType.CASE_CONFLICT_RESOLVED,
    } <= set(OFFICE_ONLY_TYPES)
    assert EventType.CASE_REGISTERED not in OFFICE_ONLY_TYPES
