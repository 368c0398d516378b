"""Reading the spreadsheets townships receive (.xlsx, .csv in UTF-8 or GBK) and writing .xlsx."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.core.errors import DomainError
from app.reports.sheet_writer import write_sheet
from app.reports.spreadsheets import Sheet, read_sheet

HEADERS = ["事项名称", "牵头部门", "配合部门"]
ROWS = [
    ["占道经营", "综合执法中队", "市场监管所"],
    ["违法建设", "综合执法中队", "自然资源所"],
]


def csv_bytes(rows: list[list[str]], delimiter: str = ",") -> str:
    return "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"


def save(workbook: Workbook, path: Path) -> Path:
    workbook.save(path)
    return path


def raised(path: Path, sheet: str | None = None) -> DomainError:
    with pytest.raises(DomainError) as caught:
        read_sheet(path, sheet)
    return caught.value


# --- CSV -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gbk", b""), ("gb18030", b"")],
    ids=["utf-8", "utf-8-bom", "gbk", "gb18030"],
)
def test_csv_in_utf8_with_or_without_bom_and_in_gbk(
    tmp_path: Path, encoding: str, prefix: bytes
) -> None:
    path = tmp_path / "边界清单.csv"
    path.write_bytes(prefix + csv_bytes([HEADERS, *ROWS]).encode(encoding))
    sheet = read_sheet(path)
    assert sheet == Sheet(HEADERS, ROWS, [2, 3], [], "边界清单.csv")


def test_gbk_is_really_not_utf8(tmp_path: Path) -> None:
    """The GBK case above is meaningful: these bytes do not decode as UTF-8."""
    data = csv_bytes([HEADERS, *ROWS]).encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_tab_separated_csv_even_with_commas_in_cells(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    rows = [HEADERS, ["占道经营", "综合执法中队", "市场监管所,城管办"], ["违法建设", "中队", "所"]]
    path.write_bytes(csv_bytes(rows, "\t").encode("utf-8"))
    sheet = read_sheet(path)
    assert sheet.headers == HEADERS
    assert sheet.rows[0][2] == "市场监管所,城管办"


def test_csv_title_rows_blank_rows_quotes_and_spaces(tmp_path: Path) -> None:
    text = (
        "青石镇职责边界清单,,\r\n"
        ",,\r\n"
        " 事项名称 ,牵头部门,配合部门,,\r\n"
        '占道经营, 综合执法中队 ,"市场监管所\n城管办"\r\n'
        ",,\r\n"
        "违法建设,综合执法中队,\r\n"
    )
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode("gbk"))
    sheet = read_sheet(path)
    assert sheet.headers == HEADERS
    assert sheet.rows == [
        ["占道经营", "综合执法中队", "市场监管所\n城管办"],
        ["违法建设", "综合执法中队", ""],
    ]
    assert sheet.row_numbers == [4, 6]  # records, as Excel numbers them


def test_csv_two_row_header_as_saved_from_a_merged_sheet(tmp_path: Path) -> None:
    text = "事项名称,牵头部门,配合部门,,备注\n,,部门,职责,\n占道经营,中队,市场监管所,查处无照,\n"
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode("utf-8"))
    sheet = read_sheet(path)
    assert sheet.headers == ["事项名称", "牵头部门", "配合部门/部门", "配合部门/职责", "备注"]
    assert sheet.rows == [["占道经营", "中队", "市场监管所", "查处无照", ""]]
    assert sheet.row_numbers == [3]


def test_a_data_row_under_a_gap_in_the_header_is_not_taken_for_a_header(tmp_path: Path) -> None:
    text = "事项名称,牵头部门,备注,\n占道经营,中队,夜间,多发\n"
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode("utf-8"))
    sheet = read_sheet(path)
    assert sheet.headers == ["事项名称", "牵头部门", "备注", ""]
    assert sheet.rows == [["占道经营", "中队", "夜间", "多发"]]


# --- xlsx ----------------------------------------------------------------------------------


def test_xlsx_with_title_blank_row_and_two_row_merged_header(tmp_path: Path) -> None:
    workbook = Workbook()
    ws = workbook.active
    ws["A1"] = "青石镇职责边界清单"
    ws.merge_cells("A1:F1")
    for column, name in zip("ABCF", ["序号", "事项名称", "牵头\n部门", "备注"], strict=True):
        ws[f"{column}3"] = name
        ws.merge_cells(f"{column}3:{column}4")
    ws["D3"] = "配合部门"
    ws.merge_cells("D3:E3")
    ws["D4"], ws["E4"] = "部门", "职责"
    ws.append([1, "占道经营", "综合执法中队", "市场监管所", "查处无照经营", None])
    ws.append([2, "违法建设", "综合执法中队", "自然资源所", "认定违法用地", "  "])
    path = save(workbook, tmp_path / "boundary.xlsx")

    sheet = read_sheet(path)
    assert sheet.headers == [
        "序号",
        "事项名称",
        "牵头部门",
        "配合部门/部门",
        "配合部门/职责",
        "备注",
    ]
    assert sheet.rows == [
        ["1", "占道经营", "综合执法中队", "市场监管所", "查处无照经营", ""],
        ["2", "违法建设", "综合执法中队", "自然资源所", "认定违法用地", ""],
    ]
    assert sheet.row_numbers == [5, 6]
    assert sheet.merged_cells == []  # title and header merges are not the data's
    assert sheet.source == "boundary.xlsx"


def test_xlsx_single_row_header_under_a_title_and_a_filler_row(tmp_path: Path) -> None:
    workbook = Workbook()
    ws = workbook.active
    ws["A1"] = "青石镇权责清单"
    ws.merge_cells("A1:D1")
    ws["A2"], ws["C2"] = "填报单位：青石镇人民政府", "2026年11月"  # two cells, not the header
    ws.append(["事项编码", "事项名称", "实施依据", "行使层级"])
    ws.append(["0101", "占道经营", "《城市市容和环境卫生管理条例》", "乡镇"])
    sheet = read_sheet(save(workbook, tmp_path / "power.xlsx"))
    assert sheet.headers == ["事项编码", "事项名称", "实施依据", "行使层级"]
    assert sheet.rows == [["0101", "占道经营", "《城市市容和环境卫生管理条例》", "乡镇"]]
    assert sheet.row_numbers == [4]


def test_merged_data_cells_are_reported_and_not_filled(tmp_path: Path) -> None:
    workbook = Workbook()
    ws = workbook.active
    ws.append(["事项名称", "牵头部门"])
    for row in range(2, 5):
        ws[f"A{row}"] = f"事项{row}"
    ws["B2"] = "综合执法中队"
    ws.merge_cells("B2:B4")
    ws.append(["事项5", "派出所"])
    sheet = read_sheet(save(workbook, tmp_path / "list.xlsx"))
    assert sheet.merged_cells == ["B2:B4"]
    assert [row[1] for row in sheet.rows] == ["综合执法中队", "", "", "派出所"]
    assert sheet.row_numbers == [2, 3, 4, 5]


def test_numbers_dates_and_formulas_render_as_people_read_them(tmp_path: Path) -> None:
    workbook = Workbook()
    ws = workbook.active
    ws.append(["编号", "金额", "比例", "日期", "时间", "布尔", "空"])
    ws.append([7, 2000.0, 0.1 + 0.2, dt.datetime(2026, 11, 26), dt.datetime(2026, 11, 26, 8, 30)])
    ws.append([123456789012, -3.5, 1e-3, dt.date(2026, 1, 5), dt.time(17, 30), True, None])
    ws["A4"], ws["B4"] = "合计", "=SUM(B2:B3)"  # no cached value: openpyxl saves none
    sheet = read_sheet(save(workbook, tmp_path / "numbers.xlsx"))
    assert sheet.headers == ["编号", "金额", "比例", "日期", "时间", "布尔", "空"]
    assert sheet.rows == [
        ["7", "2000", "0.3", "2026-11-26", "2026-11-26 08:30", "", ""],
        ["123456789012", "-3.5", "0.001", "2026-01-05", "17:30", "TRUE", ""],
        ["合计", "", "", "", "", "", ""],
    ]


def test_formulas_give_the_value_excel_saved(tmp_path: Path) -> None:
    """A file saved by Excel carries each formula's last value; that value is read."""
    workbook = Workbook()
    workbook.active.append(["a", "b"])
    workbook.active.append(["x", "=1+1"])
    path = save(workbook, tmp_path / "f.xlsx")
    # openpyxl saves no value with a formula; put one in, as Excel would
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    assert "<f>1+1</f><v />" in xml
    parts["xl/worksheets/sheet1.xml"] = xml.replace(
        "<f>1+1</f><v />", "<f>1+1</f><v>2</v>"
    ).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert read_sheet(path).rows == [["x", "2"]]


def test_a_named_sheet_and_the_sheet_shown_on_opening(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.title = "说明"
    workbook.active.append(["本表由区综合执法局下发", "请勿改动表头"])
    tasks = workbook.create_sheet("职责任务")
    tasks.append(["部门", "岗位"])
    tasks.append(["综合执法中队", "队员"])
    workbook.active = 1
    path = save(workbook, tmp_path / "duties.xlsx")

    shown = read_sheet(path)
    assert shown.headers == ["部门", "岗位"]
    assert shown.source == "duties.xlsx [职责任务]"
    assert read_sheet(path, "说明").headers == ["本表由区综合执法局下发", "请勿改动表头"]

    error = raised(path, "边界")
    assert error.code == "sheet_not_found"
    assert str(error) == "找不到工作表“边界”（文件中的工作表：说明、职责任务）。"


# --- broken and unsupported ----------------------------------------------------------------


def test_random_bytes_named_xlsx_are_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "清单.xlsx"
    path.write_bytes(os.urandom(2048))
    error = raised(path)
    assert error.code == "sheet_unreadable"
    assert error.params["value"] == "清单.xlsx"
    assert "已损坏" in str(error)
    assert "damaged" in error.text("en")


def test_an_old_xls_renamed_to_xlsx_says_so(tmp_path: Path) -> None:
    path = tmp_path / "清单.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000))
    error = raised(path)
    assert error.code == "sheet_unreadable"
    assert ".xls" in str(error)


def test_binary_named_csv_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "清单.csv"
    path.write_bytes(b"\x00\x01\x02" * 100)
    assert raised(path).code == "sheet_unreadable"


def test_a_missing_file_is_unreadable(tmp_path: Path) -> None:
    error = raised(tmp_path / "没有.xlsx")
    assert error.code == "sheet_unreadable"
    assert str(error) == "无法读取表格“没有.xlsx”：文件不存在。"


@pytest.mark.parametrize("name", ["empty.csv", "empty.xlsx"])
def test_an_empty_file_is_empty(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    error = raised(path)
    assert error.code == "sheet_empty"
    assert error.params["value"] == name


def test_a_csv_of_blank_lines_and_an_empty_workbook_are_empty(tmp_path: Path) -> None:
    blank = tmp_path / "blank.csv"
    blank.write_bytes("\ufeff,,\r\n , \r\n".encode())
    assert raised(blank).code == "sheet_empty"
    assert raised(save(Workbook(), tmp_path / "blank.xlsx")).code == "sheet_empty"


@pytest.mark.parametrize("name", ["清单.doc", "清单.xls", "清单"])
def test_other_types_are_unsupported(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"whatever")
    error = raised(path)
    assert error.code == "sheet_type_unsupported"
    assert error.params["value"] == (Path(name).suffix or name)
    assert "另存为 .xlsx 或 .csv" in str(error)


# --- writing -------------------------------------------------------------------------------


def test_write_then_read_gives_the_same_sheet(tmp_path: Path) -> None:
    headers = ["事项编码", "事项名称", "实施依据", "备注"]
    rows = [
        ["0101", "占道经营", "《城市市容和环境卫生管理条例》第十四条", ""],
        ["0102", "违法建设", "=不是公式", "多行\n说明"],
        ["2026-11-26", "12.50", "TRUE", ""],
    ]
    path = tmp_path / "导出.xlsx"
    write_sheet(path, "职责边界清单", headers, rows)
    sheet = read_sheet(path)
    assert sheet == Sheet(headers, rows, [2, 3, 4], [], "导出.xlsx")


def test_written_sheet_is_bold_frozen_and_wide_enough_for_chinese(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_sheet(path, "清单:2026/11", ["事项名称", "code"], [["城市道路占道经营", "A1"]])
    ws = load_workbook(path).active
    assert ws.title == "清单_2026_11"
    assert ws["A1"].font.bold
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["A"].width >= 16  # 8 Chinese characters count 16
    assert ws.column_dimensions["B"].width < ws.column_dimensions["A"].width
    assert ws["B2"].data_type == "s"
    assert not list(tmp_path.glob(".sheet-*"))  # no temporary file left behind


def test_write_replaces_an_existing_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_sheet(path, "a", ["甲", "乙"], [["1", "2"]] * 50)
    write_sheet(path, "b", ["甲", "乙"], [["3", "4"]])
    assert read_sheet(path).rows == [["3", "4"]]


def test_a_folder_that_cannot_be_written_is_reported(tmp_path: Path) -> None:
    with pytest.raises(DomainError) as caught:
        write_sheet(tmp_path / "nowhere" / "out.xlsx", "a", ["甲", "乙"], [])
    error = caught.value
    assert error.code == "sheet_unwritable"
    assert error.params["value"] == "out.xlsx"
