"""``towndesk case export``: the ledger of the cases ``case list``'s own filter options find,
reporters as the signed-in user may see them, and a bad path refused in plain words with no
file left behind."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from app.store.case_list import CaseFilter, CaseSort, case_window
from app.store.setup import open_database
from tests.cli.signed import run

CJK = re.compile(r"[\u4e00-\u9fff]")


def ledger_rows(path: Path) -> list[dict[str, Any]]:
    rows = list(load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    headers = rows[2]
    return [dict(zip(headers, row, strict=True)) for row in rows[3:]]


def test_only_the_cases_the_filter_finds(demo_path: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "out" / "台账.xlsx"
    target.parent.mkdir()
    argv = ["case", "export", "--db", str(demo_path), "--status", "handling", "--source"]
    code = run([*argv, "patrol", "-o", str(target)])
    out, err = capsys.readouterr()
    assert code == 0, err
    db = open_database(demo_path)
    expected = case_window(
        db, CaseFilter(status="handling", source="patrol"), CaseSort("number", False), 0, 10_000
    )
    db.close()
    rows = ledger_rows(target)
    assert expected and sorted(row["案件编号"] for row in rows) == [c.number for c in expected]
    assert {row["状态"] for row in rows} == {"处置中"} and {row["来源"] for row in rows} == {
        "巡查发现"
    }
    assert f"已导出案件台账 {len(rows)} 件" in out
    assert sorted(p.name for p in target.parent.iterdir()) == ["台账.xlsx"]


def test_list_and_export_share_their_filter(demo_path: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "grid"  # .xlsx is added
    code = run(["case", "export", "--db", str(demo_path), "--grid", "G01", "-o", str(target)])
    capsys.readouterr()
    assert code == 0
    rows = ledger_rows(tmp_path / "grid.xlsx")
    code = run(["case", "list", "--db", str(demo_path), "--grid", "G01", "--limit", "100000"])
    out, _err = capsys.readouterr()
    assert code == 0
    assert f"共 {len(rows)} 件" in out


def test_reporters_masked_for_a_grid_worker(demo_path: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "grid.xlsx"
    code = run(["case", "export", "--db", str(demo_path), "--as", "grid", "-o", str(target)])
    assert code == 0, capsys.readouterr().err
    shown = [row["反映人"] for row in ledger_rows(target) if row["反映人"]]
    assert shown and all(re.fullmatch(r"保密( \d{3}\*+\d{4})?", text) for text in shown)


def test_a_bad_path_is_refused_and_leaves_nothing(demo_path: Path, tmp_path: Path, capsys):
    folder = tmp_path / "out"
    (folder / "a folder.xlsx").mkdir(parents=True)
    for target in (folder / "missing" / "台账.xlsx", folder / "a folder.xlsx"):
        code = run(["case", "export", "--db", str(demo_path), "-o", str(target)])
        out, err = capsys.readouterr()
        assert code != 0 and out == ""
        assert err.startswith("错误：") and CJK.search(err) and "Traceback" not in err
    assert sorted(p.name for p in folder.iterdir()) == ["a folder.xlsx"]
    assert not any((folder / "a folder.xlsx").iterdir())


def test_a_bad_filter_is_refused(demo_path: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "x.xlsx"
    code = run(["case", "export", "--db", str(demo_path), "--grid", "NOPE", "-o", str(target)])
    _out, err = capsys.readouterr()
    assert code != 0 and err.startswith("错误：") and not target.exists()
