"""The call slip (呼叫单) for a Y department that does not run TownDesk: issued by the
township's authority with its own number and date, printed, phoned through, and returned
with the times filled in. It names who called and the number to call back on."""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from pathlib import Path

from sqlite_utils import Database

from app.core.documents import CALL, document_number, minutes_words, responsible_leader
from app.core.errors import DomainError
from app.core.model import ResponseCommitment, office_unit
from app.core.slips import verification_code
from app.core.time_limits import call_limits
from app.reports.official import OFFICIAL_STYLE, closing_block, number_line
from app.reports.pdf import SLIP_STYLE, Document, keeping_end_together, label_table, write_document
from app.store.cases import case_by_number
from app.store.documents import call_event_id, issue_of, signer_of
from app.store.reference import ReferenceData


def call_slip_html(db: Database, number: str) -> tuple[str, str]:
    """(HTML, verification code) of the latest call on case ``number``, laid out plainly."""
    slip = call_slip(db, number)
    return slip.main + slip.end, slip.code


@dataclass(frozen=True)
class CallSlip:
    main: str  # from the number to the case's table
    end: str  # the receipt, its note and the signature block: kept together on a page
    code: str  # the verification code


def call_slip(db: Database, number: str) -> CallSlip:
    """The slip of the latest call on case ``number``, in its two parts: the receipt the
    department fills in and returns goes with the signatures, so that a long description
    or many cooperating units never leave the signature lines alone on a page."""
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
    event_id = call_event_id(db, case.id, call_id)
    issue = issue_of(db, event_id) if event_id else None  # the call's event is always here
    caller_id, held = signer_of(db, event_id)
    caller = ref.users.get(caller_id or "")
    office = ref.departments[office_unit(ref.departments)]
    call_back = ref.township.duty_phone or office.duty_phone
    hours = "" if urgent else "（一般呼叫按办公时间计）"
    cells = [
        ("案件编号", case.number),
        ("校验码", code),
        ("被呼叫部门", department.name + _helpers_words(ref, _cooperating(db, event_id))),
        ("部门值班电话", phone or "—"),
        ("呼叫时间", called_at[:16]),
        ("紧急程度", "紧急" if urgent else "一般"),
        (
            "响应要求",
            f"{minutes_words(ack)}内响应，{minutes_words(arrive)}内到场{hours}，"
            f"{days} 个工作日内办结",
        ),
        ("问题类别", ref.category_path(case.category_code)),
        ("网格", ref.grid_name(case.grid_code)),
        ("地址", case.address or "—"),
        ("问题描述", case.description),
        ("呼叫事由", reason),
        ("呼叫人", caller.name if caller else "—"),
        ("回电电话", call_back or "—"),
    ]
    e = escape
    number_text = document_number(ref.township.name, CALL, issue) if issue else "（未编号）"
    leader = responsible_leader(caller.name, held) if caller else ""
    html = f"""{SLIP_STYLE}{OFFICIAL_STYLE}
{number_line(number_text)}
<h1>呼 叫 单</h1>
<p class="sub">{e(ref.township.issuer)}</p>
<p class="to">{e(department.name)}：</p>
{label_table(cells)}
"""
    end = f"""<h2>响应回执（由被呼叫部门填写）</h2>
<table width="100%" cellspacing="0">
<tr><td class="k">响应时间</td><td width="28%">&nbsp;</td>
    <td class="k">到场时间</td><td width="28%">&nbsp;</td></tr>
<tr><td class="k">办结时间</td><td>&nbsp;</td><td class="k">处置人员</td><td>&nbsp;</td></tr>
<tr><td class="k">处置情况</td><td colspan="3"><br/><br/><br/></td></tr>
<tr><td class="k">部门签章</td><td colspan="3"><br/><br/></td></tr>
</table>
<p class="note">响应时请致电 {e(call_back or "呼叫人")} 并告知校验码 {code}。</p>
{
        closing_block(
            office.name,
            caller.name if caller else "",
            leader,
            ref.township.issuer,
            issue.day if issue else None,
        )
    }"""
    return CallSlip(html, end, code)


def _helpers_words(ref: ReferenceData, units: list[str]) -> str:
    """The cooperating units beside the department called, in full as a document names
    them; in the same row, so the slip keeps to one page with its signature block."""
    names = [ref.departments[u].name if u in ref.departments else u for u in units]
    return f"（配合单位：{'、'.join(names)}）" if names else ""


def _cooperating(db: Database, event_id: str | None) -> list[str]:
    """The units named to cooperate when the call was made (``--with``), as its event
    recorded them: the case may have been re-dispatched since."""
    row = db.execute(
        "SELECT json_extract(payload, '$.cooperating_units') FROM events WHERE id = ?",
        [event_id],
    ).fetchone()
    return json.loads(row[0]) if row and row[0] else []


def call_slip_document(db: Database, number: str) -> tuple[Document, str]:
    slip = call_slip(db, number)
    title = f"呼叫单 {number}"
    return Document(title, keeping_end_together(slip.main, slip.end, title)), slip.code


def write_call_slip(db: Database, number: str, out: Path) -> str:
    """Write the PDF; returns the verification code printed on it."""
    document, code = call_slip_document(db, number)
    write_document(document, out)
    return code
