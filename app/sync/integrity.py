"""``towndesk verify``: every evidence file and every held secret against its hash; every
device's events, each
against its own hash, its link to the one before and a gapless sequence; the chain heads
each device signed; whatever else remembers how far a chain went (a peer's confirmation,
the sync files written here, this device's clock); the tables against a replay of the
log; and SQLite's own integrity check. Reads only; says precisely what is wrong, and what
it cannot detect."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlite_utils import Database

from app.core.clock import hlc_ms, local_text
from app.core.errors import DomainError
from app.core.events import GENESIS_HASH
from app.core.secrets import secret_ref
from app.store import sqlite_driver
from app.store.blobs import BlobStore
from app.store.database import integrity_problems
from app.store.eventlog import EVENT_COLUMNS, row_to_event, this_device
from app.store.rebuild_check import compare_with_rebuild
from app.store.replication import all_heads
from app.sync.keys import signature_valid

TABLE_LINES = 30  # differences listed one by one; the rest are counted

# What no check of one database can catch, whatever it finds (README: "What verify cannot
# detect"). The unsigned tails found in this database are added per device.
CANNOT_DETECT = [
    "持有设备密钥口令的人能用本机私钥重新签名，从而改写本机的全部记录；"
    "只有已经发给其他设备的记录，能由对方的副本查出（对方再收到同号不同内容的记录会隔离）。",
    "把整个数据库换回一份较早的完整副本（连同链头签名和同步记录一起回退）："
    "本机无从察觉，只有与综合执法办或其他设备的副本比对才能发现。",
    "其他设备的最新记录连同它们的签名链头一起删除：只有本机转发过它们（同步记录记得）"
    "时才能发现，否则要与其他设备的副本比对。",
    "本机尚无签名担保的最新记录（若有，下面列出）：若被改动后重算哈希，或连同记得它们的记录"
    "（同步记录、对方的确认、本机时钟）一起删除，本检查发现不了。",
]


@dataclass
class IntegrityReport:
    events: int = 0
    devices: int = 0
    heads: int = 0
    blobs: int = 0
    secrets: int = 0
    tables: int = 0
    table_rows: int = 0
    table_differences: int = 0
    deep: bool = True
    problems: list[str] = field(default_factory=list)
    cannot_detect: list[str] = field(default_factory=list)
    unsigned_tails: dict[str, list[int]] = field(default_factory=dict)  # device code: [from, to]

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
            "secrets": self.secrets,
            "tables_compared": self.tables if self.deep else None,
            "table_rows": self.table_rows,
            "table_differences": self.table_differences,
            "problems": self.problems,
            "unsigned_tails": self.unsigned_tails,
            "cannot_detect": self.cannot_detect,
        }


@dataclass
class _Chain:
    """One device's events as walked: how far they go and the hash at each seq we need."""

    code: str
    last_seq: int = 0
    first_bad: int | None = None  # the first seq whose hash, link or place is wrong
    hashes: dict[int, str] = field(default_factory=dict)


def verify_everything(
    db: Database,
    blobs: BlobStore,
    progress: Callable[[int], None] | None = None,
    deep: bool = True,
) -> IntegrityReport:
    report = IntegrityReport(deep=deep)
    _sqlite(db, report)
    chains = _chains(db, report, progress)
    signed = _heads(db, report, chains)
    _remembered(db, report, chains)
    _unsigned_tails(db, report, chains, signed)
    _blobs(db, blobs, report)
    _secrets(db, report)
    if deep:
        _tables(db, report)
    else:
        report.cannot_detect.append("这次没有把各表与事件记录比对（--quick）：直接改表发现不了。")
    return report


def _sqlite(db: Database, report: IntegrityReport) -> None:
    report.problems += [f"数据库完整性检查：{row}" for row in integrity_problems(db)[:20]]


def _codes(db: Database) -> dict[str, str]:
    rows = db.execute("SELECT id, code FROM devices UNION ALL SELECT id, code FROM device")
    return {device_id: code for device_id, code in rows}


def _chains(
    db: Database, report: IntegrityReport, progress: Callable[[int], None] | None
) -> dict[str, _Chain]:
    """Walk each device's events in sequence: each against its own hash, its link to the
    one before and its place (seqs start at 1 and have no gaps)."""
    wanted = {(h.device_id, h.seq) for h in all_heads(db)}
    codes = _codes(db)
    chains: dict[str, _Chain] = {}
    chain, previous = None, GENESIS_HASH
    cursor = db.conn.execute(f"SELECT {EVENT_COLUMNS} FROM events ORDER BY device_id, device_seq")
    for row in cursor:
        event = row_to_event(row)
        if chain is None or event.device_id not in chains:
            chain = chains[event.device_id] = _Chain(codes.get(event.device_id, event.device_id))
            previous = GENESIS_HASH
            report.devices += 1
        seq, what = event.device_seq, f"第 {event.device_seq} 条（{event.type}，事件 {event.id}）"
        wrong: list[str] = []
        if seq != chain.last_seq + 1:
            wrong.append(
                f"设备 {chain.code}：缺第 {chain.last_seq + 1}–{seq - 1} 条记录（已被删除），"
                f"缺口在{what}之前"
            )
        elif event.prev_hash != previous:
            wrong.append(f"设备 {chain.code} {what}：与上一条接不上（上一条被改动或替换过）")
        if event.computed_hash() != event.hash:
            wrong.append(f"设备 {chain.code} {what}：内容与其哈希不符，已被改动")
        if wrong and chain.first_bad is None:
            chain.first_bad = seq
        report.problems += wrong
        if (event.device_id, seq) in wanted:
            chain.hashes[seq] = event.hash
        chain.last_seq, previous = seq, event.hash
        report.events += 1
        if progress and report.events % 10_000 == 0:
            progress(report.events)
    return chains


def _heads(db: Database, report: IntegrityReport, chains: dict[str, _Chain]) -> dict[str, int]:
    """Each signed head against the events it vouches for. Returns, per device, the furthest
    seq vouched for by a valid head that matches what is held."""
    keys = dict(db.execute("SELECT id, sign_key FROM devices").fetchall())
    codes = _codes(db)
    signed: dict[str, int] = {}
    heads = sorted(all_heads(db), key=lambda h: (h.device_id, h.seq))
    for head in heads:
        report.heads += 1
        chain = chains.get(head.device_id)
        code = chain.code if chain else codes.get(head.device_id, head.device_id)
        held = chain.last_seq if chain else 0
        key = keys.get(head.device_id)
        if key is None or not signature_valid(key, head.signature, head.statement()):
            report.problems.append(f"设备 {code} 第 {head.seq} 条的链头签名无效（链头表被改动过）")
        elif head.seq > held:
            report.problems.append(
                f"设备 {code}：它签名担保到第 {head.seq} 条，本机却只存到第 {held} 条——"
                f"第 {held + 1}–{head.seq} 条已被删除"
            )
        elif chain and chain.hashes.get(head.seq) != head.hash:
            since = signed.get(head.device_id, 0) + 1
            report.problems.append(
                f"设备 {code} 第 {head.seq} 条：与该设备签名的链头不符——第 {since}–{head.seq} "
                "条之间有记录被改动后重算了哈希（或被替换）"
            )
        else:
            signed[head.device_id] = max(signed.get(head.device_id, 0), head.seq)
    return signed


def _remembered(db: Database, report: IntegrityReport, chains: dict[str, _Chain]) -> None:
    """Deleted newest events: whatever else remembers a later seq of a device than the log
    holds — a peer's confirmation of our events, a sync file written here, our clock."""
    me = this_device(db).id
    codes = _codes(db)
    own = chains.get(me)
    held = own.last_seq if own else 0
    for peer, seq in db.execute(
        "SELECT peer_id, seq FROM peer_has WHERE origin_id = ? AND seq > ?", [me, held]
    ).fetchall():
        report.problems.append(
            f"设备 {codes.get(peer, peer)} 已确认收到本机到第 {seq} 条的记录，本机却只存到第 "
            f"{held} 条——第 {held + 1}–{seq} 条已被删除"
        )
    for file_id, summary in db.execute(
        "SELECT file_id, summary FROM sync_files WHERE direction = 'export'"
    ).fetchall():
        try:
            provides = json.loads(summary).get("provides") or {}
            ranges = {origin: int(span[1]) for origin, span in provides.items()}
        except (ValueError, TypeError, AttributeError, IndexError):
            report.problems.append(f"同步记录 {file_id} 的摘要已损坏（被改动过）")
            continue
        for origin, seq in sorted(ranges.items()):
            have = chains[origin].last_seq if origin in chains else 0
            if seq > have:
                report.problems.append(
                    f"本机写出的同步包 {file_id} 曾发出设备 {codes.get(origin, origin)} 到第 "
                    f"{seq} 条的记录，本机却只存到第 {have} 条——第 {have + 1}–{seq} 条已被删除"
                )
    last = db.execute("SELECT last_hlc FROM device").fetchone()[0] or 0
    newest = db.execute("SELECT max(hlc) FROM events").fetchone()[0] or 0
    if last > newest:
        report.problems.append(
            f"本机时钟记到 {local_text(hlc_ms(last))}，比日志中最新的记录还新："
            "本机最新的记录已被删除"
        )


def _unsigned_tails(
    db: Database, report: IntegrityReport, chains: dict[str, _Chain], signed: dict[str, int]
) -> None:
    """Events no valid signed head vouches for. Our own newest ones are normal (signed at
    the next export, or as written while the window holds the device key) and are what
    verify cannot vouch for; another device's events arrive only with its signed head, so
    such a tail was not received by sync."""
    report.cannot_detect += CANNOT_DETECT
    me = this_device(db).id
    for device_id, chain in sorted(chains.items(), key=lambda c: c[1].code):
        start = signed.get(device_id, 0) + 1
        if chain.last_seq < start:
            continue
        if device_id == me:
            report.unsigned_tails[chain.code] = [start, chain.last_seq]
            report.cannot_detect.append(
                f"本机（{chain.code}）第 {start}–{chain.last_seq} 条记录（共 "
                f"{chain.last_seq - start + 1} 条）还没有签名担保：下次导出同步包时签名；"
                "输入设备密钥口令后，每次写入即签名。"
            )
        else:
            report.problems.append(
                f"设备 {chain.code} 第 {start}–{chain.last_seq} 条记录没有该设备签名的链头担保"
                "（不是经同步包收到的）"
            )


_UNREADABLE = {
    "evidence_file_damaged": "证据文件已被改动（加密校验不通过）：",
    "evidence_file_locked": "证据文件是加密的，本机数据库没有加密、没有它的密钥：",
}


def _blobs(db: Database, blobs: BlobStore, report: IntegrityReport) -> None:
    referenced = {row[0] for row in db.execute("SELECT sha256 FROM case_evidence")}
    known = {row[0] for row in db.execute("SELECT sha256 FROM blobs")}
    for sha256 in sorted(referenced | known):
        report.blobs += 1
        if not blobs.has(sha256):
            report.problems.append(f"证据文件缺失：{sha256}")
            continue
        try:  # an encrypted file: decrypted, its checks passed, then hashed
            altered = blobs.content_sha256(sha256) != sha256
        except DomainError as refused:  # changed, cut off, or encrypted and no key here
            report.problems.append(_UNREADABLE.get(refused.code, "证据文件读不出：") + sha256)
            continue
        if altered:
            report.problems.append(f"证据文件已被改动（内容与哈希不符）：{sha256}")


def _secrets(db: Database, report: IntegrityReport) -> None:
    """Each held password hash or reporter against its ref (app/core/secrets.py): the events
    name them by ref, so an edited secret would otherwise open an account or misname a
    reporter unnoticed. A secret not held is no problem: a laptop holds only its users'."""
    for ref, value in db.execute("SELECT ref, value FROM secrets ORDER BY ref"):
        report.secrets += 1
        if secret_ref(value) != ref:
            report.problems.append(
                f"保密数据（密码、反映人或当事人）已被改动（内容与编号不符）：{ref}"
            )


def _tables(db: Database, report: IntegrityReport) -> None:
    try:
        check = compare_with_rebuild(db, TABLE_LINES)
    except DomainError as error:  # the scratch could not be made: say so, check the rest
        report.problems.append(str(error))
        return
    except (KeyError, TypeError, ValueError, AttributeError, sqlite_driver.Error) as error:
        # an event edited into something no program ever wrote: the replay stops there
        report.problems.append(
            f"无法按事件记录重建各表（{type(error).__name__}: {error}）：有记录被改成了本程序"
            "从不会写出的样子，各表未能比对"
        )
        return
    report.tables, report.table_rows = check.tables, check.rows
    report.table_differences = check.count
    report.problems += [difference.text() for difference in check.differences]
    if check.count > len(check.differences):
        report.problems.append(
            f"表与事件记录另有 {check.count - len(check.differences)} 处不同，未逐条列出"
            f"（共 {check.count} 处）；重建（towndesk rebuild）会按事件记录改正各表。"
        )
    report.cannot_detect += check.not_compared


def describe(report: IntegrityReport) -> str:
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=1)
