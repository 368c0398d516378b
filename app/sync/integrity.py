"""``towndesk verify``: every evidence file against its hash, every device's hash chain
and its signed heads, and SQLite's own integrity check. Reads only; reports precisely."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlite_utils import Database

from app.core.events import GENESIS_HASH
from app.store.blobs import BlobStore, file_sha256
from app.store.database import integrity_problems
from app.store.eventlog import EVENT_COLUMNS, row_to_event
from app.store.replication import all_heads
from app.sync.keys import signature_valid


@dataclass
class IntegrityReport:
    events: int = 0
    devices: int = 0
    heads: int = 0
    blobs: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "events": self.events,
            "devices": self.devices,
            "signed_heads": self.heads,
            "evidence_files": self.blobs,
            "problems": self.problems,
        }


def verify_everything(
    db: Database, blobs: BlobStore, progress: Callable[[int], None] | None = None
) -> IntegrityReport:
    report = IntegrityReport()
    _sqlite(db, report)
    hashes = _chains(db, report, progress)
    _heads(db, report, hashes)
    _blobs(db, blobs, report)
    return report


def _sqlite(db: Database, report: IntegrityReport) -> None:
    report.problems += [f"数据库完整性检查：{row}" for row in integrity_problems(db)[:20]]


def _code(db: Database, device_id: str) -> str:
    row = db.execute("SELECT code FROM devices WHERE id = ?", [device_id]).fetchone()
    if row is None:
        row = db.execute("SELECT code FROM device WHERE id = ?", [device_id]).fetchone()
    return row[0] if row else device_id[:8]


def _chains(
    db: Database, report: IntegrityReport, progress: Callable[[int], None] | None
) -> dict[tuple[str, int], str]:
    """Walk each device's events in sequence; returns the stored hash at each head seq."""
    wanted = {(h.device_id, h.seq) for h in all_heads(db)}
    found: dict[tuple[str, int], str] = {}
    device, expected_seq, previous, code = None, 0, GENESIS_HASH, ""
    cursor = db.conn.execute(f"SELECT {EVENT_COLUMNS} FROM events ORDER BY device_id, device_seq")
    for row in cursor:
        event = row_to_event(row)
        if event.device_id != device:
            device, expected_seq, previous = event.device_id, 1, GENESIS_HASH
            code = _code(db, device)
            report.devices += 1
        if event.device_seq != expected_seq:
            report.problems.append(
                f"设备 {code} 的记录缺号：应为第 {expected_seq} 条，实为第 {event.device_seq} 条"
            )
        if event.prev_hash != previous:
            report.problems.append(f"设备 {code} 第 {event.device_seq} 条记录与上一条接不上")
        if event.computed_hash() != event.hash:
            report.problems.append(
                f"设备 {code} 第 {event.device_seq} 条记录（{event.type}）内容与哈希不符，已被改动"
            )
        if (device, event.device_seq) in wanted:
            found[(device, event.device_seq)] = event.hash
        expected_seq, previous = event.device_seq + 1, event.hash
        report.events += 1
        if progress and report.events % 10_000 == 0:
            progress(report.events)
    return found


def _heads(db: Database, report: IntegrityReport, hashes: dict[tuple[str, int], str]) -> None:
    for head in all_heads(db):
        report.heads += 1
        code = _code(db, head.device_id)
        key = db.execute("SELECT sign_key FROM devices WHERE id = ?", [head.device_id]).fetchone()
        if hashes.get((head.device_id, head.seq)) != head.hash:
            report.problems.append(f"设备 {code} 第 {head.seq} 条的链头签名与记录不符")
        elif key is None or not signature_valid(key[0], head.signature, head.statement()):
            report.problems.append(f"设备 {code} 第 {head.seq} 条的链头签名无效")


def _blobs(db: Database, blobs: BlobStore, report: IntegrityReport) -> None:
    referenced = {row[0] for row in db.execute("SELECT sha256 FROM case_evidence")}
    known = {row[0] for row in db.execute("SELECT sha256 FROM blobs")}
    for sha256 in sorted(referenced | known):
        report.blobs += 1
        path = blobs.path(sha256)
        if not path.is_file():
            report.problems.append(f"证据文件缺失：{sha256}")
            continue
        if file_sha256(path) != sha256:
            report.problems.append(f"证据文件已被改动（内容与哈希不符）：{sha256}")


def describe(report: IntegrityReport) -> str:
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=1)
