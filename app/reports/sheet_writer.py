"""Grids of text written to ``.xlsx``: one worksheet (the three lists) or several (the
base-data workbook), every cell stored as text, the file whole or not at all."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.errors import DomainError
from app.reports.spreadsheets import os_reason

MAX_COLUMN_WIDTH = 60  # in Excel width units (about one Latin character)
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def write_sheet(path: Path, title: str, headers: list[str], rows: list[list[str]]) -> None:
    """Write one worksheet named ``title`` to ``path`` (``.xlsx``): a bold, frozen header
    row with a filter, columns wide enough for their text (a Chinese character counts
    double), every cell stored as text (so "0101" stays "0101" and "=…" is no formula).
    The file appears whole or not at all: it is written beside the target and renamed.

    Raises DomainError ``sheet_unwritable`` (the file is open in Excel, the folder is
    read-only, the disk is full).
    """
    write_workbook(path, title, [SheetOut(title, headers, rows)])


@dataclass(frozen=True)
class SheetOut:
    """A worksheet to write; ``note``, when given, is a line of guidance above the header
    (``read_sheet`` skips it as a title row)."""

    title: str
    headers: list[str]
    rows: list[list[str]]
    note: str = ""


def write_workbook(path: Path, title: str, sheets: list[SheetOut]) -> None:
    """Several worksheets in one ``.xlsx``, each laid out as ``write_sheet`` describes."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.properties.title = title
    for index, sheet in enumerate(sheets):
        worksheet = workbook.active if index == 0 else workbook.create_sheet()
        _fill(worksheet, sheet)
    _save(workbook, Path(path))


def _fill(worksheet: Any, sheet: SheetOut) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    worksheet.title = _sheet_title(sheet.title)
    top = 1
    if sheet.note:
        worksheet.cell(row=1, column=1, value=sheet.note).font = Font(italic=True)
        worksheet.cell(row=1, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        if len(sheet.headers) > 1:
            worksheet.merge_cells(start_row=1, start_column=1, end_row=1,
                                  end_column=len(sheet.headers))  # fmt: skip
        worksheet.row_dimensions[1].height = 48
        top = 2
    widths: dict[int, int] = {}
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row_index, values in enumerate([sheet.headers, *sheet.rows], start=top):
        for column, value in enumerate(values, start=1):
            text = _ILLEGAL_XML.sub("", "" if value is None else str(value))
            if not text:
                continue
            cell = worksheet.cell(row=row_index, column=column, value=text)
            cell.data_type = "s"  # text, never a formula or a number
            width = max(_display_width(line) for line in text.splitlines() or [""])
            if row_index == top:
                cell.font = bold
            elif "\n" in text or width + 2 > MAX_COLUMN_WIDTH:
                cell.alignment = wrap
            widths[column] = max(widths.get(column, 0), width)
    for column, width in widths.items():
        letter = get_column_letter(column)
        worksheet.column_dimensions[letter].width = min(max(width + 2, 8), MAX_COLUMN_WIDTH)
    worksheet.freeze_panes = f"A{top + 1}"
    if sheet.headers:
        last = get_column_letter(len(sheet.headers))
        worksheet.auto_filter.ref = f"A{top}:{last}{len(sheet.rows) + top}"


def _save(workbook: Any, path: Path) -> None:
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".sheet-", suffix=".xlsx")
    except OSError as error:
        raise DomainError("sheet_unwritable", value=path.name, reason=os_reason(error)) from error
    try:
        with os.fdopen(handle, "wb") as out:
            workbook.save(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise DomainError("sheet_unwritable", value=path.name, reason=os_reason(error)) from error
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def cell_text(value: object) -> str:
    """A value as the text of a cell: None as "", without characters XML cannot hold."""
    return _ILLEGAL_XML.sub("", "" if value is None else str(value))


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _sheet_title(title: str) -> str:
    """Excel's rules for a worksheet name: 31 characters, none of []:*?/\\."""
    cleaned = re.sub(r"[\[\]:*?/\\]", "_", title).strip("' ")
    return cleaned[:31] or "Sheet1"
