"""A case's parties (当事人) in the domain: the checks on what people type, who may record
or remove one and when, what each role sees, and how the events fold."""

from __future__ import annotations

import json

import pytest

from app.core.case_path.device_trust import office_only
from app.core.case_path.parties import (
    ADD,
    REMOVE,
    Party,
    PartyKind,
    PartyRequest,
    added_payload,
    check_credit_code,
    check_id_number,
    check_party_change,
    fold_party,
    masked_id_number,
    party_from,
    party_view,
    removed_payload,
    secret_of,
    secret_value,
    validate_party,
)
from app.core.case_path.rules import FINISHED, OPEN, may_originate
from app.core.case_path.steps import Actor, CaseState
from app.core.errors import DomainError, ValidationErrors
from app.core.events import Event, EventType
from app.core.model import CaseStatus, Role

S = CaseStatus
CLERK = Actor("u-clerk", Role.CLERK, "ZHB")
OFFICER = Actor("u-officer", Role.DEPARTMENT_OFFICER, "SCJG")
OTHER_OFFICER = Actor("u-zfzd", Role.DEPARTMENT_OFFICER, "ZFZD")
GRID = Actor("u-grid", Role.GRID_WORKER, "ZHB")
LEADER = Actor("u-leader", Role.LEADER, "ZHB")
HANDLING = CaseState(status=S.HANDLING, lead_unit="SCJG")

# GB 11643's own example, and two computed by hand (320102 1990-01-01; 370602 1985-02-29 is
# no date, 1984-02-29 is)
ID_EXAMPLE = "11010519491231002X"
ID_NANJING = "320102199001011232"
CODE_EXAMPLE = "91350100M000100Y43"
CODE_OTHER = "91370602MA3C4XYU0U"


def person(**fields: str) -> PartyRequest:
    values = {"name": "张三", "id_number": ID_NANJING, "phone": "13805356789"} | fields
    return PartyRequest(PartyKind.PERSON.value, **values)


def organisation(**fields: str) -> PartyRequest:
    values = {"name": "烟台某某餐饮有限公司", "credit_code": CODE_EXAMPLE} | fields
    return PartyRequest(PartyKind.ORGANISATION.value, **values)


def codes(request: PartyRequest) -> list[str]:
    with pytest.raises(DomainError) as caught:
        validate_party(request)
    error = caught.value
    return [e.code for e in error.errors] if isinstance(error, ValidationErrors) else [error.code]


# -- ID numbers and credit codes ---------------------------------------------------------------


@pytest.mark.parametrize("number", [ID_EXAMPLE, ID_NANJING, "11010519491231002x"])
def test_a_resident_id_number_with_its_check_digit_is_taken_upper_cased(number: str) -> None:
    assert check_id_number(f" {number} ") == number.upper()


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("320102199001011233", "id_number_check_digit"),  # one digit off
        ("320102199001011322", "id_number_check_digit"),  # two digits swapped
        ("370602198502290016", "id_number_birth_invalid"),  # 1985 had no 29 February
        ("320102199013011232", "id_number_birth_invalid"),  # month 13
        ("32010219900101123", "id_number_invalid"),  # 17 characters
        ("3201021990010112X2", "id_number_invalid"),  # X only at the end
        ("32010219900101123Y", "id_number_invalid"),
    ],
)
def test_a_wrong_id_number_is_refused_in_plain_words(number: str, code: str) -> None:
    with pytest.raises(DomainError) as caught:
        check_id_number(number)
    assert caught.value.code == code
    assert "身份证号码" in str(caught.value)


def test_the_leap_day_of_a_leap_year_is_a_birth_date() -> None:
    assert check_id_number("370602198402290019") == "370602198402290019"


@pytest.mark.parametrize("code", [CODE_EXAMPLE, CODE_OTHER, CODE_OTHER.lower()])
def test_a_credit_code_with_its_check_character_is_taken(code: str) -> None:
    assert check_credit_code(code) == code.upper()


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("91350100M000100Y44", "credit_code_check_digit"),
        ("91350100M000100Y4", "credit_code_invalid"),  # 17
        ("91350100M0001O0Y43", "credit_code_invalid"),  # the letter O is not in the alphabet
        ("9135010OM000100Y43", "credit_code_invalid"),
    ],
)
def test_a_wrong_credit_code_is_refused_in_plain_words(code: str, error: str) -> None:
    with pytest.raises(DomainError) as caught:
        check_credit_code(code)
    assert caught.value.code == error
    assert "统一社会信用代码" in str(caught.value)


# -- a party as typed ---------------------------------------------------------------------------


def test_a_person_is_trimmed_and_normalised() -> None:
    party = validate_party(person(name=" 张三 ", phone="138 0535 6789", address=" 青石镇 "))
    assert (party.kind, party.name, party.phone, party.address) == (
        PartyKind.PERSON,
        "张三",
        "13805356789",
        "青石镇",
    )
    assert party.id_number == ID_NANJING


def test_only_the_name_is_required() -> None:
    assert validate_party(PartyRequest("person", "李四")).id_number == ""
    assert validate_party(PartyRequest("organisation", "某厂")).credit_code == ""


def test_every_problem_is_listed_at_once() -> None:
    found = codes(person(name=" ", id_number="320102199001011233", phone="12345678901"))
    assert found == ["party_name_missing", "phone_invalid", "id_number_check_digit"]


def test_fields_of_the_other_kind_are_refused() -> None:
    assert codes(person(credit_code=CODE_EXAMPLE)) == ["party_field_not_for_kind"]
    assert codes(organisation(id_number=ID_NANJING)) == ["party_field_not_for_kind"]
    with pytest.raises(DomainError, match="法定代表人只适用于单位当事人"):
        validate_party(person(legal_rep="王五"))


def test_a_kind_is_required() -> None:
    assert codes(PartyRequest("", "张三")) == ["party_kind_missing"]


def test_a_name_too_long_is_refused() -> None:
    assert codes(person(name="张" * 51)) == ["text_too_long"]


# -- who may record one, and when ---------------------------------------------------------------


@pytest.mark.parametrize("actor", [CLERK, OFFICER])
def test_the_office_and_the_handling_unit_may_record_parties(actor: Actor) -> None:
    for change in (ADD, REMOVE):
        check_party_change(HANDLING, actor, change)


@pytest.mark.parametrize(
    ("actor", "code"),
    [(GRID, "permission_denied"), (LEADER, "permission_denied"), (OTHER_OFFICER, "not_lead_unit")],
)
def test_others_may_not(actor: Actor, code: str) -> None:
    with pytest.raises(DomainError) as caught:
        check_party_change(HANDLING, actor, ADD, {"SCJG": "市场监管所"})
    assert caught.value.code == code
    assert "登记当事人" in str(caught.value)


@pytest.mark.parametrize("status", sorted(FINISHED))
def test_a_finished_case_keeps_its_parties(status: CaseStatus) -> None:
    with pytest.raises(DomainError) as caught:
        check_party_change(CaseState(status=status), CLERK, REMOVE)
    assert caught.value.code == "wrong_state"
    assert "不能移除当事人" in str(caught.value)


@pytest.mark.parametrize("status", sorted(OPEN))
def test_the_office_may_record_parties_on_any_open_case(status: CaseStatus) -> None:
    check_party_change(CaseState(status=status), CLERK, ADD)


def test_a_department_laptop_may_record_parties_a_grid_laptop_not() -> None:
    for event_type in (EventType.CASE_PARTY_ADDED, EventType.CASE_PARTY_REMOVED):
        assert may_originate("department", event_type)
        assert not may_originate("grid-worker", event_type)
        assert not office_only(event_type)


def test_a_removal_needs_a_reason() -> None:
    with pytest.raises(DomainError, match="请填写理由，才能移除当事人"):
        removed_payload("ab12cd34", "  ", "ZHB")


# -- what the events carry, and what each role sees ---------------------------------------------


def test_a_person_travels_only_by_ref() -> None:
    party = validate_party(person(address="青石镇东村 3 号"))
    payload = added_payload(party, "ab12cd34", "f" * 64, "ZHB")
    text = json.dumps(payload, ensure_ascii=False)
    for personal in ("张三", ID_NANJING, "13805356789", "东村"):
        assert personal not in text
    assert payload == {
        "party_id": "ab12cd34",
        "kind": "person",
        "by_unit": "ZHB",
        "party_ref": "f" * 64,
    }


def test_an_organisation_names_itself_but_holds_its_people_by_ref() -> None:
    party = validate_party(organisation(legal_rep="王五", address="青石镇工业园"))
    payload = added_payload(party, "ab12cd34", "f" * 64, "ZHB")
    assert (payload["name"], payload["credit_code"]) == ("烟台某某餐饮有限公司", CODE_EXAMPLE)
    assert "王五" not in json.dumps(payload, ensure_ascii=False)
    assert secret_of(party)["legal_rep"] == "王五"
    assert secret_of(party)["name"] == ""


def test_the_same_party_held_twice_gets_different_refs() -> None:
    party = validate_party(person())
    assert secret_value(party, "00") != secret_value(party, "01")


def row(party: Party, ref: str | None = "r") -> dict:
    return {
        "id": "ab12cd34",
        "kind": party.kind.value,
        "name": party.name if party.kind == PartyKind.ORGANISATION else "",
        "credit_code": party.credit_code,
        "party_ref": ref,
    }


def test_a_party_reads_back_from_its_row_and_secret() -> None:
    party = validate_party(person(address="青石镇东村"))
    back = party_from(row(party), secret_value(party, "00"))
    assert back == Party(
        "ab12cd34", PartyKind.PERSON, "张三", ID_NANJING, "13805356789", "青石镇东村"
    )


def test_a_party_not_held_here_is_withheld_but_an_organisation_still_named() -> None:
    org = party_from(row(validate_party(organisation())), None)
    assert (org.withheld, org.name, org.credit_code) == (True, "烟台某某餐饮有限公司", CODE_EXAMPLE)
    one = party_from(row(validate_party(person())), None)
    assert (one.withheld, one.name, one.id_number) == (True, "", "")
    assert party_view(one, Role.CLERK).summary() == "保密"


@pytest.mark.parametrize("role", [Role.CLERK, Role.ADMINISTRATOR, Role.SUPERVISOR, Role.LEADER])
def test_the_office_and_the_leader_see_everything(role: Role) -> None:
    party = validate_party(person(address="东村"))
    assert party_view(party, role) == party


@pytest.mark.parametrize("role", [Role.DEPARTMENT_OFFICER, Role.GRID_WORKER])
def test_others_see_a_masked_person(role: Role) -> None:
    shown = party_view(validate_party(person(address="东村")), role)
    assert (shown.name, shown.id_number, shown.phone, shown.address) == (
        "张某",
        "3201**********1232",
        "138****6789",
        "",
    )
    org = party_view(validate_party(organisation(legal_rep="王五", address="园区")), role)
    assert (org.name, org.credit_code, org.legal_rep, org.address) == (
        "烟台某某餐饮有限公司",
        CODE_EXAMPLE,
        "王某",
        "",
    )


def test_a_short_id_number_is_masked_whole() -> None:
    assert masked_id_number("1234567") == "*******"


# -- the fold -----------------------------------------------------------------------------------


def event(event_type: str, payload: dict, actor: str = "u-clerk") -> Event:
    return Event("e1", "d1", 1, 0, actor, "case", "c1", event_type, payload, "0" * 64)


def test_parties_fold_in_and_out_and_the_impossible_is_not_applied() -> None:
    party = validate_party(person())
    added = event(EventType.CASE_PARTY_ADDED, added_payload(party, "p1", "r" * 64, "ZHB"))
    removed = event(EventType.CASE_PARTY_REMOVED, removed_payload("p1", "登记错了", "ZHB"))
    rows: list[dict] = []
    assert fold_party(rows, HANDLING, CLERK, added, "2026-11-20 09:00:00")
    assert not fold_party(rows, HANDLING, CLERK, added, "2026-11-20 09:01:00")  # twice
    assert not fold_party(rows, CaseState(status=S.CLOSED), CLERK, removed, "2026-11-20 09:02:00")
    assert not fold_party(rows, HANDLING, GRID, removed, "2026-11-20 09:02:00")
    assert rows[0]["removed_at"] is None
    assert fold_party(rows, HANDLING, OFFICER, removed, "2026-11-20 09:03:00")
    assert (rows[0]["removed_at"], rows[0]["removed_reason"]) == ("2026-11-20 09:03:00", "登记错了")
    assert not fold_party(rows, HANDLING, CLERK, removed, "2026-11-20 09:04:00")  # gone already
    assert rows[0]["party_ref"] == "r" * 64 and rows[0]["name"] == ""
