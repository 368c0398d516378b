"""Forged and damaged sync files for the tests, built from parts with the real keys
(and ``new_office``, an office made outside the fixtures).

A sync file cannot be changed without its recipient's key, so the tests open a genuine
file with the receiving device's keys (``open_parts``), change what they like and build a
new one (``build``): the zip is laid out as ``app.sync.archive`` lays it out and encrypted
with pyrage to the receiver's public keys, which anybody may hold. Re-signing with the
sender's real key (``resign``) makes a file that only the checks after the signature can
refuse; without it the signature check does.
"""

from __future__ import annotations

import hashlib
import io
import json
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pyrage
from sqlite_utils import Database

import app.store.eventlog as eventlog
from app.core.clock import Wall
from app.core.events import Event
from app.store.blobs import BlobStore
from app.store.eventlog import EventWriter
from app.store.replication import ChainHead
from app.store.setup import open_database
from app.sync.archive import EVENTS, MANIFEST, SECRETS, SIGNATURE
from app.sync.enrolment import establish_office
from app.sync.export import event_line
from app.sync.keys import CHEAP, DeviceKeys
from tests.clock import frozen
from tests.sync.conftest import OFFICE_PASSWORD, Node


@dataclass(frozen=True)
class Member:
    """A zip member written as given (name, bytes, compression)."""

    name: str
    data: bytes
    compression: int = zipfile.ZIP_DEFLATED


@dataclass
class Parts:
    """What a sync file holds. ``signature`` None leaves the signature member out;
    ``raw_manifest`` (bytes) is written instead of the serialised ``manifest``."""

    manifest: dict[str, Any]
    signature: str | None
    events: bytes
    blobs: dict[str, bytes] = field(default_factory=dict)
    extra: list[Member] = field(default_factory=list)
    raw_manifest: bytes | None = None
    secrets: bytes | None = None  # the secrets member, when the file has one

    def manifest_bytes(self) -> bytes:
        if self.raw_manifest is not None:
            return self.raw_manifest
        return manifest_bytes(self.manifest)

    def event_list(self) -> list[Event]:
        return [Event(**json.loads(line)) for line in self.events.splitlines()]

    def set_events(self, events: list[Event]) -> None:
        """Replace the events, written exactly as the exporter writes them."""
        self.events = "".join(event_line(e.body(), e.hash) + "\n" for e in events).encode()

    def members(self) -> list[Member]:
        listed = [Member(MANIFEST, self.manifest_bytes())]
        if self.signature is not None:
            listed.append(Member(SIGNATURE, self.signature.encode(), zipfile.ZIP_STORED))
        listed.append(Member(EVENTS, self.events))
        if self.secrets is not None:
            listed.append(Member(SECRETS, self.secrets))
        listed += [
            Member(f"blobs/{sha}", data, zipfile.ZIP_STORED)
            for sha, data in sorted(self.blobs.items())
        ]
        return listed + self.extra


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    """The manifest serialised as ``app.sync.archive.write_archive`` serialises it."""
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()


def open_parts(source: Path, keys: DeviceKeys) -> Parts:
    """Take a genuine sync file apart (trusted input: no checks)."""
    plain = pyrage.decrypt(source.read_bytes(), keys.identities())
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        names = archive.namelist()
        blobs = {
            name.removeprefix("blobs/"): archive.read(name)
            for name in names
            if name.startswith("blobs/")
        }
        return Parts(
            json.loads(archive.read(MANIFEST)),
            archive.read(SIGNATURE).decode(),
            archive.read(EVENTS),
            blobs,
            secrets=archive.read(SECRETS) if SECRETS in names else None,
        )


def resign(parts: Parts, signer: DeviceKeys) -> Parts:
    """Make the manifest agree with the events again and sign it with ``signer``."""
    parts.manifest["events_sha256"] = hashlib.sha256(parts.events).hexdigest()
    parts.manifest["events"] = len(parts.events.splitlines())
    return sign(parts, signer)


def sign(parts: Parts, signer: DeviceKeys) -> Parts:
    """Sign the manifest as it stands with ``signer``."""
    parts.raw_manifest = None
    parts.signature = signer.signature(parts.manifest_bytes())
    return parts


def signed_head(signer: DeviceKeys, seq: int, hash_: str) -> dict[str, Any]:
    """A chain head as the manifest lists it, signed by ``signer`` for its own chain."""
    unsigned = ChainHead(signer.device_id, seq, hash_, "")
    return replace(unsigned, signature=signer.signature(unsigned.statement())).__dict__


def rechain(events: list[Event], start: int) -> list[Event]:
    """Recompute the hashes from ``events[start]`` on, linking each to the one before."""
    out = list(events[:start])
    for event in events[start:]:
        prev_hash = out[-1].hash if out else event.prev_hash
        out.append(replace(event, prev_hash=prev_hash).sealed())
    return out


def zip_bytes(members: list[Member]) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as archive:
        warnings.simplefilter("ignore", UserWarning)  # a duplicate name is meant
        for member in members:
            archive.writestr(zipfile.ZipInfo(member.name), member.data, member.compression)
    return buffer.getvalue()


def encrypt(target: Path, plain: bytes, recipients: list[str]) -> Path:
    keys = [pyrage.x25519.Recipient.from_str(key) for key in recipients]
    target.write_bytes(pyrage.encrypt(plain, keys))
    return target


def build(target: Path, parts: Parts, recipients: list[str]) -> Path:
    """Write ``parts`` as an encrypted sync file to ``recipients`` (age public keys)."""
    return encrypt(target, zip_bytes(parts.members()), recipients)


def new_office(path: Path) -> Node:
    """The demo township at ``path`` given its office keys, as the administrator does on
    first use, with the cheap key-file cost of the test fixtures."""
    db = open_database(path)
    return Node(
        path,
        db,
        BlobStore.beside(path),
        establish_office(db, path, OFFICE_PASSWORD, CHEAP, wall=frozen),
    )


@contextmanager
def tampered_writing(db: Database, wall: Wall) -> Iterator[EventWriter]:
    """``writing`` as an older or tampered program would: without the writer's checks of
    what a laptop may record and in whose name (core ``check_origin``, ``check_actor_on``),
    so the importer's own checks can be tried on a genuinely signed chain."""
    with (
        patch.object(eventlog, "check_origin", lambda *args: None),
        patch.object(eventlog, "check_actor_on", lambda *args: None),
        eventlog.writing(db, wall) as writer,
    ):
        yield writer
