"""Which records a device may make, and in whose name (DOMAIN.md §4, §9): a field laptop
makes only its own kinds of event (``rules.may_originate``), and only for the users it
speaks for. The store's event writer asks these before every event it appends; an import
asks them of every event a sync file carries."""

from __future__ import annotations

from app.core.case_path.rules import FIELD_KINDS, FIELD_STEPS, may_originate
from app.core.errors import DomainError, Words
from app.core.events import EventType
from app.core.model import Role

# -- office-only records ------------------------------------------------------------------
# One rule, derived from ``may_originate``: an event type no field laptop may make is the
# office's alone. The store's event writer asks ``check_origin`` before every event it
# appends, so a new event type or a new write function is refused on a laptop without
# anyone having to remember it, and the office never receives a file it must refuse.


def office_only(event_type: str) -> bool:
    return not any(may_originate(kind, event_type) for kind in FIELD_STEPS)


def check_origin(device_kind: str | None, event_type: str) -> None:
    """Refuse, on a field laptop, an event this laptop may not make (the office accepts
    every type; a database before its keys are set up is the office's)."""
    if device_kind in FIELD_STEPS and not may_originate(device_kind, event_type):
        raise DomainError(
            "field_device_cannot_record", device=FIELD_KINDS[device_kind], value=event_type
        )


# -- who acts on which device ---------------------------------------------------------------
# A grid worker's laptop speaks for grid workers, a department's laptop for that
# department's officers. The office PC is the township's own desk: anyone of the township
# may sign in there (grid workers and officers without a laptop report and answer there,
# and the demo township is one office PC), so "office users" are all users.


# What a device records by itself, in no one's name: the receipt of evidence files carried
# by a sync file (the import may run before anyone signs in, as when a laptop joins).
UNSIGNED_TYPES = frozenset({EventType.EVIDENCE_RECEIVED})


def speaks_for_no_one(actor_id: str | None, event_type: str) -> bool:
    return actor_id is None and event_type in UNSIGNED_TYPES


def may_act_on(
    device_kind: str | None, device_unit: str | None, role: Role, unit: str | None
) -> bool:
    if device_kind == "grid-worker":
        return role == Role.GRID_WORKER
    if device_kind == "department":
        return role == Role.DEPARTMENT_OFFICER and unit is not None and unit == device_unit
    return True  # the office PC (or a database not yet enrolled: the office's first use)


def device_users(device_kind: str | None) -> Words:
    """Who may sign in on a device of this kind, for messages."""
    if device_kind == "grid-worker":
        return Words("网格员", "grid workers")
    if device_kind == "department":
        return Words("本部门的执法人员", "the department's own officers")
    return Words("本乡镇的用户", "the township's users")


def check_actor_on(
    device_kind: str | None, device_unit: str | None, role: Role, unit: str | None, name: str
) -> None:
    if not may_act_on(device_kind, device_unit, role, unit):
        assert device_kind is not None
        raise DomainError(
            "device_user_not_here",
            device=FIELD_KINDS[device_kind],
            value=name,
            role=device_users(device_kind),
        )
