"""Write a sync file for a peer: every event it has not confirmed, from every origin, with
the chain heads that vouch for them and the evidence files they name."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from sqlite_utils import Database

from app.core.clock import Wall, local_text
from app.core.errors import DomainError
from app.core.events import EventType, canonical_json
from app.core.model import User
from app.store.blobs import BlobStore
from app.store.database import write_transaction
from app.store.devices import DeviceRecord, device_record, last_trusted_seq
from app.store.eventlog import new_id, this_device
from app.store.replication import (
    ChainHead,
    events_of,
    held,
    latest_head,
    peer_has,
    signed_own_head,
    store_head,
)
from app.sync.archive import FORMAT, VERSION, write_archive
from app.sync.keys import DeviceKeys
from app.sync.refusals import NOTICE, notice_for
from app.sync.secret_files import MANIFEST_KEY, named_refs, secrets_for, secrets_member
from app.sync.spool import SealedSpool


@dataclass(frozen=True)
class ExportSummary:
    file_id: str
    path: Path
    peer: DeviceRecord
    events: int
    new_cases: int
    blobs: int
    size: int
    full: bool


def event_line(event_body: dict[str, Any], hash_: str) -> str:
    return canonical_json(event_body | {"hash": hash_})


def export_sync_file(
    db: Database,
    blobs: BlobStore,
    keys: DeviceKeys,
    actor: User | None,
    peer_id: str,
    target: Path,
    full: bool = False,
    *,
    wall: Wall,
) -> ExportSummary:
    peer = _peer(db, peer_id)
    escrow = db.execute("SELECT escrow_key FROM township").fetchone()
    if escrow is None or not escrow[0]:
        raise DomainError("sync_no_escrow")
    own_head = signed_own_head(db, keys.signature)  # kept below, once the file is written
    assumed = {} if full else peer_has(db, peer.id)
    have = held(db)
    file_id = new_id()
    now = wall()
    # the events (reporters, parties) are sealed as they are written: a killed export leaves
    # nothing readable behind, on an encrypted laptop as anywhere (sync/spool.py)
    with SealedSpool() as events:
        provides, heads, counts, photos, digest, named = _write_events(
            db, events, assumed, have, own_head
        )
        events.finish()
        files = _evidence_files(db, blobs, photos)
        secrets, secrets_entry = secrets_member(secrets_for(db, peer, named))
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "file_id": file_id,
            "created_at": local_text(now),
            "township": db.execute("SELECT code FROM township").fetchone()[0],
            "sender": this_device(db).id,
            "sender_fingerprint": keys.public.fingerprint,
            "recipient": peer.id,
            "full": full,
            "assumed": assumed,
            "have": have,
            "provides": provides,
            "heads": [asdict(head) for head in heads],
            "events": counts["events"],
            "new_cases": counts["new_cases"],
            "events_sha256": digest,
            "blobs": {sha: {"size": f[1], "media_type": f[2]} for sha, f in files.items()},
        }
        if secrets_entry:  # optional: a file without secrets reads as before
            manifest[MANIFEST_KEY] = secrets_entry
        notice = notice_for(db, peer.id)
        if notice:  # optional: older programs ignore it, files without it mean "none"
            manifest[NOTICE] = notice
        recipients = [peer.box_key, escrow[0]]
        size = write_archive(
            target,
            manifest,
            events,
            {s: f[0] for s, f in files.items()},
            keys,
            recipients,
            secrets,
        )
    summary = {"events": counts["events"], "new_cases": counts["new_cases"], "blobs": len(files)}
    with write_transaction(db):
        if own_head:
            store_head(db, own_head)
        db.conn.execute(
            "INSERT INTO sync_files (file_id, direction, peer_id, created_at, processed_at, "
            "actor_id, path, summary) VALUES (?, 'export', ?, ?, ?, ?, ?, ?)",
            [
                file_id,
                peer.id,
                manifest["created_at"],
                local_text(wall()),
                actor.id if actor else None,
                str(target),
                json.dumps(summary | {"provides": provides, "full": full, "notice": bool(notice)}),
            ],
        )
    return ExportSummary(
        file_id, target, peer, counts["events"], counts["new_cases"], len(files), size, full
    )


def _peer(db: Database, peer_id: str) -> DeviceRecord:
    peer = device_record(db, peer_id)
    if peer is None:
        raise DomainError("device_unknown", value=peer_id)
    if peer.revoked:
        raise DomainError("sync_device_revoked", value=peer.name)
    if peer.id == this_device(db).id:
        raise DomainError("sync_to_self")
    return peer


def _write_events(
    db: Database,
    out: SealedSpool,
    assumed: dict[str, int],
    have: dict[str, int],
    own_head: ChainHead | None,
) -> tuple[dict[str, list[int]], list[ChainHead], dict[str, int], set[str], str, set[str]]:
    """The events the peer lacks, one JSON line each, into ``out``; what they provide, the
    heads that vouch for them, counts, the photos they name, the SHA-256 of the lines and
    the secrets they name by ref."""
    provides: dict[str, list[int]] = {}
    heads: list[ChainHead] = []
    counts = {"events": 0, "new_cases": 0}
    photos: set[str] = set()
    named: set[str] = set()
    digest = hashlib.sha256()
    for origin in sorted(have):
        start = assumed.get(origin, 0)
        limit = last_trusted_seq(db, origin)  # a revoked device: only what was vouched for
        up_to = have[origin] if limit is None else min(have[origin], limit)
        head = own_head if own_head and own_head.device_id == origin else None
        head = head or latest_head(db, origin, up_to)
        if head is None or head.seq <= start:
            continue  # nothing vouched for beyond what the peer holds
        last = head.seq  # events beyond the latest signed head wait for the next file
        for event in events_of(db, origin, start, last):
            line = (event_line(event.body(), event.hash) + "\n").encode()
            digest.update(line)
            out.write(line)
            counts["events"] += 1
            counts["new_cases"] += event.type == EventType.CASE_REGISTERED
            photos.update(p["sha256"] for p in event.payload.get("photos", []))
            named |= named_refs(event.payload)
        provides[origin] = [start + 1, last]
        heads.append(head)
    return provides, heads, counts, photos, digest.hexdigest(), named


def _evidence_files(
    db: Database, blobs: BlobStore, photos: set[str]
) -> dict[str, tuple[Callable[[], BinaryIO], int, str]]:
    """Each file's plaintext (read through the store: it may be encrypted here), size and
    type. The sync file is encrypted as a whole, and the receiver stores it its own way."""
    files: dict[str, tuple[Callable[[], BinaryIO], int, str]] = {}
    for sha256 in sorted(photos):
        if not blobs.has(sha256):
            raise DomainError("sync_blob_missing_here", value=sha256[:12])
        row = db.execute("SELECT media_type FROM blobs WHERE sha256 = ?", [sha256]).fetchone()
        media_type = row[0] if row else "application/octet-stream"
        files[sha256] = (partial(blobs.open, sha256), blobs.size(sha256), media_type)
    return files
