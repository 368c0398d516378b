"""``verify`` against edits made outside TownDesk, as an attacker with the database file
(but without the device password) would make them: each edit is caught, or, for the one
kind it cannot catch, reported as an unsigned tail. Each test runs verify on a clean
database first, so a check that found nothing at all would fail here."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from app.core.events import Event
from app.store import sqlite_driver
from app.store.database import key_of, write_transaction
from app.store.encryption import key_statement
from app.store.event_rows import EVENT_COLUMNS, row_to_event
from app.store.eventlog import this_device
from app.store.rebuild import replay_log
from app.store.replication import sign_heads_as_written
from app.sync.integrity import IntegrityReport, verify_everything
from tests.cli.signed import run
from tests.store.store_helpers import full_dump
from tests.sync.conftest import Node, jpeg


def verify(node: Node) -> IntegrityReport:
    return verify_everything(node.db, node.blobs)


def clean(node: Node) -> IntegrityReport:
    report = verify(node)
    assert report.ok, report.problems
    return report


def raw(node: Node) -> sqlite_driver.Connection:
    """The file on a connection of its own; a laptop's is encrypted: with its key."""
    conn = sqlite_driver.connect(node.path)
    key = key_of(node.db)
    if key is not None:
        conn.execute(key_statement(key))
    return conn


def tamper(node: Node, *steps: str | tuple[str, tuple]) -> None:
    """Raw SQL on the file (a statement, or one with its parameters), as another program
    would: the triggers that refuse to change the log are dropped first (they are no
    protection against someone with the file, here one who has the laptop's key too)."""
    conn = raw(node)
    conn.execute("DROP TRIGGER IF EXISTS events_are_never_updated")
    conn.execute("DROP TRIGGER IF EXISTS events_are_never_deleted")
    for step in steps:
        statement, params = (step, ()) if isinstance(step, str) else step
        conn.execute(statement, params)
    conn.commit()
    conn.close()


def own_events(node: Node) -> list[Event]:
    rows = node.db.execute(
        f"SELECT {EVENT_COLUMNS} FROM events WHERE device_id = ? ORDER BY device_seq", [node.id]
    ).fetchall()
    return [row_to_event(row) for row in rows]


def rewrite(node: Node, seq: int, change: dict, rehash: bool = True) -> Event:
    """Change one event of this device's chain and, with ``rehash``, seal it and every later
    one again so each hash and link is consistent: only a signed head can tell."""
    events = own_events(node)
    conn = raw(node)
    conn.execute("DROP TRIGGER IF EXISTS events_are_never_updated")
    previous = None
    for event in events[seq - 1 : None if rehash else seq]:
        if event.device_seq == seq:
            event = replace(event, **change)
        if rehash:
            event = replace(event, prev_hash=previous or event.prev_hash).sealed()
        conn.execute(
            "UPDATE events SET actor_id = ?, payload = ?, prev_hash = ?, hash = ? WHERE id = ?",
            [event.actor_id, event.canonical_payload, event.prev_hash, event.hash, event.id],
        )
        previous = event.hash
    conn.commit()
    conn.close()
    return events[seq - 1]


def rebuild(node: Node) -> None:
    with write_transaction(node.db):
        replay_log(node.db)


@pytest.fixture
def exported(laptop: Node, office: Node, tmp_path: Path) -> Node:
    """A laptop with two reports sent to the office (its head signed at seq N) and two more
    written since (seq N+1, N+2: the unsigned tail)."""
    laptop.report("占道经营一", jpeg(tmp_path / "p", "a.jpg"))
    laptop.report("占道经营二")
    laptop.export_to(office, tmp_path / "up.tdsync")
    laptop.report("占道经营三")
    laptop.report("占道经营四")
    return laptop


def code(node: Node) -> str:
    return this_device(node.db).code


def edited(node: Node, seq: int) -> dict:
    """The event's payload with one field changed, as a forger would (it still replays)."""
    payload = own_events(node)[seq - 1].payload
    return {"payload": {**payload, "description": "改过的"}}


def signed_to(node: Node) -> int:
    return node.db.execute(
        "SELECT max(seq) FROM chain_heads WHERE device_id = ?", [node.id]
    ).fetchone()[0]


# -- a clean database ---------------------------------------------------------------------


def test_a_clean_laptop_and_office_are_clean_and_say_what_they_cannot_detect(
    exported: Node, office: Node
) -> None:
    report = clean(exported)
    assert report.tables > 20 and report.table_rows > 0 and report.heads >= 1
    last = len(own_events(exported))
    assert report.unsigned_tails == {code(exported): [signed_to(exported) + 1, last]}
    assert any("重新签名" in line for line in report.cannot_detect)
    assert any(f"第 {signed_to(exported) + 1}–{last} 条" in line for line in report.cannot_detect)
    clean(office)


# -- edited events ------------------------------------------------------------------------


def test_an_edit_without_rehash_is_caught_with_device_seq_and_event_id(exported: Node) -> None:
    clean(exported)
    event = rewrite(exported, 2, {"payload": {"tampered": True}}, rehash=False)
    problems = verify(exported).problems
    assert event.type == "case.registered"
    assert any(
        f"设备 {code(exported)} 第 2 条（{event.type}，事件 {event.id}）：内容与其哈希不符" in p
        for p in problems
    ), problems
    # a payload no program writes: the replay stops, and says so instead of crashing
    assert any(p.startswith("无法按事件记录重建各表（KeyError") for p in problems), problems


def test_an_edit_rehashed_inside_the_signed_range_is_caught_by_the_head(exported: Node) -> None:
    clean(exported)
    head = signed_to(exported)
    rewrite(exported, head - 1, edited(exported, head - 1))
    problems = verify(exported).problems
    assert any(
        f"设备 {code(exported)} 第 {head} 条：与该设备签名的链头不符" in p for p in problems
    ), problems


def test_an_edit_rehashed_in_the_unsigned_tail_is_reported_as_the_unsigned_tail(
    exported: Node,
) -> None:
    """What verify cannot catch, said plainly: the tail no head vouches for."""
    clean(exported)
    head, last = signed_to(exported), len(own_events(exported))
    rewrite(exported, head + 1, edited(exported, head + 1))
    report = verify(exported)
    assert report.unsigned_tails == {code(exported): [head + 1, last]}
    assert any(f"第 {head + 1}–{last} 条记录" in line for line in report.cannot_detect)


def test_with_the_key_unlocked_each_write_is_signed_and_a_rehashed_edit_is_caught(
    laptop: Node, office: Node, tmp_path: Path
) -> None:
    sign_heads_as_written(laptop.db, laptop.keys.signature)
    try:
        laptop.report("占道经营一")
        laptop.report("占道经营二")
    finally:
        sign_heads_as_written(laptop.db, None)
    last = len(own_events(laptop))
    assert signed_to(laptop) == last
    assert clean(laptop).unsigned_tails == {}
    heads = laptop.db.execute(
        "SELECT count(*) FROM chain_heads WHERE device_id = ?", [laptop.id]
    ).fetchone()[0]
    assert heads == 1  # the newest vouches for all before it; unshipped older ones dropped
    rewrite(laptop, last, edited(laptop, last))
    problems = verify(laptop).problems
    assert any(
        f"设备 {code(laptop)} 第 {last} 条：与该设备签名的链头不符" in p for p in problems
    ), problems


def test_two_events_with_their_payloads_swapped_are_both_caught(exported: Node) -> None:
    clean(exported)
    events = own_events(exported)
    first, second = [e for e in events if e.type == "case.registered"][:2]
    tamper(
        exported,
        ("UPDATE events SET payload = ? WHERE id = ?", (second.canonical_payload, first.id)),
        ("UPDATE events SET payload = ? WHERE id = ?", (first.canonical_payload, second.id)),
    )
    problems = verify(exported).problems
    for event in (first, second):
        assert any(f"事件 {event.id}）：内容与其哈希不符" in p for p in problems), problems


def test_a_changed_actor_is_caught(exported: Node) -> None:
    clean(exported)
    event = own_events(exported)[-1]
    admin = exported.user("admin").id
    assert event.actor_id != admin
    tamper(exported, ("UPDATE events SET actor_id = ? WHERE id = ?", (admin, event.id)))
    problems = verify(exported).problems
    assert any(f"事件 {event.id}）：内容与其哈希不符" in p for p in problems), problems


# -- deleted events -----------------------------------------------------------------------


def test_deleting_the_newest_events_and_rebuilding_is_caught(exported: Node) -> None:
    clean(exported)
    head = signed_to(exported)
    tamper(
        exported,
        ("DELETE FROM events WHERE device_id = ? AND device_seq >= ?", (exported.id, head - 1)),
    )
    rebuild(exported)
    problems = verify(exported).problems
    held = head - 2
    assert any(
        f"设备 {code(exported)}：它签名担保到第 {head} 条，本机却只存到第 {held} 条" in p
        for p in problems
    ), problems
    assert any(
        "本机写出的同步包" in p and f"第 {held + 1}–{head} 条已被删除" in p for p in problems
    )
    assert any("本机时钟记到" in p for p in problems), problems


def test_deleting_the_unsigned_tail_and_rebuilding_is_caught_by_the_clock(exported: Node) -> None:
    clean(exported)
    head = signed_to(exported)
    tamper(
        exported, ("DELETE FROM events WHERE device_id = ? AND device_seq > ?", (exported.id, head))
    )
    rebuild(exported)
    problems = verify(exported).problems
    assert problems and all("本机时钟记到" in p for p in problems), problems


def test_deleting_the_newest_events_with_every_head_and_sync_record_is_caught_by_the_peer(
    laptop: Node, office: Node, tmp_path: Path
) -> None:
    """The peer's confirmation (what it holds of ours, told in its next file) remembers."""
    for n in range(3):
        laptop.report(f"占道经营{n}")
    laptop.export_to(office, tmp_path / "up.tdsync")
    office.import_file(tmp_path / "up.tdsync")
    office.export_to(laptop, tmp_path / "down.tdsync")
    laptop.import_file(tmp_path / "down.tdsync")
    clean(laptop)
    last = len(own_events(laptop))
    tamper(
        laptop,
        ("DELETE FROM events WHERE device_id = ? AND device_seq > ?", (laptop.id, last - 2)),
        "DELETE FROM chain_heads",
        "DELETE FROM sync_files",
    )
    rebuild(laptop)
    problems = verify(laptop).problems
    assert any(
        f"已确认收到本机到第 {last} 条的记录，本机却只存到第 {last - 2} 条" in p for p in problems
    ), problems


def test_an_office_without_exports_catches_deleted_newest_events_by_its_clock(
    office: Node,
) -> None:
    clean(office)
    tamper(
        office,
        (
            "DELETE FROM events WHERE device_id = ? AND device_seq > "
            "(SELECT max(device_seq) - 3 FROM events WHERE device_id = ?)",
            (office.id, office.id),
        ),
    )
    rebuild(office)
    assert any("本机时钟记到" in p for p in verify(office).problems)


# -- tables against the log ---------------------------------------------------------------


def test_a_case_closed_in_the_table_is_caught_with_its_number_and_field(office: Node) -> None:
    clean(office)
    number, status = office.db.execute(
        "SELECT number, status FROM cases WHERE status != 'closed' ORDER BY number LIMIT 1"
    ).fetchone()
    tamper(office, ("UPDATE cases SET status = 'closed' WHERE number = ?", (number,)))
    report = verify(office)
    assert report.table_differences == 1
    assert report.problems == [
        f"表 cases，案件 {number}：字段 status 表中为 'closed'，按事件记录应为 '{status}'"
    ]


def test_every_case_closed_is_counted_and_listed_only_in_part(office: Node) -> None:
    tamper(office, "UPDATE cases SET status = 'closed' WHERE status != 'closed'")
    report = verify(office)
    changed = report.table_differences
    assert changed > 40
    assert len(report.problems) == 31  # 30 listed, one line counting the rest
    assert f"另有 {changed - 30} 处不同" in report.problems[-1]


def test_a_row_added_or_removed_is_caught(office: Node) -> None:
    tamper(
        office,
        "DELETE FROM assignments WHERE rowid = (SELECT min(rowid) FROM assignments)",
        "UPDATE users SET role = 'admin' WHERE username = 'wgy01'",
    )
    problems = verify(office).problems
    assert any(p.startswith("表 assignments，案件 ") and "少了这一行" in p for p in problems)
    assert any(p.startswith("表 users，wgy01：字段 role 表中为 'admin'") for p in problems)


# -- evidence files -----------------------------------------------------------------------


def test_an_evidence_file_deleted_or_with_one_byte_flipped_is_caught(exported: Node) -> None:
    clean(exported)
    (sha256,) = exported.db.execute("SELECT sha256 FROM case_evidence").fetchone()
    path = exported.blobs.path(sha256)
    data = bytearray(path.read_bytes())
    data[-1] ^= 1
    path.write_bytes(bytes(data))
    # the laptop's evidence is encrypted: the flipped byte fails the decryption's check (a
    # plain office's: tests/sync/test_evidence_at_rest.py)
    assert f"证据文件已被改动（加密校验不通过）：{sha256}" in verify(exported).problems
    path.unlink()
    assert f"证据文件缺失：{sha256}" in verify(exported).problems


def test_a_secret_edited_in_its_table_is_caught_with_its_ref(office: Node) -> None:
    """An attacker with the file gives the administrator the clerk's password hash: the
    events name the admin's by ref, so the edit shows as a secret no longer its ref."""
    assert clean(office).secrets > 2  # the demo's passwords and reporters
    admin_ref, clerk_hash = office.db.execute(
        "SELECT a.password_ref, s.value FROM users a, users c JOIN secrets s "
        "ON s.ref = c.password_ref WHERE a.username = 'admin' AND c.username = 'clerk'"
    ).fetchone()
    tamper(office, ("UPDATE secrets SET value = ? WHERE ref = ?", (clerk_hash, admin_ref)))
    expected = f"保密数据（密码、反映人或当事人）已被改动（内容与编号不符）：{admin_ref}"
    assert verify(office).problems == [expected]


# -- the command --------------------------------------------------------------------------


def test_the_command_exits_3_and_names_the_problem_and_the_limits(
    office: Node, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["verify", "--db", str(office.path)]) == 0
    assert "未发现问题" in capsys.readouterr().out
    tamper(office, "UPDATE cases SET status = 'closed' WHERE status != 'closed'")
    assert run(["verify", "--db", str(office.path), "--json"]) == 3
    report = json.loads(capsys.readouterr().out)
    assert not report["ok"] and report["table_differences"] > 0 and report["cannot_detect"]
    assert run(["verify", "--db", str(office.path), "--quick"]) == 0  # tables not compared
    assert "没有把各表与事件记录比对" in capsys.readouterr().out


def test_verify_writes_nothing_and_a_scratch_it_cannot_make_is_said_plainly(
    exported: Node, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = full_dump(exported.db)
    clean(exported)
    assert full_dump(exported.db) == before

    def no_room(*_: object) -> None:
        raise sqlite_driver.OperationalError("database or disk is full")

    monkeypatch.setattr("app.store.rebuild_check.migrate", no_room)
    report = verify(exported)
    assert report.problems == [
        "无法在临时文件夹中按事件记录重建各表来比对（database or disk is full）：各表未比对。"
        "请腾出磁盘空间后再运行 towndesk verify，或加 --quick 跳过这一项。"
    ]
    assert full_dump(exported.db) == before
