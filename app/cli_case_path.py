"""``towndesk case act``, ``towndesk overdue``, ``towndesk calls`` and transfers (``case
transfers``, ``towndesk transfer-letter``, the sender on ``case add``): the case path."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.cli import database_path
from app.cli_output import print_json, print_table
from app.core.case_path.decide import Request
from app.core.case_path.queues import escalated
from app.core.case_path.rules import FINISHED
from app.core.case_path.steps import CALL_STATUS_NAMES, Action
from app.core.errors import DomainError
from app.core.model import CaseStatus, chinese
from app.core.transfers import IN, TRANSFER_OUTCOMES, Transfer
from app.store import reference
from app.store.setup import open_database

CLOCK_WORDS = {"sign": "签收", "handle": "处置", "call_ack": "响应", "call_arrive": "到场"}
TRANSFER_STEPS = (
    Action.TRANSFER,
    Action.TRANSFER_POLICE,
    Action.TRANSFER_RECEIPT,
    Action.TRANSFER_OUTCOME,
)
STATE_WORDS = {
    "on_time": "正常",
    "due_soon": "临期",
    "overdue": "超期",
    "paused": "暂停",
    "done": "已完成",
}


def add_commands(commands, case_commands, database_option, actor_option) -> None:  # type: ignore[no-untyped-def]
    p = case_commands.add_parser("act", help="办理案件：派遣、呼叫、签收、反馈、核查、结案……")
    database_option(p)
    actor_option(p)
    p.add_argument("number", help="案件编号")
    p.add_argument(
        "action",
        choices=[a.value for a in Action],
        metavar="ACTION",
        help="、".join(a.value for a in Action),
    )
    p.add_argument("--to", help="派遣/呼叫的部门编码，或移送的机关名称")
    p.add_argument("--with", dest="with_units", nargs="+", default=[], help="配合单位编码")
    p.add_argument("--reason", default="")
    p.add_argument("--note", default="")
    p.add_argument("--days", type=int, help="延期的工作日数")
    p.add_argument("--until", help="挂账到哪一天 YYYY-MM-DD")
    result = p.add_mutually_exclusive_group()
    result.add_argument("--pass", dest="passed", action="store_true", default=None)
    result.add_argument("--fail", dest="passed", action="store_false")
    p.add_argument("--into", help="合并到的案件编号")
    p.add_argument("--offence", default="", help="涉嫌罪名（移送公安）")
    p.add_argument("--threshold", default="", help="达到追诉标准的理由（移送公安）")
    p.add_argument("--override-reason", default="", help="不按清单建议分拨时的理由")
    p.add_argument("--received-by", default="", help="回执的签收单位或签收人（登记移送回执）")
    p.add_argument(
        "--outcome",
        choices=TRANSFER_OUTCOMES,
        default="",
        help="接收机关的处理结果：accepted 受理/立案、declined 不予受理/不予立案、returned 退回",
    )
    p.add_argument(
        "--not-our-duty", action="store_true", help="回退时声明不属本单位职责（提出职责争议）"
    )
    p.add_argument(
        "--cite", nargs="+", default=[], metavar="CODE", help="职责争议引用的清单事项编码"
    )
    p.add_argument("--urgent", action="store_true")
    p.add_argument("--photo", nargs="+", type=Path, default=[])
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=case_act)

    p = commands.add_parser("tasks", help="待我办理的案件（按期限先后）")
    database_option(p)
    actor_option(p, "clerk")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=tasks)

    p = commands.add_parser("overdue", help="超期案件")
    database_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=overdue)

    p = commands.add_parser("calendar", help="工作日历：法定节假日之外的例外日期")
    database_option(p)
    actor_option(p)
    p.add_argument("--year", type=int, help="查看某年是否已有节假日安排")
    p.add_argument("--set", dest="day", help="设定某一天 YYYY-MM-DD")
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--working", dest="working", action="store_true", default=None)
    kind.add_argument("--off", dest="working", action="store_false")
    p.add_argument("--note", default="")
    p.add_argument("--office", help="办公时间，如 08:30-17:30（影响所有期限）")
    p.set_defaults(handler=calendar)

    p = commands.add_parser("response", help="设置区直部门的响应承诺（紧急呼叫时限）")
    database_option(p)
    actor_option(p)
    p.add_argument("department", help="区直部门编码，如 YJJ")
    p.add_argument("--ack", type=int, required=True, help="响应时限（分钟）")
    p.add_argument("--arrive", type=int, required=True, help="到场时限（分钟）")
    p.add_argument("--handle", type=int, required=True, help="办结时限（工作日）")
    p.set_defaults(handler=response)

    for name, kind, title in (
        ("notice", "supervision_notice", "督办单"),
        ("call-slip", "call_slip", "呼叫单"),
        ("transfer-letter", "transfer_letter", "移送函"),
    ):
        p = commands.add_parser(name, help=f"打印{title}（PDF）")
        database_option(p)
        p.add_argument("number", help="案件编号")
        p.add_argument("-o", "--output", required=True, type=Path)
        p.set_defaults(handler=slip, kind=kind, title=title)

    _transfer_commands(case_commands, database_option)

    p = commands.add_parser("calls", help="对区直部门的呼叫及响应计时")
    database_option(p)
    p.add_argument("--open", action="store_true", help="只看未确认办结的呼叫")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=calls)


def case_act(args: argparse.Namespace) -> int:
    from app.store.blobs import BlobStore
    from app.store.case_actions import act

    path = database_path(args)
    db = open_database(path)
    user = reference.user_by_name(db, args.username)
    request = Request(
        action=Action(args.action),
        to=args.to,
        with_units=tuple(args.with_units),
        reason=args.reason,
        note=args.note,
        days=args.days,
        until=args.until,
        passed=args.passed,
        into=args.into,
        offence=args.offence,
        urgent=args.urgent,
        override_reason=args.override_reason,
        not_our_duty=args.not_our_duty,
        cited=tuple(args.cite),
        threshold=args.threshold,
        received_by=args.received_by,
        outcome=args.outcome,
    )
    case = act(
        db, BlobStore.beside(path), user, args.number, request, args.photo, wall=args.clock.wall
    )
    if args.json:
        print_json(case_path_json(db, case.id, args.clock.now()))
    else:
        print(f"{case.number}：{chinese(case.status)}{_transfer_note(db, case.id, request)}")
    return 0


def case_path_json(db, case_id: str, now: datetime) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Status, units, open calls with their clocks, and deadlines: added to ``case show``."""
    import json

    from app.store.clocks import calls as all_calls
    from app.store.clocks import case_clocks
    from app.store.transfers import transfers_of

    row = db.execute(
        "SELECT number, status, route, lead_unit, cooperating_units, extension_days, "
        "parked_until, supervision_count, rework_count FROM cases WHERE id = ?",
        [case_id],
    ).fetchone()
    number = row[0]
    return {
        "number": number,
        "status": row[1],
        "status_name": chinese(CaseStatus(row[1])),
        "route": row[2],
        "lead_unit": row[3],
        "cooperating_units": json.loads(row[4]),
        "extension_days": row[5],
        "parked_until": row[6],
        "supervision_count": row[7],
        "escalated_to_joint_meeting": escalated(row[7], CaseStatus(row[1]) in FINISHED),
        "rework_count": row[8],
        "deadlines": [_clock_json(c) for c in case_clocks(db, case_id, now)],
        "open_calls": [_call_json(c) for c in all_calls(db, now, open_only=True, case_id=case_id)],
        "transfers": [transfer_json(t, now.date()) for t in transfers_of(db, case_id)],
    }


def _clock_json(clock) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return {
        "kind": clock.kind,
        "due": clock.due,
        "state": clock.state.value,
        "overdue": clock.overdue,
    }


def _call_json(call) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    data = asdict(call)
    data["clocks"] = [_clock_json(c) for c in call.clocks]
    return data


def overdue(args: argparse.Namespace) -> int:
    from app.store.clocks import overdue_cases

    db = open_database(database_path(args))
    ref = reference.ReferenceData(db)
    rows = overdue_cases(db, args.clock.now())
    if args.json:
        print_json([asdict(row) for row in rows])
        return 0
    print_table(
        ["案件编号", "超期环节", "应完成时间", "牵头单位", "状态"],
        [
            [
                r.number,
                CLOCK_WORDS[r.kind],
                r.due[:16],
                ref.department_name(r.lead_unit or "—"),
                chinese(CaseStatus(r.status)),
            ]
            for r in rows
        ],
    )
    print(f"共 {len(rows)} 件超期")
    return 0


def calls(args: argparse.Namespace) -> int:
    from app.store.clocks import calls as call_list

    db = open_database(database_path(args))
    ref = reference.ReferenceData(db)
    rows = call_list(db, args.clock.now(), open_only=args.open)
    if args.json:
        print_json([_call_json(c) for c in rows])
        return 0
    print_table(
        ["案件编号", "被呼叫部门", "紧急", "呼叫时间", "进度", "响应", "到场"],
        [
            [
                c.case_number,
                ref.department_name(c.department),
                "是" if c.urgent else "",
                c.called_at[:16],
                CALL_STATUS_NAMES[c.status],
                *(STATE_WORDS[k.state.value] for k in c.clocks),
            ]
            for c in rows
        ],
    )
    return 0


def slip(args: argparse.Namespace) -> int:
    from app.reports.slips import write_slip

    db = open_database(database_path(args))
    code = write_slip(db, args.kind, args.number, args.output)
    print(f"已生成{args.title}：{args.output}（校验码 {code}）")
    return 0


def calendar(args: argparse.Namespace) -> int:
    from app.store.calendar_days import known_year, overrides, set_day, set_office_hours

    db = open_database(database_path(args))
    if args.office:
        start, _, end = args.office.partition("-")
        user = reference.user_by_name(db, args.username)
        moved = set_office_hours(db, user, start, end, wall=args.clock.wall)
        print(f"办公时间已设为 {args.office}，{moved} 件在办案件的期限已重新计算。")
    if args.day:
        if args.working is None:
            raise DomainError("calendar_kind_missing")
        user = reference.user_by_name(db, args.username)
        moved = set_day(db, user, args.day, args.working, args.note, wall=args.clock.wall)
        kind = "工作日" if args.working else "休息日"
        print(f"已将 {args.day} 设为{kind}，{moved} 件在办案件的期限已重新计算。")
    year = args.year or args.clock.today().year
    if not known_year(db, year):
        print(f"注意：{year} 年的法定节假日安排尚未录入，暂按周一至周五计算工作日。")
    for day in overrides(db):
        print(f"{day.day}  {'工作日' if day.working else '休息日'}  {day.note}")
    return 0


def tasks(args: argparse.Namespace) -> int:
    from app.store.queues import my_tasks

    db = open_database(database_path(args))
    user = reference.user_by_name(db, args.username)
    rows = my_tasks(db, user)
    if args.json:
        print_json([asdict(row) for row in rows])
        return 0
    print_table(
        ["案件编号", "状态", "期限", "问题描述"],
        [
            [t.number, chinese(CaseStatus(t.status)), (t.due or "—")[:16], t.description[:28]]
            for t in rows
        ],
    )
    print(f"共 {len(rows)} 件待办")
    return 0


def response(args: argparse.Namespace) -> int:
    from app.core.model import ResponseCommitment
    from app.store.setup import set_response_commitment

    db = open_database(database_path(args))
    user = reference.user_by_name(db, args.username)
    commitment = ResponseCommitment(args.ack, args.arrive, args.handle)
    set_response_commitment(db, user, args.department, commitment, wall=args.clock.wall)
    print(
        f"{args.department.upper()}：紧急呼叫 {args.ack} 分钟内响应，{args.arrive} 分钟内到场，"
        f"{args.handle} 个工作日内办结（一般呼叫的分钟数加倍）。"
    )
    return 0


# -- transfers (案件移送, 行刑衔接) -------------------------------------------------------------


def _transfer_commands(case_commands, database_option) -> None:  # type: ignore[no-untyped-def]
    p = case_commands.add_parser("transfers", help="移送的案件：移送函号、回执、处理结果")
    database_option(p)
    p.add_argument("--waiting", action="store_true", help="只看还在等回执或处理结果的移送")
    p.add_argument("--case", dest="number", help="只看某件案件的移送（移出和移入）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=transfers)


def transfers(args: argparse.Namespace) -> int:
    from app.store.cases import case_by_number
    from app.store.transfers import all_transfers, transfers_of, waiting_transfers

    db = open_database(database_path(args))
    if args.number:
        rows = transfers_of(db, case_by_number(db, args.number).id)
        rows = [t for t in rows if t.waiting_for] if args.waiting else rows
    else:
        rows = waiting_transfers(db) if args.waiting else all_transfers(db)
    today = args.clock.today()
    if args.json:
        print_json([transfer_json(t, today) for t in rows])
        return 0
    print_table(
        ["移送函号", "案件编号", "方向", "移送/来文单位", "移送时间", "回执", "处理结果", "等待"],
        [_transfer_cells(t, today) for t in rows],
    )
    waiting = sum(1 for t in rows if t.waiting_for)
    print(f"共 {len(rows)} 件移送，其中 {waiting} 件在等对方回执或处理结果")
    return 0


def _transfer_cells(t: Transfer, today: date) -> list[str]:
    words = t.waiting_words()
    outcome = t.outcome_words()
    return [
        t.letter_no or "—",
        t.case_number,
        "移入" if t.direction == IN else ("移送公安" if t.police else "移出"),
        t.counterpart,
        t.sent_at[:16],
        f"{t.receipt_at[:10]} {t.receipt_by}" if t.receipt_at else "—",
        f"{outcome.zh}（{t.outcome_at[:10] if t.outcome_at else ''}）" if outcome else "—",
        f"{words.zh} {t.days_waiting(today)} 天" if words else "",
    ]


def transfer_json(t: Transfer, today: date) -> dict[str, Any]:
    outcome, waiting = t.outcome_words(), t.waiting_words()
    return asdict(t) | {
        "outcome_name": outcome.zh if outcome else None,
        "waiting_for": t.waiting_for,
        "waiting_name": waiting.zh if waiting else None,
        "days_waiting": t.days_waiting(today),
    }


def _transfer_note(db, case_id: str, request: Request) -> str:  # type: ignore[no-untyped-def]
    """After a transfer step: the letter it concerns, and how to print it or the answer."""
    from app.store.transfers import latest_transfer_out

    if request.action not in TRANSFER_STEPS:
        return ""
    transfer = latest_transfer_out(db, case_id)
    if transfer is None:
        return ""
    outcome = transfer.outcome_words()
    if request.action == Action.TRANSFER_OUTCOME and outcome is not None:
        return f"（{transfer.letter_no}：{outcome}）"
    if request.action == Action.TRANSFER_RECEIPT:
        return f"（{transfer.letter_no}：回执已登记，签收 {transfer.receipt_by}）"
    command = f"towndesk transfer-letter {transfer.case_number} -o 移送函.pdf"
    return f"（移送函 {transfer.letter_no}；打印：{command}）"
