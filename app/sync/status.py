"""What the sync page and the field banner read: this device, its peers, the history of
sync files, and what still waits to go to a peer. Read-only, no Qt.

"Waiting" counts the records a peer has not confirmed (what we hold beyond its version
vector, ``peer_has``) minus those already put into a file for it: after an export a field
worker sees "all exported, waiting for the office to confirm", not the same number again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.store.devices import (
    DeviceRecord,
    device_label,
    device_record,
    device_records,
    office_device_id,
)
from app.store.eventlog import this_device
from app.store.replication import held, peer_has
from app.sync.keys import PublicKeys, key_file_beside
from app.sync.refusals import Refusal, received_refusal, refusals

BOOTSTRAP_NAME = "bootstrap.tdsync"  # the full sync file inside an enrolment file
HISTORY_LIMIT = 500


@dataclass(frozen=True)
class Here:
    """This device as the sync page shows it."""

    id: str
    code: str
    record: DeviceRecord | None  # None: the office before its keys were set up
    is_office: bool
    office_id: str | None

    @property
    def kind(self) -> str:
        return self.record.kind if self.record else ("office" if self.is_office else "")

    @property
    def fingerprint(self) -> str:
        if self.record is None:
            return ""
        return PublicKeys(self.record.sign_key, self.record.box_key).fingerprint


def here(db: Database) -> Here:
    device = this_device(db)
    office = office_device_id(db)
    return Here(device.id, device.code, device_record(db, device.id), office == device.id, office)


def keys_not_set_up(db: Database, database: Path) -> bool:
    """The office's first use: ``unlock`` will create the keys with the password given."""
    device = here(db)
    return device.is_office and device.record is None and not key_file_beside(database).exists()


def peers(db: Database) -> list[DeviceRecord]:
    """Devices this one may export to: enrolled, not revoked, not itself; the office first."""
    me = this_device(db).id
    office = office_device_id(db)
    found = [d for d in device_records(db) if d.id != me and not d.revoked]
    return sorted(found, key=lambda d: (d.id != office, d.code))


@dataclass(frozen=True)
class SyncRecord:
    """One sync file written or read here (a row of ``sync_files``)."""

    file_id: str
    direction: str  # export / import
    peer_id: str
    peer: str  # name (code)
    created_at: str
    processed_at: str
    actor: str
    path: str
    summary: dict[str, Any] = field(default_factory=dict)

    @property
    def bootstrap(self) -> bool:
        """The first full file, carried inside an enrolment file (its path was temporary)."""
        return Path(self.path).name == BOOTSTRAP_NAME

    @property
    def new_cases(self) -> int:
        return int(self.summary.get("new_cases", 0))

    @property
    def records(self) -> int:
        key = "events" if self.direction == "export" else "new_events"
        return int(self.summary.get(key, 0))

    @property
    def evidence(self) -> int:
        key = "blobs" if self.direction == "export" else "new_evidence"
        return int(self.summary.get(key, 0))


def _records(db: Database, where: str, args: list[Any], limit: int) -> list[SyncRecord]:
    rows = db.execute(
        "SELECT f.file_id, f.direction, f.peer_id, f.created_at, f.processed_at, "
        "coalesce(u.name, ''), f.path, f.summary FROM sync_files f "
        f"LEFT JOIN users u ON u.id = f.actor_id {where} "
        "ORDER BY f.processed_at DESC, f.rowid DESC LIMIT ?",
        [*args, limit],
    ).fetchall()
    labels: dict[str, str] = {}
    found = []
    for file_id, direction, peer_id, created, processed, actor, path, summary in rows:
        if peer_id not in labels:
            labels[peer_id] = device_label(device_record(db, peer_id), peer_id)
        try:
            parsed = json.loads(summary)
        except ValueError:
            parsed = {}
        found.append(
            SyncRecord(
                file_id,
                direction,
                peer_id,
                labels[peer_id],
                created,
                processed,
                actor,
                path,
                parsed if isinstance(parsed, dict) else {},
            )
        )
    return found


def sync_history(db: Database, limit: int = HISTORY_LIMIT) -> list[SyncRecord]:
    """Newest first."""
    return _records(db, "", [], limit)


def last_sync(db: Database, peer_id: str | None = None) -> SyncRecord | None:
    where, args = ("WHERE f.peer_id = ?", [peer_id]) if peer_id else ("", [])
    found = _records(db, where, args, 1)
    return found[0] if found else None


@dataclass(frozen=True)
class Backlog:
    waiting: int  # records in no file for the peer yet
    unconfirmed: int  # exported, but the peer has not confirmed them yet


def _exported(db: Database, peer_id: str) -> dict[str, int]:
    sent: dict[str, int] = {}
    rows = db.execute(
        "SELECT summary FROM sync_files WHERE direction = 'export' AND peer_id = ?", [peer_id]
    )
    for (summary,) in rows:
        try:
            provides = json.loads(summary).get("provides") or {}
        except (ValueError, AttributeError):
            continue
        for origin, span in provides.items():
            if isinstance(span, list) and len(span) == 2:
                sent[origin] = max(sent.get(origin, 0), int(span[1]))
    return sent


def backlog(db: Database, peer_id: str) -> Backlog:
    confirmed = peer_has(db, peer_id)
    origins = {d.id for d in device_records(db)} | {this_device(db).id} | set(confirmed)
    held_here = held(db, origins)
    sent = _exported(db, peer_id)
    waiting = unconfirmed = 0
    for origin, seq in held_here.items():
        has = confirmed.get(origin, 0)
        out = max(has, sent.get(origin, 0))
        waiting += max(0, seq - out)
        unconfirmed += max(0, min(seq, out) - has)
    return Backlog(waiting, unconfirmed)


@dataclass(frozen=True)
class ConflictCase:
    number: str
    description: str


def conflict_cases(db: Database, limit: int = 50) -> list[ConflictCase]:
    """Cases flagged by a sync conflict, waiting for a clerk (index ``cases_in_conflict``)."""
    rows = db.execute(
        "SELECT number, description FROM cases WHERE conflict = 1 ORDER BY number LIMIT ?",
        [limit],
    ).fetchall()
    return [ConflictCase(number, " ".join(description.split())) for number, description in rows]


# -- refusals: no silent cut-off --------------------------------------------------------------


@dataclass(frozen=True)
class OfficeNotice:
    """On a laptop: the office refused a file of ours (said in its latest file to us)."""

    refusal: Refusal
    received_at: str  # when the office's file that said so was imported here
    exported_since: bool  # a file for the office was written after it: waiting for its answer


def office_notice(db: Database) -> OfficeNotice | None:
    """What the office last said about our files: a refusal, or None (all accepted, or no
    word yet). The office repeats the notice in every file until it accepts one of ours."""
    device = here(db)
    if device.is_office or device.office_id is None:
        return None
    latest = last_sync(db, device.office_id)
    imported = next(
        (r for r in _records(db, "WHERE f.peer_id = ? AND f.direction = 'import'",
                             [device.office_id], 1)),
        None,
    )  # fmt: skip
    if imported is None:
        return None
    refusal = received_refusal(imported.summary.get("notice"))
    if refusal is None:
        return None
    exported = latest is not None and latest.direction == "export"
    return OfficeNotice(refusal, imported.processed_at, exported)


@dataclass(frozen=True)
class RefusedLaptop:
    """At the office: a laptop whose latest file was refused and none accepted since."""

    peer: str  # name (code)
    refusal: Refusal


def refused_laptops(db: Database) -> list[RefusedLaptop]:
    """Laptops revoked since are no longer waited for (their work comes, if at all, from
    the laptop re-enrolled: sync/carry_over.py)."""
    found = []
    for refusal in refusals(db):
        record = device_record(db, refusal.laptop_id)
        if record is not None and not record.revoked:
            found.append(RefusedLaptop(device_label(record), refusal))
    return found
