"""The case ledger (案件台账) on the demo: one row per case the filter finds, the columns a
township keeps, 是/否 from the closing facts, reporters as the reader's role may see them,
read in windows, and the file whole or not at all."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.core.errors import DomainError
from app.core.model import CaseStatus, Role, masked_phone
from app.reports.case_ledger import HEADERS, LedgerCancelled, export_ledger
from app.store.case_ledger import ledger_entries
from app.store.case_list import CaseFilter, CaseSort, case_window, count_cases
from app.store.cases import case_by_number

NOW = "2026-05-30T10:00:00"


def read_ledger(path: Path) -> tuple[list[Any], list[str], list[dict[str, str]]]:
    sheet = load_workbook(path, read_only=True).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    title, headers = rows[:2], [str(h) for h in rows[2]]
    return title, headers, [dict(zip(headers, (v or "" for v in r), strict=True)) for r in rows[3:]]


def test_every_case_with_the_ledgers_columns(demo_db, tmp_path: Path) -> None:
    target = tmp_path / "案件台账.xlsx"
    written = export_ledger(demo_db, target, CaseFilter(), Role.ADMINISTRATOR, NOW)
    title, headers, rows = read_ledger(target)
    assert headers == list(HEADERS)
    assert written.rows == len(rows) == count_cases(demo_db, CaseFilter())
    assert title[0][0] == "青石镇案件台账"
    assert "全部案件" in title[1][0] and "2026-05-30 10:00" in title[1][0]
    numbers = [row["案件编号"] for row in rows]
    assert len(set(numbers)) == len(numbers)
    received = [row["受理时间"] for row in rows]
    assert received == sorted(received)
    facts = dict(
        demo_db.execute(
            "SELECT c.number, f.closed_on_time FROM cases c "
            "LEFT JOIN case_facts f ON f.case_id = c.id"
        ).fetchall()
    )
    closed_at = dict(
        demo_db.execute(
            "SELECT c.number, f.closed_at FROM cases c JOIN case_facts f ON f.case_id = c.id"
        ).fetchall()
    )
    words = {1: "是", 0: "否", None: "—"}
    for row in rows:
        assert row["是否按期"] == words[facts[row["案件编号"]]]
        closing = closed_at.get(row["案件编号"])
        assert row["结案时间"] == (closing.replace("T", " ")[:16] if closing else "")
        assert row["处置方式"] in ("", "镇街自行处置", "派驻机构", "区直部门")
        if row["状态"] == "已结案":
            assert row["处置期限"] == "" and row["结案时间"]
    assert {"是", "否"} <= {row["是否按期"] for row in rows}  # on time and late both shown
    handling = next(row for row in rows if row["状态"] == "处置中")
    assert handling["处置期限"] and handling["牵头单位"] and handling["处置方式"]
    sheet = load_workbook(target).active
    assert sheet.freeze_panes == "A4"
    assert sheet.cell(row=3, column=1).font.bold


def test_reporters_as_the_role_may_see_them(demo_db, tmp_path: Path) -> None:
    number = demo_db.execute(
        "SELECT number FROM cases WHERE reporter_ref IS NOT NULL ORDER BY number"
    ).fetchone()[0]
    reporter = case_by_number(demo_db, number).reporter
    assert reporter.name and reporter.phone
    shown = {}
    for role in (Role.CLERK, Role.GRID_WORKER, Role.DEPARTMENT_OFFICER):
        target = tmp_path / f"{role.value}.xlsx"
        export_ledger(demo_db, target, CaseFilter(text=number), role, NOW)
        _title, _headers, rows = read_ledger(target)
        [row] = [r for r in rows if r["案件编号"] == number]
        shown[role] = row["反映人"]
    assert shown[Role.CLERK] == f"{reporter.name} {reporter.phone}"
    for role in (Role.GRID_WORKER, Role.DEPARTMENT_OFFICER):
        assert shown[role] == f"保密 {masked_phone(reporter.phone)}"
        assert reporter.name not in shown[role] and reporter.phone not in shown[role]


def test_only_the_filtered_cases(demo_db, tmp_path: Path) -> None:
    case_filter = CaseFilter(status=CaseStatus.CLOSED.value, grid_code="G01")
    target = tmp_path / "closed.xlsx"
    export_ledger(demo_db, target, case_filter, Role.ADMINISTRATOR, NOW)
    title, _headers, rows = read_ledger(target)
    expected = case_window(demo_db, case_filter, CaseSort("number", False), 0, 10_000)
    assert sorted(row["案件编号"] for row in rows) == [c.number for c in expected]
    assert rows and {row["状态"] for row in rows} == {"已结案"}
    assert "状态：已结案" in title[1][0] and "网格：" in title[1][0]


@pytest.mark.parametrize(
    "case_filter",
    [
        CaseFilter(),
        CaseFilter(status="handling"),
        CaseFilter(text="占道"),
        CaseFilter(grid_code="G02"),
    ],
)
def test_windows_read_every_case_once(demo_db, case_filter: CaseFilter) -> None:
    small = [entry.case.number for entry in ledger_entries(demo_db, case_filter, window=7)]
    whole = [entry.case.number for entry in ledger_entries(demo_db, case_filter, window=100_000)]
    assert small == whole and len(small) == count_cases(demo_db, case_filter)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_full_disk_leaves_nothing(demo_db, tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "out"
    folder.mkdir()

    def full(*_args: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("app.reports.case_ledger.os.replace", full)
    with pytest.raises(DomainError) as raised:
        export_ledger(demo_db, folder / "台账.xlsx", CaseFilter(), Role.CLERK, NOW)
    assert raised.value.code == "sheet_unwritable" and "台账.xlsx" in str(raised.value)
    assert leftovers(folder) == []


def test_an_old_file_stays_whole_when_the_export_fails(demo_db, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "台账.xlsx"
    target.write_bytes(b"yesterday's ledger")

    def stop(done: int, _total: int) -> bool:
        return done < 300

    with pytest.raises(LedgerCancelled):
        export_ledger(demo_db, target, CaseFilter(), Role.CLERK, NOW, progress=stop)
    assert target.read_bytes() == b"yesterday's ledger"
    assert leftovers(folder) == ["台账.xlsx"]


def test_a_missing_folder_or_a_folder_as_target(demo_db, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    (folder / "x.xlsx").mkdir(parents=True)
    for target, words in (
        (folder / "no" / "x.xlsx", "文件夹不存在"),
        (folder / "x.xlsx", "文件夹"),
    ):
        with pytest.raises(DomainError) as raised:
            export_ledger(demo_db, target, CaseFilter(), Role.CLERK, NOW)
        assert words in str(raised.value)
    assert leftovers(folder) == ["x.xlsx"] and not any((folder / "x.xlsx").iterdir())
