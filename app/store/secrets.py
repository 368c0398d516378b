"""The ``secrets`` table: password hashes, reporters' contacts and parties' personal data,
held by reference (app/core/secrets.py, core/case_path/parties.py). Primary data, like the
evidence files: no event makes it, so a rebuild leaves it alone; a sync file carries it to
where it is needed (app/sync/secret_files.py). Every write goes in the caller's
transaction, with the event that names the secret."""

from __future__ import annotations

import os
from collections.abc import Iterable

from sqlite_utils import Database

from app.core.case_path.device_trust import may_act_on
from app.core.case_path.parties import PARTY_REF, Party
from app.core.case_path.parties import secret_value as party_secret
from app.core.case_path.rules import FIELD_KINDS
from app.core.events import EventType
from app.core.model import Role
from app.core.secrets import NONCE_BYTES, ReporterSecret, password_fields, secret_ref
from app.store.devices import device_here, office_device_id
from app.store.eventlog import this_device
from app.store.replication import peer_has


def put_secret(db: Database, value: str) -> str:
    """Hold ``value``; returns its ref. Content-addressed: holding it twice is harmless,
    and a value edited outside TownDesk (which verify reports) is put right."""
    ref = secret_ref(value)
    db.conn.execute(
        "INSERT INTO secrets (ref, value) VALUES (?, ?) "
        "ON CONFLICT (ref) DO UPDATE SET value = excluded.value",
        [ref, value],
    )
    return ref


def store_password(db: Database, hashed: str) -> dict[str, str]:
    """The one place a new password is written: the argon2 ``hashed`` goes into the
    secrets table and the event gets its ref (the payload fields returned). Call it inside
    the transaction that appends the event."""
    return password_fields(put_secret(db, hashed))


def store_reporter(db: Database, name: str, phone: str) -> str:
    """Hold a reporter's name and phone under a fresh random nonce; returns the ref."""
    return put_secret(db, ReporterSecret(name, phone).value(os.urandom(NONCE_BYTES).hex()))


def store_party(db: Database, party: Party) -> str:
    """Hold a party's personal data under a fresh random nonce; returns the ref."""
    return put_secret(db, party_secret(party, os.urandom(NONCE_BYTES).hex()))


def held_secrets(db: Database, refs: Iterable[str]) -> dict[str, str]:
    """The held ones of ``refs``, by ref."""
    found: dict[str, str] = {}
    wanted = sorted(set(refs))
    for start in range(0, len(wanted), 500):  # under SQLite's bound-parameter limit
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = db.execute(f"SELECT ref, value FROM secrets WHERE ref IN ({marks})", chunk)
        found.update({ref: value for ref, value in rows})
    return found


def password_refs_for(db: Database, kind: str | None, unit: str | None) -> set[str]:
    """The refs of the current passwords of the active users who may sign in on a device
    of ``kind`` working for ``unit`` (core ``may_act_on``): all a laptop needs."""
    rows = db.execute(
        "SELECT password_ref, role, department_code FROM users "
        "WHERE active = 1 AND password_ref IS NOT NULL"
    ).fetchall()
    return {ref for ref, role, dept in rows if may_act_on(kind, unit, Role(role), dept)}


def unsent_reporter_refs(db: Database) -> set[str]:
    """The reporters and parties this device's own users typed that the office has not
    yet confirmed holding: a laptop keeps them only until they are sent."""
    me = this_device(db).id
    office = office_device_id(db)
    sent = peer_has(db, office).get(me, 0) if office else 0
    rows = db.execute(
        "SELECT coalesce(json_extract(payload, '$.reporter_ref'), "
        f"json_extract(payload, '$.{PARTY_REF}')) FROM events "
        "WHERE device_id = ? AND device_seq > ? AND type IN (?, ?)",
        [me, sent, EventType.CASE_REGISTERED, EventType.CASE_PARTY_ADDED],
    ).fetchall()
    return {ref for (ref,) in rows if ref}


def keep_only_needed(db: Database) -> None:
    """On a field laptop, forget every secret its users do not need: passwords of people
    who may no longer sign in here (moved, deactivated, changed), and reporters and
    parties once the office holds them. In the caller's transaction (an import's)."""
    kind, unit = device_here(db)
    if kind not in FIELD_KINDS:
        return  # the office holds every secret: its users may see them all
    needed = password_refs_for(db, kind, unit) | unsent_reporter_refs(db)
    held = [ref for (ref,) in db.execute("SELECT ref FROM secrets")]
    for ref in held:
        if ref not in needed:
            db.conn.execute("DELETE FROM secrets WHERE ref = ?", [ref])
