"""A case's parties (当事人) in the store: recorded as events with the personal data held by
ref, read back masked by role, removed with a reason, refused without a trace, rebuilt
identically."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.core.case_path.decide import Request
from app.core.case_path.parties import PartyKind, PartyRequest
from app.core.case_path.steps import Action
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.model import Role
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.parties import add_party, case_parties, parties_for_document, remove_party
from app.store.rebuild import rebuild
from app.store.reference import user_by_name
from tests.clock import TestClock
from tests.store.store_helpers import case_for, full_dump, projection_dump

ID_NUMBER = "320102199001011232"
CODE = "91350100M000100Y43"
PERSON = PartyRequest(PartyKind.PERSON.value, "张三", ID_NUMBER, "13805356789", "青石镇东村 3 号")
ORGANISATION = PartyRequest(
    PartyKind.ORGANISATION.value, "烟台某某餐饮有限公司", credit_code=CODE, legal_rep="王五"
)


@pytest.fixture
def desk(small_db: Any, small_path: Path) -> Any:
    """A case the clerk dispatched to the market supervision office (SCJG)."""
    clock = TestClock(tick_ms=60_000)
    number = case_for(small_db, "SCJG", wall=clock.wall)
    clerk = user_by_name(small_db, "clerk")
    blobs = BlobStore.beside(small_path)
    act(small_db, blobs, clerk, number, Request(Action.DISPATCH, to="SCJG"), wall=clock.wall)
    return small_db, number, clock, blobs


def events_of(db: Any, event_type: str) -> list[dict[str, Any]]:
    rows = db.execute("SELECT payload FROM events WHERE type = ?", [event_type]).fetchall()
    return [json.loads(row[0]) for row in rows]


def test_a_party_is_recorded_by_ref_and_shown_by_role(desk: Any) -> None:
    db, number, clock, _ = desk
    clerk = user_by_name(db, "clerk")
    case = add_party(db, clerk, number, PERSON, wall=clock.wall)
    add_party(db, clerk, number, ORGANISATION, wall=clock.wall)
    events = db.execute("SELECT payload FROM events").fetchall()
    for personal in ("张三", ID_NUMBER, "13805356789", "东村", "王五"):
        assert not any(personal in row[0] for row in events)
    [person_event, org_event] = events_of(db, EventType.CASE_PARTY_ADDED)
    assert (org_event["name"], org_event["credit_code"]) == ("烟台某某餐饮有限公司", CODE)
    held = db.execute("SELECT value FROM secrets WHERE ref = ?", [person_event["party_ref"]])
    assert ID_NUMBER in held.fetchone()[0]

    seen = case_parties(db, case.id, Role.CLERK)
    assert [(p.kind, p.name, p.id_number, p.address) for p in seen] == [
        (PartyKind.PERSON, "张三", ID_NUMBER, "青石镇东村 3 号"),
        (PartyKind.ORGANISATION, "烟台某某餐饮有限公司", "", ""),
    ]
    assert seen[1].legal_rep == "王五"
    masked = case_parties(db, case.id, Role.DEPARTMENT_OFFICER)
    assert [(p.name, p.id_number, p.phone, p.address) for p in masked] == [
        ("张某", "3201**********1232", "138****6789", ""),
        ("烟台某某餐饮有限公司", "", "", ""),
    ]
    assert masked[1].legal_rep == "王某"
    assert parties_for_document(db, case.id) == seen


def test_the_handling_unit_records_and_removes_parties_others_not(desk: Any) -> None:
    db, number, clock, _ = desk
    officer = user_by_name(db, "officer")  # SCJG, the lead unit
    case = add_party(db, officer, number, PERSON, wall=clock.wall)
    [party] = case_parties(db, case.id, Role.CLERK)
    before = full_dump(db)
    for name, message in (("officer_zfzd", "只有牵头单位"), ("grid", "网格员不能登记当事人")):
        with pytest.raises(DomainError, match=message):
            add_party(db, user_by_name(db, name), number, PERSON, wall=clock.wall)
    with pytest.raises(DomainError, match="只有牵头单位"):
        remove_party(db, user_by_name(db, "officer_zfzd"), number, party.id, "错", wall=clock.wall)
    assert full_dump(db) == before
    remove_party(db, officer, number, party.id[:4], "身份证号码登记错了", wall=clock.wall)
    assert case_parties(db, case.id, Role.CLERK) == []
    row = db.execute("SELECT removed_reason, removed_by FROM case_parties").fetchone()
    assert row == ("身份证号码登记错了", officer.id)


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ("bad_id", "id_number_check_digit"),
        ("bad_code", "credit_code_check_digit"),
        ("no_name", "party_name_missing"),
        ("no_reason", "reason_missing"),
        ("unknown", "party_unknown"),
        ("too_short", "party_unknown"),
        ("closed", "wrong_state"),
        ("no_case", "case_unknown"),
    ],
)
def test_a_refusal_writes_nothing(desk: Any, change: str, code: str) -> None:
    db, number, clock, blobs = desk
    clerk = user_by_name(db, "clerk")
    case = add_party(db, clerk, number, PERSON, wall=clock.wall)
    [party] = case_parties(db, case.id, Role.CLERK)
    if change == "closed":
        act(db, blobs, clerk, number, Request(Action.RETURN, reason="派错了"), wall=clock.wall)
        act(db, blobs, clerk, number, Request(Action.REJECT, reason="不属实"), wall=clock.wall)
    before = full_dump(db)
    attempts = {
        "bad_id": lambda: add_party(
            db, clerk, number, PartyRequest("person", "李四", "320102199001011233"), wall=clock.wall
        ),
        "bad_code": lambda: add_party(
            db,
            clerk,
            number,
            PartyRequest("organisation", "某厂", credit_code=CODE[:-1] + "4"),
            wall=clock.wall,
        ),
        "no_name": lambda: add_party(
            db, clerk, number, PartyRequest("person", " "), wall=clock.wall
        ),
        "no_reason": lambda: remove_party(db, clerk, number, party.id, " ", wall=clock.wall),
        "unknown": lambda: remove_party(db, clerk, number, "ffffffff", "错", wall=clock.wall),
        "too_short": lambda: remove_party(db, clerk, number, party.id[:3], "错", wall=clock.wall),
        "closed": lambda: remove_party(db, clerk, number, party.id, "错", wall=clock.wall),
        "no_case": lambda: add_party(db, clerk, "QS-NOPE", PERSON, wall=clock.wall),
    }
    with pytest.raises(DomainError) as caught:
        attempts[change]()
    assert caught.value.code == code
    assert full_dump(db) == before


def test_parties_rebuild_to_the_same_tables_and_secrets_stay(desk: Any) -> None:
    db, number, clock, _ = desk
    clerk = user_by_name(db, "clerk")
    add_party(db, clerk, number, PERSON, wall=clock.wall)
    case = add_party(db, clerk, number, ORGANISATION, wall=clock.wall)
    first = case_parties(db, case.id, Role.CLERK)[0]
    remove_party(db, clerk, number, first.id, "重复登记", wall=clock.wall)
    before = projection_dump(db)
    secrets = db.execute("SELECT * FROM secrets ORDER BY ref").fetchall()
    assert len(before["case_parties"]) == 2
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before
    assert db.execute("SELECT * FROM secrets ORDER BY ref").fetchall() == secrets


def test_the_timeline_names_no_person(desk: Any) -> None:
    from app.store.cases import case_timeline

    db, number, clock, _ = desk
    clerk = user_by_name(db, "clerk")
    add_party(db, clerk, number, PERSON, wall=clock.wall)
    case = add_party(db, clerk, number, ORGANISATION, wall=clock.wall)
    entries = [e for e in case_timeline(db, case.id) if e.action == "登记当事人"]
    assert len(entries) == 2
    assert entries[0].detail.startswith("个人（") and "张三" not in entries[0].detail
    assert entries[1].detail.startswith("单位：烟台某某餐饮有限公司")
