"""One device password opens the device: its key file, and through it its database.

The database key is 32 random bytes kept in the sealed key file (``keys.py``) beside the
signing and receiving keys, rather than derived from the password: one argon2id
stretching opens everything, a password change re-seals the key file without rewriting the
database, and the key has full strength whatever the password. The price: the database
cannot be opened without its key file, so the two are copied and backed up together.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app.core.clock import Wall
from app.core.errors import DomainError
from app.core.model import User
from app.store.blobs import BlobStore
from app.store.encrypting import EncryptionDone, encrypt_database, sweep_half_done
from app.store.encryption import DatabaseFile, is_encrypted, needs_key, new_key
from app.store.setup import open_database
from app.sync.keys import (
    STRONG,
    DeviceKeys,
    KdfCost,
    key_file_beside,
    key_file_device,
    load_keys,
    save_keys,
)


def needs_password(database: Path) -> bool:
    """Is this an encrypted database of ours (so the device password is asked first)?"""
    return needs_key(database)


def unlock_database(database: Path, password: str) -> DatabaseFile:
    """The database and its key, unlocked with the device password. A plain database
    needs none: the password is not even checked."""
    return unlock_device(database, password)[0]


def unlock_device(database: Path, password: str) -> tuple[DatabaseFile, DeviceKeys | None]:
    """The database with its key, and the device's keys that the same password opened (for
    signing the chain head as events are written: store/replication.py); a plain database:
    no keys (the password is not checked)."""
    if not is_encrypted(database):
        return DatabaseFile(database), None
    key_file = key_file_beside(database)
    if not key_file.is_file():
        raise DomainError("database_key_missing", value=str(database))
    keys = load_keys(key_file, key_file_device(key_file), password)
    if keys.database_key is None:
        raise DomainError("database_key_wrong", value=str(database))
    return DatabaseFile(database, keys.database_key), keys


def encrypt_existing(
    database: Path,
    password: str,
    actor: User | None,
    cost: KdfCost = STRONG,
    *,
    wall: Wall,
) -> EncryptionDone:
    """Encrypt a plain database with a new key kept in this device's key file.

    The key is written into the key file before the database is touched: a kill at any
    later moment leaves a key file that opens whichever database is in place (a re-run
    reuses the key). On the office PC without keys yet, the administrator makes them here,
    as the first sync command would.

    Then the evidence files: each plain one is replaced by its encrypted copy. A run killed
    before the last is done is finished by running it again, which then finds the database
    encrypted already (and so does the first run on a database encrypted before evidence
    files were)."""
    from app.sync.enrolment import unlock  # enrolment imports this module

    if is_encrypted(database):
        removed = sweep_half_done(database)  # a run killed after its rename
        opened = unlock_database(database, password)
        sealed = BlobStore.beside(opened).encrypt_plain()
        if removed or sealed.encrypted or sealed.left_plain:
            return EncryptionDone(database, [], removed, sealed.encrypted, tuple(sealed.left_plain))
        raise DomainError("already_encrypted", value=str(database))
    db = open_database(database)
    try:
        keys = unlock(db, database, password, cost, actor, wall=wall)
    finally:
        db.close()
    key = keys.database_key
    if key is None:
        key = new_key()
        save_keys(replace(keys, database_key=key), key_file_beside(database), password, cost)
    done = encrypt_database(database, key)
    sealed = BlobStore.beside(DatabaseFile(database, key)).encrypt_plain()
    return replace(
        done, evidence_encrypted=sealed.encrypted, evidence_left_plain=tuple(sealed.left_plain)
    )
