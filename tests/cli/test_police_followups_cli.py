"""What follows a police transfer on the command line (order 310 art. 7, 9, 12):
``transfer-review-answer --answer``, ``transfer-supervision``, ``transfer-passed-on``,
``items-handover``; each refusal in Chinese with the database unchanged."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from tests.cli.signed import fails, ok
from tests.cli.test_police_transfer_cli import REQUEST, act, attach, handling, shown


def received(capsys: Any, path: Path, folder: Path) -> str:
    """Asked for, approved and its receipt signed by the police."""
    number = handling(capsys, path)
    ok(capsys, *act(path, number, "transfer-police", *REQUEST, *attach(folder)))
    ok(capsys, *act(path, number, "approve-transfer", who="leader"))
    ok(capsys, *act(path, number, "transfer-receipt", "--received-by", "王警官", who="clerk"))
    return number


def test_an_upheld_refusal_and_the_procuratorate(
    demo_path: Path, capsys: Any, tmp_path: Path
) -> None:
    number = received(capsys, demo_path, tmp_path)
    declined = ["--outcome", "declined", "--note", "未达追诉标准"]
    ok(capsys, *act(demo_path, number, "transfer-outcome", *declined, who="clerk"))
    early = act(demo_path, number, "transfer-review-answer", "--answer", "upheld", who="clerk")
    assert "还没有提请公安机关复议" in fails(capsys, demo_path, *early)
    review = ["--reason", "抽头数额已经鉴定"]
    told = ok(capsys, *act(demo_path, number, "transfer-review", *review, who="clerk"))
    assert "3 日内作出决定" in told
    no_answer = act(demo_path, number, "transfer-review-answer", who="clerk")
    assert "请选择公安机关的复议决定" in fails(capsys, demo_path, *no_answer)
    told = ok(capsys, *early, "--note", "复议决定书维持不予立案")
    assert "可在 3 日内建议人民检察院立案监督" in told
    supervise = act(demo_path, number, "transfer-supervision", who="leader")
    assert "理由" in fails(capsys, demo_path, *supervise)
    ok(capsys, *supervise, "--reason", "抽头数额已达追诉标准")
    [request] = shown(capsys, demo_path, number)["police_requests"]
    assert (request["review_answer"], request["supervision_to"]) == ("upheld", "蓬山区人民检察院")
    assert request["supervision_reason"] == "抽头数额已达追诉标准"


def test_passed_on_then_opened_and_the_items_handed_over(
    demo_path: Path, capsys: Any, tmp_path: Path
) -> None:
    number = received(capsys, demo_path, tmp_path)
    handover = ["--list", "涉案物品移交清单1号", "--received-by", "王警官"]
    before = act(demo_path, number, "items-handover", *handover, who="clerk")
    assert "公安机关还没有立案" in fails(capsys, demo_path, *before)
    passed = act(demo_path, number, "transfer-passed-on", who="clerk")
    assert "请填写公安机关移交的主管机关" in fails(capsys, demo_path, *passed)
    told = ok(capsys, *passed, "--to", "东莱市公安局森林分局")
    assert "等待其立案决定" in told
    opened = ["--outcome", "accepted", "--note", "森林分局已立案"]
    ok(capsys, *act(demo_path, number, "transfer-outcome", *opened, who="clerk"))
    ok(capsys, *before)
    [sent] = shown(capsys, demo_path, number)["transfers"]
    assert (sent["passed_to"], sent["handover_list"], sent["handover_officer"]) == (
        "东莱市公安局森林分局",
        "涉案物品移交清单1号",
        "王警官",
    )
    assert "已经登记过" in fails(capsys, demo_path, *before)


def test_the_help_speaks_chinese(capsys: Any) -> None:
    from tests.cli.signed import run

    with contextlib.suppress(SystemExit):
        run(["case", "act", "--help"])
    out = capsys.readouterr().out
    assert "公安机关的复议决定" in out and "涉案物品移交清单" in out


def test_case_show_names_a_lapsed_review_window(
    demo_path: Path, capsys: Any, tmp_path: Path, clock: Any
) -> None:
    """Declined on Wednesday 2026-11-18 evening: the 3 days end on Saturday, moved to
    Monday 2026-11-23 at the office's close (order 310 art. 9)."""
    from datetime import datetime

    number = received(capsys, demo_path, tmp_path)
    declined = ["--outcome", "declined", "--note", "未达追诉标准"]
    ok(capsys, *act(demo_path, number, "transfer-outcome", *declined, who="clerk"))
    [request] = shown(capsys, demo_path, number)["police_requests"]
    assert request["review_window_passed"] is None
    clock.set(datetime(2026, 11, 24, 9, 0))
    [request] = shown(capsys, demo_path, number)["police_requests"]
    assert request["review_window_passed"] == "2026-11-23 17:30"
    late = act(demo_path, number, "transfer-review", "--reason", "补充鉴定", who="clerk")
    assert "已经过期" in fails(capsys, demo_path, *late)
