"""The lists page: the three lists with their versions, search that jumps to a row, import
from a spreadsheet through the mapping and preview steps (all or nothing), export, and the
override report."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.core.lists import ListKind
from app.paths import resource
from app.reports.spreadsheets import read_sheet
from app.store.lists import list_rows, search_lists, versions
from app.store.routing import override_report
from app.ui.lists.page import ListsPage
from tests.store.store_helpers import full_dump
from tests.ui.conftest import open_window, type_chinese


def sample_boundary() -> tuple[list[str], list[list[str]]]:
    with resource("lists", "职责边界清单.csv").open(encoding="utf-8-sig", newline="") as data:
        headers, *rows = list(csv.reader(data))
    return headers, rows


def write_xlsx(path: Path, headers: list[str], rows: list[list[str]]) -> Path:
    """As townships receive them: a merged title row above the header."""
    book = Workbook()
    sheet = book.active
    sheet.append(["青石镇部门职责边界清单（2026年修订）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def renamed(headers: list[str], names: dict[str, str]) -> list[str]:
    return [names.get(h, h) for h in headers]


def lists_page(window) -> ListsPage:
    window.show_page("lists")
    page = window.lists
    assert page.isVisible()
    return page


def test_the_three_lists_show_their_rows_and_versions(window, demo_db):
    page = lists_page(window)
    for kind in ListKind:
        table = page.tables[kind]
        headers, rows = list_rows(demo_db, kind)
        assert table.table.rowCount() == len(rows) > 0
        assert [table.table.horizontalHeaderItem(c).text() for c in range(len(headers))] == headers
        assert table.versions.topLevelItem(0).text(0) == "第 1 版"
    boundary = page.tables[ListKind.BOUNDARY]
    assert boundary.table.item(0, 1).text() == list_rows(demo_db, ListKind.BOUNDARY)[1][0][1]
    # department names are short in the table, whole beside it
    lead = boundary.headers.index("牵头部门")
    assert boundary.table.item(0, lead).text() == "执法中队"
    assert "青石综合执法中队" in boundary.detail.text()
    # a clerk reads, searches and exports; only the administrator imports
    assert not page.import_button.isVisible() and page.read_only.isVisible()
    assert page.export_button.isEnabled()
    assert page.report is None


def test_search_over_the_three_lists_jumps_to_the_row(window, demo_db):
    page = lists_page(window)
    page.search.setFocus()
    type_chinese(page.search, "占")
    assert page.hits_title.text() == "请输入至少两个字。"
    assert not page.hits.isVisible()
    type_chinese(page.search, "道")
    hits = search_lists(demo_db, "占道")
    assert page.hits.topLevelItemCount() == len(hits) > 1
    kinds = {page.hits.topLevelItem(i).text(0) for i in range(page.hits.topLevelItemCount())}
    assert kinds == {"职责边界清单", "职责任务清单"}
    for kind, name in ((ListKind.BOUNDARY, "职责边界清单"), (ListKind.DUTIES, "职责任务清单")):
        wanted = next(
            page.hits.topLevelItem(i)
            for i in range(page.hits.topLevelItemCount())
            if page.hits.topLevelItem(i).text(0) == name
        )
        page.hits.itemActivated.emit(wanted, 0)
        table = page.tables[kind]
        assert page.tabs.currentWidget() is table
        row = table.current_row()
        assert "占道" in "".join(table.rows[row])
        if kind == ListKind.BOUNDARY:  # the hit names the matter code
            assert table.rows[row][1] == wanted.text(1)
        else:  # and the duty list's row by its position
            assert row + 1 == int(wanted.text(1))
    page.search.clear()
    type_chinese(page.search, "没有这种事")
    assert page.hits_title.text() == "三张清单里没有“没有这种事”。"


@pytest.fixture
def admin(qtbot, demo_path, demo_db):
    return open_window(qtbot, demo_path, demo_db, "admin")


def start_import(qtbot, page: ListsPage, path: Path):
    page.tabs.setCurrentWidget(page.tables[ListKind.BOUNDARY])
    page.import_file(path)
    qtbot.waitUntil(lambda: page.import_dialog is not None and page.import_dialog.isVisible())
    return page.import_dialog


def test_an_administrator_imports_a_boundary_list_with_other_headers(
    admin, qtbot, demo_db, tmp_path
):
    headers, rows = sample_boundary()
    rows[0][10] = "2026年修订：增设夜市临时疏导点"  # 备注 of item 1
    names = {"事项名称": "监管内容", "牵头部门": "主办单位", "配合部门": "协办部门"}
    path = write_xlsx(tmp_path / "边界清单（修订）.xlsx", renamed(headers, names), rows)
    page = lists_page(admin)
    assert page.import_button.isVisible()
    dialog = start_import(qtbot, page, path)
    mapping, preview = dialog.mapping_step, dialog.preview_step
    assert dialog.kind() == ListKind.BOUNDARY
    # 协办部门 is a known synonym; 监管内容 and 主办单位 are not: the clerk maps them
    assert mapping.combos["cooperating"].currentText() == "协办部门"
    assert mapping.combos["lead"].currentText() == "（不导入）"
    assert not dialog.next_button.isEnabled()
    assert "牵头部门" in mapping.missing.text() and "事项名称" in mapping.missing.text()
    mapping.set_mapping("name", "监管内容")
    mapping.set_mapping("lead", "主办单位")
    assert mapping.missing.text() == ""
    assert mapping.examples["lead"].text() == "例：青石综合执法中队"
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.problems == []
    assert preview.summary.text().startswith(f"共 {len(rows)} 行，全部检查通过")
    assert preview.preview_table.rowCount() == 20
    assert preview.preview_table.item(0, 0).text() == "3"  # the file's own row number
    assert dialog.apply_button.isEnabled()
    before = versions(demo_db, ListKind.BOUNDARY)[0].version
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    expected = f"已导入职责边界清单第 {before + 1} 版，共 {len(rows)} 项"
    assert dialog.result_label.text() == expected
    assert admin.statusBar().currentMessage() == expected
    latest = versions(demo_db, ListKind.BOUNDARY)[0]
    assert (latest.version, latest.rows, latest.source) == (before + 1, len(rows), path.name)
    table = page.tables[ListKind.BOUNDARY]
    assert table.versions.topLevelItem(0).text(0) == f"第 {before + 1} 版"
    notes = table.headers.index("备注")
    assert table.table.item(0, notes).text() == "2026年修订：增设夜市临时疏导点"
    assert dialog.cancel_button.text() == "关闭"


def test_a_broken_file_is_refused_with_every_problem_and_nothing_written(
    admin, qtbot, demo_db, tmp_path
):
    headers, rows = sample_boundary()
    rows[0][3] = "蓬山区城管委"  # no such department (file row 3)
    rows[1][2] = ""  # no matter name (row 4)
    rows[3][1] = rows[2][1]  # the code of row 5 again (row 6)
    path = write_xlsx(tmp_path / "边界清单.xlsx", headers, rows)
    page = lists_page(admin)
    before = full_dump(demo_db)
    dialog = start_import(qtbot, page, path)
    preview = dialog.preview_step
    assert dialog.next_button.isEnabled()  # the headers are the usual ones
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    problems = [preview.problem_list.item(i).text() for i in range(preview.problem_list.count())]
    assert problems == [
        "第 3 行：部门“蓬山区城管委”不是本镇的部门。",
        "第 4 行：“事项名称”不能为空。",
        f"第 6 行：事项编码“{rows[2][1]}”与第 5 行重复。",
    ]
    assert preview.summary.text().startswith(f"共 {len(rows)} 行，发现 3 处问题")
    assert not dialog.apply_button.isEnabled()
    assert dialog.apply() is None
    # and if the preview were passed by, the domain itself refuses, naming every problem
    dialog.problems = []
    dialog.apply()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == "表格有 3 处问题，清单没有改动。"
    assert [preview.problem_list.item(i).text() for i in range(3)] == problems
    assert dialog.isVisible() and dialog.result is None
    assert full_dump(demo_db) == before
    dialog.back()
    assert dialog.pages.currentIndex() == 0  # back to the mapping, to look again


def test_export_writes_the_current_list_to_xlsx(window, qtbot, demo_db, tmp_path, monkeypatch):
    page = lists_page(window)
    page.tabs.setCurrentWidget(page.tables[ListKind.POWER])
    out = tmp_path / "权责清单导出.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(out), ""))
    with qtbot.waitSignal(page.message) as said:
        page.export_button.click()
    headers, rows = list_rows(demo_db, ListKind.POWER)
    sheet = read_sheet(out)
    assert (sheet.headers, sheet.rows) == (headers, rows)
    assert said.args[0] == f"已导出权责清单（{len(rows)} 项）：{out}"


def test_the_override_report_shows_where_clerks_went_against_the_lists(admin, demo_db):
    page = lists_page(admin)
    assert page.report is not None
    page.tabs.setCurrentIndex(3)
    assert page.tabs.tabText(3) == "改派统计"
    report = override_report(demo_db)
    assert page.report.topLevelItemCount() == len(report) > 0
    top = page.report.topLevelItem(0)
    first = report[0]
    assert [top.text(c) for c in range(5)] == [
        first.matter or "—",
        first.name,
        str(first.suggested),
        str(first.overridden),
        f"{first.share:.0%}",
    ]
    assert top.text(5) == "；".join(first.reasons)
    assert not page.export_button.isEnabled()  # the report is not a list to export
