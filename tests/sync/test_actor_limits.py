"""A device's events carry only actors who may sign in on it: a grid worker's laptop its grid
workers, a department's laptop that department's officers, the office PC anyone of the
township. Core says so once (``may_act_on``); a laptop holds the passwords of its own users
only, the store refuses every write by anyone else, and the office's importer refuses a
file whose laptop events carry anyone else."""

from __future__ import annotations

from pathlib import Path

import pytest

import app.store.eventlog as eventlog
from app.core.case_path.decide import Request
from app.core.case_path.device_trust import may_act_on
from app.core.case_path.steps import Action
from app.core.errors import DomainError
from app.core.intake import IntakeRequest
from app.core.model import Role
from app.store.base_data import save_user
from app.store.case_actions import act
from app.store.cases import register_case
from app.store.signin import sign_in
from tests.clock import frozen
from tests.store.store_helpers import full_dump
from tests.sync.conftest import Node, enrol_laptop

PASSWORDS = {
    "admin": "admin123",
    "clerk": "clerk123",
    "grid": "grid123",
    "officer": "officer123",
    "officer_pcs": "officer123",
    "supervisor": "super123",
    "leader": "leader123",
}


def test_the_rule_in_core() -> None:
    assert may_act_on("grid-worker", None, Role.GRID_WORKER, "ZHB")
    assert not may_act_on("grid-worker", None, Role.SUPERVISOR, "ZHB")
    assert not may_act_on("grid-worker", None, Role.ADMINISTRATOR, "ZHB")
    assert may_act_on("department", "PCS", Role.DEPARTMENT_OFFICER, "PCS")
    assert not may_act_on("department", "PCS", Role.DEPARTMENT_OFFICER, "SCJG")
    assert not may_act_on("department", "PCS", Role.LEADER, "PCS")
    assert not may_act_on("department", None, Role.DEPARTMENT_OFFICER, "PCS")
    for role in Role:  # the office PC is the township's desk
        assert may_act_on("office", None, role, "ZHB")
        assert may_act_on(None, None, role, "ZHB")


@pytest.mark.parametrize(
    ("kind", "unit", "allowed", "refused"),
    [
        ("grid-worker", None, "grid", ["supervisor", "admin", "officer_pcs", "leader"]),
        ("department", "PCS", "officer_pcs", ["officer", "grid", "admin", "clerk"]),
    ],
)
def test_a_laptop_signs_in_only_its_own_users(
    office: Node, tmp_path: Path, kind: str, unit: str | None, allowed: str, refused: list[str]
) -> None:
    laptop = enrol_laptop(office, tmp_path / kind, "终端", kind, unit)
    assert sign_in(laptop.db, allowed, PASSWORDS[allowed], now_ms=frozen).username == allowed
    for username in refused:
        # the laptop holds no password of theirs (app/core/secrets.py): refused exactly as
        # a name nobody has, and the failure counted as for any name
        before = full_dump(laptop.db)
        with pytest.raises(DomainError) as caught:
            sign_in(laptop.db, username, PASSWORDS[username], now_ms=frozen)
        with pytest.raises(DomainError) as unknown:
            sign_in(laptop.db, f"{username}-nobody", PASSWORDS[username], now_ms=frozen)
        assert (caught.value.code, str(caught.value)) == ("password_wrong", str(unknown.value))
        after = full_dump(laptop.db)
        assert {k: v for k, v in after.items() if k != "sign_in_failures"} == {
            k: v for k, v in before.items() if k != "sign_in_failures"
        }
    for username in PASSWORDS:  # the office PC: everyone
        assert sign_in(office.db, username, PASSWORDS[username], now_ms=frozen)


def test_a_wrong_password_is_refused_before_the_device_is_mentioned(
    laptop: Node,
) -> None:
    """A guesser learns nothing about who may sign in here."""
    with pytest.raises(DomainError) as caught:
        sign_in(laptop.db, "supervisor", "wrong-one", now_ms=frozen)
    assert caught.value.code == "password_wrong"


def test_a_grid_laptop_cannot_record_a_verification_as_the_supervisor(
    office: Node, laptop: Node, tmp_path: Path
) -> None:
    case = laptop.report("门口堆放杂物")
    office.import_file(laptop.export_to(office, tmp_path / "up.tdsync").path)
    for username, request in (
        ("clerk", Request(Action.DISPATCH, to="ZFZD")),
        ("officer_zfzd", Request(Action.SIGN)),
        ("officer_zfzd", Request(Action.FEEDBACK, note="已清理")),
    ):  # at the office, where anyone of the township may sign in
        act(office.db, office.blobs, office.user(username), case.number, request, wall=office.wall)
    laptop.import_file(office.export_to(laptop, tmp_path / "down.tdsync").path)
    before = full_dump(laptop.db)
    verify = Request(Action.VERIFY, passed=True, note="现场核查")
    with pytest.raises(DomainError) as caught:
        act(laptop.db, laptop.blobs, laptop.user("supervisor"), case.number, verify, wall=frozen)
    assert caught.value.code == "device_user_not_here"
    assert "网格员终端" in str(caught.value)
    assert full_dump(laptop.db) == before
    request = IntakeRequest("0402", "G01", "噪声")
    with pytest.raises(DomainError) as caught:
        register_case(laptop.db, laptop.blobs, laptop.user("officer"), request, wall=frozen)
    assert caught.value.code == "device_user_not_here"
    assert full_dump(laptop.db) == before
    # the grid worker may
    act(laptop.db, laptop.blobs, laptop.user("grid"), case.number, verify, wall=frozen)


def forge_as(monkeypatch: pytest.MonkeyPatch, laptop: Node, username: str) -> str:
    """What an older program (or a tampered one) could do: a case in someone else's name on
    this laptop, in its own signed chain. Returns the case number."""
    monkeypatch.setattr(eventlog, "check_actor_on", lambda *args: None)
    request = IntakeRequest("0402", "G01", "冒名登记的案件")
    try:
        case = register_case(laptop.db, laptop.blobs, laptop.user(username), request, wall=frozen)
    finally:
        monkeypatch.undo()
    return case.number


def test_the_office_refuses_a_file_carrying_another_actor(
    office: Node, laptop: Node, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    forge_as(monkeypatch, laptop, "admin")
    up = laptop.export_to(office, tmp_path / "up.tdsync")
    before = full_dump(office.db)
    with pytest.raises(DomainError) as caught:
        office.import_file(up.path)
    error = caught.value
    assert error.code == "sync_actor_not_allowed"
    text = str(error)
    assert "青石村网格终端" in text  # which device
    assert "case.registered" in text  # which event
    assert office.user("admin").name in text  # which user
    assert "网格员" in text
    assert error.text("en").startswith("[Not allowed]")
    # the office wrote nothing but its local note of the refusal (tests/sync/test_refusal_notice)
    after = full_dump(office.db)
    before.pop("settings"), after.pop("settings")
    assert after == before


def test_a_department_laptop_cannot_speak_for_another_department(
    office: Node, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = enrol_laptop(office, tmp_path / "pcs", "派出所终端", "department", "PCS")
    forge_as(monkeypatch, laptop, "officer")  # 市场监管所's officer
    up = laptop.export_to(office, tmp_path / "up.tdsync")
    with pytest.raises(DomainError) as caught:
        office.import_file(up.path)
    assert caught.value.code == "sync_actor_not_allowed"
    assert "派出所终端" in str(caught.value)


def test_an_actor_is_judged_by_who_they_were_when_the_event_was_made(
    office: Node, laptop: Node, tmp_path: Path
) -> None:
    """The grid worker reports on the laptop, then is made a supervisor at the office before
    the laptop's file arrives: the report is believed (they were a grid worker then)."""
    case = laptop.report("井盖缺失")
    grid = office.user("grid")
    promoted = grid.__class__(**{**grid.__dict__, "role": Role.SUPERVISOR})
    save_user(office.db, office.user("admin"), promoted, new=False, wall=office.wall)
    summary = office.import_file(laptop.export_to(office, tmp_path / "up.tdsync").path)
    assert summary.preview["new_cases"] == 1
    assert office.db.execute("SELECT 1 FROM cases WHERE number = ?", [case.number]).fetchone()
