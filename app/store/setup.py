"""Create a township database and add reference data, each change an event."""

from __future__ import annotations

import os
import random
import string
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.core.auth import hash_password
from app.core.base_data import check_code, check_name, check_response
from app.core.clock import Wall, local_text
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.model import ResponseCommitment, Role, Route, Tier, Township, User
from app.core.numbering import is_valid_device_code
from app.core.permissions import MANAGE_REFERENCE_DATA
from app.store import sqlite_driver
from app.store.base_data import write_township_profile
from app.store.blobs import BlobStore
from app.store.database import connect, latest_version, migrate, write_transaction
from app.store.db_file import check_place, check_wal, recognise, storage_error
from app.store.devices import require_office
from app.store.encryption import DatabaseFile, database_file, is_encrypted, needs_key
from app.store.eventlog import EventWriter, new_id, writing
from app.store.evidence_copies import sweep_plain_copies
from app.store.evidence_sweep import sweep_evidence
from app.store.projections.cases import (
    STATISTICS_SCHEMA,
    STEP_CLOCKS_SCHEMA,
    refold_all_cases,
)
from app.store.secrets import store_password


def open_database(target: Path | DatabaseFile, *, wall: Wall | None = None) -> Database:
    """Open an existing TownDesk database, upgrading its schema if needed; an encrypted
    one with the key ``target`` carries (``store/encryption.py``).

    Nothing is written (no WAL switch, no backup, no ``-shm``) until the file is known to be
    a TownDesk database, readable, writable and whole, with no other database's ``-wal``
    beside it; each failure is one plain ``DomainError`` (``store/db_file.py``). Evidence
    files a killed copy left half-written are swept; given ``wall``, also old orphans."""
    file = database_file(target)
    path = file.path
    check_place(path)
    if not file.encrypted and is_encrypted(path):  # before anything reads it as plain SQLite
        code = "database_locked" if needs_key(path) else "database_unreadable_or_key_lost"
        raise DomainError(code, value=str(path))
    on_disk = recognise(path, file.key)
    newest = latest_version()
    if on_disk.user_version > newest:
        raise DomainError(
            "database_newer", value=str(path), found=on_disk.user_version, limit=newest
        )
    check_wal(path, on_disk, file.key)
    db = connect(file)
    try:
        migrate(
            db,
            path,
            file.key,
            fills={STATISTICS_SCHEMA: refold_all_cases, STEP_CLOCKS_SCHEMA: refold_all_cases},
        )
        if db.execute("SELECT count(*) FROM device").fetchone()[0] != 1:
            raise DomainError("database_not_initialised", value=str(path))
        sweep_evidence(db, BlobStore.beside(path), wall)
        sweep_plain_copies()  # a killed window's opened PDFs (store/evidence_copies.py)
    except (sqlite_driver.Error, OSError) as error:
        db.close()
        raise storage_error(error, path) from error
    except BaseException:
        db.close()
        raise
    return db


def new_device_code(rng: random.Random | None = None) -> str:
    letters = [c for c in string.ascii_uppercase if c not in "IO"]  # never read as 1 or 0
    rng = rng or random.SystemRandom()
    return "".join(rng.choice(letters) for _ in range(2))


def create_database(
    path: Path,
    device_code: str | None = None,
    *,
    wall: Wall,
    device_id: str | None = None,
    key: bytes | None = None,
) -> Database:
    """A new, empty database file with this device's identity, encrypted with ``key``
    when one is given. Refuses to overwrite."""
    if path.exists():
        raise DomainError("database_exists", value=str(path))
    code = device_code or new_device_code()
    if not is_valid_device_code(code):
        raise DomainError("code_invalid", value=code, limit=4)
    db = connect(DatabaseFile(path, key))  # creates the file owner-only (-wal, -shm alike)
    migrate(db, path, key)
    with write_transaction(db):
        db.conn.execute(
            "INSERT INTO device (id, code, created_at) VALUES (?, ?, ?)",
            [device_id or new_id(), code, local_text(wall())],
        )
    return db


def create_township(writer: EventWriter, name: str, code: str) -> None:
    payload = {"name": check_name(name), "code": check_code(code, TOWNSHIP_CODE_LIMIT)}
    writer.append(None, "township", "township", EventType.TOWNSHIP_CREATED, payload)


def add_department(
    writer: EventWriter,
    actor_id: str | None,
    code: str,
    name: str,
    short_name: str,
    tier: Tier,
    duty_phone: str = "",
    response: ResponseCommitment | None = None,
) -> None:
    payload: dict[str, Any] = {
        "code": check_code(code),
        "name": check_name(name),
        "short_name": short_name.strip() or name.strip(),
        "tier": Tier(tier).value,
        "duty_phone": duty_phone,
    }
    if tier == Tier.Y:
        r = response or ResponseCommitment()
        payload["response"] = {
            "acknowledge_minutes": r.acknowledge_minutes,
            "arrive_minutes": r.arrive_minutes,
            "handle_days": r.handle_days,
        }
    writer.append(actor_id, "department", payload["code"], EventType.DEPARTMENT_ADDED, payload)


def add_user(
    writer: EventWriter,
    actor_id: str | None,
    username: str,
    name: str,
    role: Role,
    department_code: str,
    password: str,
    phone: str = "",
    password_hash: str | None = None,
) -> str:
    """Add a user; returns the new user's id. ``password_hash`` skips re-hashing (demo)."""
    username = username.strip()
    if writer.db.execute("SELECT 1 FROM users WHERE username = ?", [username]).fetchone():
        raise DomainError("user_exists", value=username)
    if not writer.db.execute(
        "SELECT 1 FROM departments WHERE code = ?", [department_code]
    ).fetchone():
        raise DomainError("department_unknown", value=department_code)
    user_id = new_id()
    payload = {
        "username": check_name(username),
        "name": check_name(name),
        "role": Role(role).value,
        "department_code": department_code,
        "phone": phone,
        **store_password(writer.db, password_hash or hash_password(password)),
    }
    writer.append(actor_id, "user", user_id, EventType.USER_ADDED, payload)
    return user_id


def add_grid(
    writer: EventWriter,
    actor_id: str | None,
    code: str,
    name: str,
    area: str,
    worker_id: str | None = None,
) -> None:
    payload = {
        "code": check_code(code),
        "name": check_name(name),
        "area": area,
        "worker_id": worker_id,
    }
    writer.append(actor_id, "grid", payload["code"], EventType.GRID_ADDED, payload)


def add_category(
    writer: EventWriter,
    actor_id: str | None,
    code: str,
    name: str,
    parent_code: str | None = None,
    route: Route | None = None,
    department_code: str | None = None,
    limit_days: int | None = None,
    sign_days: int | None = None,
) -> None:
    payload = {
        "code": check_code(code),
        "name": check_name(name),
        "parent_code": parent_code,
        "route": Route(route).value if route else None,
        "department_code": department_code,
        "limit_days": limit_days,
        "sign_days": sign_days,
    }
    writer.append(actor_id, "category", payload["code"], EventType.CATEGORY_ADDED, payload)


OFFICE_CODE = "ZHB"
ADMIN_USERNAME = "admin"  # the administrator every new township starts with
TOWNSHIP_CODE_LIMIT = 6  # capitals or digits: the first part of every case number


def initialise_township(
    path: Path,
    name: str,
    code: str,
    admin_password: str,
    *,
    wall: Wall,
    profile: Township | None = None,
) -> None:
    """An empty township: the office (the "1") and one administrator, ``admin``, and its
    profile (by default its people's government issues the documents)."""
    check_name(name)
    check_code(code, TOWNSHIP_CODE_LIMIT)
    hash_password(admin_password)  # refuse a short password before creating the file
    if path.exists():
        raise DomainError("database_exists", value=str(path))
    # made under a temporary name and renamed when complete: never a half-made database
    partial = path.with_name(path.name + ".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    db = create_database(partial, wall=wall)
    try:
        with writing(db, wall) as writer:
            create_township(writer, name, code)
            add_department(
                writer, None, OFFICE_CODE, f"{name}综合行政执法办公室", "综合执法办", Tier.ONE
            )
            add_user(
                writer,
                None,
                ADMIN_USERNAME,
                "管理员",
                Role.ADMINISTRATOR,
                OFFICE_CODE,
                admin_password,
            )
            write_township_profile(writer, None, profile or Township(name, code))
    except BaseException:
        db.close()
        partial.unlink()
        raise
    db.close()  # checkpoints the WAL into the file before it is renamed
    os.replace(partial, path)


def set_response_commitment(
    db: Database,
    actor: User,
    code: str,
    commitment: ResponseCommitment,
    *,
    wall: Wall,
) -> None:
    """What a Y department promises when called: minutes to respond and to arrive, working
    days to finish. Only for tier Y; only the administrator sets it."""
    require_office(db, actor, MANAGE_REFERENCE_DATA)
    row = db.execute("SELECT tier FROM departments WHERE code = ?", [code.upper()]).fetchone()
    if row is None:
        raise DomainError("department_unknown", value=code)
    if row[0] != Tier.Y:
        raise DomainError("response_needs_y", value=code.upper())
    check_response(commitment)
    payload = {
        "acknowledge_minutes": commitment.acknowledge_minutes,
        "arrive_minutes": commitment.arrive_minutes,
        "handle_days": commitment.handle_days,
    }
    with writing(db, wall) as writer:
        writer.append(
            actor.id, "department", code.upper(), EventType.DEPARTMENT_RESPONSE_SET, payload
        )
