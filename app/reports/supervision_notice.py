"""The supervision notice (督办单): printed for the lead unit of an overdue case."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from sqlite_utils import Database

from app.core.case_path.queues import escalated
from app.core.errors import DomainError
from app.core.model import office_unit
from app.core.slips import verification_code
from app.reports.pdf import SLIP_STYLE, label_table, write_pdf
from app.store.cases import case_by_number
from app.store.eventlog import entity_events
from app.store.reference import ReferenceData


def supervision_notice_html(db: Database, number: str) -> tuple[str, str]:
    """(HTML, verification code) of the latest supervision of case ``number``."""
    case = case_by_number(db, number)
    supervisions = [e for e in entity_events(db, "case", case.id) if e.type == "case.supervise"]
    if not supervisions:
        raise DomainError("no_supervision", value=case.number)
    latest = supervisions[-1]
    lead, cooperating, due, finished = db.execute(
        "SELECT lead_unit, cooperating_units, coalesce(handle_due_at, sign_due_at), finished_at "
        "FROM cases WHERE id = ?",
        [case.id],
    ).fetchone()
    ref = ReferenceData(db)
    code = verification_code(latest.id, case.number)
    helpers = "、".join(ref.department_name(u) for u in json.loads(cooperating)) or "—"
    cells = [
        ("案件编号", case.number),
        ("校验码", code),
        ("督办次数", f"第 {len(supervisions)} 次"),
        ("牵头单位", ref.departments[lead].name if lead in ref.departments else "—"),
        ("配合单位", helpers),
        ("办理期限", (due or "—")[:16]),
        ("问题类别", ref.category_path(case.category_code)),
        ("地址", case.address or "—"),
        ("问题描述", case.description),
        ("督办意见", latest.payload["note"]),
        ("督办人", ref.user_name(latest.actor_id)),
    ]
    meeting = (
        '<p class="note"><b>本案已多次督办仍未办结，列入下次联席会议议题。</b></p>'
        if escalated(len(supervisions), finished is not None)
        else ""
    )
    office = ref.departments[office_unit(ref.departments)].name  # as the township names it
    html = f"""{SLIP_STYLE}
<h1>督 办 单</h1>
<p class="sub">{escape(ref.township.issuer)} · {escape(office)} · 督查督办</p>
{label_table(cells)}
{meeting}
<h2>办理情况（由牵头单位填写）</h2>
<table width="100%" cellspacing="0">
<tr><td class="k">办理结果</td><td width="78%"><br/><br/><br/></td></tr>
<tr><td class="k">单位签章</td><td><br/><br/></td></tr>
</table>
<p class="note">请于收到之日起按期办结，并在系统中反馈；反馈时注明校验码 {code}。</p>
"""
    return html, code


def write_supervision_notice(db: Database, number: str, out: Path) -> str:
    html, code = supervision_notice_html(db, number)
    write_pdf(html, out, f"督办单 {number}")
    return code
