"""When the office cannot accept a laptop's chain (it holds a record the laptop may not
make, in a chain no later record can be separated from), the office's instruction is to
re-enrol the laptop: the old identity is revoked, a new one joins. The cases the office
never received are carried from the old database into the new one here, so refused work is
not lost: each is registered again on the new laptop, as reported then (same case, number,
time of receipt, photos), in the name of the same grid worker or officer, who must be one
who may act on the new laptop (a record in someone else's name stays behind and is counted).

Only registrations are carried: later steps on those cases were never seen by the office
either; the laptop's user takes them again, and ``Carried.steps_left`` says how many.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from app.core.case_path.device_trust import may_act_on
from app.core.clock import Wall
from app.core.events import EventType
from app.core.model import Role
from app.store.blobs import BlobStore
from app.store.devices import office_device_id
from app.store.eventlog import this_device, writing
from app.store.replication import events_of, peer_has


@dataclass
class Carried:
    cases: list[str] = field(default_factory=list)  # numbers registered again
    left_behind: list[str] = field(default_factory=list)  # in the name of someone else
    steps_left: int = 0  # steps on carried cases, to be taken again


def carry_over(
    old: Database, old_blobs: BlobStore, new: Database, new_blobs: BlobStore, *, wall: Wall
) -> Carried:
    """Register on ``new`` (the re-enrolled laptop) every case of ``old``'s own that the
    office has not confirmed."""
    me = this_device(old).id
    office = office_device_id(old)
    confirmed = peer_has(old, office).get(me, 0) if office else 0
    unsent = list(events_of(old, me, confirmed))
    kind, unit = new.execute(
        "SELECT d.kind, d.department FROM devices d JOIN device me ON me.id = d.id"
    ).fetchone()
    result = Carried()
    carried: set[str] = set()
    with writing(new, wall) as writer:
        for event in unsent:
            if event.type != EventType.CASE_REGISTERED:
                result.steps_left += event.entity_id in carried
                continue
            number = str(event.payload.get("number", event.entity_id[:8]))
            if new.execute("SELECT 1 FROM cases WHERE id = ?", [event.entity_id]).fetchone():
                continue  # the office had it after all
            user = new.execute(
                "SELECT role, department_code FROM users WHERE id = ?", [event.actor_id]
            ).fetchone()
            if user is None or not may_act_on(kind, unit, Role(user[0]), user[1]):
                result.left_behind.append(number)
                continue
            for photo in event.payload.get("photos", []):
                _copy_photo(old, old_blobs, new, new_blobs, str(photo["sha256"]))
            writer.append(event.actor_id, "case", event.entity_id, event.type, event.payload)
            carried.add(event.entity_id)
            result.cases.append(number)
    return result


def _copy_photo(
    old: Database, old_blobs: BlobStore, new: Database, new_blobs: BlobStore, sha256: str
) -> None:
    if not new_blobs.has(sha256):
        new_blobs.put_bytes(sha256, old_blobs.read_bytes(sha256))  # each in its own mode
    row = old.execute("SELECT size, media_type FROM blobs WHERE sha256 = ?", [sha256]).fetchone()
    if row:
        new.conn.execute(
            "INSERT OR IGNORE INTO blobs (sha256, size, media_type) VALUES (?, ?, ?)",
            [sha256, row[0], row[1]],
        )
