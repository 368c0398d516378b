"""No silent cut-off: the office records why it refused a laptop's file, its next file to
that laptop says so, the laptop's Sync page shows why and what to do, and the refused work
reaches the office once the cause is gone (or, when it cannot go, after re-enrolment)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import DomainError
from app.store.devices import revoke_device
from app.sync.carry_over import carry_over
from app.sync.refusals import received_notice, refusals
from app.sync.status import backlog, office_notice, refused_laptops
from tests.store.store_helpers import full_dump
from tests.sync.conftest import Node, enrol_laptop
from tests.sync.test_actor_limits import forge_as


def _has_case(node: Node, number: str) -> bool:
    return bool(node.db.execute("SELECT 1 FROM cases WHERE number = ?", [number]).fetchone())


def test_a_refused_file_is_noticed_and_its_work_arrives_after_re_enrolment(
    office: Node, laptop: Node, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = laptop.report("门口堆放杂物").number
    forged = forge_as(monkeypatch, laptop, "admin")  # an older program let this through
    up = laptop.export_to(office, tmp_path / "up-1.tdsync")
    with pytest.raises(DomainError):
        office.import_file(up.path)

    # the office recorded which file, why and when
    [refused] = refused_laptops(office.db)
    assert refused.peer.startswith("青石村网格终端")
    assert refused.refusal.file == "up-1.tdsync"
    assert refused.refusal.code == "sync_actor_not_allowed"
    assert refused.refusal.refused_at

    # its next file to the laptop carries the notice; the laptop keeps and shows it
    assert office_notice(laptop.db) is None
    laptop.import_file(office.export_to(laptop, tmp_path / "down-1.tdsync").path)
    notice = office_notice(laptop.db)
    assert notice is not None
    assert "越权记录" in notice.refusal.why() and "case.registered" in notice.refusal.why()
    assert "带到综合执法办" in notice.refusal.todo()
    assert notice.refusal.todo("en").startswith("Bring this laptop")
    assert not notice.exported_since

    # the laptop goes on working; nothing is lost: all of it waits in its log
    later = laptop.report("路灯不亮").number
    again = laptop.export_to(office, tmp_path / "up-2.tdsync")
    assert office_notice(laptop.db).exported_since  # type: ignore[union-attr]
    assert again.new_cases == 3  # what the office never confirmed is sent again
    with pytest.raises(DomainError):
        office.import_file(again.path)  # the forged record is in the chain for good
    assert backlog(laptop.db, office.id).unconfirmed >= 3

    # the office's instruction: re-enrol the laptop; its unconfirmed cases are carried over
    revoke_device(office.db, office.user("admin"), laptop.id, "链中有冒名记录", wall=office.wall)
    assert refused_laptops(office.db) == []  # a revoked laptop is no longer waited for
    fresh = enrol_laptop(office, tmp_path / "fresh", "青石村网格终端二")
    carried = carry_over(laptop.db, laptop.blobs, fresh.db, fresh.blobs, wall=fresh.wall)
    assert carried.cases == [first, later]
    assert carried.left_behind == [forged]
    office.import_file(fresh.export_to(office, tmp_path / "up-3.tdsync").path)
    assert _has_case(office, first) and _has_case(office, later)
    assert not _has_case(office, forged)
    fresh.import_file(office.export_to(fresh, tmp_path / "down-2.tdsync").path)
    assert office_notice(fresh.db) is None


def test_once_the_cause_is_gone_the_refused_work_and_later_cases_arrive(
    office: Node, tmp_path: Path
) -> None:
    """A file handed to the office that was made for another laptop (the wrong peer picked
    on the Sync page): the notice says to export to the office again; the next file brings
    the refused case and the later one, and the notice ends on both sides."""
    other = enrol_laptop(office, tmp_path / "other", "白沙村网格终端")
    laptop = enrol_laptop(office, tmp_path / "laptop", "青石村网格终端")
    first = laptop.report("门口堆放杂物").number
    wrong = laptop.export_to(other, tmp_path / "wrong.tdsync")
    before = full_dump(office.db)
    with pytest.raises(DomainError) as caught:
        office.import_file(wrong.path)
    assert caught.value.code == "sync_wrong_recipient"
    after = full_dump(office.db)
    assert after.pop("settings") != before.pop("settings")  # only the refusal was recorded
    assert after == before
    [refusal] = refusals(office.db)
    assert refusal.laptop_id == laptop.id and refusal.file == "wrong.tdsync"

    laptop.import_file(office.export_to(laptop, tmp_path / "down-1.tdsync").path)
    notice = office_notice(laptop.db)
    assert notice is not None and "重新导出" in notice.refusal.todo()
    assert "收件设备不符" in notice.refusal.why()

    later = laptop.report("路灯不亮").number
    summary = office.import_file(laptop.export_to(office, tmp_path / "up.tdsync").path)
    assert summary.preview["new_cases"] == 2
    assert _has_case(office, first) and _has_case(office, later)
    assert refusals(office.db) == []
    laptop.import_file(office.export_to(laptop, tmp_path / "down-2.tdsync").path)
    assert office_notice(laptop.db) is None


def test_a_file_that_proves_no_sender_leaves_no_refusal(office: Node, tmp_path: Path) -> None:
    """Anyone may hand the office a file; only the laptop's own signature makes it speak."""
    junk = tmp_path / "junk.tdsync"
    junk.write_bytes(b"PK\x03\x04 not a sync file")
    with pytest.raises(DomainError):
        office.import_file(junk)
    assert refusals(office.db) == []


def test_a_notice_is_read_only_when_well_formed() -> None:
    """Files without the field (every older office) and odd values mean no notice."""
    assert received_notice({}) is None
    assert received_notice({"notice": "文字"}) is None
    assert received_notice({"notice": {"code": 1}}) is None
    good = {
        "file_id": "f",
        "file": "up.tdsync",
        "code": "sync_damaged",
        "refused_at": "2026-11-26 10:00:00",
        "why_zh": "损坏" * 5000,
        "why_en": "damaged",
        "todo_zh": "重新导出",
        "todo_en": "export again",
    }
    kept = received_notice({"notice": good})
    assert kept is not None and len(kept["why_zh"]) == 2000 and kept["file"] == "up.tdsync"
