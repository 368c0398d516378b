"""The trust model of sync (README, "Devices and keys", "Sync files", "Any order, same
state"): what a signed file may carry is decided by the township's own records, never by the
file. A laptop running a modified program signs with its real key, so every check below
must hold behind a valid signature:

- a laptop may only originate the events its kind may make (core/case_path/rules.py may_originate);
- an enrolment file is sealed: its bootstrap cannot be swapped or altered;
- a step is judged by its officer's real unit (the users table), not the unit it claims;
- a laptop's clock cannot drag the office's clock days ahead;
- a revoked device is never relayed beyond what the office vouched for;
- a well-signed but malformed file is refused as damaged, never with a raw exception.

Every refusal leaves the receiving database exactly as it was (``full_dump``).
"""

from __future__ import annotations

import base64
import json
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app.core.calendar import WorkCalendar
from app.core.case_path.context import Context
from app.core.case_path.decide import Request
from app.core.case_path.projection import CaseRows, project_case
from app.core.case_path.steps import Action, Actor
from app.core.clock import hlc_ms, local_text
from app.core.errors import DomainError
from app.core.events import GENESIS_HASH, Event, EventType
from app.core.intake import IntakeRequest
from app.core.model import Role
from app.store.case_actions import act
from app.store.cases import case_by_number, register_case
from app.store.devices import last_trusted_seq, revoke_device
from app.store.eventlog import EventWriter, writing
from app.store.setup import add_user
from app.sync.applying import CLOCK_LEAD_MS
from app.sync.enrolment import enrol, join
from app.sync.files import verify_file
from app.sync.keys import CHEAP, key_file_beside
from tests.clock import frozen
from tests.sync import forge
from tests.sync.conftest import LAPTOP_PASSWORD, Node, enrol_laptop
from tests.sync.conftest import dump_but_refusals as full_dump  # a refusal notes only itself

CHINESE = re.compile(r"[\u4e00-\u9fff]")
DAY_MS = 24 * 3600 * 1000


# -- helpers --------------------------------------------------------------------------------


def refused(node: Node, source: Path, code: str, verify: bool = True) -> DomainError:
    """``source`` must be refused by ``node`` with ``code``, in Chinese, changing nothing
    (``verify_file`` refuses it too, unless ``verify`` is False)."""
    before = full_dump(node.db)
    if verify:
        with pytest.raises(DomainError) as checked:
            verify_file(node.db, node.blobs, node.keys, source)
        assert checked.value.code == code, str(checked.value)
    with pytest.raises(DomainError) as imported:
        node.import_file(source)
    error = imported.value
    assert error.code == code, str(error)
    assert CHINESE.search(str(error)), str(error)
    assert full_dump(node.db) == before
    return error


def send(sender: Node, receiver: Node, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return sender.export_to(receiver, folder / f"{name}.tdsync").path


def case_id_of(node: Node, status: str) -> tuple[str, str]:
    """(id, last event id) of the first case in ``status`` on ``node``."""
    row = node.db.execute(
        "SELECT id, last_event_id FROM cases WHERE status = ? ORDER BY number LIMIT 1", [status]
    ).fetchone()
    assert row is not None, status
    return row[0], row[1]


def dispatched(
    office: Node, unit: str, description: str, category: str = "0101"
) -> tuple[str, str]:
    """A new case of ``category`` dispatched at the office to ``unit``, the unit the lists
    suggest for it: (case id, number)."""
    case = office.report(description, category=category)
    act(
        office.db,
        office.blobs,
        office.user("clerk"),
        case.number,
        Request(Action.DISPATCH, to=unit),
        wall=office.wall,
    )
    return case.id, case.number


def events_of_device(node: Node, device_id: str) -> int:
    row = node.db.execute("SELECT count(*) FROM events WHERE device_id = ?", [device_id])
    return int(row.fetchone()[0])


def recipients(receiver: Node) -> list[str]:
    escrow = receiver.db.execute("SELECT escrow_key FROM township").fetchone()[0]
    return [receiver.keys.public.box_key, escrow]


# -- 1. a laptop may originate only its own kinds of event -----------------------------------

Forger = Callable[[EventWriter, Node, Node], None]  # writer on the laptop, laptop, office


def _user_added(w: EventWriter, laptop: Node, office: Node) -> None:
    add_user(w, laptop.user("grid").id, "boss", "新管理员", Role.ADMINISTRATOR, "ZHB", "pw-123456")


def _response_set(w: EventWriter, laptop: Node, office: Node) -> None:
    payload = {"acknowledge_minutes": 1, "arrive_minutes": 1, "handle_days": 1}
    w.append(
        laptop.user("admin").id, "department", "YJJ", EventType.DEPARTMENT_RESPONSE_SET, payload
    )


def _calendar_day(w: EventWriter, laptop: Node, office: Node) -> None:
    payload = {"working": False, "note": "自行放假"}
    w.append(laptop.user("admin").id, "calendar", "2026-12-01", EventType.CALENDAR_DAY_SET, payload)


def _office_hours(w: EventWriter, laptop: Node, office: Node) -> None:
    payload = {"start": "10:00", "end": "11:00"}
    w.append(
        laptop.user("admin").id, "calendar", "office_hours", EventType.OFFICE_HOURS_SET, payload
    )


def _revoke_office(w: EventWriter, laptop: Node, office: Node) -> None:
    payload = {"reason": "夺权", "last_trusted_seq": 0}
    w.append(laptop.user("admin").id, "device", office.id, EventType.DEVICE_REVOKED, payload)


def _revoke_other_laptop(w: EventWriter, laptop: Node, office: Node) -> None:
    other = laptop.db.execute(
        "SELECT id FROM devices WHERE kind != 'office' AND id != ?", [laptop.id]
    ).fetchone()[0]
    payload = {"reason": "排挤", "last_trusted_seq": 0}
    w.append(laptop.user("admin").id, "device", other, EventType.DEVICE_REVOKED, payload)


def _enrol_device(w: EventWriter, laptop: Node, office: Node) -> None:
    payload = {
        "code": "ZZ",
        "name": "私设终端",
        "kind": "office",
        "department": None,
        "sign_key": laptop.keys.public.sign_key,
        "box_key": laptop.keys.public.box_key,
    }
    w.append(laptop.user("admin").id, "device", "rogue", EventType.DEVICE_ENROLLED, payload)


def _conflict_resolved(w: EventWriter, laptop: Node, office: Node) -> None:
    case_id, last = case_id_of(laptop, "pending_triage")
    payload = {"events": [last], "note": "以本机为准", "by_unit": "ZHB"}
    w.append(laptop.user("clerk").id, "case", case_id, EventType.CASE_CONFLICT_RESOLVED, payload)


def _dispatch(w: EventWriter, laptop: Node, office: Node) -> None:
    case_id, last = case_id_of(laptop, "pending_triage")
    payload = {
        "by_unit": "ZHB",
        "route": "X",
        "lead_unit": "ZFZD",
        "cooperating_units": [],
        "basis": last,
    }
    w.append(laptop.user("clerk").id, "case", case_id, "case.dispatch", payload)


def _close(w: EventWriter, laptop: Node, office: Node) -> None:
    case_id, last = case_id_of(laptop, "handling")
    payload = {"by_unit": "ZHB", "basis": last}
    w.append(laptop.user("clerk").id, "case", case_id, "case.close", payload)


def _sign(w: EventWriter, laptop: Node, office: Node) -> None:
    """A department's step: not a grid worker laptop's to take."""
    case_id, last = case_id_of(laptop, "assigned")
    payload = {"by_unit": "ZFZD", "basis": last}
    w.append(laptop.user("officer_zfzd").id, "case", case_id, "case.sign", payload)


def _verify(w: EventWriter, laptop: Node, office: Node) -> None:
    """A grid worker's step: not a department laptop's to take."""
    case_id, last = case_id_of(laptop, "handling")
    payload = {"by_unit": "ZHB", "passed": True, "note": "", "photos": [], "basis": last}
    w.append(laptop.user("grid").id, "case", case_id, "case.verify", payload)


def _unknown_type(w: EventWriter, laptop: Node, office: Node) -> None:
    w.append(laptop.user("grid").id, "township", "township", "township.renamed", {"name": "x"})


GRID_WORKER_FORBIDDEN: dict[str, Forger] = {
    "user-added-administrator": _user_added,
    "department-response-set": _response_set,
    "calendar-day-set": _calendar_day,
    "office-hours-set": _office_hours,
    "device-revoked-office": _revoke_office,
    "device-revoked-other-laptop": _revoke_other_laptop,
    "device-enrolled": _enrol_device,
    "case-conflict-resolved": _conflict_resolved,
    "case-dispatch": _dispatch,
    "case-close": _close,
    "case-sign": _sign,
    "unknown-type": _unknown_type,
}
DEPARTMENT_FORBIDDEN: dict[str, Forger] = {
    "user-added-administrator": _user_added,
    "calendar-day-set": _calendar_day,
    "case-conflict-resolved": _conflict_resolved,
    "case-dispatch": _dispatch,
    "case-verify": _verify,
}


@pytest.fixture
def two_laptops(office: Node, tmp_path: Path) -> Iterator[tuple[Node, Node]]:
    """A grid worker's laptop that knows another laptop (enrolled before it), and a case
    dispatched at the office, waiting to be signed for."""
    dispatched(office, "ZFZD", "人行道被摊位占用")
    other = enrol_laptop(office, tmp_path / "other", "锦绣社区网格终端")
    laptop = enrol_laptop(office, tmp_path / "laptop", "青石村网格终端")
    yield laptop, other
    for node in (laptop, other):
        node.db.close()


@pytest.mark.parametrize("forged", GRID_WORKER_FORBIDDEN.values(), ids=GRID_WORKER_FORBIDDEN)
def test_a_grid_worker_laptop_cannot_send_what_only_the_office_makes(
    office: Node, two_laptops: tuple[Node, Node], tmp_path: Path, forged: Forger
) -> None:
    laptop, _ = two_laptops
    laptop.report("路口占道经营")  # an honest event in the same file: refused with the rest
    with forge.tampered_writing(laptop.db, laptop.wall) as w:
        forged(w, laptop, office)
    up = send(laptop, office, tmp_path / "files", "up")
    error = refused(office, up, "sync_event_not_allowed")
    assert "越权记录" in str(error)
    assert "青石村网格终端" in str(error)


@pytest.mark.parametrize("forged", DEPARTMENT_FORBIDDEN.values(), ids=DEPARTMENT_FORBIDDEN)
def test_a_department_laptop_cannot_send_office_or_grid_worker_events(
    office: Node, tmp_path: Path, forged: Forger
) -> None:
    dispatched(office, "ZFZD", "人行道被摊位占用")
    laptop = enrol_laptop(office, tmp_path / "dept", "执法中队终端", "department", "ZFZD")
    try:
        with forge.tampered_writing(laptop.db, laptop.wall) as w:
            forged(w, laptop, office)
        up = send(laptop, office, tmp_path / "files", "up")
        assert "执法中队终端" in str(refused(office, up, "sync_event_not_allowed"))
    finally:
        laptop.db.close()


def test_the_field_steps_of_each_laptop_are_accepted(office: Node, tmp_path: Path) -> None:
    """The control: the same path (events written on the laptop, exported, imported)
    carries a department's sign-for and report-back and a grid worker's report."""
    _, number = dispatched(office, "ZFZD", "人行道被摊位占用")
    dept = enrol_laptop(office, tmp_path / "dept", "执法中队终端", "department", "ZFZD")
    grid = enrol_laptop(office, tmp_path / "grid", "青石村网格终端")
    try:
        officer = dept.user("officer_zfzd")
        act(dept.db, dept.blobs, officer, number, Request(Action.SIGN), wall=dept.wall)
        act(
            dept.db,
            dept.blobs,
            officer,
            number,
            Request(Action.FEEDBACK, note="已清理"),
            wall=dept.wall,
        )
        office.import_file(send(dept, office, tmp_path / "files", "dept"))
        assert case_by_number(office.db, number).status == "feedback"
        reported = grid.report("小区门口垃圾堆放")
        summary = office.import_file(send(grid, office, tmp_path / "files", "grid"))
        assert summary.preview["new_cases"] == 1
        assert case_by_number(office.db, reported.number).description == "小区门口垃圾堆放"
    finally:
        dept.db.close()
        grid.db.close()


# -- 2. the enrolment file is sealed ---------------------------------------------------------


def _enrolment(office: Node, target: Path, name: str) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    admin = office.user("admin")
    enrol(
        office.db,
        office.blobs,
        office.keys,
        admin,
        name,
        "grid-worker",
        None,
        LAPTOP_PASSWORD,
        target,
        CHEAP,
        wall=office.wall,
    )
    return target


@pytest.fixture
def enrolments(office: Node, tmp_path: Path) -> tuple[Path, Path]:
    """Two genuine enrolment files of the same office."""
    one = _enrolment(office, tmp_path / "one" / "enrol.tdenrol", "青石村网格终端")
    two = _enrolment(office, tmp_path / "two" / "enrol.tdenrol", "锦绣社区网格终端")
    return one, two


def _content(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_bytes()))


def _flipped(text: str) -> str:
    data = bytearray(base64.b64decode(text))
    data[len(data) // 2] ^= 0x01
    return base64.b64encode(bytes(data)).decode()


def _tampered(one: Path, two: Path, how: str) -> bytes:
    content, other = _content(one), _content(two)
    if how == "bootstrap-of-another-enrolment":
        content["bootstrap"] = other["bootstrap"]
    elif how == "identity-of-another-enrolment":
        content["identity"] = other["identity"]
    elif how == "bootstrap-byte-flipped":
        content["bootstrap"] = _flipped(content["bootstrap"])
    elif how == "bootstrap-truncated":
        raw = base64.b64decode(content["bootstrap"])
        content["bootstrap"] = base64.b64encode(raw[: len(raw) // 2]).decode()
    elif how == "bootstrap-empty":
        content["bootstrap"] = ""
    else:
        raise AssertionError(how)
    return json.dumps(content).encode()


def _garbage(one: Path, how: str) -> bytes:
    content = _content(one)
    if how == "random-bytes":
        return bytes(range(256)) * 4
    if how == "empty":
        return b""
    if how == "json-list":
        return b"[1, 2, 3]"
    if how == "other-format":
        return json.dumps(content | {"format": "towndesk-backup"}).encode()
    if how == "no-format":
        return json.dumps({k: v for k, v in content.items() if k != "format"}).encode()
    if how == "no-identity":
        return json.dumps({k: v for k, v in content.items() if k != "identity"}).encode()
    if how == "no-bootstrap":
        return json.dumps({k: v for k, v in content.items() if k != "bootstrap"}).encode()
    if how == "identity-not-base64":
        return json.dumps(content | {"identity": "这不是base64!!"}).encode()
    if how == "bootstrap-not-base64":
        return json.dumps(content | {"bootstrap": content["bootstrap"][:-3] + "*=="}).encode()
    if how == "bootstrap-a-number":
        return json.dumps(content | {"bootstrap": 12345}).encode()
    raise AssertionError(how)


def join_refused(source: Path, folder: Path, code: str, password: str = LAPTOP_PASSWORD) -> str:
    """Joining with ``source`` fails with ``code`` and leaves no database, key file or
    evidence folder behind."""
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / "towndesk.sqlite3"
    with pytest.raises(DomainError) as error:
        join(source, database, password, CHEAP, wall=frozen)
    assert error.value.code == code, str(error.value)
    assert CHINESE.search(str(error.value)), str(error.value)
    assert sorted(p.name for p in folder.iterdir()) == []
    assert not key_file_beside(database).exists()
    return str(error.value)


@pytest.mark.parametrize(
    "how",
    [
        "bootstrap-of-another-enrolment",
        "identity-of-another-enrolment",
        "bootstrap-byte-flipped",
        "bootstrap-truncated",
        "bootstrap-empty",
    ],
)
def test_a_tampered_enrolment_is_refused_and_leaves_nothing(
    office: Node, enrolments: tuple[Path, Path], tmp_path: Path, how: str
) -> None:
    one, two = enrolments
    forged = tmp_path / "forged.tdenrol"
    forged.write_bytes(_tampered(one, two, how))
    before = full_dump(office.db)
    text = join_refused(forged, tmp_path / "joining", "enrolment_damaged")
    assert "不是有效的设备注册文件" in text
    assert "forged.tdenrol" in text
    assert full_dump(office.db) == before
    # the genuine file still joins (the control)
    shutil.rmtree(tmp_path / "joining")
    (tmp_path / "joining").mkdir()
    join(one, tmp_path / "joining" / "towndesk.sqlite3", LAPTOP_PASSWORD, CHEAP, wall=frozen)


@pytest.mark.parametrize(
    "how",
    [
        "random-bytes",
        "empty",
        "json-list",
        "other-format",
        "no-format",
        "no-identity",
        "no-bootstrap",
        "identity-not-base64",
        "bootstrap-not-base64",
        "bootstrap-a-number",
    ],
)
def test_an_enrolment_file_that_is_not_one_is_damaged(
    enrolments: tuple[Path, Path], tmp_path: Path, how: str
) -> None:
    bad = tmp_path / "bad.tdenrol"
    bad.write_bytes(_garbage(enrolments[0], how))
    text = join_refused(bad, tmp_path / "joining", "enrolment_damaged")
    assert "不是有效的设备注册文件" in text


def test_an_enrolment_with_the_wrong_password_is_refused(
    enrolments: tuple[Path, Path], tmp_path: Path
) -> None:
    text = join_refused(
        enrolments[0], tmp_path / "joining", "key_password_wrong", password="wrong-password"
    )
    assert "口令不正确" in text


def test_a_missing_enrolment_file_is_named(tmp_path: Path) -> None:
    text = join_refused(tmp_path / "nowhere.tdenrol", tmp_path / "joining", "enrolment_missing")
    assert "nowhere.tdenrol" in text


# -- 3. a step is judged by its officer's real unit ------------------------------------------


def test_a_step_claiming_another_unit_is_judged_by_the_officers_own(
    office: Node, tmp_path: Path
) -> None:
    """officer_zfzd (执法中队) signs for a case led by 市场监管所 on a squad laptop whose
    program stamps the step with by_unit SCJG: a rival everywhere, the case stays assigned."""
    theirs, _ = dispatched(office, "SCJG", "无证经营食品摊点", "0501")  # 无照经营
    ours, _ = dispatched(office, "ZFZD", "人行道被摊位占用")
    laptop = enrol_laptop(office, tmp_path / "dept", "执法中队终端", "department", "ZFZD")
    try:
        officer = laptop.user("officer_zfzd")
        with forge.tampered_writing(laptop.db, laptop.wall) as w:
            claim = {"by_unit": "SCJG", "basis": last_event_of(laptop, theirs)}
            forged = w.append(officer.id, "case", theirs, "case.sign", claim)
            # the control: the same path, on the officer's own unit's case
            own = {"by_unit": "ZFZD", "basis": last_event_of(laptop, ours)}
            honest = w.append(officer.id, "case", ours, "case.sign", own)
        office.import_file(send(laptop, office, tmp_path / "files", "up"))
        for node in (laptop, office):
            assert case_row(node, theirs) == ("assigned", "SCJG", 1, False)
            conflicts = node.db.execute(
                "SELECT event_id, kind, resolved_by FROM case_conflicts WHERE case_id = ?",
                [theirs],
            ).fetchall()
            assert conflicts == [(forged.id, "rival", None)]
            assert case_row(node, ours) == ("handling", "ZFZD", 0, True)
            assert last_event_of(node, ours) == honest.id
    finally:
        laptop.db.close()


def last_event_of(node: Node, case_id: str) -> str:
    row = node.db.execute("SELECT last_event_id FROM cases WHERE id = ?", [case_id]).fetchone()
    return str(row[0])


def case_row(node: Node, case_id: str) -> tuple[str, str, int, bool]:
    """(status, lead unit, conflict flag, signed for)."""
    row = node.db.execute(
        "SELECT status, lead_unit, conflict, signed_at IS NOT NULL FROM cases WHERE id = ?",
        [case_id],
    ).fetchone()
    return row[0], row[1], row[2], bool(row[3])


# -- 4. a laptop's clock cannot drag the office's --------------------------------------------


def test_a_laptop_ten_days_ahead_does_not_drag_the_offices_clock(
    office: Node, laptop: Node, tmp_path: Path
) -> None:
    ahead = 10 * DAY_MS
    leaf = laptop.db.execute(
        "SELECT code FROM categories WHERE parent_code IS NOT NULL ORDER BY code"
    ).fetchone()[0]
    case = register_case(
        laptop.db,
        laptop.blobs,
        laptop.user("grid"),
        IntakeRequest(leaf, "G01", "夜间施工噪音扰民"),
        wall=lambda: laptop.wall() + ahead,
    )
    future = laptop.db.execute("SELECT hlc FROM events WHERE entity_id = ?", [case.id]).fetchone()
    assert hlc_ms(future[0]) > office.wall() + 9 * DAY_MS  # the laptop's clock really is ahead

    office.import_file(send(laptop, office, tmp_path / "files", "up"))
    assert case_by_number(office.db, case.number).description == "夜间施工噪音扰民"
    last = office.db.execute("SELECT last_hlc FROM device").fetchone()[0]
    now = office.wall()
    assert hlc_ms(last) <= now + CLOCK_LEAD_MS
    assert hlc_ms(last) < now + DAY_MS + 60_000
    # the office's next own event is stamped within a day of the real clock too
    reported = office.report("广场噪音扰民")
    mine = office.db.execute("SELECT hlc FROM events WHERE entity_id = ?", [reported.id]).fetchone()
    assert hlc_ms(mine[0]) <= office.wall() + CLOCK_LEAD_MS + 1


# -- 5. the fold itself (core) ---------------------------------------------------------------

T0 = 1_795_000_000_000  # ms
CASE_ID = "case-1"
CLERK = Actor("u-clerk", Role.CLERK, "ZHB")
GRID = Actor("u-grid", Role.GRID_WORKER, "ZHB")
OFFICER_ZFZD = Actor("u-zfzd", Role.DEPARTMENT_OFFICER, "ZFZD")


def _context() -> Context:
    return Context(
        actors={a.user_id: a for a in (CLERK, GRID, OFFICER_ZFZD)},
        sign_days={"0101": 1},
        limit_days={"0101": 5},
        call_handle_days={},
        calendar=WorkCalendar(),
    )


def _event(
    seq: int, at_ms: int, actor: Actor | None, type_: str, payload: dict[str, Any], device: str
) -> Event:
    return Event(
        id=f"{device}-{seq}",
        device_id=device,
        device_seq=seq,
        hlc=at_ms << 16,
        actor_id=actor.user_id if actor else "u-nobody",
        entity="case",
        entity_id=CASE_ID,
        type=type_,
        payload=payload,
        prev_hash=GENESIS_HASH,
    ).sealed()


def _registration(at_ms: int = T0) -> Event:
    payload = {
        "number": "QS-20261118-AB0001",
        "source": "patrol",
        "category_code": "0101",
        "category_name": "占道经营",
        "grid_code": "G01",
        "description": "路口占道经营",
        "address": "",
        "urgency": "normal",
        "status": "pending_triage",
        "first_receiver_unit": "ZHB",
        "received_at": local_text(at_ms),
        "photos": [],
    }
    return _event(1, at_ms, GRID, EventType.CASE_REGISTERED, payload, "office")


def _dispatch_event(seq: int, at_ms: int, unit: str, device: str = "laptop") -> Event:
    payload = {"by_unit": "ZHB", "route": "X", "lead_unit": unit, "cooperating_units": []}
    return _event(seq, at_ms, CLERK, "case.dispatch", payload, device)


def _resolution(seq: int, at_ms: int, actor: Actor | None, settled: list[str]) -> Event:
    payload = {"events": settled, "note": "已核实", "by_unit": "ZHB"}
    return _event(seq, at_ms, actor, EventType.CASE_CONFLICT_RESOLVED, payload, "office")


def _projected(events: list[Event]) -> CaseRows:
    rows = project_case(events, _context())
    assert rows is not None
    again = project_case(list(reversed(events)), _context())  # arrival order cannot matter
    assert again == rows
    return rows


def test_a_step_stamped_before_the_registration_is_a_rival_and_the_case_still_shows() -> None:
    early = _dispatch_event(1, T0 - 60_000, "ZFZD")
    rows = _projected([_registration(), early])
    assert rows.case["number"] == "QS-20261118-AB0001"
    assert rows.case["status"] == "pending_triage"
    assert rows.case["lead_unit"] is None
    assert rows.assignments == []
    assert rows.conflicts == [{"event_id": early.id, "kind": "rival", "resolved_by": None}]
    assert rows.case["conflict"] == 1


def test_the_same_step_after_the_registration_applies() -> None:
    """The control for the test above."""
    later = _dispatch_event(1, T0 + 60_000, "ZFZD")
    rows = _projected([_registration(), later])
    assert rows.case["status"] == "assigned"
    assert rows.case["lead_unit"] == "ZFZD"
    assert rows.conflicts == []
    assert rows.case["conflict"] == 0


@pytest.mark.parametrize("resolver", [GRID, OFFICER_ZFZD, None], ids=["grid", "officer", "nobody"])
def test_a_resolution_by_someone_who_may_not_resolve_leaves_the_flag(
    resolver: Actor | None,
) -> None:
    early = _dispatch_event(1, T0 - 60_000, "ZFZD")
    resolution = _resolution(2, T0 + 60_000, resolver, [early.id])
    rows = _projected([_registration(), early, resolution])
    assert rows.conflicts == [{"event_id": early.id, "kind": "rival", "resolved_by": None}]
    assert rows.case["conflict"] == 1
    # a clerk's resolution settles it
    settled = _resolution(3, T0 + 120_000, CLERK, [early.id])
    rows = _projected([_registration(), early, resolution, settled])
    assert rows.conflicts == [{"event_id": early.id, "kind": "rival", "resolved_by": settled.id}]
    assert rows.case["conflict"] == 0


def test_the_fold_takes_the_officers_unit_from_the_records_not_the_payload() -> None:
    dispatch = _dispatch_event(2, T0 + 1_000, "SCJG", device="office")
    claim = {"by_unit": "SCJG"}
    sign = _event(1, T0 + 2_000, OFFICER_ZFZD, "case.sign", claim, "laptop")
    rows = _projected([_registration(), dispatch, sign])
    assert rows.case["status"] == "assigned"
    assert rows.case["lead_unit"] == "SCJG"
    assert rows.conflicts == [{"event_id": sign.id, "kind": "rival", "resolved_by": None}]


def test_a_registration_cannot_open_a_case_past_triage() -> None:
    registration = _registration()
    claimed = replace(registration, payload=registration.payload | {"status": "closed"}).sealed()
    rows = _projected([claimed])
    assert rows.case["status"] == "pending_triage"
    assert rows.case["finished_at"] is None


@pytest.mark.parametrize("earlier", [False, True], ids=["later", "backdated"])
def test_a_second_registration_of_a_case_is_a_rival(earlier: bool) -> None:
    first = _registration()
    again = _event(
        1,
        T0 - 60_000 if earlier else T0 + 60_000,
        GRID,
        EventType.CASE_REGISTERED,
        first.payload | {"description": "伪造的案情", "status": "closed"},
        "laptop",
    )
    dispatch = _dispatch_event(2, T0 + 120_000, "ZFZD", device="office")
    rows = _projected([first, again, dispatch])
    loser = first if earlier else again
    assert rows.conflicts == [{"event_id": loser.id, "kind": "rival", "resolved_by": None}]
    assert rows.case["conflict"] == 1
    assert rows.case["status"] == "assigned"  # the case path goes on either way


# -- 6. a revoked device is never relayed beyond what the office vouched for ----------------


@pytest.fixture
def a_and_b(office: Node, tmp_path: Path) -> Iterator[tuple[Node, Node]]:
    """Two grid worker laptops that know each other: B enrolled first, then A."""
    b = enrol_laptop(office, tmp_path / "b", "锦绣社区网格终端")
    a = enrol_laptop(office, tmp_path / "a", "青石村网格终端")
    b.import_file(send(office, b, tmp_path / "files", "a-enrolled"))  # B learns of A
    yield a, b
    for node in (a, b):
        node.db.close()


def test_a_revoked_laptops_later_events_do_not_come_in_through_another_laptop(
    office: Node, a_and_b: tuple[Node, Node], tmp_path: Path
) -> None:
    a, b = a_and_b
    files = tmp_path / "files"
    a.report("路口占道经营")
    office.import_file(send(a, office, files, "a1"))
    trusted = events_of_device(office, a.id)
    revoked = revoke_device(
        office.db, office.user("admin"), "青石村网格终端", "电脑丢失", wall=office.wall
    )
    assert last_trusted_seq(office.db, a.id) == trusted
    a.report("夜间施工噪音扰民")  # the lost laptop goes on working, and meets laptop B
    a.report("小区门口垃圾堆放")
    b.import_file(send(a, b, files, "a-to-b"))  # B has not heard of the revocation yet
    assert events_of_device(b, a.id) == trusted + 2

    # B's file relays A's later events: the office refuses the whole file
    error = refused(office, send(b, office, files, "b1"), "sync_device_revoked")
    assert revoked.name in str(error)
    assert "设备已注销" in str(error)

    # the office's file for B carries A's events only as far as the office vouched for
    down = send(office, b, files, "office-to-b")
    parts = forge.open_parts(down, b.keys)
    assert parts.manifest["provides"][a.id][1] <= trusted
    assert all(e.device_seq <= trusted for e in parts.event_list() if e.device_id == a.id)
    b.import_file(down)

    # now B knows: even a full file from B relays A only up to the limit, and imports
    full = b.export_to(office, files / "b-full.tdsync", full=True)
    parts = forge.open_parts(full.path, office.keys)
    assert parts.manifest["provides"][a.id] == [1, trusted]
    office.import_file(full.path)
    assert events_of_device(office, a.id) == trusted


def test_the_office_never_exports_a_revoked_devices_events_beyond_the_limit(
    office: Node, a_and_b: tuple[Node, Node], tmp_path: Path
) -> None:
    """The exporter's own guard: the office holds more of A than the revocation vouches
    for (written directly here, as a revocation naming an earlier limit would leave it), and
    its files relay A only up to the limit, incremental or full."""
    a, b = a_and_b
    files = tmp_path / "files"
    a.report("路口占道经营")
    office.import_file(send(a, office, files, "a1"))  # a signed head at the limit
    trusted = events_of_device(office, a.id)
    a.report("夜间施工噪音扰民")
    a.report("小区门口垃圾堆放")
    office.import_file(send(a, office, files, "a2"))
    assert events_of_device(office, a.id) == trusted + 2
    with writing(office.db, office.wall) as w:
        payload = {"reason": "电脑丢失", "last_trusted_seq": trusted}
        w.append(office.user("admin").id, "device", a.id, EventType.DEVICE_REVOKED, payload)
    assert last_trusted_seq(office.db, a.id) == trusted

    for full in (False, True):
        down = office.export_to(b, files / f"office-to-b-{full}.tdsync", full=full)
        parts = forge.open_parts(down.path, b.keys)
        assert parts.manifest["provides"][a.id] == [1, trusted]
        seqs = [e.device_seq for e in parts.event_list() if e.device_id == a.id]
        assert seqs == list(range(1, trusted + 1))
    b.import_file(down.path)
    assert events_of_device(b, a.id) == trusted
    assert not b.db.execute(
        "SELECT 1 FROM cases WHERE description IN ('夜间施工噪音扰民', '小区门口垃圾堆放')"
    ).fetchone()


# -- 7. signed but malformed: damaged, never a raw exception ----------------------------------


@pytest.fixture
def upload(office: Node, laptop: Node, tmp_path: Path) -> Path:
    """A genuine file from the laptop: one new case."""
    laptop.report("路口占道经营")
    return send(laptop, office, tmp_path / "files", "up")


def forged_event(
    office: Node,
    sender: Node,
    source: Path,
    event_type: str,
    change: Callable[[Event], Event],
    target: Path,
) -> Path:
    """``source`` (from ``sender`` to the office) with the sender's last event of
    ``event_type`` changed by ``change``, the chain resealed, its head and the manifest
    signed again with the sender's real key: only the checks after the signature can
    refuse it."""
    parts = forge.open_parts(source, office.keys)
    events = parts.event_list()
    at = max(i for i, e in enumerate(events) if e.device_id == sender.id and e.type == event_type)
    events[at] = change(events[at])
    events = forge.rechain(events, at)
    parts.set_events(events)
    last = [e for e in events if e.device_id == sender.id][-1]
    heads = [h for h in parts.manifest["heads"] if h["device_id"] != sender.id]
    parts.manifest["heads"] = [*heads, forge.signed_head(sender.keys, last.device_seq, last.hash)]
    forge.resign(parts, sender.keys)
    return forge.build(target, parts, recipients(office))


_DROP = object()


def _payload(**changes: Any) -> Callable[[Event], Event]:
    def change(event: Event) -> Event:
        payload = dict(event.payload)
        for key, value in changes.items():
            if value is _DROP:
                del payload[key]
            else:
                payload[key] = value
        return replace(event, payload=payload)

    return change


# refused while checking: ``verify_file`` refuses them as well
MALFORMED_FIELDS: dict[str, Callable[[Event], Event]] = {
    "hlc-text": lambda e: replace(e, hlc=str(e.hlc)),
    "hlc-negative": lambda e: replace(e, hlc=-1),
    "hlc-float": lambda e: replace(e, hlc=e.hlc + 0.5),
    "hlc-bool": lambda e: replace(e, hlc=True),
    "seq-text": lambda e: replace(e, device_seq=str(e.device_seq)),
    "actor-a-number": lambda e: replace(e, actor_id=7),
    "entity-id-null": lambda e: replace(e, entity_id=None),
    "type-a-list": lambda e: replace(e, type=["case.registered"]),
    "payload-a-list": lambda e: replace(e, payload=[1, 2]),
    "payload-null": lambda e: replace(e, payload=None),
    "photos-text": _payload(photos="abc"),
    "photos-a-number": _payload(photos=5),
    "photo-without-hash": _payload(photos=[{"file_name": "a.jpg"}]),
    "photo-a-number": _payload(photos=[7]),
}
# refused when the case is folded, inside the import's transaction (rolled back)
MALFORMED_PAYLOADS: dict[str, Callable[[Event], Event]] = {
    "no-number": _payload(number=_DROP),
    "no-description": _payload(description=_DROP),
    "no-received-at": _payload(received_at=_DROP),
    "number-null": _payload(number=None),
    "description-a-number": _payload(description=12345),
    "urgency-unknown": _payload(urgency="very"),
}


def test_a_resealed_unchanged_file_imports(
    office: Node, laptop: Node, upload: Path, tmp_path: Path
) -> None:
    """The control: the forging path alone changes nothing that matters."""
    forged = forged_event(
        office, laptop, upload, EventType.CASE_REGISTERED, lambda e: e, tmp_path / "x.tdsync"
    )
    assert office.import_file(forged).preview["new_cases"] == 1


@pytest.mark.parametrize("change", MALFORMED_FIELDS.values(), ids=MALFORMED_FIELDS)
def test_a_signed_event_of_the_wrong_shape_is_damage(
    office: Node, laptop: Node, upload: Path, tmp_path: Path, change: Callable[[Event], Event]
) -> None:
    target = tmp_path / "x.tdsync"
    forged = forged_event(office, laptop, upload, EventType.CASE_REGISTERED, change, target)
    assert "文件损坏" in str(refused(office, forged, "sync_damaged"))


@pytest.mark.parametrize("change", MALFORMED_PAYLOADS.values(), ids=MALFORMED_PAYLOADS)
def test_a_signed_registration_this_version_cannot_fold_is_damage(
    office: Node, laptop: Node, upload: Path, tmp_path: Path, change: Callable[[Event], Event]
) -> None:
    """Only the fold finds these: ``verify_file`` (which does not fold) lets them through,
    the import refuses the whole file and rolls back."""
    target = tmp_path / "x.tdsync"
    forged = forged_event(office, laptop, upload, EventType.CASE_REGISTERED, change, target)
    assert "文件损坏" in str(refused(office, forged, "sync_damaged", verify=False))


@pytest.mark.parametrize(
    ("event_type", "change", "verify"),
    [
        ("case.extend", _payload(days=_DROP), False),
        ("case.feedback", _payload(photos=[{"file_name": "x.jpg"}]), True),
        ("case.feedback", _payload(photos="x"), True),
    ],
    ids=["extend-without-days", "feedback-photo-without-hash", "feedback-photos-text"],
)
def test_a_signed_but_malformed_step_is_damage(
    office: Node,
    tmp_path: Path,
    event_type: str,
    change: Callable[[Event], Event],
    verify: bool,
) -> None:
    _, number = dispatched(office, "ZFZD", "人行道被摊位占用")
    laptop = enrol_laptop(office, tmp_path / "dept", "执法中队终端", "department", "ZFZD")
    try:
        officer = laptop.user("officer_zfzd")
        act(laptop.db, laptop.blobs, officer, number, Request(Action.SIGN), wall=laptop.wall)
        extend = Request(Action.EXTEND, days=3, reason="需协调产权单位")
        act(laptop.db, laptop.blobs, officer, number, extend, wall=laptop.wall)
        act(
            laptop.db,
            laptop.blobs,
            officer,
            number,
            Request(Action.FEEDBACK, note="已清理"),
            wall=laptop.wall,
        )
        up = send(laptop, office, tmp_path / "files", "up")
        forged = forged_event(office, laptop, up, event_type, change, tmp_path / "x.tdsync")
        assert "文件损坏" in str(refused(office, forged, "sync_damaged", verify=verify))
        office.import_file(up)  # the control: the genuine file imports
        assert case_by_number(office.db, number).status == "feedback"
    finally:
        laptop.db.close()


def test_a_laptop_cannot_register_a_case_as_closed(
    office: Node, laptop: Node, upload: Path, tmp_path: Path
) -> None:
    closed = _payload(status="closed")
    target = tmp_path / "x.tdsync"
    forged = forged_event(office, laptop, upload, EventType.CASE_REGISTERED, closed, target)
    office.import_file(forged)
    row = office.db.execute(
        "SELECT status, finished_at, conflict FROM cases WHERE description = '路口占道经营'"
    ).fetchone()
    assert row == ("pending_triage", None, 0)


def test_a_laptop_registering_an_office_case_again_flags_it(
    office: Node, laptop: Node, upload: Path, tmp_path: Path
) -> None:
    """A modified laptop re-registers a case it learnt from the office, backdated before the
    real registration and claiming it closed: the case is not closed, and it is flagged."""
    victim, status = office.db.execute(
        "SELECT id, status FROM cases WHERE status = 'handling' ORDER BY number LIMIT 1"
    ).fetchone()
    real = office.db.execute(
        "SELECT id, hlc FROM events WHERE entity_id = ? AND type = ?",
        [victim, EventType.CASE_REGISTERED],
    ).fetchone()

    def again(event: Event) -> Event:
        payload = event.payload | {"description": "伪造的案情", "status": "closed"}
        return replace(event, entity_id=victim, hlc=real[1] - 1, payload=payload)

    target = tmp_path / "x.tdsync"
    forged = forged_event(office, laptop, upload, EventType.CASE_REGISTERED, again, target)
    office.import_file(forged)
    row = office.db.execute("SELECT status, conflict FROM cases WHERE id = ?", [victim]).fetchone()
    assert row == (status, 1)
    rivals = {
        event_id
        for (event_id,) in office.db.execute(
            "SELECT event_id FROM case_conflicts WHERE case_id = ? AND kind = 'rival'", [victim]
        )
    }
    assert real[0] in rivals


def test_a_backdated_registration_from_another_device_cannot_take_a_case_over() -> None:
    genuine = _registration(T0)  # QS-20261118-AB0001, made on device "office" (code AB)
    forged_payload = genuine.payload | {"description": "伪造的描述", "status": "closed"}
    forged = _event(1, T0 - 60_000, GRID, EventType.CASE_REGISTERED, forged_payload, "laptop")
    ctx = replace(_context(), device_codes={"office": "AB", "laptop": "CD"})
    for events in ([genuine, forged], [forged, genuine]):
        rows = project_case(events, ctx)
        assert rows is not None
        assert rows.case["description"] == "路口占道经营"
        assert rows.case["status"] == "pending_triage"
        assert [(c["event_id"], c["kind"]) for c in rows.conflicts] == [(forged.id, "rival")]
    # without knowing the devices (before enrolment) the earliest counts, and is flagged
    unknown = project_case([genuine, forged], _context())
    assert unknown is not None and unknown.case["description"] == "伪造的描述"
    assert [c["event_id"] for c in unknown.conflicts] == [genuine.id]
