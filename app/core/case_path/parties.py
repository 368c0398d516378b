"""A case's parties (当事人, DOMAIN.md §8): a person or an organisation the case is about.

What a party is, the checks on what people type (the resident ID number's GB 11643 check
digit, the unified social credit code's GB 32100 check character, the phone as for a
reporter), who may record or remove one and when, and what each role may see.

Personal data is held by reference (core/secrets.py), like a reporter: a person's name, ID
number, phone and address, and an organisation's legal representative and address, go
into the ``secrets`` table under a ref; the event carries only the ref. An organisation's
name and unified social credit code are public registry data (anyone may look them up in
the national enterprise credit information system), and a transfer letter printed on any
device must be able to name the organisation, so they travel in the event itself.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from app.core.case_path.rules import OFFICE_ROLES, OPEN, STATE_PHRASES
from app.core.case_path.steps import Actor, CaseState
from app.core.errors import DomainError, ValidationErrors, Words
from app.core.events import Event, EventType, canonical_json
from app.core.intake import ADDRESS_LIMIT, NAME_LIMIT, UNIT_LIMIT, is_valid_phone, normalise_phone
from app.core.intake import text_too_long as too_long
from app.core.model import Role, can_see_reporter, chinese, masked_phone
from app.core.permissions import ROLE_WORDS


class PartyKind(StrEnum):
    PERSON = "person"  # 个人 (自然人)
    ORGANISATION = "organisation"  # 单位 (法人或其他组织)


KIND_WORDS = {
    PartyKind.PERSON: Words("个人", "person"),
    PartyKind.ORGANISATION: Words("单位", "organisation"),
}
PARTY_REF = "party_ref"  # the payload field naming the held personal data
REASON_LIMIT = 500

# -- what people type -------------------------------------------------------------------------


@dataclass(frozen=True)
class PartyRequest:
    """A party as the window's form or the command line gives it."""

    kind: str
    name: str
    id_number: str = ""  # a person's resident ID number (居民身份证号码)
    phone: str = ""
    address: str = ""
    credit_code: str = ""  # an organisation's unified social credit code (统一社会信用代码)
    legal_rep: str = ""  # an organisation's legal representative (法定代表人)


@dataclass(frozen=True)
class Party:
    """A recorded party, as this device holds it. ``withheld``: the personal data is not
    held here (a laptop), so only the kind, and an organisation's name and code, show."""

    id: str
    kind: PartyKind
    name: str = ""
    id_number: str = ""
    phone: str = ""
    address: str = ""
    credit_code: str = ""
    legal_rep: str = ""
    withheld: bool = False

    def summary(self) -> str:
        """One line: 张三（身份证 3201**********1234，138****5678）."""
        details = [
            f"身份证 {self.id_number}" if self.id_number else "",
            f"统一社会信用代码 {self.credit_code}" if self.credit_code else "",
            f"法定代表人 {self.legal_rep}" if self.legal_rep else "",
            self.phone,
            self.address,
        ]
        shown = "，".join(d for d in details if d)
        name = self.name or "保密"
        return f"{name}（{shown}）" if shown else name


_ID_WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]
_ID_CHECK = "10X98765432"
_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100: no I, O, Z, S, V
_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def check_id_number(text: str) -> str:
    """A resident ID number (GB 11643-1999), upper-cased: 6 digits of place, the birth
    date YYYYMMDD, 3 of order, and a check character over the first 17."""
    number = text.strip().upper()
    if len(number) != 18 or not number[:17].isdigit() or number[17] not in "0123456789X":
        raise DomainError("id_number_invalid", value=text.strip())
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise DomainError("id_number_birth_invalid", value=number) from None
    if born.year < 1900:
        raise DomainError("id_number_birth_invalid", value=number)
    total = sum(int(digit) * weight for digit, weight in zip(number, _ID_WEIGHTS, strict=False))
    if _ID_CHECK[total % 11] != number[17]:
        raise DomainError("id_number_check_digit", value=number)
    return number


def check_credit_code(text: str) -> str:
    """A unified social credit code (GB 32100-2015), upper-cased: 17 characters of the
    code's alphabet and a check character over them (modulus 31)."""
    code = text.strip().upper()
    if len(code) != 18 or any(c not in _CODE_CHARS for c in code):
        raise DomainError("credit_code_invalid", value=text.strip())
    total = sum(_CODE_CHARS.index(c) * w for c, w in zip(code, _CODE_WEIGHTS, strict=False))
    if _CODE_CHARS[(31 - total % 31) % 31] != code[17]:
        raise DomainError("credit_code_check_digit", value=code)
    return code


NAME_WORDS = {
    PartyKind.PERSON: Words("姓名", "name"),
    PartyKind.ORGANISATION: Words("单位名称", "organisation's name"),
}
_PERSON_ONLY = (("id_number", Words("身份证号码", "ID number")),)
_ORGANISATION_ONLY = (
    ("credit_code", Words("统一社会信用代码", "unified social credit code")),
    ("legal_rep", Words("法定代表人", "legal representative")),
)


def validate_party(request: PartyRequest) -> Party:
    """The party as it will be recorded (trimmed, upper-cased codes; id not yet given), or
    ``ValidationErrors`` listing every problem at once."""
    try:
        kind = PartyKind(request.kind)
    except ValueError:
        raise DomainError("party_kind_missing") from None
    errors: list[DomainError] = []
    name = request.name.strip()
    if not name:
        errors.append(DomainError("party_name_missing", field=NAME_WORDS[kind]))
    limits = (
        (
            request.name,
            UNIT_LIMIT if kind == PartyKind.ORGANISATION else NAME_LIMIT,
            NAME_WORDS[kind],
        ),
        (request.address, ADDRESS_LIMIT, Words("地址", "address")),
        (request.legal_rep, NAME_LIMIT, Words("法定代表人", "legal representative")),
    )
    for text, limit, field in limits:
        problem = too_long(text, limit, field)
        if problem is not None:
            errors.append(problem)
    other, wrong = (
        (_ORGANISATION_ONLY, PartyKind.ORGANISATION)
        if kind == PartyKind.PERSON
        else (_PERSON_ONLY, PartyKind.PERSON)
    )
    for attribute, field in other:
        if getattr(request, attribute).strip():
            value = KIND_WORDS[wrong]
            errors.append(DomainError("party_field_not_for_kind", field=field, value=value))
    party = Party("", kind, name=name, address=request.address.strip())
    phone = normalise_phone(request.phone.strip())
    if phone and not is_valid_phone(phone):
        errors.append(DomainError("phone_invalid", value=request.phone.strip()))
    party = replace(party, phone=phone)
    checks = (
        ("id_number", check_id_number, kind == PartyKind.PERSON),
        ("credit_code", check_credit_code, kind == PartyKind.ORGANISATION),
    )
    for attribute, check, applies in checks:
        text = getattr(request, attribute).strip()
        if applies and text:
            try:
                party = replace(party, **{attribute: check(text)})
            except DomainError as error:
                errors.append(error)
    if kind == PartyKind.ORGANISATION:
        party = replace(party, legal_rep=request.legal_rep.strip())
    if errors:
        raise ValidationErrors(errors)
    return party


# -- who may record one, and when -------------------------------------------------------------

ADD, REMOVE = "add", "remove"
ACTION_WORDS = {
    ADD: Words("登记当事人", "record a party"),
    REMOVE: Words("移除当事人", "remove a party"),
}
# The office records parties for any case; the unit handling it (its lead) for its own,
# as it handles the other steps of its case (core/case_path/rules.py HANDLER_STEPS).
PARTY_ROLES = OFFICE_ROLES | {Role.DEPARTMENT_OFFICER}


def check_party_change(
    state: CaseState, actor: Actor | None, change: str, unit_names: Mapping[str, str] = {}
) -> None:
    """Role first, then state, then the unit, like a step of the path. A finished case
    (closed, transferred, rejected, merged) keeps the parties it had: what was decided and
    sent stands as it was recorded."""
    action = ACTION_WORDS[change]
    if actor is None or actor.role not in PARTY_ROLES:
        role = actor.role if actor else Role.GRID_WORKER
        words = Words(chinese(role), ROLE_WORDS[role])
        raise DomainError("permission_denied", role=words, action=action)
    if state.status not in OPEN:
        raise DomainError("wrong_state", state=STATE_PHRASES[state.status], action=action)
    if actor.role == Role.DEPARTMENT_OFFICER and actor.unit != state.lead_unit:
        lead = state.lead_unit or "—"
        raise DomainError("not_lead_unit", unit=unit_names.get(lead, lead), action=action)


def may_change_parties(state: CaseState, actor: Actor | None) -> bool:
    try:
        check_party_change(state, actor, ADD)
    except DomainError:
        return False
    return True


# -- what the events carry --------------------------------------------------------------------


def secret_of(party: Party) -> dict[str, str]:
    """The personal data of a party, held by ref (core/secrets.py): everything but an
    organisation's public registry name and code. Empty fields included, so every held
    party secret has the same shape."""
    person = party.kind == PartyKind.PERSON
    return {
        "party": "person" if person else "organisation",
        "name": party.name if person else "",
        "id_number": party.id_number,
        "phone": party.phone,
        "address": party.address,
        "legal_rep": party.legal_rep,
    }


def secret_value(party: Party, nonce: str) -> str:
    """The held text, with a random ``nonce`` so no one finds the ref by hashing ID numbers."""
    return canonical_json({**secret_of(party), "nonce": nonce})


def added_payload(party: Party, party_id: str, ref: str, by_unit: str) -> dict[str, Any]:
    payload: dict[str, Any] = {"party_id": party_id, "kind": party.kind.value, "by_unit": by_unit}
    if party.kind == PartyKind.ORGANISATION:  # public registry data: named in the event
        payload |= {"name": party.name, "credit_code": party.credit_code}
    payload[PARTY_REF] = ref
    return payload


def removed_payload(party_id: str, reason: str, by_unit: str) -> dict[str, Any]:
    text = reason.strip()
    if not text:
        raise DomainError("reason_missing", action=ACTION_WORDS[REMOVE])
    problem = too_long(text, REASON_LIMIT, Words("理由", "reason"))
    if problem is not None:
        raise problem
    return {"party_id": party_id, "reason": text, "by_unit": by_unit}


def party_from(row: Mapping[str, Any], secret: str | None) -> Party:
    """A party from its projection row and its held secret (None when not held here)."""
    kind = PartyKind(row["kind"])
    party = Party(row["id"], kind, name=row["name"], credit_code=row["credit_code"])
    held = _held(secret)
    if held is None:
        return replace(party, withheld=bool(row.get("party_ref")))
    name = held["name"] if kind == PartyKind.PERSON else party.name
    return replace(
        party,
        name=name,
        id_number=held["id_number"],
        phone=held["phone"],
        address=held["address"],
        legal_rep=held["legal_rep"],
    )


def _held(secret: str | None) -> dict[str, str] | None:
    if not secret:
        return None
    try:
        data = json.loads(secret)
    except ValueError:
        return None
    fields = ("name", "id_number", "phone", "address", "legal_rep")
    if not isinstance(data, dict) or not all(isinstance(data.get(f), str) for f in fields):
        return None
    return data


# -- what each role sees ----------------------------------------------------------------------


def can_see_parties(role: Role) -> bool:
    """Parties are personal data, shown by role like the reporter (DOMAIN.md §8), and also
    to the responsible leader, who approves what is done to them (a police transfer) and
    signs the documents that name them; the reporter stays hidden from the leader."""
    return can_see_reporter(role) or role == Role.LEADER


def party_view(party: Party, role: Role) -> Party:
    """What ``role`` may see: everything, or the kind, an organisation's registry name and
    code, a person as 张某, a masked ID number and phone, and no address."""
    if can_see_parties(role) and not party.withheld:
        return party
    person = party.kind == PartyKind.PERSON
    return replace(
        party,
        name=masked_name(party.name) if person else party.name,
        id_number=masked_id_number(party.id_number),
        phone=masked_phone(party.phone),
        address="",
        legal_rep=masked_name(party.legal_rep),
    )


def masked_name(name: str) -> str:
    """张三 → 张某, the way published decisions name a person; "" or 保密 when unknown."""
    return f"{name[0]}某" if name else ""


def masked_id_number(number: str) -> str:
    """3201**********1234: the area and the last four, not the birth date."""
    if len(number) < 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


# -- how the events change a case -------------------------------------------------------------

PARTY_TYPES = frozenset({EventType.CASE_PARTY_ADDED, EventType.CASE_PARTY_REMOVED})


def fold_party(
    parties: list[dict[str, Any]], state: CaseState, actor: Actor | None, event: Event, at: str
) -> bool:
    """Apply one party event to the case's party rows (in the merged order); False when it
    is not applied: its actor may no longer change the parties in the state reached (the
    case was closed meanwhile on another device), or it adds a party twice or removes one
    not there. Such an event stays in the log and the case is flagged, like a rival step."""
    p = event.payload
    if not may_change_parties(state, actor):
        return False
    party_id = p.get("party_id")
    known = next((row for row in parties if row["id"] == party_id), None)
    if event.type == EventType.CASE_PARTY_ADDED:
        if known is not None:
            return False
        parties.append(
            {
                "id": party_id,
                "position": len(parties) + 1,
                "kind": PartyKind(p["kind"]).value,  # one this version cannot read is damage
                "name": p.get("name", ""),
                "credit_code": p.get("credit_code", ""),
                "party_ref": p.get(PARTY_REF),
                "added_at": at,
                "added_by": event.actor_id,
                "removed_at": None,
                "removed_by": None,
                "removed_reason": "",
            }
        )
        return True
    if known is None or known["removed_at"] is not None:
        return False
    known |= {"removed_at": at, "removed_by": event.actor_id, "removed_reason": p["reason"]}
    return True
