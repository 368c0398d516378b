"""The ``secrets`` table: password hashes and reporters' contacts, held by reference
(app/core/secrets.py). Primary data, like the evidence files: no event makes it, so a
rebuild leaves it alone; a sync file carries it to where it is needed
(app/sync/secret_files.py). Every write goes in the caller's transaction, with the event
that names the secret."""

from __future__ import annotations

import os
from collections.abc import Iterable

from sqlite_utils import Database

from app.core.secrets import NONCE_BYTES, ReporterSecret, password_fields, secret_ref


def put_secret(db: Database, value: str) -> str:
    """Hold ``value``; returns its ref. Content-addressed: holding it twice is harmless."""
    ref = secret_ref(value)
    db.conn.execute("INSERT OR IGNORE INTO secrets (ref, value) VALUES (?, ?)", [ref, value])
    return ref


def store_password(db: Database, hashed: str) -> dict[str, str]:
    """The one place a new password is written: the argon2 ``hashed`` goes into the
    secrets table and the event gets its ref (the payload fields returned). Call it inside
    the transaction that appends the event."""
    return password_fields(put_secret(db, hashed))


def store_reporter(db: Database, name: str, phone: str) -> str:
    """Hold a reporter's name and phone under a fresh random nonce; returns the ref."""
    return put_secret(db, ReporterSecret(name, phone).value(os.urandom(NONCE_BYTES).hex()))


def held_secret(db: Database, ref: str | None) -> str | None:
    """The secret named ``ref``, or None: not held on this device (or no ref)."""
    if not ref:
        return None
    row = db.execute("SELECT value FROM secrets WHERE ref = ?", [ref]).fetchone()
    return row[0] if row else None


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
