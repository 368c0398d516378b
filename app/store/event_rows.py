"""Events as rows of the ``events`` table."""

from __future__ import annotations

import json

from app.core.events import Event


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
