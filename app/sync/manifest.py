"""The manifest of a sync file: parsed under fixed bounds before its signature is checked,
then, once signed, every number and string in it checked against fixed bounds before
anything is allocated from it.

Before the signature the manifest is untrusted bytes: it is parsed only when it is at
most ``MANIFEST_BYTES`` long, holds at most ``MANIFEST_ITEMS`` JSON values and nests at
most ``MANIFEST_DEPTH`` deep (counted on a copy with every string emptied, by regular
expressions that run in linear time). The parsed objects then take well under 100 MB
whatever the bytes say (tests/sync/test_memory_bound.py measures it). A key given twice is
refused: two readers could disagree on what was signed.
"""

from __future__ import annotations

import json
import re
from typing import Any

from app.core.errors import DomainError

MANIFEST_BYTES = 8 * 1024 * 1024  # 50,000 evidence files take about 5.5 MB
MANIFEST_ITEMS = 450_000  # about 6 per evidence file, a few per device
MANIFEST_DEPTH = 6  # the real manifest nests 3 deep
MAX_DEVICES = 10_000  # origins in one file (have, provides, heads)
MAX_EVENTS = 2_000_000  # events in one file
MAX_SEQ = 2**53  # a device's sequence numbers and the counts stay exact in JSON
ID_CHARS = 64  # device and file ids are UUIDs (36); a margin for other spellings
TEXT_CHARS = 200  # created_at, township code, media type, signatures (128 hex)
SHA256 = re.compile(r"[0-9a-f]{64}")
MEDIA_TYPE = re.compile(r"[a-z]{1,20}/[a-z0-9][a-z0-9.+-]{0,80}")  # image/jpeg, application/pdf

# possessive (no backtracking): a plain ``(?:[^"\\]|\\.)*`` kept ~280 bytes of state per
# character of a long string, 556 MiB for a 2 MB one
_STRING = re.compile(rb'"[^"\\]*+(?:\\.[^"\\]*+)*+"', re.DOTALL)
_INNERMOST = re.compile(rb"\{[^{}\[\]]*\}|\[[^{}\[\]]*\]")


def parse_bounded(data: bytes) -> dict[str, Any]:
    """The manifest as a dict, or a classified refusal; never a large allocation, never a
    RecursionError."""
    if len(data) > MANIFEST_BYTES:
        raise DomainError("sync_limits", reason=f"manifest: {len(data)} bytes")
    skeleton = _STRING.sub(b'""', data)
    items = sum(skeleton.count(mark) for mark in (b",", b":", b"{", b"["))
    if items > MANIFEST_ITEMS:
        raise DomainError("sync_limits", reason=f"manifest: {items} values")
    for _ in range(MANIFEST_DEPTH):
        reduced = _INNERMOST.sub(b"0", skeleton)
        if reduced == skeleton:
            break
        skeleton = reduced
    if b"{" in skeleton or b"[" in skeleton:
        raise DomainError("sync_damaged", reason="manifest nesting")
    try:
        value = json.loads(data, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise DomainError("sync_damaged", reason="manifest") from None
    if not isinstance(value, dict):
        raise DomainError("sync_damaged", reason="manifest")
    return value


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise ValueError("a key given twice")
    return found


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


# -- after the signature ---------------------------------------------------------------------

_FIELDS: dict[str, type] = {
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


def _count(value: object, top: int = MAX_SEQ) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= top


def _text(value: object, limit: int = TEXT_CHARS) -> bool:
    return isinstance(value, str) and len(value) <= limit


def check_signed(m: dict[str, Any], members: int, member_bytes: int) -> None:
    """Every field the import reads, with its type and within bounds, consistent with
    itself; a signed manifest that is not is refused as damaged (a broken or newer
    program, or a compromised device) before any number in it is used."""
    for key, kind in _FIELDS.items():
        value = m.get(key)
        if not isinstance(value, kind) or (kind is int and not _count(value)):
            raise DomainError("sync_damaged", reason=f"manifest fields ({key})")
    ids = (m["file_id"], m["sender"], m["recipient"])
    texts = (m["created_at"], m["township"])
    if not all(_text(v, ID_CHARS) for v in ids) or not all(_text(v) for v in texts):
        raise DomainError("sync_damaged", reason="manifest fields (text)")
    if not SHA256.fullmatch(m["events_sha256"]):
        raise DomainError("sync_damaged", reason="manifest fields (events_sha256)")
    _check_origins(m)
    _check_blobs(m["blobs"], members, member_bytes)


def _check_origins(m: dict[str, Any]) -> None:
    have, provides, heads = m["have"], m["provides"], m["heads"]
    if max(len(have), len(provides), len(heads)) > MAX_DEVICES:
        raise DomainError("sync_limits", reason="manifest: devices")
    if not all(_text(k, ID_CHARS) and _count(v) for k, v in have.items()):
        raise DomainError("sync_damaged", reason="manifest fields (have)")
    if not m["events"] <= MAX_EVENTS:
        raise DomainError("sync_limits", reason=f"{m['events']} events")
    total = 0
    for origin, span in provides.items():
        if not (
            _text(origin, ID_CHARS)
            and isinstance(span, list)
            and len(span) == 2
            and all(_count(x) for x in span)
            and 1 <= span[0] <= span[1]
        ):
            raise DomainError("sync_damaged", reason="manifest fields (provides)")
        total += span[1] - span[0] + 1
    if total != m["events"]:  # so no range is larger than the events that fill it
        raise DomainError("sync_damaged", reason="manifest fields (provides)")
    for head in heads:
        if not (
            isinstance(head, dict)
            and _text(head.get("device_id"), ID_CHARS)
            and _count(head.get("seq"))
            and _text(head.get("hash"), ID_CHARS)
            and _text(head.get("signature"))
        ):
            raise DomainError("sync_damaged", reason="manifest fields (heads)")
    if len({head["device_id"] for head in heads}) != len(heads):
        raise DomainError("sync_damaged", reason="manifest fields (heads twice)")


def _check_blobs(blobs: dict[str, Any], members: int, member_bytes: int) -> None:
    if len(blobs) > members:
        raise DomainError("sync_limits", reason=f"manifest: {len(blobs)} evidence files")
    for sha256, info in blobs.items():  # JSON keys are unique (parse_bounded refused twice)
        if not (
            SHA256.fullmatch(sha256)
            and isinstance(info, dict)
            and _count(info.get("size"), member_bytes)
            and MEDIA_TYPE.fullmatch(str(info.get("media_type", "application/octet-stream")))
        ):
            raise DomainError("sync_damaged", reason="manifest fields (blobs)")
