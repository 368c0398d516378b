"""The supervision notice (督办单): issued by the township's authority to the lead unit of an
overdue case, with its own number, the issue date, how late the case was when supervised,
the reasons and the new deadline chosen when supervising (DOMAIN.md §8)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from pathlib import Path

from sqlite_utils import Database

from app.core.calendar import WorkCalendar
from app.core.case_path.projection import project_case
from app.core.case_path.queues import escalated
from app.core.clock import parse_local
from app.core.documents import SUPERVISION, date_words, document_number, responsible_leader
from app.core.errors import DomainError
from app.core.events import Event
from app.core.meetings import working_days_late
from app.core.model import office_unit
from app.core.slips import verification_code
from app.reports.official import (
    BLANK_DAY,
    INDENT,
    OFFICIAL_STYLE,
    closing_block,
    copy_line,
    number_line,
)
from app.reports.pdf import SLIP_STYLE, Document, keeping_end_together, label_table, write_document
from app.store.cases import case_by_number
from app.store.documents import SUPERVISE_EVENT, issue_of, signer_of
from app.store.eventlog import entity_events
from app.store.projections.cases import context_for
from app.store.reference import ReferenceData


@dataclass(frozen=True)
class Standing:
    """The case as it stood when it was supervised (not as it stands now)."""

    lead: str | None
    cooperating: list[str]
    due: datetime | None  # the running deadline then: signing for, handling, or the office's
    finished: bool


@dataclass(frozen=True)
class Notice:
    main: str  # from the number to the case's table (and the meeting note)
    end: str  # the reply form, the signature block and the copy line: kept on one page
    code: str  # the verification code


def supervision_notice_html(db: Database, number: str) -> tuple[str, str]:
    """(HTML, verification code) of the latest supervision of case ``number``, laid out
    plainly."""
    notice = supervision_notice(db, number)
    return notice.main + notice.end, notice.code


def supervision_notice(db: Database, number: str) -> Notice:
    """The notice of the latest supervision of case ``number``, in two parts: the reply
    form the lead unit fills in goes with the signatures, so a long description never
    leaves the signature lines alone on a page."""
    case = case_by_number(db, number)
    events = entity_events(db, "case", case.id)
    supervisions = [e for e in events if e.type == SUPERVISE_EVENT]
    if not supervisions:
        raise DomainError("no_supervision", value=case.number)
    latest = supervisions[-1]
    then = _standing(db, events, latest)
    issue = issue_of(db, latest.id)
    ref = ReferenceData(db)
    ctx = context_for(db)
    code = verification_code(latest.id, case.number)
    lead = ref.departments.get(then.lead or "")
    supervised_at = parse_local(latest.local_time)
    cells = [
        ("案件编号", case.number),
        ("校验码", code),
        ("督办次数", f"第 {len(supervisions)} 次"),
        ("牵头单位", lead.name if lead else "—"),
        ("配合单位", "、".join(ref.department_name(u) for u in then.cooperating) or "—"),
        ("问题类别", ref.category_path(case.category_code)),
        ("地址", case.address or "—"),
        ("问题描述", case.description),
        ("原办理期限", f"{then.due:%Y-%m-%d %H:%M}" if then.due else "—"),
        ("超期情况", _late_words(then.due, supervised_at, ctx.calendar)),
        ("督办意见", latest.payload["note"]),
    ]
    meeting = (
        '<p class="note"><b>本案已多次督办仍未办结，列入下次联席会议议题。</b></p>'
        if escalated(len(supervisions), then.finished)
        else ""
    )
    issuer = ref.township.issuer
    office = ref.departments[office_unit(ref.departments)].name  # as the township names it
    handler = ref.user_name(latest.actor_id)
    leader = responsible_leader(handler, signer_of(db, latest.id)[1])
    parent = ref.departments.get(lead.parent_code or "") if lead else None
    e = escape
    html = f"""{SLIP_STYLE}{OFFICIAL_STYLE}
{number_line(document_number(ref.township.name, SUPERVISION, issue))}
<h1>督 办 单</h1>
<p class="sub">{e(issuer)}</p>
<p class="to">{e(lead.name if lead else office)}：</p>
<p class="body">{INDENT}你单位{"牵头办理" if lead else "负责研判"}的下列案件\
{_opening(then.due, supervised_at)}，现予督办。\
{_reply_words(latest.payload.get("reply_by"))}反馈时请注明校验码 {code}。</p>
{label_table(cells)}
{meeting}
"""
    end = f"""<h2>办理情况（由牵头单位填写）</h2>
<table width="100%" cellspacing="0">
<tr><td class="k">办理结果</td><td width="78%"><br/><br/><br/></td></tr>
<tr><td class="k">单位签章</td><td><br/><br/></td></tr>
</table>
{closing_block(office, handler, leader, issuer, issue.day)}
{copy_line("抄送", [parent.name] if parent else [])}"""
    return Notice(html, end, code)


def _standing(db: Database, events: list[Event], supervision: Event) -> Standing:
    """Fold the case's events up to the supervision: its lead, helpers and deadline then."""
    key = (supervision.hlc, supervision.device_id, supervision.device_seq)
    before = [e for e in events if (e.hlc, e.device_id, e.device_seq) <= key]
    rows = project_case(before, context_for(db))
    if rows is None:  # the registration has not arrived on this device: nothing to tell
        return Standing(None, [], None, False)
    case = rows.case
    due = case["handle_due_at"] or case["sign_due_at"] or case["step_due_at"]
    return Standing(
        case["lead_unit"],
        json.loads(case["cooperating_units"] or "[]"),
        parse_local(due) if due else None,
        case["finished_at"] is not None,
    )


def _late_words(due: datetime | None, at: datetime, calendar: WorkCalendar) -> str:
    """How late the case was at the supervision, in working days (not how late it is now)."""
    if due is None:
        return "督办时无计时期限（已暂停或已办结）"
    if at <= due:
        return "督办时尚未超期"
    days = working_days_late(due, at.date(), calendar)
    return f"督办时已超期 {days} 个工作日" if days else "督办时已超期（不足 1 个工作日）"


def _opening(due: datetime | None, at: datetime) -> str:
    return "已超过办理期限" if due is not None and at > due else "办理进度滞后"


def _reply_words(reply_by: str | None) -> str:
    """The new deadline chosen when supervising; a line to fill in when none was chosen
    (supervisions recorded before it was asked)."""
    when = date_words(date.fromisoformat(reply_by)) if reply_by else BLANK_DAY
    return f"请于 {when} 前办结并书面回复，"


def supervision_notice_document(db: Database, number: str) -> tuple[Document, str]:
    notice = supervision_notice(db, number)
    title = f"督办单 {number}"
    return Document(title, keeping_end_together(notice.main, notice.end, title)), notice.code


def write_supervision_notice(db: Database, number: str, out: Path) -> str:
    document, code = supervision_notice_document(db, number)
    write_document(document, out)
    return code
