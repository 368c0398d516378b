"""A field laptop speaks only for the people who may sign in on it (core/case_path/device_trust.py
``may_act_on``): the importer refuses a file in which a laptop's event carries anyone else.

An actor is judged by who they were when the event was made: any version of their record
(``user.added``, ``user.set``) the laptop could have known then, i.e. one whose hybrid
clock is not later than the event's (a device's clock always runs past every event it has
received). A grid worker promoted at the office while the laptop was out in the field is
still believed for what they did as a grid worker; a supervisor who never was one is not.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from app.core.case_path.device_trust import device_users, may_act_on, speaks_for_no_one
from app.core.case_path.rules import FIELD_KINDS
from app.core.errors import DomainError
from app.core.events import Event, EventType
from app.core.model import Role
from app.store.devices import DeviceRecord

_USER_TYPES = (EventType.USER_ADDED, EventType.USER_SET)


@dataclass(frozen=True)
class _Version:
    hlc: int
    name: str
    role: Role | None
    unit: str | None


def check_actors(db: Database, events: list[Event], devices: dict[str, DeviceRecord]) -> None:
    """DomainError (``sync_actor_not_allowed`` / ``sync_actor_unknown``) for the first event
    of a field laptop whose actor may not act on that laptop; the office's own events are
    not judged (the office PC is for every user of the township)."""
    field = [
        e
        for e in events
        if devices[e.device_id].kind in FIELD_KINDS and not speaks_for_no_one(e.actor_id, e.type)
    ]
    if not field:
        return
    history = _history(db, events, devices)
    # (device, actor) -> the clock at which they were first believed: a later event of
    # theirs on that device knows at least the same versions, so it is believed too
    decided: dict[tuple[str, str | None], int] = {}
    for event in field:
        key = (event.device_id, event.actor_id)
        if key in decided and decided[key] <= event.hlc:
            continue
        device = devices[event.device_id]
        versions = history.get(event.actor_id or "", [])
        known = [v for v in versions if v.hlc <= event.hlc] or versions[:1]
        if not known:
            raise DomainError(
                "sync_actor_unknown",
                unit=device.name,
                reason=_which(event),
                value=(event.actor_id or "—")[:8],
            )
        if not any(_allowed(device, v) for v in known):
            raise DomainError(
                "sync_actor_not_allowed",
                unit=device.name,
                reason=_which(event),
                value=known[-1].name,
                role=device_users(device.kind),
            )
        decided.setdefault(key, event.hlc)


def _which(event: Event) -> str:
    return f"{event.type} #{event.device_seq}"


def _allowed(device: DeviceRecord, version: _Version) -> bool:
    if version.role is None:
        return False
    return may_act_on(device.kind, device.department, version.role, version.unit)


def _history(
    db: Database, events: list[Event], devices: dict[str, DeviceRecord]
) -> dict[str, list[_Version]]:
    """Every version of every user, oldest first: those held here and those the office
    sends in this very file (a laptop joining learns its users from the bootstrap)."""
    marks = ",".join("?" * len(_USER_TYPES))
    rows = db.execute(
        f"SELECT entity_id, hlc, type, payload FROM events WHERE type IN ({marks})",
        list(_USER_TYPES),
    ).fetchall()
    held = [(r[0], r[1], r[2], json.loads(r[3])) for r in rows]
    sent = [
        (e.entity_id, e.hlc, e.type, e.payload)
        for e in events
        if e.type in _USER_TYPES and devices[e.device_id].kind == "office"
    ]
    return _versions(held + sent)


def _versions(
    changes: Iterable[tuple[str, int, str, dict[str, object]]],
) -> dict[str, list[_Version]]:
    found: dict[str, list[_Version]] = {}
    for user_id, hlc, type_, payload in sorted(changes, key=lambda c: c[1]):
        previous = found.get(user_id, [])
        last = previous[-1] if previous else _Version(hlc, "", None, None)
        if type_ != EventType.USER_ADDED and not previous:
            continue  # a change of someone never added: nothing to judge by
        role = _role(payload.get("role"), last.role)
        unit = payload.get("department_code", last.unit)
        name = payload.get("name", last.name)
        found.setdefault(user_id, []).append(
            _Version(
                hlc,
                name if isinstance(name, str) else last.name,
                role,
                unit if isinstance(unit, str) else None,
            )
        )
    return found


def _role(value: object, fallback: Role | None) -> Role | None:
    try:
        return Role(str(value)) if value is not None else fallback
    except ValueError:
        return None  # a role this version does not know is no role on a laptop
