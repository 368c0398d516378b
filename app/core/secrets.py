"""Secrets held by reference (issue 12, "a lost laptop gives nothing away").

A password hash or a reporter's name and phone never goes into an event: every device
replicates every event, and the per-device hash chains forbid taking anything out of one
later. The event carries the secret's *ref* (the SHA-256 of its UTF-8 text) and the secret
itself sits beside the log in the ``secrets`` table, travelling in a sync file only to a
device whose users need it (app/sync/secret_files.py). A ref is no help to a guesser: an
argon2 hash carries a random salt, and a reporter's secret a random nonce, so neither a
dictionary of passwords nor one of phone numbers leads back to it.

Old events that carry ``password_hash`` or ``reporter_name``/``reporter_phone`` themselves
stay valid and fold as before: the ref is an optional field meaning the same thing (see
``password_fields``), not a new event type.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from app.core.events import canonical_json

REF = re.compile(r"[0-9a-f]{64}")
NONCE_BYTES = 16
# an argon2 hash is ~100 characters, a reporter's secret under 300 (NAME_LIMIT, a phone)
MAX_SECRET_CHARS = 4096

PASSWORD_HASH = "password_hash"  # the field of events before schema 7
PASSWORD_REF = "password_ref"
REPORTER_REF = "reporter_ref"


def secret_ref(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def password_fields(ref: str) -> dict[str, str]:
    """What a user.added or user.password_set carries for a new password. The same event
    types as before, because the meaning is the same ("this user's password is now this
    argon2 hash"); only where the hash is kept differs, and every reader resolves either
    form the same way (store/reference.py ``password_hash``)."""
    return {PASSWORD_REF: ref}


@dataclass(frozen=True)
class ReporterSecret:
    name: str
    phone: str

    def value(self, nonce: str) -> str:
        """The secret's text: canonical JSON with a random ``nonce`` (hex), so the ref of
        a reporter cannot be found by hashing every phone number."""
        return canonical_json({"name": self.name, "phone": self.phone, "nonce": nonce})


def reporter_from(value: str) -> ReporterSecret | None:
    """The reporter a held secret names; None when the value is not a reporter's."""
    try:
        data = json.loads(value)
    except ValueError:
        return None
    if not isinstance(data, dict) or set(data) != {"name", "phone", "nonce"}:
        return None
    name, phone = data["name"], data["phone"]
    if not isinstance(name, str) or not isinstance(phone, str):
        return None
    return ReporterSecret(name, phone)
