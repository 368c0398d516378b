"""Printed joint-meeting papers (联席会议): the agenda handed out before the meeting, and the
minutes (纪要) with its decisions, the disputes they settled and the list items they changed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path

from sqlite_utils import Database

from app.core.documents import minutes_distribution, minutes_issue_number
from app.core.errors import DomainError
from app.core.meetings import HELD_ON_FORMAT, KIND_NAMES, AgendaItem, Meeting
from app.core.model import office_unit
from app.reports.official import OFFICIAL_STYLE, copy_line, number_line, seal_block
from app.reports.pdf import (
    SLIP_STYLE,
    Document,
    keeping_end,
    label_table,
    on_new_page,
    write_document,
)
from app.store.documents import issue_of, members_at, minutes_event_id, units_concerned
from app.store.meetings import Settlement, members, settlements
from app.store.reference import departments, township

WEEKDAYS = "一二三四五六日"
PAPER_STYLE = """
<style>
 table.grid { border-collapse: collapse; }
 table.grid th { border: 1px solid #555; padding: 5px 6px; background: #eef2f7;
                 font-size: 10.5pt; }
 table.grid td { font-size: 10.5pt; padding: 5px 6px; }
 td.n { text-align: center; width: 6%; }
 td.day { white-space: nowrap; }
 p.body { font-size: 11pt; line-height: 150%; }
 span.detail { color: #333; font-size: 9.5pt; }
 table.sign { margin-top: 30px; }
 table.sign td { border: none; padding: 10px 0; font-size: 11pt; }
 p.copy-to { font-size: 11pt; margin-top: 8px; }
</style>
"""


def held_on_words(held_on: str) -> str:
    """``2026年12月3日（星期四）09:30``"""
    when = datetime.strptime(held_on, HELD_ON_FORMAT)
    return f"{when.year}年{when.month}月{when.day}日（星期{WEEKDAYS[when.weekday()]}）{when:%H:%M}"


def _deadline_words(day: str) -> str:
    year, month, dom = (int(part) for part in day.split("-"))
    return f"{year}年{month}月{dom}日"


def _unit_names(db: Database, codes: list[str]) -> str:
    names = {d.code: d.name for d in departments(db)}
    return "、".join(names.get(code, code) for code in codes) or "—"


def _heading(db: Database, title: str, sub: str) -> str:
    town = township(db)
    issuer = f"{escape(town.issuer)} · "
    return (
        f"{SLIP_STYLE}{PAPER_STYLE}<h1>{title}</h1>"
        f'<p class="sub">{issuer}{escape(town.name)}{escape(sub)}</p>'
    )


# ----------------------------------------------------------------------- the agenda


def agenda_html(
    db: Database, meeting: Meeting | None, items: list[AgendaItem] | None = None
) -> str:
    """The agenda of ``meeting``; without one, the proposed ``items`` as a draft whose time,
    place and chair are left to fill in."""
    agenda = meeting.agenda if meeting else (items or [])
    if meeting:
        sub = f"综合行政执法联席会议 · 第 {meeting.number} 次会议"
        cells = [
            ("会议时间", held_on_words(meeting.held_on)),
            ("会议地点", meeting.place),
            ("主持人", meeting.chair),
            ("参会单位", _unit_names(db, meeting.attendees)),
        ]
    else:
        sub = "综合行政执法联席会议 · 议题建议稿"
        cells = [("会议时间", "\u3000"), ("会议地点", "\u3000"), ("主持人", "\u3000")]
        member_units = members(db)
        cells.append(("成员单位", _unit_names(db, member_units) if member_units else ""))
    cells.append(("议题", _count_words(agenda)))
    title = "联席会议议程" if meeting else "联席会议议程（建议稿）"
    return f"""{_heading(db, title, sub)}
{label_table(cells)}
<h2>会议议题</h2>
{_agenda_table(agenda)}
<p class="note">请各参会单位对照议题，提前准备本单位的办理情况和意见，会上逐项说明；
涉及职责争议的，请携带所依据的清单条目和法律依据。</p>
"""


def _count_words(agenda: list[AgendaItem]) -> str:
    if not agenda:
        return "无"
    counts = Counter(item.kind for item in agenda)
    parts = [f"{KIND_NAMES[k]} {n} 项" for k, n in counts.items() if k in KIND_NAMES]
    return f"共 {len(agenda)} 项（{'，'.join(parts)}）"


def _agenda_table(agenda: list[AgendaItem]) -> str:
    if not agenda:
        return '<p class="body">本次会议暂无议题。</p>'
    rows = "".join(
        f'<tr><td class="n">{n}</td>'
        f"<td><b>{escape(item.title)}</b><br/>"
        f'<span class="detail">{escape(item.detail)}</span></td></tr>'
        for n, item in enumerate(agenda, 1)
    )
    return (
        '<table class="grid" width="100%" cellspacing="0" border="1" cellpadding="5">'
        "<tr><th>序号</th><th>议题及情况</th></tr>"
        f"{rows}</table>"
    )


def agenda_document(
    db: Database, meeting: Meeting | None, items: list[AgendaItem] | None = None
) -> Document:
    title = f"第 {meeting.number} 次联席会议议程" if meeting else "联席会议议程（建议稿）"
    return Document(title, agenda_html(db, meeting, items))


def write_agenda(
    db: Database, meeting: Meeting | None, out: Path, items: list[AgendaItem] | None = None
) -> Path:
    return write_document(agenda_document(db, meeting, items), out)


# ----------------------------------------------------------------------- the minutes


@dataclass(frozen=True)
class Minutes:
    title: str  # for the PDF's properties
    main: str  # from the heading to the decisions and settled disputes
    closing: str  # the last paragraphs, the signatures and the seal: kept together
    closing_on_new_page: str  # the same, starting a page


def minutes(db: Database, meeting: Meeting) -> Minutes:
    """The minutes (纪要): 期号 and date from the event that recorded them, issued by the
    township's authority; chair, attendees and absent units; the decisions; 主送 the units
    that attended and 抄送 the expected units that did not (core/documents.py)."""
    if not meeting.held:
        raise DomainError("minutes_missing", value=meeting.number)
    town = township(db)
    event_id = minutes_event_id(db, meeting.id)
    issue = issue_of(db, event_id) if event_id else None
    present, absent = minutes_distribution(  # the members when it met, not today's
        meeting.attendees, members_at(db, meeting), units_concerned(db, meeting)
    )
    sub = f"综合行政执法联席会议 · 第 {meeting.number} 次会议"
    cells = [
        ("会议时间", held_on_words(meeting.held_on)),
        ("会议地点", meeting.place),
        ("主持人", meeting.chair),
        ("参会单位", _unit_names(db, present)),
        ("缺席单位", _unit_names(db, absent) if absent else "无"),
        ("议题", _count_words(meeting.agenda)),
    ]
    summary = "<br/>".join(escape(line) for line in meeting.summary.splitlines())
    disputes, kept = _disputes(settlements(db, meeting))
    number = minutes_issue_number(issue) if issue else "（未编号）"
    main = f"""{SLIP_STYLE}{PAPER_STYLE}{OFFICIAL_STYLE}{number_line(number)}
<h1>联席会议纪要</h1><p class="sub">{escape(town.issuer)} · {escape(town.name)}{escape(sub)}</p>
<p class="copy-to">主送：{escape(_unit_names(db, present))}</p>
{label_table(cells)}
<h2>一、会议情况</h2>
<p class="body">{summary}</p>
<h2>二、议定事项</h2>
{_decision_table(meeting)}
{disputes}
"""
    closing = f"""{kept}<p class="note">议定事项由责任单位在期限内落实，并将落实情况报\
{escape(_office_name(db))}；逾期未落实的，列入下次联席会议通报。</p>
<table class="sign" width="100%" cellspacing="0"><tr>
<td width="50%">主持人（签字）：</td><td>记录人（签字）：</td></tr></table>
{seal_block(town.issuer, issue.day if issue else None)}
{copy_line("抄送", [_unit_names(db, [u]) for u in absent])}"""
    title = f"第 {meeting.number} 次联席会议纪要 {number}"
    return Minutes(title, main, closing, on_new_page(closing))


def minutes_html(db: Database, meeting: Meeting) -> str:
    found = minutes(db, meeting)
    return found.main + found.closing


def _office_name(db: Database) -> str:
    units = {d.code: d for d in departments(db)}
    return units[office_unit(units)].name


def _decision_table(meeting: Meeting) -> str:
    if not meeting.decisions:
        return '<p class="body">本次会议未形成需要落实的决议。</p>'
    rows = "".join(
        f'<tr><td class="n">{d.position}</td><td>{escape(d.text)}</td>'
        f'<td width="17%">{escape(d.owner_name)}</td>'
        f'<td width="17%" class="day">{_deadline_words(d.deadline)}</td>'
        f'<td width="17%">{_done_words(d.done_at, d.done_note)}</td></tr>'
        for d in meeting.decisions
    )
    return (
        '<table class="grid" width="100%" cellspacing="0" border="1" cellpadding="5">'
        "<tr><th>序号</th><th>决议内容</th><th>责任单位</th><th>完成期限</th>"
        f"<th>落实情况</th></tr>{rows}</table>"
    )


def _done_words(done_at: str | None, note: str) -> str:
    if not done_at:
        return "待落实"
    return f"{done_at[:10]} 已落实<br/>" + f'<span class="detail">{escape(note)}</span>'


def _disputes(settled: list[Settlement]) -> tuple[str, str]:
    """The settled disputes, one paragraph each as minutes are written: (what goes in the
    body, the last paragraph kept with the signatures). With one dispute its heading is
    kept with it too, so a heading never ends a page alone."""
    if not settled:
        return "", ""
    heading = "<h2>三、职责争议裁定及清单修改</h2>"
    paragraphs = [f'<p class="body">{_settlement_words(s)}</p>' for s in settled]
    if len(paragraphs) == 1:
        return "", heading + paragraphs[0]
    return heading + "".join(paragraphs[:-1]), paragraphs[-1]


def _settlement_words(s: Settlement) -> str:
    e = escape
    words = (
        f"第 {s.position} 项决议：案件 {e(s.case_number)}（{e(s.category)}），"
        f"{e(s.disputed_by)}认为不属本单位职责（理由：{e(s.reasons)}）。"
        f"裁定由{e(s.lead)}牵头"
    )
    if s.cooperating:
        words += f"，{e('、'.join(s.cooperating))}配合"
    words += "。"
    if not s.amended_item:
        return words + "职责边界清单未作修改。"
    name = f"“{e(s.amended_name)}”" if s.amended_name else ""
    if s.list_version is None:  # since schema 12: beside the official list, proposed to 编办
        return words + f"据此对职责边界清单{name}（{e(s.amended_item)}）作本镇修订，报区编办审定。"
    return (
        words
        + f"职责边界清单{name}（{e(s.amended_item)}）据此修改，修改后为第 {s.list_version} 版。"
    )


def write_minutes(db: Database, meeting: Meeting, out: Path) -> Path:
    """Write the PDF. The last paragraphs, the signatures and the seal are kept with the
    text: when they would run onto a page of their own, the last paragraphs start a new
    page with them, so no page holds a signature alone."""
    return write_document(minutes_document(db, meeting), out)


def minutes_document(db: Database, meeting: Meeting) -> Document:
    found = minutes(db, meeting)
    html = keeping_end(found.main, found.closing, found.closing_on_new_page, found.title)
    return Document(found.title, html)
