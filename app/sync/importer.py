"""Read a sync file: check everything first (``check``), write nothing; then apply it in
one transaction (``apply``). Any failure leaves the database exactly as it was."""

from __future__ import annotations

import itertools
import json
from typing import Any

from sqlite_utils import Database

from app.core.case_path.rules import may_originate
from app.core.errors import DomainError
from app.core.events import Event, EventType, first_wrong_hash
from app.store.blobs import BlobStore
from app.store.devices import DeviceRecord, device_record, last_trusted_seq, office_device_id
from app.store.eventlog import this_device
from app.store.replication import (
    ChainHead,
)
from app.sync.actors import check_actors
from app.sync.archive import FORMAT, VERSION, Opened
from app.sync.beside import Beside
from app.sync.checked import Anchor, Checked
from app.sync.held import check_blobs, compare_with_held, hold_back_orphans, seen
from app.sync.keys import signature_valid
from app.sync.manifest import ID_CHARS, check_signed
from app.sync.secret_files import read_secrets, useful_here

MAX_HLC = 2**63 - 1  # an event's clock and sequence fit SQLite's integer


def check(
    db: Database,
    store: BlobStore,
    opened: Opened,
    anchor: Anchor | None = None,
    for_import: bool = True,
    beside: Beside | None = None,
) -> Checked:
    """Everything about a sync file, checked without writing; DomainError if anything is
    wrong (a well-signed file with fields this version cannot read counts as damaged).
    ``beside``: for an import, the evidence files checked and stored by a child from the
    moment the manifest is authenticated (the one thing written: taken back by the caller
    on a refusal), the fold started once the events are parsed (app/sync/beside.py); the
    caller stops both."""
    try:
        return _check(db, store, opened, anchor, for_import, beside)
    except (
        KeyError,
        TypeError,
        ValueError,
        AttributeError,
        IndexError,
        OverflowError,
        RecursionError,
    ) as error:
        reason = f"{type(error).__name__}: {error}"[:200]
        raise DomainError("sync_damaged", reason=reason) from None


def _check(
    db: Database,
    store: BlobStore,
    opened: Opened,
    anchor: Anchor | None,
    for_import: bool,
    beside: Beside | None,
) -> Checked:
    """Authenticate first: the manifest (parsed under fixed bounds) names its sender, whose
    key must have signed its exact bytes; only then is any number in it used."""
    devices = _devices(db, anchor)
    sender, manifest = _authenticated(db, opened, devices, for_import)
    if beside is not None:
        beside.evidence.start(store, opened, manifest["blobs"])
    events = _events(opened, manifest)
    if beside is None or not beside.events_parsed(db, events):  # else a child checks them
        _check_hashes(events)
    try:
        checked = _check_the_rest(
            db, store, opened, devices, sender, manifest, events, anchor, beside
        )
    except BaseException:  # a wrong hash is told first, as if all were checked first
        _check_hashes_beside(beside)
        raise
    _check_hashes_beside(beside)
    return checked


def _check_hashes_beside(beside: Beside | None) -> None:
    if beside is not None:
        _refuse_wrong_hash(beside.hashes.first_wrong())


def _refuse_wrong_hash(wrong: Event | None) -> None:
    if wrong is not None:
        raise DomainError("sync_damaged", reason=f"event {wrong.id} hash")


def _check_the_rest(
    db: Database,
    store: BlobStore,
    opened: Opened,
    devices: dict[str, DeviceRecord],
    sender: DeviceRecord,
    manifest: dict[str, Any],
    events: list[Event],
    anchor: Anchor | None,
    beside: Beside | None = None,
) -> Checked:
    """Everything after the events' own hashes."""
    _learn_enrolments(db, devices, events, anchor)
    heads = _check_chains(events, manifest, devices, db, anchor)
    _check_origins(events, devices)
    check_actors(db, events, devices)
    result = Checked(manifest, sender, heads=heads)
    result.secrets = useful_here(db, read_secrets(opened, manifest), events)
    result.already_imported = _imported_before(db, manifest)
    compare_with_held(db, events, result)
    hold_back_orphans(db, result)
    checked_beside = beside.evidence.checked() if beside is not None else frozenset()
    check_blobs(db, opened, manifest, result, store, checked_beside)
    return result


def _authenticated(
    db: Database, opened: Opened, devices: dict[str, DeviceRecord], for_import: bool
) -> tuple[DeviceRecord, dict[str, Any]]:
    m = opened.manifest
    if m.get("format") != FORMAT:
        raise DomainError("sync_not_a_sync_file", value="manifest")
    if m.get("version") != VERSION:  # compared, never used: "upgrade" beats "forged"
        found = m.get("version")
        shown = found if isinstance(found, int | str | None) and len(str(found)) < 20 else "?"
        raise DomainError("sync_version_unsupported", found=shown, limit=VERSION)
    name = m.get("sender")
    if not isinstance(name, str):
        raise DomainError("sync_damaged", reason="manifest fields (sender)")
    sender = devices.get(name)
    if sender is None:
        fingerprint = m.get("sender_fingerprint")
        shown = fingerprint[:40] if isinstance(fingerprint, str) else "?"
        raise DomainError("sync_unknown_device", value=shown)
    if sender.revoked:
        raise DomainError("sync_device_revoked", value=sender.name)
    if not signature_valid(sender.sign_key, opened.signature, opened.manifest_bytes):
        raise DomainError("sync_bad_signature", value=sender.name)
    limits = opened.limits
    check_signed(m, limits.members, limits.member_bytes)
    township = db.execute("SELECT code FROM township").fetchone()
    if township and township[0] != m["township"]:
        raise DomainError("sync_other_township", value=m["township"])
    if for_import and m["recipient"] != this_device(db).id:
        raise DomainError("sync_wrong_recipient")
    return sender, m


def _imported_before(db: Database, manifest: dict[str, Any]) -> bool:
    """This very file was imported before (same id, sender and time of creation). Another
    file under a used id is refused: taken as "already imported" it would go unread."""
    if not seen(db, manifest["file_id"]):
        return False
    row = db.execute(
        "SELECT peer_id, created_at FROM sync_files WHERE file_id = ? AND direction = 'import'",
        [manifest["file_id"]],
    ).fetchone()
    if tuple(row) != (manifest["sender"], manifest["created_at"]):
        raise DomainError("sync_file_id_reused", value=manifest["file_id"])
    return True


def _devices(db: Database, anchor: Anchor | None) -> dict[str, DeviceRecord]:
    rows = db.execute("SELECT id FROM devices").fetchall()
    known = {row[0]: device_record(db, row[0]) for row in rows}
    devices = {k: v for k, v in known.items() if v is not None}
    if anchor:
        devices.setdefault(anchor.office.id, anchor.office)
    return devices


def _events(opened: Opened, manifest: dict[str, Any]) -> list[Event]:
    """The events, parsed only once their bytes match the signed hash, one bounded line
    at a time, never more than the signed count (itself at most MAX_EVENTS). Each one's
    own hash is checked next (``_check_hashes``)."""
    events: list[Event] = []
    ids: set[str] = set()
    for line in opened.event_lines(manifest["events_sha256"]):
        if len(events) == manifest["events"]:
            raise DomainError("sync_damaged", reason="event count")
        try:
            event = Event.from_fields(_parsed(line))
            _check_field_types(event)
        except (ValueError, TypeError, UnicodeDecodeError, RecursionError):
            raise DomainError("sync_damaged", reason="event line") from None
        if event.id in ids:
            raise DomainError("sync_damaged", reason=f"event {event.id} twice")
        ids.add(event.id)
        events.append(event)
    if len(events) != manifest["events"]:
        raise DomainError("sync_damaged", reason="event count")
    return events


def _check_hashes(events: list[Event]) -> None:
    """Each event's hash, worked out again here, where no child does it (app/sync/beside.py);
    its canonical payload text is kept for its row."""
    _refuse_wrong_hash(first_wrong_hash(events))


_scan = json.JSONDecoder().scan_once  # json.loads's own scanner (the default decoder's)


def _parsed(line: bytes) -> Any:
    """``json.loads(line)``, for a line as the exporter writes it (a JSON object in UTF-8):
    decoded and scanned directly, without json.loads' guessing of the encoding and its
    layers of calls (a tenth of the events' time). The same refusals: a line that is not
    one JSON value with only whitespace around it raises a ValueError. Any other line
    (UTF-16 or -32, a BOM, leading whitespace, not an object) takes json.loads itself."""
    if line[:1] != b"{" or line[1:2] == b"\x00":
        return json.loads(line)
    text = line.decode("utf-8", "surrogatepass")  # what json.loads decodes UTF-8 with
    try:
        value, end = _scan(text, 0)
    except StopIteration:
        raise ValueError("no JSON value") from None
    if text[end:].strip(" \t\n\r"):  # json.loads' "Extra data" (its whitespace)
        raise ValueError("more than one JSON value")
    return value


# ids, names and hashes are at most ID_CHARS long; an entity id twice that and one more
# (evidence.received: "<file id>/<device id>")
_ENTITY_ID_CHARS = 2 * ID_CHARS + 1


def _check_field_types(event: Event) -> None:
    """Signed is not the same as well-formed: a newer or broken program may send odd types.
    (Written out flat: it runs for every event of every file.)"""
    e = event
    texts_ok = (
        type(e.id) is str
        and type(e.device_id) is str
        and type(e.entity) is str
        and type(e.type) is str
        and type(e.prev_hash) is str
        and type(e.hash) is str
        and max(len(e.id), len(e.device_id), len(e.entity), len(e.type)) <= ID_CHARS
        and max(len(e.prev_hash), len(e.hash)) <= ID_CHARS
        and type(e.entity_id) is str
        and len(e.entity_id) <= _ENTITY_ID_CHARS
    )
    numbers_ok = (
        type(e.device_seq) is int
        and type(e.hlc) is int
        and 0 <= e.device_seq <= MAX_HLC
        and 0 <= e.hlc <= MAX_HLC
    )
    actor_ok = e.actor_id is None or (type(e.actor_id) is str and len(e.actor_id) <= ID_CHARS)
    if not (texts_ok and numbers_ok and actor_ok and type(e.payload) is dict):
        raise TypeError(e.id)


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
        first, last = provides[origin]  # bounded and summing to the events (manifest.py)
        if len(run) != last - first + 1 or any(
            e.device_seq != first + i for i, e in enumerate(run)
        ):
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
