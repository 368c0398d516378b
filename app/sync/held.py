"""A checked sync file against what this device holds: which events are new, already here,
quarantined or held back until an earlier file arrives, and which evidence files are new."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlite_utils import Database

from app.core.errors import DomainError
from app.core.events import GENESIS_HASH, Event, EventType
from app.store.blobs import BlobStore
from app.store.projections.cases import existing_cases
from app.store.replication import event_at
from app.sync.archive import Opened
from app.sync.checked import Checked


def seen(db: Database, file_id: str) -> bool:
    return bool(
        db.execute(
            "SELECT 1 FROM sync_files WHERE file_id = ? AND direction = 'import'", [file_id]
        ).fetchone()
    )


def compare_with_held(db: Database, events: list[Event], result: Checked) -> None:
    """Sort the file's events into new, already here, quarantined and held back."""
    broken: set[str] = set()  # origins whose run cannot continue in this file
    tip: dict[str, tuple[int, str]] = {}  # origin -> (seq, hash) of the last event linked
    held_hashes = _held_hashes(db, events)  # two queries, not two per event
    held_ids = _held_ids(db, events)
    for event in events:
        origin = event.device_id
        if origin in broken:
            result.held_back += 1
            continue
        here_hash = held_hashes.get((origin, event.device_seq))
        if here_hash is not None:
            if here_hash == event.hash:
                result.duplicates += 1
                tip[origin] = (event.device_seq, event.hash)
            else:
                result.quarantined.append((event, "seq_reused"))
                broken.add(origin)
            continue
        if event.id in held_ids:
            result.quarantined.append((event, "id_reused"))
            broken.add(origin)
            continue
        previous = tip.get(origin) or _held_tip(db, origin, event.device_seq - 1)
        if previous is None or previous[1] != event.prev_hash:
            broken.add(origin)  # an earlier file has not arrived, or the chain forked
            if previous is not None:
                result.quarantined.append((event, "chain_fork"))
            else:
                result.held_back += 1
            continue
        result.new_events.append(event)
        tip[origin] = (event.device_seq, event.hash)


def _held_hashes(db: Database, events: list[Event]) -> dict[tuple[str, int], str]:
    """The hashes this device holds at the file's (device, seq) positions and just before."""
    spans: dict[str, tuple[int, int]] = {}
    for event in events:
        low, high = spans.get(event.device_id, (event.device_seq, event.device_seq))
        spans[event.device_id] = (min(low, event.device_seq), max(high, event.device_seq))
    found: dict[tuple[str, int], str] = {}
    for origin, (low, high) in spans.items():
        rows = db.conn.execute(
            "SELECT device_seq, hash FROM events WHERE device_id = ? "
            "AND device_seq BETWEEN ? AND ?",
            [origin, low, high],
        )
        found.update(((origin, seq), hash_) for seq, hash_ in rows)
    return found


def _held_ids(db: Database, events: list[Event]) -> set[str]:
    rows = db.conn.execute(
        "SELECT id FROM events WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps([event.id for event in events])],
    )
    return {row[0] for row in rows}


def _held_tip(db: Database, origin: str, seq: int) -> tuple[int, str] | None:
    if seq == 0:
        return (0, GENESIS_HASH)
    here = event_at(db, origin, seq)
    return (seq, here.hash) if here else None


def hold_back_orphans(db: Database, result: Checked) -> None:
    """Steps on a case this device has never seen wait, with the rest of their device's
    run (a device's events are only ever held without gaps)."""
    touched = {e.entity_id for e in result.new_events if e.entity == "case"}
    known = existing_cases(db, list(touched))
    while True:
        present = known | {
            e.entity_id for e in result.new_events if e.type == EventType.CASE_REGISTERED
        }
        orphan = next(
            (e for e in result.new_events if e.entity == "case" and e.entity_id not in present),
            None,
        )
        if orphan is None:
            return
        kept = [
            e
            for e in result.new_events
            if e.device_id != orphan.device_id or e.device_seq < orphan.device_seq
        ]
        result.held_back += len(result.new_events) - len(kept)
        result.new_events = kept


def check_blobs(
    db: Database,
    opened: Opened,
    manifest: dict[str, Any],
    result: Checked,
    store: BlobStore,
    checked_beside: set[str] | frozenset[str] = frozenset(),
) -> None:
    """The evidence files the manifest lists: each in the file, none unlisted, each one
    new here as listed (``as_listed``) — those in ``checked_beside`` found so by the
    import's child, which stored them (app/sync/beside.py) — and each photo of a new
    event either in the file or here."""
    blobs: dict[str, Any] = manifest["blobs"]
    unlisted = sorted(opened.blob_names - set(blobs))
    if unlisted:
        raise DomainError("sync_unexpected_member", value=f"blobs/{unlisted[0]}")
    missing = sorted(set(blobs) - opened.blob_names)
    if missing:
        raise DomainError("sync_blob_missing", value=missing[0][:12])
    for sha256, info in blobs.items():
        # New unless recorded here: a file alone may be left by an import that was cut off
        # before its transaction committed; it is recorded (and its custody) now.
        if store.has(sha256) and _recorded(db, sha256):
            continue
        if sha256 not in checked_beside and not as_listed(opened.blob_bytes(sha256), sha256, info):
            raise DomainError("sync_damaged", reason=f"evidence {sha256[:12]}")
        result.new_blobs[sha256] = info
    for event in result.new_events:
        for photo in event.payload.get("photos", []):
            sha256 = photo["sha256"]
            if sha256 not in blobs and not store.has(sha256):
                raise DomainError("sync_blob_missing", value=sha256[:12])


def as_listed(data: bytes, sha256: str, info: dict[str, Any]) -> bool:
    """An evidence file's bytes are what the signed manifest says: its SHA-256 and size."""
    return hashlib.sha256(data).hexdigest() == sha256 and len(data) == info.get("size")


def _recorded(db: Database, sha256: str) -> bool:
    return bool(db.execute("SELECT 1 FROM blobs WHERE sha256 = ?", [sha256]).fetchone())
