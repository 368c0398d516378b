"""``towndesk meeting members | agenda | schedule | minutes | decisions | done | show | list``:
joint meetings (联席会议), their agendas, minutes and decisions, from the command line."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.cli.context import Commands, CommonOptions, Context, command_group
from app.cli.output import print_json, print_table, shortened
from app.core.errors import DomainError
from app.core.meetings import AgendaItem, DecisionDraft, Meeting, MeetingDecision
from app.store import meetings as m
from app.store.agenda import propose_agenda
from app.store.disputes import dispute_for_ref
from app.store.reference import departments

MINUTES_EPILOG = """决议（--decision，可重复）的写法：
  内容|责任单位|YYYY-MM-DD
  内容|责任单位|YYYY-MM-DD|争议编号或案件编号|牵头单位[,配合单位...]
  内容|责任单位|YYYY-MM-DD|争议编号或案件编号|牵头单位[,配合单位...]|amend
第一种只记决议；后两种同时裁定这项职责争议，加 amend 表示据此对职责边界清单作本镇修订
（官方清单不变）。
例：--decision "出租屋消防检查由派出所牵头|PCS|2026-12-31|QS-20261118-LE0001|PCS,YJJ|amend"

纪要也可以写在 JSON 文件里（--file），适合内容较长或含“|”的决议：
{"summary": "会议情况……", "attendees": ["ZHB", "PCS"],
 "decisions": [{"text": "……", "owner": "PCS", "deadline": "2026-12-31",
                "dispute": "QS-20261118-LE0001", "lead": "PCS", "cooperating": ["YJJ"],
                "amend_list": true}]}
dispute 可填争议编号或案件编号；attendees 不填则为排定的参会单位。"""
AGENDA_EPILOG = """议题文件（--set、schedule --agenda）与 --json 输出的格式相同：
[{"kind": "dispute|supervised|overdue|cross|other", "ref": "争议编号或案件编号",
  "title": "……", "detail": "……"}]
可先用 --json 导出建议议题，删改后再导入。"""


def register(commands: Commands, common: CommonOptions) -> None:
    actions = command_group(commands, "meeting", "联席会议：成员单位、议程、纪要、决议")
    raw = argparse.RawDescriptionHelpFormatter
    acting = [common.database, common.user, common.json]
    reading = [common.database, common.user, common.json]

    p = actions.add_parser("members", help="查看或设置联席会议成员单位", parents=acting)
    p.add_argument("--set", nargs="+", metavar="CODE", help="成员单位编码（整体替换），如 PCS SCJG")
    p.set_defaults(handler=members)

    p = actions.add_parser(
        "agenda",
        help="议程：今天的建议议题，或某次会议的议程",
        epilog=AGENDA_EPILOG,
        formatter_class=raw,
        parents=acting,
    )
    p.add_argument("--meeting", type=int, metavar="N", help="第 N 次会议（不填：今天的建议议题）")
    p.add_argument("--set", type=Path, metavar="FILE", help="用 JSON 文件替换第 N 次会议的议程")
    p.add_argument("-o", "--output", type=Path, help="打印议程为 PDF")
    p.set_defaults(handler=agenda)

    p = actions.add_parser(
        "schedule", help="排定下一次联席会议（议程默认为建议议题）", parents=acting
    )
    p.add_argument("--at", required=True, metavar="'YYYY-MM-DD HH:MM'", help="会议时间")
    p.add_argument("--place", required=True, help="会议地点")
    p.add_argument("--chair", required=True, help="主持人")
    p.add_argument("--attend", nargs="+", metavar="CODE", help="参会单位编码（默认：成员单位）")
    p.add_argument("--agenda", type=Path, metavar="FILE", help="议程 JSON 文件（默认：建议议题）")
    p.set_defaults(handler=schedule)

    p = actions.add_parser(
        "minutes",
        help="录入第 N 次会议的纪要和决议（每次会议一次）",
        epilog=MINUTES_EPILOG,
        formatter_class=raw,
        parents=acting,
    )
    p.add_argument("number", type=int, metavar="N")
    p.add_argument("--summary", help="会议情况")
    p.add_argument(
        "--decision",
        dest="decisions",
        action="append",
        default=[],
        metavar="'内容|单位|期限'",
        help="决议，可重复（写法见下）",
    )
    p.add_argument("--attend", nargs="+", metavar="CODE", help="实际参会单位（默认：排定的）")
    p.add_argument("--file", type=Path, help="纪要 JSON 文件（见下）")
    p.set_defaults(handler=minutes)

    p = actions.add_parser("decisions", help="会议决议及落实情况", parents=reading)
    p.add_argument("--open", action="store_true", help="只看未落实的（按期限排）")
    p.set_defaults(handler=list_decisions)

    p = actions.add_parser("done", help="登记一项决议已落实", parents=acting)
    p.add_argument("decision", metavar="DECISION", help="决议编号，或“N-K”（第 N 次会议第 K 项）")
    p.add_argument("--note", required=True, help="落实情况")
    p.set_defaults(handler=done)

    p = actions.add_parser("show", help="查看第 N 次会议；-o 打印纪要为 PDF", parents=reading)
    p.add_argument("number", type=int, metavar="N")
    p.add_argument("-o", "--output", type=Path, help="纪要 PDF")
    p.set_defaults(handler=show)

    p = actions.add_parser("list", help="历次联席会议", parents=reading)
    p.set_defaults(handler=list_meetings)


def _names(db: Database) -> dict[str, str]:
    return {d.code: d.name for d in departments(db)}


# ----------------------------------------------------------------------- commands


def members(ctx: Context) -> int:
    args, db = ctx.args, ctx.db
    if args.set:
        m.set_members(db, ctx.user, args.set, wall=ctx.clock.wall)
    names = _names(db)
    units = m.members(db)
    if ctx.json:
        print_json([{"unit": u, "name": names.get(u, u)} for u in units])
    elif units:
        print(f"联席会议成员单位（{len(units)} 个）：")
        for unit in units:
            print(f"  {unit}\t{names.get(unit, unit)}")
    else:
        print("还没有设置成员单位：towndesk meeting members --set PCS SCJG ...")
    return 0


def agenda(ctx: Context) -> int:
    from app.reports.meeting_pdf import write_agenda

    args, db = ctx.args, ctx.db
    meeting = m.meeting_by_number(db, args.meeting) if args.meeting else None
    if args.set:
        if meeting is None:
            raise DomainError("agenda_meeting_missing")
        meeting = m.set_agenda(
            db, ctx.user, meeting.id, _agenda_file(args.set), wall=ctx.clock.wall
        )
    items = meeting.agenda if meeting else propose_agenda(db, ctx.clock.today())
    if args.output:
        write_agenda(db, meeting, args.output, items)
    if ctx.json:
        print_json([asdict(item) for item in items])
        return 0
    today = ctx.clock.today()
    heading = f"第 {meeting.number} 次联席会议议程" if meeting else f"建议议题（{today}）"
    print(f"{heading}：共 {len(items)} 项")
    for n, item in enumerate(items, 1):
        print(f"{n:>3}. [{item.kind_name}] {item.title}\n     {item.detail}")
    if args.output:
        print(f"已打印：{args.output}")
    return 0


def schedule(ctx: Context) -> int:
    args, db = ctx.args, ctx.db
    user = ctx.user
    attendees = args.attend if args.attend is not None else m.members(db)
    items = _agenda_file(args.agenda) if args.agenda else None
    meeting = m.schedule_meeting(
        db, user, args.at, args.place, args.chair, attendees, items, wall=ctx.clock.wall
    )
    if ctx.json:
        print_json(meeting_json(db, meeting, ctx.clock.today()))
    else:
        print(
            f"已排定第 {meeting.number} 次联席会议：{meeting.held_on}，{meeting.place}，"
            f"议题 {len(meeting.agenda)} 项。"
        )
    return 0


def minutes(ctx: Context) -> int:
    args, db = ctx.args, ctx.db
    user = ctx.user
    meeting = m.meeting_by_number(db, args.number)
    summary, drafts, attendees = _minutes_file(args.file) if args.file else ("", [], None)
    summary = args.summary if args.summary is not None else summary
    drafts = drafts + [_decision_line(line) for line in args.decisions]
    attendees = args.attend if args.attend is not None else attendees
    drafts = [_with_dispute_id(db, d) for d in drafts]
    meeting = m.record_minutes(
        db, user, meeting.id, summary, drafts, attendees, wall=ctx.clock.wall
    )
    if ctx.json:
        print_json(meeting_json(db, meeting, ctx.clock.today()))
    else:
        settled = sum(1 for d in meeting.decisions if d.dispute_id)
        print(
            f"已录入第 {meeting.number} 次联席会议纪要：决议 {len(meeting.decisions)} 项"
            + (f"，裁定职责争议 {settled} 项。" if settled else "。")
        )
    return 0


def list_decisions(ctx: Context) -> int:
    args, db = ctx.args, ctx.db
    found = m.open_decisions(db) if args.open else m.decisions(db)
    today = ctx.clock.today()
    if ctx.json:
        print_json([decision_json(d, today) for d in found])
        return 0
    rows = [
        [
            f"{d.meeting_number}-{d.position}",
            shortened(d.text, 30),
            d.owner_name,
            d.deadline,
            _state_words(d, today),
        ]
        for d in found
    ]
    print_table(["编号", "决议", "责任单位", "期限", "落实情况"], rows)
    print(f"共 {len(found)} 项。")
    return 0


def done(ctx: Context) -> int:
    args, db = ctx.args, ctx.db
    decision = m.decision_by_ref(db, args.decision)
    decision = m.mark_done(db, ctx.user, decision.id, args.note, wall=ctx.clock.wall)
    if ctx.json:
        print_json(decision_json(decision, ctx.clock.today()))
    else:
        print(f"已登记落实：第 {decision.meeting_number} 次会议第 {decision.position} 项决议。")
    return 0


def show(ctx: Context) -> int:
    from app.reports.meeting_pdf import write_minutes

    args, db = ctx.args, ctx.db
    meeting = m.meeting_by_number(db, args.number)
    if args.output:
        write_minutes(db, meeting, args.output)
    if ctx.json:
        print_json(meeting_json(db, meeting, ctx.clock.today()))
        return 0
    names = _names(db)
    print(f"第 {meeting.number} 次联席会议  {meeting.held_on}  {meeting.place}")
    print(f"主持人：{meeting.chair}")
    print(f"参会单位：{'、'.join(names.get(u, u) for u in meeting.attendees)}")
    print(f"议题（{len(meeting.agenda)} 项）：")
    for n, item in enumerate(meeting.agenda, 1):
        print(f"{n:>3}. {item.title}")
    if not meeting.held:
        print("纪要：尚未录入。")
        return 0
    print(f"纪要（{meeting.minutes_at}）：\n{meeting.summary}\n决议：")
    today = ctx.clock.today()
    for d in meeting.decisions:
        state = _state_words(d, today)
        print(f"{d.position:>3}. {d.text}（{d.owner_name}，{d.deadline} 前）{state}")
    for s in m.settlements(db, meeting):
        change = ""
        if s.amended_item:  # a version of the list before schema 12, a local amendment since
            change = f"，{'修改' if s.list_version else '本镇修订'}边界清单 {s.amended_item}"
        print(f"     第 {s.position} 项裁定案件 {s.case_number} 的职责争议：{s.lead}牵头{change}")
    if args.output:
        print(f"已打印：{args.output}")
    return 0


def list_meetings(ctx: Context) -> int:
    db = ctx.db
    found = m.meetings(db)
    if ctx.json:
        print_json([meeting_json(db, meeting, ctx.clock.today()) for meeting in found])
        return 0
    rows = [
        [
            str(x.number),
            x.held_on,
            x.place,
            str(len(x.agenda)),
            f"{len(x.decisions)} 项" if x.held else "未录入",
        ]
        for x in found
    ]
    print_table(["次", "时间", "地点", "议题", "决议"], rows)
    return 0


# ----------------------------------------------------------------------- shapes


def meeting_json(db: Database, meeting: Meeting, today: date) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "number": meeting.number,
        "held_on": meeting.held_on,
        "place": meeting.place,
        "chair": meeting.chair,
        "attendees": meeting.attendees,
        "agenda": [asdict(item) for item in meeting.agenda],
        "summary": meeting.summary,
        "minutes_at": meeting.minutes_at,
        "decisions": [decision_json(d, today) for d in meeting.decisions],
        "settlements": [asdict(s) for s in m.settlements(db, meeting)] if meeting.held else [],
    }


def decision_json(d: MeetingDecision, today: date) -> dict[str, Any]:
    return asdict(d) | {"ref": f"{d.meeting_number}-{d.position}", "overdue": d.overdue(today)}


def _state_words(d: MeetingDecision, today: date) -> str:
    if d.done_at:
        return f"{d.done_at[:10]} 已落实"
    return "已超期" if d.overdue(today) else "待落实"


# ----------------------------------------------------------------------- input files


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DomainError("meeting_file_invalid", value=str(path), reason=str(error)) from None


def _agenda_file(path: Path) -> list[AgendaItem]:
    data = _read_json(path)
    try:
        return [
            AgendaItem(
                str(i["kind"]), str(i.get("ref", "")), str(i["title"]), str(i.get("detail", ""))
            )
            for i in data
        ]
    except (TypeError, KeyError) as error:
        reason = f"每个议题需要 kind 和 title（{error}）"
        raise DomainError("meeting_file_invalid", value=str(path), reason=reason) from None


def _minutes_file(path: Path) -> tuple[str, list[DecisionDraft], list[str] | None]:
    data = _read_json(path)
    try:
        drafts = [
            DecisionDraft(
                str(d["text"]),
                str(d["owner"]),
                str(d["deadline"]),
                d.get("dispute") or d.get("dispute_id"),
                d.get("lead"),
                tuple(d.get("cooperating", ())),
                bool(d.get("amend_list", False)),
            )
            for d in data.get("decisions", [])
        ]
        return str(data.get("summary", "")), drafts, data.get("attendees")
    except (TypeError, KeyError, AttributeError) as error:
        reason = f"每项决议需要 text、owner 和 deadline（{error}）"
        raise DomainError("meeting_file_invalid", value=str(path), reason=reason) from None


def _decision_line(line: str) -> DecisionDraft:
    """``内容|责任单位|期限[|争议|牵头[,配合...][|amend]]``"""
    parts = [part.strip() for part in line.split("|")]
    if len(parts) not in (3, 5, 6) or (len(parts) == 6 and parts[5].lower() != "amend"):
        raise DomainError("decision_line_invalid", value=line)
    text, owner, deadline = parts[:3]
    if len(parts) == 3:
        return DecisionDraft(text, owner, deadline)
    lead, *cooperating = [u for u in parts[4].split(",") if u.strip()] or [""]
    return DecisionDraft(
        text, owner, deadline, parts[3], lead, tuple(cooperating), amend_list=len(parts) == 6
    )


def _with_dispute_id(db: Database, draft: DecisionDraft) -> DecisionDraft:
    """A case number typed for the dispute becomes that case's dispute id."""
    if not (draft.dispute_id or "").strip():
        return draft
    return replace(draft, dispute_id=dispute_for_ref(db, str(draft.dispute_id)))
