"""Read a sync file: check everything first (``check``), write nothing; then apply it in
one transaction (``apply``). Any failure leaves the database exactly as it was."""

from __future__ import annotations

import hashlib
import itertools
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.core.clock import local_text, wall_ms
from app.core.errors import DomainError
from app.core.events import GENESIS_HASH, Event, EventType
from app.core.field import may_originate
from app.core.model import User
from app.store.blobs import BlobStore
from app.store.case_fold import existing_cases
from app.store.devices import DeviceRecord, device_record, last_trusted_seq, office_device_id
from app.store.eventlog import this_device, writing
from app.store.replication import (
    ChainHead,
    apply_remote,
    event_at,
    note_peer_has,
    store_head,
)
from app.sync.archive import FORMAT, VERSION, Opened
from app.sync.keys import signature_valid

CLOCK_LEAD_MS = 24 * 3600 * 1000


@dataclass
class Checked:
    """What a sync file would change here: the preview, and what ``apply`` writes."""

    manifest: dict[str, Any]
    sender: DeviceRecord
    new_events: list[Event] = field(default_factory=list)
    duplicates: int = 0
    quarantined: list[tuple[Event, str]] = field(default_factory=list)
    held_back: int = 0  # events whose earlier events have not arrived yet
    new_blobs: dict[str, dict[str, Any]] = field(default_factory=dict)
    heads: list[ChainHead] = field(default_factory=list)
    already_imported: bool = False

    @property
    def new_cases(self) -> int:
        return sum(e.type == EventType.CASE_REGISTERED for e in self.new_events)

    def summary(self) -> dict[str, Any]:
        m = self.manifest
        return {
            "file_id": m["file_id"],
            "sender": self.sender.name,
            "sender_code": self.sender.code,
            "created_at": m["created_at"],
            "full": m.get("full", False),
            "events_in_file": m["events"],
            "new_events": len(self.new_events),
            "new_cases": self.new_cases,
            "duplicates": self.duplicates,
            "evidence_in_file": len(m["blobs"]),
            "new_evidence": len(self.new_blobs),
            "quarantined": len(self.quarantined),
            "held_back": self.held_back,
            "already_imported": self.already_imported,
        }


@dataclass(frozen=True)
class Anchor:
    """The office as an enrolment file introduces it, before the database knows anyone."""

    office: DeviceRecord


def check(
    db: Database,
    store: BlobStore,
    opened: Opened,
    anchor: Anchor | None = None,
    for_import: bool = True,
) -> Checked:
    """Everything about a sync file, checked without writing; DomainError if anything is
    wrong (a well-signed file with fields this version cannot read counts as damaged)."""
    try:
        return _check(db, store, opened, anchor, for_import)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise DomainError("sync_damaged", reason=f"{type(error).__name__}: {error}") from None


def _check(
    db: Database, store: BlobStore, opened: Opened, anchor: Anchor | None, for_import: bool
) -> Checked:
    manifest = _checked_manifest(db, opened, for_import)
    devices = _devices(db, anchor)
    sender = devices.get(manifest["sender"])
    if sender is None:
        raise DomainError("sync_unknown_device", value=manifest.get("sender_fingerprint", "?"))
    if sender.revoked:
        raise DomainError("sync_device_revoked", value=sender.name)
    if not signature_valid(sender.sign_key, opened.signature, opened.manifest_bytes):
        raise DomainError("sync_bad_signature", value=sender.name)
    events = _events(opened, manifest)
    _learn_enrolments(db, devices, events, anchor)
    heads = _check_chains(events, manifest, devices, db, anchor)
    _check_origins(events, devices)
    result = Checked(manifest, sender, heads=heads)
    result.already_imported = _seen(db, manifest["file_id"])
    _compare_with_held(db, events, result)
    _hold_back_orphans(db, result)
    _check_blobs(db, opened, manifest, result, store)
    return result


def _checked_manifest(db: Database, opened: Opened, for_import: bool) -> dict[str, Any]:
    m = opened.manifest
    if m.get("format") != FORMAT:
        raise DomainError("sync_not_a_sync_file", value="manifest")
    if m.get("version") != VERSION:
        raise DomainError("sync_version_unsupported", found=m.get("version"), limit=VERSION)
    if not _well_formed(m):
        raise DomainError("sync_damaged", reason="manifest fields")
    township = db.execute("SELECT code FROM township").fetchone()
    if township and township[0] != m["township"]:
        raise DomainError("sync_other_township", value=m["township"])
    if for_import and m["recipient"] != this_device(db).id:
        raise DomainError("sync_wrong_recipient")
    return m


_MANIFEST_FIELDS: dict[str, type] = {
    "file_id": str,
    "created_at": str,
    "township": str,
    "sender": str,
    "recipient": str,
    "have": dict,
    "provides": dict,
    "heads": list,
    "events": int,
    "events_sha256": str,
    "blobs": dict,
}


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _well_formed(m: dict[str, Any]) -> bool:
    """Every field the import reads is there with its type, so a malformed manifest (even
    a signed one) is refused as damaged rather than failing half-way through the checks."""
    for key, kind in _MANIFEST_FIELDS.items():
        value = m.get(key)
        if not isinstance(value, kind) or (kind is int and not _is_int(value)):
            return False
    return (
        all(_is_int(seq) for seq in m["have"].values())
        and all(
            isinstance(span, list) and len(span) == 2 and all(_is_int(x) for x in span)
            for span in m["provides"].values()
        )
        and all(isinstance(head, dict) for head in m["heads"])
        and all(
            isinstance(info, dict) and _is_int(info.get("size")) for info in m["blobs"].values()
        )
    )


def _devices(db: Database, anchor: Anchor | None) -> dict[str, DeviceRecord]:
    rows = db.execute("SELECT id FROM devices").fetchall()
    known = {row[0]: device_record(db, row[0]) for row in rows}
    devices = {k: v for k, v in known.items() if v is not None}
    if anchor:
        devices.setdefault(anchor.office.id, anchor.office)
    return devices


def _events(opened: Opened, manifest: dict[str, Any]) -> list[Event]:
    data = opened.events_bytes()
    if hashlib.sha256(data).hexdigest() != manifest["events_sha256"]:
        raise DomainError("sync_damaged", reason="events hash")
    events = []
    for line in data.splitlines():
        try:
            event = Event(**json.loads(line))
            _check_field_types(event)
        except (ValueError, TypeError, UnicodeDecodeError):
            raise DomainError("sync_damaged", reason="event line") from None
        if event.computed_hash() != event.hash:
            raise DomainError("sync_damaged", reason=f"event {event.id} hash")
        events.append(event)
    if len(events) != manifest["events"]:
        raise DomainError("sync_damaged", reason="event count")
    return events


_TEXT_FIELDS = ("id", "device_id", "entity", "entity_id", "type", "prev_hash", "hash")


def _check_field_types(event: Event) -> None:
    """Signed is not the same as well-formed: a newer or broken program may send odd types."""
    texts_ok = all(isinstance(getattr(event, name), str) for name in _TEXT_FIELDS)
    numbers_ok = all(
        isinstance(value, int) and not isinstance(value, bool) and value >= 0
        for value in (event.device_seq, event.hlc)
    )
    actor_ok = event.actor_id is None or isinstance(event.actor_id, str)
    if not (texts_ok and numbers_ok and actor_ok and isinstance(event.payload, dict)):
        raise TypeError(event.id)


def _learn_enrolments(
    db: Database, devices: dict[str, DeviceRecord], events: list[Event], anchor: Anchor | None
) -> None:
    """Devices enrolled or revoked by the office in this very file are known too."""
    office = office_device_id(db) or (anchor.office.id if anchor else None)
    for event in events:
        if event.device_id != office:
            continue
        if event.type == EventType.DEVICE_ENROLLED:
            p = event.payload
            devices.setdefault(
                event.entity_id,
                DeviceRecord(
                    event.entity_id,
                    p["code"],
                    p["name"],
                    p["kind"],
                    p["department"],
                    p["sign_key"],
                    p["box_key"],
                    "",
                ),
            )


def _check_origins(events: list[Event], devices: dict[str, DeviceRecord]) -> None:
    """Each event must be one its device may make (core/field.py): a laptop cannot add a
    user, change the calendar, enrol a device or settle a conflict."""
    for event in events:
        origin = devices[event.device_id]
        if not may_originate(origin.kind, event.type):
            raise DomainError("sync_event_not_allowed", value=origin.name, reason=event.type)


def _revocation_limits(db: Database, events: list[Event], office: str | None) -> dict[str, int]:
    """Per revoked device, the last of its events the office vouched for (the strictest)."""
    limits: dict[str, int] = {}
    for event in events:
        if event.type == EventType.DEVICE_REVOKED and event.device_id == office:
            limit = int(event.payload["last_trusted_seq"])
            limits[event.entity_id] = min(limit, limits.get(event.entity_id, limit))
    for device_id in {e.device_id for e in events}:
        limit = last_trusted_seq(db, device_id)
        if limit is not None:
            limits[device_id] = min(limit, limits.get(device_id, limit))
    return limits


def _check_chains(
    events: list[Event],
    manifest: dict[str, Any],
    devices: dict[str, DeviceRecord],
    db: Database,
    anchor: Anchor | None,
) -> list[ChainHead]:
    """Each origin's events are a gapless, linked run ending at a head it signed."""
    by_origin: dict[str, list[Event]] = {}
    for event in events:
        by_origin.setdefault(event.device_id, []).append(event)
    provides = manifest["provides"]
    if set(by_origin) != set(provides):
        raise DomainError("sync_damaged", reason="ranges")
    heads = {h.get("device_id"): h for h in manifest["heads"] if isinstance(h, dict)}
    office = office_device_id(db) or (anchor.office.id if anchor else None)
    limits = _revocation_limits(db, events, office)
    checked = []
    for origin, run in by_origin.items():
        record = devices.get(origin)
        if record is None:
            raise DomainError("sync_unknown_device", value=origin[:8])
        first, last = provides[origin]
        seqs = [e.device_seq for e in run]
        if seqs != list(range(first, last + 1)):
            raise DomainError("sync_damaged", reason=f"{record.code} sequence")
        for before, after in itertools.pairwise(run):
            if after.prev_hash != before.hash:
                raise DomainError("sync_damaged", reason=f"{record.code} chain")
        if origin in limits and last > limits[origin]:
            raise DomainError("sync_device_revoked", value=record.name)
        head = heads.get(origin) or {}
        signed = ChainHead(origin, last, run[-1].hash, str(head.get("signature", "")))
        if head.get("seq") != last or head.get("hash") != run[-1].hash:
            raise DomainError("sync_bad_signature", value=record.name)
        if not signature_valid(record.sign_key, signed.signature, signed.statement()):
            raise DomainError("sync_bad_signature", value=record.name)
        checked.append(signed)
    return checked


def _seen(db: Database, file_id: str) -> bool:
    return bool(
        db.execute(
            "SELECT 1 FROM sync_files WHERE file_id = ? AND direction = 'import'", [file_id]
        ).fetchone()
    )


def _compare_with_held(db: Database, events: list[Event], result: Checked) -> None:
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


def _hold_back_orphans(db: Database, result: Checked) -> None:
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


def _check_blobs(
    db: Database, opened: Opened, manifest: dict[str, Any], result: Checked, store: BlobStore
) -> None:
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
        data = opened.blob_bytes(sha256)
        if hashlib.sha256(data).hexdigest() != sha256 or len(data) != info.get("size"):
            raise DomainError("sync_damaged", reason=f"evidence {sha256[:12]}")
        result.new_blobs[sha256] = info
    for event in result.new_events:
        for photo in event.payload.get("photos", []):
            sha256 = photo["sha256"]
            if sha256 not in blobs and not store.has(sha256):
                raise DomainError("sync_blob_missing", value=sha256[:12])


def _recorded(db: Database, sha256: str) -> bool:
    return bool(db.execute("SELECT 1 FROM blobs WHERE sha256 = ?", [sha256]).fetchone())


# -- apply ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportSummary:
    preview: dict[str, Any]
    replayed_cases: int
    conflicts: int


def apply(
    db: Database,
    store: BlobStore,
    opened: Opened,
    checked: Checked,
    actor: User | None,
    source: Path,
    wall: int | None = None,
) -> ImportSummary:
    """Write what ``check`` found: evidence files first, then one transaction. A full disk
    (the evidence folder or the database) is reported as such; nothing is recorded."""
    if checked.already_imported:
        return ImportSummary(checked.summary(), 0, 0)
    for sha256 in checked.new_blobs:  # content-addressed: a half-done import leaves no harm
        store.put_bytes(sha256, opened.blob_bytes(sha256))
    try:
        return _write(db, checked, actor, source, wall)
    except sqlite3.OperationalError as error:
        if error.sqlite_errorcode == sqlite3.SQLITE_FULL or "disk is full" in str(error):
            raise DomainError("disk_full") from error
        raise
    except (KeyError, TypeError, ValueError, sqlite3.IntegrityError) as error:
        # signed by an enrolled device, yet not what this version can fold (a newer or a
        # broken program): refused whole, rolled back, like any damaged file
        raise DomainError("sync_damaged", reason=f"{type(error).__name__}: {error}") from error


def _write(
    db: Database, checked: Checked, actor: User | None, source: Path, wall: int | None
) -> ImportSummary:
    m = checked.manifest
    with writing(db) as writer:
        conflicts_before = _open_conflicts(db)
        applied = apply_remote(db, checked.new_events)
        # a laptop whose clock runs days ahead must not drag this device's clock with it
        writer.clock.observe(min(applied.max_hlc, (wall_ms() + CLOCK_LEAD_MS) << 16))
        for head in checked.heads:
            here = event_at(db, head.device_id, head.seq)
            if here is not None and here.hash == head.hash:  # not a fork, nor held back
                store_head(db, head)
        note_peer_has(db, checked.sender.id, {k: int(v) for k, v in m["have"].items()})
        for sha256, info in checked.new_blobs.items():
            db.conn.execute(
                "INSERT OR IGNORE INTO blobs (sha256, size, media_type) VALUES (?, ?, ?)",
                [sha256, info["size"], info.get("media_type", "application/octet-stream")],
            )
        for event, reason in checked.quarantined:
            db.conn.execute(
                "INSERT OR IGNORE INTO quarantine (file_id, event_id, device_id, device_seq, "
                "reason, body) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    m["file_id"],
                    event.id,
                    event.device_id,
                    event.device_seq,
                    reason,
                    json.dumps(event.body() | {"hash": event.hash}, ensure_ascii=False),
                ],
            )
        if checked.new_blobs:
            payload = {
                "file_id": m["file_id"],
                "from_device": checked.sender.id,
                "file_created_at": m["created_at"],
                "blobs": sorted(checked.new_blobs),
            }
            entity_id = f"{m['file_id']}/{this_device(db).id}"
            writer.append(
                actor.id if actor else None,
                "evidence",
                entity_id,
                EventType.EVIDENCE_RECEIVED,
                payload,
            )
        conflicts = len(_open_conflicts(db) - conflicts_before)
        summary = checked.summary() | {
            "replayed_cases": applied.replayed_cases,
            "new_conflicts": conflicts,
        }
        db.conn.execute(
            "INSERT INTO sync_files (file_id, direction, peer_id, created_at, processed_at, "
            "actor_id, path, summary) VALUES (?, 'import', ?, ?, ?, ?, ?, ?)",
            [
                m["file_id"],
                checked.sender.id,
                m["created_at"],
                local_text(wall if wall is not None else wall_ms()),
                actor.id if actor else None,
                str(source),
                json.dumps(summary, ensure_ascii=False),
            ],
        )
    return ImportSummary(summary, applied.replayed_cases, conflicts)


def _open_conflicts(db: Database) -> set[tuple[str, str]]:
    rows = db.execute("SELECT case_id, event_id FROM case_conflicts WHERE resolved_by IS NULL")
    return {(case_id, event_id) for case_id, event_id in rows}
