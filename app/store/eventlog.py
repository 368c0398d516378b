"""Append events: gapless per-device sequence, hybrid logical clock, hash chain.

Every write goes through ``EventWriter.append`` inside ``writing(...)``: the event row and
the projection change it causes are committed together or not at all.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from sqlite_utils import Database
from uuid6 import uuid7

from app.core.case_path.device_trust import check_actor_on, check_origin, speaks_for_no_one
from app.core.case_path.rules import FIELD_KINDS
from app.core.clock import HybridClock, Wall
from app.core.errors import DomainError
from app.core.events import GENESIS_HASH, Event
from app.core.model import Role
from app.store.changes import note_committed
from app.store.database import write_transaction
from app.store.event_rows import EVENT_COLUMNS, row_to_event
from app.store.projections.table import apply_event


@dataclass(frozen=True)
class Device:
    id: str
    code: str


def this_device(db: Database) -> Device:
    row = db.execute("SELECT id, code FROM device").fetchone()
    return Device(row[0], row[1])


def new_id() -> str:
    return str(uuid7())


class EventWriter:
    """Appends this device's events within one open transaction.

    On a field laptop it is the last word on what may be written (core/case_path/device_trust.py):
    no event the office alone may make, and no actor who may not sign in on this laptop.
    A refusal raises before the event is inserted and rolls back the whole transaction."""

    def __init__(self, db: Database, device: Device, clock: HybridClock) -> None:
        self.db = db
        self.device = device
        self.clock = clock
        enrolled = db.execute(
            "SELECT kind, department FROM devices WHERE id = ?", [device.id]
        ).fetchone()
        self.kind: str | None = enrolled[0] if enrolled else None
        self.unit: str | None = enrolled[1] if enrolled else None
        self._allowed_actors: set[str] = set()
        head = db.execute(
            "SELECT device_seq, hash FROM events WHERE device_id = ? "
            "ORDER BY device_seq DESC LIMIT 1",
            [device.id],
        ).fetchone()
        self.seq, self.prev_hash = head if head else (0, GENESIS_HASH)
        self.written: list[Event] = []
        self.received: list[Event] = []  # other devices' events applied in this transaction

    def append(
        self,
        actor_id: str | None,
        entity: str,
        entity_id: str,
        type: str,
        payload: dict[str, Any],
        *,
        fold: bool = True,
    ) -> Event:
        """``fold=False``: a case's event whose rows the caller writes itself, with
        ``refold_cases`` in this transaction (the demo's million steps, demo/walk.py)."""
        check_origin(self.kind, type)
        if self.kind in FIELD_KINDS and not speaks_for_no_one(actor_id, type):
            self._check_actor(actor_id)
        self.seq += 1
        event = Event(
            id=new_id(),
            device_id=self.device.id,
            device_seq=self.seq,
            hlc=self.clock.tick(),
            actor_id=actor_id,
            entity=entity,
            entity_id=entity_id,
            type=type,
            payload=payload,
            prev_hash=self.prev_hash,
        ).sealed()
        insert_event(self.db, event)
        if fold or entity != "case":
            apply_event(self.db, event)
        self.prev_hash = event.hash
        self.written.append(event)
        return event

    def _check_actor(self, actor_id: str | None) -> None:
        if actor_id in self._allowed_actors:
            return
        row = self.db.execute(
            "SELECT name, role, department_code FROM users WHERE id = ?", [actor_id]
        ).fetchone()
        if row is None:
            raise DomainError("device_user_unknown", device=FIELD_KINDS[self.kind or ""])
        check_actor_on(self.kind, self.unit, Role(row[1]), row[2], row[0])
        self._allowed_actors.add(str(actor_id))


# an event's row, in the order of the columns below (at C speed: an import writes 100,000s)
_ROW = operator.attrgetter(
    "id",
    "device_id",
    "device_seq",
    "hlc",
    "actor_id",
    "entity",
    "entity_id",
    "type",
    "canonical_payload",
    "prev_hash",
    "hash",
)


def insert_events(db: Database, events: list[Event]) -> None:
    db.conn.executemany(
        "INSERT INTO events (id, device_id, device_seq, hlc, actor_id, entity, entity_id, "
        "type, payload, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        list(map(_ROW, events)),
    )


def insert_event(db: Database, event: Event) -> None:
    db.conn.execute(
        "INSERT INTO events (id, device_id, device_seq, hlc, actor_id, entity, entity_id, "
        "type, payload, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            event.id,
            event.device_id,
            event.device_seq,
            event.hlc,
            event.actor_id,
            event.entity,
            event.entity_id,
            event.type,
            event.canonical_payload,
            event.prev_hash,
            event.hash,
        ),
    )


# Per open database: what to do at the end of each write transaction, inside it. Only
# replication.sign_heads_as_written sets it (the chain head, signed while the key is
# unlocked); it lives there because a head is replication's, and this module comes first.
_on_commit: WeakKeyDictionary[Database, Callable[[Database], object]] = WeakKeyDictionary()


def at_each_write(db: Database, hook: Callable[[Database], object] | None) -> None:
    if hook is None:
        _on_commit.pop(db, None)
    else:
        _on_commit[db] = hook


@contextmanager
def writing(db: Database, wall: Wall) -> Iterator[EventWriter]:
    """One transaction of this device's events, and of those received with them. ``wall``
    is the moment (the demo's writes the past). Once committed, they are noted for
    ``changes.recording``."""
    with write_transaction(db):
        device = this_device(db)
        last = db.execute("SELECT last_hlc FROM device").fetchone()[0]
        writer = EventWriter(db, device, HybridClock(wall, last))
        yield writer
        db.conn.execute("UPDATE device SET last_hlc = ?", [writer.clock.last])
        hook = _on_commit.get(db)
        if hook is not None and writer.written:
            hook(db)
    note_committed(db, writer.received + writer.written)


def events_in_order(db: Database) -> Iterator[Event]:
    cursor = db.conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM events ORDER BY hlc, device_id, device_seq"
    )
    for row in cursor:
        yield row_to_event(row)


def entity_events(db: Database, entity: str, entity_id: str) -> list[Event]:
    rows = db.conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM events WHERE entity = ? AND entity_id = ? "
        "ORDER BY hlc, device_id, device_seq",
        [entity, entity_id],
    ).fetchall()
    return [row_to_event(row) for row in rows]
