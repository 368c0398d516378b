"""A case's evidence list for a transfer dossier: each file's hash, capture and custody;
the evidence files an encrypted database still holds in plaintext; and the recording of
files copied in."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from app.core.errors import DomainError
from app.store.blobs import BlobStore, StoredFile
from app.store.devices import device_label, device_record


@dataclass(frozen=True)
class CustodyEntry:
    at: str
    kind: str  # captured / received
    device: str  # device name (code), where it was captured or received
    actor: str  # who captured it, or who imported the file
    from_device: str  # received: the sender
    file_id: str  # received: the sync file


@dataclass(frozen=True)
class EvidenceItem:
    sha256: str
    file_name: str
    size: int | None
    media_type: str
    added_at: str
    stored: bool  # the file is here (towndesk verify checks its bytes)
    custody: tuple[CustodyEntry, ...]

    @property
    def captured(self) -> CustodyEntry | None:
        return next((c for c in self.custody if c.kind == "captured"), None)


def _device_label(db: Database, device_id: str | None) -> str:
    if not device_id:
        return ""
    record = device_record(db, device_id)
    if record is None:  # the office PC before its keys were set up: known by its own code
        own = db.execute("SELECT code FROM device WHERE id = ?", [device_id]).fetchone()
        if own:
            return f"办公室电脑（{own[0]}）"
    return device_label(record, device_id)


def custody_of(db: Database, sha256: str, case_id: str | None = None) -> tuple[CustodyEntry, ...]:
    rows = db.execute(
        "SELECT c.at, c.kind, c.device_id, coalesce(u.name, ''), c.from_device_id, "
        "coalesce(c.file_id, '') FROM custody c LEFT JOIN users u ON u.id = c.actor_id "
        "WHERE c.sha256 = ? AND (c.kind = 'received' OR c.case_id IS ? OR ? IS NULL) "
        "ORDER BY c.at, c.kind",
        [sha256, case_id, case_id],
    ).fetchall()
    return tuple(
        CustodyEntry(at, kind, _device_label(db, device), actor, _device_label(db, sender), file)
        for at, kind, device, actor, sender, file in rows
    )


def evidence_list(db: Database, blobs: BlobStore, case_id: str) -> list[EvidenceItem]:
    rows = db.execute(
        "SELECT e.sha256, e.file_name, b.size, coalesce(b.media_type, ''), e.added_at "
        "FROM case_evidence e LEFT JOIN blobs b ON b.sha256 = e.sha256 "
        "WHERE e.case_id = ? ORDER BY e.added_at, e.file_name",
        [case_id],
    ).fetchall()
    return [
        EvidenceItem(sha, name, size, media, added, blobs.has(sha), custody_of(db, sha, case_id))
        for sha, name, size, media, added in rows
    ]


@dataclass(frozen=True)
class PlainEvidence:
    """An evidence file still stored in plaintext beside an encrypted database (one
    ``towndesk encrypt`` has not reached), and the cases' records that name it."""

    sha256: str
    named_by: tuple[tuple[str, str], ...]  # (case number, file name); none for an orphan


def plain_beside_encrypted(db: Database, blobs: BlobStore) -> list[PlainEvidence]:
    """What a lost laptop would still give away of an encrypted database's evidence: its
    files not yet encrypted. Beside a plain database every file is plain by design, so
    none is listed."""
    if not blobs.encrypted:
        return []
    plain = blobs.plain_files()
    if not plain:
        return []
    named: dict[str, list[tuple[str, str]]] = {sha256: [] for sha256 in plain}
    rows = db.execute(  # case_evidence has no index on sha256: one pass, not one per file
        "SELECT e.sha256, c.number, e.file_name FROM case_evidence e "
        "JOIN cases c ON c.id = e.case_id "
        "WHERE e.sha256 IN (SELECT value FROM json_each(?)) ORDER BY c.number, e.file_name",
        [json.dumps(plain)],
    )
    for sha256, number, file_name in rows:
        named[sha256].append((number, file_name))
    return [PlainEvidence(sha256, tuple(named[sha256])) for sha256 in plain]


def record_stored(db: Database, store: BlobStore, stored: dict[Path, StoredFile]) -> None:
    """Inside the write transaction that names them: each file copied in (by ``put_photo``,
    from its source) recorded in ``blobs``, copied in again if it went since. A refused sync
    import takes back the files it stored that no record names, holding the write lock
    (sync/files.py), and one of them may have had this very content: copied before the
    transaction, it would otherwise be recorded after its file was gone."""
    for source, photo in stored.items():
        if not store.has(photo.sha256) and store.put_photo(source).sha256 != photo.sha256:
            raise DomainError("photo_changed", value=source.name)  # changed since it was read
        db.conn.execute(
            "INSERT OR IGNORE INTO blobs (sha256, size, media_type) VALUES (?, ?, ?)",
            [photo.sha256, photo.size, photo.media_type],
        )
