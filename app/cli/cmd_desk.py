"""What a clerk's desk asks of ``towndesk``: my tasks, overdue cases, calls to the district
departments and their clocks, the printed slips (notice, call slip, transfer letter), the
working calendar and the departments' response commitments."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from app.cli.case_output import call_json
from app.cli.context import Commands, CommonOptions, Context
from app.cli.output import print_json, print_table
from app.core.case_path.steps import CALL_STATUS_NAMES
from app.core.errors import DomainError
from app.core.model import CaseStatus, chinese
from app.store.reference import ReferenceData

CLOCK_WORDS = {
    "sign": "签收",
    "handle": "处置",
    "call_ack": "响应",
    "call_arrive": "到场",
    "triage": "研判",
    "verify": "核查",
    "close": "结案",
    "transfer_receipt": "移送回执",
    "transfer_outcome": "移送结果",
    "police_decision": "移送公安审批",
    "police_sending": "移送公安送达",
    "police_outcome": "公安立案决定",
    "police_review": "提请复议期限",
    "police_review_answer": "公安复议决定",
    "police_handover": "移交涉案物品",
}
STATE_WORDS = {
    "on_time": "正常",
    "due_soon": "临期",
    "overdue": "超期",
    "paused": "暂停",
    "done": "已完成",
}
SLIPS = (
    ("notice", "supervision_notice", "督办单"),
    ("call-slip", "call_slip", "呼叫单"),
    ("transfer-letter", "transfer_letter", "移送函"),
)


def register(commands: Commands, common: CommonOptions) -> None:
    p = commands.add_parser(
        "tasks",
        help="待我办理的案件（按期限先后）",
        parents=[common.database, common.user, common.json],
    )
    p.set_defaults(handler=tasks)

    p = commands.add_parser(
        "overdue",
        help="督查督办：超期案件（每件案件每个单位一行）及即将到期的案件",
        parents=[common.database, common.user, common.json],
    )
    p.set_defaults(handler=overdue)

    p = commands.add_parser(
        "calendar",
        help="工作日历：某年的法定节假日安排，本镇的例外日期，办公时间",
        parents=[common.database, common.user],
    )
    p.add_argument("--year", type=int, help="查看（或与 --holiday 一起录入）某年的节假日安排")
    p.add_argument(
        "--holiday",
        action="append",
        default=[],
        metavar="节日:放假起..止:调休上班日",
        help="国务院公布的一个节日的安排，可写多次，如 "
        "春节:2027-02-05..2027-02-11:2027-02-14,2027-02-20；录入后替换该年原有安排",
    )
    p.add_argument("--set", dest="day", help="设定某一天 YYYY-MM-DD")
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--working", dest="working", action="store_true", default=None)
    kind.add_argument("--off", dest="working", action="store_false")
    p.add_argument("--note", default="")
    p.add_argument("--office", help="办公时间，如 08:30-17:30（影响所有期限）")
    p.set_defaults(handler=calendar)

    p = commands.add_parser(
        "response",
        help="设置区直部门的响应承诺（紧急呼叫时限）",
        parents=[common.database, common.user],
    )
    p.add_argument("department", help="区直部门编码，如 YJJ")
    p.add_argument("--ack", type=int, required=True, help="响应时限（分钟）")
    p.add_argument("--arrive", type=int, required=True, help="到场时限（分钟）")
    p.add_argument("--handle", type=int, required=True, help="办结时限（工作日）")
    p.set_defaults(handler=response)

    p = commands.add_parser(
        "step-limits",
        help="某类问题自己的研判、核查、结案时限（工作日；不填则用默认：研判 1、核查 3、结案 1）",
        parents=[common.database, common.user],
    )
    p.add_argument("category", help="问题类别编码，如 0101")
    for option, words in (("triage", "研判"), ("verify", "核查"), ("close", "结案")):
        p.add_argument(f"--{option}-days", type=int, help=f"{words}时限（工作日）")
    p.set_defaults(handler=step_limits)

    for name, kind_of_slip, title in SLIPS:
        p = commands.add_parser(
            name, help=f"打印{title}（PDF）", parents=[common.database, common.user]
        )
        p.add_argument("number", help="案件编号")
        p.add_argument("-o", "--output", required=True, type=Path)
        p.set_defaults(handler=slip, kind=kind_of_slip, title=title)

    p = commands.add_parser(
        "calls",
        help="对区直部门的呼叫及响应计时",
        parents=[common.database, common.user, common.json],
    )
    p.add_argument("--open", action="store_true", help="只看未确认办结的呼叫")
    p.set_defaults(handler=calls)


def tasks(ctx: Context) -> int:
    from app.store.queues import my_tasks

    rows = my_tasks(ctx.db, ctx.user)
    if ctx.json:
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


def overdue(ctx: Context) -> int:
    """The board (store/board.py): each case once per unit it waits on, its most urgent
    clock, how many of that unit's clocks are late, and how often it was supervised; the
    cases due soon below. ``--json`` lists the overdue rows."""
    from app.store.board import BoardRow, board

    ref = ReferenceData(ctx.db)
    watch = board(ctx.db, ctx.clock.now())
    if ctx.json:
        print_json([asdict(row) for row in watch.overdue])
        return 0

    def line(r: BoardRow) -> list[str]:
        kind = CLOCK_WORDS.get(r.kind, r.kind)
        return [
            r.number,
            kind + (f"（另 {r.clocks - 1} 项）" if r.clocks > 1 else ""),
            r.due[:16],
            ref.department_name(r.unit or "—"),
            chinese(CaseStatus(r.status)),
            f"督办过 {r.supervision_count} 次" if r.supervision_count else "",
        ]

    headers = ["案件编号", "环节", "应完成时间", "责任单位", "状态", "督办"]
    print_table(headers, [line(r) for r in watch.overdue])
    print(f"共 {len(watch.overdue)} 件超期")
    if watch.due_soon:
        print("\n即将到期：")
        print_table(headers, [line(r) for r in watch.due_soon])
        print(f"共 {len(watch.due_soon)} 件即将到期")
    return 0


def calls(ctx: Context) -> int:
    from app.store.clocks import calls as call_list

    ref = ReferenceData(ctx.db)
    rows = call_list(ctx.db, ctx.clock.now(), open_only=ctx.args.open)
    if ctx.json:
        print_json([call_json(c) for c in rows])
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


def slip(ctx: Context) -> int:
    """A printed slip of a case (督办单, 呼叫单, 移送函) as a PDF with its check code."""
    from app.reports.slips import write_slip

    args = ctx.args
    code = write_slip(ctx.db, args.kind, args.number, args.output, ctx.user.role)
    print(f"已生成{args.title}：{args.output}（校验码 {code}）")
    return 0


def calendar(ctx: Context) -> int:
    from app.store.calendar_days import overrides, set_day, set_office_hours

    args, db = ctx.args, ctx.db
    if args.office:
        start, _, end = args.office.partition("-")
        moved = set_office_hours(db, ctx.user, start, end, wall=ctx.clock.wall)
        print(f"办公时间已设为 {args.office}，{moved} 件在办案件的期限已重新计算。")
    if args.holiday:
        _set_year(ctx)
    if args.day:
        if args.working is None:
            raise DomainError("calendar_kind_missing")
        moved = set_day(db, ctx.user, args.day, args.working, args.note, wall=ctx.clock.wall)
        kind = "工作日" if args.working else "休息日"
        print(f"已将 {args.day} 设为{kind}，{moved} 件在办案件的期限已重新计算。")
    if args.year:
        _print_year(ctx, args.year)
    _print_notice(ctx)
    for day in overrides(db):
        print(f"{day.day}  {'工作日' if day.working else '休息日'}  {day.note}")
    return 0


def _set_year(ctx: Context) -> None:
    from app.core.holidays import parse_festival
    from app.store.calendar_days import set_year

    if not ctx.args.year:
        raise DomainError("holiday_year_missing")
    festivals = [parse_festival(text) for text in ctx.args.holiday]
    moved = set_year(ctx.db, ctx.user, ctx.args.year, festivals, wall=ctx.clock.wall)
    print(f"已录入 {ctx.args.year} 年节假日安排，{moved} 件在办案件的期限已重新计算。")


def _print_year(ctx: Context, year: int) -> None:
    from app.core.holidays import check_year
    from app.store.work_calendar import holiday_schedules

    check_year(year)
    for entry in holiday_schedules(ctx.db).get(year, []):
        working = "、".join(day.isoformat() for day in entry.working) or "无"
        print(
            f"{'、'.join(entry.names)}  放假 {entry.rest_from.isoformat()} 至 "
            f"{entry.rest_to.isoformat()}  调休上班 {working}"
        )


def _print_notice(ctx: Context) -> None:
    """Says which year's holidays are not known yet, as the workbench does."""
    from app.core.holidays import missing_festivals
    from app.store.calendar_days import calendar_notice, known_year
    from app.store.work_calendar import holiday_schedules

    notice = calendar_notice(ctx.db, ctx.clock.today())
    years = {notice.year} if notice else set()
    if ctx.args.year and not known_year(ctx.db, ctx.args.year):
        years.add(ctx.args.year)
    schedules = holiday_schedules(ctx.db)
    for year in sorted(years):
        lacking = missing_festivals(schedules.get(year, []))
        print(
            f"注意：{year} 年的法定节假日安排尚未录入（缺{'、'.join(lacking)}），"
            f"暂按周一至周五计算工作日；"
            f"请用 towndesk calendar --year {year} --holiday … 录入国务院公布的安排。"
        )


def response(ctx: Context) -> int:
    from app.core.model import ResponseCommitment
    from app.store.setup import set_response_commitment

    args, user = ctx.args, ctx.user
    commitment = ResponseCommitment(args.ack, args.arrive, args.handle)
    set_response_commitment(ctx.db, user, args.department, commitment, wall=ctx.clock.wall)
    print(
        f"{args.department.upper()}：紧急呼叫 {args.ack} 分钟内响应，{args.arrive} 分钟内到场，"
        f"{args.handle} 个工作日内办结（一般呼叫的分钟数加倍）。"
    )
    return 0


def step_limits(ctx: Context) -> int:
    """Set a category's own limits when any is given (the whole set), then show them."""
    from app.core.step_limits import (
        CLOSE_LIMIT_DAYS,
        TRIAGE_LIMIT_DAYS,
        VERIFY_LIMIT_DAYS,
        StepLimits,
    )
    from app.store.step_limits import set_step_limits
    from app.store.step_limits import step_limits as read_limits

    args, code = ctx.args, ctx.args.category
    given = StepLimits(args.triage_days, args.verify_days, args.close_days)
    if given != StepLimits():
        limits = set_step_limits(ctx.db, ctx.user, code, given, wall=ctx.clock.wall)
    else:
        limits = read_limits(ctx.db, code)

    def days(own: int | None, default: int) -> str:
        return f"{default} 个工作日（默认）" if own is None else f"{own} 个工作日"

    print(
        f"{code}：研判 {days(limits.triage_days, TRIAGE_LIMIT_DAYS)}，"
        f"核查 {days(limits.verify_days, VERIFY_LIMIT_DAYS)}，"
        f"结案 {days(limits.close_days, CLOSE_LIMIT_DAYS)}；"
        "紧急案件研判 2 小时、核查 4 小时（工作时间）。"
    )
    return 0
