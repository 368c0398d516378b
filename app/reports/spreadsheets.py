"""Spreadsheets in and out: the file layer under importing and exporting the three lists.

``read_sheet`` turns the ``.xlsx`` or ``.csv`` file a township received (UTF-8 or GBK, a
merged title row on top, perhaps a two-row header) into a plain grid of strings that
remembers where each row came from (``sheet_writer.py`` writes grids back to ``.xlsx``). What
the columns mean and whether the rows are valid is the domain's business
(``app/core/lists.py``), not this module's. No Qt here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import DomainError, Words

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv",)
HEADER_SEARCH_ROWS = 30  # the header row is looked for among the first rows that have content


@dataclass(frozen=True)
class Sheet:
    """One worksheet as text.

    ``headers`` and every row in ``rows`` have the same length; column ``i`` is column
    ``i + 1`` of the file (leading empty columns are kept, so "B5:B7" is column index 1).
    ``row_numbers[k]`` is the 1-based row of ``rows[k]`` in the file, as Excel or WPS shows
    it (for a CSV, the record number). ``merged_cells`` are the merged ranges, like
    "B5:B7", that touch a data row; their value stays in the top-left cell only (it is not
    copied down), so the caller decides what a merge means. ``source`` names the file, and
    for a workbook the worksheet: "边界清单.xlsx [Sheet1]".
    """

    headers: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    merged_cells: list[str]
    source: str


@dataclass(frozen=True)
class _Merge:
    min_row: int
    min_col: int
    max_row: int
    max_col: int
    coord: str


def read_sheet(path: Path, sheet: str | None = None) -> Sheet:
    """Read a worksheet of an ``.xlsx`` (``sheet`` by name, else the one shown on opening)
    or a ``.csv`` (one sheet; ``sheet`` is ignored).

    Cells become stripped strings: empty → "", whole numbers without ".0", dates as
    YYYY-MM-DD (a time of day, when there is one, follows as HH:MM[:SS]); formulas give
    the value Excel saved with them. The header row is the first row with at least two
    filled cells and more than half as many as the fullest of the first rows, so title and
    "填报单位：…" rows above it are skipped. A second header row under merged header cells
    is folded in ("配合部门/部门"). Empty rows and trailing empty columns are dropped.

    Raises DomainError ``sheet_type_unsupported``, ``sheet_unreadable``, ``sheet_empty`` or
    ``sheet_not_found``.
    """
    suffix = path.suffix.lower()
    if suffix not in XLSX_SUFFIXES + CSV_SUFFIXES:
        raise DomainError("sheet_type_unsupported", value=path.suffix or path.name)
    data = _read_bytes(path)
    if not data.strip():
        raise DomainError("sheet_empty", value=path.name)
    if suffix in XLSX_SUFFIXES:
        grid, merges, source = _xlsx_grid(path, data, sheet)
    else:
        grid, merges, source = _csv_grid(path, data), [], path.name
    return _sheet_from_grid(grid, merges, source)


# --- reading files -------------------------------------------------------------------------

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .doc, and password-protected .xlsx


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise DomainError("sheet_unreadable", value=path.name, reason=os_reason(error)) from error


def os_reason(error: OSError) -> Words:
    if isinstance(error, FileNotFoundError):
        return Words("文件不存在", "the file does not exist")
    if isinstance(error, PermissionError):
        return Words(
            "没有权限，或文件正在 Excel、WPS 中打开（请关闭后重试）",
            "permission denied, or the file is open in Excel or WPS (close it and retry)",
        )
    if isinstance(error, IsADirectoryError):
        return Words("这是一个文件夹", "it is a folder")
    detail = error.strerror or type(error).__name__
    return Words(f"系统错误（{detail}）", f"system error ({detail})")


def _xlsx_grid(
    path: Path, data: bytes, sheet: str | None
) -> tuple[list[list[object]], list[_Merge], str]:
    from openpyxl import load_workbook
    from openpyxl.worksheet.worksheet import Worksheet

    if data.startswith(_OLE_MAGIC):
        raise DomainError(
            "sheet_unreadable",
            value=path.name,
            reason=Words(
                "这是旧版 .xls 文件，或设置了打开密码；请另存为不加密的 .xlsx",
                "it is an old .xls file or password-protected; save it as a plain .xlsx",
            ),
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no default style", unsupported extensions
            workbook = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise DomainError(
            "sheet_unreadable",
            value=path.name,
            reason=Words(
                "文件已损坏，或不是 .xlsx 格式",
                "the file is damaged or is not in .xlsx format",
            ),
        ) from error
    worksheets = [ws for ws in workbook.worksheets if isinstance(ws, Worksheet)]
    if sheet is not None:
        chosen = next((ws for ws in worksheets if ws.title == sheet), None)
        if chosen is None:
            found = "、".join(ws.title for ws in worksheets)
            raise DomainError("sheet_not_found", value=sheet, found=found)
    else:
        active = workbook.active
        chosen = active if isinstance(active, Worksheet) else None
        chosen = chosen or (worksheets[0] if worksheets else None)
        if chosen is None:
            raise DomainError("sheet_empty", value=path.name)
    grid = [list(row) for row in chosen.iter_rows(values_only=True)]
    merges = [
        _Merge(r.min_row, r.min_col, r.max_row, r.max_col, r.coord)
        for r in chosen.merged_cells.ranges
    ]
    merges.sort(key=lambda m: (m.min_row, m.min_col))
    source = f"{path.name} [{chosen.title}]" if len(worksheets) > 1 else path.name
    return grid, merges, source


def _decode(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]  # Excel's "Unicode text"
    elif data.startswith(b"\xef\xbb\xbf"):
        encodings = ["utf-8-sig"]
    else:
        encodings = ["utf-8", "gb18030"]  # GB18030 reads GBK and GB2312 too
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise DomainError(
        "sheet_unreadable",
        value=path.name,
        reason=Words(
            "不是文本表格，或文字编码无法识别（应为 UTF-8 或 GBK）",
            "it is not a text table, or its encoding is neither UTF-8 nor GBK",
        ),
    )


def _csv_grid(path: Path, data: bytes) -> list[list[object]]:
    text = _decode(path, data)
    try:
        delimiter = _sniff_delimiter(text)
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as error:
        raise DomainError(
            "sheet_unreadable",
            value=path.name,
            reason=Words(f"CSV 格式错误（{error}）", f"malformed CSV ({error})"),
        ) from error


def _sniff_delimiter(text: str) -> str:
    """Comma or tab: the one that splits the first lines most consistently into 2+ cells."""
    sample = "\n".join(text.splitlines()[:50])
    best, best_score = ",", (0, 0)
    for delimiter in (",", "\t"):
        try:
            widths = [
                len(row)
                for row in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
                if len(row) > 1
            ]
        except csv.Error:
            continue
        if not widths:
            continue
        mode = max(set(widths), key=lambda w: (widths.count(w), w))
        score = (widths.count(mode), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


# --- cells ---------------------------------------------------------------------------------


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:.15g}"  # what Excel shows: 0.1 + 0.2 is 0.3
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds" if value.second else "minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds" if value.second else "minutes")
    return str(value).strip()


_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_BREAK_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_SPACES = re.compile(r"\s+")


def _header_text(text: str) -> str:
    """A header cell on one line: "牵头\\n部门" → "牵头部门", "Lead\\nunit" → "Lead unit"."""
    return _SPACES.sub(" ", _BREAK_BETWEEN_CJK.sub("", text)).strip()


# --- from a grid to a Sheet ----------------------------------------------------------------


def _sheet_from_grid(grid: list[list[object]], merges: list[_Merge], source: str) -> Sheet:
    texts = [[_cell_text(value) for value in row] for row in grid]
    filled = [(number, row) for number, row in enumerate(texts, start=1) if any(row)]
    if not filled:
        raise DomainError("sheet_empty", value=source)
    width = max(max(i for i, cell in enumerate(row) if cell) + 1 for _, row in filled)
    texts = [row[:width] + [""] * (width - len(row)) for row in texts]

    counts = [sum(1 for cell in row if cell) for _, row in filled[:HEADER_SEARCH_ROWS]]
    needed = max(2, max(counts) // 2 + 1)
    header_number = next(
        (number for (number, _), count in zip(filled, counts, strict=False) if count >= needed),
        filled[0][0],
    )
    top = texts[header_number - 1]
    below = texts[header_number] if header_number < len(texts) else [""] * width
    groups = _header_groups(top, header_number, merges)
    grouped = {column for start, end in groups for column in range(start, end + 1)}
    two_rows = (
        bool(groups)
        and any(below[column] for column in grouped)
        and not any(below[column] for column in range(width) if column not in grouped)
    )
    if two_rows:
        headers = []
        for column in range(width):
            group = next(((s, e) for s, e in groups if s <= column <= e), None)
            upper = _header_text(top[group[0]] if group else top[column])
            lower = _header_text(below[column])
            if upper and lower and upper != lower:
                headers.append(f"{upper}/{lower}")
            else:
                headers.append(upper or lower)
        first_data = header_number + 2
    else:
        headers = [_header_text(cell) for cell in top]
        first_data = header_number + 1

    rows, numbers = [], []
    for number in range(first_data, len(texts) + 1):
        row = texts[number - 1]
        if any(row):
            rows.append(row)
            numbers.append(number)
    kept = set(numbers)
    merged = [
        m.coord
        for m in merges
        if any(number in kept for number in range(m.min_row, m.max_row + 1)) and m.min_col <= width
    ]
    return Sheet(headers, rows, numbers, merged, source)


def _header_groups(top: list[str], row: int, merges: list[_Merge]) -> list[tuple[int, int]]:
    """Header cells spanning several columns (0-based, inclusive): merged ones, and, as a CSV
    saved from such a sheet shows them, a filled cell followed by empty ones."""
    groups = [
        (m.min_col - 1, min(m.max_col, len(top)) - 1)
        for m in merges
        if m.min_row == row and m.max_col > m.min_col and m.min_col <= len(top)
    ]
    covered = {column for start, end in groups for column in range(start, end + 1)}
    covered |= {
        column - 1
        for m in merges
        if m.min_row <= row <= m.max_row
        for column in range(m.min_col, m.max_col + 1)
    }
    column = 0
    while column < len(top):
        if top[column] and column not in covered:
            end = column
            while end + 1 < len(top) and not top[end + 1] and end + 1 not in covered:
                end += 1
            if end > column:
                groups.append((column, end))
            column = end + 1
        else:
            column += 1
    return groups


# --- writing -------------------------------------------------------------------------------
