"""The township's devices: the office and enrolled field laptops, with their public keys.

Only the office enrols and revokes devices; its events say so and travel in sync files
like any other. The office is the device that created the township.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from app.core.case_path.device_trust import check_actor_on
from app.core.case_path.rules import FIELD_KINDS
from app.core.clock import Wall
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.model import User
from app.core.permissions import ACTION_WORDS, MANAGE_REFERENCE_DATA, may, require
from app.store.event_rows import office_device_id
from app.store.eventlog import EventWriter, this_device, writing

DEVICE_KINDS = ("office", "grid-worker", "department")


@dataclass(frozen=True)
class DeviceRecord:
    id: str
    code: str
    name: str
    kind: str
    department: str | None
    sign_key: str
    box_key: str
    enrolled_at: str
    revoked_at: str | None = None
    revoked_why: str | None = None

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


_COLUMNS = (
    "id, code, name, kind, department, sign_key, box_key, enrolled_at, revoked_at, revoked_why"
)


def device_records(db: Database) -> list[DeviceRecord]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM devices ORDER BY enrolled_at, code").fetchall()
    return [DeviceRecord(*row) for row in rows]


def device_label(record: DeviceRecord | None, fallback_id: str = "") -> str:
    """How people see a device: its name and code; an unknown one by the start of its id."""
    if record is None:
        return fallback_id[:8] or "—"
    return f"{record.name}（{record.code}）"


def device_record(db: Database, device_id: str) -> DeviceRecord | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM devices WHERE id = ?", [device_id]).fetchone()
    return DeviceRecord(*row) if row else None


def find_device(db: Database, name_or_code: str) -> DeviceRecord:
    key = name_or_code.strip()
    for record in device_records(db):
        if key in (record.name, record.code, record.id) or key.upper() == record.code:
            return record
    raise DomainError("device_unknown", value=key)


def own_kind(db: Database) -> str | None:
    """This device's kind (office, grid-worker, department); None before enrolment."""
    row = db.execute("SELECT d.kind FROM devices d JOIN device me ON me.id = d.id").fetchone()
    return row[0] if row else None


def require_office(db: Database, user: User, action: str) -> None:
    """``action``'s permission, and on the office PC: the office accepts lists, rulings and
    meetings from no field laptop (core/case_path/rules.py may_originate), and one such event in a
    laptop's chain would have every later sync file of that laptop refused.

    This is the early, polite refusal (it names what was asked for, before any input is
    checked); the event writer refuses every office-only event on a laptop in any case
    (``check_origin``), so a write function that forgets this call still writes nothing."""
    require(user.role, action)
    kind = own_kind(db)
    if kind in FIELD_KINDS:
        raise DomainError(
            "field_device_cannot", device=FIELD_KINDS[kind], action=ACTION_WORDS[action]
        )


def may_here(db: Database, user: User, action: str) -> bool:
    """Whether ``require_office`` would let ``user`` do ``action`` on this device (what the
    window offers)."""
    return may(user.role, action) and own_kind(db) not in FIELD_KINDS


def device_here(db: Database) -> tuple[str | None, str | None]:
    """This device's kind and the unit it works for; (None, None) before enrolment."""
    row = db.execute(
        "SELECT d.kind, d.department FROM devices d JOIN device me ON me.id = d.id"
    ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def require_user_here(db: Database, user: User) -> None:
    """A grid worker's laptop is for grid workers, a department's for its own officers."""
    kind, unit = device_here(db)
    check_actor_on(kind, unit, user.role, user.department_code, user.name)


def is_office(db: Database) -> bool:
    return office_device_id(db) == this_device(db).id


def enrolment_payload(
    code: str, name: str, kind: str, department: str | None, sign_key: str, box_key: str
) -> dict[str, object]:
    if kind not in DEVICE_KINDS:
        raise DomainError("device_kind_unknown", value=kind)
    return {
        "code": code,
        "name": name,
        "kind": kind,
        "department": department,
        "sign_key": sign_key,
        "box_key": box_key,
    }


def record_enrolment(
    writer: EventWriter, actor_id: str | None, device_id: str, payload: dict[str, object]
) -> None:
    writer.append(actor_id, "device", device_id, EventType.DEVICE_ENROLLED, payload)


def revoke_device(
    db: Database, actor: User, name_or_code: str, reason: str, *, wall: Wall
) -> DeviceRecord:
    """Stop trusting a device (a lost laptop): its files are refused from now on, and
    events of its beyond what the office already holds are never accepted."""
    require(actor.role, MANAGE_REFERENCE_DATA)
    record = find_device(db, name_or_code)
    if record.kind == "office":
        raise DomainError("device_office_not_revocable")
    if record.revoked:
        raise DomainError("device_already_revoked", value=record.name)
    held = db.execute(
        "SELECT coalesce(max(device_seq), 0) FROM events WHERE device_id = ?", [record.id]
    ).fetchone()[0]
    with writing(db, wall) as writer:
        _require_office(db)
        payload = {"reason": reason.strip() or "—", "last_trusted_seq": held}
        writer.append(actor.id, "device", record.id, EventType.DEVICE_REVOKED, payload)
    revoked = device_record(db, record.id)
    assert revoked is not None
    return revoked


def _require_office(db: Database) -> None:
    if not is_office(db):
        raise DomainError("device_office_only")


def last_trusted_seq(db: Database, device_id: str) -> int | None:
    """For a revoked device: its events beyond this seq are refused."""
    row = db.execute(  # only the office revokes; the first revocation is the one that holds
        "SELECT payload FROM events WHERE entity = 'device' AND entity_id = ? AND type = ? "
        "AND device_id = ? ORDER BY hlc, device_id, device_seq LIMIT 1",
        [device_id, EventType.DEVICE_REVOKED, office_device_id(db)],
    ).fetchone()
    if row is None:
        return None
    return int(json.loads(row[0])["last_trusted_seq"])
