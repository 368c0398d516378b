"""``case act N supervise --reply-by DATE``: the new deadline printed on the notice, checked
by core (a real date, not before the day of the supervision)."""

from __future__ import annotations

from pathlib import Path

from app.reports.supervision_notice import supervision_notice_html
from app.store.cases import case_by_number, case_timeline
from app.store.setup import open_database
from tests.cli.signed import fails, ok
from tests.clock import TestClock


def pending(path: Path) -> str:
    db = open_database(path)
    number = db.execute("SELECT number FROM cases WHERE status = 'pending_triage'").fetchone()[0]
    db.close()
    return number


def supervise(path: Path, number: str, *extra: str) -> list[str]:
    return ["case", "act", number, "supervise", "--note", "请尽快研判", *extra,
            "--db", str(path), "--as", "leader"]  # fmt: skip


def test_the_reply_by_date_goes_on_the_notice(demo_path: Path, capsys, clock: TestClock) -> None:
    number = pending(demo_path)  # the tests' clock stands at 2026-11-18 20:06
    ok(capsys, *supervise(demo_path, number, "--reply-by", "2026-11-25"))
    db = open_database(demo_path)
    html, _ = supervision_notice_html(db, number)
    last = case_timeline(db, case_by_number(db, number).id)[-1]
    db.close()
    assert "请于 2026年11月25日 前办结并书面回复" in html
    assert last.detail == "督办意见：请尽快研判；限 2026-11-25 前办结并书面回复"


def test_a_past_or_malformed_reply_by_is_refused(demo_path: Path, capsys, clock: TestClock) -> None:
    number = pending(demo_path)
    err = fails(capsys, demo_path, *supervise(demo_path, number, "--reply-by", "2026-11-17"))
    assert "回复期限 2026-11-17 已经过去：不能早于督办当天 2026-11-18" in err
    err = fails(capsys, demo_path, *supervise(demo_path, number, "--reply-by", "下周一"))
    assert "回复期限“下周一”不对" in err
