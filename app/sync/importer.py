"""Read a sync file: check everything first (``check``), write nothing; then apply it in
one transaction (``apply``). Any failure leaves the database exactly as it was."""

from __future__ import annotations

import hashlib
import itertools
import json
from typing import Any

from sqlite_utils import Database

from app.core.case_path.rules import may_originate
from app.core.errors import DomainError
from app.core.events import Event, EventType
from app.store.blobs import BlobStore
from app.store.devices import DeviceRecord, device_record, last_trusted_seq, office_device_id
from app.store.eventlog import this_device
from app.store.replication import (
    ChainHead,
)
from app.sync.actors import check_actors
from app.sync.archive import FORMAT, VERSION, Opened
from app.sync.checked import Anchor, Checked
from app.sync.held import check_blobs, compare_with_held, hold_back_orphans, seen
from app.sync.keys import signature_valid


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
    check_actors(db, events, devices)
    result = Checked(manifest, sender, heads=heads)
    result.already_imported = seen(db, manifest["file_id"])
    compare_with_held(db, events, result)
    hold_back_orphans(db, result)
    check_blobs(db, opened, manifest, result, store)
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
    """Each event must be one its device may make (core/case_path/rules.py): a laptop cannot add a
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


# -- apply ----------------------------------------------------------------------------------
