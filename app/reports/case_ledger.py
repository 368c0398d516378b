"""The case ledger (案件台账) as an ``.xlsx``: a title row (the township, the filter, the
export time), a bold frozen header, one row per case of the filtered list.

Streamed: openpyxl's write-only mode writes each row out as it comes and the store reads
the cases a window at a time (``app/store/case_ledger.py``), so 100,000 cases never sit in
memory together. Everything written, the worksheet's stream included, lies beside the
target under a hidden name until the finished file is renamed into place; on any failure
nothing is left behind (the rows hold reporters' contacts and parties' ID numbers).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.core.case_path.parties import party_view
from app.core.errors import DomainError, Words
from app.core.model import (
    CaseSource,
    CaseStatus,
    Reporter,
    Role,
    Urgency,
    chinese,
    reporter_view,
)
from app.reports.sheet_writer import cell_text
from app.reports.spreadsheets import os_reason
from app.store.case_ledger import LedgerEntry, ledger_entries
from app.store.case_list import CaseFilter, count_cases
from app.store.reference import ReferenceData

HEADERS = (
    "案件编号",
    "受理时间",
    "来源",
    "问题类别",
    "网格",
    "地址",
    "反映人",
    "当事人",
    "处置方式",
    "牵头单位",
    "配合单位",
    "状态",
    "处置期限",
    "结案时间",
    "是否按期",
)
WIDTHS = (24, 17, 10, 24, 16, 30, 22, 36, 14, 16, 24, 10, 17, 17, 9)
ROUTES = {"ONE": "镇街自行处置", "X": "派驻机构", "Y": "区直部门"}
ON_TIME = {1: "是", 0: "否", None: "—"}
PROGRESS_EVERY = 100  # rows between progress reports

Progress = Callable[[int, int], bool]  # (done, total) -> go on?


class LedgerCancelled(Exception):
    """The user cancelled the export; nothing was written."""


@dataclass(frozen=True)
class LedgerWritten:
    path: Path
    rows: int


def ledger_row(entry: LedgerEntry, ref: ReferenceData, viewer: Role) -> list[str]:
    """The ledger's cells for one case, the reporter and parties as ``viewer`` may see
    them."""
    case = entry.case
    return [
        case.number,
        _minute(case.received_at),
        chinese(case.source),
        ref.category_path(case.category_code),
        ref.grid_name(case.grid_code),
        case.address,
        reporter_cell(case.reporter, viewer),
        "；".join(party_view(party, viewer).summary() for party in entry.parties),
        ROUTES.get(entry.route or "", ""),
        ref.department_name(entry.lead_unit) if entry.lead_unit else "",
        "、".join(ref.department_name(code) for code in entry.cooperating_units),
        chinese(case.status),
        _minute(entry.handle_due_at),
        _minute(entry.closed_at),
        ON_TIME.get(entry.closed_on_time, "—"),
    ]


def reporter_cell(reporter: Reporter, viewer: Role) -> str:
    """The reporter in full for those who call back, else 保密 and a masked phone."""
    if not reporter.given:
        return ""
    shown = reporter_view(reporter, viewer)
    return f"{shown.name} {shown.phone}".strip()


def describe_filter(case_filter: CaseFilter, ref: ReferenceData) -> str:
    """The filter in a clerk's words: 状态：处置中；网格：一网格 … (全部案件 when none)."""
    f = case_filter
    parts = []
    if f.status:
        parts.append(f"状态：{chinese(CaseStatus(f.status))}")
    if f.category_codes:
        parents = {ref.categories[c].parent_code for c in f.category_codes if c in ref.categories}
        if len(f.category_codes) > 1 and len(parents) == 1 and None not in parents:
            parts.append(f"类别：{ref.category_name(parents.pop() or '')}")
        else:
            parts.append("类别：" + "、".join(ref.category_path(c) for c in f.category_codes))
    if f.grid_code:
        parts.append(f"网格：{ref.grid_name(f.grid_code)}")
    if f.source:
        parts.append(f"来源：{chinese(CaseSource(f.source))}")
    if f.urgency:
        parts.append(f"紧急程度：{chinese(Urgency(f.urgency))}")
    if f.received_from or f.received_to:
        parts.append(f"受理日期：{f.received_from or '…'} 至 {f.received_to or '…'}")
    if f.lead_unit:
        parts.append(f"牵头单位：{ref.department_name(f.lead_unit)}")
    if f.waiting_on is not None:
        parts.append(f"待我办理（{f.waiting_on.name}）")
    if f.text.strip():
        parts.append(f"检索：{f.text.strip()}")
    return "；".join(parts) or "全部案件"


def export_ledger(
    db: Database,
    path: Path,
    case_filter: CaseFilter,
    viewer: Role,
    exported_at: str,
    progress: Progress | None = None,
) -> LedgerWritten:
    """Write the ledger of the cases ``case_filter`` finds to ``path`` (``.xlsx``), whole
    or not at all. ``exported_at`` is the time printed in the title (the caller's clock).

    Raises DomainError ``sheet_unwritable`` (a read-only folder, the file open in Excel, a
    full disk) or LedgerCancelled when ``progress`` says stop.
    """
    path = Path(path)
    ref = ReferenceData(db)
    total = count_cases(db, case_filter)
    title = f"{ref.township.name}案件台账"
    note = (
        f"筛选：{describe_filter(case_filter, ref)}　"
        f"导出时间：{_minute(exported_at)}　共 {total} 件"
    )
    rows = (ledger_row(entry, ref, viewer) for entry in ledger_entries(db, case_filter))
    written = _write(path, title, note, _reporting(rows, total, progress))
    return LedgerWritten(path, written)


def _reporting(
    rows: Iterable[list[str]], total: int, progress: Progress | None
) -> Iterable[list[str]]:
    done = 0
    if progress is not None and not progress(0, total):
        raise LedgerCancelled
    for row in rows:
        yield row
        done += 1
        if progress is not None and done % PROGRESS_EVERY == 0 and not progress(done, total):
            raise LedgerCancelled
    if progress is not None and not progress(done, total):  # cancelled before saving
        raise LedgerCancelled


def _write(path: Path, title: str, note: str, rows: Iterable[list[str]]) -> int:
    from openpyxl import Workbook

    folder = path.parent
    if not folder.is_dir():
        reason = Words("文件夹不存在", "the folder does not exist")
        raise DomainError("sheet_unwritable", value=path.name, reason=reason)
    if path.is_dir():
        raise DomainError(
            "sheet_unwritable", value=path.name, reason=Words("这是一个文件夹", "it is a folder")
        )
    made: list[str] = []  # every file written beside the target, removed on any failure
    worksheet = None
    try:
        for suffix in (".xlsx", ".xml"):
            handle, name = tempfile.mkstemp(dir=folder, prefix=".ledger-", suffix=suffix)
            os.close(handle)
            made.append(name)
        temporary, stream = made
        workbook = Workbook(write_only=True)
        workbook.properties.title = title
        worksheet = workbook.create_sheet("案件台账")
        count = _fill(worksheet, stream, title, note, rows)
        with open(temporary, "wb") as out:
            workbook.save(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
        made.remove(temporary)
        return count
    except OSError as error:
        raise DomainError("sheet_unwritable", value=path.name, reason=os_reason(error)) from error
    finally:
        _close_quietly(worksheet)
        for leftover in made:
            with contextlib.suppress(OSError):
                os.unlink(leftover)
            _forget(leftover)


def _close_quietly(worksheet: Any) -> None:
    """A worksheet abandoned half-written: end its stream now, while its file is open."""
    if worksheet is None or worksheet.closed or worksheet._writer is None:
        return
    with contextlib.suppress(Exception):
        worksheet.close()


def _stream_to(worksheet: Any, stream: str) -> None:
    """Have the write-only worksheet stream its rows to ``stream`` (beside the target)
    rather than a file in the system's temporary folder, which a failure would leave."""
    from openpyxl.worksheet import _writer

    _writer.ALL_TEMP_FILES.append(stream)  # openpyxl removes it from this list when done
    worksheet._writer = _writer.WorksheetWriter(worksheet, out=stream)
    worksheet._writer.write_top()


def _forget(stream: str) -> None:
    from openpyxl.worksheet import _writer

    with contextlib.suppress(ValueError):
        _writer.ALL_TEMP_FILES.remove(stream)


def _fill(worksheet: Any, stream: str, title: str, note: str, rows: Iterable[list[str]]) -> int:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    last = get_column_letter(len(HEADERS))
    for column, width in enumerate(WIDTHS, start=1):
        worksheet.column_dimensions[get_column_letter(column)].width = width
    worksheet.freeze_panes = "A4"
    _stream_to(worksheet, stream)  # writes the sheet's head: widths and panes come first

    def cell(value: str, **style: Any) -> Any:
        made = WriteOnlyCell(worksheet, value=cell_text(value) or None)
        if made.value is not None:
            made.data_type = "s"  # text, never a formula or a number
        for name, setting in style.items():
            setattr(made, name, setting)
        return made

    worksheet.append([cell(title, font=Font(bold=True, size=14))])
    worksheet.append([cell(note, alignment=Alignment(vertical="top"))])
    bold = Font(bold=True)
    worksheet.append([cell(header, font=bold) for header in HEADERS])
    count = 0
    for row in rows:
        worksheet.append([_plain(value) or cell(value) for value in row])
        count += 1
    worksheet.merged_cells.add(f"A1:{last}1")
    worksheet.merged_cells.add(f"A2:{last}2")
    worksheet.auto_filter.ref = f"A3:{last}{count + 3}"
    return count


def _plain(value: str) -> str | None:
    """A value openpyxl may take as it is (faster than a styled cell): plain text that
    cannot read as a formula. None: it needs a cell of its own."""
    if not value or value.startswith("=") or cell_text(value) != value:
        return None
    return value


def _minute(moment: str | None) -> str:
    """``2026-03-02T09:15:00`` → ``2026-03-02 09:15``."""
    return moment.replace("T", " ")[:16] if moment else ""
