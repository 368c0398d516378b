"""Duty disputes (职责争议): a unit returned a case as not its duty. The office decides it
from the boundary list, or sends it to the next joint meeting; a ruling that changes who
leads such cases amends the boundary list (a new version naming the ruling)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.core.clock import Wall
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.lists import ListKind
from app.core.model import User
from app.core.permissions import COORDINATE
from app.store.devices import require_office
from app.store.eventlog import EventWriter, writing
from app.store.reference import departments, township

OPEN, REFERRED, DECIDED = "open", "referred", "decided"
STATUS_NAMES = {OPEN: "待裁定", REFERRED: "已提交联席会议", DECIDED: "已裁定"}


@dataclass(frozen=True)
class Dispute:
    id: str
    case_id: str
    case_number: str
    category_code: str
    category_name: str
    unit: str  # the unit that says it is not its duty
    reasons: str
    cited: list[str]
    opened_at: str
    meeting_id: str | None
    decided_at: str | None
    lead: str | None
    cooperating: list[str]
    reasoning: str
    amended_item: str
    ruled_at: str | None = None  # the meeting whose decision settled it (None: the office)

    @property
    def status(self) -> str:
        if self.decided_at:
            return DECIDED
        return REFERRED if self.meeting_id else OPEN


_SELECT = """
    SELECT d.id, d.case_id, c.number, c.category_code, coalesce(k.name, c.category_code),
           d.unit, d.reasons, d.cited, d.opened_at, r.meeting_id, r.decided_at, r.lead,
           coalesce(r.cooperating, '[]'), coalesce(r.reasoning, ''),
           coalesce(r.amended_item, ''), r.ruled_at
    FROM disputes d JOIN cases c ON c.id = d.case_id
    LEFT JOIN categories k ON k.code = c.category_code
    LEFT JOIN dispute_rulings r ON r.dispute_id = d.id
"""


def _dispute(row: Sequence[Any]) -> Dispute:
    values = list(row)
    values[7], values[12] = json.loads(values[7]), json.loads(values[12])
    return Dispute(*values)


def disputes(db: Database, status: str | None = None) -> list[Dispute]:
    """Newest first; ``status`` open, referred or decided."""
    found = [_dispute(r) for r in db.execute(_SELECT + " ORDER BY d.opened_at DESC, d.id DESC")]
    return [d for d in found if status is None or d.status == status]


def dispute_by_id(db: Database, dispute_id: str) -> Dispute:
    row = db.execute(_SELECT + " WHERE d.id = ?", [dispute_id]).fetchone()
    if row is None:
        raise DomainError("dispute_unknown", value=dispute_id)
    return _dispute(row)


def disputes_of_case(db: Database, case_id: str) -> list[Dispute]:
    rows = db.execute(_SELECT + " WHERE d.case_id = ? ORDER BY d.opened_at", [case_id])
    return [_dispute(r) for r in rows]


def dispute_for_ref(db: Database, ref: str) -> str:
    """A dispute's id from its id, or from the number of its case (its latest dispute, one
    not yet decided first): clerks know case numbers, not ids."""
    text = ref.strip()
    if db.execute("SELECT 1 FROM disputes WHERE id = ?", [text]).fetchone():
        return text
    row = db.execute(
        "SELECT d.id FROM disputes d JOIN cases c ON c.id = d.case_id "
        "LEFT JOIN dispute_rulings r ON r.dispute_id = d.id "
        "WHERE c.number = ? ORDER BY r.decided_at IS NULL DESC, d.opened_at DESC, d.id DESC "
        "LIMIT 1",
        [text.upper()],
    ).fetchone()
    if row is None:
        raise DomainError("dispute_unknown", value=text)
    return str(row[0])


def undecided(db: Database, dispute_id: str) -> Dispute:
    """The dispute, if it still waits for a ruling; else DomainError."""
    dispute = dispute_by_id(db, dispute_id)
    if dispute.decided_at:
        raise DomainError("dispute_already_decided", value=dispute.decided_at)
    return dispute


def refer_dispute(
    db: Database, user: User, dispute_id: str, meeting_id: str, *, wall: Wall
) -> Dispute:
    """Put an open dispute on a joint meeting's agenda."""
    require_office(db, user, COORDINATE)
    with writing(db, wall) as writer:
        undecided(db, dispute_id)
        meeting = db.execute(
            "SELECT number, minutes_at FROM meetings WHERE id = ?", [meeting_id]
        ).fetchone()
        if meeting is None:
            raise DomainError("meeting_unknown", value=meeting_id)
        if meeting[1]:
            raise DomainError("meeting_already_held", value=meeting[0])
        append_referral(writer, user, dispute_id, meeting_id)
    return dispute_by_id(db, dispute_id)


def append_referral(writer: EventWriter, user: User, dispute_id: str, meeting_id: str) -> None:
    """The referral's event inside an open transaction (scheduling a meeting writes one for
    each dispute on its agenda)."""
    payload = {"meeting_id": meeting_id}
    writer.append(user.id, "dispute", dispute_id, EventType.DISPUTE_REFERRED, payload)


@dataclass(frozen=True)
class Ruling:
    """What the office (or a joint meeting) decided about a dispute."""

    lead: str
    cooperating: tuple[str, ...] = ()
    reasoning: str = ""
    amend_list: bool = False  # the boundary list changes for every such case
    meeting_id: str | None = None
    decision_id: str | None = None  # the meeting decision (决议) it comes from


def decide_dispute(
    db: Database,
    user: User,
    dispute_id: str,
    ruling: Ruling,
    *,
    wall: Wall,
) -> Dispute:
    """Record the ruling; the case waits in triage, where the suggestion now follows it."""
    require_office(db, user, COORDINATE)
    with writing(db, wall) as writer:
        append_ruling(db, writer, user, dispute_id, ruling)
    return dispute_by_id(db, dispute_id)


def append_ruling(
    db: Database, writer: EventWriter, user: User, dispute_id: str, ruling: Ruling
) -> None:
    """The ruling's events inside an open transaction (a meeting's minutes write several)."""
    dispute = undecided(db, dispute_id)
    units = {d.code for d in departments(db)}
    lead = ruling.lead.strip().upper()
    if lead not in units:
        raise DomainError("dispute_lead_missing" if not lead else "department_unknown", value=lead)
    helpers = {code.strip().upper() for code in ruling.cooperating if code.strip()}
    for code in sorted(helpers):  # written like the lead: " scjg" is 市场监管所 too
        if code not in units:
            raise DomainError("department_unknown", value=code)
    if not ruling.reasoning.strip():
        raise DomainError("dispute_reasoning_missing")
    known = "SELECT 1 FROM meetings WHERE id = ?"
    if ruling.meeting_id and db.execute(known, [ruling.meeting_id]).fetchone() is None:
        raise DomainError("meeting_unknown", value=ruling.meeting_id)
    cooperating = sorted(helpers - {lead})
    amended = ""
    if ruling.amend_list:
        amended = _amend_boundary(db, writer, user, dispute, lead, cooperating, ruling)
    payload: dict[str, Any] = {
        "case_id": dispute.case_id,
        "lead": lead,
        "cooperating": cooperating,
        "reasoning": ruling.reasoning.strip(),
        "amended_item": amended,
        "meeting_id": ruling.meeting_id,
        "decision_id": ruling.decision_id,
    }
    writer.append(user.id, "dispute", dispute_id, EventType.DISPUTE_DECIDED, payload)


def _amend_boundary(
    db: Database,
    writer: EventWriter,
    user: User,
    dispute: Dispute,
    lead: str,
    cooperating: list[str],
    ruling: Ruling,
) -> str:
    """The case's category gets the ruling's lead in the boundary list: its entry changes, or,
    when the entry covers other categories too, the category moves to an entry of its own
    (the others keep their lead); with no entry at all, the ruling adds one. One list
    version. Returns the code of the entry that now covers the category."""
    category = dispute.category_code
    items, entry = [], _boundary_item_for(db, category)
    if entry is None:
        ruled = _new_boundary_item(db, dispute, f"{township(db).code}-BJ-{category}")
    elif entry["categories"] == [category]:
        ruled = dict(entry)
    else:
        items.append(entry | {"categories": [c for c in entry["categories"] if c != category]})
        ruled = _new_boundary_item(db, dispute, f"{entry['code']}-{category}")
        ruled |= {k: entry[k] for k in ("lead_duty", "cooperating_duty", "visibility")}
        ruled |= {
            "specialism": entry["specialism"],
            "name": f"{entry['name']}（{dispute.category_name}）",
        }
    note = f"职责争议裁定（案件{dispute.case_number}）：{ruling.reasoning.strip()}"
    notes = f"{ruled['notes']}；{note}" if ruled.get("notes") else note
    items.append(ruled | {"lead": lead, "cooperating": cooperating, "notes": notes})
    source = "联席会议决议" if ruling.meeting_id else "职责争议裁定"
    payload = {
        "items": items,
        "decision": dispute.id,
        "source": f"{source}（{dispute.case_number}）",
    }
    writer.append(user.id, "list", ListKind.BOUNDARY.value, EventType.LIST_ITEM_SET, payload)
    return str(ruled["code"])


_BOUNDARY_COLUMNS = (
    "code, item_no, name, lead, cooperating, lead_duty, cooperating_duty, visibility, "
    "specialism, categories, notes"
)


def _boundary_item_for(db: Database, category_code: str) -> dict[str, Any] | None:
    row = db.execute(
        f"SELECT {_BOUNDARY_COLUMNS} FROM boundary_items b, json_each(b.categories) c "
        "WHERE c.value = ? AND b.lead IN (SELECT code FROM departments) "  # as suggest() reads
        "ORDER BY CAST(b.item_no AS INTEGER), b.code LIMIT 1",
        [category_code],
    ).fetchone()
    if row is None:
        return None
    item = dict(zip([c.strip() for c in _BOUNDARY_COLUMNS.split(",")], row, strict=True))
    item["cooperating"] = json.loads(item["cooperating"])
    item["categories"] = json.loads(item["categories"])
    return item


def _new_boundary_item(db: Database, dispute: Dispute, code: str) -> dict[str, Any]:
    last = db.execute("SELECT max(CAST(item_no AS INTEGER)) FROM boundary_items").fetchone()[0]
    return {
        "code": code,
        "item_no": str((last or 0) + 1),
        "name": dispute.category_name,
        "lead_duty": "",
        "cooperating_duty": "",
        "visibility": "",
        "specialism": "",
        "categories": [dispute.category_code],
        "notes": "",
    }
