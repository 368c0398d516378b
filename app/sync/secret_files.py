"""Secrets in sync files (issue 12): which travel where, and the bounded reading of the
``secrets.jsonl`` member.

The events name password hashes and reporters only by ref (app/core/secrets.py); the
secrets themselves go only where they are needed:
- to the office, every secret the sent events name that is held here (a laptop's
  reporters, which the office's clerks call back, and the parties a department's laptop
  recorded, which the office's documents name);
- to a field laptop, the current passwords of exactly the users who may sign in on it
  (core ``may_act_on``), nothing else: never a reporter or a party, never another user's
  password.

The member is optional, so a file from before secrets travelled imports as before. When
present, the signed manifest gives its SHA-256 and line count under ``"secrets"``; the
member is read only after the signature is checked, line by bounded line, and every
secret must hash to its ref. A member the manifest does not name, or a name without the
member, is refused like any other damage.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from app.core.case_path.parties import PARTY_REF
from app.core.case_path.rules import FIELD_KINDS
from app.core.errors import DomainError
from app.core.events import Event, canonical_json
from app.core.secrets import MAX_SECRET_CHARS, PASSWORD_REF, REF, REPORTER_REF, secret_ref
from app.store.devices import DeviceRecord, device_here
from app.store.secrets import held_secrets, keep_only_needed, password_refs_for, put_secret
from app.sync.archive import SECRETS, Opened
from app.sync.manifest import SHA256

MANIFEST_KEY = "secrets"  # {"count": lines, "sha256": of the member}


def named_refs(payload: dict[str, Any]) -> set[str]:
    """The secrets an event's payload names by ref."""
    refs = (payload.get(PASSWORD_REF), payload.get(REPORTER_REF), payload.get(PARTY_REF))
    return {ref for ref in refs if isinstance(ref, str)}


def secrets_for(db: Database, peer: DeviceRecord, named: Iterable[str]) -> dict[str, str]:
    """What a file to ``peer`` carries: for a laptop the passwords of its users, for the
    office the held secrets the file's events name (``named``)."""
    if peer.kind in FIELD_KINDS:
        return held_secrets(db, password_refs_for(db, peer.kind, peer.department))
    return held_secrets(db, named)


def secrets_member(secrets: dict[str, str]) -> tuple[bytes, dict[str, Any] | None]:
    """The member's bytes and its manifest entry; nothing at all when there are none."""
    if not secrets:
        return b"", None
    lines = "".join(
        canonical_json({"ref": r, "value": v}) + "\n" for r, v in sorted(secrets.items())
    )
    data = lines.encode("utf-8")
    return data, {"count": len(secrets), "sha256": hashlib.sha256(data).hexdigest()}


def read_secrets(opened: Opened, manifest: dict[str, Any]) -> dict[str, str]:
    """The secrets of a file whose manifest signature has been checked: each line within
    its cap, never more lines than the signed count (itself under ``limits.secrets``),
    each value hashing to its ref. A classified refusal otherwise."""
    entry = manifest.get(MANIFEST_KEY)
    if entry is None:
        if opened.has_secrets:
            raise DomainError("sync_unexpected_member", value=SECRETS)
        return {}
    limits = opened.limits
    count = entry.get("count") if isinstance(entry, dict) else None
    digest = entry.get("sha256") if isinstance(entry, dict) else None
    if not (isinstance(count, int) and not isinstance(count, bool) and count > 0):
        raise DomainError("sync_damaged", reason="manifest fields (secrets)")
    if not (isinstance(digest, str) and SHA256.fullmatch(digest)):
        raise DomainError("sync_damaged", reason="manifest fields (secrets)")
    if count > limits.secrets:
        raise DomainError("sync_limits", reason=f"{count} secrets")
    if not opened.has_secrets:
        raise DomainError("sync_damaged", reason=f"{SECRETS} missing")
    cap = min(limits.member_bytes, limits.secrets * limits.secret_line)
    if opened.member_sha256(SECRETS, cap) != digest:
        raise DomainError("sync_damaged", reason=f"{SECRETS} hash")
    found: dict[str, str] = {}
    for line in opened.member_lines(SECRETS, limits.secret_line):
        if len(found) == count:
            raise DomainError("sync_damaged", reason="secret count")
        ref, value = _parsed(line)
        if ref in found:
            raise DomainError("sync_damaged", reason=f"secret {ref[:12]} twice")
        if secret_ref(value) != ref:
            raise DomainError("sync_secret_mismatch", value=ref[:12])
        found[ref] = value
    if len(found) != count:
        raise DomainError("sync_damaged", reason="secret count")
    return found


def _parsed(line: bytes) -> tuple[str, str]:
    try:
        item = json.loads(line)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise DomainError("sync_damaged", reason="secret line") from None
    if not isinstance(item, dict) or set(item) != {"ref", "value"}:
        raise DomainError("sync_damaged", reason="secret line")
    ref, value = item["ref"], item["value"]
    if not (isinstance(ref, str) and REF.fullmatch(ref)):
        raise DomainError("sync_damaged", reason="secret line")
    if not (isinstance(value, str) and 0 < len(value) <= MAX_SECRET_CHARS):
        raise DomainError("sync_damaged", reason="secret line")
    return ref, value


def useful_here(db: Database, secrets: dict[str, str], events: Iterable[Event]) -> dict[str, str]:
    """Of a checked file's secrets, those worth holding: at the office the ones the file's
    events name (nothing else a sender slips in); on a laptop all, to be sifted by
    ``keep_received`` once the events are applied."""
    kind, _unit = device_here(db)
    if kind in FIELD_KINDS:
        return secrets
    named: set[str] = set()
    for event in events:
        named |= named_refs(event.payload)
    return {ref: value for ref, value in secrets.items() if ref in named}


def keep_received(db: Database, secrets: dict[str, str]) -> None:
    """Hold what a checked file brought, in the import's transaction, after its events
    are applied. A laptop then forgets what its own users do not need
    (``keep_only_needed``): whatever a sender put in, it ends holding no one else's
    password and no reporter it did not type itself and has not yet sent."""
    for value in secrets.values():
        put_secret(db, value)
    keep_only_needed(db)
