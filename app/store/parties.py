"""A case's parties (当事人): record or remove one (an event, its personal data held by ref),
and read them back as a role may see them, or whole for a document the office issues."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence

from sqlite_utils import Database

from app.core.case_path.parties import (
    ADD,
    REMOVE,
    Party,
    PartyRequest,
    added_payload,
    check_party_change,
    may_change_parties,
    party_from,
    party_view,
    removed_payload,
    validate_party,
)
from app.core.case_path.rules import FIELD_KINDS, may_originate
from app.core.clock import Wall
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.model import Case, Role, User
from app.store.case_actions import actor_of
from app.store.case_state import load_state
from app.store.cases import case_by_id, case_by_number
from app.store.devices import own_kind
from app.store.eventlog import writing
from app.store.secrets import store_party

PARTY_ID_BYTES = 4  # 8 hex characters: short to type, unique within a case (checked)
MIN_TYPED = 4  # the fewest characters of a party's number someone may type to name it


def _unit_names(db: Database) -> dict[str, str]:
    return dict(db.execute("SELECT code, short_name FROM departments").fetchall())


def add_party(db: Database, user: User, number: str, request: PartyRequest, *, wall: Wall) -> Case:
    """Record a party of the case (登记当事人). Every check runs before anything is
    written; the personal data goes into the secrets table in the event's transaction."""
    case = case_by_number(db, number)
    party = validate_party(request)
    names = _unit_names(db)
    check_party_change(load_state(db, case.id), actor_of(user), ADD, names)
    with writing(db, wall) as writer:
        # inside the transaction: no one can move the case on meanwhile
        check_party_change(load_state(db, case.id), actor_of(user), ADD, names)
        party_id = _new_party_id(db, case.id)
        ref = store_party(db, party)
        payload = added_payload(party, party_id, ref, user.department_code)
        writer.append(user.id, "case", case.id, EventType.CASE_PARTY_ADDED, payload)
    return case_by_id(db, case.id)


def remove_party(
    db: Database, user: User, number: str, party_id: str, reason: str, *, wall: Wall
) -> Case:
    """Remove a party recorded by mistake (移除当事人), with the reason; the record of it
    stays in the case's timeline and in ``case_parties``."""
    case = case_by_number(db, number)
    names = _unit_names(db)
    check_party_change(load_state(db, case.id), actor_of(user), REMOVE, names)
    found = find_party(db, case, party_id)
    payload = removed_payload(found, reason, user.department_code)
    with writing(db, wall) as writer:
        check_party_change(load_state(db, case.id), actor_of(user), REMOVE, names)
        writer.append(user.id, "case", case.id, EventType.CASE_PARTY_REMOVED, payload)
    return case_by_id(db, case.id)


def may_record_parties(db: Database, user: User, case: Case) -> bool:
    """Whether ``user`` may record or remove parties of ``case`` now, on this device
    (what the window offers): the rules of core, and a laptop that may make such events."""
    kind = own_kind(db)
    if kind in FIELD_KINDS and not may_originate(kind, EventType.CASE_PARTY_ADDED):
        return False
    return may_change_parties(load_state(db, case.id), actor_of(user))


def _new_party_id(db: Database, case_id: str) -> str:
    while True:
        party_id = os.urandom(PARTY_ID_BYTES).hex()
        taken = db.execute(
            "SELECT 1 FROM case_parties WHERE case_id = ? AND id = ?", [case_id, party_id]
        ).fetchone()
        if taken is None:
            return party_id


def find_party(db: Database, case: Case, typed: str) -> str:
    """The id of the case's current party whose number starts with ``typed``."""
    text = typed.strip().lower()
    current = [p.id for p in _parties(db, case.id)]
    matches = [pid for pid in current if len(text) >= MIN_TYPED and pid.startswith(text)]
    if len(matches) > 1:
        raise DomainError("party_ambiguous", value=typed.strip())
    if not matches:
        raise DomainError("party_unknown", value=typed.strip(), case=case.number)
    return matches[0]


def _parties(db: Database, case_id: str) -> list[Party]:
    """The case's current parties, in the order recorded, as held on this device."""
    return parties_of_cases(db, [case_id]).get(case_id, [])


def parties_of_cases(db: Database, case_ids: Sequence[str]) -> dict[str, list[Party]]:
    """The current parties of each of ``case_ids`` (a window of a list), unmasked: the
    caller shows them through ``party_view``."""
    rows = db.execute(
        "SELECT p.case_id, p.id, p.kind, p.name, p.credit_code, p.party_ref, s.value "
        "FROM case_parties p LEFT JOIN secrets s ON s.ref = p.party_ref "
        "WHERE p.case_id IN (SELECT value FROM json_each(?)) AND p.removed_at IS NULL "
        "ORDER BY p.case_id, p.position",
        [json.dumps(list(case_ids))],
    ).fetchall()
    columns = ("id", "kind", "name", "credit_code", "party_ref")
    found: dict[str, list[Party]] = {}
    for row in rows:
        party = party_from(dict(zip(columns, row[1:6], strict=True)), row[6])
        found.setdefault(row[0], []).append(party)
    return found


def case_parties(db: Database, case_id: str, role: Role) -> list[Party]:
    """The case's parties as ``role`` may see them (masked like the reporter)."""
    return [party_view(party, role) for party in _parties(db, case_id)]


def parties_for_document(db: Database, case_id: str) -> list[Party]:
    """The case's parties unmasked, for a document the office issues (a transfer letter
    names its party). The caller has checked the user may issue it; a party whose data is
    not held on this device comes back ``withheld``."""
    return _parties(db, case_id)
