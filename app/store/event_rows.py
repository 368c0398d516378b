"""Events as rows of the ``events`` table."""

from __future__ import annotations

import json

from sqlite_utils import Database

from app.core.events import Event, EventType


def row_to_event(row: tuple) -> Event:
    return Event(
        id=row[0],
        device_id=row[1],
        device_seq=row[2],
        hlc=row[3],
        actor_id=row[4],
        entity=row[5],
        entity_id=row[6],
        type=row[7],
        payload=json.loads(row[8]),
        prev_hash=row[9],
        hash=row[10],
    )


EVENT_COLUMNS = (
    "id, device_id, device_seq, hlc, actor_id, entity, entity_id, type, payload, prev_hash, hash"
)


def office_device_id(db: Database) -> str | None:
    """The office is the device that created the township; only it enrols and revokes."""
    row = db.conn.execute(
        "SELECT device_id FROM events WHERE type = ? LIMIT 1", [EventType.TOWNSHIP_CREATED]
    ).fetchone()
    return row[0] if row else None
