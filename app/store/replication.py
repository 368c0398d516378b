"""Events from other devices: what we hold per origin, what a peer lacks, and how remote
events are folded into the projections so that any order of arrival ends the same.

Every projection is a fold of its entity's events in the merged order ``(hlc, device_id,
device_seq)``. An event that arrives after a later event of the same case has already been
applied is "late": the case is replayed from its events, so the result is the same as if
the events had come in order. Reference data is insert-once, except response commitments
and calendar settings, where the latest in the merged order stands.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sqlite_utils import Database

from app.core.events import Event, EventType
from app.core.text import index_terms
from app.store.eventlog import EVENT_COLUMNS, entity_events, insert_event, row_to_event
from app.store.projections import apply_event

Vector = dict[str, int]  # origin device id -> highest seq held (seqs are gapless)
_LAST_WRITER_WINS = {
    EventType.DEPARTMENT_RESPONSE_SET,
    EventType.CALENDAR_DAY_SET,
    EventType.OFFICE_HOURS_SET,
}


def held(db: Database) -> Vector:
    rows = db.execute("SELECT device_id, max(device_seq) FROM events GROUP BY device_id")
    return {device: seq for device, seq in rows}


def peer_has(db: Database, peer_id: str) -> Vector:
    rows = db.execute("SELECT origin_id, seq FROM peer_has WHERE peer_id = ?", [peer_id])
    return {origin: seq for origin, seq in rows}


def note_peer_has(db: Database, peer_id: str, vector: Vector) -> None:
    """What a peer told us it holds; it only ever grows."""
    for origin, seq in vector.items():
        db.conn.execute(
            "INSERT INTO peer_has (peer_id, origin_id, seq) VALUES (?, ?, ?) "
            "ON CONFLICT (peer_id, origin_id) DO UPDATE SET seq = max(seq, excluded.seq)",
            [peer_id, origin, seq],
        )


def events_of(
    db: Database, origin: str, after_seq: int, up_to: int | None = None
) -> Iterator[Event]:
    cursor = db.conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM events WHERE device_id = ? AND device_seq > ? "
        "AND device_seq <= ? ORDER BY device_seq",
        [origin, after_seq, up_to if up_to is not None else 1 << 62],
    )
    for row in cursor:
        yield row_to_event(row)


def event_at(db: Database, origin: str, seq: int) -> Event | None:
    row = db.conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM events WHERE device_id = ? AND device_seq = ?",
        [origin, seq],
    ).fetchone()
    return row_to_event(row) if row else None


def hash_of_id(db: Database, event_id: str) -> tuple[str, int, str] | None:
    row = db.conn.execute(
        "SELECT device_id, device_seq, hash FROM events WHERE id = ?", [event_id]
    ).fetchone()
    return (row[0], row[1], row[2]) if row else None


# -- signed chain heads ---------------------------------------------------------------------


@dataclass(frozen=True)
class ChainHead:
    device_id: str
    seq: int
    hash: str
    signature: str

    def statement(self) -> bytes:
        """What the device signs: its id, how far its chain goes, and the hash there."""
        return f"towndesk-chain-head\n{self.device_id}\n{self.seq}\n{self.hash}".encode()


def store_head(db: Database, head: ChainHead) -> None:
    db.conn.execute(
        "INSERT OR IGNORE INTO chain_heads (device_id, seq, hash, signature) VALUES (?,?,?,?)",
        [head.device_id, head.seq, head.hash, head.signature],
    )


def head_at(db: Database, device_id: str, seq: int) -> ChainHead | None:
    row = db.execute(
        "SELECT device_id, seq, hash, signature FROM chain_heads WHERE device_id = ? AND seq = ?",
        [device_id, seq],
    ).fetchone()
    return ChainHead(*row) if row else None


def latest_head(db: Database, device_id: str, up_to: int) -> ChainHead | None:
    """The furthest signed head of a device's chain that this device holds events up to."""
    row = db.execute(
        "SELECT device_id, seq, hash, signature FROM chain_heads "
        "WHERE device_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1",
        [device_id, up_to],
    ).fetchone()
    return ChainHead(*row) if row else None


def all_heads(db: Database) -> list[ChainHead]:
    rows = db.execute("SELECT device_id, seq, hash, signature FROM chain_heads").fetchall()
    return [ChainHead(*row) for row in rows]


# -- folding remote events in ---------------------------------------------------------------


@dataclass
class Applied:
    events: int = 0
    new_cases: int = 0
    replayed_cases: set[str] = field(default_factory=set)
    max_hlc: int = 0


def _key(event: Event) -> tuple[int, str, int]:
    return (event.hlc, event.device_id, event.device_seq)


def _latest_key(db: Database, entity: str, entity_id: str) -> tuple[int, str, int] | None:
    row = db.conn.execute(
        "SELECT hlc, device_id, device_seq FROM events WHERE entity = ? AND entity_id = ? "
        "ORDER BY hlc DESC, device_id DESC, device_seq DESC LIMIT 1",
        [entity, entity_id],
    ).fetchone()
    return (row[0], row[1], row[2]) if row else None


def apply_remote(db: Database, events: Iterable[Event]) -> Applied:
    """Insert verified remote events and fold them in. Call inside a write transaction."""
    result = Applied()
    to_replay: set[str] = set()
    for event in sorted(events, key=_key):
        result.events += 1
        result.max_hlc = max(result.max_hlc, event.hlc)
        if event.type == EventType.CASE_REGISTERED:
            result.new_cases += 1
        if event.entity == "case" and event.entity_id in to_replay:
            insert_event(db, event)
            continue
        latest = _latest_key(db, event.entity, event.entity_id)
        insert_event(db, event)
        if latest is None or latest < _key(event):
            apply_event(db, event)
        elif event.entity == "case":
            to_replay.add(event.entity_id)
        elif event.type not in _LAST_WRITER_WINS:
            apply_event(db, event)  # insert-once reference data: order does not matter
    for case_id in sorted(to_replay):
        replay_case(db, case_id)
    result.replayed_cases = to_replay
    return result


def replay_case(db: Database, case_id: str) -> None:
    """Forget a case's projection and fold all its events again in the merged order."""
    events = entity_events(db, "case", case_id)
    forget_case(db, case_id, events)
    for event in events:
        apply_event(db, event)


def forget_case(db: Database, case_id: str, events: list[Event]) -> None:
    registered = next((e for e in events if e.type == EventType.CASE_REGISTERED), None)
    row = db.conn.execute("SELECT seq FROM cases WHERE id = ?", [case_id]).fetchone()
    if row is not None and registered is not None:
        p = registered.payload
        terms = index_terms(
            p["description"], p.get("address", ""), p.get("category_name", ""), p["number"]
        )
        db.conn.execute(  # a contentless index forgets a row given the very terms it indexed
            "INSERT INTO cases_search (cases_search, rowid, unigrams, bigrams) "
            "VALUES ('delete', ?, ?, ?)",
            [row[0], terms.unigrams, terms.bigrams],
        )
    db.conn.execute("PRAGMA defer_foreign_keys = ON")
    for table in ("custody", "case_conflicts", "case_pauses", "calls", "assignments"):
        db.conn.execute(f"DELETE FROM {table} WHERE case_id = ?", [case_id])
    db.conn.execute("DELETE FROM case_evidence WHERE case_id = ?", [case_id])
    db.conn.execute("DELETE FROM cases WHERE id = ?", [case_id])
