"""towndesk lists: import real-looking spreadsheets (xlsx with a title row, GBK CSV),
export, show, search; a broken file changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.cli.signed import run
from tests.cli.test_cli import CJK, dump
from tests.store.test_lists import POWER as POWER_ROWS
from tests.store.test_lists import POWER_HEADERS

POWER = [POWER_HEADERS, *POWER_ROWS]


def _boundary_xlsx(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["青石镇部门职责边界清单"])
    sheet.merge_cells("A1:F1")
    sheet.append([])
    sheet.append(["序号", "编码", "监管事项", "牵头单位", "配合单位", "关联问题类别"])
    sheet.append([1, "QS-XZCF-001", "对占道经营的处罚", "综合执法中队", "青石交警中队", "0101"])
    sheet.append([2, "QS-XZCF-002", "对无照经营的处罚", "市场监管所", "", ""])
    book.save(path)
    return path


def test_lists_go_in_from_spreadsheets_and_come_out_again(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    power = tmp_path / "权责清单.csv"
    power.write_bytes("\r\n".join(",".join(r) for r in POWER).encode("gbk"))
    db = ["--db", str(demo_path)]
    assert run(["lists", "import", str(power), "--kind", "power", *db]) == 0
    assert "第 2 版" in capsys.readouterr().out  # the demo loaded the sample list as version 1
    boundary = _boundary_xlsx(tmp_path / "边界清单.xlsx")
    assert run(["lists", "import", str(boundary), "--kind", "boundary", "--json", *db]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "kind": "boundary",
        "version": 2,
        "rows": 2,
        "settled": [],  # no local amendment to settle
        "differing": [],
    }
    assert run(["lists", "show", "--kind", "boundary", "--json", *db]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["items"][0]["牵头部门"] == "青石综合执法中队"
    assert run(["lists", "search", "占道", "--json", *db]) == 0
    found = {(h["kind"], h["item"]) for h in json.loads(capsys.readouterr().out)}
    assert {("power", "QS-XZCF-001"), ("boundary", "QS-XZCF-001")} <= found
    out = tmp_path / "导出.xlsx"
    assert run(["lists", "export", "--kind", "power", "-o", str(out), *db]) == 0
    rows = list(load_workbook(out).active.values)
    assert rows[0][:2] == ("事项编码", "事项名称") and rows[1][0] == "QS-XZCF-001"


def test_a_broken_spreadsheet_is_refused_with_every_problem_and_nothing_changes(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "权责清单.csv"
    rows = [
        POWER[0],
        ["QS-1", "", "行政处罚", "", "", "青石城管局"],
        ["QS-1", "重复", "", "", "", "ZFZD"],
    ]
    broken.write_bytes("\r\n".join(",".join(r) for r in rows).encode("gbk"))
    not_a_sheet = tmp_path / "清单.xlsx"
    not_a_sheet.write_bytes(b"PK\x03\x04 not really")
    before = dump(demo_path)
    capsys.readouterr()
    expected = [
        (
            broken,
            ["第 2 行：“事项名称”不能为空", "青石城管局", "第 3 行：事项编码“QS-1”与第 2 行重复"],
        ),
        (not_a_sheet, ["无法读取表格"]),
    ]
    for path, words in expected:
        assert run(["lists", "import", str(path), "--kind", "power", "--db", str(demo_path)]) == 2
        err = capsys.readouterr().err
        assert all(w in err for w in words) and CJK.search(err), err
        assert dump(demo_path) == before
