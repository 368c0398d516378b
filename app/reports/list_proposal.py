"""The change proposal (修订建议) for the district's establishment office (编办): one row per
change the township's local amendments of the duty boundary list propose (core/amendments.py
says which), with the official item, the proposed lead and cooperating units, the reason, and
the cases, disputes and rulings behind it; a heading naming the township's issuing authority
and the date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlite_utils import Database

from app.core.amendments import Amendment, ProposedChange, proposed_changes
from app.core.errors import DomainError
from app.reports.sheet_writer import SheetOut, write_workbook
from app.store.amendments import amendments
from app.store.reference import departments, township

HEADERS = [
    "序号",
    "事项编码",
    "事项名称",
    "问题类别",
    "官方清单牵头部门",
    "官方清单配合部门",
    "官方清单牵头部门职责",
    "建议牵头部门",
    "建议配合部门",
    "修订理由",
    "依据案件",
    "依据职责争议",
    "裁定方式",
    "裁定人",
    "裁定时间",
]


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def proposal_sheet(db: Database, today: date) -> SheetOut:
    """The proposal as one worksheet; DomainError when no amendment is in force."""
    changes = proposed_changes(amendments(db, in_force_only=True))
    if not changes:
        raise DomainError("list_proposal_empty")
    issuer = township(db).issuer
    note = (
        f"{issuer}关于部门职责边界清单的修订建议\n"
        f"报送：区委机构编制委员会办公室　　日期：{chinese_date(today)}"
    )
    rows = [_row(db, n, change) for n, change in enumerate(changes, 1)]
    return SheetOut("修订建议", HEADERS, rows, note)


def write_proposal(db: Database, out: Path, today: date) -> int:
    """Write the proposal to ``out`` (.xlsx); returns how many changes it proposes."""
    sheet = proposal_sheet(db, today)
    write_workbook(out, f"{township(db).issuer}职责边界清单修订建议", [sheet])
    return len(sheet.rows)


def _row(db: Database, number: int, change: ProposedChange) -> list[str]:
    names = {d.code: d.name for d in departments(db)}
    a = change.latest

    def units(codes: tuple[str, ...]) -> str:
        return "、".join(names.get(c, c) for c in codes)

    duty = db.execute("SELECT lead_duty FROM boundary_items WHERE code = ?", [a.item]).fetchone()
    return [
        str(number),
        a.item if a.official else f"{a.item}（建议增列）",
        a.item_name,
        a.category_name,
        names.get(a.official_lead, a.official_lead) if a.official else "（清单未列）",
        units(a.official_cooperating),
        duty[0] if duty else "",
        names.get(a.lead, a.lead),
        units(a.cooperating),
        a.reason,
        "、".join(dict.fromkeys(x.case_number for x in change.behind)),
        "；".join(_dispute(db, x, names) for x in change.behind if x.dispute_id),
        _ruled_by(db, a),
        a.actor,
        a.amended_at[:16],
    ]


def _dispute(db: Database, a: Amendment, names: dict[str, str]) -> str:
    row = db.execute("SELECT unit, opened_at FROM disputes WHERE id = ?", [a.dispute_id]).fetchone()
    if row is None:
        return a.case_number
    return f"{names.get(row[0], row[0])}认为案件{a.case_number}不属本单位职责（{row[1][:10]}）"


def _ruled_by(db: Database, a: Amendment) -> str:
    if not a.meeting_id:
        return "职责争议裁定"
    row = db.execute("SELECT number FROM meetings WHERE id = ?", [a.meeting_id]).fetchone()
    return f"第 {row[0]} 次联席会议决议" if row else "联席会议决议"
