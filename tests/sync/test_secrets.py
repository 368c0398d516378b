"""A lost laptop gives nothing away (issue 12): a laptop holds the password hashes of the
users who may sign in on it and no one else's, and reporters' names and phones only those
its own users typed, until the office holds them. The events still carry every change
(by ref, app/core/secrets.py) and the hash chains verify."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import DomainError
from app.core.intake import IntakeRequest
from app.core.model import Reporter, Role, reporter_view
from app.core.secrets import reporter_from
from app.store.base_data import reset_password
from app.store.cases import case_by_id, register_case
from app.store.demo.township import demo_users
from app.store.reference import password_hash
from app.store.signin import sign_in
from tests.store.store_helpers import full_dump
from tests.sync import forge
from tests.sync.conftest import Node, enrol_laptop

GRID_WORKERS = ["grid", *(f"wgy{n:02d}" for n in range(1, 20))]
REPORTER, PHONE = "欧阳秀英", "13987654321"


def everything(node: Node) -> str:
    """Every row of every table of a device's database, as text (opened with its key)."""
    return repr(full_dump(node.db))


def hashes(office: Node) -> dict[str, str]:
    """Every user's argon2 hash, as the office holds it."""
    names = [row[0] for row in office.db.execute("SELECT username FROM users")]
    found = {name: password_hash(office.db, name) for name in names}
    assert all(found.values())  # the office holds every password
    return {name: value for name, value in found.items() if value}


def held_hashes(node: Node, office: Node) -> set[str]:
    """The users whose password hash appears anywhere in ``node``'s database."""
    text = everything(node)
    return {name for name, value in hashes(office).items() if value in text}


def register_with_reporter(node: Node, username: str, name: str = REPORTER) -> str:
    leaf = node.db.execute(
        "SELECT code FROM categories WHERE parent_code IS NOT NULL ORDER BY code"
    ).fetchone()[0]
    request = IntakeRequest(
        leaf, "G01", "路口流动摊贩占道经营", reporter_name=name, reporter_phone=PHONE
    )
    return register_case(node.db, node.blobs, node.user(username), request, wall=node.wall).id


def refused_as_unknown(node: Node, username: str, password: str) -> None:
    """Refused exactly as a name nobody has: the same code and words."""
    with pytest.raises(DomainError) as refused:
        sign_in(node.db, username, password, now_ms=node.wall)
    with pytest.raises(DomainError) as unknown:
        sign_in(node.db, "no-such-user", password, now_ms=node.wall)
    assert (refused.value.code, str(refused.value)) == (unknown.value.code, str(unknown.value))


def sync(sender: Node, receiver: Node, folder: Path, name: str) -> Path:
    target = folder / f"{name}.tdsync"
    sender.export_to(receiver, target)
    receiver.import_file(target)
    return target


def test_a_grid_worker_laptop_holds_grid_workers_passwords_only_and_no_office_reporter(
    office: Node, laptop: Node, tmp_path: Path
) -> None:
    office_reporters = [
        reporter_from(value)
        for (value,) in office.db.execute("SELECT value FROM secrets")
        if not value.startswith("$argon2")
    ]
    assert len(office_reporters) > 10  # the demo's hotline and walk-in reporters
    assert held_hashes(laptop, office) == set(GRID_WORKERS)
    text = everything(laptop)
    assert not [r for r in office_reporters if r is not None and r.phone in text]

    case_id = register_with_reporter(office, "clerk")  # after the join, then a sync
    reset_password(office.db, office.user("admin"), "clerk", "clerk-new-1", wall=office.wall)
    sync(office, laptop, tmp_path, "down")
    assert held_hashes(laptop, office) == set(GRID_WORKERS)
    assert PHONE not in everything(laptop) and REPORTER not in everything(laptop)
    case = case_by_id(laptop.db, case_id)
    assert case.reporter == Reporter(withheld=True)  # given, but not held here
    assert reporter_view(case.reporter, Role.GRID_WORKER) == Reporter("保密", "")

    assert sign_in(laptop.db, "wgy01", "grid123", now_ms=laptop.wall).role == Role.GRID_WORKER
    refused_as_unknown(laptop, "clerk", "clerk-new-1")
    refused_as_unknown(laptop, "admin", "admin123")


def test_a_department_laptop_holds_its_own_officers_passwords_only(
    office: Node, tmp_path: Path
) -> None:
    laptop = enrol_laptop(office, tmp_path / "dept", "执法中队终端", "department", "ZFZD")
    assert held_hashes(laptop, office) == {"officer_zfzd"}
    assert sign_in(laptop.db, "officer_zfzd", "officer123", now_ms=laptop.wall).role == (
        Role.DEPARTMENT_OFFICER
    )
    refused_as_unknown(laptop, "officer", "officer123")  # the same password, another unit
    refused_as_unknown(laptop, "wgy01", "grid123")


def test_the_office_signs_everyone_in_and_a_new_password_reaches_only_its_users_laptop(
    office: Node, laptop: Node, tmp_path: Path
) -> None:
    for user in demo_users():
        assert sign_in(office.db, user.username, user.password, now_ms=office.wall)
    department = enrol_laptop(office, tmp_path / "dept", "执法中队终端", "department", "ZFZD")
    old = hashes(office)["officer_zfzd"]
    admin = office.user("admin")
    reset_password(office.db, admin, "officer_zfzd", "zfzd-new-1", wall=office.wall)
    new = hashes(office)["officer_zfzd"]
    assert sign_in(office.db, "officer_zfzd", "zfzd-new-1", now_ms=office.wall)

    sync(office, department, tmp_path, "to-dept")
    sync(office, laptop, tmp_path, "to-grid")
    assert sign_in(department.db, "officer_zfzd", "zfzd-new-1", now_ms=department.wall)
    text = everything(department)
    assert new in text and old not in text  # the replaced hash is forgotten
    assert held_hashes(department, office) == {"officer_zfzd"}
    assert new not in everything(laptop)
    assert held_hashes(laptop, office) == set(GRID_WORKERS)
    department.db.close()


def test_a_reporter_typed_on_a_laptop_reaches_the_office_and_no_other_laptop(
    office: Node, laptop: Node, tmp_path: Path
) -> None:
    case_id = register_with_reporter(laptop, "wgy01")
    assert case_by_id(laptop.db, case_id).reporter == Reporter(REPORTER, PHONE)  # until sent
    up = sync(laptop, office, tmp_path, "up")
    assert forge.open_parts(up, office.keys).manifest["secrets"]["count"] == 1
    reporter = case_by_id(office.db, case_id).reporter
    assert reporter == Reporter(REPORTER, PHONE)
    assert reporter_view(reporter, Role.CLERK) == Reporter(REPORTER, PHONE)

    department = enrol_laptop(office, tmp_path / "dept", "执法中队终端", "department", "ZFZD")
    assert PHONE not in everything(department) and REPORTER not in everything(department)
    assert case_by_id(department.db, case_id).reporter == Reporter(withheld=True)

    down = tmp_path / "down.tdsync"
    office.export_to(laptop, down)
    sent = forge.open_parts(down, laptop.keys).secrets or b""
    assert PHONE.encode() not in sent and b"$argon2" in sent  # its users' passwords only
    laptop.import_file(down)  # the office holds the reporter now: the laptop forgets it
    assert PHONE not in everything(laptop) and REPORTER not in everything(laptop)
    assert case_by_id(laptop.db, case_id).reporter == Reporter(withheld=True)
    register_with_reporter(laptop, "wgy01", "另一位反映人")
    again = sync(laptop, office, tmp_path, "up-again")
    parts = forge.open_parts(again, office.keys)
    assert parts.manifest["secrets"]["count"] == 1  # the new reporter only
    assert PHONE.encode() in (parts.secrets or b"")
    assert REPORTER.encode() not in (parts.secrets or b"")
    department.db.close()


def test_a_party_a_department_laptop_records_reaches_the_office_and_no_grid_laptop(
    office: Node, laptop: Node, tmp_path: Path
) -> None:
    """A party's personal data travels like a reporter's: from the laptop that typed it to
    the office, never on to a laptop whose users need not see it."""
    from app.core.case_path.decide import Request
    from app.core.case_path.parties import PartyKind, PartyRequest
    from app.core.case_path.steps import Action
    from app.store.case_actions import act
    from app.store.parties import add_party, case_parties

    id_number = "320102199001011232"
    department = enrol_laptop(office, tmp_path / "dept", "执法中队终端", "department", "ZFZD")
    case_id = register_with_reporter(office, "clerk")
    number = case_by_id(office.db, case_id).number
    request = Request(Action.DISPATCH, to="ZFZD", override_reason="现场核实后另行分拨")
    act(office.db, office.blobs, office.user("clerk"), number, request, wall=office.wall)
    sync(office, department, tmp_path, "down")
    party = PartyRequest(PartyKind.PERSON.value, "欧阳明", id_number, "13812345678")
    add_party(department.db, department.user("officer_zfzd"), number, party, wall=department.wall)
    assert id_number in everything(department)  # until sent
    up = sync(department, office, tmp_path, "up")
    assert forge.open_parts(up, office.keys).manifest["secrets"]["count"] == 1
    [held] = case_parties(office.db, case_id, Role.CLERK)
    assert (held.name, held.id_number, held.phone) == ("欧阳明", id_number, "13812345678")

    sync(office, laptop, tmp_path, "to-grid")  # a grid worker's laptop: the party withheld
    assert id_number not in everything(laptop) and "欧阳明" not in everything(laptop)
    [withheld] = case_parties(laptop.db, case_id, Role.GRID_WORKER)
    assert withheld.withheld and withheld.summary() == "保密"
    sync(office, department, tmp_path, "confirmed")  # the office holds it: forgotten here
    assert id_number not in everything(department)
    department.db.close()
