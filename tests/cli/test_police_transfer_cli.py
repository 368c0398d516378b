"""行刑衔接 on the command line (order 310): ``case act N transfer-police`` with its
materials, ``approve-transfer`` / ``deny-transfer`` by the leader, the police's receipt and
outcome, ``transfer-review`` after a refusal within 3 days, and the letter printed; each
refusal in Chinese with the database unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.signed import fails, ok
from tests.clock import TestClock
from tests.store.police_helpers import materials

REQUEST = [
    "--offence",
    "赌博罪",
    "--threshold",
    "以营利为目的聚众赌博，组织三人以上，抽头渔利数额累计超过五千元",
    "--facts",
    "11月18日晚在村东棋牌室查获聚众赌博，现场赌资一万二千元",
]


def handling(capsys: Any, path: Path, *photos: Path) -> str:
    """A case registered (with ``photos`` as its evidence), dispatched to the market
    supervision office and signed for."""
    add = ["case", "add", "--db", str(path), "--as", "clerk", "--json", "--category", "0803"]
    add += ["--grid", "G01", "--description", "村东棋牌室有人聚众打麻将赌博"]
    if photos:
        add += ["--photo", *map(str, photos)]
    number = json.loads(ok(capsys, *add))["number"]
    dispatch = ["--to", "SCJG", "--override-reason", "赌博窝点设在无照经营的棋牌室"]
    ok(capsys, *act(path, number, "dispatch", *dispatch, who="clerk"))
    ok(capsys, *act(path, number, "sign"))
    return number


def act(path: Path, number: str, action: str, *extra: str, who: str = "officer") -> list[str]:
    return ["case", "act", "--db", str(path), "--as", who, number, action, *extra]


def attach(folder: Path, *kinds: str) -> list[str]:
    files, attached = materials(folder, *kinds)
    argv: list[str] = []
    for path, item in zip(files, attached, strict=True):
        argv += ["--attach", str(path), "--kind", item["kind"]]
    return argv


def shown(capsys: Any, path: Path, number: str) -> Any:
    return json.loads(ok(capsys, "case", "show", "--db", str(path), number, "--json"))


def test_the_unit_asks_the_leader_approves_and_the_police_answer(
    demo_path: Path, capsys: Any, tmp_path: Path
) -> None:
    number = handling(capsys, demo_path)
    told = ok(capsys, *act(demo_path, number, "transfer-police", *REQUEST, *attach(tmp_path)))
    assert "待负责人审批" in told and "处置中" in told
    feedback = act(demo_path, number, "feedback", "--note", "已处理")
    assert "正在等待负责人审批" in fails(capsys, demo_path, *feedback)

    told = ok(capsys, *act(demo_path, number, "approve-transfer", who="leader"))
    assert "青石综执移公〔2026〕1号" in told and "towndesk transfer-letter" in told
    case = shown(capsys, demo_path, number)
    [asked] = case["police_requests"]
    assert (asked["requested_by"], asked["decided_by"], asked["decision"]) == (
        "李文涛",
        "刘建军",
        "approved",
    )
    assert [m["kind"] for m in asked["materials"]] == ["report", "items"]
    assert asked["copy_to"] == "蓬山区人民检察院"
    [sent] = case["transfers"]
    assert (sent["letter_no"], sent["police"], sent["counterpart"]) == (
        "青石综执移公〔2026〕1号",
        True,
        "蓬山区公安分局",
    )
    receipt = act(demo_path, number, "transfer-receipt", "--received-by", "王警官", who="clerk")
    ok(capsys, *receipt)
    outcome = ["--outcome", "accepted", "--note", "已立案侦查"]
    told = ok(capsys, *act(demo_path, number, "transfer-outcome", *outcome, who="clerk"))
    assert "立案" in told
    out = tmp_path / "移送书.pdf"
    ok(capsys, "transfer-letter", "--db", str(demo_path), number, "-o", str(out))
    assert out.read_bytes().startswith(b"%PDF")


def test_evidence_already_attached_is_named_by_its_hash(
    demo_path: Path, capsys: Any, tmp_path: Path
) -> None:
    files, attached = materials(tmp_path)
    number = handling(capsys, demo_path, *files)
    by_hash = []
    for item in attached:
        by_hash += ["--attach", item["sha256"][:10], "--kind", item["kind"]]
    ok(capsys, *act(demo_path, number, "transfer-police", *REQUEST, *by_hash))
    told = ok(capsys, "case", "show", "--db", str(demo_path), number)
    assert "申请移送公安" in told and "附材料 2 份" in told


def test_a_refused_request_and_who_may_not_ask(
    demo_path: Path, capsys: Any, tmp_path: Path
) -> None:
    number = handling(capsys, demo_path)
    only_report = act(demo_path, number, "transfer-police", *REQUEST, *attach(tmp_path, "report"))
    assert "涉案物品清单" in fails(capsys, demo_path, *only_report)
    mismatched = [*act(demo_path, number, "transfer-police", *REQUEST), "--attach", "x.pdf"]
    assert "--kind" in fails(capsys, demo_path, *mismatched)
    unknown = [*act(demo_path, number, "transfer-police", *REQUEST), "--attach", "abc"]
    assert "不是文件" in fails(capsys, demo_path, *unknown, "--kind", "report")
    other_unit = act(demo_path, number, "transfer-police", *REQUEST, who="officer_zfzd")
    assert "牵头单位" in fails(capsys, demo_path, *other_unit, *attach(tmp_path / "z"))
    nothing = act(demo_path, number, "approve-transfer", who="leader")
    assert "没有等待审批" in fails(capsys, demo_path, *nothing)
    old = act(demo_path, number, "transfer-police-direct", who="clerk")
    assert fails_usage(capsys, old)


def fails_usage(capsys: Any, argv: list[str]) -> bool:
    """The retired step is not a choice of the command line any more."""
    from tests.cli.signed import run

    try:
        run(argv)
    except SystemExit as stopped:
        return stopped.code == 2 and "transfer-police-direct" in capsys.readouterr().err
    return False


def test_only_the_leader_decides_and_a_refusal_needs_reasons(
    demo_path: Path, capsys: Any, tmp_path: Path
) -> None:
    number = handling(capsys, demo_path)
    ok(capsys, *act(demo_path, number, "transfer-police", *REQUEST, *attach(tmp_path)))
    by_clerk = act(demo_path, number, "approve-transfer", who="clerk")
    assert "不能批准移送公安" in fails(capsys, demo_path, *by_clerk)
    no_reason = act(demo_path, number, "deny-transfer", who="leader")
    assert "理由" in fails(capsys, demo_path, *no_reason)
    told = ok(
        capsys, *act(demo_path, number, "deny-transfer", "--reason", "赌资未查实", who="leader")
    )
    assert "继续办理" in told
    assert shown(capsys, demo_path, number)["status"] == "handling"
    ok(capsys, *act(demo_path, number, "feedback", "--note", "已给予行政处罚"))


def test_review_after_the_police_refused_within_three_days(
    demo_path: Path, capsys: Any, tmp_path: Path, clock: TestClock
) -> None:
    number = handling(capsys, demo_path)
    ok(capsys, *act(demo_path, number, "transfer-police", *REQUEST, *attach(tmp_path)))
    early = act(demo_path, number, "transfer-review", "--reason", "补充鉴定", who="clerk")
    assert "正在等待负责人审批" in fails(capsys, demo_path, *early)
    ok(
        capsys,
        *act(demo_path, number, "approve-transfer", "--copy-to", "东莱市人民检察院", who="leader"),
    )
    ok(capsys, *act(demo_path, number, "transfer-receipt", "--received-by", "王警官", who="clerk"))
    declined = ["--outcome", "declined", "--note", "未达立案追诉标准"]
    ok(capsys, *act(demo_path, number, "transfer-outcome", *declined, who="clerk"))
    # refused Wednesday 2026-11-18 evening: the third day is a Saturday, so the review may
    # be asked until Monday 11-23 17:30 (art. 9)
    clock.advance(days=6)
    late = act(demo_path, number, "transfer-review", "--reason", "补充鉴定", who="clerk")
    assert "3 日内" in fails(capsys, demo_path, *late)
    clock.advance(days=-3)
    told = ok(
        capsys, *act(demo_path, number, "transfer-review", "--reason", "补充鉴定", who="clerk")
    )
    assert "复议" in told
    again = act(demo_path, number, "transfer-review", "--reason", "再次", who="clerk")
    assert "没有作出不予立案" in fails(capsys, demo_path, *again)


def test_a_request_left_undecided_is_overdue_on_the_office(
    demo_path: Path, capsys: Any, tmp_path: Path, clock: TestClock
) -> None:
    number = handling(capsys, demo_path)
    ok(capsys, *act(demo_path, number, "transfer-police", *REQUEST, *attach(tmp_path)))
    # asked Wednesday 2026-11-18 evening: the leader decides by Monday 11-23 17:30 (art. 5:
    # 3 days, the third a Saturday)
    clock.advance(days=6)
    argv = ["overdue", "--db", str(demo_path), "--as", "leader"]
    rows = json.loads(ok(capsys, *argv, "--json"))
    [late] = [r for r in rows if r["number"] == number and r["kind"] == "police_decision"]
    assert (late["unit"], late["due"]) == ("ZHB", "2026-11-23 17:30:00")
    assert "移送公安审批" in ok(capsys, *argv)
