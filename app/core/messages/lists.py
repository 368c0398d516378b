"""Messages for the three lists and their spreadsheets (code: zh_CN, en)."""

from __future__ import annotations

LIST_MESSAGES: dict[str, tuple[str, str]] = {
    "sheet_unreadable": (
        "无法读取表格“{value}”：{reason}。",
        "Cannot read the spreadsheet '{value}': {reason}.",
    ),
    "sheet_empty": (
        "表格“{value}”是空的，没有可导入的内容。",
        "The spreadsheet '{value}' is empty: there is nothing to import.",
    ),
    "sheet_not_found": (
        "找不到工作表“{value}”（文件中的工作表：{found}）。",
        "There is no worksheet '{value}' (the file has: {found}).",
    ),
    "sheet_type_unsupported": (
        "不支持“{value}”文件，请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后再导入。",
        "'{value}' files are not supported: save the file as .xlsx or .csv in Excel or WPS.",
    ),
    "sheet_unwritable": (
        "无法保存表格“{value}”：{reason}。",
        "Cannot save the spreadsheet '{value}': {reason}.",
    ),
    "list_kind_unknown": (
        "清单类型“{value}”不存在（可选 power 权责清单、duties 职责任务清单、"
        "boundary 职责边界清单）。",
        "Unknown list kind '{value}' (power, duties or boundary).",
    ),
    "list_column_unknown": (
        "清单里没有“{value}”这一列。",
        "The list has no column '{value}'.",
    ),
    "list_header_missing": (
        "表格里找不到表头“{value}”。",
        "The spreadsheet has no header '{value}'.",
    ),
    "list_columns_missing": (
        "表格缺少必填列：{value}。请用 --map 指明对应的表头，如 --map 牵头部门=主办单位。",
        "Required columns are missing: {value}. Name the matching headers with --map.",
    ),
    "list_rows_invalid": (
        "表格有 {found} 处问题，清单没有改动：\n{value}",
        "The spreadsheet has {found} problems; the list was not changed:\n{value}",
    ),
    "list_empty": ("表格里没有任何数据行。", "The spreadsheet has no data rows."),
    "list_code_duplicate": (
        "第 {row} 行：事项编码“{value}”与第 {found} 行重复。",
        "Row {row}: matter code '{value}' repeats row {found}.",
    ),
    "list_row_merged": (
        "第 {row} 行有合并单元格，请拆分并逐行填写。",
        "Row {row} has merged cells; unmerge them and fill in every row.",
    ),
    "list_cell_empty": ("第 {row} 行：“{value}”不能为空。", "Row {row}: '{value}' is empty."),
    "list_unit_unknown": (
        "第 {row} 行：部门“{value}”不是本镇的部门。",
        "Row {row}: '{value}' is not a department of this township.",
    ),
    "list_category_unknown": (
        "第 {row} 行：问题类别“{value}”不存在。",
        "Row {row}: problem category '{value}' does not exist.",
    ),
    "list_matter_unknown": (
        "第 {row} 行：事项编码“{value}”不在权责清单中。",
        "Row {row}: matter code '{value}' is not in the power & responsibility list.",
    ),
    "list_level_invalid": (
        "第 {row} 行：可见性、专业性应填“高”或“低”（也可写强/弱、可见/隐蔽），“{value}”无法识别。",
        "Row {row}: visibility and specialism are high or low (strong/weak, visible/hidden); "
        "'{value}' is neither.",
    ),
}
