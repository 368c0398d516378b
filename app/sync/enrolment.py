"""Device identities: the office's own keys, enrolling a field laptop, and joining.

The office creates the laptop's identity (id, code, keys) and writes an enrolment file
sealed with a one-time password told to the laptop's user in person. The file holds the
township, the office's public keys, the laptop's identity and a full sync file addressed
to the laptop, so joining is "create the database, import the bootstrap".
"""

from __future__ import annotations

import base64
import json
import random
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

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
)
from app.store.eventlog import new_id, this_device, writing
from app.store.setup import check_name, create_database, new_device_code
from app.sync.archive import open_archive, private_folder
from app.sync.export import export_sync_file
from app.sync.importer import Anchor, apply, check
from app.sync.keys import (
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
) -> DeviceKeys:
    """This device's keys. On the office's first use the administrator makes them here."""
    device = this_device(db)
    key_file = key_file_beside(database)
    if not key_file.exists() and is_office(db) and device_record(db, device.id) is None:
        if actor is None or actor.role != Role.ADMINISTRATOR:
            raise DomainError("keys_not_set_up")
        return establish_office(db, database, password, cost)
    return load_keys(key_file, device.id, password)


def establish_office(
    db: Database, database: Path, password: str, cost: KdfCost = STRONG
) -> DeviceKeys:
    """Give the office its keys and an escrow key, and enrol it as the first device."""
    device = this_device(db)
    keys = DeviceKeys.generate(device.id, with_escrow=True)
    save_keys(keys, key_file_beside(database), password, cost)
    name = db.execute("SELECT name FROM township").fetchone()[0]
    payload = enrolment_payload(
        device.code, f"{name}办公室", "office", None, keys.public.sign_key, keys.public.box_key
    )
    with writing(db) as writer:
        record_enrolment(writer, None, device.id, payload)
        writer.append(
            None,
            "township",
            "township",
            EventType.TOWNSHIP_ESCROW_SET,
            {"escrow_key": keys.escrow_recipient},
        )
    return keys


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
) -> Enrolled:
    """Enrol a field laptop and write its enrolment file."""
    require(actor.role, MANAGE_REFERENCE_DATA)
    if not is_office(db):
        raise DomainError("device_office_only")
    name = check_name(name)
    if db.execute("SELECT 1 FROM devices WHERE name = ?", [name]).fetchone():
        raise DomainError("device_exists", value=name)
    if kind not in DEVICE_KINDS or kind == "office":
        raise DomainError("device_kind_unknown", value=kind)
    if kind == "department":
        department = (department or "").strip().upper()
        if not db.execute("SELECT 1 FROM departments WHERE code = ?", [department]).fetchone():
            raise DomainError("department_unknown", value=department)
    else:
        department = None
    device_id = new_id()
    laptop = DeviceKeys.generate(device_id)
    secrets = seal(laptop.secrets_json(), device_password, ENROLMENT_LABEL, cost)  # checks it
    code = _free_code(db)
    payload = enrolment_payload(
        code, name, kind, department, laptop.public.sign_key, laptop.public.box_key
    )
    with writing(db) as writer:
        record_enrolment(writer, actor.id, device_id, payload)
    record = device_record(db, device_id)
    assert record is not None
    with private_folder() as work:
        bootstrap = work / "bootstrap.tdsync"
        summary = export_sync_file(db, blobs, keys, actor, device_id, bootstrap, full=True)
        office = device_record(db, this_device(db).id)
        assert office is not None
        township = db.execute("SELECT code, name FROM township").fetchone()
        content = {
            "format": "towndesk-enrolment",
            "version": 1,
            "township": {"code": township[0], "name": township[1]},
            "office": office.__dict__,
            "device": record.__dict__,
            "secrets": base64.b64encode(secrets).decode(),
            "bootstrap": base64.b64encode(bootstrap.read_bytes()).decode(),
        }
        write_private_file(target, json.dumps(content, ensure_ascii=False).encode())
    return Enrolled(record, target, summary.events)


def _free_code(db: Database) -> str:
    used = {row[0] for row in db.execute("SELECT code FROM devices")}
    used.add(this_device(db).code)
    rng = random.SystemRandom()
    for _ in range(1000):
        code = new_device_code(rng)
        if code not in used:
            return code
    raise DomainError("device_codes_exhausted")


def read_enrolment(path: Path, password: str) -> tuple[dict, DeviceKeys]:  # type: ignore[type-arg]
    if not path.is_file():
        raise DomainError("enrolment_missing", value=str(path))
    try:
        content = json.loads(path.read_bytes())
        if content.get("format") != "towndesk-enrolment":
            raise ValueError("format")
        secrets = base64.b64decode(content["secrets"])
    except (ValueError, KeyError, TypeError, AttributeError):
        raise DomainError("enrolment_damaged", value=path.name) from None
    keys = DeviceKeys.from_secrets_json(unseal(secrets, password, ENROLMENT_LABEL))
    return content, keys


def join(enrolment: Path, database: Path, password: str, cost: KdfCost = STRONG) -> DeviceRecord:
    """Turn a new database into the field device an enrolment file describes."""
    content, keys = read_enrolment(enrolment, password)
    device = DeviceRecord(**content["device"])
    office = DeviceRecord(**content["office"])
    if database.exists():
        raise DomainError("database_exists", value=str(database))
    partial = database.with_name(database.name + ".partial")
    for leftover in database.parent.glob(partial.name + "*"):
        leftover.unlink()
    db = create_database(partial, device.code, device_id=device.id)
    try:
        with private_folder() as work:
            bootstrap = work / "bootstrap.tdsync"
            bootstrap.write_bytes(base64.b64decode(content["bootstrap"]))
            store = BlobStore.beside(database)
            with open_archive(bootstrap, keys.identities()) as opened:
                checked = check(db, store, opened, Anchor(office))
                apply(db, store, opened, checked, None, bootstrap)
        if office_device_id(db) != office.id:
            raise DomainError("enrolment_damaged", value=enrolment.name)
    except BaseException:
        db.close()
        for leftover in database.parent.glob(partial.name + "*"):
            leftover.unlink()
        raise
    db.close()
    partial.replace(database)
    save_keys(keys, key_file_beside(database), password, cost)
    return device
