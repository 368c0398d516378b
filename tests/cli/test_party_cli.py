"""``towndesk case party add | remove`` and the parties on ``case show`` (text and --json):
recorded by the office or the unit handling the case, shown masked by role, refusals in
plain Chinese with the database unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.store.setup import open_database
from tests.cli.signed import fails, ok

ID_NUMBER = "320102199001011232"
CODE = "91350100M000100Y43"


@pytest.fixture
def number(demo_path: Path, capsys: Any) -> str:
    """A case the clerk dispatched to the market supervision office (SCJG)."""
    db = open_database(demo_path)
    found = db.execute(
        "SELECT number FROM cases WHERE status = 'pending_triage' ORDER BY number LIMIT 1"
    ).fetchone()[0]
    db.close()
    dispatch = ["case", "act", found, "dispatch", "--to", "SCJG", "--override-reason", "现场核实"]
    ok(capsys, *dispatch, "--db", str(demo_path), "--as", "clerk")
    return found


def add(path: Path, number: str, who: str, *details: str) -> list[str]:
    return ["case", "party", "add", number, *details, "--db", str(path), "--as", who]


PERSON = ("--person", "--name", "张三", "--id-number", ID_NUMBER, "--phone", "13805356789")
PERSON += ("--address", "青石镇东村 3 号")
ORG = ("--org", "--name", "烟台某某餐饮有限公司", "--credit-code", CODE, "--legal-rep", "王五")


def test_parties_are_recorded_and_shown_by_role(demo_path: Path, number: str, capsys) -> None:
    said = ok(capsys, *add(demo_path, number, "clerk", *PERSON))
    assert said.startswith(f"{number}：已登记当事人 ") and "（个人）" in said
    data = json.loads(ok(capsys, *add(demo_path, number, "officer", *ORG), "--json"))
    assert data["party"]["credit_code"] == CODE
    assert data["party"]["legal_rep"] == "王某"  # an officer sees the legal rep masked

    text = ok(capsys, "case", "show", number, "--db", str(demo_path), "--as", "clerk")
    assert f"当事人（个人）：张三（身份证 {ID_NUMBER}，13805356789，青石镇东村 3 号）" in text
    assert "当事人（单位）：烟台某某餐饮有限公司（统一社会信用代码" in text
    assert "登记当事人  个人（" in text  # the timeline names no person

    show = ["case", "show", number, "--db", str(demo_path), "--as", "officer"]
    masked = ok(capsys, *show)
    assert "张三" not in masked and ID_NUMBER not in masked and "东村" not in masked
    assert "当事人（个人）：张某（身份证 3201**********1232，138****6789）" in masked
    parties = json.loads(ok(capsys, *show, "--json"))["parties"]
    assert [(p["kind"], p["name"], p["id_number"], p["phone"]) for p in parties] == [
        ("person", "张某", "3201**********1232", "138****6789"),
        ("organisation", "烟台某某餐饮有限公司", "", ""),
    ]
    clerk_view = ["case", "show", number, "--db", str(demo_path), "--as", "clerk", "--json"]
    assert json.loads(ok(capsys, *clerk_view))["parties"][0]["id_number"] == ID_NUMBER


def test_a_party_is_removed_with_a_reason(demo_path: Path, number: str, capsys) -> None:
    ok(capsys, *add(demo_path, number, "clerk", *PERSON))
    show = ["case", "show", number, "--db", str(demo_path), "--as", "clerk", "--json"]
    party = json.loads(ok(capsys, *show))["parties"][0]["id"]
    remove = ["case", "party", "remove", number, party[:5], "--reason", "身份证号码登记错了"]
    said = ok(capsys, *remove, "--db", str(demo_path), "--as", "officer")
    assert said.strip() == f"{number}：已移除当事人 {party[:5]}"
    data = json.loads(ok(capsys, *show))
    assert data["parties"] == []
    assert data["timeline"][-1]["detail"] == f"当事人 {party}；理由：身份证号码登记错了"


@pytest.mark.parametrize(
    ("who", "details", "message"),
    [
        ("clerk", ("--person", "--name", "李四", "--id-number", ID_NUMBER[:-1] + "3"), "校验位"),
        ("clerk", ("--person", "--name", "李四", "--id-number", "320102199002301232"), "出生日期"),
        ("clerk", ("--org", "--name", "某厂", "--credit-code", CODE[:-1] + "4"), "校验码"),
        ("clerk", ("--org", "--name", "某厂", "--credit-code", "1234"), "18 位"),
        ("clerk", ("--person", "--name", "李四", "--phone", "1380535"), "联系电话"),
        ("clerk", ("--person", "--name", "  "), "请填写当事人的姓名"),
        ("clerk", ("--person", "--name", "李四", "--legal-rep", "王五"), "只适用于单位"),
        ("officer_zfzd", PERSON, "只有牵头单位（市场监管所）才能登记当事人"),
        ("grid", PERSON, "网格员不能登记当事人"),
        ("leader", PERSON, "分管领导不能登记当事人"),
    ],
)
def test_a_refused_party_changes_nothing(
    demo_path: Path, number: str, capsys, who: str, details: tuple[str, ...], message: str
) -> None:
    assert message in fails(capsys, demo_path, *add(demo_path, number, who, *details))


def test_refused_removals_change_nothing(demo_path: Path, number: str, capsys) -> None:
    ok(capsys, *add(demo_path, number, "clerk", *PERSON))
    where = ["--db", str(demo_path), "--as", "clerk"]
    remove = ["case", "party", "remove", number]
    err = fails(capsys, demo_path, *remove, "ffffffff", "--reason", "错", *where)
    assert "没有编号为“ffffffff”的当事人" in err
    err = fails(capsys, demo_path, *remove, "fff", "--reason", "错", *where)
    assert "没有编号为“fff”的当事人" in err  # too short to name one
    show = ["case", "show", number, *where, "--json"]
    party = json.loads(ok(capsys, *show))["parties"][0]["id"]
    assert "请填写理由" in fails(capsys, demo_path, *remove, party, "--reason", " ", *where)


def test_no_party_on_a_finished_case(demo_path: Path, capsys) -> None:
    db = open_database(demo_path)
    closed = db.execute("SELECT number FROM cases WHERE status = 'closed' LIMIT 1").fetchone()[0]
    db.close()
    err = fails(capsys, demo_path, *add(demo_path, closed, "clerk", *PERSON))
    assert "案件已结案，不能登记当事人" in err


def test_the_ledger_has_the_parties_masked_by_role(
    demo_path: Path, number: str, tmp_path: Path, capsys
) -> None:
    from tests.cli.test_case_export_cli import ledger_rows

    ok(capsys, *add(demo_path, number, "clerk", *PERSON))
    ok(capsys, *add(demo_path, number, "clerk", *ORG))
    cells = {}
    for who in ("clerk", "grid"):
        target = tmp_path / f"{who}.xlsx"
        export = ["case", "export", "--db", str(demo_path), "--as", who, "-o", str(target)]
        ok(capsys, *export, "--search", number)
        [row] = [r for r in ledger_rows(target) if r["案件编号"] == number]
        cells[who] = row["当事人"]
    assert cells["clerk"].startswith(f"张三（身份证 {ID_NUMBER}，13805356789，青石镇东村 3 号）；")
    assert "法定代表人 王五" in cells["clerk"]
    assert cells["grid"] == (
        "张某（身份证 3201**********1232，138****6789）；"
        f"烟台某某餐饮有限公司（统一社会信用代码 {CODE}，法定代表人 王某）"
    )
