"""Apply a checked sync file: one transaction, committed once the evidence files (written
meanwhile) are all stored. Any failure leaves the database exactly as it was
(importer.check has already refused bad files)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.core.clock import Wall, local_text
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.model import User
from app.store import sqlite_driver
from app.store.blobs import BlobStore
from app.store.db_file import storage_error
from app.store.eventlog import this_device, writing
from app.store.replication import apply_remote, event_at, note_peer_has, store_head
from app.sync.archive import Opened
from app.sync.beside import Beside
from app.sync.checked import Checked
from app.sync.refusals import NOTICE, clear_refusal, received_notice
from app.sync.secret_files import keep_received

CLOCK_LEAD_MS = 24 * 3600 * 1000  # how far a laptop's clock may pull this device's ahead


@dataclass(frozen=True)
class ImportSummary:
    preview: dict[str, Any]
    replayed_cases: int
    conflicts: int


def apply(
    db: Database,
    store: BlobStore,
    opened: Opened,
    checked: Checked,
    actor: User | None,
    source: Path,
    *,
    wall: Wall,
    beside: Beside | None = None,
) -> ImportSummary:
    """Write what ``check`` found: the evidence files, then one transaction that names
    them. A full disk (the evidence folder or the database) is reported as such; nothing
    is recorded. ``beside``: what the check started on the other core (app/sync/beside.py):
    the evidence files stored there are not stored again, the cases folded there not
    folded again."""
    if checked.already_imported:
        return ImportSummary(checked.summary(), 0, 0)
    # every evidence file is stored before the transaction begins (content-addressed: a
    # half-done import leaves no harm): a large file's by a child during the check
    # (app/sync/beside.py), the rest here. Not in the background while the transaction is
    # worked out: its writing threads held up every row the transaction wrote (each row
    # hands Python's lock over while SQLite works, and waits to have it back), so the
    # 100,000 event rows of a large file took twice as long, more than the overlap saved
    try:
        store_them = partial(store.put_all, checked.new_blobs, opened.blob_bytes)
        store_them()
        # inside the transaction each is looked at again (a sweep of files no record names,
        # holding the write lock, may have taken an old copy found here since) and put back
        return _write(db, checked, actor, source, wall, beside, store_them)
    except sqlite_driver.OperationalError as error:
        problem = storage_error(error, None)  # a full disk names no file
        if problem.code == "disk_full":  # the one storage failure told here; others as they are
            raise problem from error
        raise
    except (KeyError, TypeError, ValueError, sqlite_driver.IntegrityError) as error:
        # signed by an enrolled device, yet not what this version can fold (a newer or a
        # broken program): refused whole, rolled back, like any damaged file
        raise DomainError("sync_damaged", reason=f"{type(error).__name__}: {error}") from error


def _write(
    db: Database,
    checked: Checked,
    actor: User | None,
    source: Path,
    wall: Wall,
    beside: Beside | None,
    still_stored: Callable[[], object],
) -> ImportSummary:
    m = checked.manifest
    now = wall()
    with writing(db, lambda: now) as writer:
        conflicts_before = _open_conflicts(db)
        applied = apply_remote(db, checked.new_events, beside.fold if beside else None)
        writer.received.extend(checked.new_events)
        # a laptop whose clock runs days ahead must not drag this device's clock with it
        writer.clock.observe(min(applied.max_hlc, (now + CLOCK_LEAD_MS) << 16))
        for head in checked.heads:
            here = event_at(db, head.device_id, head.seq)
            if here is not None and here.hash == head.hash:  # not a fork, nor held back
                store_head(db, head)
        note_peer_has(db, checked.sender.id, {k: int(v) for k, v in m["have"].items()})
        keep_received(db, checked.secrets)  # after the events and the acknowledgement
        still_stored()
        db.conn.executemany(  # one statement for all: a file may bring thousands
            "INSERT OR IGNORE INTO blobs (sha256, size, media_type) VALUES (?, ?, ?)",
            [
                (sha256, info["size"], info.get("media_type", "application/octet-stream"))
                for sha256, info in checked.new_blobs.items()
            ],
        )
        for event, reason in checked.quarantined:
            db.conn.execute(
                "INSERT OR IGNORE INTO quarantine (file_id, event_id, device_id, device_seq, "
                "reason, body) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    m["file_id"],
                    event.id,
                    event.device_id,
                    event.device_seq,
                    reason,
                    json.dumps(event.body() | {"hash": event.hash}, ensure_ascii=False),
                ],
            )
        if checked.new_blobs:
            payload = {
                "file_id": m["file_id"],
                "from_device": checked.sender.id,
                "file_created_at": m["created_at"],
                "blobs": sorted(checked.new_blobs),
            }
            entity_id = f"{m['file_id']}/{this_device(db).id}"
            writer.append(
                actor.id if actor else None,
                "evidence",
                entity_id,
                EventType.EVIDENCE_RECEIVED,
                payload,
            )
        conflicts = len(_open_conflicts(db) - conflicts_before)
        summary = checked.summary() | {
            "replayed_cases": applied.replayed_cases,
            "new_conflicts": conflicts,
        }
        notice = received_notice(m) if checked.sender.kind == "office" else None
        if notice:  # the office refused a file of ours: the Sync page says why (status.py)
            summary[NOTICE] = notice
        clear_refusal(db, checked.sender.id)  # a file of this laptop's is accepted
        db.conn.execute(
            "INSERT INTO sync_files (file_id, direction, peer_id, created_at, processed_at, "
            "actor_id, path, summary) VALUES (?, 'import', ?, ?, ?, ?, ?, ?)",
            [
                m["file_id"],
                checked.sender.id,
                m["created_at"],
                local_text(now),
                actor.id if actor else None,
                str(source),
                json.dumps(summary, ensure_ascii=False),
            ],
        )
    return ImportSummary(summary, applied.replayed_cases, conflicts)


def _open_conflicts(db: Database) -> set[tuple[str, str]]:
    rows = db.execute("SELECT case_id, event_id FROM case_conflicts WHERE resolved_by IS NULL")
    return {(case_id, event_id) for case_id, event_id in rows}
