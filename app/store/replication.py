"""Events from other devices: what we hold per origin, what a peer lacks, and how remote
events are folded into the projections so that any order of arrival ends the same.

Every projection is a fold of its entity's events in the merged order ``(hlc, device_id,
device_seq)``. An event that arrives after a later event of the same case has already been
applied is "late": the case is replayed from its events, so the result is the same as if
the events had come in order. Reference data is added once; its later changes (a record's
``*.set``, response commitments, calendar settings, passwords) are settings of their own
per entity and type, where the latest in the merged order stands.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from operator import attrgetter

from sqlite_utils import Database

from app.core.events import Event, EventType
from app.store.database import write_transaction
from app.store.eventlog import (
    EVENT_COLUMNS,
    at_each_write,
    insert_events,
    row_to_event,
    this_device,
)
from app.store.projections.cases import existing_cases, forget_context, refold_cases
from app.store.projections.fold_beside import FoldBeside
from app.store.projections.reference import REJUDGED_AFTER
from app.store.projections.rollup import Sums, add_sums, write_sums
from app.store.projections.table import apply_event

Vector = dict[str, int]  # origin device id -> highest seq held (seqs are gapless)
_LAST_WRITER_WINS = {
    EventType.DEPARTMENT_RESPONSE_SET,
    EventType.CALENDAR_DAY_SET,
    EventType.OFFICE_HOURS_SET,
    EventType.CALENDAR_YEAR_SET,
    EventType.TOWNSHIP_PROFILE_SET,
    EventType.TOWNSHIP_PRINCIPAL_SET,
    EventType.DEPARTMENT_SET,
    EventType.GRID_SET,
    EventType.CATEGORY_SET,
    EventType.USER_SET,
    EventType.USER_PASSWORD_SET,
}


def held(db: Database, origins: Iterable[str] | None = None) -> Vector:
    """Highest seq held per origin device, by index lookups (never a scan of the log).
    Without ``origins``, every device that has events here."""
    if origins is None:
        origins = [row[0] for row in db.execute(_DEVICES_WITH_EVENTS)]
    found: Vector = {}
    for origin in sorted(origins):
        row = db.execute(
            "SELECT max(device_seq) FROM events WHERE device_id = ?", [origin]
        ).fetchone()
        if row[0]:
            found[origin] = int(row[0])
    return found


# the distinct device ids of the log, one index seek per device (a "skip scan")
_DEVICES_WITH_EVENTS = """
WITH RECURSIVE origin(id) AS (
    SELECT min(device_id) FROM events
    UNION ALL
    SELECT (SELECT min(device_id) FROM events WHERE device_id > origin.id)
    FROM origin WHERE origin.id IS NOT NULL
)
SELECT id FROM origin WHERE id IS NOT NULL
"""


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


Sign = Callable[[bytes], str]  # the device's private key at work: DeviceKeys.signature


def signed_own_head(db: Database, sign: Sign) -> ChainHead | None:
    """This device's chain head as it stands, signed (the kept one if there is one at that
    seq): one signature vouches for the whole chain through its hash links."""
    me = this_device(db).id
    row = db.execute(
        "SELECT device_seq, hash FROM events WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1",
        [me],
    ).fetchone()
    if row is None:
        return None
    existing = head_at(db, me, row[0])
    if existing:
        return existing
    unsigned = ChainHead(me, row[0], row[1], "")
    return replace(unsigned, signature=sign(unsigned.statement()))


def record_own_head(db: Database, sign: Sign) -> ChainHead | None:
    """Sign this device's chain as it stands and keep the head, in the caller's write
    transaction. From then on an edited, re-hashed or deleted event up to it is caught by
    ``verify`` (the signature needs the device's private key, which the database never
    holds). Earlier heads of our own that no sync file carried are dropped: the newest one
    vouches for everything before it through the hash links."""
    head = signed_own_head(db, sign)
    if head is None:
        return None
    shipped = shipped_seqs(db, head.device_id)
    for (seq,) in db.execute(
        "SELECT seq FROM chain_heads WHERE device_id = ? AND seq < ?", [head.device_id, head.seq]
    ).fetchall():
        if seq not in shipped:
            db.conn.execute(
                "DELETE FROM chain_heads WHERE device_id = ? AND seq = ?", [head.device_id, seq]
            )
    store_head(db, head)
    return head


def sign_own_chain_now(db: Database, sign: Sign) -> ChainHead | None:
    """For the window to call at close (and whenever it likes) while the device key is
    unlocked: one transaction that signs and keeps this device's chain head."""
    with write_transaction(db):
        return record_own_head(db, sign)


def sign_heads_as_written(db: Database, sign: Sign | None) -> None:
    """From now on (``None``: no longer) every write transaction on ``db`` that appends our
    events also signs our chain head, inside the same transaction, so nothing written
    meanwhile is left in an unsigned tail. For the window while it holds the device password
    (it unlocks the database and the key file); costs one Ed25519 signature (about 0.1 ms)
    per transaction."""
    at_each_write(db, None if sign is None else lambda d: record_own_head(d, sign))


def shipped_seqs(db: Database, origin: str) -> set[int]:
    """How far each sync file written here carried ``origin``'s events (its signed head)."""
    found: set[int] = set()
    for (summary,) in db.execute("SELECT summary FROM sync_files WHERE direction = 'export'"):
        try:
            provided = json.loads(summary).get("provides", {}).get(origin)
            if provided:
                found.add(int(provided[1]))
        except (ValueError, TypeError, AttributeError, IndexError):
            continue  # a damaged summary says nothing; verify reports the rest
    return found


def all_heads(db: Database) -> list[ChainHead]:
    rows = db.execute("SELECT device_id, seq, hash, signature FROM chain_heads").fetchall()
    return [ChainHead(*row) for row in rows]


# -- folding remote events in ---------------------------------------------------------------


@dataclass
class Applied:
    replayed_cases: int = 0  # cases that had later events here than some that arrived now
    max_hlc: int = 0


# an event's place in the merged order: (hlc, device, seq), at C speed
_key: Callable[[Event], tuple[int, str, int]] = attrgetter("hlc", "device_id", "device_seq")
_HLC = attrgetter("hlc")


def _newest(
    db: Database, entity: str, entity_id: str, event_type: str | None = None
) -> tuple[int, str, int] | None:
    """The newest event held of an entity (of one type: a setting, such as a department's
    response commitment, which is not its record)."""
    kind = "AND type = ? " if event_type else ""
    row = db.conn.execute(
        f"SELECT hlc, device_id, device_seq FROM events WHERE entity = ? AND entity_id = ? "
        f"{kind}ORDER BY hlc DESC, device_id DESC, device_seq DESC LIMIT 1",
        [entity, entity_id, *([event_type] if event_type else [])],
    ).fetchone()
    return (row[0], row[1], row[2]) if row else None


def apply_remote(
    db: Database, events: Iterable[Event], beside: FoldBeside | None = None
) -> Applied:
    """Insert verified remote events and fold them in. Call inside a write transaction.

    Reference data is applied in the merged order; every case touched is then folded
    again from all its events (core/case_path/projection.py), whatever order they came in:
    by ``beside``, started on the file's events before the transaction, if its fold holds.
    """
    result = Applied()
    ordered = sorted(events, key=_key)
    by_case: dict[str, list[Event]] = {}
    others: list[tuple[Event, tuple[int, str, int] | None]] = []
    result.max_hlc = max(map(_HLC, ordered), default=0)
    for event in ordered:
        if event.entity == "case":
            by_case.setdefault(event.entity_id, []).append(event)
        elif event.type in _LAST_WRITER_WINS:
            others.append((event, _newest(db, event.entity, event.entity_id, event.type)))
        else:
            others.append((event, None))
    held = existing_cases(db, list(by_case))
    result.replayed_cases = sum(
        1
        for case_id in held
        if (latest := _newest(db, "case", case_id)) and latest > _key(by_case[case_id][0])
    )
    insert_events(db, ordered)
    for event, latest in others:
        if latest is None or latest < _key(event):  # an older setting never overrides
            apply_event(db, event)
        elif event.type in REJUDGED_AFTER:  # ... yet the steps after it are judged by it
            REJUDGED_AFTER[event.type](db, event)
        elif event.type == EventType.USER_SET:  # ... and the steps after it, by its role
            forget_context(db)  # (the users' history is read into the fold's context)
    new = {case_id: e for case_id, e in by_case.items() if case_id not in held}
    case_ids = sorted(held) + list(new)  # new cases: all their events are here already
    # the daily sums' change of every chunk added up and written once: a day's row is
    # written once per import, not once per chunk that touches it (half the upserts)
    sums: Sums = {}
    # the cases folded beside, taken as they come: each chunk is written once the child
    # (or this process, from the other end) has folded it, while the child goes on
    folded = beside.projections(db, ordered) if beside else None
    summed = folded.summed if folded else frozenset()  # the new cases' sums: added beside
    for start in range(0, len(case_ids), 2000):
        chunk = case_ids[start : start + 2000]
        known = {c: new[c] for c in chunk if c in new}
        refold_cases(db, chunk, known=known, sums=sums, folded=folded, summed=summed, named=True)
    if folded:
        add_sums(sums, folded.sums())
    write_sums(db, sums)
    return result
