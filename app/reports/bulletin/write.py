"""The monthly bulletin (月度通报) on comprehensive administrative enforcement: issued by the
township's authority with its own number series (青石综执通〔2026〕11号), the month's figures
against the month before, each unit's work, the assessment ranking with the weights used,
the green and red lists, frequent problems, long-overdue cases, the calls to district
departments and the joint-meeting decisions due; the indicators' definitions attached.

Every figure is read from store/statistics.figures() as it gives it; nothing is counted
again here. A PDF (A4) or a workbook, by the file's suffix."""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from app.core.errors import DomainError, Words
from app.core.periods import Period
from app.reports.bulletin.gather import Bulletin, gather
from app.reports.bulletin.html import bulletin_html, main_html
from app.reports.bulletin.rows import (
    DECISION_HEADERS,
    HEADLINE_HEADERS,
    OVERDUE_HEADERS,
    call_headers,
    call_rows,
    category_rows,
    date_words,
    decision_rows,
    headline_rows,
    lists_text,
    overdue_rows,
    ranking_headers,
    ranking_rows,
    unit_headers,
    unit_rows,
    weights_text,
)
from app.reports.pdf import page_count, write_pdf
from app.reports.sheet_writer import SheetOut, write_workbook
from app.reports.spreadsheets import os_reason


def write_bulletin(db: Database, period: Period, out: Path, now: datetime) -> Path:
    """The bulletin of ``period`` as known at ``now``: a PDF, or a workbook for ``.xlsx``.
    The file appears whole or not at all.

    Raises DomainError ``bulletin_format`` (another suffix), ``bulletin_unwritable`` /
    ``sheet_unwritable`` (the folder is read-only or missing, the file is open)."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise DomainError("bulletin_format", value=out.name)
    _check_target(out)
    bulletin = gather(db, period, now)
    if suffix == ".xlsx":
        write_workbook(out, bulletin.title, bulletin_sheets(bulletin))
        return out
    _write_pdf_whole(bulletin, out)
    return out


def _check_target(out: Path) -> None:
    """Say before counting anything that the file cannot go where it was asked to."""
    if out.is_dir():
        reason = Words("这是一个文件夹，请给出文件名", "it is a folder: give a file name")
    elif not out.parent.is_dir():
        reason = Words(f"文件夹 {out.parent} 不存在", f"the folder {out.parent} does not exist")
    else:
        return
    raise DomainError("bulletin_unwritable", value=str(out), reason=reason)


# ----------------------------------------------------------------------- words


def _write_pdf_whole(b: Bulletin, out: Path) -> None:
    """Written beside the target and renamed, so a failed write leaves no half file. When
    the last section and the signature do not fit on the page before them, they start a
    page together (if they fit on one), so no heading is left at a page's foot and the
    signature is never alone."""
    try:
        handle, name = tempfile.mkstemp(dir=out.parent, prefix=".bulletin-", suffix=".pdf")
        os.close(handle)
    except OSError as error:
        raise DomainError("bulletin_unwritable", value=out.name, reason=os_reason(error)) from error
    temporary = Path(name)
    try:
        before = _pages(main_html(b, False, last=False, closing=False), temporary, b.title)
        keep = False
        if _pages(main_html(b, False), temporary, b.title) > before:
            keep = _pages(main_html(b, True), temporary, b.title) == before + 1
        write_pdf(bulletin_html(b, keep_last_section=keep), temporary, b.title)
        if not temporary.stat().st_size:
            raise OSError(0, "写入失败")
        os.replace(temporary, out)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise DomainError("bulletin_unwritable", value=out.name, reason=os_reason(error)) from error
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _pages(html: str, scratch: Path, title: str) -> int:
    return page_count(write_pdf(html, scratch, title))


# ----------------------------------------------------------------------- the workbook


def bulletin_sheets(b: Bulletin) -> list[SheetOut]:
    note = f"{b.issuer} {b.number} {b.title}（数据统计至{date_words(b.now)}）"
    overall = SheetOut("总体情况", HEADLINE_HEADERS, headline_rows(b), note)
    ranking_sheet = SheetOut(
        "考核排名",
        ranking_headers(b),
        [
            *ranking_rows(b),
            ["红榜", lists_text(b.green, b.unit_names)],
            ["黑榜", lists_text(b.red, b.unit_names)],
        ],
        weights_text(b.weights),
    )
    problems = (
        [["问题类别", row[1], row[2], row[3]] for row in category_rows(b)]
        + [["高发地点", p.place, str(p.cases), p.grid] for p in b.places]
        + [["无案件上报的网格", g.name, "0", ""] for g in b.silent]
    )
    return [
        overall,
        SheetOut("各单位办理情况", unit_headers(), unit_rows(b)),
        ranking_sheet,
        SheetOut("高发问题", ["类型", "名称", "受理量", "占比或网格"], problems),
        SheetOut(
            "超期未办结案件",
            OVERDUE_HEADERS,
            overdue_rows(b.overdue),
            f"截至{date_words(b.now)}共 {len(b.overdue)} 件",
        ),
        SheetOut("区直部门呼叫响应", call_headers(), call_rows(b)),
        SheetOut("联席会议决议落实", DECISION_HEADERS, decision_rows(b)),
        SheetOut(
            "指标说明", ["指标", "单位", "定义"], [[i.name, i.unit, i.definition] for i in b.used]
        ),
    ]
