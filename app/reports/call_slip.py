"""The call slip (呼叫单) for a Y department that does not run TownDesk: printed, phoned
through, and returned with the times filled in."""

from __future__ import annotations

from html import escape
from pathlib import Path

from sqlite_utils import Database

from app.core.errors import DomainError
from app.core.model import ResponseCommitment, office_unit
from app.core.slips import verification_code
from app.core.time_limits import call_limits
from app.reports.pdf import SLIP_STYLE, label_table, write_pdf
from app.store.cases import case_by_number
from app.store.reference import ReferenceData


def call_slip_html(db: Database, number: str) -> tuple[str, str]:
    """(HTML, verification code) of the latest call on case ``number``."""
    case = case_by_number(db, number)
    row = db.execute(
        "SELECT id, department, reason, urgent, duty_phone, called_at FROM calls "
        "WHERE case_id = ? ORDER BY called_at DESC LIMIT 1",
        [case.id],
    ).fetchone()
    if row is None:
        raise DomainError("no_call", value=case.number)
    call_id, unit, reason, urgent, phone, called_at = row
    ref = ReferenceData(db)
    department = ref.departments[unit]
    ack, arrive, days = call_limits(department.response or ResponseCommitment(), bool(urgent))
    code = verification_code(call_id, case.number)
    e = escape
    cells = [
        ("案件编号", case.number),
        ("校验码", code),
        ("被呼叫部门", department.name),
        ("值班电话", phone or "—"),
        ("呼叫时间", called_at),
        ("紧急程度", "紧急" if urgent else "一般"),
        ("响应要求", f"{ack} 分钟内响应，{arrive} 分钟内到场，{days} 个工作日内办结"),
        ("问题类别", ref.category_path(case.category_code)),
        ("网格", ref.grid_name(case.grid_code)),
        ("地址", case.address or "—"),
        ("问题描述", case.description),
        ("呼叫事由", reason),
    ]
    office = ref.departments[office_unit(ref.departments)].name  # as the township names it
    html = f"""{SLIP_STYLE}
<h1>呼 叫 单</h1>
<p class="sub">{e(ref.township.issuer)} · {e(office)} · 乡镇“1+X+Y”联动</p>
{label_table(cells)}
<h2>响应回执（由被呼叫部门填写）</h2>
<table width="100%" cellspacing="0">
<tr><td class="k">响应时间</td><td width="28%">&nbsp;</td>
    <td class="k">到场时间</td><td width="28%">&nbsp;</td></tr>
<tr><td class="k">办结时间</td><td>&nbsp;</td><td class="k">处置人员</td><td>&nbsp;</td></tr>
<tr><td class="k">处置情况</td><td colspan="3"><br/><br/><br/></td></tr>
<tr><td class="k">部门签章</td><td colspan="3"><br/><br/></td></tr>
</table>
<p class="note">请在响应时电话告知校验码 {code}。<br/>
事不完人不撤：问题处置完毕、经呼叫方确认后方可撤离。</p>
"""
    return html, code


def write_call_slip(db: Database, number: str, out: Path) -> str:
    """Write the PDF; returns the verification code printed on it."""
    html, code = call_slip_html(db, number)
    write_pdf(html, out, f"呼叫单 {number}")
    return code
