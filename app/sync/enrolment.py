"""Device identities: the office's own keys, enrolling a field laptop, and joining.

The office creates the laptop's identity (id, code, keys) and writes an enrolment file
sealed with a one-time password told to the laptop's user in person. The file holds the
township, the office's public keys, the laptop's identity and a full sync file addressed
to the laptop, so joining is "create the database, import the bootstrap".
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from sqlite_utils import Database

from app.core.base_data import check_name
from app.core.clock import Wall
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.model import Role, User
from app.core.permissions import MANAGE_REFERENCE_DATA, require
from app.store.blobs import BlobStore
from app.store.devices import (
    DEVICE_KINDS,
    DeviceRecord,
    device_record,
    enrolment_payload,
    is_office,
    office_device_id,
    record_enrolment,
    revoke_device,
)
from app.store.encryption import DatabaseFile, new_key
from app.store.eventlog import EventWriter, new_id, this_device, writing
from app.store.setup import create_database, new_device_code
from app.store.work_calendar import OFFICE_HOURS
from app.sync.applying import apply
from app.sync.archive import open_archive, private_folder
from app.sync.checked import Anchor
from app.sync.export import ExportSummary, export_sync_file
from app.sync.importer import check
from app.sync.keys import (
    CHEAP,
    STRONG,
    DeviceKeys,
    KdfCost,
    key_file_beside,
    load_keys,
    save_keys,
    seal,
    unseal,
    write_private_file,
)

ENROLMENT_LABEL = "towndesk enrolment"


def unlock(
    db: Database,
    database: Path,
    password: str,
    cost: KdfCost = STRONG,
    actor: User | None = None,
    *,
    wall: Wall,
) -> DeviceKeys:
    """This device's keys. On the office's first use the administrator makes them here."""
    device = this_device(db)
    key_file = key_file_beside(database)
    if not key_file.exists() and is_office(db) and device_record(db, device.id) is None:
        if actor is None or actor.role != Role.ADMINISTRATOR:
            raise DomainError("keys_not_set_up")
        return establish_office(db, database, password, cost, wall=wall)
    return load_keys(key_file, device.id, password)


def establish_office(
    db: Database, database: Path, password: str, cost: KdfCost = STRONG, *, wall: Wall
) -> DeviceKeys:
    """Give the office its keys and an escrow key, and enrol it as the first device.

    The key file is written first under a temporary name and put in place only once the
    enrolment is committed, so neither can exist without the other."""
    device = this_device(db)
    keys = DeviceKeys.generate(device.id, with_escrow=True)
    key_file = key_file_beside(database)
    pending = key_file.with_name(key_file.name + ".partial")
    save_keys(keys, pending, password, cost)
    name = db.execute("SELECT name FROM township").fetchone()[0]
    payload = enrolment_payload(
        device.code, f"{name}办公室", "office", None, keys.public.sign_key, keys.public.box_key
    )
    with writing(db, wall) as writer:
        record_enrolment(writer, None, device.id, payload)
        writer.append(
            None,
            "township",
            "township",
            EventType.TOWNSHIP_ESCROW_SET,
            {"escrow_key": keys.escrow_recipient},
        )
        share_local_calendar(db, writer)
    pending.replace(key_file)
    return keys


def share_local_calendar(db: Database, writer: EventWriter) -> None:
    """Calendar exceptions and office hours set before sync existed were local settings:
    write them as events once, so laptops get the same calendar and the same due times."""
    if db.execute("SELECT 1 FROM events WHERE entity = 'calendar' LIMIT 1").fetchone():
        return
    for day, working, note in db.execute("SELECT day, working, note FROM calendar_overrides"):
        payload = {"working": bool(working), "note": note}
        writer.append(None, "calendar", day, EventType.CALENDAR_DAY_SET, payload)
    hours = db.execute("SELECT value FROM settings WHERE key = ?", [OFFICE_HOURS]).fetchone()
    if hours:
        saved = json.loads(hours[0])
        payload = {"start": saved["start"], "end": saved["end"]}
        writer.append(None, "calendar", OFFICE_HOURS, EventType.OFFICE_HOURS_SET, payload)


@dataclass(frozen=True)
class Enrolled:
    device: DeviceRecord
    path: Path
    events: int


def enrol(
    db: Database,
    blobs: BlobStore,
    keys: DeviceKeys,
    actor: User,
    name: str,
    kind: str,
    department: str | None,
    device_password: str,
    target: Path,
    cost: KdfCost = STRONG,
    *,
    wall: Wall,
) -> Enrolled:
    """Enrol a field laptop and write its enrolment file."""
    require(actor.role, MANAGE_REFERENCE_DATA)
    if not is_office(db):
        raise DomainError("device_office_only")
    name = check_name(name)
    if db.execute("SELECT 1 FROM devices WHERE name = ? AND revoked_at IS NULL", [name]).fetchone():
        raise DomainError("device_exists", value=name)
    if kind not in DEVICE_KINDS or kind == "office":
        raise DomainError("device_kind_unknown", value=kind)
    if kind == "department":
        department = (department or "").strip().upper()
        if not db.execute("SELECT 1 FROM departments WHERE code = ?", [department]).fetchone():
            raise DomainError("department_unknown", value=department)
    else:
        department = None
    if not db.execute("SELECT escrow_key FROM township").fetchone()[0]:
        raise DomainError("sync_no_escrow")  # checked before anything is written
    seal(b"", device_password, ENROLMENT_LABEL, CHEAP)  # refuses a short password now
    device_id = new_id()
    laptop = DeviceKeys.generate(device_id)
    payload = enrolment_payload(
        _free_code(db), name, kind, department, laptop.public.sign_key, laptop.public.box_key
    )
    with writing(db, wall) as writer:
        record_enrolment(writer, actor.id, device_id, payload)
    record = device_record(db, device_id)
    office = device_record(db, this_device(db).id)
    assert record is not None and office is not None
    try:
        summary = _write_enrolment(
            db, blobs, keys, actor, laptop, record, office, target, device_password, cost, wall
        )
    except BaseException:
        # the file never reached the laptop: the identity in it must never be trusted
        revoke_device(db, actor, record.id, "注册文件未能写出", wall=wall)
        raise
    return Enrolled(record, target, summary.events)


def _write_enrolment(
    db: Database,
    blobs: BlobStore,
    keys: DeviceKeys,
    actor: User,
    laptop: DeviceKeys,
    record: DeviceRecord,
    office: DeviceRecord,
    target: Path,
    device_password: str,
    cost: KdfCost,
    wall: Wall,
) -> ExportSummary:
    with private_folder() as work:
        bootstrap = work / "bootstrap.tdsync"
        summary = export_sync_file(
            db, blobs, keys, actor, record.id, bootstrap, full=True, wall=wall
        )
        data = bootstrap.read_bytes()
        township = db.execute("SELECT code, name FROM township").fetchone()
        identity = {  # sealed: whoever holds the file without the password can change nothing
            "keys": json.loads(laptop.secrets_json()),
            "device": asdict(record),
            "office": asdict(office),
            "township": {"code": township[0], "name": township[1]},
            "bootstrap_sha256": hashlib.sha256(data).hexdigest(),
        }
        sealed = seal(json.dumps(identity).encode(), device_password, ENROLMENT_LABEL, cost)
        content = {
            "format": "towndesk-enrolment",
            "version": 1,
            "identity": base64.b64encode(sealed).decode(),
            "bootstrap": base64.b64encode(data).decode(),
        }
        write_private_file(target, json.dumps(content).encode())
    return summary


def _free_code(db: Database) -> str:
    used = {row[0] for row in db.execute("SELECT code FROM devices")}
    used.add(this_device(db).code)
    rng = random.SystemRandom()
    for _ in range(1000):
        code = new_device_code(rng)
        if code not in used:
            return code
    raise DomainError("device_codes_exhausted")


@dataclass(frozen=True)
class Enrolment:
    """What an enrolment file says, every part of it checked against the password."""

    keys: DeviceKeys
    device: DeviceRecord
    office: DeviceRecord
    bootstrap: bytes


def read_enrolment(path: Path, password: str) -> Enrolment:
    if not path.is_file():
        raise DomainError("enrolment_missing", value=str(path))
    try:
        content = json.loads(path.read_bytes())
        if content.get("format") != "towndesk-enrolment":
            raise ValueError("format")
        sealed = base64.b64decode(content["identity"], validate=True)
        bootstrap = base64.b64decode(content["bootstrap"], validate=True)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise DomainError("enrolment_damaged", value=path.name) from None
    identity = unseal(sealed, password, ENROLMENT_LABEL)
    try:
        body = json.loads(identity)
        keys = DeviceKeys.from_secrets_json(json.dumps(body["keys"]).encode())
        device, office = DeviceRecord(**body["device"]), DeviceRecord(**body["office"])
        intact = hashlib.sha256(bootstrap).hexdigest() == body["bootstrap_sha256"]
    except (ValueError, KeyError, TypeError):
        raise DomainError("enrolment_damaged", value=path.name) from None
    if not intact or keys.device_id != device.id:
        raise DomainError("enrolment_damaged", value=path.name)
    return Enrolment(keys, device, office, bootstrap)


def join(
    enrolment: Path,
    database: Path,
    password: str,
    cost: KdfCost = STRONG,
    *,
    wall: Wall,
) -> DeviceRecord:
    """Turn a new database into the field device an enrolment file describes.

    A laptop's database is always encrypted, with a key made here (the office never knows
    it) and kept in the key file sealed with the device password. The key file is written
    before the database is put in place, so a database never exists without its key."""
    found = read_enrolment(enrolment, password)
    keys = replace(found.keys, database_key=new_key())
    device, office = found.device, found.office
    if database.exists():
        raise DomainError("database_exists", value=str(database))
    partial = database.with_name(database.name + ".partial")
    for leftover in database.parent.glob(partial.name + "*"):
        leftover.unlink()
    db = create_database(
        partial, device.code, wall=wall, device_id=device.id, key=keys.database_key
    )
    try:
        with private_folder() as work:
            bootstrap = work / "bootstrap.tdsync"
            bootstrap.write_bytes(found.bootstrap)
            store = BlobStore.beside(DatabaseFile(database, keys.database_key))
            with open_archive(bootstrap, keys.identities()) as opened:
                checked = check(db, store, opened, Anchor(office))
                apply(db, store, opened, checked, None, bootstrap, wall=wall)
        if office_device_id(db) != office.id:
            raise DomainError("enrolment_damaged", value=enrolment.name)
    except BaseException:
        db.close()
        for leftover in database.parent.glob(partial.name + "*"):
            leftover.unlink()
        raise
    db.close()
    save_keys(keys, key_file_beside(database), password, cost)
    partial.replace(database)
    return device
