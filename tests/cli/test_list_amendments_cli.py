"""towndesk lists amendments | proposal, and what an official import says of the local
amendments: the construction-noise ruling of the issue, kept beside the official item for
社会生活噪声 and proposed to the establishment office."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.cli.signed import run
from tests.cli.test_cli import dump
from tests.cli.test_dispute_cli import as_json, open_dispute, out

RULED = "建筑施工噪声由执法中队查处，派出所配合"
NOISE_ITEM = "QS-XZCF-018"  # 对制造社会生活噪声干扰他人正常生活的行政处罚: 派出所 leads


def amended(demo_path: Path, capsys: Any) -> str:
    db = ["--db", str(demo_path)]
    number = open_dispute(demo_path)
    argv = ["dispute", "decide", number, "--lead", "ZFZD", "--with", "PCS"]
    out(capsys, *argv, "--reasoning", RULED, "--amend", "--as", "leader", *db)
    return number


def test_the_proposal_has_one_row_per_change_with_its_heading(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = amended(demo_path, capsys)
    target = tmp_path / "修订建议.xlsx"
    printed = out(capsys, "lists", "proposal", "-o", str(target), "--db", str(demo_path))
    assert printed.strip() == f"已导出修订建议 1 项：{target}"
    sheet = load_workbook(target).active
    assert sheet.title == "修订建议"
    rows = [[c if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == (
        "青石镇人民政府关于部门职责边界清单的修订建议\n"
        "报送：区委机构编制委员会办公室　　日期：2026年11月18日"
    )
    assert rows[1] == [
        "序号", "事项编码", "事项名称", "问题类别", "官方清单牵头部门", "官方清单配合部门",
        "官方清单牵头部门职责", "建议牵头部门", "建议配合部门", "修订理由", "依据案件",
        "依据职责争议", "裁定方式", "裁定人", "裁定时间",
    ]  # fmt: skip
    assert len(rows) == 3
    row = dict(zip(rows[1], rows[2], strict=True))
    assert row["序号"] == "1"
    assert (row["事项编码"], row["事项名称"], row["问题类别"]) == (
        NOISE_ITEM,
        "对制造社会生活噪声干扰他人正常生活的行政处罚",
        "噪音扰民",
    )
    assert (row["官方清单牵头部门"], row["官方清单配合部门"]) == (
        "青石派出所",
        "青石综合执法中队、东莱市生态环境局蓬山分局、青石镇综合行政执法办公室",
    )
    assert row["官方清单牵头部门职责"] == "负责对社会生活噪声干扰他人正常生活的处罚。"
    assert (row["建议牵头部门"], row["建议配合部门"]) == ("青石综合执法中队", "青石派出所")
    assert (row["修订理由"], row["依据案件"]) == (RULED, number)
    assert row["依据职责争议"] == f"青石派出所认为案件{number}不属本单位职责（2026-11-18）"
    assert (row["裁定方式"], row["裁定人"]) == ("职责争议裁定", "刘建军")
    assert row["裁定时间"].startswith("2026-11-18")


def test_with_nothing_to_propose_the_proposal_is_refused(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "修订建议.xlsx"
    before = dump(demo_path)
    assert run(["lists", "proposal", "-o", str(target), "--db", str(demo_path)]) != 0
    assert capsys.readouterr().err.strip() == (
        "错误：没有待报送的修订建议：本镇对职责边界清单的修订都已被官方清单吸收，或尚未作出修订。"
    )
    assert not target.exists() and dump(demo_path) == before


def test_an_official_import_says_which_amendments_it_settled(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(demo_path)]
    number = amended(demo_path, capsys)
    exported = tmp_path / "边界清单.xlsx"
    out(capsys, "lists", "export", "--kind", "boundary", "-o", str(exported), *db)
    # the district's new list: item 18 now says what the township ruled
    book = load_workbook(exported)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    lead, helpers = header.index("牵头部门") + 1, header.index("配合部门") + 1
    for cells in sheet.iter_rows(min_row=2):
        if cells[1].value == NOISE_ITEM:
            cells[lead - 1].value, cells[helpers - 1].value = "青石综合执法中队", "青石派出所"
    book.save(exported)

    text = out(capsys, "lists", "import", str(exported), "--kind", "boundary", *db)
    assert "本镇修订已被新清单吸收 1 项（修订终止）：" in text
    assert f"  {NOISE_ITEM} 噪音扰民：本镇修订为执法中队牵头（案件 {number}）" in text
    assert "本镇修订与新清单仍不一致 0 项（继续有效）：" in text
    assert as_json(capsys, "lists", "amendments", *db) == []
    [kept] = as_json(capsys, "lists", "amendments", "--all", *db)
    assert (kept["item"], kept["settled_version"]) == (NOISE_ITEM, 2)
    assert json.dumps(kept, ensure_ascii=False).count(number) == 1
