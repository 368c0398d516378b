"""Mutated sync files for tests/sync/test_fuzz_import.py, made in memory from one genuine
file: what an attacker with only the public keys can make (truncations, bit flips,
crafted zips and manifests, files for other recipients) and what a compromised laptop
can sign with its own key (re-signed manifests and payloads that do not add up).

Each mutation returns the encrypted bytes and whether it is *benign* (the same content,
written differently: it must import, with exactly the genuine file's data); None when the
laptop signed new content it may sign (it may go in, with that content, or be refused).
"""

from __future__ import annotations

import copy
import json
import random
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pyrage

from app.sync.keys import DeviceKeys
from tests.sync import forge
from tests.sync.forge import Member, Parts

INTERESTING = [0, 1, 7, 0x7F, 0xFF, 0x7FFF, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFF]
HOSTILE_VALUES: list[Any] = [
    None,
    True,
    -1,
    0,
    2**40,
    2**63,
    2**64 + 1,
    10**400,
    1.5,
    "",
    "x" * 100_000,
    "../../etc/passwd",
    [],
    {},
    [[1, 2**40]],
    [1, 2**40],
    {"a": [1, 2]},
    "青石镇" * 50,
]


@dataclass(frozen=True)
class Material:
    """The genuine file and what is needed to make variants of it."""

    encrypted: bytes
    parts: Parts
    plain_zip: bytes
    recipients: list[str]  # the office's own age key and the escrow key
    sender: DeviceKeys  # the laptop that made the file (a compromised one signs anything)
    stranger: DeviceKeys

    def fresh(self) -> Parts:
        return copy.deepcopy(self.parts)

    def seal(self, plain: bytes, recipients: list[str] | None = None) -> bytes:
        keys = [pyrage.x25519.Recipient.from_str(k) for k in recipients or self.recipients]
        return pyrage.encrypt(plain, keys)

    def build(self, parts: Parts) -> bytes:
        return self.seal(forge.zip_bytes(parts.members()))


# What a laptop declares in the manifest it signs about its own evidence (a media type) is
# its claim to make: a re-signed manifest may go in with another one, nothing else changed.
DECLARED = "declared"
Benign = bool | None | str
Mutation = Callable[[Material, random.Random], tuple[bytes, Benign]]


# -- the ciphertext (anyone) -----------------------------------------------------------------


def truncate(m: Material, rng: random.Random) -> tuple[bytes, bool]:
    data = m.encrypted
    header = data.index(b"\n--- ") + 1
    region = rng.choice(["header", "payload", "end", "anywhere"])
    if region == "header":
        cut = rng.randrange(1, header + 60)
    elif region == "end":
        cut = len(data) - rng.randrange(1, 40)
    elif region == "payload":
        cut = header + 60 + rng.randrange(0, 65_600)
    else:
        cut = rng.randrange(0, len(data))
    return data[: min(cut, len(data) - 1)], False


def flip_cipher(m: Material, rng: random.Random) -> tuple[bytes, bool]:
    data = bytearray(m.encrypted)
    for _ in range(rng.randint(1, 3)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data), bytes(data) == m.encrypted


def splice_cipher(m: Material, rng: random.Random) -> tuple[bytes, bool]:
    data = bytearray(m.encrypted)
    at = rng.randrange(len(data))
    if rng.random() < 0.5:
        del data[at : at + rng.randint(1, 64)]
    else:
        data[at:at] = rng.randbytes(rng.randint(1, 64))
    return bytes(data), False


def wrong_recipient(m: Material, rng: random.Random) -> tuple[bytes, bool]:
    others = [m.stranger.public.box_key, m.sender.public.box_key]
    chosen = rng.sample(others, rng.randint(1, 2))
    return m.seal(m.plain_zip, chosen), False


def garbage(m: Material, rng: random.Random) -> tuple[bytes, bool]:
    kind = rng.choice(["random", "magic-then-random", "plain-zip", "empty-age"])
    if kind == "random":
        return rng.randbytes(rng.randint(0, 5000)), False
    if kind == "magic-then-random":
        return b"age-encryption.org/v1\n" + rng.randbytes(rng.randint(0, 3000)), False
    if kind == "plain-zip":
        return m.plain_zip, False
    return m.seal(b""), False


# -- the zip (anyone: the recipients' keys are public) ---------------------------------------


def flip_zip(m: Material, rng: random.Random) -> tuple[bytes, bool]:
    plain = bytearray(m.plain_zip)
    for _ in range(rng.randint(1, 4)):
        plain[rng.randrange(len(plain))] ^= 1 << rng.randrange(8)
    return m.seal(bytes(plain)), bytes(plain) == m.plain_zip


def truncate_zip(m: Material, rng: random.Random) -> tuple[bytes, bool]:
    return m.seal(m.plain_zip[: rng.randrange(len(m.plain_zip))]), False


def _records(plain: bytes, signature: bytes) -> list[int]:
    found, at = [], plain.find(signature)
    while at != -1:
        found.append(at)
        at = plain.find(signature, at + 1)
    return found


# (offset in the central record, offset in the local header or None, struct format)
ZIP_FIELDS = {
    "version-needed": (6, 4, "<H"),
    "flags": (8, 6, "<H"),
    "method": (10, 8, "<H"),
    "crc": (16, 14, "<I"),
    "compressed": (20, 18, "<I"),
    "size": (24, 22, "<I"),
    "name-length": (28, 26, "<H"),
    "extra-length": (30, 28, "<H"),
    "local-offset": (42, None, "<I"),
}
EOCD_FIELDS = {"entries-disk": (8, "<H"), "entries": (10, "<H"), "cd-size": (12, "<I"),
               "cd-offset": (16, "<I"), "comment-length": (20, "<H")}  # fmt: skip


def crafted_header(m: Material, rng: random.Random) -> tuple[bytes, bool]:
    """One field of a member's headers (central, local or both) set to an odd value."""
    plain = bytearray(m.plain_zip)
    central = rng.choice(_records(m.plain_zip, b"PK\x01\x02"))
    name = rng.choice(list(ZIP_FIELDS))
    at_central, at_local, fmt = ZIP_FIELDS[name]
    value = rng.choice([*INTERESTING, rng.randrange(1 << 8 * struct.calcsize(fmt))])
    value &= (1 << (8 * struct.calcsize(fmt))) - 1
    where = rng.choice(["central", "local", "both"])
    if where in ("central", "both"):
        struct.pack_into(fmt, plain, central + at_central, value)
    if where in ("local", "both") and at_local is not None:
        local = struct.unpack_from("<I", m.plain_zip, central + 42)[0]
        struct.pack_into(fmt, plain, local + at_local, value)
    return m.seal(bytes(plain)), bytes(plain) == m.plain_zip


def crafted_end(m: Material, rng: random.Random) -> tuple[bytes, bool]:
    """The end record says other counts, sizes or offsets; or a zip64 record is added."""
    plain = bytearray(m.plain_zip)
    end = m.plain_zip.rindex(b"PK\x05\x06")
    if rng.random() < 0.3:
        return m.seal(bytes(plain[:end]) + _zip64_end(rng) + bytes(plain[end:])), False
    name = rng.choice(list(EOCD_FIELDS))
    offset, fmt = EOCD_FIELDS[name]
    value = rng.choice(INTERESTING) & ((1 << (8 * struct.calcsize(fmt))) - 1)
    struct.pack_into(fmt, plain, end + offset, value)
    return m.seal(bytes(plain)), bytes(plain) == m.plain_zip


def _zip64_end(rng: random.Random) -> bytes:
    """A zip64 end record and locator claiming huge counts."""
    huge = rng.choice([2**32, 2**40, 2**63 - 1, 10**6])
    record = struct.pack("<4sQ2H2I4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, huge, huge, huge, 0)
    locator = struct.pack("<4sIQI", b"PK\x06\x07", 0, 0, 1)
    return record + locator


def crafted_members(m: Material, rng: random.Random) -> tuple[bytes, bool]:
    """Members added, doubled, renamed, compressed otherwise or dropped."""
    parts = m.fresh()
    kind = rng.choice(
        ["duplicate", "unexpected", "unsafe", "drop", "long-name", "stored", "reorder"]
    )
    members = parts.members()
    if kind == "duplicate":
        members.append(rng.choice(members))
    elif kind == "unexpected":
        members.append(Member(rng.choice(["x", "blobs/1", "notes.txt", "blobs/"]), b"{}"))
    elif kind == "unsafe":
        members.append(Member(rng.choice(["../x", "/etc/x", "a\\b", "C:x", "blobs/../x"]), b""))
    elif kind == "drop":
        members.pop(rng.randrange(len(members)))
    elif kind == "long-name":
        members.append(Member("blobs/" + "a" * rng.randint(65, 5000), b""))
    elif kind == "stored":  # the same content, stored rather than deflated: benign
        members = [replace(member, compression=zipfile.ZIP_STORED) for member in members]
        return m.seal(forge.zip_bytes(members)), True
    else:  # the same members in another order: benign
        rng.shuffle(members)
        return m.seal(forge.zip_bytes(members)), True
    return m.seal(forge.zip_bytes(members)), False


# -- the manifest ------------------------------------------------------------------------


def _set_path(manifest: dict[str, Any], rng: random.Random, value: Any) -> None:
    """Set a random field, or a field inside one, to ``value``."""
    key = rng.choice(sorted(manifest))
    inner = manifest[key]
    if isinstance(inner, dict) and inner and rng.random() < 0.5:
        sub = rng.choice(sorted(inner))
        if isinstance(inner[sub], dict) and inner[sub] and rng.random() < 0.5:
            inner[sub][rng.choice(sorted(inner[sub]))] = value
        else:
            inner[sub] = value
    elif isinstance(inner, list) and inner and rng.random() < 0.5:
        item = rng.randrange(len(inner))
        if isinstance(inner[item], dict) and rng.random() < 0.6:
            inner[item][rng.choice(sorted(inner[item]))] = value
        else:
            inner[item] = value
    else:
        manifest[key] = value


def manifest_unsigned(m: Material, rng: random.Random) -> tuple[bytes, bool]:
    """A manifest changed by someone without the sender's key."""
    parts = m.fresh()
    _set_path(parts.manifest, rng, copy.deepcopy(rng.choice(HOSTILE_VALUES)))
    return m.build(parts), _same_manifest(parts, m)


def _same_manifest(parts: Parts, m: Material) -> bool:
    """Byte for byte (in a dict, True == 1)."""
    return forge.manifest_bytes(parts.manifest) == forge.manifest_bytes(m.parts.manifest)


def manifest_resigned(m: Material, rng: random.Random) -> tuple[bytes, bool]:
    """A compromised laptop signs a manifest that does not add up."""
    parts = m.fresh()
    kind = rng.choice(["value", "huge-range", "count", "nesting", "twice", "bytes"])
    if kind == "value":
        _set_path(parts.manifest, rng, copy.deepcopy(rng.choice(HOSTILE_VALUES)))
    elif kind == "huge-range":
        origin = rng.choice(sorted(parts.manifest["provides"]))
        parts.manifest["provides"][origin] = rng.choice([[1, 2**40], [1, 2**62], [2**40, 2**40]])
    elif kind == "count":
        parts.manifest["events"] = rng.choice([0, 2**31, 2**40, parts.manifest["events"] + 1])
    elif kind == "nesting":
        parts.raw_manifest = _raw_nested(parts.manifest, rng.choice([7, 100, 5000, 100_000]))
        parts.signature = m.sender.signature(parts.raw_manifest)
        return m.build(parts), False
    elif kind == "twice":
        raw = forge.manifest_bytes(parts.manifest)
        parts.raw_manifest = raw.replace(b'\n "events":', b'\n "events": 1,\n "events":', 1)
        parts.signature = m.sender.signature(parts.raw_manifest)
        return m.build(parts), False
    else:
        raw = bytearray(forge.manifest_bytes(parts.manifest))
        for _ in range(rng.randint(1, 3)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        parts.raw_manifest = bytes(raw)
        parts.signature = m.sender.signature(parts.raw_manifest)
        same = bytes(raw) == forge.manifest_bytes(m.parts.manifest)
        return m.build(parts), True if same else DECLARED
    forge.sign(parts, m.sender)
    return m.build(parts), True if _same_manifest(parts, m) else DECLARED


def _raw_nested(manifest: dict[str, Any], depth: int) -> bytes:
    text = forge.manifest_bytes(manifest)
    return text[:-1] + b', "extra": ' + b"[" * depth + b"]" * depth + b"}"


# -- the events and evidence (re-signed by the laptop) ---------------------------------------


def events_resigned(m: Material, rng: random.Random) -> tuple[bytes, bool]:
    parts = m.fresh()
    lines = parts.events.splitlines(keepends=True)
    kind = rng.choice(["drop", "double", "swap", "flip", "field", "deep", "rechain"])
    if kind == "drop":
        lines.pop(rng.randrange(len(lines)))
    elif kind == "double":
        lines.insert(rng.randrange(len(lines)), rng.choice(lines))
    elif kind == "swap" and len(lines) > 1:
        i, j = rng.sample(range(len(lines)), 2)
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "flip":
        line = bytearray(lines[(at := rng.randrange(len(lines)))])
        line[rng.randrange(len(line) - 1)] ^= 1 << rng.randrange(7)
        lines[at] = bytes(line)
    elif kind == "field":
        at = rng.randrange(len(lines))
        body = json.loads(lines[at])
        body[rng.choice(sorted(body))] = copy.deepcopy(rng.choice(HOSTILE_VALUES))
        lines[at] = json.dumps(body, ensure_ascii=False).encode() + b"\n"
    elif kind == "deep":
        lines[rng.randrange(len(lines))] = b"[" * 50_000 + b"]" * 50_000 + b"\n"
    else:  # an event altered and the chain re-hashed: the laptop's signed head no longer fits
        events = parts.event_list()
        at = rng.randrange(len(events))
        payload = events[at].payload | {"description": "篡改" * rng.randint(1, 50)}
        events[at] = replace(events[at], payload=payload).sealed()
        parts.set_events(forge.rechain(events, at))
        forge.resign(parts, m.sender)
        return m.build(parts), False
    parts.events = b"".join(lines)
    forge.resign(parts, m.sender)
    return m.build(parts), parts.events == m.parts.events


def payload_signed(m: Material, rng: random.Random) -> tuple[bytes, Benign]:
    """A compromised laptop writes hostile values into one of its own events and signs its
    chain anew: a file it is entitled to sign. Either it is refused, classified, or it goes
    in (whatever it says): ``None``, neither benign nor to be refused."""
    parts = m.fresh()
    events = parts.event_list()
    mine = [i for i, e in enumerate(events) if e.device_id == m.sender.device_id]
    at = rng.choice(mine)
    payload = dict(events[at].payload)
    key = rng.choice([*sorted(payload), "extra"])
    payload[key] = copy.deepcopy(rng.choice(HOSTILE_VALUES))
    events[at] = replace(events[at], payload=payload).sealed()
    events = forge.rechain(events, at)
    parts.set_events(events)
    last = max((e for e in events if e.device_id == m.sender.device_id), key=lambda e: e.device_seq)
    parts.manifest["heads"] = [
        h for h in parts.manifest["heads"] if h["device_id"] != m.sender.device_id
    ] + [forge.signed_head(m.sender, last.device_seq, last.hash)]
    forge.resign(parts, m.sender)
    return m.build(parts), None


def evidence(m: Material, rng: random.Random) -> tuple[bytes, bool]:
    parts = m.fresh()
    sha = rng.choice(sorted(parts.blobs))
    kind = rng.choice(["flip", "drop", "size", "unlisted"])
    if kind == "flip":
        data = bytearray(parts.blobs[sha])
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        parts.blobs[sha] = bytes(data)
        return m.build(parts), bytes(data) == m.parts.blobs[sha]
    if kind == "drop":
        del parts.blobs[sha]
    elif kind == "size":
        parts.manifest["blobs"][sha]["size"] = rng.choice([0, 2**40, -1, 10**9])
        forge.sign(parts, m.sender)
    else:
        parts.blobs["f" * 64] = b"\xff\xd8\xff not listed"
    return m.build(parts), False


def unchanged(m: Material, rng: random.Random) -> tuple[bytes, bool]:
    """The genuine file, or its content encrypted afresh: it must import."""
    return (m.encrypted if rng.random() < 0.5 else m.seal(m.plain_zip)), True


MUTATIONS: list[tuple[Mutation, int]] = [
    (truncate, 12),
    (flip_cipher, 10),
    (splice_cipher, 4),
    (wrong_recipient, 3),
    (garbage, 3),
    (flip_zip, 12),
    (truncate_zip, 5),
    (crafted_header, 12),
    (crafted_end, 6),
    (crafted_members, 6),
    (manifest_unsigned, 5),
    (manifest_resigned, 12),
    (events_resigned, 8),
    (evidence, 4),
    (payload_signed, 6),
    (unchanged, 1),
]


def mutate(m: Material, rng: random.Random) -> tuple[str, bytes, Benign]:
    functions, weights = zip(*MUTATIONS, strict=True)
    chosen = rng.choices(functions, weights)[0]
    data, benign = chosen(m, rng)
    return chosen.__name__, data, benign
