"""The statistics page's table written to ``.xlsx``: one row per group, the whole
township last, one column per indicator (its name and unit), numbers stored as numbers
(rates as percentages), and the definitions on a second sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.core.indicators import INDICATORS, Kind
from app.reports.sheet_writer import _display_width, _save, _sheet_title
from app.store.statistics import GroupFigures

MAX_WIDTH = 24


def write_statistics(path: Path, title: str, group_title: str, rows: list[GroupFigures]) -> None:
    """``title`` (e.g. "2026年11月 按单位统计") heads the sheet; raises DomainError
    ``sheet_unwritable`` as sheet_writer does."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.properties.title = title
    sheet: Any = workbook.active
    sheet.title = _sheet_title(title)
    sheet.cell(row=1, column=1, value=title).font = Font(bold=True, size=14)
    headers = [group_title] + [f"{i.name}（{i.unit}）" for i in INDICATORS]
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(row=2, column=column, value=text)
        cell.font, cell.alignment = bold, wrap
        width = min(max(_display_width(text) + 2, 8), MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[2].height = 36
    for row_index, row in enumerate(rows, start=3):
        name = sheet.cell(row=row_index, column=1, value=row.name)
        if row.group == "":
            name.font = bold
        for column, indicator in enumerate(INDICATORS, start=2):
            figure = row.figures.get(indicator.key)
            if figure is None or figure.value is None:
                value: Any = 0 if indicator.kind == Kind.COUNT else None
            else:
                value = figure.value
            cell = sheet.cell(row=row_index, column=column, value=value)
            if indicator.kind == Kind.RATE:
                cell.number_format = "0.0%"
            elif indicator.kind != Kind.COUNT:
                cell.number_format = "0.0"
            if row.group == "":
                cell.font = bold
    sheet.column_dimensions["A"].width = max(
        12, min(MAX_WIDTH, max((_display_width(r.name) + 2 for r in rows), default=12))
    )
    sheet.freeze_panes = "B3"
    notes = workbook.create_sheet("指标说明")
    for column, text in enumerate(("指标", "单位", "板块", "定义"), start=1):
        notes.cell(row=1, column=column, value=text).font = bold
    for row_index, indicator in enumerate(INDICATORS, start=2):
        for column, text in enumerate(
            (indicator.name, indicator.unit, indicator.section, indicator.definition), start=1
        ):
            notes.cell(row=row_index, column=column, value=text).alignment = Alignment(
                wrap_text=True, vertical="top"
            )
    for letter, width in zip("ABCD", (20, 10, 12, 90), strict=True):
        notes.column_dimensions[letter].width = width
    _save(workbook, Path(path))
