"""towndesk meeting: members, the proposed agenda, scheduling with an edited agenda, minutes
whose decision settles a dispute (typed as a line or given as a JSON file), decisions done,
the printed papers, and refusals that change nothing; --json all the way."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.lists import ListKind
from app.store.disputes import dispute_by_id
from app.store.lists import versions
from tests.cli.test_cli import dump, fails, ok
from tests.clock import TestClock
from tests.store.test_meetings import Office

# The meeting is held the morning after the tests' present, when the disputes were raised (a
# meeting rules only on disputes opened before it); its minutes go in the day after that.
HELD = "2026-11-19 09:30"
AFTER = datetime(2026, 11, 20, 9)


@pytest.fixture
def office(demo_db: Any, demo_path: Path) -> Office:
    return Office(demo_db, demo_path)


def out_json(capsys, *argv: str) -> Any:  # type: ignore[no-untyped-def]
    return json.loads(ok(capsys, *argv, "--json"))


def test_a_disputed_case_goes_to_a_meeting_whose_decision_changes_the_list(
    office: Office, demo_path: Path, tmp_path: Path, capsys, qapp, clock: TestClock
) -> None:  # type: ignore[no-untyped-def]
    db = ["--db", str(demo_path)]
    number, dispute_id = office.disputed_case()
    listed = versions(office.db, ListKind.BOUNDARY)[0].version

    members = out_json(capsys, "meeting", "members", "--set", "zhb", "PCS", "SCJG", "YJJ", *db)
    assert [u["unit"] for u in members] == ["ZHB", "PCS", "SCJG", "YJJ"]
    assert members[1]["name"] == "青石派出所"

    proposed = out_json(capsys, "meeting", "agenda", *db)
    assert proposed[0]["kind"] == "dispute"  # disputes first
    ours = next(item for item in proposed if item["ref"] == dispute_id)
    assert ours["kind"] == "dispute" and number in ours["title"]
    edited = [ours, {"kind": "other", "title": "通报第三季度督查督办情况"}]
    agenda_file = tmp_path / "议程.json"
    agenda_file.write_text(json.dumps(edited, ensure_ascii=False), "utf-8")

    plan = ["--at", HELD, "--place", "镇政府三楼会议室", "--chair", "刘建军"]
    scheduled = out_json(capsys, "meeting", "schedule", *plan, "--agenda", str(agenda_file), *db)
    assert scheduled["number"] == 1 and scheduled["attendees"] == ["ZHB", "PCS", "SCJG", "YJJ"]
    assert [i["title"] for i in scheduled["agenda"]] == [i["title"] for i in edited]
    assert dispute_by_id(office.db, dispute_id).meeting_id == scheduled["id"]
    shown = out_json(capsys, "meeting", "agenda", "--meeting", "1", *db)
    assert shown == scheduled["agenda"]
    agenda_pdf = tmp_path / "议程.pdf"
    printed = ok(capsys, "meeting", "agenda", "--meeting", "1", "-o", str(agenda_pdf), *db)
    assert "第 1 次联席会议议程" in printed and agenda_pdf.read_bytes().startswith(b"%PDF")

    settle = f"出租屋消防检查由派出所牵头|PCS|2026-12-01|{number}|PCS,YJJ|amend"
    clock.set(AFTER)
    held = out_json(
        capsys,
        "meeting",
        "minutes",
        "1",
        "--summary",
        "会议研究了职责争议。",
        "--decision",
        settle,
        "--decision",
        "通报超期案件|zhb|2026-11-19",
        "--attend",
        "ZHB",
        "PCS",
        *db,
    )
    assert held["minutes_at"] and held["attendees"] == ["ZHB", "PCS"]
    first, second = held["decisions"]
    assert (first["ref"], first["owner"], first["dispute_id"]) == ("1-1", "PCS", dispute_id)
    assert (second["owner_name"], second["overdue"]) == ("青石镇综合行政执法办公室", True)
    (settled,) = held["settlements"]
    assert settled["case_number"] == number and settled["cooperating"] == ["蓬山区应急管理局"]
    assert settled["list_version"] is None  # a local amendment: the official list stays
    assert versions(office.db, ListKind.BOUNDARY)[0].version == listed
    assert dispute_by_id(office.db, dispute_id).lead == "PCS"

    opened = out_json(capsys, "meeting", "decisions", "--open", *db)
    assert [d["ref"] for d in opened] == ["1-2", "1-1"]  # the earliest deadline first
    done = out_json(capsys, "meeting", "done", "1-2", "--note", "已在例会通报", *db)
    assert done["done_note"] == "已在例会通报" and done["done_by"] == "孙志远"  # --as admin
    assert [d["ref"] for d in out_json(capsys, "meeting", "decisions", "--open", *db)] == ["1-1"]
    assert len(out_json(capsys, "meeting", "decisions", *db)) == 2
    clock.set(datetime(2026, 12, 2, 9))  # 1-1 was due by 2026-12-01
    table = ok(capsys, "meeting", "decisions", *db)
    assert "已落实" in table and "已超期" in table

    minutes_pdf = tmp_path / "纪要.pdf"
    again = out_json(capsys, "meeting", "show", "1", "-o", str(minutes_pdf), *db)
    assert again["decisions"][1]["done_at"] and minutes_pdf.read_bytes().startswith(b"%PDF")
    assert [x["number"] for x in out_json(capsys, "meeting", "list", *db)] == [1]
    text = ok(capsys, "meeting", "show", "1", *db)
    assert "出租屋消防检查由派出所牵头" in text and "本镇修订边界清单" in text


def test_minutes_from_a_json_file(
    office: Office, demo_path: Path, tmp_path: Path, capsys, clock: TestClock
) -> None:  # type: ignore[no-untyped-def]
    db = ["--db", str(demo_path)]
    number, dispute_id = office.disputed_case()
    plan = ["--at", HELD, "--place", "会议室", "--chair", "刘建军", "--attend", "ZHB", "ZFZD"]
    ok(capsys, "meeting", "schedule", *plan, *db)
    minutes = {
        "summary": "会议认为：此类案件由执法中队牵头。",
        "decisions": [
            {
                "text": "由执法中队牵头，决议内容含|竖线",
                "owner": "ZFZD",
                "deadline": "2027-03-01",
                "dispute": number,
                "lead": "ZFZD",
            }
        ],
    }
    path = tmp_path / "纪要.json"
    path.write_text(json.dumps(minutes, ensure_ascii=False), "utf-8")
    clock.set(AFTER)
    held = out_json(capsys, "meeting", "minutes", "1", "--file", str(path), *db)
    assert held["summary"] == minutes["summary"] and held["attendees"] == ["ZHB", "ZFZD"]
    assert held["decisions"][0]["text"] == "由执法中队牵头，决议内容含|竖线"
    assert held["settlements"][0]["amended_item"] == ""  # no amend: the list stays
    assert dispute_by_id(office.db, dispute_id).lead == "ZFZD"


def test_refused_commands_say_why_in_chinese_and_change_nothing(
    office: Office, demo_path: Path, tmp_path: Path, capsys, clock: TestClock
) -> None:  # type: ignore[no-untyped-def]
    db = ["--db", str(demo_path)]
    _, dispute_id = office.disputed_case()
    plan = ["--at", HELD, "--place", "会议室", "--chair", "刘建军", "--attend", "ZHB"]
    ok(capsys, "meeting", "schedule", *plan, *db)
    clock.set(AFTER)
    ok(
        capsys,
        "meeting",
        "minutes",
        "1",
        "--summary",
        "纪要",
        "--decision",
        "通报|ZHB|2026-12-01",
        *db,
    )
    broken = tmp_path / "坏.json"
    broken.write_text("{not json", "utf-8")
    before = dump(demo_path)
    cases = [
        (["meeting", "members", "--set", "XYZ"], "部门“XYZ”不存在"),
        (
            ["meeting", "members", "--set", "PCS", "--as", "grid"],
            "网格员不能处理职责争议和联席会议",
        ),
        (
            ["meeting", "schedule", "--at", "明天上午", "--place", "会议室", "--chair", "刘"],
            "会议时间",
        ),
        (["meeting", "schedule", *plan, "--agenda", str(broken)], "读不出来"),
        (["meeting", "minutes", "1", "--summary", "再录一次"], "已经录入，不能重复录入"),
        (["meeting", "minutes", "7", "--summary", "纪要"], "没有第 7 次联席会议"),
        (["meeting", "minutes", "1", "--summary", "x", "--decision", "只有内容"], "格式不对"),
        (["meeting", "done", "1-1", "--note", "已通报"], ""),  # the first time it works
        (["meeting", "done", "1-1", "--note", "再次"], "不能重复标记"),
        (["meeting", "done", "3-1", "--note", "x"], "找不到决议“3-1”"),
        (["meeting", "show", "9"], "没有第 9 次联席会议"),
        (["meeting", "agenda", "--set", str(broken)], "--meeting"),
    ]
    for argv, words in cases:
        if not words:
            ok(capsys, *argv, *db)
            before = dump(demo_path)
            continue
        err = fails(capsys, *argv, *db)
        assert words in err, err
        assert dump(demo_path) == before, argv
    # a second meeting cannot take a decision on a dispute already settled
    ok(capsys, "meeting", "schedule", *plan, "--agenda", str(_no_agenda(tmp_path)), *db)
    # the dispute was on meeting 1's agenda: meeting 2 decides it once it is withdrawn
    settle = f"裁定|ZHB|2026-12-01|{dispute_id}|ZHB"
    err = fails(capsys, "meeting", "minutes", "2", "--summary", "纪要", "--decision", settle, *db)
    assert "已提交第 1 次联席会议，只能由该次会议作出决议" in err
    ok(capsys, "dispute", "withdraw", dispute_id, "--reason", "第 1 次会议未议，改由下次研究", *db)
    ok(capsys, "meeting", "minutes", "2", "--summary", "纪要", "--decision", settle, *db)
    ok(capsys, "meeting", "schedule", *plan, "--agenda", str(_no_agenda(tmp_path)), *db)
    before = dump(demo_path)
    settle_again = f"再裁定|PCS|2026-12-01|{dispute_id}|PCS"
    err = fails(
        capsys, "meeting", "minutes", "3", "--summary", "纪要", "--decision", settle_again, *db
    )
    assert "已于" in err and "作出裁定" in err
    assert dump(demo_path) == before


def _no_agenda(tmp_path: Path) -> Path:
    path = tmp_path / "空议程.json"
    path.write_text("[]", "utf-8")
    return path


def test_the_help_says_how_to_write_decisions(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        from tests.cli.signed import run

        run(["meeting", "minutes", "--help"])
    out = capsys.readouterr().out
    assert "内容|责任单位|YYYY-MM-DD|争议编号或案件编号|牵头单位[,配合单位...]|amend" in out
    assert '"decisions"' in out and '"amend_list": true' in out
